// llm/: the request built from a really redacted configuration, the last
// gate on planted leaks, the APIs' answers and errors, and answers turned
// back into real values, diffs and findings.

#include "llm/llm.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/parser.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

constexpr RedactionKey kKey = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

// The seed incident with a hostname and a secret added.
constexpr std::string_view kConfig = R"(upstream backend_pool {
    keepalive 32;
    server 10.0.2.10:8080;
    server api.internal.acme.corp:8080;
}

server {
    listen 80;
    server_name shop.acme.com;
    location /api/ {
        proxy_set_header Authorization "Bearer s3cr3t-T0ken-Zq81xLmN0pRst";
        grpc_pass h2://backend_pool;
    }
}
)";

const std::vector<std::string> kSensitive = {
    "10.0.2.10", "api.internal.acme.corp", "shop.acme.com", "acme",
    "s3cr3t-T0ken-Zq81xLmN0pRst"};

struct Redacted {
  RedactResult result;
  CheckOptions options;
};

Redacted RedactConfig() {
  RedactOptions redact;
  redact.key = kKey;
  Redacted r{RedactText(std::string(kConfig), redact), {}};
  r.options.analysis.nginx_version = NginxVersion{1, 24, 0};
  r.options.analysis.backends.push_back(
      {RedactName("backend_pool", r.result.map), Protocol::kHttp1});
  return r;
}

LlmSettings Settings(std::string provider) {
  LlmSettings settings;
  settings.provider = std::move(provider);
  settings.model = "test-model";
  return settings;
}

