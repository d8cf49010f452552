// upstream-scheme-port-mismatch: https:// to a clear-text backend, or
// http:// to a TLS one.  TLS to a clear-text port fails the handshake
// ("SSL_do_handshake() failed (... wrong version number)"); clear text to a
// TLS port gets a TLS alert or a 400 "plain HTTP request was sent to HTTPS
// port".  The backend's protocol, or failing that its port (443 and 8443
// for TLS, 80 and 8080 for clear text), decides.
// See docs/rules/upstream-scheme-port-mismatch.md.

#include <algorithm>

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

constexpr int kTlsPorts[] = {443, 8443};
constexpr int kClearPorts[] = {80, 8080};

template <size_t N>
bool In(const int (&ports)[N], std::optional<int> port) {
  return port && std::find(std::begin(ports), std::end(ports), *port) !=
                     std::end(ports);
}

}  // namespace

void CheckUpstreamSchemePortMismatch(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  for (const Pass& pass : context.analysis().passes()) {
    bool grpc = pass.directive == "grpc_pass";
    if (pass.directive != "proxy_pass" && !grpc) continue;
    bool tls_url = pass.scheme == "https" || pass.scheme == "grpcs";
    bool clear_url = pass.scheme == "http" || pass.scheme == "grpc";
    if (!tls_url && !clear_url) continue;

    std::optional<bool> tls_backend;
    std::string why;
    if (pass.protocol && pass.protocol->source != BackendSource::kInferred) {
      tls_backend = UsesTls(pass.protocol->protocol);
      why = pass.backend + " speaks " +
            std::string(ProtocolName(pass.protocol->protocol));
    } else if (In(kTlsPorts, pass.port)) {
      tls_backend = true;
      why = "port " + std::to_string(*pass.port) + " is a TLS port";
    } else if (In(kClearPorts, pass.port)) {
      tls_backend = false;
      why = "port " + std::to_string(*pass.port) + " is a clear-text port";
    }
    if (!tls_backend || *tls_backend == tls_url) continue;

    std::string scheme = *tls_backend ? (grpc ? "grpcs" : "https")
                                      : (grpc ? "grpc" : "http");
    FixBuilder builder = context.Builder(pass.node);
    context.Report(
        pass.node,
        pass.scheme + ":// to " + pass.backend + ", but " + why,
        *tls_backend
            ? "Clear text to a TLS port: the backend answers with a TLS "
              "alert, or \"400 The plain HTTP request was sent to HTTPS "
              "port\", and the client gets 502 or that 400."
            : "TLS to a clear-text port: the handshake fails "
              "(\"SSL_do_handshake() failed ... wrong version number\") and "
              "the client gets 502.",
        {builder.ReplaceToken(tree.words(tree.nodes()[pass.node])[1],
                              QuoteWord(WithScheme(pass, scheme),
                                        builder.style().quote))},
        pass.protocol && pass.protocol->source != BackendSource::kInferred
            ? Assumption{}
            : Assumption{pass.backend, "assumed " + pass.backend + " speaks " +
                                           (*tls_backend ? "TLS" : "clear text") +
                                           " because " + why});
  }
}

}  // namespace ngxfix::rules
