// Fuzzes redaction: on every input, redaction must not fail, the redacted
// text must rehydrate to the input byte for byte (also through the map's
// JSON), parse exactly as the input does (the same tokens, the same
// errors), and hold no original of its map where it stands whole; Scan()
// with the map must not crash.  One exception to "parses exactly as the
// input": nginx rejects a word of 4096 bytes or more ("too long
// parameter"), and a placeholder may be longer or shorter than what it
// replaces (a quoted string left open swallows the next lines, whose words
// become pieces of one secret), so when the two texts have that error a
// different number of times the parse is not compared.  Whether something
// sensitive leaked cannot be judged here: the generator test
// (tests/redact/) plants values for that.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/parser.h"
#include "redact/edges.h"
#include "redact/literal_matcher.h"
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
      ngxfix::RedactionMapToJson(r.map).dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::replace),
      &error);
  Check(map.has_value(), "the map's JSON does not read back");

  ngxfix::SyntaxTree redacted = ngxfix::Parse(r.text);
  if (tree.files().size() == 1 && tree.files()[0].unparsed_from == ngxfix::kNone &&
      TooLong(redacted) == TooLong(tree)) {
    Check(redacted.ok() == tree.ok(), "redaction changed whether the text parses");
    Check(redacted.tokens().size() == tree.tokens().size(), "redaction changed the tokens");
    Check(SameDiagnostics(redacted, tree), "redaction changed the diagnostics");
  }
  // Originals, outside the placeholders (a CIDR's placeholder may hold
  // another original address: the mapping is a bijection), are gone where
  // they stand whole in the redacted text.  The edges are judged on that
  // text as it is: in "127.0.0.a4z.zdf.zdf", where only the known suffix
  // of a longer name was hidden, 127.0.0 is not a name of its own.
  // Secrets shorter than 4 bytes are only hidden where found, so secrets
  // and words are not checked here.
  std::vector<ngxfix::redact::LiteralMatcher::Literal> placeholders;
  for (const ngxfix::RedactionEntry& e : r.map.entries) {
    Check(e.placeholder != e.original, "a placeholder equals its original");
    placeholders.push_back({e.placeholder, e.kind});
  }
  std::vector<bool> in_placeholder(r.text.size(), false);
  ngxfix::redact::LiteralMatcher(placeholders, ngxfix::redact::Edges::kPlaceholder)
      .ForEach(r.text, [&](size_t b, size_t e, size_t) {
        std::fill(in_placeholder.begin() + b, in_placeholder.begin() + e, true);
      });
  for (const ngxfix::RedactionEntry& e : r.map.entries) {
    if (e.kind == ngxfix::RedactionKind::kSecret || e.kind == ngxfix::RedactionKind::kWord) {
      continue;
    }
    for (size_t at = r.text.find(e.original); at != std::string::npos;
         at = r.text.find(e.original, at + 1)) {
      size_t end = at + e.original.size();
      if (std::find(in_placeholder.begin() + at, in_placeholder.begin() + end, true) !=
          in_placeholder.begin() + end) {
        continue;
      }
      // A network that maps onto itself (10.0.0.0/8) stays, and may start
      // with an address hidden elsewhere; $rp.shop is the variable $rp.
      if (end < r.text.size() && r.text[end] == '/') continue;
      if (at > 0 && r.text[at - 1] == '$') continue;
      Check(!ngxfix::redact::Bounded(r.text, at, end, e.kind,
                                     ngxfix::redact::Edges::kOriginal),
            "an original survived where it stands whole");
    }
  }
  ngxfix::ScanOptions scan;
  scan.placeholders = &r.map;
  ngxfix::Scan(r.text, scan);
  return 0;
}
