// Scan(): the patterns, the user's words and every way to read an original
// of a given map (originals.h) over any text, for the last gate before a
// payload leaves.  Placeholders of the map are what redaction put there,
// so they, and matches inside them, are not findings.

#include <algorithm>
#include <unordered_set>

#include "redact/detectors.h"
#include "redact/literal_matcher.h"
#include "redact/originals.h"
#include "redact/pieces.h"
#include "redact/redact.h"
#include "redact/sensitive_words.h"

namespace ngxfix {

std::vector<Detection> Scan(std::string_view text, const ScanOptions& options) {
  std::vector<redact::Candidate> spans;
  redact::FindCandidates(text, &spans);
  redact::FindSensitiveWords(text, options.sensitive_words, &spans);
  const bool mapped = options.placeholders && !options.placeholders->entries.empty();
  if (mapped) {
    const auto& entries = options.placeholders->entries;
    redact::OriginalForms originals;
    for (size_t i = 0; i < entries.size(); ++i) {
      originals.Add(entries[i].original, entries[i].kind, uint32_t(i));
    }
    // One detector name per entry found, registered once.
    std::vector<int> detector(entries.size(), -1);
    originals.ForEach(text, [&](size_t b, size_t e, const redact::OriginalForms::Searched& s) {
      if (detector[s.tag] < 0) {
        detector[s.tag] = redact::RegisterDetector("original:" + entries[s.tag].detector);
      }
      spans.push_back({uint32_t(b), uint32_t(e), s.kind, uint16_t(detector[s.tag])});
    });
  }
  redact::DropKeptWords(text, options.keep_words, &spans);
  if (mapped) {
    const auto& entries = options.placeholders->entries;
    std::vector<std::pair<size_t, size_t>> placed;
    std::vector<redact::LiteralMatcher::Literal> literals;
    for (const RedactionEntry& e : entries) {
      literals.push_back({e.placeholder, e.kind});
    }
    redact::LiteralMatcher(std::move(literals), redact::Edges::kPlaceholder)
        .ForEach(text, [&](size_t b, size_t e, size_t) { placed.push_back({b, e}); });
    spans.erase(std::remove_if(spans.begin(), spans.end(),
                               [&](const redact::Candidate& c) {
                                 auto after = std::upper_bound(
                                     placed.begin(), placed.end(),
                                     std::make_pair(size_t(c.begin), SIZE_MAX));
                                 return after != placed.begin() &&
                                        std::prev(after)->second >= c.end;
                               }),
                spans.end());
  }
  redact::ResolveOverlaps(&spans);
  std::vector<Detection> out;
  uint32_t line = 1;
  size_t line_start = 0, counted = 0;
  for (const redact::Candidate& c : spans) {
    for (; counted < c.begin; ++counted) {
      if (text[counted] == '\n') {
        ++line;
        line_start = counted + 1;
      }
    }
    out.push_back({c.begin, c.end - c.begin, line, uint32_t(c.begin - line_start + 1), c.kind,
                   std::string(redact::DetectorId(c.detector))});
  }
  return out;
}

}  // namespace ngxfix
