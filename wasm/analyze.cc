// The page's one call: ngxfix_analyze(text, options JSON) runs check and fix
// with the same inputs as `ngxfix check` / `ngxfix fix` and returns, as one
// JSON object, everything the page shows:
//
//   nginx_version   the version the findings are for
//   nginx_version_assumption  why that version, when none was given
//   ok              no syntax error
//   findings        as `ngxfix check --format json` prints them, plus `at`
//   syntax_errors   the same, plus `at`
//   backends        every backend a *_pass reaches, with what it speaks and
//                   why ngxfix thinks so (the settings the user may correct)
//   remaining       findings left in the fixed text
//   fixed           the whole fixed configuration
//   diff            a unified diff for `patch -p1` / `git apply`
//   changes         the same as structured hunks, per file
//   redaction       the redacted config, fixed text and diff, the report
//                   and the map (see redaction.h)
//   diagnoses       with an error log: its causes, as `ngxfix diagnose
//                   --format json` prints them (what the log says about a
//                   backend also decides its findings, as --evidence does)
//   tokens          syntax tokens for highlighting (see highlight.h): not in
//                   the JSON but beside it, as binary (ngxfix_result_tokens)
//
// `at` fields are UTF-16 offsets into the input, for placing marks in a JS
// string.  Options (all optional): {"nginx_version": "1.24.0",
// "modules": ["plus", "njs"], "backends": {"NAME": "PROTO"},
// "hardening": false, "file_name":
// "nginx.conf", "tokens": true, "redact": true, "sensitive_words": [],
// "keep_words": [], "error_log": ""}.
//
// ngxfix_rehydrate(text, map JSON) puts the real values back into text
// written from the redacted view.

#if defined(__EMSCRIPTEN__)
#include <emscripten/emscripten.h>
#else
// Built natively too: tests/fuzz/analyze_fuzzer.cc calls the entry points
// as the page does.
#define EMSCRIPTEN_KEEPALIVE
#endif

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis.h"
#include "core/check.h"
#include "core/json_writer.h"
#include "core/output.h"
#include "core/parser.h"
#include "core/report.h"
#include "diagnose/diagnose.h"
#include "diagnose/report.h"
#include "redact/redact.h"
#include "wasm/highlight.h"
#include "wasm/options.h"
#include "wasm/redaction.h"
#include "wasm/result.h"
#include "wasm/utf16_index.h"

