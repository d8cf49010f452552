// The WebAssembly entry points for the syntax tree (parse, diagnose, print)
// and the result buffers; check/fix/redact are in analyze.cc.  Plain C
// functions over byte buffers.
//
// Embind would need eval (the build forbids it with -sDYNAMIC_EXECUTION=0),
// so ngxfix.mjs calls these exports directly.  The calling convention:
//
//   - JS malloc()s a buffer, copies the input bytes into it and hands it over:
//     every entry point takes ownership of `text` and free()s it as soon as
//     the bytes are in a std::string, so the input is held once, not twice.
//   - Every entry point returns a Result (never null) that holds its output
//     bytes and a status; JS reads them with ngxfix_result_data/size/status
//     and releases them with ngxfix_result_free.
//
// Status: 0 the input parsed without errors, 1 it parsed with error
// diagnostics (the output is still complete), 2 the call failed (the output
// is a message, not a result).
//
// Text is bytes: nothing here assumes UTF-8.  JSON output is UTF-8, with
// bytes of the input that are not UTF-8 replaced by U+FFFD (JSON strings are
// Unicode; print() is the byte-exact path).

#include <emscripten/emmalloc.h>
#include <emscripten/emscripten.h>

#include <cstdint>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/json_export.h"
#include "core/parser.h"
#include "core/printer.h"
#include "core/syntax_tree.h"
#include "wasm/result.h"

#ifndef NGXFIX_VERSION
#define NGXFIX_VERSION "unknown"
#endif

namespace {

using ngxfix::wasm::Adopt;
using ngxfix::wasm::Dump;
using ngxfix::wasm::Fail;
using ngxfix::wasm::kErrors;
using ngxfix::wasm::kOk;
using ngxfix::wasm::Result;

enum Format : int32_t {
  kFormatNgxfix = 0,                // WriteTreeJson
  kFormatCrossplane = 1,            // WriteCrossplane
  kFormatCrossplaneComments = 2,    // WriteCrossplane, include_comments
};

nlohmann::ordered_json DiagnosticsToJson(const ngxfix::SyntaxTree& tree) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ngxfix::Diagnostic& d : tree.diagnostics()) {
    const auto& files = tree.files();
    list.push_back({
        {"severity", d.severity == ngxfix::Severity::kError ? "error"
                                                             : "warning"},
        {"file", d.file < files.size() ? files[d.file].name : std::string()},
        {"line", d.line},
        {"column", d.column},
        {"offset", d.offset},
        {"message", d.message},
    });
  }
  return list;
}

}  // namespace

extern "C" {

// Parses and returns the tree as JSON in one of the Format encodings.
// `name` (not owned, may be null) is the file name used in diagnostics.
EMSCRIPTEN_KEEPALIVE Result* ngxfix_parse(char* text, uint32_t size,
                                          const char* name, uint32_t name_size,
                                          int32_t format, int32_t split_dump) {
  std::string input = Adopt(text, size);
  if (format < kFormatNgxfix || format > kFormatCrossplaneComments) {
    return Fail("unknown format " + std::to_string(format));
  }
  ngxfix::ParseOptions options;
  if (name != nullptr) options.file_name.assign(name, name_size);
  options.split_dump = split_dump != 0;
  ngxfix::SyntaxTree tree = ngxfix::Parse(std::move(input), options);
  std::string json = ngxfix::JsonText([&](ngxfix::JsonWriter& out) {
    if (format == kFormatNgxfix) {
      ngxfix::WriteTreeJson(tree, out);
    } else {
      ngxfix::CrossplaneOptions cp;
      cp.include_comments = format == kFormatCrossplaneComments;
      ngxfix::WriteCrossplane(tree, out, cp);
    }
  });
  return new Result{std::move(json), tree.ok() ? kOk : kErrors};
}

// Parses and returns only what a checker needs first: the diagnostics and
// the size of the tree, as JSON.  Cheap next to ngxfix_parse (no tree JSON).
EMSCRIPTEN_KEEPALIVE Result* ngxfix_diagnose(char* text, uint32_t size,
                                             const char* name,
                                             uint32_t name_size,
                                             int32_t split_dump) {
  ngxfix::ParseOptions options;
  if (name != nullptr) options.file_name.assign(name, name_size);
  options.split_dump = split_dump != 0;
  ngxfix::SyntaxTree tree = ngxfix::Parse(Adopt(text, size), options);
  nlohmann::ordered_json j = {
      {"ok", tree.ok()},
      {"bytes", tree.text().size()},
      {"files", tree.files().size()},
      {"tokens", tree.tokens().size()},
      {"nodes", tree.nodes().size()},
      {"diagnostics", DiagnosticsToJson(tree)},
  };
  return new Result{Dump(j), tree.ok() ? kOk : kErrors};
}

// Parses and prints the tree back: the output equals the input byte for byte.
EMSCRIPTEN_KEEPALIVE Result* ngxfix_print(char* text, uint32_t size,
                                          int32_t split_dump) {
  ngxfix::ParseOptions options;
  options.split_dump = split_dump != 0;
  ngxfix::SyntaxTree tree = ngxfix::Parse(Adopt(text, size), options);
  std::string printed = ngxfix::Print(tree);
  int32_t status = tree.ok() ? kOk : kErrors;
  // Free the tree before the result is copied out to JS.
  tree = ngxfix::SyntaxTree();
  return new Result{std::move(printed), status};
}

EMSCRIPTEN_KEEPALIVE const char* ngxfix_result_data(const Result* r) {
  return r->bytes.data();
}
EMSCRIPTEN_KEEPALIVE uint32_t ngxfix_result_size(const Result* r) {
  return static_cast<uint32_t>(r->bytes.size());
}
EMSCRIPTEN_KEEPALIVE int32_t ngxfix_result_status(const Result* r) {
  return r->status;
}
// analyze()'s highlight tokens (highlight.h): `token_count` uint32 values
// at `tokens` (4-byte aligned), none for the other calls.
EMSCRIPTEN_KEEPALIVE const uint32_t* ngxfix_result_tokens(const Result* r) {
  return r->tokens.data();
}
EMSCRIPTEN_KEEPALIVE uint32_t ngxfix_result_token_count(const Result* r) {
  return static_cast<uint32_t>(r->tokens.size());
}
EMSCRIPTEN_KEEPALIVE void ngxfix_result_free(Result* r) { delete r; }

EMSCRIPTEN_KEEPALIVE const char* ngxfix_version() { return NGXFIX_VERSION; }

// The most input bytes Parse() accepts (core/parser.h).
EMSCRIPTEN_KEEPALIVE uint32_t ngxfix_max_input_bytes() {
  return static_cast<uint32_t>(ngxfix::kMaxInputBytes);
}

// The most heap the module has held from the system since it started: its
// peak memory, for benchmarks and the page.  emmalloc never gives memory
// back, so what it has taken from sbrk() is that peak.
EMSCRIPTEN_KEEPALIVE uint32_t ngxfix_heap_peak_bytes() {
  return static_cast<uint32_t>(emmalloc_dynamic_heap_size());
}

}  // extern "C"
