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
  std::vector<std::pair<size_t, size_t>> occurrences;  // of the kept words
  for (const std::string& word : words) {
    if (word.empty()) continue;
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
      occurrences.push_back({at, at + word.size()});
    }
  }
  // Sorted by start, each with the furthest end of those up to it: a span
  // lies inside one when that end reaches past it.
  std::sort(occurrences.begin(), occurrences.end());
  for (size_t i = 1; i < occurrences.size(); ++i) {
    occurrences[i].second = std::max(occurrences[i].second, occurrences[i - 1].second);
  }
  auto inside_kept = [&](const Candidate& c) {
    auto after = std::upper_bound(occurrences.begin(), occurrences.end(),
                                  std::make_pair(size_t(c.begin), SIZE_MAX));
    return after != occurrences.begin() && std::prev(after)->second >= c.end;
  };
  spans->erase(std::remove_if(spans->begin(), spans->end(),
                              [&](const Candidate& c) {
                                return kept.count(text.substr(c.begin, c.end - c.begin)) > 0 ||
                                       inside_kept(c);
                              }),
               spans->end());
}

}  // namespace ngxfix::redact
