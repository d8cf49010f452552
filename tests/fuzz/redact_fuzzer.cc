// Fuzzes redaction: on every input, redaction must not fail, the redacted
// text must rehydrate to the input byte for byte (also through the map's
// JSON), parse exactly as the input does (the same tokens, the same
// errors), and hold no original of its map in any form redaction hides it
// in (Scan() with the map, the last gate, finds none).  One exception to "parses exactly as the
// input": nginx rejects a word of 4096 bytes or more ("too long
// parameter"), and a placeholder may be longer or shorter than what it
// replaces (a quoted string left open swallows the next lines, whose words
// become pieces of one secret), so when the two texts have that error a
// different number of times the parse is not compared.  Whether something
// sensitive leaked cannot be judged here: the generator test
// (tests/redact/) plants values for that.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/parser.h"
#include "redact/redact.h"

namespace {

void Check(bool condition, const char* what) {
  if (!condition) {
    __builtin_fprintf(stderr, "redact_fuzzer: %s\n", what);
    std::abort();
  }
}

int TooLong(const ngxfix::SyntaxTree& tree) {
  int count = 0;
  for (const ngxfix::Diagnostic& d : tree.diagnostics()) {
    count += d.message.rfind("too long parameter", 0) == 0;
  }
  return count;
}

// The same errors on the same lines; the text a message quotes may differ
// (unexpected "N" where a secret beginning with N was replaced), and which
// of nginx's two "too long parameter" messages it is (whether the 4096th
// byte falls inside quotes depends on the lengths of the values before it).
bool SameDiagnostics(const ngxfix::SyntaxTree& a, const ngxfix::SyntaxTree& b) {
  if (a.diagnostics().size() != b.diagnostics().size()) return false;
  auto words = [](const std::string& m) {
    if (m.rfind("too long parameter", 0) == 0) return std::string("too long parameter");
    return m.substr(0, m.find('"'));
  };
  for (size_t i = 0; i < a.diagnostics().size(); ++i) {
    if (words(a.diagnostics()[i].message) != words(b.diagnostics()[i].message) ||
        a.diagnostics()[i].line != b.diagnostics()[i].line) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ngxfix::SyntaxTree tree = ngxfix::Parse(text);
  ngxfix::RedactOptions options;
  options.key = ngxfix::RedactionKey{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  ngxfix::RedactResult r = ngxfix::Redact(tree, options);
  Check(r.error.empty(), "redaction failed");
  Check(ngxfix::Rehydrate(r.text, r.map) == text, "rehydration differs from the input");
  std::string error;
  auto map = ngxfix::RedactionMapFromJson(
      ngxfix::JsonText([&](ngxfix::JsonWriter& j) { ngxfix::WriteRedactionMap(j, r.map); }),
      &error);
  Check(map.has_value(), "the map's JSON does not read back");

  ngxfix::SyntaxTree redacted = ngxfix::Parse(r.text);
  if (tree.files().size() == 1 && tree.files()[0].unparsed_from == ngxfix::kNone &&
      TooLong(redacted) == TooLong(tree)) {
    Check(redacted.ok() == tree.ok(), "redaction changed whether the text parses");
    Check(redacted.tokens().size() == tree.tokens().size(), "redaction changed the tokens");
    Check(SameDiagnostics(redacted, tree), "redaction changed the diagnostics");
  }
  // The invariant: no original of the map can be read anywhere in the
  // redacted text, in any form redaction hides it in (originals.h), outside
  // the placeholders (a CIDR's placeholder may hold another original
  // address: the mapping is a bijection).  Scan() with the map is that
  // check, as the last gate runs it.  Two exceptions: a network that maps
  // onto itself (10.0.0.0/8) stays, and may start with an address hidden
  // elsewhere; $rp.shop is the variable $rp.
  for (const ngxfix::RedactionEntry& e : r.map.entries) {
    Check(e.placeholder != e.original, "a placeholder equals its original");
  }
  ngxfix::ScanOptions scan;
  scan.placeholders = &r.map;
  for (const ngxfix::Detection& d : ngxfix::Scan(r.text, scan)) {
    if (d.detector.rfind("original:", 0) != 0) continue;
    size_t end = d.offset + d.length;
    if (end < r.text.size() && r.text[end] == '/') continue;
    if (d.offset > 0 && r.text[d.offset - 1] == '$') continue;
    __builtin_fprintf(stderr, "redact_fuzzer: %s at %u:%u: %.*s\n", d.detector.c_str(), d.line,
                      d.column, int(d.length), r.text.data() + d.offset);
    Check(false, "an original can still be read in the redacted text");
  }
  return 0;
}
