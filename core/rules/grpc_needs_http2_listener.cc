// grpc-needs-http2-listener: gRPC clients speak HTTP/2, so a server that
// proxies with grpc_pass must accept HTTP/2: without it clients fail before
// nginx proxies anything.  The fix: `http2 on;` on 1.25.1 and later, else
// the http2 parameter on the server's listens.
// See docs/rules/grpc-needs-http2-listener.md.

#include <algorithm>

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckGrpcNeedsHttp2Listener(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::vector<uint32_t> reported;
  for (const Pass& pass : analysis.passes()) {
    // grpc_pass to an HTTP/1.x backend is replaced by proxy_pass
    // (grpc-to-http1-backend); HTTP/2 would be no help there.
    if (pass.directive != "grpc_pass" ||
        (pass.protocol && SpeaksHttp1(pass.protocol->protocol))) {
      continue;
    }
    uint32_t server = analysis.Enclosing(pass.node, kContextServer);
    if (server == kNone || ServerHasHttp2(context, server) ||
        std::find(reported.begin(), reported.end(), server) != reported.end()) {
      continue;
    }
    reported.push_back(server);
    std::vector<uint32_t> listens = analysis.Find(server, "listen");
    FixBuilder builder = context.Builder(server);
    std::vector<Edit> edits;
    if (listens.empty()) {
      // The default listen (*:80) is HTTP/1.x; leave the choice of port to
      // the user.
    } else if (context.version() >= NginxVersion{1, 25, 1}) {
      edits.push_back(builder.InsertAfter(tree.nodes()[listens.back()],
                                          {builder.Statement({"http2", "on"})}));
    } else {
      for (uint32_t listen : listens) {
        edits.push_back(AppendWord(tree, listen, "http2"));
      }
    }
    context.Report(pass.node,
                   "grpc_pass in a server that does not accept HTTP/2",
                   "gRPC clients speak HTTP/2 only; this server answers "
                   "HTTP/1.x, so calls fail before nginx proxies them. " +
                       std::string(listens.empty()
                                       ? "Add a listen with HTTP/2."
                                       : "The fix accepts HTTP/2 here."),
                   std::move(edits));
  }
}

}  // namespace ngxfix::rules
