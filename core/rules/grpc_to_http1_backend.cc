// grpc-to-http1-backend: grpc_pass to a backend that speaks HTTP/1.x.
// nginx's gRPC proxy speaks HTTP/2 with prior knowledge; an HTTP/1.1 server
// answers "HTTP/1.1 400 ...", whose first bytes nginx reads as an HTTP/2
// frame header ("upstream sent too large http2 frame: 4740180", "HTT" as a
// length) and the client gets 502.  The fix proxies with proxy_pass, turns
// the grpc_* directives in effect there into their proxy_* twins (see
// TwinEdits: renamed where written unless other locations depend on them,
// else copied in), and adds what upstream keepalive needs.  See docs/rules/grpc-to-http1-backend.md.

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// The grpc_pass directives this rule turns into proxy_pass.
bool MovesToProxy(const Pass& pass) {
  return pass.directive == "grpc_pass" && pass.protocol &&
         SpeaksHttp1(pass.protocol->protocol);
}

}  // namespace

void CheckGrpcToHttp1Backend(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  for (const Pass& pass : context.analysis().passes()) {
    if (!MovesToProxy(pass)) continue;
    FixBuilder builder = context.Builder(pass.node);
    bool tls = UsesTls(pass.protocol->protocol);
    std::vector<Edit> edits = {
        ReplacePass(builder, tree, pass, "proxy_pass", tls ? "https" : "http")};

    // grpc_set_header, grpc_read_timeout, ... become proxy_set_header, ...
    // where they are written, or are copied into the block.
    std::vector<std::string> untranslated;
    std::vector<Edit> twins = TwinEdits(context, builder, pass, /*to_grpc=*/false,
                                        MovesToProxy, &untranslated);
    edits.insert(edits.end(), twins.begin(), twins.end());
    if (KeepsAlive(context, pass) && context.version() < NginxVersion{1, 29, 7}) {
      std::vector<Edit> keepalive = KeepaliveEdits(context, builder, pass);
      edits.insert(edits.end(), keepalive.begin(), keepalive.end());
    }
    context.Report(
        pass.node,
        "grpc_pass speaks HTTP/2 to " + pass.backend + ", which speaks " +
            std::string(ProtocolName(pass.protocol->protocol)),
        "nginx's gRPC proxy sends HTTP/2 with prior knowledge. An HTTP/1.x "
        "backend answers in HTTP/1.1, which nginx reads as an HTTP/2 frame "
        "(\"upstream sent too large http2 frame: 4740180\" in the error log) "
        "and the client gets 502 Bad Gateway. proxy_pass speaks HTTP/1.x to "
        "it; the grpc_* directives in effect become their proxy_* twins, "
        "renamed where no other location depends on them, else copied into "
        "this one." +
            (untranslated.empty()
                 ? std::string()
                 : " No proxy_* twin exists for " + JoinNames(untranslated) +
                       ", which no longer apply here."),
        std::move(edits));
  }
}

}  // namespace ngxfix::rules
