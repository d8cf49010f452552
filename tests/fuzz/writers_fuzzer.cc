// Fuzzes every JSON writer over arbitrary bytes: the tree (ngxfix's JSON and
// crossplane's), check's JSON and SARIF, diagnose's JSON (the input read as
// an error log and linked to itself as a configuration), the redaction map
// and redact's JSON.  None may throw (an exception ends the run as a crash),
// each must parse back as JSON, and what must come back does: the map's
// originals and the redacted text, byte for byte.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/analysis.h"
#include "core/check.h"
#include "core/json_export.h"
#include "core/json_writer.h"
#include "core/report.h"
#include "diagnose/diagnose.h"
#include "diagnose/report.h"
#include "redact/redact.h"

namespace {

void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "writers_fuzzer: %s\n", what);
    std::abort();
  }
}

// What `write` writes parses back as JSON.
template <typename Write>
std::string Written(Write write, bool ascii = false) {
  std::string text = ngxfix::JsonText(write, -1, ascii);
  Check(!nlohmann::ordered_json::parse(text, nullptr, false).is_discarded(),
        "a writer wrote text that is not JSON");
  return text;
}

using ngxfix::JsonWriter;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ngxfix::SyntaxTree tree = ngxfix::Parse(text);
  Written([&](JsonWriter& j) { ngxfix::WriteTreeJson(tree, j); });
  Written([&](JsonWriter& j) { ngxfix::WriteCrossplane(tree, j); }, /*ascii=*/true);

  ngxfix::CheckResult checked = ngxfix::Check(tree, ngxfix::CheckOptions{});
  Written([&](JsonWriter& j) { ngxfix::WriteFindingsJson(j, tree, checked); });
  Written([&](JsonWriter& j) { ngxfix::WriteFindingsSarif(j, tree, checked); });

  ngxfix::DiagnoseResult diagnosis = ngxfix::Diagnose(text);
  ngxfix::LinkToConfig(ngxfix::Analysis(tree, {}), &diagnosis);
  Written([&](JsonWriter& j) { j.Value(ngxfix::DiagnosesToJson(diagnosis)); });

  ngxfix::RedactOptions options;
  options.key = ngxfix::RedactionKey{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  ngxfix::RedactResult redacted = ngxfix::Redact(tree, options);
  if (!redacted.error.empty()) return 0;
  std::string error;
  auto map = ngxfix::RedactionMapFromJson(
      Written([&](JsonWriter& j) { ngxfix::WriteRedactionMap(j, redacted.map); }), &error);
  Check(map.has_value(), "the map's JSON does not read back");
  Check(map->entries.size() == redacted.map.entries.size(), "the map lost entries");
  for (size_t i = 0; i < map->entries.size(); ++i) {
    Check(map->entries[i].original == redacted.map.entries[i].original,
          "an original did not come back byte for byte");
  }
  auto back = nlohmann::ordered_json::parse(
      Written([&](JsonWriter& j) {
        j.BeginObject().Bytes("text", redacted.text).EndObject();
      }),
      nullptr, false);
  Check(ngxfix::GetBytes(back, "text") == redacted.text,
        "the redacted text did not come back byte for byte");
  return 0;
}
