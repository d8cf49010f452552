// The user's sensitive and kept words (see sensitive_words.h).

#include "redact/sensitive_words.h"

#include <algorithm>
#include <cstdint>
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
  // Where each word occurs, in order: a span lies inside an occurrence when
  // the last one that starts at or before it reaches past its end.
  std::vector<std::vector<std::pair<size_t, size_t>>> occurrences(words.size());
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string& word = words[w];
    if (word.empty()) continue;
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
      occurrences[w].push_back({at, at + word.size()});
    }
  }
  auto inside_kept = [&](const Candidate& c) {
    for (const auto& of_word : occurrences) {
      auto after = std::upper_bound(of_word.begin(), of_word.end(),
                                    std::make_pair(size_t(c.begin), SIZE_MAX));
      if (after != of_word.begin() && std::prev(after)->second >= c.end) return true;
    }
    return false;
  };
  spans->erase(std::remove_if(spans->begin(), spans->end(),
                              [&](const Candidate& c) {
                                return kept.count(text.substr(c.begin, c.end - c.begin)) > 0 ||
                                       inside_kept(c);
                              }),
               spans->end());
}

}  // namespace ngxfix::redact
