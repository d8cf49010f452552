// Unified diffs are checked the only way that matters: real `patch` and
// `git apply` must turn the old text into the new one.

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "core/diff.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

// Applies `diff` to `before` in a temporary directory with `command`
// (run there, reading the diff from patch.diff); returns the patched text.
std::string Apply(const std::string& before, const std::string& diff,
                  const std::string& command) {
  TempDir dir;
  WriteFile(dir.path() + "/nginx.conf", before);
  WriteFile(dir.path() + "/patch.diff", diff);
  std::string shell = "cd '" + dir.path() + "' && " + command +
                      " < patch.diff > out.log 2>&1";
  int status = std::system(shell.c_str());
  EXPECT_EQ(status, 0) << command << ":\n"
                       << ReadFile(dir.path() + "/out.log") << "\n"
                       << diff;
  return ReadFile(dir.path() + "/nginx.conf");
}

void ExpectAppliesWithPatchAndGit(const std::string& before,
                                  const std::string& after) {
  std::string diff = FormatUnifiedDiff("nginx.conf", DiffLines(before, after));
  if (before == after) {
    EXPECT_EQ(diff, "");
    return;
  }
  EXPECT_EQ(Apply(before, diff, "patch -p1 --quiet --no-backup-if-mismatch"),
            after);
  EXPECT_EQ(Apply(before, diff, "git apply -p1 --whitespace=nowarn"), after);
}

TEST(Diff, FormatsHunksLikeDiffU) {
  std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
  std::string after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";
  EXPECT_EQ(FormatUnifiedDiff("x.conf", DiffLines(before, after)),
            "--- a/x.conf\n+++ b/x.conf\n"
            "@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n");
}

TEST(Diff, InsertionAtTheStartAndDeletionToEmpty) {
  EXPECT_EQ(FormatUnifiedDiff("x", DiffLines("b\n", "a\nb\n")),
            "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n+a\n b\n");
  ExpectAppliesWithPatchAndGit("a\nb\n", "");
  ExpectAppliesWithPatchAndGit("", "a\n");
}

TEST(Diff, KeepsCrlfAndMissingFinalNewline) {
  ExpectAppliesWithPatchAndGit("a {\r\n  b;\r\n}\r\n",
                               "a {\r\n  b;\r\n  c;\r\n}\r\n");
  ExpectAppliesWithPatchAndGit("a;\nb;", "a;\nb;\nc;");
  ExpectAppliesWithPatchAndGit("a;\nb;", "a;\nc;\n");
}

// Fixes spread over a long configuration: far more changed lines than
// Myers' algorithm is given over a whole file, each still its own small
// hunk (it was one hunk replacing the whole file).
TEST(Diff, ManyChangesFarApartStaySmallHunks) {
  std::string before, after;
  const int kBlocks = 6000;
  for (int i = 0; i < kBlocks; ++i) {
    std::string block = "server {\n    listen " + std::to_string(8000 + i) +
                        ";\n    location / {\n        proxy_pass http://b;\n"
                        "    }\n}\n";
    before += block;
    // Every other block gains a line, and every fourth one also loses one.
    if (i % 2 == 0) {
      block.insert(block.find("        proxy_pass"), "        proxy_http_version 1.1;\n");
    }
    if (i % 4 == 0) {
      size_t listen = block.find("    listen");
      block.erase(listen, block.find('\n', listen) + 1 - listen);
    }
    after += block;
  }
  std::vector<Hunk> hunks = DiffLines(before, after);
  EXPECT_EQ(hunks.size(), size_t{kBlocks / 2});
  int removed = 0, added = 0;
  for (const Hunk& h : hunks) {
    EXPECT_LE(h.lines.size(), 9u);
    for (const DiffLine& line : h.lines) {
      removed += line.kind == '-';
      added += line.kind == '+';
    }
  }
  EXPECT_EQ(removed, kBlocks / 4);
  EXPECT_EQ(added, kBlocks / 2);
  ExpectAppliesWithPatchAndGit(before, after);
}

TEST(Diff, RandomEditsApplyWithPatchAndGit) {
  std::mt19937 random(20261125);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> lines;
    int count = 1 + random() % 60;
    for (int i = 0; i < count; ++i) {
      lines.push_back("directive_" + std::to_string(random() % 12) + " " +
                      std::to_string(i % 7) + ";\n");
    }
    std::string before;
    for (const auto& l : lines) before += l;
    int edits = 1 + random() % 6;
    for (int e = 0; e < edits; ++e) {
      size_t at = random() % (lines.size() + 1);
      switch (random() % 3) {
        case 0:
          lines.insert(lines.begin() + at, "added " + std::to_string(e) + ";\n");
          break;
        case 1:
          if (at < lines.size()) lines.erase(lines.begin() + at);
          break;
        default:
          if (at < lines.size()) lines[at] = "changed " + std::to_string(e) + ";\n";
      }
    }
    std::string after;
    for (const auto& l : lines) after += l;
    ExpectAppliesWithPatchAndGit(before, after);
  }
}

TEST(Diff, LargeRewritesStayBounded) {
  std::string before, after;
  for (int i = 0; i < 20000; ++i) {
    before += "a " + std::to_string(i) + ";\n";
    after += "b " + std::to_string(i) + ";\n";
  }
  std::vector<Hunk> hunks = DiffLines(before, after);
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunks[0].old_count, 20000);
  EXPECT_EQ(hunks[0].new_count, 20000);
}

}  // namespace
}  // namespace ngxfix
