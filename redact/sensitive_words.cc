// The user's sensitive and kept words (see sensitive_words.h).

#include "redact/sensitive_words.h"

#include <algorithm>
#include <unordered_set>

namespace ngxfix::redact {

void FindSensitiveWords(std::string_view text, const std::vector<std::string>& words,
                        std::vector<Candidate>* out) {
  if (words.empty()) return;
  uint16_t detector = RegisterDetector("word");
  for (const std::string& word : words) {
    if (word.empty()) continue;
    for (size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + word.size())) {
      out->push_back({uint32_t(at), uint32_t(at + word.size()), RedactionKind::kWord, detector});
    }
  }
}

void DropKeptWords(std::string_view text, const std::vector<std::string>& words,
                   std::vector<Candidate>* spans) {
  if (words.empty()) return;
  std::unordered_set<std::string_view> kept(words.begin(), words.end());
  spans->erase(std::remove_if(spans->begin(), spans->end(),
                              [&](const Candidate& c) {
                                return kept.count(text.substr(c.begin, c.end - c.begin)) > 0;
                              }),
               spans->end());
}

}  // namespace ngxfix::redact
