// upstream-tls-sni-missing: proxy_pass https:// (or grpc_pass grpcs://)
// to a name without proxy_ssl_server_name on.  nginx then sends no SNI,
// and TLS backends that host several names (or reject unknown ones, as
// with ssl_reject_handshake) fail the handshake: "SSL_do_handshake() failed
// (... alert number 112)" and 502.  The fix turns SNI on, and names the
// certificate with proxy_ssl_name where the URL holds an upstream group's
// name.  A group of addresses gets no fix: nginx would send the group's
// name, and the certificate's name is not in the configuration.  See docs/rules/upstream-tls-sni-missing.md.

#include <arpa/inet.h>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

bool IsAddress(std::string_view host) {
  std::string h(host);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') {
    h = h.substr(1, h.size() - 2);
  }
  unsigned char buffer[16];
  return inet_pton(AF_INET, h.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, h.c_str(), buffer) == 1;
}

// The first server of an upstream group given by name rather than address.
std::string FirstServerName(const RuleContext& context, uint32_t upstream) {
  for (uint32_t s : context.analysis().Find(upstream, "server")) {
    std::vector<std::string> words = Values(context.tree(), s);
    if (words.size() < 2) continue;
    std::string host = words[1];
    if (!host.empty() && host[0] == '[') {
      host = host.substr(0, host.find(']') + 1);
    } else if (host.find(':') != std::string::npos) {
      host = host.substr(0, host.rfind(':'));
    }
    if (!IsAddress(host) && host.rfind("unix:", 0) != 0) return host;
  }
  return "";
}

// Whether the scalar `name` in effect in `block` is a written `off`, not
// nginx's default.
bool ExplicitlyOff(const RuleContext& context, uint32_t block,
                   const std::string& name) {
  Effective effective = EffectiveDirective(context.analysis(), block, name);
  return !effective.nodes.empty() &&
         EffectiveValue(context, block, name) == "off";
}

}  // namespace

void CheckUpstreamTlsSniMissing(RuleContext& context) {
  const Analysis& analysis = context.analysis();
  for (const Pass& pass : analysis.passes()) {
    bool grpc = pass.directive == "grpc_pass";
    if (!(pass.directive == "proxy_pass" && pass.scheme == "https") &&
        !(grpc && pass.scheme == "grpcs")) {
      continue;
    }
    std::string prefix = grpc ? "grpc_" : "proxy_";
    uint32_t block = SettingsBlock(analysis, pass.node);
    if (EffectiveValue(context, block, prefix + "ssl_server_name") == "on") {
      continue;
    }
    std::string name;
    if (pass.upstream != kNone) {
      name = FirstServerName(context, pass.upstream);
    } else if (!IsAddress(pass.host)) {
      name = pass.host;
    }
    if (name.empty() && pass.upstream == kNone) continue;  // an address: no SNI

    bool named = !EffectiveDirective(context.analysis(), block,
                                     prefix + "ssl_name").nodes.empty();
    std::string explanation =
        "Without " + prefix + "ssl_server_name on, nginx sends no server name "
        "in the TLS handshake. Backends that serve several names, CDNs and "
        "cloud load balancers then refuse it (\"SSL_do_handshake() failed ... "
        "alert number 112\" or 40) and the client gets 502.";
    if (pass.upstream != kNone && !named && name.empty()) {
      // A group of addresses: SNI on would send the group's name, which
      // only nginx.conf knows; the name on the certificate is the user's
      // to give.  An explicit `off` is that choice made.
      if (ExplicitlyOff(context, block, prefix + "ssl_server_name")) continue;
      context.Report(
          pass.node, "TLS to " + pass.backend + " without SNI",
          explanation + " The group's servers are addresses, and nginx never "
          "sends an address as SNI; turning " + prefix + "ssl_server_name on "
          "alone would send the group's name, \"" + pass.host + "\", which no "
          "certificate carries. Set " + prefix + "ssl_name to the name on the "
          "backends' certificate and " + prefix + "ssl_server_name on, or " +
          prefix + "ssl_server_name off to say that they need none.",
          {},
          {.backend = "",
           .text = "the TLS name of the servers of \"" + pass.host +
                   "\" is unknown: only addresses are given"});
      continue;
    }

    FixBuilder builder = context.Builder(pass.node);
    std::vector<Edit> edits;
    std::vector<std::string> statements;
    SetScalar(context, builder, pass.node, prefix + "ssl_server_name", "on",
              &edits, &statements);
    std::string note;
    if (pass.upstream != kNone && !named) {
      SetScalar(context, builder, pass.node, prefix + "ssl_name", name,
                &edits, &statements);
      note = " The URL names an upstream group, so the TLS name is set "
             "with " + prefix + "ssl_name to its first server's name (" +
             name + "); use the name on the backend's certificate.";
    }
    if (!statements.empty()) {
      edits.push_back(InsertSettings(context, builder, pass.node, statements));
    }
    context.Report(pass.node, "TLS to " + pass.backend + " without SNI",
                   explanation + note, std::move(edits));
  }
}

}  // namespace ngxfix::rules
