// Every detector against its fixtures: the values it must find
// (fixtures/patterns_catch.tsv, fixtures/directives/*.conf with their
// .expect lists) and the look-alikes nothing may touch
// (fixtures/patterns_leave.tsv).

#include <gtest/gtest.h>

#include <set>

#include "core/parser.h"
#include "redact/detectors.h"
#include "redact/redact.h"
#include "tests/redact/redact_test_support.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using testing::ReadFixtureRows;
using testing::TestKey;

std::string Fill(const std::string& context, const std::string& value) {
  std::string out = context;
  size_t at = out.find("{}");
  return out.replace(at, 2, value);
}

TEST(Detectors, EveryPatternCompiles) {
  EXPECT_TRUE(redact::PatternErrors().empty())
      << ::testing::PrintToString(redact::PatternErrors());
}

TEST(Detectors, CatchEveryListedValue) {
  auto rows = ReadFixtureRows("patterns_catch.tsv");
  ASSERT_GE(rows.size(), 40u);
  std::set<std::string> detectors_covered;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u);
    const std::string& detector = row[0];
    const std::string& value = row[1];
    std::string text = Fill(row[2], value);
    SCOPED_TRACE(text);
    size_t at = text.find(value);
    bool found = false;
    for (const Detection& d : Scan(text)) {
      found |= d.offset == at && d.length == value.size() && d.detector == detector;
    }
    EXPECT_TRUE(found) << "the detector " << detector << " did not find " << value;
    detectors_covered.insert(detector);

    // Redaction of the same line hides it and rehydrates it.
    RedactOptions options;
    options.key = TestKey();
    RedactResult r = RedactText(text, options);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.text.find(value), std::string::npos) << r.text;
    EXPECT_EQ(Rehydrate(r.text, r.map), text);
  }
  // Every pattern of data/patterns.tsv has at least one value to catch.
  std::string patterns = testing::ReadFile(std::string(NGXFIX_SOURCE_DIR) +
                                           "/redact/data/patterns.tsv");
  int pattern_rows = 0;
  for (size_t start = 0; start < patterns.size();) {
    size_t end = patterns.find('\n', start);
    std::string line = patterns.substr(start, end - start);
    start = end == std::string::npos ? patterns.size() : end + 1;
    if (line.empty() || line[0] == '#') continue;
    ++pattern_rows;
    std::string id = line.substr(0, line.find('\t'));
    EXPECT_TRUE(detectors_covered.count(id)) << id << " has no value to catch";
  }
  EXPECT_GE(pattern_rows, 25);
}

TEST(Detectors, LeaveLookAlikesAlone) {
  auto rows = ReadFixtureRows("patterns_leave.tsv");
  ASSERT_GE(rows.size(), 40u);
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 2u);
    std::string text = Fill(row[1], row[0]);
    SCOPED_TRACE(text);
    size_t at = text.find(row[0]);
    for (const Detection& d : Scan(text)) {
      EXPECT_TRUE(d.offset + d.length <= at || d.offset >= at + row[0].size())
          << d.detector << " found " << text.substr(d.offset, d.length);
    }
    RedactOptions options;
    options.key = TestKey();
    RedactResult r = RedactText(text, options);
    EXPECT_EQ(r.text, text);
    EXPECT_TRUE(r.map.entries.empty());
  }
}

// fixtures/directives/NAME.conf and NAME.expect: lines "redacted VALUE
// DETECTOR" (VALUE is gone, and the map says DETECTOR found it) and "kept
// TEXT" (TEXT is still there).
TEST(Detectors, ConfigurationAwareDetectors) {
  const std::string dir = std::string(NGXFIX_REDACT_FIXTURES) + "/directives";
  int files = 0, redacted = 0, kept = 0;
  for (const std::string& path : testing::ListFiles(dir)) {
    if (!path.ends_with(".conf")) continue;
    ++files;
    SCOPED_TRACE(path);
    std::string name = path.substr(path.rfind('/') + 1);
    std::string expect = "directives/" + name.substr(0, name.size() - 5) + ".expect";
    std::string text = testing::ReadFile(path);
    RedactOptions options;
    options.key = TestKey();
    RedactResult r = RedactText(text, options);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(Rehydrate(r.text, r.map), text);
    EXPECT_TRUE(Parse(r.text).ok());
    for (const auto& row : ReadFixtureRows(expect)) {
      if (row[0] == "redacted") {
        ASSERT_EQ(row.size(), 3u);
        ++redacted;
        EXPECT_EQ(r.text.find(row[1]), std::string::npos) << row[1] << " survived:\n" << r.text;
        bool mapped = false;
        for (const RedactionEntry& e : r.map.entries) {
          mapped |= e.original == row[1] && e.detector == row[2];
        }
        EXPECT_TRUE(mapped) << row[1] << " is not in the map as found by " << row[2];
      } else {
        ASSERT_EQ(row[0], "kept");
        ++kept;
        EXPECT_NE(r.text.find(row[1]), std::string::npos) << row[1] << " was changed:\n"
                                                          << r.text;
      }
    }
  }
  EXPECT_GE(files, 4);
  EXPECT_GE(redacted, 30);
  EXPECT_GE(kept, 30);
}

}  // namespace
}  // namespace ngxfix
