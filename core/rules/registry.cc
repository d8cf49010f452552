// The one table of rules.  Order matters: when two fixes touch the same
// text, the earlier rule's fix is applied first and the later rule looks
// again at the result.  Syntax rules come first (a config nginx rejects is
// fixed before it is tuned), then fixes that replace a directive outright,
// then fixes that add to it.

#include "core/rule.h"

namespace ngxfix {
namespace rules {

void CheckUnknownDirective(RuleContext& context);
void CheckDirectiveNeedsModule(RuleContext& context);
void CheckDirectiveNotAllowedHere(RuleContext& context);
void CheckInvalidArguments(RuleContext& context);
void CheckParameterUnsupported(RuleContext& context);
void CheckGrpcToHttp1Backend(RuleContext& context);
void CheckProxyPassBadScheme(RuleContext& context);
void CheckGrpcPassBadScheme(RuleContext& context);
void CheckProxyHttpVersionUnsupported(RuleContext& context);
void CheckHttp2ToHttp1Backend(RuleContext& context);
void CheckHttp1ToH2cBackend(RuleContext& context);
void CheckKeepaliveNeedsHttp11(RuleContext& context);
void CheckKeepaliveConnectionHeader(RuleContext& context);
void CheckProxySetHeaderInheritance(RuleContext& context);
void CheckWebsocketUpgradeMissing(RuleContext& context);
void CheckUpstreamTlsSniMissing(RuleContext& context);
void CheckUpstreamSchemePortMismatch(RuleContext& context);
void CheckListenHttp2Deprecated(RuleContext& context);
void CheckHttp2DirectiveUnsupported(RuleContext& context);
void CheckGrpcNeedsHttp2Listener(RuleContext& context);
void CheckUpstreamBufferTooSmall(RuleContext& context);
void CheckUpstreamHostHeader(RuleContext& context);
void CheckUpstreamRetryHardening(RuleContext& context);

}  // namespace rules

namespace {

using enum FindingSeverity;

constexpr Rule kRules[] = {
    {{"unknown-directive", kError,
      "a directive the target nginx version does not know",
      "all (each directive has its own versions)"},
     rules::CheckUnknownDirective},
    {{"directive-needs-module", kInfo,
      "a directive of NGINX Plus or of a separately built module",
      "all (some are in open-source nginx from a version on)"},
     rules::CheckDirectiveNeedsModule},
    {{"directive-not-allowed-here", kError,
      "a directive in a context where nginx does not accept it",
      "all"},
     rules::CheckDirectiveNotAllowedHere},
    {{"invalid-arguments", kError,
      "a directive with the wrong number of arguments, or a block where a "
      "';' belongs (or the reverse)",
      "all"},
     rules::CheckInvalidArguments},
    {{"parameter-unsupported", kError,
      "a parameter the target nginx version does not accept yet (listen "
      "... quic, server ... resolve, ...)",
      "all (each parameter has its own version)"},
     rules::CheckParameterUnsupported},
    {{"grpc-to-http1-backend", kError,
      "grpc_pass to a backend that speaks HTTP/1.x",
      "all"},
     rules::CheckGrpcToHttp1Backend},
    {{"proxy-pass-bad-scheme", kError,
      "proxy_pass with a scheme nginx does not accept (h2://, grpc://, "
      "ws://, ...)",
      "all"},
     rules::CheckProxyPassBadScheme},
    {{"grpc-pass-bad-scheme", kError,
      "grpc_pass with a scheme other than grpc:// or grpcs://",
      "all"},
     rules::CheckGrpcPassBadScheme},
    {{"proxy-http-version-unsupported", kError,
      "a proxy_http_version value the target version rejects",
      "all (2 is valid from 1.29.4)"},
     rules::CheckProxyHttpVersionUnsupported},
    {{"http2-to-http1-backend", kError,
      "proxy_http_version 2 to a backend that speaks HTTP/1.x",
      "1.29.4 and later"},
     rules::CheckHttp2ToHttp1Backend},
    {{"http1-to-h2c-backend", kError,
      "HTTP/1.x proxying to a backend that only speaks h2c",
      "all"},
     rules::CheckHttp1ToH2cBackend},
    {{"keepalive-needs-http11", kWarning,
      "an upstream with keepalive proxied without HTTP/1.1 or without "
      "clearing Connection",
      "before 1.29.7"},
     rules::CheckKeepaliveNeedsHttp11},
    {{"keepalive-connection-header", kWarning,
      "a constant Connection header that defeats upstream keepalive",
      "all (before 1.29.7 only for groups with keepalive)"},
     rules::CheckKeepaliveConnectionHeader},
    {{"websocket-upgrade-missing", kWarning,
      "WebSocket proxying without the Upgrade and Connection headers",
      "all"},
     rules::CheckWebsocketUpgradeMissing},
    {{"proxy-set-header-inheritance", kWarning,
      "a level whose proxy_set_header drops the ones it would inherit",
      "all"},
     rules::CheckProxySetHeaderInheritance},
    {{"upstream-scheme-port-mismatch", kWarning,
      "https:// to a clear-text backend, or http:// to a TLS one",
      "all"},
     rules::CheckUpstreamSchemePortMismatch},
    {{"upstream-tls-sni-missing", kWarning,
      "TLS to a backend by name without proxy_ssl_server_name on",
      "all"},
     rules::CheckUpstreamTlsSniMissing},
    {{"http2-directive-unsupported", kError,
      "the http2 directive before nginx 1.25.1",
      "before 1.25.1"},
     rules::CheckHttp2DirectiveUnsupported},
    {{"listen-http2-deprecated", kWarning,
      "listen ... http2 on nginx 1.25.1 and later",
      "1.25.1 and later"},
     rules::CheckListenHttp2Deprecated},
    {{"grpc-needs-http2-listener", kError,
      "grpc_pass in a server that does not accept HTTP/2",
      "all"},
     rules::CheckGrpcNeedsHttp2Listener},
    {{"upstream-buffer-too-small", kError,
      "the error log says a response header outgrew proxy_buffer_size",
      "all"},
     rules::CheckUpstreamBufferTooSmall},
    {{"upstream-host-header", kInfo,
      "proxy_pass to an upstream group without a Host header",
      "all"},
     rules::CheckUpstreamHostHeader},
    {{"upstream-retry-hardening", kInfo,
      "production retries, timeouts and passive health checks",
      "all", /*hardening=*/true},
     rules::CheckUpstreamRetryHardening},
};

}  // namespace

std::span<const Rule> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view id) {
  for (const Rule& rule : kRules) {
    if (rule.info.id == id) return &rule.info;
  }
  return nullptr;
}

}  // namespace ngxfix
