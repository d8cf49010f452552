// keepalive-needs-http11: before nginx 1.29.7, proxy_pass speaks HTTP/1.0
// and sends "Connection: close" unless told otherwise, so an upstream's
// `keepalive` connections are never reused: every request opens a new
// connection, and backends with short idle timeouts reset reused ones.
// The fix adds proxy_http_version 1.1 and proxy_set_header Connection "",
// keeping inherited headers.  Since 1.29.7 both are nginx's defaults.
// See docs/rules/keepalive-needs-http11.md.

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckKeepaliveNeedsHttp11(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  if (context.version() >= NginxVersion{1, 29, 7}) return;
  for (const Pass& pass : context.analysis().passes()) {
    if (pass.directive != "proxy_pass" ||
        (pass.scheme != "http" && pass.scheme != "https") ||
        !KeepsAlive(context, pass)) {
      continue;
    }
    // An HTTP/2 backend is kept alive by HTTP/2 itself (1.29.4 and later):
    // http1-to-h2c-backend decides its proxy_http_version.
    if (pass.protocol && !SpeaksHttp1(pass.protocol->protocol)) continue;
    if (EffectiveValue(context, BlockOf(tree, pass.node), "proxy_http_version") ==
        "2") {
      continue;
    }
    FixBuilder builder = context.Builder(pass.node);
    std::vector<Edit> edits = KeepaliveEdits(context, builder, pass);
    if (edits.empty()) continue;
    context.Report(
        pass.node,
        "upstream " + pass.backend +
            " keeps connections alive, but this proxy_pass closes them",
        "Before nginx 1.29.7, proxy_pass speaks HTTP/1.0 and sends "
        "\"Connection: close\", so the upstream's keepalive connections are "
        "never reused. proxy_http_version 1.1 and an empty Connection header "
        "keep them open.",
        std::move(edits));
  }
}

}  // namespace ngxfix::rules
