// Without --nginx-version, the version judged is the default or the lowest
// the configuration's own directives and parameters need, and reports say
// which and why; with one, it is judged strictly.

#include <gtest/gtest.h>

#include <algorithm>

#include "core/check.h"
#include "core/directives.h"
#include "core/parameters.h"
#include "core/report.h"
#include "core/tsv.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

CheckResult CheckText(const std::string& text,
                      std::optional<NginxVersion> version = std::nullopt) {
  CheckOptions options;
  options.analysis.nginx_version = version;
  return Check(Parse(text), options);
}

bool Reports(const CheckResult& result, std::string_view rule) {
  for (const Finding& f : result.findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

TEST(VersionFloor, DefaultWhenNothingNeedsMore) {
  CheckResult result = CheckText("server { listen 80; }\n");
  EXPECT_EQ(result.nginx_version, kDefaultNginxVersion);
  EXPECT_NE(result.version_assumption.find("the default"), std::string::npos);
}

TEST(VersionFloor, Http2DirectiveNeedsItsVersion) {
  CheckResult result =
      CheckText("server {\n    listen 443 ssl;\n    http2 on;\n}\n");
  EXPECT_EQ(result.nginx_version, (NginxVersion{1, 25, 1}));
  EXPECT_NE(result.version_assumption.find("the http2 directive on line 3"),
            std::string::npos)
      << result.version_assumption;
  EXPECT_FALSE(Reports(result, "http2-directive-unsupported"));
  EXPECT_FALSE(Reports(result, "unknown-directive"));
}

TEST(VersionFloor, ParametersCount) {
  EXPECT_EQ(CheckText("server { listen 443 quic; }\n").nginx_version,
            (NginxVersion{1, 25, 0}));
  CheckResult resolve = CheckText(
      "upstream app { zone app 64k; server app.internal resolve; }\n");
  EXPECT_EQ(resolve.nginx_version, (NginxVersion{1, 27, 3}));
  EXPECT_NE(resolve.version_assumption.find("the resolve parameter of server"),
            std::string::npos)
      << resolve.version_assumption;
  EXPECT_EQ(CheckText("location / { proxy_http_version 2; "
                      "proxy_pass http://127.0.0.1:8080; }\n")
                .nginx_version,
            (NginxVersion{1, 29, 4}));
}

TEST(VersionFloor, TheHighestNeedWins) {
  CheckResult result = CheckText(
      "upstream app { zone app 64k; server app.internal resolve; }\n"
      "server { listen 443 quic; http2 on; }\n");
  EXPECT_EQ(result.nginx_version, (NginxVersion{1, 27, 3}));
}

TEST(VersionFloor, WhatNginxPlusHadBeforeDoesNotCountInAPlusConfiguration) {
  // health_check is NGINX Plus's alone: resolve says nothing of the version.
  CheckResult result = CheckText(
      "upstream app { zone app 64k; server app.internal resolve; }\n"
      "server { location / { proxy_pass http://app; health_check; } }\n");
  EXPECT_EQ(result.nginx_version, kDefaultNginxVersion);
  EXPECT_FALSE(Reports(result, "parameter-unsupported"));
}

TEST(VersionFloor, AGivenVersionIsJudgedStrictly) {
  CheckResult result = CheckText(
      "server {\n    listen 443 quic;\n    http2 on;\n}\n", NginxVersion{1, 24, 0});
  EXPECT_EQ(result.nginx_version, (NginxVersion{1, 24, 0}));
  EXPECT_EQ(result.version_assumption, "");
  EXPECT_TRUE(Reports(result, "parameter-unsupported"));
  EXPECT_TRUE(Reports(result, "http2-directive-unsupported"));
}

TEST(VersionFloor, ReportsStateTheAssumption) {
  SyntaxTree tree = Parse("server {\n    http2 on;\n}\n");
  CheckResult result = Check(tree, CheckOptions{});
  std::string text = FindingsToText(tree, result);
  EXPECT_EQ(text.rfind("nginx 1.25.1: ", 0), 0u) << text;
  EXPECT_NE(text.find("Assumption: assumed nginx 1.25.1, since the http2 "
                      "directive on line 2 needs it"),
            std::string::npos)
      << text;
  auto json = nlohmann::json::parse(
      JsonText([&](JsonWriter& j) { WriteFindingsJson(j, tree, result); }));
  EXPECT_EQ(json["nginx_version"], "1.25.1");
  EXPECT_EQ(json["nginx_version_assumption"], result.version_assumption);
  auto sarif = nlohmann::json::parse(
      JsonText([&](JsonWriter& j) { WriteFindingsSarif(j, tree, result); }));
  EXPECT_EQ(sarif["runs"][0]["properties"]["nginx_version_assumption"],
            result.version_assumption);
}

TEST(VersionFloor, EveryParameterRowIsFoundByItsDirective) {
  // VersionedParameters() reads a directive's rows as one run of the file.
  std::string text = testing::ReadFile(std::string(NGXFIX_SOURCE_DIR) +
                                       "/core/data/parameters.tsv");
  int rows = 0;
  for (const TsvRow& row : ReadTsv(text)) {
    ++rows;
    std::span<const ParameterSpec> found = VersionedParameters(row.at(0));
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [&](const ParameterSpec& p) {
      return p.parameter == row.at(2) && p.contexts == ParseContexts(row.at(1));
    })) << row.at(0) << " " << row.at(2);
  }
  EXPECT_GT(rows, 10);
}

}  // namespace
}  // namespace ngxfix
