// Fuzzes the WebAssembly module's analyze() (wasm/analyze.cc, built natively)
// over arbitrary bytes, as the page calls it: the bytes are the
// configuration (and, for half the inputs, the error log too), with the
// redaction and the highlight tokens asked for, and the hardening fixes for
// half the inputs.  The call may not fail, and its result must
// parse back as JSON, with the fixed text the same as fix's.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "core/check.h"
#include "core/json_writer.h"
#include "wasm/result.h"

extern "C" ngxfix::wasm::Result* ngxfix_analyze(char* text, uint32_t size,
                                                char* options_json,
                                                uint32_t options_size);

namespace {

void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "analyze_fuzzer: %s\n", what);
    std::abort();
  }
}

// A malloc()ed copy, which the entry point takes over.
char* Handed(const std::string& s) {
  char* copy = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(copy, s.data(), s.size());
  return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  nlohmann::ordered_json options = {{"hardening", size % 2 == 0},
                                    {"redact", true},
                                    {"tokens", true}};
  const bool with_log = size % 4 >= 2;
  // The log as the page sends it: a JSON string, so valid UTF-8.
  if (with_log) options["error_log"] = ngxfix::ValidUtf8(text);
  std::string options_text = ngxfix::WriteJson(options);
  ngxfix::wasm::Result* result =
      ngxfix_analyze(Handed(text), uint32_t(text.size()), Handed(options_text),
                     uint32_t(options_text.size()));
  Check(result->status != ngxfix::wasm::kFailed, "analyze() failed");
  auto json = nlohmann::ordered_json::parse(result->bytes, nullptr, false);
  Check(!json.is_discarded(), "analyze() wrote text that is not JSON");
  Check(json.contains("fixed") && json["findings"].is_array() &&
            json["redaction"].is_object(),
        "analyze()'s result lacks a field");
  ngxfix::ParseOptions parse_options;
  parse_options.file_name = "nginx.conf";
  ngxfix::CheckOptions check_options;
  check_options.hardening = size % 2 == 0;
  // Without a log (whose lines are evidence), the same fix as the CLI's;
  // the JSON holds the text as UTF-8.
  if (!with_log && ngxfix::IsUtf8(text)) {
    Check(json["fixed"] == ngxfix::Fix(text, parse_options, check_options).fixed,
          "analyze()'s fixed text differs from fix's");
  }
  delete result;
  return 0;
}
