// Rehydrate(): every placeholder of the map, where it stands whole, back to
// its original.  The edges are those redaction used (edges.h), so redacted
// text comes back byte for byte; in text written from it, a placeholder is
// found wherever it stands, however it is quoted.

#include "redact/forms.h"
#include "redact/literal_matcher.h"
#include "redact/redact.h"

namespace ngxfix {

std::string Rehydrate(std::string_view text, const RedactionMap& map) {
  if (map.entries.empty()) return std::string(text);
  std::vector<redact::LiteralMatcher::Literal> literals;
  literals.reserve(map.entries.size());
  for (const RedactionEntry& e : map.entries) literals.push_back({e.placeholder, e.kind});
  redact::LiteralMatcher matcher(std::move(literals), redact::Edges::kPlaceholder);
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  matcher.ForEach(text, [&](size_t b, size_t e, size_t i) {
    out.append(text.substr(copied, b - copied));
    out += map.entries[i].original;
    copied = e;
  });
  out.append(text.substr(copied));
  return out;
}

}  // namespace ngxfix

namespace ngxfix {

RedactionMap HidingMap(const RedactionMap& map) {
  RedactionMap hiding;
  for (const RedactionEntry& e : map.entries) {
    hiding.entries.push_back({e.original, e.placeholder, e.kind, e.detector});
    std::array<std::string, 4> written = redact::OtherForms(e.original);
    for (size_t i = 0; i < written.size(); ++i) {
      if (written[i] == e.original) continue;
      hiding.entries.push_back({std::move(written[i]),
                                redact::Write(redact::kOtherForms[i], e.placeholder), e.kind,
                                e.detector});
    }
  }
  return hiding;
}

}  // namespace ngxfix
