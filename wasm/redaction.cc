#include "wasm/redaction.h"

#include <optional>
#include <utility>

#include "core/diff.h"

namespace ngxfix::wasm {
namespace {

const RedactionKey& SessionKey() {
  static const RedactionKey key = RandomRedactionKey();
  return key;
}

// The map turned around: Rehydrate() with it puts each placeholder where its
// original stands whole, with the edges redaction itself uses.  That
// redacts the fixed text and the diff with the placeholders of the input.
RedactionMap Inverse(const RedactionMap& map) {
  RedactionMap inverse;
  for (const RedactionEntry& e : map.entries) {
    inverse.entries.push_back({e.original, e.placeholder, e.kind, e.detector});
  }
  return inverse;
}

nlohmann::ordered_json Unavailable(std::string reason) {
  return {{"available", false}, {"reason", std::move(reason)}};
}

}  // namespace

nlohmann::ordered_json RedactionToJson(const SyntaxTree& tree, const FixResult& fix,
                                       const RedactOptions& options) {
  RedactOptions keyed = options;
  keyed.key = SessionKey();
  RedactResult redacted = Redact(tree, keyed);
  if (!redacted.error.empty()) return Unavailable(redacted.error);

  const RedactionMap inverse = Inverse(redacted.map);
  auto hide = [&](std::string_view text) { return Rehydrate(text, inverse); };
  std::string fixed = hide(fix.fixed);
  std::string diff;
  for (const FileChange& change : fix.changes) {
    std::string before = hide(change.before);
    std::string after = hide(change.after);
    diff += FormatUnifiedDiff(hide(change.path), DiffLines(before, after));
  }
  // The last gate: what the patterns still find in the fixed text or the
  // diff (a value a fix wrote that the input did not hold) is redacted on
  // its own, with the same key; nothing unredacted is shown as redacted.
  ScanOptions scan;
  scan.sensitive_words = options.sensitive_words;
  scan.keep_words = options.keep_words;
  scan.placeholders = &redacted.map;
  if (!Scan(fixed, scan).empty() || !Scan(diff, scan).empty()) {
    RedactResult again = RedactText(fixed, keyed);
    if (!again.error.empty()) return Unavailable(again.error);
    fixed = std::move(again.text);
    RedactResult diff_again = RedactText(diff, keyed);
    if (!diff_again.error.empty()) return Unavailable(diff_again.error);
    diff = std::move(diff_again.text);
  }
  return {{"available", true},
          {"config", std::move(redacted.text)},
          {"fixed", std::move(fixed)},
          {"diff", std::move(diff)},
          {"report", RedactionReportToJson(redacted.report)},
          {"map", RedactionMapToJson(redacted.map)}};
}

}  // namespace ngxfix::wasm
