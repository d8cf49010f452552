// Any bytes through every command and format of the CLI, run as a process:
// configurations and a log in Latin-1 and in KOI8-R (bytes that are not
// UTF-8 in names, comments, secrets and headers) never end a command by a
// signal, every JSON it prints parses, and what must come back does, byte
// for byte: the redaction map's originals, `redact --format json`'s text.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/json_writer.h"
#include "redact/redact.h"
#include "tests/nginx/nginx_harness.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using nginx_test::ProcessResult;
using nginx_test::RunProcess;

struct Encoded {
  const char* name;
  std::string config;
  std::string log;
};

// "café" in Latin-1 and "сервер" (server) in KOI8-R, where names, comments,
// secrets and headers can hold them.
std::vector<Encoded> Inputs() {
  auto config = [](const std::string& word) {
    return "# " + word + "\nupstream " + word + " {\n    server 10.1.2.3:8080;\n"
           "    keepalive 8;\n}\nserver {\n    server_name " + word + ".example.org;\n"
           "    secure_link_secret s3cr" + word + "99;\n    location / {\n"
           "        proxy_pass http://" + word + ";\n"
           "        proxy_set_header X-Name \"" + word + "\";\n    }\n}\n";
  };
  auto log = [](const std::string& word) {
    return "2026/12/07 15:00:00 [error] 1#1: *1 connect() failed (111: Connection "
           "refused) while connecting to upstream, client: 10.9.8.7, server: " + word +
           ", request: \"GET /" + word + " HTTP/1.1\", upstream: "
           "\"http://10.1.2.3:8080/\", host: \"" + word + "\"\n";
  };
  return {{"latin-1", config("caf\xe9"), log("caf\xe9")},
          {"koi8-r", config("\xd3\xc5\xd2\xd7\xc5\xd2"), log("\xd3\xc5\xd2\xd7\xc5\xd2")}};
}

ProcessResult Ngxfix(std::vector<std::string> args) {
  args.insert(args.begin(), NGXFIX_CLI);
  return RunProcess(args, 20000);
}

TEST(CliEncodings, EveryCommandAndFormatTakesAnyBytes) {
  for (const Encoded& input : Inputs()) {
    SCOPED_TRACE(input.name);
    ASSERT_FALSE(IsUtf8(input.config));
    testing::TempDir dir;
    std::string conf = dir.path() + "/site.conf", log = dir.path() + "/error.log",
                map = dir.path() + "/map.json";
    testing::WriteFile(conf, input.config);
    testing::WriteFile(log, input.log);
    struct Run {
      std::vector<std::string> args;
      bool json;
    };
    const std::vector<Run> runs = {
        {{"print", conf}, false},
        {{"parse", conf}, true},
        {{"parse", conf, "--format", "crossplane"}, true},
        {{"check", conf}, false},
        {{"check", conf, "--format", "json"}, true},
        {{"check", conf, "--format", "sarif"}, true},
        {{"check", conf, "--evidence", log, "--format", "json"}, true},
        {{"fix", conf}, false},
        {{"fix", conf, "--diff"}, false},
        {{"redact", conf, "--map", map}, false},
        {{"redact", conf, "--format", "json"}, true},
        {{"diagnose", log}, false},
        {{"diagnose", log, "--format", "json"}, true},
        {{"diagnose", log, "--config", conf, "--format", "json"}, true},
    };
    for (const Run& run : runs) {
      SCOPED_TRACE(run.args[0] + (run.args.size() > 2 ? " " + run.args[2] : ""));
      ProcessResult result = Ngxfix(run.args);
      // 0, 1 (findings, diagnoses) or 2 (a syntax error): never a signal.
      EXPECT_GE(result.exit_code, 0) << result.output;
      EXPECT_LE(result.exit_code, 2) << result.output;
      if (run.json) {
        // The output alone (stderr, interleaved, carries only reports).
        std::string out = result.output.substr(0, result.output.rfind('\n') + 1);
        EXPECT_FALSE(nlohmann::json::parse(out, nullptr, false).is_discarded())
            << out.substr(0, 200);
      }
    }
    // print gives the bytes back; redact's JSON text and its map, through
    // rehydrate, give the input back.
    EXPECT_EQ(Ngxfix({"print", conf}).output, input.config);
    ProcessResult redacted = Ngxfix({"redact", conf, "--map", map, "--format", "json",
                                     "--key", "000102030405060708090a0b0c0d0e0f"});
    ASSERT_EQ(redacted.exit_code, 0) << redacted.output;
    auto doc = nlohmann::ordered_json::parse(redacted.output, nullptr, false);
    ASSERT_TRUE(doc.is_object());
    std::optional<std::string> text = GetBytes(doc, "text");
    ASSERT_TRUE(text);
    EXPECT_EQ(text->find("s3cr"), std::string::npos) << "the secret is still there";
    EXPECT_NE(testing::ReadFile(map).find("\"original_base64\""), std::string::npos);
    std::string error;
    ASSERT_TRUE(RedactionMapFromJson(testing::ReadFile(map), &error)) << error;
    testing::WriteFile(dir.path() + "/redacted.conf", *text);
    ProcessResult back = Ngxfix({"rehydrate", dir.path() + "/redacted.conf", "--map", map});
    EXPECT_EQ(back.exit_code, 0);
    EXPECT_EQ(back.output, input.config);
  }
}

}  // namespace
}  // namespace ngxfix
