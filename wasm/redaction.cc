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

  const RedactionMap hiding = HidingMap(redacted.map);
  auto hide = [&](std::string_view text) { return Rehydrate(text, hiding); };
  std::string fixed = hide(fix.fixed);
  std::string diff;
  for (const FileChange& change : fix.changes) {
    std::string before = hide(change.before);
    std::string after = hide(change.after);
    diff += FormatUnifiedDiff(hide(change.path), DiffLines(before, after));
  }
  // The last gate: what the patterns, or the originals in any form, still
  // show in the fixed text or the diff (a value a fix wrote that the input
  // did not hold) is redacted on its own, with the same key; if anything
  // still shows after that, nothing is shown as redacted.
  ScanOptions scan;
  scan.sensitive_words = options.sensitive_words;
  scan.keep_words = options.keep_words;
  scan.placeholders = &redacted.map;
  for (std::string* text : {&fixed, &diff}) {
    if (Scan(*text, scan).empty()) continue;
    RedactResult again = RedactText(*text, keyed);
    if (!again.error.empty()) return Unavailable(again.error);
    std::vector<Detection> left = Scan(again.text, scan);
    if (!left.empty()) {
      return Unavailable("a " + std::string(RedactionKindName(left[0].kind)) + " (" +
                         left[0].detector + ") would still show in the redacted " +
                         (text == &fixed ? "fix" : "diff"));
    }
    *text = std::move(again.text);
  }
  return {{"available", true},
          {"config", std::move(redacted.text)},
          {"fixed", std::move(fixed)},
          {"diff", std::move(diff)},
          {"report", RedactionReportToJson(redacted.report)},
          {"map", RedactionMapToJson(redacted.map)}};
}

}  // namespace ngxfix::wasm
