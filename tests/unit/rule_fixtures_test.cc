// The rule fixtures of tests/rules/ (see tests/support/rule_fixture.h):
// findings are compared for the rule the folder is named after and for the
// rules the fixture's expectations name, so that a fixture stays about its
// rule.
// A fixture without a .fixed.conf must come out of `fix` unchanged.  Every
// fixture also checks that fix is idempotent and that the fixed text has no
// fixable finding left.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/check.h"
#include "tests/support/rule_fixture.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;

TEST(RuleFixtures, EveryFixtureMeetsItsExpectations) {
  std::vector<std::string> paths = testing::RuleFixturePaths();
  ASSERT_FALSE(paths.empty()) << "no fixtures under tests/rules";
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    testing::RuleFixture fixture = testing::LoadRuleFixture(path);
    ASSERT_EQ(fixture.error, "");
    ParseOptions parse_options{fs::path(path).filename().string()};

    SyntaxTree tree = Parse(fixture.text, parse_options);
    ASSERT_TRUE(tree.ok()) << tree.diagnostics()[0].message;
    CheckResult result = Check(tree, fixture.options);
    std::set<std::string> compared = {fs::path(path).parent_path().filename()};
    for (const auto& [rule, line] : fixture.expected) compared.insert(rule);
    std::multiset<std::pair<std::string, uint32_t>> found;
    for (const Finding& f : result.findings) {
      if (compared.count(f.rule)) found.insert({f.rule, f.line});
    }
    EXPECT_EQ(found, fixture.expected);

    std::string fixed_path = path.substr(0, path.size() - 5) + ".fixed.conf";
    std::string expected_fix =
        fs::exists(fixed_path) ? ReadFile(fixed_path) : fixture.text;
    FixResult fix = Fix(fixture.text, parse_options, fixture.options);
    EXPECT_EQ(fix.fixed, expected_fix);

    // Fixing the fixed text changes nothing, and nothing fixable is left.
    FixResult again = Fix(fix.fixed, parse_options, fixture.options);
    EXPECT_EQ(again.fixed, fix.fixed) << "fix is not idempotent";
    for (const Finding& f : again.findings) {
      EXPECT_TRUE(f.edits.empty() || f.severity == FindingSeverity::kInfo)
          << "left after fixing: " << f.rule << " line " << f.line;
    }
  }
  std::cout << paths.size() << " rule fixtures\n";
}

}  // namespace
}  // namespace ngxfix
