// http2-directive-unsupported: the `http2` directive exists since nginx
// 1.25.1; before, nginx -t fails with `unknown directive "http2"`.  The fix
// removes it and, for `http2 on`, adds the http2 parameter to the server's
// TLS listens, and to its clear-text ones only where every server on the
// address:port serves gRPC alone: before 1.25.1 a clear-text `listen ...
// http2` makes the whole address:port speak only HTTP/2, which gRPC clients
// want and browsers do not.  See docs/rules/http2-directive-unsupported.md.

#include <strings.h>

#include <algorithm>

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckHttp2DirectiveUnsupported(RuleContext& context) {
  if (context.version() >= NginxVersion{1, 25, 1}) return;
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  Listeners groups;
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective || analysis.Name(n) != "http2" ||
        (node.flags & kNodeBlock)) {
      continue;
    }
    FixBuilder builder = context.Builder(n);
    std::vector<Edit> edits = {builder.Remove(node)};
    std::string note;
    uint32_t server = node.parent;
    std::vector<std::string> words = Values(tree, n);
    bool on = words.size() == 2 && strcasecmp(words[1].c_str(), "on") == 0;
    if (on && server != kNone && analysis.BlockContext(server) == kContextServer) {
      if (groups.empty()) groups = Listeners(analysis);
      for (size_t g : groups.Of(server)) {
        const AddressGroup& group = groups[g];
        bool dedicated = GrpcOnlyAddress(analysis, group);
        if (group.http2 || (!group.ssl && !dedicated)) {
          if (!group.http2) {
            note = " Clear-text listens are left as they are: before 1.25.1 "
                   "`listen ... http2` without ssl makes the whole "
                   "address:port speak only HTTP/2, for every server on it, "
                   "which browsers do not.";
          }
          continue;
        }
        for (uint32_t listen : group.listens) {
          if (tree.nodes()[listen].parent == server) {
            edits.push_back(AppendWord(tree, listen, "http2"));
          }
        }
      }
    } else if (on) {
      note = " At this level, add the http2 parameter to the listens of the "
             "servers that need HTTP/2.";
    }
    context.Report(n, "unknown directive \"http2\"",
                   "The http2 directive exists since nginx 1.25.1; the target "
                   "is " + context.version().ToString() +
                       ", where HTTP/2 is the http2 parameter of listen." + note,
                   std::move(edits));
  }
}

}  // namespace ngxfix::rules
