// Fuzzes the parser: on every input it must not crash, printing the tree
// must give the input back byte for byte, and the tree must account for
// every byte.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/parser.h"
#include "core/printer.h"

namespace {

void Check(bool condition, const char* what) {
  if (!condition) {
    __builtin_fprintf(stderr, "parse_fuzzer: %s\n", what);
    std::abort();
  }
}

bool IsWhitespace(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ngxfix::SyntaxTree tree = ngxfix::Parse(text);
  Check(ngxfix::Print(tree) == text, "print differs from the input");

  // Only whitespace lies between tokens, except in the part of a file that
  // a fatal error left unparsed (and then a diagnostic says so).
  auto unparsed = [&](uint32_t offset) {
    for (const ngxfix::File& f : tree.files()) {
      if (f.unparsed_from != ngxfix::kNone && offset >= f.unparsed_from &&
          offset <= f.end) {
        return true;
      }
    }
    return false;
  };
  uint32_t cursor = 0;
  for (const ngxfix::Token& t : tree.tokens()) {
    Check(t.offset >= cursor && t.length > 0, "tokens overlap or are empty");
    std::string_view gap(text.data() + cursor, t.offset - cursor);
    Check(IsWhitespace(gap) || unparsed(cursor), "bytes outside tokens");
    cursor = t.offset + t.length;
  }
  Check(IsWhitespace(std::string_view(text).substr(cursor)) || unparsed(cursor),
        "bytes after the last token");
  for (const ngxfix::File& f : tree.files()) {
    Check(f.unparsed_from == ngxfix::kNone || !tree.ok(),
          "a file was left unparsed without an error");
  }
  for (const auto& d : tree.diagnostics()) {
    Check(d.line >= 1 && d.column >= 1 && d.offset <= text.size(),
          "diagnostic without a position");
  }
  return 0;
}
