// Every rule of the table has its documentation, docs/rules/<id>.md, whose
// header states the rule's severity and the nginx versions it concerns as
// the table does (the page shows the table's words beside each finding).

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/rule.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

// `markdown` as one line of plain words: newlines become spaces, and the
// bold and code marks go.
std::string Plain(std::string markdown) {
  std::string out;
  for (char c : markdown) {
    if (c == '*' || c == '`') continue;
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

TEST(RuleDocs, EveryRuleStatesItsSeverityAndVersionsAsTheTableDoes) {
  for (const Rule& rule : AllRules()) {
    std::string id(rule.info.id);
    SCOPED_TRACE(id);
    std::string path = std::string(NGXFIX_SOURCE_DIR) + "/docs/rules/" + id + ".md";
    ASSERT_TRUE(std::filesystem::exists(path));
    std::string doc = Plain(testing::ReadFile(path));
    EXPECT_NE(doc.find("Severity: " + std::string(SeverityName(rule.info.severity)) + "."),
              std::string::npos);
    EXPECT_NE(doc.find("nginx versions: " + std::string(rule.info.versions) + "."),
              std::string::npos);
    EXPECT_EQ(FindRule(id), &rule.info);
  }
  EXPECT_EQ(FindRule("no-such-rule"), nullptr);
}

}  // namespace
}  // namespace ngxfix
