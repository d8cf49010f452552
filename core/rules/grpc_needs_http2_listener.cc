// grpc-needs-http2-listener: gRPC clients speak HTTP/2, so a server that
// proxies with grpc_pass must accept HTTP/2: without it clients fail before
// nginx proxies anything.
//
// How HTTP/2 is switched on differs by version, and both ways reach beyond
// the one server (see AddressGroup):
//   - 1.25.1 and later: `http2 on;`.  Over TLS it counts in the server ALPN
//     picks; in clear text only in the default server of the address:port,
//     and there the port then takes HTTP/2 with prior knowledge besides
//     HTTP/1.x, so nobody loses anything.
//   - Before 1.25.1: the http2 parameter of listen, for the whole
//     address:port.  Over TLS ALPN still offers HTTP/1.1, but in clear text
//     the port speaks nothing but HTTP/2, for every server on it: added there
//     only when every such server serves gRPC alone; otherwise the finding
//     explains and asks for a port of gRPC's own.
// A server pasted without its http {} may get `http2 on;` from there: from
// 1.25.1 that is reported as an assumption, at info.
// See docs/rules/grpc-needs-http2-listener.md.

#include <algorithm>

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// The fix from 1.25.1: `http2 on;` in this server when it decides for one
// of its addresses (a TLS one, or a clear-text one it is the default server
// of); else in the default servers of its clear-text addresses, unless one
// of those also has TLS addresses, where `http2 on` would newly offer h2.
std::string FixWithDirective(const RuleContext& context,
                             const Listeners& groups,
                             uint32_t server, std::vector<Edit>* edits) {
  std::vector<uint32_t> deciders;
  for (size_t g : groups.Of(server)) {
    const AddressGroup& group = groups[g];
    uint32_t decider = group.ssl ? server : group.default_server;
    if (decider == server) {
      *edits = Http2OnEdits(context, server);
      return edits->empty() ? "" : " The fix switches on `http2 on;` here.";
    }
    if (std::find(deciders.begin(), deciders.end(), decider) == deciders.end()) {
      deciders.push_back(decider);
    }
  }
  std::string lines;
  for (uint32_t decider : deciders) {
    lines += (lines.empty() ? "" : ", ") +
             std::to_string(LineOf(context.tree(), decider));
    for (size_t g : groups.Of(decider)) {
      if (groups[g].ssl) {
        edits->clear();
        return " On a clear-text address:port nginx reads `http2` in the "
               "default server only (the server on line " +
               std::to_string(LineOf(context.tree(), decider)) +
               "), which also has TLS addresses, where `http2 on;` would "
               "newly offer HTTP/2 to browsers. Make this server the "
               "default_server of its address, or give gRPC a port of its "
               "own.";
      }
    }
    std::vector<Edit> more = Http2OnEdits(context, decider);
    if (more.empty()) {
      edits->clear();
      return " Add `http2 on;` to the default server of its address:port.";
    }
    edits->insert(edits->end(), more.begin(), more.end());
  }
  return " On a clear-text address:port nginx reads `http2` in the default "
         "server only, so the fix puts `http2 on;` there (line " + lines +
         "): the port then accepts HTTP/2 with prior knowledge as well as "
         "HTTP/1.x, for every server on it.";
}