TEST(LlmProviders, OpenAiAndAnthropicFromTheTable) {
  const LlmProvider* openai = FindLlmProvider("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->key_header, "authorization");
  EXPECT_EQ(openai->key_prefix, "Bearer");
  const LlmProvider* anthropic = FindLlmProvider("anthropic");
  ASSERT_NE(anthropic, nullptr);
  EXPECT_EQ(anthropic->key_prefix, "");
  ASSERT_EQ(anthropic->headers.size(), 2u);
  EXPECT_EQ(anthropic->headers[1].first,
            "anthropic-dangerous-direct-browser-access");
  EXPECT_EQ(FindLlmProvider("nope"), nullptr);
}

TEST(BuildLlmRequest, CarriesTheRedactedConfigFindingsAndSettingsOnly) {
  Redacted r = RedactConfig();
  ASSERT_TRUE(r.result.error.empty()) << r.result.error;
  for (const std::string& value : kSensitive) {
    ASSERT_EQ(r.result.text.find(value), std::string::npos) << value;
  }
  for (const char* provider : {"openai", "anthropic"}) {
    LlmRequest request =
        BuildLlmRequest(Settings(provider), r.result.text, r.options);
    ASSERT_TRUE(request.error.empty()) << request.error;
    nlohmann::json body = nlohmann::json::parse(request.body);
    EXPECT_EQ(body["model"], "test-model");
    std::string user = body["messages"].back()["content"];
    EXPECT_NE(user.find("nginx version: 1.24.0"), std::string::npos);
    EXPECT_NE(user.find("backend_pool: http1 (set by the user)"),
              std::string::npos) << user;
    EXPECT_NE(user.find("[grpc-pass-bad-scheme"), std::string::npos) << user;
    EXPECT_NE(user.find("```nginx\n" + r.result.text + "```\n"),
              std::string::npos) << user;
    for (const std::string& value : kSensitive) {
      EXPECT_EQ(request.body.find(value), std::string::npos) << value;
    }
    EXPECT_TRUE(CheckOutgoing(request.body, r.result.map).empty());
  }
  LlmRequest openai = BuildLlmRequest(Settings("openai"), "", {});
  EXPECT_EQ(openai.url, "https://api.openai.com/v1/chat/completions");
  LlmSettings local = Settings("openai");
  local.base_url = "http://127.0.0.1:11434/v1/";
  EXPECT_EQ(BuildLlmRequest(local, "", {}).url,
            "http://127.0.0.1:11434/v1/chat/completions");
  EXPECT_EQ(BuildLlmRequest(Settings("anthropic"), "", {}).url,
            "https://api.anthropic.com/v1/messages");
  EXPECT_FALSE(BuildLlmRequest(Settings("nope"), "", {}).error.empty());
  EXPECT_FALSE(BuildLlmRequest(LlmSettings{}, "", {}).error.empty());
}

TEST(CheckOutgoing, StopsEveryOriginalAndEveryDetectedSecret) {
  Redacted r = RedactConfig();
  LlmRequest request =
      BuildLlmRequest(Settings("openai"), r.result.text, r.options);
  for (const RedactionEntry& entry : r.result.map.entries) {
    // The original back where its placeholder was, as a careless edit of
    // the preview would put it.
    std::string body = request.body;
    size_t at = body.find(entry.placeholder);
    ASSERT_NE(at, std::string::npos) << entry.placeholder;
    body.replace(at, entry.placeholder.size(), entry.original);
    std::vector<Detection> found = CheckOutgoing(body, r.result.map);
    ASSERT_FALSE(found.empty()) << entry.original;
  }
  // Not in the map, found by the patterns; also inside JSON escapes.
  nlohmann::json planted = {{"messages", {{{"content",
      "see AKIAIOSFODNN7EXAMPLE and \"quoted\" 198.18.7.9"}}}}};
  std::vector<Detection> found =
      CheckOutgoing(planted.dump(), r.result.map);
  ASSERT_GE(found.size(), 1u);
  // Not JSON: the raw text is checked.
  EXPECT_FALSE(CheckOutgoing("server 10.0.2.10;", r.result.map).empty());
}

TEST(CheckOutgoing, AValueTheUserKeepsIsNoLeakAndTheirWordsAreChecked) {
  RedactOptions redact;
  redact.key = kKey;
  redact.keep_words = {"shop.acme.com"};
  RedactResult kept = RedactText(std::string(kConfig), redact);
  ASSERT_NE(kept.text.find("shop.acme.com"), std::string::npos);
  LlmRequest request = BuildLlmRequest(Settings("openai"), kept.text, {});
  // The detectors find the kept name; the user's words say it may go.
  EXPECT_FALSE(CheckOutgoing(request.body, kept.map).empty());
  ScanOptions words;
  words.keep_words = redact.keep_words;
  EXPECT_TRUE(CheckOutgoing(request.body, kept.map, words).empty());
  // A sensitive word is a leak wherever it stands, map or not.
  words.sensitive_words = {"Zephyr"};
  EXPECT_FALSE(CheckOutgoing(R"({"content": "the Zephyr team"})", kept.map, words).empty());
}

TEST(ReadLlmReply, TheModelsTextFromEitherApi) {
  LlmReply openai = ReadLlmReply(
      Settings("openai"), 200,
      R"({"choices":[{"message":{"role":"assistant","content":"hi"}}]})");
  EXPECT_EQ(openai.error_kind, "");
  EXPECT_EQ(openai.text, "hi");
  LlmReply anthropic = ReadLlmReply(
      Settings("anthropic"), 200,
      R"({"type":"message","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]})");
  EXPECT_EQ(anthropic.text, "ab");
}

TEST(ReadLlmReply, ErrorsSayWhatHappenedInTheApisWords) {
  struct Case {
    int status;
    const char* kind;
  } cases[] = {{401, "auth"}, {403, "forbidden"}, {429, "rate-limit"},
               {500, "server"}, {503, "server"}, {400, "request"}};
  for (const Case& c : cases) {
    LlmReply reply = ReadLlmReply(Settings("openai"), c.status,
                                  R"({"error":{"message":"the words"}})");
    EXPECT_EQ(reply.error_kind, c.kind) << c.status;
    EXPECT_NE(reply.error.find("the words"), std::string::npos) << reply.error;
    EXPECT_NE(reply.error.find(std::to_string(c.status)), std::string::npos);
  }
  EXPECT_EQ(ReadLlmReply(Settings("openai"), 200, "<html>").error_kind,
            "malformed");
  EXPECT_EQ(ReadLlmReply(Settings("anthropic"), 200, R"({"choices":[]})")
                .error_kind,
            "malformed");
}

