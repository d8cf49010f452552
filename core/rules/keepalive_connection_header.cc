// keepalive-connection-header: a constant Connection header ("close",
// "upgrade", "keep-alive") sent to an upstream that keeps connections
// alive.  "close" ends every connection after one request; "upgrade" on
// every request makes HTTP/1.1 backends treat plain requests as upgrade
// attempts and close.  The fix: $connection_upgrade (with its map) where
// the block proxies WebSockets, else "" (no Connection header).
// See docs/rules/keepalive-connection-header.md.

#include <strings.h>

#include <algorithm>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckKeepaliveConnectionHeader(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::vector<uint32_t> reported;
  for (const Pass& pass : analysis.passes()) {
    if (pass.directive != "proxy_pass" || pass.upstream == kNone ||
        !KeepsAlive(context, pass)) {
      continue;
    }
    uint32_t block = BlockOf(tree, pass.node);
    Effective headers = EffectiveDirective(analysis, block, "proxy_set_header");
    for (uint32_t h : headers.nodes) {
      if (!SetsHeader(tree, h, "Connection")) continue;
      std::vector<std::string> words = Values(tree, h);
      if (words.size() != 3 || words[2].empty() || words[2].find('$') != std::string::npos ||
          strcasecmp(words[2].c_str(), "keep-alive") == 0 ||
          std::find(reported.begin(), reported.end(), h) != reported.end()) {
        continue;
      }
      reported.push_back(h);
      bool websocket = HeaderValue(tree, headers.nodes, "Upgrade").has_value();
      FixBuilder builder = context.Builder(h);
      std::vector<Edit> edits;
      if (websocket) {
        edits = WebSocketEdits(context, builder, pass);
      } else {
        edits.push_back(
            builder.ReplaceToken(tree.words(tree.nodes()[h])[2], "\"\""));
      }
      context.Report(
          h, "Connection: " + words[2] + " defeats keepalive to " + pass.backend,
          "A constant Connection header goes with every request: \"close\" "
          "ends each upstream connection after one request, \"upgrade\" "
          "makes backends treat every request as an upgrade. " +
              std::string(websocket
                              ? "$connection_upgrade sends \"upgrade\" only "
                                "when the client asks for it."
                              : "An empty value sends no Connection header, "
                                "and HTTP/1.1 keeps the connection open."),
          std::move(edits));
    }
  }
}

}  // namespace ngxfix::rules
