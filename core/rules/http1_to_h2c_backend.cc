// http1-to-h2c-backend: HTTP/1.x proxying (proxy_pass without
// proxy_http_version 2) to a backend that only speaks HTTP/2 in clear text.
// The backend rejects the HTTP/1.1 request line, nginx logs "upstream sent
// no valid HTTP/1.0 header" and passes its bytes on as HTTP/0.9.  The fix:
// proxy_http_version 2 where the target version has it (1.29.4), grpc_pass
// for gRPC (with the proxy_* settings as their grpc_* twins, see
// TwinEdits), otherwise only the explanation.
// See docs/rules/http1-to-h2c-backend.md.

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// The proxy_pass directives this rule turns into grpc_pass.
bool MovesToGrpc(const Pass& pass) {
  return pass.directive == "proxy_pass" &&
         (pass.scheme == "http" || pass.scheme == "https") && pass.protocol &&
         IsGrpc(pass.protocol->protocol);
}

}  // namespace

void CheckHttp1ToH2cBackend(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  bool has_http2 = context.version() >= NginxVersion{1, 29, 4};
  for (const Pass& pass : context.analysis().passes()) {
    if (pass.directive != "proxy_pass" || !pass.protocol ||
        (pass.scheme != "http" && pass.scheme != "https")) {
      continue;
    }
    Protocol protocol = pass.protocol->protocol;
    bool h2_only = protocol == Protocol::kH2c || protocol == Protocol::kH2;
    if (!h2_only && !IsGrpc(protocol)) continue;
    uint32_t block = BlockOf(tree, pass.node);
    if (EffectiveValue(context, block, "proxy_http_version") == "2" &&
        !IsGrpc(protocol)) {
      continue;
    }
    FixBuilder builder = context.Builder(pass.node);
    std::vector<Edit> edits;
    std::string how;
    if (IsGrpc(protocol)) {
      edits.push_back(ReplacePass(builder, tree, pass, "grpc_pass",
                                  pass.scheme == "https" ? "grpcs" : "grpc"));
      std::vector<std::string> untranslated;
      std::vector<Edit> twins = TwinEdits(context, builder, pass,
                                          /*to_grpc=*/true, MovesToGrpc,
                                          &untranslated);
      edits.insert(edits.end(), twins.begin(), twins.end());
      how = "gRPC backends are proxied with grpc_pass; the proxy_* settings "
            "in effect become their grpc_* twins.";
      if (!untranslated.empty()) {
        how += " No grpc_* twin exists for " + JoinNames(untranslated) +
               ", which no longer apply here.";
      }
    } else if (has_http2) {
      std::vector<std::string> statements;
      SetScalar(context, builder, pass.node, "proxy_http_version", "2", &edits,
                &statements);
      if (!statements.empty()) {
        edits.push_back(InsertSettings(context, builder, pass.node, statements));
      }
      how = "proxy_http_version 2 makes nginx speak HTTP/2 to it.";
    } else {
      how = "nginx " + context.version().ToString() +
            " cannot proxy HTTP/2 except gRPC (proxy_http_version 2 needs "
            "1.29.4): enable HTTP/1.1 on the backend, or upgrade nginx.";
    }
    context.Report(
        pass.node,
        "proxy_pass speaks HTTP/1.x to " + pass.backend + ", which speaks " +
            std::string(ProtocolName(protocol)),
        "An HTTP/2-only backend rejects the HTTP/1.x request; nginx logs "
        "\"upstream sent no valid HTTP/1.0 header\" and passes the answer on "
        "as HTTP/0.9, or the client gets 502. " + how,
        std::move(edits), AssumptionOf(pass));
  }
}

}  // namespace ngxfix::rules
