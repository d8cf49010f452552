// The cause tables (diagnose/data/) and Diagnose(): each message nginx
// 1.22.1's source writes for a cause (formats filled in as nginx fills
// them), grouping and unknown lines, the link to a configuration, and
// evidence turning a log line into the analyzer's finding and fix.

#include "diagnose/diagnose.h"

#include <gtest/gtest.h>

#include <set>

#include "core/check.h"
#include "core/parser.h"
#include "core/rule.h"
#include "diagnose/report.h"

namespace ngxfix {
namespace {

std::string Line(const std::string& message, const std::string& phase,
                 const std::string& upstream = "http://10.0.0.7:8080/") {
  return "2026/11/26 01:24:05 [error] 7#7: *3 " + message +
         (phase.empty() ? "" : " while " + phase) +
         ", client: 10.1.2.3, server: example.com, request: \"GET / HTTP/1.1\", "
         "upstream: \"" + upstream + "\", host: \"example.com\"";
}

TEST(CausesTest, TablesLoadAndNameRealRules) {
  ASSERT_EQ(Causes().error, "");
  std::set<std::string> rules;
  for (const Rule& rule : AllRules()) rules.emplace(rule.info.id);
  std::set<std::string> ids;
  for (const Cause& cause : Causes().causes) {
    EXPECT_TRUE(ids.insert(cause.id).second) << "duplicate cause " << cause.id;
    for (const std::string& rule : cause.rules) {
      EXPECT_TRUE(rules.count(rule)) << cause.id << " names no rule " << rule;
    }
    EXPECT_TRUE(cause.evidence == "-" || cause.evidence == "http1" ||
                cause.evidence == "h2c" || cause.evidence == "cleartext")
        << cause.id;
  }
}

struct Example {
  std::string message;
  std::string phase;
  std::string cause;
};

TEST(CausesTest, ClassifiesNginxsOwnWords) {
  const std::string header = "reading response header from upstream";
  const std::string handshake = "SSL handshaking to upstream";
  const std::vector<Example> examples = {
      {"upstream sent too large http2 frame: 4740180", header, "grpc-to-http1-backend"},
      {"upstream sent no valid HTTP/1.0 header", header, "http1-to-h2c-backend"},
      {"SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number)",
       handshake, "tls-to-cleartext-port"},
      {"SSL_do_handshake() failed (SSL: error:0A000458:SSL routines::tlsv1 unrecognized "
       "name:SSL alert number 112)", handshake, "upstream-tls-sni-missing"},
      {"SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake "
       "failure:SSL alert number 40)", handshake, "upstream-tls-sni-missing"},
      {"upstream SSL certificate verify error: (19:self-signed certificate in certificate "
       "chain)", handshake, "upstream-tls-verify-failed"},
      {"upstream SSL certificate does not match \"api.internal\"", handshake,
       "upstream-tls-verify-failed"},
      {"upstream prematurely closed connection", header, "upstream-closed-early"},
      {"connect() failed (111: Connection refused)", "connecting to upstream",
       "connection-refused"},
      {"upstream timed out (110: Connection timed out)", header, "upstream-timed-out"},
      {"no live upstreams", "connecting to upstream", "no-live-upstreams"},
      {"recv() failed (104: Connection reset by peer)", header, "connection-reset"},
      {"upstream sent too big header", header, "upstream-buffer-too-small"},
      {"upstream sent invalid header: \"X-A\\x0D...\"", header, "malformed-http1-response"},
      {"upstream sent invalid chunked response", "reading upstream", "malformed-http1-response"},
      {"upstream sent \"Content-Length\" and \"Transfer-Encoding\" headers at the same time",
       header, "malformed-http1-response"},
      {"upstream sent invalid http2 table index: 64", header, "backend-hpack-bug"},
      {"api.internal could not be resolved (3: Host not found)", "", "resolver-missing"},
      {"no resolver defined to resolve api.internal", "", "resolver-missing"},
      {"invalid host in upstream \"h2://backend_pool\"", "", "invalid-upstream-url"},
      {"invalid URL prefix", "", "invalid-upstream-url"},
      {"unknown directive \"http2\"", "", "unknown-directive"},
  };
  for (const Example& e : examples) {
    const Cause* cause = ClassifyMessage(e.message, e.phase);
    ASSERT_NE(cause, nullptr) << e.message;
    EXPECT_EQ(cause->id, e.cause) << e.message;
  }
  // The phase matters: a client closing early is not the backend's doing.
  EXPECT_EQ(ClassifyMessage("upstream prematurely closed connection", "reading upstream"),
            nullptr);
  EXPECT_EQ(ClassifyMessage("client prematurely closed connection", header), nullptr);
}

TEST(DiagnoseTest, GroupsByCauseAndUpstreamAndListsUnknownLines) {
  std::string log =
      Line("upstream sent too large http2 frame: 4740180",
           "reading response header from upstream", "grpc://10.0.0.7:50051") + "\n" +
      "\n" +
      "2026/11/26 01:24:06 [notice] 7#7: signal process started\n" +
      Line("upstream sent too large http2 frame: 4740180",
           "reading response header from upstream", "grpc://10.0.0.7:50051") + "\r\n" +
      Line("connect() failed (111: Connection refused)", "connecting to upstream") + "\n" +
      "not a log line at all\n";
  DiagnoseResult result = Diagnose(log);
  EXPECT_EQ(result.lines, 5u);
  ASSERT_EQ(result.diagnoses.size(), 2u);
  EXPECT_EQ(result.diagnoses[0].cause->id, "grpc-to-http1-backend");
  EXPECT_EQ(result.diagnoses[0].count, 2u);
  EXPECT_EQ(result.diagnoses[0].first_line, 1u);
  EXPECT_EQ(result.diagnoses[0].upstream, "grpc://10.0.0.7:50051");
  EXPECT_EQ(result.diagnoses[1].cause->id, "connection-refused");
  ASSERT_EQ(result.unknown.size(), 2u);
  EXPECT_EQ(result.unknown[0].line, 3u);
  EXPECT_EQ(result.unknown[1].text, "not a log line at all");

  auto json = DiagnosesToJson(result);
  EXPECT_EQ(json["diagnoses"][0]["cause"], "grpc-to-http1-backend");
  EXPECT_EQ(json["diagnoses"][0]["status"], "502");
  EXPECT_EQ(json["unknown"]["count"], 2);
}

TEST(DiagnoseTest, ReadsAccessLogStatusesThatNameACause) {
  DiagnoseResult result = Diagnose(
      "127.0.0.1 - - [26/Nov/2026:01:24:05 +0000] \"GET / HTTP/1.1\" 009 26 \"-\" \"-\"\n"
      "127.0.0.1 - - [26/Nov/2026:01:24:06 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl\"\n"
      "10.0.0.1 - bob [26/Nov/2026:01:24:07 +0000] \"GET /chat HTTP/1.1\" 426 25 \"-\" \"-\"\n"
      "127.0.0.1 - - [26/Nov/2026:01:24:05 +0000] \"GET / HTTP/1.1\" 0x9 26\n");
  EXPECT_EQ(result.lines, 4u);
  EXPECT_EQ(result.access_lines, 3u);
  ASSERT_EQ(result.diagnoses.size(), 2u);
  EXPECT_EQ(result.diagnoses[0].cause->id, "http1-to-h2c-backend");
  EXPECT_EQ(result.diagnoses[0].first_message, "\"GET / HTTP/1.1\" 009 (access log)");
  EXPECT_EQ(result.diagnoses[1].cause->id, "websocket-upgrade-missing");
  EXPECT_EQ(result.diagnoses[1].first_line, 3u);
  ASSERT_EQ(result.unknown.size(), 1u);
  EXPECT_EQ(result.unknown[0].line, 4u);
}

TEST(DiagnoseTest, SurvivesBinaryAndHugeInput) {
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += static_cast<char>((i * 131) % 256);
  DiagnoseResult result = Diagnose(noise);
  EXPECT_TRUE(result.diagnoses.empty());
  EXPECT_EQ(result.unknown.size(), result.lines);
}

constexpr const char kConfig[] = R"(http {
    upstream pool {
        server 10.0.0.7:50051;
        keepalive 8;
    }
    server {
        listen 80 http2;
        location /api/ {
            grpc_pass grpc://pool;
        }
        location /other/ {
            proxy_pass http://10.9.9.9:8080;
        }
    }
}
)";

