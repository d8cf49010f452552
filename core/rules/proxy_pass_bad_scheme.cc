// proxy-pass-bad-scheme: proxy_pass accepts only http:// and https://;
// h2://, http2://, h2c://, grpc://, grpcs://, ws:// and wss:// make nginx -t
// fail with `invalid URL prefix`.  The fix depends on what the backend
// speaks; ws:// and wss:// become http:// and https:// with the WebSocket
// upgrade headers, and a switch to grpc_pass takes the proxy_* settings
// along as their grpc_* twins.  See docs/rules/proxy-pass-bad-scheme.md.

#include <algorithm>

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

constexpr std::string_view kBadSchemes[] = {"h2",   "http2", "h2c", "grpc",
                                            "grpcs", "ws",   "wss"};

bool BadScheme(const Pass& pass) {
  return std::find(std::begin(kBadSchemes), std::end(kBadSchemes),
                   pass.scheme) != std::end(kBadSchemes);
}

// The proxy_pass directives this rule turns into grpc_pass.
bool MovesToGrpc(const Pass& pass) {
  return pass.directive == "proxy_pass" && BadScheme(pass) && pass.protocol &&
         IsGrpc(pass.protocol->protocol);
}

}  // namespace

void CheckProxyPassBadScheme(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const NginxVersion& version = context.version();
  for (const Pass& pass : context.analysis().passes()) {
    if (pass.directive != "proxy_pass" || !BadScheme(pass) || !pass.protocol) {
      continue;
    }
    const Node& node = tree.nodes()[pass.node];
    FixBuilder builder = context.Builder(pass.node);
    Protocol protocol = pass.protocol->protocol;
    bool tls = UsesTls(protocol) || pass.scheme == "wss";
    std::vector<Edit> edits;
    std::string how;
    if (IsGrpc(protocol)) {
      edits.push_back(
          ReplacePass(builder, tree, pass, "grpc_pass", tls ? "grpcs" : "grpc"));
      std::vector<std::string> untranslated;
      std::vector<Edit> twins = TwinEdits(context, builder, pass,
                                          /*to_grpc=*/true, MovesToGrpc,
                                          &untranslated);
      edits.insert(edits.end(), twins.begin(), twins.end());
      how = "gRPC goes through grpc_pass; the proxy_* directives in effect "
            "become their grpc_* twins, renamed where no other location "
            "depends on them, else copied into this one.";
      if (!untranslated.empty()) {
        how += " No grpc_* twin exists for " + JoinNames(untranslated) +
               ", which no longer apply here.";
      }
    } else {
      edits.push_back(builder.ReplaceToken(
          tree.words(node)[1],
          QuoteWord(WithScheme(pass, tls ? "https" : "http"), builder.style().quote)));
      bool h2 = protocol == Protocol::kH2c || protocol == Protocol::kH2;
      if (h2 && version >= NginxVersion{1, 29, 4}) {
        std::vector<std::string> statements;
        SetScalar(context, builder, pass.node, "proxy_http_version", "2",
                  &edits, &statements);
        if (!statements.empty()) {
          edits.push_back(InsertSettings(context, builder, pass.node, statements));
        }
        how = "HTTP/2 to a backend is proxy_pass with proxy_http_version 2.";
      } else if (h2) {
        how = "nginx before 1.29.4 cannot proxy HTTP/2 except gRPC: the "
              "backend must also accept HTTP/1.1 (see http1-to-h2c-backend).";
      } else {
        how = "The scheme says only how nginx connects: http:// or https://.";
      }
      if (!h2 && (pass.scheme == "ws" || pass.scheme == "wss")) {
        // The scheme was the only sign of WebSockets: the upgrade headers
        // (and HTTP/1.1) go in with it, or the meaning is lost.
        std::vector<Edit> upgrade = WebSocketEdits(context, builder, pass);
        edits.insert(edits.end(), upgrade.begin(), upgrade.end());
        how += " " + pass.scheme + ":// meant WebSockets: nginx passes the "
               "upgrade on only with proxy_set_header Upgrade and Connection "
               "(and proxy_http_version 1.1 before 1.29.7), which the fix "
               "adds where they are not in effect yet.";
      }
    }
    context.Report(pass.node,
                   "invalid URL prefix in \"" + pass.url + "\"",
                   "proxy_pass accepts only http:// and https://; `nginx -t` "
                   "fails on " + pass.scheme + "://. " + how,
                   std::move(edits), AssumptionOf(pass));
  }
}

}  // namespace ngxfix::rules
