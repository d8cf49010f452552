// grpc-pass-bad-scheme: grpc_pass takes grpc:// or grpcs:// (or no scheme);
// nginx reads anything else as part of the host and nginx -t fails.
// See docs/rules/grpc-pass-bad-scheme.md.

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {

void CheckGrpcPassBadScheme(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  for (const Pass& pass : context.analysis().passes()) {
    if (pass.directive != "grpc_pass" || pass.scheme.empty() ||
        pass.scheme == "grpc" || pass.scheme == "grpcs") {
      continue;
    }
    bool tls = pass.scheme == "https" || pass.scheme == "h2s" ||
               (pass.protocol && UsesTls(pass.protocol->protocol));
    FixBuilder builder = context.Builder(pass.node);
    std::string url = WithScheme(pass, tls ? "grpcs" : "grpc");
    context.Report(
        pass.node,
        "grpc_pass does not take " + pass.scheme + "://",
        "grpc_pass accepts grpc:// (HTTP/2 in clear text) and grpcs:// (over "
        "TLS); nginx reads any other prefix as part of the address and "
        "`nginx -t` fails.",
        {builder.ReplaceToken(tree.words(tree.nodes()[pass.node])[1],
                              QuoteWord(url, builder.style().quote))},
        AssumptionOf(pass));
  }
}

}  // namespace ngxfix::rules
