// Rule fixtures, in the way of clang-tidy's tests: tests/rules/<rule-id>/
// holds configurations whose expectations are comments inside them:
//
//   # ngxfix-test: nginx-version=1.24.0 backend=NAME=PROTO logged=NAME=CAUSE
//   #              hardening
//   # ngxfix-test: expect RULE-ID LINE
//
// and, beside NAME.conf, NAME.fixed.conf: the text `ngxfix fix` must give.
// Findings are compared for the rule the folder is named after and for the
// rules the fixture's expectations name, so that a fixture stays about its
// rule.
// A fixture without a .fixed.conf must come out of `fix` unchanged.  Every
// fixture also checks that fix is idempotent and that the fixed text has no
// fixable finding left.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "core/check.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;

constexpr std::string_view kMarker = "# ngxfix-test:";

struct Fixture {
  std::string path;
  std::string text;
  CheckOptions options;
  std::multiset<std::pair<std::string, uint32_t>> expected;  // rule, line
  std::string error;  // a malformed expectation
};

Fixture LoadFixture(const std::string& path) {
  Fixture fixture{path, ReadFile(path), {}, {}, ""};
  std::istringstream lines(fixture.text);
  std::string line;
  while (std::getline(lines, line)) {
    size_t at = line.find(kMarker);
    if (at == std::string::npos) continue;
    std::istringstream words(line.substr(at + kMarker.size()));
    std::string word;
    while (words >> word) {
      if (word == "expect") {
        std::string rule;
        uint32_t where = 0;
        if (!(words >> rule >> where)) fixture.error = "bad expect: " + line;
        fixture.expected.insert({rule, where});
      } else if (word.rfind("nginx-version=", 0) == 0) {
        auto version = NginxVersion::Parse(word.substr(14));
        if (!version) fixture.error = "bad version: " + word;
        fixture.options.analysis.nginx_version = version.value_or(NginxVersion{});
      } else if (word.rfind("backend=", 0) == 0) {
        std::string spec = word.substr(8);
        size_t eq = spec.rfind('=');
        auto protocol = ParseProtocol(spec.substr(eq + 1));
        if (eq == std::string::npos || !protocol) {
          fixture.error = "bad backend: " + word;
          continue;
        }
        fixture.options.analysis.backends.push_back(
            {spec.substr(0, eq), *protocol});
      } else if (word.rfind("logged=", 0) == 0) {
        // logged=BACKEND=CAUSE: what `--evidence` would learn from a log.
        std::string spec = word.substr(7);
        size_t eq = spec.rfind('=');
        if (eq == std::string::npos) {
          fixture.error = "bad logged: " + word;
          continue;
        }
        fixture.options.analysis.logged_causes[spec.substr(0, eq)].push_back(
            spec.substr(eq + 1));
      } else if (word == "hardening") {
        fixture.options.hardening = true;
      } else {
        fixture.error = "unknown word: " + word;
      }
    }
  }
  return fixture;
}

std::vector<std::string> FixturePaths() {
  std::vector<std::string> paths;
  std::string root = std::string(NGXFIX_SOURCE_DIR) + "/tests/rules";
  for (const std::string& path : testing::ListFiles(root)) {
    if (path.size() > 5 && path.ends_with(".conf") &&
        !path.ends_with(".fixed.conf")) {
      paths.push_back(path);
    }
  }
  return paths;
}

TEST(RuleFixtures, EveryFixtureMeetsItsExpectations) {
  std::vector<std::string> paths = FixturePaths();
  ASSERT_FALSE(paths.empty()) << "no fixtures under tests/rules";
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    Fixture fixture = LoadFixture(path);
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
