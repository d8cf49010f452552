// upstream-tls-sni-missing: proxy_pass https:// (or grpc_pass grpcs://)
// to a name without proxy_ssl_server_name on.  nginx then sends no SNI,
// and TLS backends that host several names (or reject unknown ones, as
// with ssl_reject_handshake) fail the handshake: "SSL_do_handshake() failed
// (... alert number 112)" and 502.  The fix turns SNI on, and names the
// certificate with proxy_ssl_name where the URL holds an upstream group's
// name.
//
// A warning only where the name can matter: a DNS name (with a dot, not
// localhost), or a group with such a server, or any name where the error
// log (--evidence) shows a handshake refused for want of SNI.  Otherwise
// addresses and loopback are left alone, and a container's one-label name,
// a name built at run time and a group of addresses are reported at info,
// as the assumption that the backend serves one certificate.  See docs/rules/upstream-tls-sni-missing.md.

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

bool IsLoopbackName(std::string_view host) {
  return host == "localhost" || host.ends_with(".localhost");
}

// A name the backend may choose its certificate by: a DNS name with a dot,
// not loopback's, not written with variables.  One-label names are those
// of containers and services on a private network.
bool NameCanMatter(std::string_view host) {
  return !host.empty() && !IsAddress(host) && !IsLoopbackName(host) &&
         host.find('.') != std::string_view::npos &&
         host.find('$') == std::string_view::npos;
}

// The host of an upstream `server`, without port or brackets' contents
// cut.
std::string ServerHost(const RuleContext& context, uint32_t server) {
  std::vector<std::string> words = Values(context.tree(), server);
  if (words.size() < 2) return "";
  std::string host = words[1];
  if (!host.empty() && host[0] == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else if (host.find(':') != std::string::npos) {
    host = host.substr(0, host.rfind(':'));
  }
  return host.rfind("unix:", 0) == 0 ? "" : host;
}

// The first server of an upstream group whose name can matter, else the
// first given by a name of any kind, else "".
std::string FirstServerName(const RuleContext& context, uint32_t upstream,
                            bool* can_matter) {
  std::string named;
  for (uint32_t s : context.analysis().Find(upstream, "server")) {
    std::string host = ServerHost(context, s);
    if (NameCanMatter(host)) {
      *can_matter = true;
      return host;
    }
    if (named.empty() && !host.empty() && !IsAddress(host)) named = host;
  }
  *can_matter = false;
  return named;
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
    bool can_matter = false;
    if (pass.upstream != kNone) {
      name = FirstServerName(context, pass.upstream, &can_matter);
    } else if (!IsAddress(pass.host)) {
      name = pass.host;
      can_matter = NameCanMatter(name);
    }
    // A proxy_ssl_name is a name given for the certificate: it matters, as
    // it does where the error log shows a handshake refused for want of it.
    bool named = !EffectiveDirective(context.analysis(), block,
                                     prefix + "ssl_name").nodes.empty();
    can_matter |= named || analysis.Logged(pass, "upstream-tls-sni-missing");
    if (name.empty() && pass.upstream == kNone && !named) continue;  // no name
    // Loopback's name chooses no certificate, unless the log says it does.
    if (!can_matter && pass.upstream == kNone && IsLoopbackName(name)) continue;
    // An explicit `off` is the choice made.
    if (ExplicitlyOff(context, block, prefix + "ssl_server_name")) continue;
    std::string explanation =
        "Without " + prefix + "ssl_server_name on, nginx sends no server name "
        "in the TLS handshake. Backends that serve several names, CDNs and "
        "cloud load balancers then refuse it (\"SSL_do_handshake() failed ... "
        "alert number 112\" or 40) and the client gets 502.";
    if (!can_matter) {
      std::string what =
          pass.upstream != kNone
              ? (name.empty() ? "the servers of \"" + pass.host + "\" are addresses"
                              : "the servers of \"" + pass.host +
                                    "\" have no DNS name (" + name + ")")
          : pass.has_variables ? "the name is built at run time (" + pass.host + ")"
                               : pass.host + " is a one-label name, as a "
                                 "container's or a local service's";
      context.ReportInfo(
          pass.node, "TLS to " + pass.backend + " without SNI",
          explanation + " Here " + what + ", which is usually a backend with "
          "one certificate, where SNI does not matter. If it does, set " +
          prefix + "ssl_server_name on and " + prefix + "ssl_name to the "
          "name on the backend's certificate; " + prefix +
          "ssl_server_name off says that it needs none.",
          {"", "assumed " + pass.backend + " serves one certificate, since " +
                   what});
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
