// websocket-upgrade-missing: proxying a WebSocket backend without passing
// the upgrade on.  nginx does not forward hop-by-hop headers: without
// `proxy_set_header Upgrade` and `Connection` (and HTTP/1.1 before 1.29.7)
// the backend sees a plain GET, answers 400 or 426, and the browser's
// WebSocket never opens.  The backend is a WebSocket one when the user says
// so (ws), or, as an assumption, when the location's path looks like one
// (/ws, /websocket, /socket.io, /sockjs, /cable).
// See docs/rules/websocket-upgrade-missing.md.

#include <strings.h>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// Path segments that name WebSocket endpoints by convention.
constexpr std::string_view kWebSocketSegments[] = {
    "ws", "wss", "websocket", "websockets", "socket.io", "sockjs", "cable"};

bool LooksLikeWebSocketPath(std::string_view path) {
  if (path.find("socket.io") != std::string_view::npos) return true;
  for (size_t begin = 0;;) {
    size_t end = path.find_first_of("/~^$*.?()", begin);
    std::string_view segment = path.substr(begin, end - begin);
    for (std::string_view known : kWebSocketSegments) {
      if (segment == known) return true;
    }
    if (end == std::string_view::npos) return false;
    begin = end + 1;
  }
}

}  // namespace

void CheckWebsocketUpgradeMissing(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (const Pass& pass : analysis.passes()) {
    if (pass.directive != "proxy_pass" ||
        (pass.scheme != "http" && pass.scheme != "https")) {
      continue;
    }
    Assumption assumption;
    bool websocket = pass.protocol && pass.protocol->protocol == Protocol::kWs &&
                     pass.protocol->source != BackendSource::kInferred;
    uint32_t location = analysis.Enclosing(pass.node, kContextLocation);
    if (!websocket && location != kNone &&
        (!pass.protocol || pass.protocol->source == BackendSource::kInferred)) {
      std::vector<std::string> words = Values(tree, location);
      std::string path = words.empty() ? "" : words.back();
      if (LooksLikeWebSocketPath(path)) {
        websocket = true;
        assumption = {pass.backend, "assumed " + pass.backend +
                                        " serves WebSockets because the location is " +
                                        path};
      }
    }
    if (!websocket) continue;
    uint32_t block = BlockOf(tree, pass.node);
    Effective headers = EffectiveDirective(analysis, block, "proxy_set_header");
    std::optional<std::string> upgrade = HeaderValue(tree, headers.nodes, "Upgrade");
    std::optional<std::string> connection =
        HeaderValue(tree, headers.nodes, "Connection");
    bool http11 = context.version() >= NginxVersion{1, 29, 7} ||
                  EffectiveValue(context, block, "proxy_http_version") == "1.1";
    bool passes_connection =
        connection && (*connection == "$connection_upgrade" ||
                       *connection == "$http_connection" ||
                       strcasecmp(connection->c_str(), "upgrade") == 0);
    if (upgrade && passes_connection && http11) continue;
    FixBuilder builder = context.Builder(pass.node);
    context.Report(
        pass.node, "WebSocket proxying without the Upgrade and Connection headers",
        "nginx does not pass hop-by-hop headers on: without proxy_set_header "
        "Upgrade and Connection (and HTTP/1.1 before nginx 1.29.7) the "
        "backend sees a plain request and the WebSocket handshake fails "
        "(400, 426, or a connection that never upgrades).",
        WebSocketEdits(context, builder, pass), assumption);
  }
}

}  // namespace ngxfix::rules
