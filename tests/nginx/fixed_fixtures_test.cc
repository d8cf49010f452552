// The fixes of the rule fixtures (tests/rules/) judged by real nginx: every
// fixture that targets nginx 1.22 or older, and the seed incident, must pass
// Debian's `nginx -t` once fixed; and the unified diff of every fixture
// must turn it into its fixed text with `patch -p1`.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "core/check.h"
#include "tests/nginx/nginx_harness.h"
#include "tests/support/rule_fixture.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

namespace fs = std::filesystem;
using nginx_test::HarnessText;
using nginx_test::Level;
using nginx_test::RunNginxTest;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

// nginx -t on `text` placed as a whole configuration or included at the
// first level that takes it; "" when nginx accepts it at one of them.
std::string NginxVerdict(const std::string& text) {
  std::string last;
  for (Level level : {Level::kMain, Level::kMainInclude, Level::kHttp,
                      Level::kServer, Level::kLocation}) {
    TempDir prefix;
    fs::create_directories(prefix.path() + "/logs");
    std::string fragment = prefix.path() + "/fragment.conf";
    std::string conf = prefix.path() + "/nginx.conf";
    if (level == Level::kMain) {
      WriteFile(conf, "error_log " + prefix.path() + "/logs/error.log;\n"
                      "pid " + prefix.path() + "/nginx.pid;\n"
                      "events {}\n" + text);
    } else {
      WriteFile(fragment, text);
      WriteFile(conf, HarnessText(level, prefix.path(), fragment));
    }
    nginx_test::NginxResult result = RunNginxTest(prefix.path(), conf);
    if (result.accepted) return "";
    last += std::string(nginx_test::LevelShortName(level)) + ": " +
            result.message + " (line " + std::to_string(result.line) + "); ";
  }
  return last;
}

TEST(FixedFixtures, PassNginxTestAndTheirDiffsApply) {
  std::string missing = nginx_test::NginxMissingMessage();
  ASSERT_EQ(missing, "") << missing;
  int judged = 0, patched = 0;
  for (const std::string& path : testing::RuleFixturePaths()) {
    SCOPED_TRACE(path);
    testing::RuleFixture fixture = testing::LoadRuleFixture(path);
    ASSERT_EQ(fixture.error, "");
    const std::string& text = fixture.text;
    const CheckOptions& options = fixture.options;
    FixResult fix = Fix(text, ParseOptions{"nginx.conf"}, options);

    if (fix.fixed != text) {
      TempDir dir;
      WriteFile(dir.path() + "/nginx.conf", text);
      WriteFile(dir.path() + "/fix.patch", fix.UnifiedDiff());
      std::string command = "cd '" + dir.path() +
                            "' && patch -p1 --quiet < fix.patch > /dev/null 2>&1";
      EXPECT_EQ(std::system(command.c_str()), 0) << fix.UnifiedDiff();
      EXPECT_EQ(ReadFile(dir.path() + "/nginx.conf"), fix.fixed);
      ++patched;
    }

    bool seed = path.find("seed-incident") != std::string::npos;
    if (options.analysis.nginx_version >= NginxVersion{1, 23, 0} && !seed) {
      continue;
    }
    if (fix.fixed == text) continue;  // a fixture of a finding with no fix
    EXPECT_EQ(NginxVerdict(fix.fixed), "") << fix.fixed;
    ++judged;
  }
  std::cout << judged << " fixed fixtures passed nginx -t; " << patched
            << " diffs applied with patch -p1\n";
  EXPECT_GT(judged, 5);
}

}  // namespace
}  // namespace ngxfix
