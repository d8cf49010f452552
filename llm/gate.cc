// The last gate before a request leaves the page: every string the body
// carries (decoded, as the model will read it) is scanned by redact/'s
// detectors and searched for every original value of the redaction map.

#include <cctype>

#include <nlohmann/json.hpp>

#include "llm/llm.h"

namespace ngxfix {
namespace {

bool IsWordByte(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) != 0;
}

// Originals of the map found in `text`, where they stand as a whole (so
// that 10.0.2.1 is not found in 10.0.2.10).
void FindOriginals(std::string_view text, const RedactionMap& map,
                   std::vector<Detection>* found) {
  for (const RedactionEntry& entry : map.entries) {
    const std::string& value = entry.original;
    if (value.empty()) continue;
    for (size_t at = text.find(value); at != std::string_view::npos;
         at = text.find(value, at + 1)) {
      size_t end = at + value.size();
      if ((at > 0 && IsWordByte(text[at - 1]) && IsWordByte(value.front())) ||
          (end < text.size() && IsWordByte(text[end]) &&
           IsWordByte(value.back()))) {
        continue;
      }
      uint32_t line = 1, column = 1;
      for (size_t i = 0; i < at; ++i) {
        column = text[i] == '\n' ? 1 : column + 1;
        line += text[i] == '\n';
      }
      found->push_back(Detection{static_cast<uint32_t>(at),
                                 static_cast<uint32_t>(value.size()), line,
                                 column, entry.kind,
                                 "original:" + entry.detector});
    }
  }
}

// `options.placeholders` is the map whose originals are searched for.
void CheckText(std::string_view text, const ScanOptions& options,
               std::vector<Detection>* found) {
  for (Detection& d : Scan(text, options)) found->push_back(std::move(d));
  FindOriginals(text, *options.placeholders, found);
}

void CheckStrings(const nlohmann::ordered_json& value, const ScanOptions& options,
                  std::vector<Detection>* found) {
  if (value.is_string()) {
    CheckText(value.get_ref<const std::string&>(), options, found);
  } else if (value.is_structured()) {
    for (const auto& [key, item] : value.items()) {
      CheckText(key, options, found);
      CheckStrings(item, options, found);
    }
  }
}

}  // namespace

std::vector<Detection> CheckOutgoing(std::string_view body,
                                     const RedactionMap& map, ScanOptions words) {
  std::vector<Detection> found;
  words.placeholders = &map;
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded()) {
    CheckText(body, words, &found);  // not JSON: the raw text is what leaves
  } else {
    CheckStrings(json, words, &found);
  }
  return found;
}

}  // namespace ngxfix