namespace ngxfix::wasm {
namespace {

using Json = nlohmann::ordered_json;

struct Options {
  CheckOptions check;
  ParseOptions parse;
  RedactOptions redaction;
  bool tokens = true;
  bool redact = true;
  std::string error_log;  // lines of nginx's error log, "" for none
};

// Reads the options object; an error names the field and what it takes.
// Exceptions are compiled out, so every access checks the type first.
bool ReadOptions(const std::string& text, Options* options, std::string* error) {
  options->parse.file_name = "nginx.conf";
  if (text.empty()) return true;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *error = "options must be a JSON object";
    return false;
  }
  if (!ReadAnalysisOptions(j, &options->check.analysis, error)) return false;
  auto flag = [&](const char* key, bool* out) {
    if (!j.contains(key)) return true;
    if (!j[key].is_boolean()) {
      *error = std::string(key) + " takes true or false";
      return false;
    }
    *out = j[key].get<bool>();
    return true;
  };
  if (!flag("hardening", &options->check.hardening) ||
      !flag("tokens", &options->tokens) || !flag("redact", &options->redact)) {
    return false;
  }
  if (!ReadRedactionWords(j, &options->redaction.sensitive_words,
                          &options->redaction.keep_words, error)) {
    return false;
  }
  if (j.contains("file_name")) {
    if (!j["file_name"].is_string() || j["file_name"].get<std::string>().empty()) {
      *error = "file_name takes a non-empty string";
      return false;
    }
    options->parse.file_name = j["file_name"].get<std::string>();
  }
  if (j.contains("error_log")) {
    if (!j["error_log"].is_string()) {
      *error = "error_log takes a string";
      return false;
    }
    options->error_log = j["error_log"].get<std::string>();
  }
  return true;
}

std::string_view SourceName(BackendSource source) {
  switch (source) {
    case BackendSource::kOption: return "option";
    case BackendSource::kAnnotation: return "annotation";
    case BackendSource::kEvidence: return "evidence";
    case BackendSource::kInferred: return "inferred";
  }
  return "";
}

// Each backend once, at its first *_pass, in source order.
void WriteBackends(JsonWriter& json, const Analysis& analysis,
                   const Utf16Index& utf16) {
  const SyntaxTree& tree = analysis.tree();
  std::set<std::string> seen;
  json.BeginArray();
  for (const Pass& pass : analysis.passes()) {
    if (!pass.protocol || !seen.insert(pass.backend).second) continue;
    const Node& node = tree.nodes()[pass.node];
    uint32_t offset = tree.begin_offset(node);
    Position position = tree.position(offset);
    json.BeginObject();
    json.Key("name").String(pass.backend);
    json.Key("protocol").String(ProtocolName(pass.protocol->protocol));
    json.Key("source").String(SourceName(pass.protocol->source));
    json.Key("assumption").String(AssumptionOf(pass).text);
    json.Key("directive").String(pass.directive);
    json.Key("file").String(tree.files()[node.file].name);
    json.Key("line").Number(position.line);
    json.Key("at").Number(utf16(offset));
    json.EndObject();
  }
  json.EndArray();
}

void WriteHunks(JsonWriter& json, const FixResult& fix) {
  json.BeginArray();
  for (const FileChange& change : fix.changes) {
    json.BeginObject();
    json.Key("path").String(change.path);
    json.Key("hunks").BeginArray();
    for (const Hunk& hunk : fix.Hunks(change)) {
      json.BeginObject();
      json.Key("old_start").Number(hunk.old_start);
      json.Key("old_count").Number(hunk.old_count);
      json.Key("new_start").Number(hunk.new_start);
      json.Key("new_count").Number(hunk.new_count);
      json.Key("lines").BeginArray();
      for (const DiffLine& line : hunk.lines) {
        json.BeginArray();
        json.String(std::string_view(&line.kind, 1));
        json.String(line.text);
        json.EndArray();
      }
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

std::string_view FileName(const SyntaxTree& tree, uint16_t file) {
  return file < tree.files().size() ? std::string_view(tree.files()[file].name)
                                    : std::string_view();
}

}  // namespace
}  // namespace ngxfix::wasm

extern "C" {

// `text` and `options` are malloc()ed buffers the call takes over.
EMSCRIPTEN_KEEPALIVE ngxfix::wasm::Result* ngxfix_analyze(char* text,
                                                          uint32_t size,
                                                          char* options_json,
                                                          uint32_t options_size) {
  using namespace ngxfix;
  using namespace ngxfix::wasm;
  std::string input = Adopt(text, size);
  Options options;
  std::string error;
  if (!ReadOptions(Adopt(options_json, options_size), &options, &error)) {
    return Fail(error);
  }
  // What the log says about the backends is evidence for the analyzer.
  DiagnoseResult diagnosis;
  if (!options.error_log.empty()) {
    diagnosis = Diagnose(options.error_log);
    LinkToConfig(Analysis(Parse(input, options.parse), options.check.analysis),
                 &diagnosis);
    AddEvidence(diagnosis, &options.check.analysis);
  }
  FixResult fix = Fix(std::move(input), options.parse, options.check);
  const SyntaxTree& tree = fix.input;
  Utf16Index utf16(tree.text());

  std::string json_text;
  {
    Output output(&json_text);
    JsonWriter json(output);
    json.BeginObject();
    json.Key("nginx_version").String(fix.nginx_version.ToString());
    json.Key("nginx_version_assumption").String(fix.version_assumption);
    json.Key("ok").Bool(tree.ok());
    // The findings of the input are those Fix() found before fixing.
    json.Key("findings").BeginArray();
    for (const Finding& f : fix.findings) {
      json.BeginObject();
      WriteFindingMembers(json, f, FileName(tree, f.file));
      json.Key("at").Number(utf16(f.offset));
      json.EndObject();
    }
    json.EndArray();
    json.Key("syntax_errors").BeginArray();
    for (const Diagnostic& d : tree.diagnostics()) {
      json.BeginObject();
      WriteDiagnosticMembers(json, d, FileName(tree, d.file));
      json.Key("at").Number(utf16(d.offset));
      json.EndObject();
    }
    json.EndArray();
    json.Key("backends");
    WriteBackends(json, Analysis(tree, options.check.analysis), utf16);
    json.Key("remaining").BeginArray();
    for (const Finding& f : fix.remaining) {
      json.BeginObject();
      WriteFindingMembers(json, f, FileName(tree, f.file));
      json.EndObject();
    }
    json.EndArray();
    json.Key("diff").String(fix.UnifiedDiff());
    json.Key("changes");
    WriteHunks(json, fix);
    json.Key("redaction");
    if (options.redact) {
      WriteRedaction(json, fix, options.redaction);
    } else {
      json.BeginObject();
      json.Key("available").Bool(false);
      json.Key("reason").String("not asked for");
      json.EndObject();
    }
    if (!options.error_log.empty()) json.Key("diagnoses").Value(DiagnosesToJson(diagnosis));
    json.Key("fixed").String(fix.fixed);
    json.EndObject();
  }
  auto* result = new Result{std::move(json_text), tree.ok() ? kOk : kErrors};
  if (options.tokens) result->tokens = HighlightTokens(tree, utf16);
  return result;
}

// `text` and `map_json` (a redaction map: {"entries": [...]}) are malloc()ed
// buffers the call takes over.
EMSCRIPTEN_KEEPALIVE ngxfix::wasm::Result* ngxfix_rehydrate(char* text,
                                                            uint32_t size,
                                                            char* map_json,
                                                            uint32_t map_size) {
  using namespace ngxfix;
  std::string input = wasm::Adopt(text, size);
  std::string error;
  std::optional<RedactionMap> map =
      RedactionMapFromJson(wasm::Adopt(map_json, map_size), &error);
  if (!map) return wasm::Fail("bad redaction map: " + error);
  return new wasm::Result{Rehydrate(input, *map), wasm::kOk};
}

}  // extern "C"
