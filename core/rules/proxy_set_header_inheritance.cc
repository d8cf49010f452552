// proxy-set-header-inheritance: a level (server, location, if) that sets
// any proxy_set_header drops every proxy_set_header it would inherit (nginx
// inherits the array only when a level sets none).  A location that adds
// X-Request-Id silently stops sending the server's Host and X-Forwarded-For.
// The fix copies the dropped headers into that level.
// See docs/rules/proxy-set-header-inheritance.md.

#include <strings.h>

#include <set>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckProxySetHeaderInheritance(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (uint32_t block = 0; block < tree.nodes().size(); ++block) {
    uint32_t opened = analysis.BlockContext(block);
    if (!(opened & (kContextServer | kContextLocation | kContextIfInLocation |
                    kContextLimitExcept))) {
      continue;
    }
    std::vector<uint32_t> own = analysis.Find(block, "proxy_set_header");
    if (own.empty()) continue;
    // What the level would inherit: the headers in effect just outside it.
    uint32_t outer = tree.nodes()[block].parent;
    while (outer != kNone && !(analysis.BlockContext(outer) &
                               (kContextHttp | kContextServer | kContextLocation |
                                kContextIfInLocation))) {
      outer = tree.nodes()[outer].parent;
    }
    Effective inherited = EffectiveDirective(analysis, outer, "proxy_set_header");
    auto lower = [](std::string s) {
      for (char& c : s) c = static_cast<char>(tolower(uint8_t(c)));
      return s;
    };
    std::set<std::string> mine;
    for (uint32_t h : own) {
      std::vector<std::string> words = Values(tree, h);
      if (words.size() >= 2) mine.insert(lower(words[1]));
    }
    std::vector<std::string> dropped_text, dropped_names;
    for (uint32_t h : inherited.nodes) {
      std::vector<std::string> words = Values(tree, h);
      if (words.size() < 2 || mine.count(lower(words[1]))) continue;
      const Node& n = tree.nodes()[h];
      dropped_text.emplace_back(tree.text().substr(
          tree.begin_offset(n), tree.end_offset(n) - tree.begin_offset(n)));
      dropped_names.push_back(words[1]);
    }
    if (dropped_text.empty()) continue;
    std::string names;
    for (const std::string& name : dropped_names) {
      names += (names.empty() ? "" : ", ") + name;
    }
    FixBuilder builder = context.Builder(block);
    context.Report(
        own.front(),
        "this proxy_set_header drops the inherited " + names,
        "nginx inherits proxy_set_header only into levels that set none: "
        "because this level sets its own, the headers set outside it (" +
            names + ") are not sent from here. The fix copies them in.",
        {builder.InsertBefore(tree.nodes()[own.front()], dropped_text)});
  }
}

}  // namespace ngxfix::rules
