// proxy-set-header-inheritance: a level (server, location, if) that sets
// any proxy_set_header drops every proxy_set_header it would inherit (nginx
// inherits the array only when a level sets none).  A location that adds
// X-Request-Id silently stops sending the server's Host and X-Forwarded-For.
// The fix copies the dropped headers into that level.
// See docs/rules/proxy-set-header-inheritance.md.

#include <strings.h>

#include <optional>
#include <set>
#include <vector>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

namespace {

// The levels that drop what they inherit when they set their own.
constexpr uint32_t kDroppingLevels = kContextServer | kContextLocation |
                                     kContextIfInLocation | kContextLimitExcept;

// The blocks that hold a proxy_pass to a group keeping connections alive
// (the pass's own block and every block around it), marked once.
std::vector<bool> KeepaliveBlocks(const RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  std::vector<bool> marked(tree.nodes().size());
  for (const Pass& pass : context.analysis().passes()) {
    if (pass.directive != "proxy_pass" || !KeepsAlive(context, pass)) continue;
    for (uint32_t n = tree.nodes()[pass.node].parent; n != kNone && !marked[n];
         n = tree.nodes()[n].parent) {
      marked[n] = true;
    }
  }
  return marked;
}

// Whether losing the inherited `proxy_set_header NAME VALUE` in `block`
// changes what is sent.  nginx's own defaults cost nothing to lose (Host
// $proxy_host; from 1.29.7 no Connection header), and `Connection ""`
// matters only to groups that keep connections alive: elsewhere nginx
// closes the connection after the response, whatever it said.
// `keepalive_blocks` is KeepaliveBlocks(), computed when first needed.
bool LossMatters(const RuleContext& context, uint32_t block,
                 const std::string& name, const std::string& value,
                 std::optional<std::vector<bool>>* keepalive_blocks) {
  if (name == "host") return value != "$proxy_host";
  if (name != "connection" || !value.empty()) return true;
  if (context.version() >= NginxVersion{1, 29, 7}) return false;
  if (!*keepalive_blocks) *keepalive_blocks = KeepaliveBlocks(context);
  return (**keepalive_blocks)[block];
}

}  // namespace

void CheckProxySetHeaderInheritance(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::optional<std::vector<bool>> keepalive_blocks;
  for (uint32_t block = 0; block < tree.nodes().size(); ++block) {
    if (!(analysis.BlockContext(block) & kDroppingLevels)) continue;
    std::vector<uint32_t> own = analysis.Find(block, "proxy_set_header");
    if (own.empty()) continue;
    // The header a statement sets, lower case; "" when it names none.
    auto header = [&tree](uint32_t h) {
      uint32_t word = tree.word(tree.nodes()[h], 1);
      if (word == kNone) return std::string();
      std::string name = tree.value(tree.tokens()[word]);
      for (char& c : name) c = static_cast<char>(tolower(uint8_t(c)));
      return name;
    };
    std::set<std::string> seen;
    for (uint32_t h : own) {
      if (std::string name = header(h); !name.empty()) seen.insert(name);
    }
    // What the level would inherit once the levels above it are fixed too:
    // the headers in effect just outside it, then the ones that level drops
    // in turn (this rule copies them there in the same round), nearest
    // first; so one round suffices however deep the levels nest.
    std::vector<std::string> dropped_text, dropped_names;
    bool matters = false;
    for (uint32_t outer = OuterLevel(analysis, block);;) {
      Effective inherited = EffectiveDirective(analysis, outer, "proxy_set_header");
      if (inherited.nodes.empty()) break;
      for (uint32_t h : inherited.nodes) {
        std::string name = header(h);
        if (name.empty() || !seen.insert(name).second) continue;
        std::string text = StatementText(tree, h);
        if (text.empty()) continue;  // nginx rejects it; other rules say so
        std::vector<std::string> words = Values(tree, h);
        matters |= words.size() != 3 ||
                   LossMatters(context, block, name, words[2], &keepalive_blocks);
        dropped_text.push_back(std::move(text));
        dropped_names.push_back(
            tree.value(tree.tokens()[tree.word(tree.nodes()[h], 1)]));
      }
      if (inherited.level == kNone ||
          !(analysis.BlockContext(inherited.level) & kDroppingLevels)) {
        break;
      }
      outer = OuterLevel(analysis, inherited.level);
    }
    if (!matters) continue;
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
