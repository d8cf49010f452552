// The CLI, run as a process: `ngxfix redact` writes the redacted text, the
// report and the map file; `ngxfix rehydrate` gives the input back; bad
// maps and bad usage are clear errors.

#include <gtest/gtest.h>

#include "redact/redact.h"
#include "tests/nginx/nginx_harness.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using nginx_test::ProcessResult;
using nginx_test::RunProcess;

constexpr char kKey[] = "000102030405060708090a0b0c0d0e0f";
constexpr char kConfig[] =
    "upstream app { server 10.44.0.7:8080; }\n"
    "server {\n    server_name shop.megacorp.com;\n"
    "    location / { proxy_pass http://app; proxy_set_header X-Api-Key 9c1e7f3a55d04b2e; }\n"
    "}\n# owner: Initech\n";

ProcessResult Ngxfix(std::vector<std::string> args) {
  args.insert(args.begin(), NGXFIX_CLI);
  return RunProcess(args, 20000);
}

TEST(RedactCli, RedactsWritesTheMapAndRehydrates) {
  testing::TempDir dir;
  const std::string conf = dir.path() + "/site.conf", map = dir.path() + "/map.json",
                    out = dir.path() + "/redacted.conf";
  testing::WriteFile(conf, kConfig);
  ProcessResult json = Ngxfix({"redact", conf, "--map", map, "--sensitive", "Initech",
                               "--keep", "10.44.0.7", "--key", kKey, "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  auto doc = nlohmann::json::parse(json.output);
  std::string redacted = doc["text"];
  for (const char* hidden : {"megacorp", "9c1e7f3a55d04b2e", "Initech"}) {
    EXPECT_EQ(redacted.find(hidden), std::string::npos) << hidden << "\n" << redacted;
  }
  EXPECT_NE(redacted.find("server 10.44.0.7:8080"), std::string::npos);
  ASSERT_EQ(doc["report"].size(), 3u);
  EXPECT_EQ(doc["report"][0]["kind"], "hostname");
  EXPECT_EQ(doc["report"][0]["line"], 3);
  EXPECT_EQ(doc["report"][0]["file"], conf);

  std::string error;
  auto parsed = RedactionMapFromJson(testing::ReadFile(map), &error);
  ASSERT_TRUE(parsed) << error;
  ASSERT_EQ(parsed->entries.size(), 3u);
  EXPECT_EQ(parsed->entries[0].original, "shop.megacorp.com");
  EXPECT_EQ(parsed->entries[2].kind, RedactionKind::kWord);

  testing::WriteFile(out, redacted);
  ProcessResult back = Ngxfix({"rehydrate", out, "--map", map});
  ASSERT_EQ(back.exit_code, 0);
  EXPECT_EQ(back.output, kConfig);

  // Text mode: the same redacted text (same key), the report on stderr.
  ProcessResult text = Ngxfix({"redact", conf, "--key", kKey, "--sensitive", "Initech",
                               "--keep", "10.44.0.7"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.output.find(redacted), std::string::npos);  // stdout and stderr mix
  EXPECT_NE(text.output.find(conf + ":3:17: hostname (directive:server_name) -> "),
            std::string::npos)
      << text.output;
}

TEST(RedactCli, ReportsBadMapsAndUsage) {
  testing::TempDir dir;
  const std::string conf = dir.path() + "/site.conf", map = dir.path() + "/map.json";
  testing::WriteFile(conf, kConfig);
  testing::WriteFile(map, R"({"entries": [{"placeholder": "x", "original": "y"}]})");
  ProcessResult bad = Ngxfix({"rehydrate", conf, "--map", map});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("entry 0: \"kind\" is missing or not a string"), std::string::npos)
      << bad.output;
  EXPECT_EQ(Ngxfix({"rehydrate", conf}).exit_code, 64);
  EXPECT_EQ(Ngxfix({"redact", conf, "--key", "12"}).exit_code, 64);
  EXPECT_EQ(Ngxfix({"redact", conf, "--format", "xml"}).exit_code, 64);
  EXPECT_EQ(Ngxfix({"redact", dir.path() + "/missing.conf"}).exit_code, 1);
  EXPECT_EQ(Ngxfix({"rehydrate", conf, "--map", dir.path() + "/none.json"}).exit_code, 1);
}

}  // namespace
}  // namespace ngxfix
