// proxy-http-version-unsupported: proxy_http_version takes "1.0" or "1.1",
// and "2" since nginx 1.29.4; anything else makes nginx -t fail with
// `invalid value`.  The fix is the right value for the backends of the
// block.  See docs/rules/proxy-http-version-unsupported.md.

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckProxyHttpVersionUnsupported(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  bool has_http2 = context.version() >= NginxVersion{1, 29, 4};
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective ||
        analysis.Name(n) != "proxy_http_version") {
      continue;
    }
    std::vector<uint32_t> words = tree.words(node);
    if (words.size() != 2) continue;  // invalid-arguments reports it
    std::string value = tree.value(tree.tokens()[words[1]]);
    if (value == "1.0" || value == "1.1" || (value == "2" && has_http2)) {
      continue;
    }
    // HTTP/2 where the version has it and every backend proxied from this
    // block speaks it; HTTP/1.1 otherwise.
    bool all_h2 = has_http2;
    bool any_pass = false;
    for (const Pass& pass : analysis.passes()) {
      if (pass.directive != "proxy_pass") continue;
      bool inside = false;
      for (uint32_t p = pass.node; p != kNone; p = tree.nodes()[p].parent) {
        inside |= p == node.parent;
      }
      if (!inside) continue;
      any_pass = true;
      all_h2 &= pass.protocol && (pass.protocol->protocol == Protocol::kH2c ||
                                  pass.protocol->protocol == Protocol::kH2);
    }
    std::string fixed = any_pass && all_h2 ? "2" : "1.1";
    FixBuilder builder = context.Builder(n);
    context.Report(
        n, "invalid value \"" + value + "\" in \"proxy_http_version\"",
        std::string("proxy_http_version takes 1.0 or 1.1") +
            (has_http2 ? ", or 2 (since 1.29.4)" : "; 2 needs nginx 1.29.4") +
            "; `nginx -t` fails on \"" + value + "\". " + fixed +
            " suits the backends proxied from here.",
        {builder.ReplaceToken(words[1], fixed)});
  }
}

}  // namespace ngxfix::rules
