// Rule fixtures, in the way of clang-tidy's tests: tests/rules/<rule-id>/
// holds configurations whose expectations are comments inside them:
//
//   # ngxfix-test: nginx-version=1.24.0 backend=NAME=PROTO logged=NAME=CAUSE
//   #              hardening
//   # ngxfix-test: expect RULE-ID LINE
//
// and, beside NAME.conf, NAME.fixed.conf: the text `ngxfix fix` must give.
// One reader of those lines for every test that runs the fixtures.

#ifndef NGXFIX_TESTS_SUPPORT_RULE_FIXTURE_H_
#define NGXFIX_TESTS_SUPPORT_RULE_FIXTURE_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/check.h"

namespace ngxfix::testing {

struct RuleFixture {
  std::string path;
  std::string text;
  CheckOptions options;
  std::multiset<std::pair<std::string, uint32_t>> expected;  // rule, line
  std::string error;  // a malformed expectation, "" when none
};

RuleFixture LoadRuleFixture(const std::string& path);

// Every fixture under tests/rules/ (NAME.conf, not NAME.fixed.conf), sorted.
std::vector<std::string> RuleFixturePaths();

}  // namespace ngxfix::testing

#endif  // NGXFIX_TESTS_SUPPORT_RULE_FIXTURE_H_
