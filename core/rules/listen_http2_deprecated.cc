// listen-http2-deprecated: since nginx 1.25.1 `listen ... http2` is
// deprecated ("the "listen ... http2" directive is deprecated, use the
// "http2" directive instead") in favour of `http2 on;` in the server.  The
// fix moves the parameter: removed from every listen of the server, one
// `http2 on;` after the last listen.
// See docs/rules/listen-http2-deprecated.md.

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckListenHttp2Deprecated(RuleContext& context) {
  if (context.version() < NginxVersion{1, 25, 1}) return;
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (uint32_t server : Servers(analysis)) {
    std::vector<uint32_t> listens = analysis.Find(server, "listen");
    FixBuilder builder = context.Builder(server);
    std::vector<Edit> edits;
    uint32_t first = kNone;
    for (uint32_t listen : listens) {
      std::vector<uint32_t> words = tree.words(tree.nodes()[listen]);
      for (size_t w = 2; w < words.size(); ++w) {
        if (tree.value(tree.tokens()[words[w]]) != "http2") continue;
        edits.push_back(RemoveWord(tree, words[w]));
        if (first == kNone) first = listen;
      }
    }
    if (first == kNone) continue;
    if (analysis.Find(server, "http2").empty()) {
      edits.push_back(builder.InsertAfter(tree.nodes()[listens.back()],
                                          {builder.Statement({"http2", "on"})}));
    }
    context.Report(first, "the http2 parameter of listen is deprecated",
                   "Since nginx 1.25.1 HTTP/2 is switched on per server with "
                   "`http2 on;`; `listen ... http2` still works but warns.",
                   std::move(edits));
  }
}

}  // namespace ngxfix::rules
