// A fix's output is clean under every rule: what `ngxfix fix` writes makes
// no rule report something at warning or above that the input did not have
// (one fix must not create another rule's finding, as a WebSocket fix
// adding a map that defeats keepalive would), repeats no header, and
// leaves nothing fixable.
// Run over every rule fixture, at its options, and every corpus file, at
// the versions that change the rules most.

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include "core/check.h"
#include "tests/support/rule_fixture.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

std::map<std::string, int> SeriousByRule(const std::vector<Finding>& findings) {
  std::map<std::string, int> counts;
  for (const Finding& f : findings) {
    if (f.severity != FindingSeverity::kInfo) ++counts[f.rule];
  }
  return counts;
}

// proxy_set_header statements that repeat a header of their block: a fix
// must not write one (two rules adding the same header would).
int RepeatedHeaders(const std::string& text) {
  SyntaxTree tree = Parse(text);
  std::set<std::pair<uint32_t, std::string>> seen;
  int repeated = 0;
  for (const Node& node : tree.nodes()) {
    if (node.kind != NodeKind::kDirective || tree.name(node) != "proxy_set_header" ||
        tree.word(node, 1) == kNone) {
      continue;
    }
    std::string header = tree.value(tree.tokens()[tree.word(node, 1)]);
    for (char& c : header) c = static_cast<char>(tolower(uint8_t(c)));
    repeated += !seen.insert({node.parent, header}).second;
  }
  return repeated;
}

void ExpectCleanFix(const std::string& text, const ParseOptions& parse_options,
                    const CheckOptions& options) {
  FixResult fix = Fix(text, parse_options, options);
  std::map<std::string, int> before = SeriousByRule(fix.findings);
  for (const auto& [rule, count] : SeriousByRule(fix.remaining)) {
    EXPECT_LE(count, before[rule]) << "the fix created a " << rule << " finding";
  }
  EXPECT_LE(RepeatedHeaders(fix.fixed), RepeatedHeaders(text))
      << "the fix repeats a proxy_set_header";
  for (const Finding& f : fix.remaining) {
    EXPECT_TRUE(f.edits.empty() || f.severity == FindingSeverity::kInfo)
        << "left fixable after fixing: " << f.rule << " line " << f.line;
  }
}

TEST(FixOutput, RuleFixturesFixCleanly) {
  for (const std::string& path : testing::RuleFixturePaths()) {
    SCOPED_TRACE(path);
    testing::RuleFixture fixture = testing::LoadRuleFixture(path);
    ExpectCleanFix(fixture.text, ParseOptions{path}, fixture.options);
  }
}

TEST(FixOutput, CorpusFilesFixCleanlyAtEveryVersion) {
  std::string corpus = testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus is absent";
  const std::optional<NginxVersion> versions[] = {
      NginxVersion{1, 22, 1}, std::nullopt, NginxVersion{1, 29, 7},
      NginxVersion{1, 31, 4}};
  std::vector<std::string> paths = testing::CorpusFiles(corpus);
  ASSERT_FALSE(paths.empty());
  for (const std::string& path : paths) {
    std::string text = testing::ReadFile(path);
    for (const std::optional<NginxVersion>& version : versions) {
      SCOPED_TRACE(path + " at " + (version ? version->ToString() : "no version"));
      CheckOptions options;
      options.analysis.nginx_version = version;
      ExpectCleanFix(text, ParseOptions{path}, options);
    }
  }
  std::cout << paths.size() << " corpus files fixed at " << std::size(versions)
            << " versions\n";
}

}  // namespace
}  // namespace ngxfix
