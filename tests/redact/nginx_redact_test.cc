// Real nginx judges redacted configurations: every corpus file (and every
// configuration the project's own tests keep: tests/rules, tests/examples,
// tests/redact/fixtures) that Debian's `nginx -t` accepts (as a whole configuration, or included at the
// first level that takes it) must still be accepted after redaction.
//
// Which configurations qualify: nginx resolves the hostnames of upstream
// servers, *_pass targets, resolver and listen while it reads the
// configuration, and a placeholder hostname resolves nowhere.  A file whose
// redaction puts a placeholder hostname into one of those directives is
// counted as skipped, not judged; every other accepted file is judged.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/parser.h"
#include "redact/redact.h"
#include "tests/nginx/nginx_harness.h"
#include "tests/redact/redact_test_support.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

namespace fs = std::filesystem;
using nginx_test::Level;

// nginx -t on `text` at `level`.
bool Accepted(const std::string& text, Level level) {
  testing::TempDir prefix;
  fs::create_directories(prefix.path() + "/logs");
  std::string conf = prefix.path() + "/nginx.conf";
  if (level == Level::kMain) {
    testing::WriteFile(conf, "error_log " + prefix.path() + "/logs/error.log;\npid " +
                                 prefix.path() + "/nginx.pid;\nevents {}\n" + text);
  } else {
    std::string fragment = prefix.path() + "/fragment.conf";
    testing::WriteFile(fragment, text);
    testing::WriteFile(conf, nginx_test::HarnessText(level, prefix.path(), fragment));
  }
  return nginx_test::RunNginxTest(prefix.path(), conf).accepted;
}

// Whether a placeholder hostname stands where nginx resolves it.
bool NeedsResolving(const SyntaxTree& tree, const RedactionMap& map) {
  static const std::set<std::string> kResolving = {
      "server", "proxy_pass", "grpc_pass", "uwsgi_pass", "fastcgi_pass", "scgi_pass",
      "memcached_pass", "resolver", "listen", "auth_http", "zone_sync_server"};
  std::vector<std::string> hosts;
  for (const RedactionEntry& e : map.entries) {
    if (e.kind == RedactionKind::kHostname) hosts.push_back(e.placeholder);
  }
  for (const Node& node : tree.nodes()) {
    if (node.kind != NodeKind::kDirective || !kResolving.count(tree.name(node))) continue;
    for (uint32_t word : tree.words(node)) {
      std::string value = tree.value(tree.tokens()[word]);
      for (const std::string& host : hosts) {
        if (value.find(host) != std::string::npos) return true;
      }
    }
  }
  return false;
}

TEST(NginxRedaction, AcceptedConfigurationsStayAccepted) {
  std::string missing = nginx_test::NginxMissingMessage();
  ASSERT_EQ(missing, "") << missing;
  std::string corpus = testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "no corpus: expected real configurations in ../shared/corpus";
  int accepted = 0, judged = 0, skipped_resolving = 0, unchanged = 0;
  std::vector<std::string> paths = testing::CorpusFiles(corpus);
  for (const char* dir : {"/tests/rules", "/tests/examples", "/tests/redact/fixtures"}) {
    for (const std::string& p : testing::ListFiles(std::string(NGXFIX_SOURCE_DIR) + dir)) {
      if (p.ends_with(".conf")) paths.push_back(p);
    }
  }
  for (const std::string& path : paths) {
    std::string text = testing::ReadFile(path);
    if (!Parse(text).ok()) continue;
    std::optional<Level> level;
    for (Level l : {Level::kMain, Level::kMainInclude, Level::kHttp, Level::kServer,
                    Level::kLocation}) {
      if (Accepted(text, l)) {
        level = l;
        break;
      }
    }
    if (!level) continue;
    ++accepted;
    RedactOptions options;
    options.key = testing::TestKey(11);
    RedactResult r = RedactText(text, options);
    ASSERT_EQ(r.error, "") << path;
    if (r.map.entries.empty()) {
      ++unchanged;
      continue;
    }
    if (NeedsResolving(Parse(r.text), r.map)) {
      ++skipped_resolving;
      continue;
    }
    ++judged;
    EXPECT_TRUE(Accepted(r.text, *level))
        << path << " (" << nginx_test::LevelName(*level) << ") is rejected after redaction:\n"
        << r.text;
  }
  std::cout << "nginx: " << accepted << " of " << paths.size() << " files accepted; " << judged
            << " redacted and judged again, " << unchanged << " with nothing to hide, "
            << skipped_resolving << " skipped (placeholder hostnames nginx would resolve)\n";
  EXPECT_GT(accepted, 20);
  EXPECT_GT(judged, 0);
}

}  // namespace
}  // namespace ngxfix