// The fix before 1.25.1: the http2 parameter on the server's TLS listens,
// and on its clear-text ones only where every server is gRPC-only.
std::string FixWithParameter(const RuleContext& context,
                             const Listeners& groups,
                             uint32_t server, std::vector<Edit>* edits) {
  const Analysis& analysis = context.analysis();
  const SyntaxTree& tree = context.tree();
  if (analysis.Find(server, "listen").empty()) {
    return " This server has no listen, so it is on nginx's default *:80 "
           "(*:8000 when nginx does not run as root). Before nginx 1.25.1 "
           "HTTP/2 is the http2 parameter of listen, which without ssl makes "
           "the whole address:port speak only HTTP/2: add a listen on a port "
           "no HTTP/1.x client uses, `listen PORT http2;` (or `listen 443 "
           "ssl http2;`).";
  }
  std::vector<std::string> shared;
  for (size_t g : groups.Of(server)) {
    const AddressGroup& group = groups[g];
    bool dedicated = GrpcOnlyAddress(analysis, group);
    if (!group.ssl && !dedicated) {
      shared.push_back(group.address);
      continue;
    }
    for (uint32_t listen : group.listens) {
      if (tree.nodes()[listen].parent == server) {
        edits->push_back(AppendWord(tree, listen, "http2"));
      }
    }
  }
  std::string why;
  if (!shared.empty()) {
    std::string list;
    for (const std::string& a : shared) list += (list.empty() ? "" : ", ") + a;
    why = " Before nginx 1.25.1 `listen ... http2` without ssl makes the "
          "whole address:port speak only HTTP/2 (prior knowledge) for every "
          "server on it, so browsers and HTTP/1.1 clients there would fail; " +
          list + " also serves more than gRPC, so it is left alone.";
  }
  if (edits->empty()) {
    return why + " Give gRPC a port of its own (a server with `listen PORT "
                 "http2;` holding only the gRPC locations, on a port no "
                 "HTTP/1.x client uses), or TLS (`listen 443 ssl http2;`), or "
                 "upgrade to 1.25.1, where a clear-text port takes both.";
  }
  return why + " The fix adds the http2 parameter to this server's " +
         (shared.empty() ? "listens" : "other listens") +
         "; it holds for every server on the same address:port.";
}

// Whether the servers that decide HTTP/2 for `server`'s addresses (itself
// over TLS, the default server in clear text) write `http2` themselves, so
// that the level above them has no say.
bool DecidesHttp2InView(const Analysis& analysis, const Listeners& groups,
                        uint32_t server) {
  for (size_t g : groups.Of(server)) {
    uint32_t decider = groups[g].ssl ? server : groups[g].default_server;
    if (analysis.Find(decider, "http2").empty()) return false;
  }
  return true;
}

}  // namespace

void CheckGrpcNeedsHttp2Listener(RuleContext& context) {
  const Analysis& analysis = context.analysis();
  Listeners groups;
  std::vector<uint32_t> reported;
  for (const Pass& pass : analysis.passes()) {
    // grpc_pass to an HTTP/1.x backend is replaced by proxy_pass
    // (grpc-to-http1-backend); HTTP/2 would be no help there.
    // The clients of a gRPC backend speak HTTP/2, whatever the directive:
    // a proxy_pass to one is fixed into grpc_pass (http1-to-h2c-backend),
    // and this finding is the input's before it is the fix's.
    bool grpc = pass.directive == "grpc_pass" ||
                (pass.protocol && (pass.protocol->protocol == Protocol::kGrpc ||
                                   pass.protocol->protocol == Protocol::kGrpcs));
    if (!grpc || (pass.protocol && SpeaksHttp1(pass.protocol->protocol))) {
      continue;
    }
    uint32_t server = analysis.Enclosing(pass.node, kContextServer);
    if (server == kNone || !(analysis.context(server) & kContextHttp) ||
        std::find(reported.begin(), reported.end(), server) != reported.end()) {
      continue;
    }
    if (groups.empty()) groups = Listeners(analysis);
    if (ServerHasHttp2(context, groups, server)) continue;
    reported.push_back(server);
    // A server pasted without its http {}: from 1.25.1 `http2 on;` there
    // would reach it, and ngxfix cannot see that level, unless the server
    // that decides writes its own `http2`.
    if (analysis.context(server) != kContextHttp &&
        context.version() >= NginxVersion{1, 25, 1} &&
        !DecidesHttp2InView(analysis, groups, server)) {
      context.ReportInfo(
          pass.node, "grpc_pass in a server that may not accept HTTP/2",
          "gRPC clients speak HTTP/2 only. Nothing in view switches HTTP/2 on "
          "for this server, but it stands without its http {} block, where "
          "`http2 on;` would apply to it. If that level has none, add "
          "`http2 on;` to this server.",
          {"", "assumed the http {} level above this server, not in view, "
               "switches on HTTP/2"});
      continue;
    }
    std::vector<Edit> edits;
    std::string how =
        context.version() >= NginxVersion{1, 25, 1}
            ? FixWithDirective(context, groups, server, &edits)
            : FixWithParameter(context, groups, server, &edits);
    context.Report(pass.node,
                   "grpc_pass in a server that does not accept HTTP/2",
                   "gRPC clients speak HTTP/2 only; this server answers "
                   "HTTP/1.x, so calls fail before nginx proxies them." + how,
                   std::move(edits));
  }
}

}  // namespace ngxfix::rules
