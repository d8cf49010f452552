// ApplyEdits(): the rules of edit.h on hand-written cases, and on random
// edit sets against the obvious quadratic reading of those rules.

#include "core/edit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace ngxfix {
namespace {

// edit.h's rules, read literally: each edit against every kept one.
std::string ReferenceApply(std::string_view text, std::vector<Edit> edits,
                           std::vector<Edit>* dropped) {
  std::vector<Edit> kept;
  for (Edit& edit : edits) {
    if (std::find(kept.begin(), kept.end(), edit) != kept.end()) continue;
    if (std::any_of(kept.begin(), kept.end(), [&](const Edit& k) {
          return edit.begin < k.end && k.begin < edit.end;
        })) {
      dropped->push_back(edit);
      continue;
    }
    kept.push_back(edit);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Edit& a, const Edit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return (a.begin == a.end) && (b.begin != b.end);
  });
  std::string out;
  size_t cursor = 0;
  for (const Edit& edit : kept) {
    out.append(text.substr(cursor, edit.begin - cursor));
    out.append(edit.replacement);
    cursor = edit.end;
  }
  return out.append(text.substr(cursor));
}

TEST(ApplyEdits, ReplacesInsertsAndKeepsTheRest) {
  EXPECT_EQ(ApplyEdits("abcdef", {{1, 3, "XY"}, {4, 4, "+"}}), "aXYd+ef");
}

TEST(ApplyEdits, IdenticalEditsCountOnce) {
  EXPECT_EQ(ApplyEdits("abc", {{1, 1, "+"}, {1, 1, "+"}}), "a+bc");
}

TEST(ApplyEdits, InsertionsAtOneOffsetKeepTheirOrder) {
  EXPECT_EQ(ApplyEdits("abc", {{1, 1, "1"}, {1, 1, "2"}}), "a12bc");
}

TEST(ApplyEdits, InsertionComesBeforeAReplacementStartingThere) {
  EXPECT_EQ(ApplyEdits("abc", {{1, 2, "B"}, {1, 1, "+"}}), "a+Bc");
}

TEST(ApplyEdits, DropsWhatOverlapsAnEarlierEdit) {
  std::vector<Edit> dropped;
  EXPECT_EQ(ApplyEdits("abcdef", {{1, 4, "X"}, {2, 2, "in"}, {3, 5, "Y"},
                                  {4, 4, "end"}},
                       &dropped),
            "aXendef");
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped[0].replacement, "in");
  EXPECT_EQ(dropped[1].replacement, "Y");
}

TEST(ApplyEdits, AgreesWithTheQuadraticReadingOnRandomEdits) {
  std::mt19937 random(20261126);
  const std::string text = "0123456789abcdefghijklmnopqrstuvwxyz";
  for (int round = 0; round < 20000; ++round) {
    std::vector<Edit> edits;
    int count = std::uniform_int_distribution<int>(0, 12)(random);
    for (int i = 0; i < count; ++i) {
      uint32_t begin = std::uniform_int_distribution<uint32_t>(
          0, text.size())(random);
      uint32_t length = random() % 3 == 0 ? 0 : random() % 6;
      uint32_t end = std::min<uint32_t>(begin + length, text.size());
      // A small alphabet of replacements makes identical edits common.
      edits.push_back({begin, end, std::string(1, "XYZ"[random() % 3])});
    }
    std::vector<Edit> dropped, expected_dropped;
    std::string expected = ReferenceApply(text, edits, &expected_dropped);
    ASSERT_EQ(ApplyEdits(text, edits, &dropped), expected) << "round " << round;
    ASSERT_EQ(dropped, expected_dropped) << "round " << round;
  }
}

}  // namespace
}  // namespace ngxfix
