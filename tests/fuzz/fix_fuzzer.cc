// Fuzzes check and fix: on every input, fixing must not crash, the fixed
// text must parse with no more syntax errors than the input had, and fixing
// it again must change nothing.  The first byte picks the target nginx
// version and whether the backends are declared HTTP/1.x, so that the
// version- and backend-dependent rules all run.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/check.h"

namespace {

void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "fix_fuzzer: %s\n", what);
    std::abort();
  }
}

size_t Errors(const ngxfix::SyntaxTree& tree) {
  size_t errors = 0;
  for (const auto& d : tree.diagnostics()) {
    errors += d.severity == ngxfix::Severity::kError;
  }
  return errors;
}

constexpr ngxfix::NginxVersion kVersions[] = {
    {1, 22, 1}, {1, 24, 0}, {1, 25, 1}, {1, 29, 4}, {1, 29, 7}, {1, 31, 0},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  ngxfix::CheckOptions options;
  options.analysis.nginx_version = kVersions[data[0] % std::size(kVersions)];
  options.hardening = data[0] & 0x80;
  if (data[0] & 0x40) {
    // Every backend speaks HTTP/1.1: grpc-to-http1-backend and friends.
    for (const char* name : {"app", "backend", "127.0.0.1:8080"}) {
      options.analysis.backends.push_back({name, ngxfix::Protocol::kHttp1});
    }
  }
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ngxfix::ParseOptions parse_options;

  ngxfix::FixResult fix = ngxfix::Fix(text, parse_options, options);
  Check(Errors(ngxfix::Parse(fix.fixed, parse_options)) <=
            Errors(ngxfix::Parse(text, parse_options)),
        "the fix added syntax errors");
  ngxfix::FixResult again = ngxfix::Fix(fix.fixed, parse_options, options);
  Check(again.fixed == fix.fixed, "fix is not idempotent");
  (void)fix.UnifiedDiff();
  return 0;
}
