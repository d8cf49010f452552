// upstream-host-header (info): proxy_pass to an upstream group sends
// "Host: <group name>" unless a Host header is set (nginx's default is
// $proxy_host).  Backends that route by Host, or check it, then see a name
// that exists only in nginx.conf.  An explanation only: which Host the
// backend wants ($host, or its own name) is the user's call.
// See docs/rules/upstream-host-header.md.

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckUpstreamHostHeader(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  for (const Pass& pass : context.analysis().passes()) {
    if (pass.directive != "proxy_pass" || pass.upstream == kNone) continue;
    Effective headers = EffectiveDirective(
        context.analysis(), BlockOf(tree, pass.node), "proxy_set_header");
    if (HeaderValue(tree, headers.nodes, "Host")) continue;
    context.Report(
        pass.node, "the backend sees \"Host: " + pass.backend + "\"",
        "Without proxy_set_header Host, nginx sends the upstream group's "
        "name as the Host header. Set it to $host to pass the client's, or "
        "to the name the backend expects.");
  }
}

}  // namespace ngxfix::rules
