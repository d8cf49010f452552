// The version facts of core/data/parameters.tsv judged by real nginx: every
// http parameter the table says came after 1.22.1 is rejected by Debian's
// nginx 1.22.1 with the words ngxfix reports at that version, on the same
// line, and the same configuration without it is accepted (so the test
// sees the parameter, not something else, fail).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/check.h"
#include "core/parameters.h"
#include "tests/nginx/nginx_harness.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

namespace fs = std::filesystem;

constexpr NginxVersion kDebianNginx{1, 22, 1};

// The directives of parameters.tsv, each in the smallest http {} body
// where it stands, with PARAM where the parameter goes; the directive is
// on line 2 of the whole configuration.
struct Shape {
  std::string_view directive;
  std::string_view body;
};
constexpr Shape kShapes[] = {
    {"listen", "server {\n    listen 127.0.0.1:18181 PARAM;\n}\n"},
    {"server", "upstream app {\n    zone app 64k;\n    server 127.0.0.1:18182 PARAM;\n}\n"},
    {"keepalive", "upstream app {\n    server 127.0.0.1:18183;\n    keepalive 8 PARAM;\n}\n"},
    {"proxy_http_version",
     "server {\n    listen 127.0.0.1:18184;\n    location / {\n"
     "        proxy_pass http://127.0.0.1:18185;\n"
     "        proxy_http_version PARAM;\n    }\n}\n"},
};

// A value for a prefix parameter (service=, route=).
std::string Written(std::string_view parameter) {
  if (!parameter.ends_with('=')) return std::string(parameter);
  return std::string(parameter) + (parameter == "service=" ? "_http._tcp" : "a");
}

std::string Configuration(const std::string& prefix, std::string_view body,
                          const std::string& parameter) {
  std::string text(body);
  size_t at = text.find("PARAM");
  text.replace(at, 5, parameter);
  return "http {\n" + text + "}\n" + "events {}\nerror_log " + prefix +
         "/logs/error.log;\npid " + prefix + "/nginx.pid;\n";
}

uint32_t LineOfParam(std::string_view body) {
  return 2 + static_cast<uint32_t>(std::count(
                 body.begin(), body.begin() + body.find("PARAM"), '\n'));
}

TEST(VersionFacts, NginxRejectsTheParametersNewerThanItAsNgxfixSays) {
  std::string missing = nginx_test::NginxMissingMessage();
  ASSERT_EQ(missing, "") << missing;
  int judged = 0;
  for (const Shape& shape : kShapes) {
    for (const ParameterSpec& p : VersionedParameters(shape.directive)) {
      if (!(p.contexts & (kContextServer | kContextUpstream | kContextLocation)) ||
          !(kDebianNginx < p.since)) {
        continue;
      }
      std::string parameter = Written(p.parameter);
      SCOPED_TRACE(std::string(shape.directive) + " " + parameter);
      testing::TempDir prefix;
      fs::create_directories(prefix.path() + "/logs");
      std::string conf = prefix.path() + "/nginx.conf";

      bool value = shape.directive == "proxy_http_version";
      // Without the parameter; a value gives way to one nginx 1.22.1 knows.
      testing::WriteFile(conf, Configuration(prefix.path(), shape.body,
                                             value ? "1.1" : ""));
      nginx_test::NginxResult without = nginx_test::RunNginxTest(prefix.path(), conf);
      EXPECT_TRUE(without.accepted) << without.output;

      std::string text = Configuration(prefix.path(), shape.body, parameter);
      testing::WriteFile(conf, text);
      nginx_test::NginxResult with = nginx_test::RunNginxTest(prefix.path(), conf);
      ASSERT_FALSE(with.accepted) << text;
      // A parameter that came with a new argument (keepalive's local) makes
      // older nginx count the arguments first.
      std::string words = (value ? "invalid value \"" : "invalid parameter \"") +
                          parameter + "\"";
      std::string count = "invalid number of arguments in \"" +
                          std::string(shape.directive) + "\" directive";
      EXPECT_TRUE(with.message == words || with.message == count) << with.message;
      EXPECT_EQ(with.line, LineOfParam(shape.body));

      CheckOptions options;
      options.analysis.nginx_version = kDebianNginx;
      CheckResult result = Check(Parse(text), options);
      std::string rule = value ? "proxy-http-version-unsupported" : "parameter-unsupported";
      bool reported = false;
      for (const Finding& f : result.findings) {
        reported |= f.rule == rule && f.line == with.line;
      }
      EXPECT_TRUE(reported) << "ngxfix did not report " << rule << " on line "
                            << with.line;
      // Without a version, the parameter is the configuration's word on it.
      CheckResult inferred = Check(Parse(text), CheckOptions{});
      EXPECT_EQ(inferred.nginx_version, std::max(p.since, kDefaultNginxVersion));
      ++judged;
    }
  }
  std::cout << judged << " parameters judged by nginx " << kDebianNginx.ToString()
            << "\n";
  EXPECT_GE(judged, 6);
}

}  // namespace
}  // namespace ngxfix
