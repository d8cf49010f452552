// Every file of ../shared/corpus: printing the tree gives the input back
// byte for byte, and the tree accounts for every byte (tokens in order, only
// whitespace between them, node ranges nested in their parents).

#include <gtest/gtest.h>

#include <string>

#include "core/parser.h"
#include "core/printer.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using testing::CorpusDir;
using testing::CorpusFiles;
using testing::ReadFile;

bool IsWhitespace(std::string_view gap) {
  return gap.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Returns "" when the tree covers the text as described above.
std::string CheckStructure(const SyntaxTree& tree) {
  uint32_t cursor = 0;
  for (const Token& t : tree.tokens()) {
    if (t.offset < cursor) return "tokens overlap at " + std::to_string(cursor);
    std::string_view gap =
        std::string_view(tree.text()).substr(cursor, t.offset - cursor);
    if (!IsWhitespace(gap)) {
      return "non-whitespace outside tokens at offset " +
             std::to_string(cursor);
    }
    if (t.length == 0) return "empty token at " + std::to_string(t.offset);
    cursor = t.offset + t.length;
  }
  if (!IsWhitespace(std::string_view(tree.text()).substr(cursor))) {
    return "non-whitespace after the last token";
  }
  for (const Node& n : tree.nodes()) {
    if (n.first_token >= n.end_token) return "empty node";
    if (n.parent != kNone) {
      const Node& p = tree.nodes()[n.parent];
      if (n.first_token <= p.first_token || n.end_token > p.end_token) {
        return "node outside its parent at token " +
               std::to_string(n.first_token);
      }
    }
    if (n.next_sibling != kNone &&
        tree.nodes()[n.next_sibling].first_token < n.end_token) {
      return "siblings overlap at token " + std::to_string(n.first_token);
    }
  }
  return "";
}

TEST(Corpus, EveryFileRoundTripsAndIsFullyTokenized) {
  std::string corpus = CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus is absent";
  int files = 0, with_errors = 0;
  for (const std::string& path : CorpusFiles(corpus)) {
    std::string text = ReadFile(path);
    SyntaxTree tree = Parse(text, ParseOptions{path});
    EXPECT_EQ(Print(tree), text) << path;
    EXPECT_EQ(CheckStructure(tree), "") << path;
    ++files;
    if (!tree.ok()) {
      ++with_errors;
      const Diagnostic& d = tree.diagnostics()[0];
      std::cout << "  syntax error: " << path << ":" << d.line << ":"
                << d.column << ": " << d.message << "\n";
    }
  }
  std::cout << files << " corpus files round-tripped, " << with_errors
            << " with syntax errors\n";
  EXPECT_GT(files, 100);
}

}  // namespace
}  // namespace ngxfix
