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

void Unavailable(JsonWriter& json, std::string_view reason) {
  json.BeginObject();
  json.Key("available").Bool(false);
  json.Key("reason").String(reason);
  json.EndObject();
}

}  // namespace

void WriteRedaction(JsonWriter& json, const FixResult& fix,
                    const RedactOptions& options) {
  RedactOptions keyed = options;
  keyed.key = SessionKey();
  RedactResult redacted = Redact(fix.input, keyed);
  if (!redacted.error.empty()) return Unavailable(json, redacted.error);

  const RedactionMap hiding = HidingMap(redacted.map);
  auto hide = [&](std::string_view text) { return Rehydrate(text, hiding); };
  std::string fixed = hide(fix.fixed);
  std::string diff;
  for (const FileChange& change : fix.changes) {
    std::string before = hide(fix.Before(change));
    std::string after = hide(fix.After(change));
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
    if (!again.error.empty()) return Unavailable(json, again.error);
    std::vector<Detection> left = Scan(again.text, scan);
    if (!left.empty()) {
      return Unavailable(json, "a " + std::string(RedactionKindName(left[0].kind)) +
                                   " (" + left[0].detector +
                                   ") would still show in the redacted " +
                                   (text == &fixed ? "fix" : "diff"));
    }
    *text = std::move(again.text);
  }
  json.BeginObject();
  json.Key("available").Bool(true);
  json.Key("config").String(redacted.text);
  json.Key("fixed").String(fixed);
  json.Key("diff").String(diff);
  json.Key("report");
  WriteRedactionReport(json, redacted.report);
  json.Key("map");
  WriteRedactionMap(json, redacted.map);
  json.EndObject();
}

}  // namespace ngxfix::wasm