TEST(DiagnoseTest, LinksAnAddressToTheGroupThatHoldsIt) {
  SyntaxTree tree = Parse(kConfig, {});
  DiagnoseResult result = Diagnose(Line("upstream sent too large http2 frame: 4740180",
                                        "reading response header from upstream",
                                        "grpc://10.0.0.7:50051"));
  LinkToConfig(Analysis(tree, {}), &result);
  ASSERT_EQ(result.diagnoses.size(), 1u);
  ASSERT_EQ(result.diagnoses[0].links.size(), 1u);
  EXPECT_EQ(result.diagnoses[0].links[0].line, 9u);
  EXPECT_EQ(result.diagnoses[0].links[0].directive, "grpc_pass");
  EXPECT_EQ(result.diagnoses[0].links[0].backend, "pool");
  auto evidence = Evidence(result);
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence.at("pool"), Protocol::kHttp1);
}

TEST(DiagnoseTest, EvidenceMakesTheAnalyzerFindAndFixGrpcToHttp1) {
  SyntaxTree tree = Parse(kConfig, {});
  CheckOptions options;
  options.analysis.nginx_version = *NginxVersion::Parse("1.22.1");
  // Without evidence, grpc_pass is taken to reach a gRPC backend.
  auto rules_found = [&](const CheckResult& r) {
    std::set<std::string> ids;
    for (const Finding& f : r.findings) ids.insert(f.rule);
    return ids;
  };
  EXPECT_FALSE(rules_found(Check(tree, options)).count("grpc-to-http1-backend"));

  AddEvidence(tree,
              Line("upstream sent too large http2 frame: 4740180",
                   "reading response header from upstream",
                   "grpc://10.0.0.7:50051"),
              &options.analysis);
  EXPECT_EQ(options.analysis.logged_causes.at("pool"),
            std::vector<std::string>{"grpc-to-http1-backend"});
  EXPECT_TRUE(rules_found(Check(tree, options)).count("grpc-to-http1-backend"));
  FixResult fixed = Fix(kConfig, {}, options);
  EXPECT_NE(fixed.fixed.find("proxy_pass http://pool;"), std::string::npos) << fixed.fixed;
  EXPECT_EQ(fixed.fixed.find("grpc_pass"), std::string::npos) << fixed.fixed;
}

}  // namespace
}  // namespace ngxfix
