// websocket-upgrade-missing: proxying a WebSocket backend without passing
// the upgrade on.  nginx does not forward hop-by-hop headers: without
// `proxy_set_header Upgrade` and `Connection` (and HTTP/1.1 before 1.29.7)
// the backend sees a plain GET, answers 400 or 426, and the browser's
// WebSocket never opens.
//
// What says a backend serves WebSockets is evidence, not names: the user
// (ws), an error log, or an Upgrade header the block already forwards.  A
// location whose path only looks like one (/ws, /socket.io, ...) is an
// assumption, reported at info without a fix, and not at all where an
// include ngxfix cannot see may set the headers.
// See docs/rules/websocket-upgrade-missing.md.

#include <strings.h>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// Path segments that name WebSocket endpoints by convention.
constexpr std::string_view kWebSocketSegments[] = {
    "ws", "wss", "websocket", "websockets", "socket.io", "sockjs", "cable"};

// Segments after which the path is not the endpoint itself: a health
// check, or a file served beside it (socket.io.js, ws.min.js).
constexpr std::string_view kNotEndpoints[] = {"health", "healthz", "status",
                                              "ping", "metrics"};
constexpr std::string_view kFileSuffixes[] = {".js", ".css", ".map", ".html",
                                              ".json", ".png", ".svg"};

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  for (size_t begin = 0;;) {
    size_t end = path.find_first_of("/~^$*?()|", begin);
    std::string_view segment = path.substr(begin, end - begin);
    if (!segment.empty()) segments.push_back(segment);
    if (end == std::string_view::npos) return segments;
    begin = end + 1;
  }
}

bool LooksLikeWebSocketPath(std::string_view path) {
  bool named = false;
  for (std::string_view segment : Segments(path)) {
    for (std::string_view suffix : kFileSuffixes) {
      if (segment.ends_with(suffix)) return false;
    }
    for (std::string_view other : kNotEndpoints) {
      if (segment == other) return false;
    }
    for (std::string_view known : kWebSocketSegments) {
      named |= segment == known;
    }
  }
  return named;
}

// An include whose directives ngxfix cannot see (see analysis.h) and whose
// proxy_set_header would reach `block`: in it, or above it up to the first
// level that sets proxy_set_header of its own (nginx inherits the headers
// only into levels that set none).  kNone when there is none.
uint32_t UnseenInclude(const Analysis& analysis, uint32_t block) {
  for (uint32_t level = block; level != kNone; level = OuterLevel(analysis, level)) {
    NodeList includes = analysis.Find(level, "include");
    if (!includes.empty()) return includes.front();
    if (!analysis.Find(level, "proxy_set_header").empty()) break;
  }
  return kNone;
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

    bool declared = pass.protocol && pass.protocol->protocol == Protocol::kWs &&
                    pass.protocol->source != BackendSource::kInferred;
    bool forwards_upgrade = upgrade && !upgrade->empty();
    std::string path;
    if (!declared && !forwards_upgrade) {
      if (pass.protocol && pass.protocol->source != BackendSource::kInferred) {
        continue;  // the user said what it speaks, and it is not ws
      }
      uint32_t location = analysis.Enclosing(pass.node, kContextLocation);
      if (location == kNone) continue;
      std::vector<std::string> words = Values(tree, location);
      path = words.empty() ? "" : words.back();
      if (!LooksLikeWebSocketPath(path) ||
          UnseenInclude(analysis, block) != kNone) {
        continue;
      }
    }
    std::string message =
        forwards_upgrade && !declared
            ? "Upgrade is forwarded, but the WebSocket handshake cannot pass"
            : "WebSocket proxying without the Upgrade and Connection headers";
    std::string explanation =
        "nginx does not pass hop-by-hop headers on: without proxy_set_header "
        "Upgrade and Connection (and HTTP/1.1 before nginx 1.29.7) the "
        "backend sees a plain request and the WebSocket handshake fails "
        "(400, 426, or a connection that never upgrades).";
    if (!path.empty()) {
      context.ReportInfo(
          pass.node, message, explanation,
          {pass.backend, "assumed " + pass.backend +
                             " serves WebSockets only because the location "
                             "is " + path + "; nothing else says so"});
      continue;
    }
    FixBuilder builder = context.Builder(pass.node);
    context.Report(pass.node, message, explanation,
                   WebSocketEdits(context, builder, pass));
  }
}

}  // namespace ngxfix::rules
