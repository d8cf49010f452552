// The last gate before a request leaves the page: every string the body
// carries (decoded, as the model will read it) goes through Scan() with the
// redaction map, which finds what the detectors find and every original of
// the map in every form redaction hides it in.  The strings are scanned as
// one text, a line each, so that the map's search is built once.

#include <nlohmann/json.hpp>

#include "llm/llm.h"

namespace ngxfix {
namespace {

// Every string of the JSON value, keys too, one a line.
void CollectStrings(const nlohmann::ordered_json& value, std::string* out) {
  if (value.is_string()) {
    *out += value.get_ref<const std::string&>();
    *out += '\n';
  } else if (value.is_structured()) {
    for (const auto& [key, item] : value.items()) {
      *out += key;
      *out += '\n';
      CollectStrings(item, out);
    }
  }
}

}  // namespace

std::vector<Detection> CheckOutgoing(std::string_view body,
                                     const RedactionMap& map, ScanOptions words) {
  words.placeholders = &map;
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded()) return Scan(body, words);  // not JSON: the raw text leaves
  std::string strings;
  CollectStrings(json, &strings);
  return Scan(strings, words);
}

}  // namespace ngxfix
