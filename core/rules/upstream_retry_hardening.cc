// upstream-retry-hardening (hardening, applied with --hardening only): the
// production settings that turn one failing backend into a retry instead of
// a 502: proxy_next_upstream error timeout http_502 http_503, a bounded
// number of tries, explicit connect and read timeouts, and passive health
// checks (max_fails, fail_timeout) on the upstream's servers.
// See docs/rules/upstream-retry-hardening.md.

#include <algorithm>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckUpstreamRetryHardening(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::vector<uint32_t> hardened_upstreams;
  for (const Pass& pass : analysis.passes()) {
    if (pass.directive != "proxy_pass" || pass.upstream == kNone) continue;
    uint32_t block = BlockOf(tree, pass.node);
    FixBuilder builder = context.Builder(pass.node);
    std::vector<std::string> statements;
    auto missing = [&](std::string_view name) {
      return EffectiveDirective(analysis, block, name).nodes.empty();
    };
    if (missing("proxy_next_upstream")) {
      statements.push_back(builder.Statement(
          {"proxy_next_upstream", "error", "timeout", "http_502", "http_503"}));
    }
    if (missing("proxy_next_upstream_tries")) {
      statements.push_back(builder.Statement({"proxy_next_upstream_tries", "3"}));
    }
    if (missing("proxy_connect_timeout")) {
      statements.push_back(builder.Statement({"proxy_connect_timeout", "5s"}));
    }
    if (missing("proxy_read_timeout")) {
      statements.push_back(builder.Statement({"proxy_read_timeout", "60s"}));
    }
    std::vector<Edit> edits;
    if (!statements.empty()) {
      edits.push_back(InsertSettings(context, builder, pass.node, statements));
    }
    if (std::find(hardened_upstreams.begin(), hardened_upstreams.end(),
                  pass.upstream) == hardened_upstreams.end()) {
      hardened_upstreams.push_back(pass.upstream);
      for (uint32_t server : analysis.Find(pass.upstream, "server")) {
        std::vector<std::string> words = Values(tree, server);
        bool has = false;
        for (const std::string& w : words) {
          has |= w.rfind("max_fails=", 0) == 0 || w == "backup" || w == "down";
        }
        if (!has && words.size() >= 2) {
          edits.push_back(AppendWord(tree, server, "max_fails=3 fail_timeout=30s"));
        }
      }
    }
    if (edits.empty()) continue;
    context.Report(
        pass.node, "no retry or passive health checks for " + pass.backend,
        "With --hardening: retry the next server on errors, timeouts, 502 "
        "and 503 (up to 3 tries), fail fast on connect (5s), and take a "
        "server out for 30s after 3 failures.",
        std::move(edits));
  }
}

}  // namespace ngxfix::rules