// What a model would answer: the redacted configuration with the fix.
std::string FixedReply(const std::string& redacted, std::string_view extra = "") {
  std::string config = redacted;
  std::string from = "grpc_pass h2://backend_pool;";
  size_t at = config.find(from);
  config.replace(at, from.size(),
                 "proxy_pass http://backend_pool;\n"
                 "        proxy_http_version 1.1;\n"
                 "        proxy_set_header Connection \"\";" +
                     std::string(extra));
  return "Here is the fix:\n\n```nginx\n" + config +
         "```\n\ngrpc_pass spoke HTTP/2 to an HTTP/1.1 backend.";
}

TEST(ReadLlmAnswer, AFixBecomesARealValuesDiffWithItsFindings) {
  Redacted r = RedactConfig();
  LlmAnswer answer =
      ReadLlmAnswer(FixedReply(r.result.text), kConfig, r.result.text,
                    r.result.map, r.options);
  ASSERT_EQ(answer.error, "");
  EXPECT_TRUE(answer.syntax.empty());
  EXPECT_TRUE(answer.unknown_placeholders.empty());
  EXPECT_EQ(answer.explanation,
            "Here is the fix:\n\ngrpc_pass spoke HTTP/2 to an HTTP/1.1 backend.");
  // The real values are back, and only the fixed lines changed.
  for (const std::string& value : kSensitive) {
    EXPECT_NE(answer.fixed.find(value), std::string::npos) << value;
  }
  EXPECT_NE(answer.diff.find("-        grpc_pass h2://backend_pool;\n"
                             "+        proxy_pass http://backend_pool;\n"
                             "+        proxy_http_version 1.1;\n"),
            std::string::npos)
      << answer.diff;
  EXPECT_EQ(answer.redacted_diff.find("10.0.2.10"), std::string::npos);
  for (const Finding& f : answer.findings) {
    EXPECT_NE(f.rule, "grpc-pass-bad-scheme");
    EXPECT_NE(f.rule, "grpc-to-http1-backend");
  }
}

TEST(ReadLlmAnswer, SyntaxErrorsAndMadeUpPlaceholdersAreShown) {
  Redacted r = RedactConfig();
  std::string host;
  for (const RedactionEntry& e : r.result.map.entries) {
    if (e.original == "shop.acme.com") host = e.placeholder;
  }
  ASSERT_FALSE(host.empty());
  std::string made_up_host = "www." + host.substr(host.find('.') + 1);
  LlmAnswer answer = ReadLlmAnswer(
      FixedReply(r.result.text,
                 "\n        proxy_set_header X-Key REDACTED_API_KEY_9;"
                 "\n        proxy_set_header X-Host " + made_up_host + ";"
                 "\n        }"),
      kConfig, r.result.text, r.result.map, r.options);
  ASSERT_EQ(answer.error, "");
  ASSERT_FALSE(answer.syntax.empty());
  EXPECT_EQ(answer.syntax[0].message, "unexpected \"}\"");
  EXPECT_EQ(answer.syntax[0].line, 19u);  // the early "}" closed location
  EXPECT_EQ(answer.unknown_placeholders,
            (std::vector<std::string>{"REDACTED_API_KEY_9", made_up_host}));
}

TEST(ReadLlmAnswer, AnAnswerWithoutAConfigurationSaysSo) {
  Redacted r = RedactConfig();
  LlmAnswer answer = ReadLlmAnswer("I cannot help with that.", kConfig,
                                   r.result.text, r.result.map, r.options);
  EXPECT_FALSE(answer.error.empty());
  EXPECT_EQ(answer.explanation, "I cannot help with that.");
  EXPECT_TRUE(answer.fixed.empty());
}

}  // namespace
}  // namespace ngxfix
