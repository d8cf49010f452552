// The RE2 patterns of redact/data use no Unicode group: no \p or \P class and
// no named group.  The WebAssembly build's RE2 has no Unicode group tables
// (wasm/re2_shim/re2/unicode_groups.cc says why), so such a pattern would
// compile natively and fail in the page.

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/tsv.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

struct PatternColumn {
  const char* file;       // in redact/data
  size_t column;          // 0-based
  const char* treatment;  // only rows with this second cell; nullptr: all
};

// Every column of redact/data that holds RE2 patterns.
constexpr PatternColumn kPatternColumns[] = {
    {"patterns.tsv", 7, nullptr},
    {"sensitive_names.tsv", 1, nullptr},
    {"hostnames.tsv", 0, "label-pattern"},
};

// Syntax that looks a Unicode group up: classes and named groups (RE2
// checks a group's name against the Unicode letter and digit categories).
constexpr std::string_view kGroupSyntax[] = {"\\p", "\\P", "(?P<", "(?<"};

TEST(PatternSyntax, NoPatternNeedsUnicodeGroups) {
  for (const PatternColumn& c : kPatternColumns) {
    size_t patterns = 0;
    std::string text = testing::ReadFile(
        std::string(NGXFIX_SOURCE_DIR) + "/redact/data/" + c.file);
    for (const TsvRow& row : ReadTsv(text)) {
      if (c.treatment != nullptr && row.at(1) != c.treatment) continue;
      std::string_view pattern = row.at(c.column);
      ASSERT_FALSE(pattern.empty()) << c.file << ": a row without a pattern";
      ++patterns;
      for (std::string_view syntax : kGroupSyntax) {
        EXPECT_EQ(pattern.find(syntax), std::string_view::npos)
            << c.file << ": " << pattern << " uses " << syntax;
      }
    }
    // The column is still where the file keeps its patterns.
    EXPECT_GT(patterns, 0u) << c.file;
  }
}

}  // namespace
}  // namespace ngxfix
