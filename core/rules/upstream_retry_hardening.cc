// upstream-retry-hardening (hardening, applied with --hardening only): the
// production settings that turn one failing backend into a retry instead of
// a 502: proxy_next_upstream error timeout http_502 http_503, a bounded
// number of tries, explicit connect and read timeouts, and passive health
// checks (max_fails, fail_timeout) on the upstream's servers.  The message
// says, for each setting it adds, nginx's default and what changes, since a
// hardening that only restates a default (proxy_read_timeout 60s) or is
// gentler than it (max_fails=3 against 1) must not read as a repair.
// See docs/rules/upstream-retry-hardening.md.

#include <algorithm>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// A setting the hardening adds, with nginx's default and the difference.
// Its words never need quotes, so the statement is the same in every style.
struct Hardening {
  std::string_view name;
  std::string_view statement;
  std::string_view change;  // how it differs from nginx's default
};

const std::vector<Hardening>& Settings() {
  static const std::vector<Hardening> settings = {
      {"proxy_next_upstream",
       "proxy_next_upstream error timeout http_502 http_503;",
       "a 502 or 503 goes to the next server, not to the client (default "
       "`error timeout`; a POST once sent is still never retried)"},
      {"proxy_next_upstream_tries",
       "proxy_next_upstream_tries 3;",
       "at most 3 attempts (default 0, no limit)"},
      {"proxy_connect_timeout",
       "proxy_connect_timeout 5s;",
       "a host that drops connection attempts costs 5s (default 60s)"},
      {"proxy_read_timeout",
       "proxy_read_timeout 60s;",
       "nginx's default, written out to be seen and tuned"},
  };
  return settings;
}

// What the passive health check parameters change, for the ones added.
std::string ServerChange(bool max_fails, bool fail_timeout) {
  std::string added = max_fails && fail_timeout ? "max_fails=3 fail_timeout=30s"
                      : max_fails               ? "max_fails=3"
                                                : "fail_timeout=30s";
  return "`" + added + "` on the group's servers: a server is out after "
         "max_fails failures within fail_timeout, for that long (default "
         "max_fails=1 fail_timeout=10s: after one failure, for 10s)";
}

bool HasParameter(const std::vector<std::string>& words, std::string_view prefix) {
  return std::any_of(words.begin() + 1, words.end(), [&](const std::string& w) {
    return w.rfind(prefix, 0) == 0;
  });
}

}  // namespace

void CheckUpstreamRetryHardening(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  // Without --hardening the finding only explains: no edits are built, as
  // a configuration may have tens of thousands of proxy_pass lines.
  const bool build_edits = context.applies_fixes();
  std::vector<uint32_t> hardened_upstreams;
  for (const Pass& pass : analysis.passes()) {
    if (pass.directive != "proxy_pass" || pass.upstream == kNone) continue;
    // A proxy_pass where nginx rejects it (directive-not-allowed-here) has
    // no level to harden: its settings would be misplaced too.
    uint32_t anchor = SettingsAnchor(analysis, pass.node);
    if (!(analysis.context(anchor) & (kContextLocation | kContextIfInLocation |
                                      kContextLimitExcept))) {
      continue;
    }
    uint32_t block = BlockOf(analysis.tree(), anchor);
    std::vector<std::string> statements;
    std::string changes;
    for (const Hardening& setting : Settings()) {
      if (!EffectiveDirective(analysis, block, setting.name).nodes.empty()) {
        continue;
      }
      if (build_edits) statements.emplace_back(setting.statement);
      changes += " `";
      changes += setting.statement;
      changes += "`: ";
      changes += setting.change;
      changes += ".";
    }
    std::vector<Edit> edits;
    if (!statements.empty()) {
      edits.push_back(InsertSettings(context, context.Builder(pass.node),
                                     pass.node, statements));
    }
    if (std::find(hardened_upstreams.begin(), hardened_upstreams.end(),
                  pass.upstream) == hardened_upstreams.end()) {
      hardened_upstreams.push_back(pass.upstream);
      bool max_fails = false;
      bool fail_timeout = false;
      for (uint32_t server : analysis.Find(pass.upstream, "server")) {
        std::vector<std::string> words = Values(tree, server);
        if (words.size() < 2 || HasParameter(words, "backup") ||
            HasParameter(words, "down")) {
          continue;
        }
        std::string added;
        if (!HasParameter(words, "max_fails=")) {
          added += " max_fails=3";
          max_fails = true;
        }
        if (!HasParameter(words, "fail_timeout=")) {
          added += " fail_timeout=30s";
          fail_timeout = true;
        }
        if (build_edits && !added.empty()) {
          edits.push_back(AppendWord(tree, server, added.substr(1)));
        }
      }
      if (max_fails || fail_timeout) {
        changes += " " + ServerChange(max_fails, fail_timeout) + ".";
      }
    }
    if (changes.empty()) continue;
    context.Report(pass.node,
                   "no retry or passive health checks for " + pass.backend,
                   "With --hardening, for " + pass.backend + ":" + changes,
                   std::move(edits));
  }
}

}  // namespace ngxfix::rules
