// http2-to-http1-backend: proxy_http_version 2 (nginx 1.29.4 and later) in
// effect where proxy_pass goes to a backend known to speak only HTTP/1.x:
// nginx opens with the HTTP/2 preface, an HTTP/1.1 server answers 400 in
// HTTP/1.1 and the client gets 502.  The fix sets proxy_http_version 1.1
// where that backend is proxied.  See docs/rules/http2-to-http1-backend.md.

#include "core/rules/rule_helpers.h"

#include "core/inheritance.h"

namespace ngxfix::rules {

void CheckHttp2ToHttp1Backend(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  if (context.version() < NginxVersion{1, 29, 4}) return;
  for (const Pass& pass : context.analysis().passes()) {
    // An http:// URL says nothing about HTTP/1 once proxy_http_version is
    // 2: only a protocol the user gave counts.
    if (pass.directive != "proxy_pass" || !pass.protocol ||
        pass.protocol->source == BackendSource::kInferred ||
        !SpeaksHttp1(pass.protocol->protocol)) {
      continue;
    }
    uint32_t block = BlockOf(tree, pass.node);
    Effective version =
        EffectiveDirective(context.analysis(), block, "proxy_http_version");
    if (version.nodes.empty() ||
        Values(tree, version.nodes[0]).back() != "2") {
      continue;
    }
    FixBuilder builder = context.Builder(pass.node);
    Edit edit =
        version.level == block
            ? builder.ReplaceToken(tree.words(tree.nodes()[version.nodes[0]])[1], "1.1")
            : InsertSettings(context, builder, pass.node,
                             {builder.Statement({"proxy_http_version", "1.1"})});
    context.Report(
        pass.node,
        "proxy_http_version 2 to " + pass.backend + ", which speaks " +
            std::string(ProtocolName(pass.protocol->protocol)),
        "With proxy_http_version 2 nginx opens the connection with the "
        "HTTP/2 preface. A backend that speaks only HTTP/1.x (older Node.js, "
        "Gunicorn, ...) answers with an HTTP/1.1 error, and the client gets "
        "502 Bad Gateway. HTTP/1.1 is what this backend speaks.",
        {edit});
  }
}

}  // namespace ngxfix::rules
