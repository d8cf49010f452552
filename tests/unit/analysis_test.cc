// Analysis: where each *_pass sends requests, read from its URL as nginx
// reads it.

#include "core/analysis.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/parser.h"

namespace ngxfix {
namespace {

struct Where {
  std::string scheme;
  std::string host;
  std::optional<int> port;
  std::string backend;
};

std::vector<Where> PassesOf(const std::string& text) {
  SyntaxTree tree = Parse(text);
  EXPECT_TRUE(tree.ok()) << text;
  Analysis analysis(tree, {});
  std::vector<Where> out;
  for (const Pass& pass : analysis.passes()) {
    out.push_back({pass.scheme, pass.host, pass.port, pass.backend});
  }
  return out;
}

TEST(AnalysisPasses, ReadsSchemeHostAndPort) {
  auto passes = PassesOf(
      "upstream app { server 10.0.0.5:8080; }\n"
      "location /a { proxy_pass http://app; }\n"
      "location /b { proxy_pass HTTPS://api.internal:8443/v1/; }\n"
      "location /c { grpc_pass grpc://[::1]:50051; }\n"
      "location /d { proxy_pass http://[2001:db8::1]; }\n"
      "location /e { proxy_pass http://unix:/run/app.sock:/; }\n");
  ASSERT_EQ(passes.size(), 5u);
  EXPECT_EQ(passes[0].host, "app");
  EXPECT_EQ(passes[0].port, std::nullopt);
  EXPECT_EQ(passes[0].backend, "app");
  EXPECT_EQ(passes[1].scheme, "https");
  EXPECT_EQ(passes[1].host, "api.internal");
  EXPECT_EQ(passes[1].port, 8443);
  EXPECT_EQ(passes[2].host, "[::1]");
  EXPECT_EQ(passes[2].port, 50051);
  EXPECT_EQ(passes[3].host, "[2001:db8::1]");
  EXPECT_EQ(passes[3].port, std::nullopt);
  EXPECT_EQ(passes[4].host, "");
}

// nginx says "invalid port in upstream" for these; ngxfix must not fail on
// them (a port past INT_MAX once threw std::out_of_range), takes none of
// them for a port, and names the backend as written.
TEST(AnalysisPasses, APortNginxRejectsIsNoPort) {
  for (std::string hostport : {"app:99999999999", "app:0", "app:65536",
                               "[::1]:123456789012345678901234567890"}) {
    SCOPED_TRACE(hostport);
    auto passes = PassesOf("location / { proxy_pass http://" + hostport + "; }\n");
    ASSERT_EQ(passes.size(), 1u);
    EXPECT_EQ(passes[0].port, std::nullopt);
    EXPECT_EQ(passes[0].host, hostport.substr(0, hostport.rfind(':')));
    EXPECT_EQ(passes[0].backend, hostport);
  }
  auto highest = PassesOf("location / { proxy_pass http://app:65535; }\n");
  ASSERT_EQ(highest.size(), 1u);
  EXPECT_EQ(highest[0].port, 65535);
}

}  // namespace
}  // namespace ngxfix
