// `ngxfix probe HOST:PORT [--tls] [--sni NAME] [--path /healthz]
// [--timeout S] [--format text|json]`: runs Probe() and prints the answer
// with the directives of data/probe_directives.tsv.

#include "cli/probe_command.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "cli/command_io.h"
#include "cli/probe.h"
#include "core/json_writer.h"
#include "core/tsv.h"

namespace ngxfix {

extern const std::string_view kProbeDirectivesTsv;

const char kProbeUsage[] =
    R"(  probe HOST:PORT   Ask a backend what it speaks (HTTP/1.1, WebSocket, h2c,
                    gRPC, TLS with ALPN h2 or http/1.1); print the --backend
                    value and the directives to use.
      --tls                 start with TLS (tried anyway when clear text fails)
      --sni NAME            the TLS name to send (default: HOST if a name)
      --path PATH           the path to ask for (default /)
      --timeout S           seconds per connect and per read (default 3)
      --format text|json
)";

namespace {

constexpr int kExitUnknown = 1;

// The directives for `protocol`, placeholders filled in; without a TLS
// name (an address and no --sni), none of the SNI directives.
std::vector<std::string> Directives(const std::string& protocol, const std::string& address,
                                    const std::string& sni) {
  std::vector<std::string> lines;
  for (const TsvRow& row : ReadTsv(kProbeDirectivesTsv)) {
    if (row.at(0) != protocol) continue;
    std::string text(row.at(1));
    if (sni.empty() && (text.find("{sni}") != std::string::npos ||
                        text.find("_ssl_server_name") != std::string::npos)) {
      continue;
    }
    for (auto [key, value] : {std::pair<std::string, std::string>{"{address}", address},
                              {"{sni}", sni}}) {
      for (size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
    }
    lines.push_back(text);
  }
  return lines;
}

// The advice when nothing could be named.
std::string Advice(const ProbeResult& result, const ProbeOptions& options) {
  if (!result.reachable) return "nothing to ask: " + result.error;
  if (!result.tls_error.empty() && result.tls_error.find("unrecognized name") != std::string::npos) {
    return "the TLS server wants another name (SNI): try --sni NAME; in nginx, "
           "proxy_ssl_server_name on; and proxy_ssl_name NAME;";
  }
  if (!result.tls_error.empty()) return "TLS failed: " + result.tls_error;
  return "no protocol ngxfix knows answered on " + options.host + ":" +
         std::to_string(options.port);
}

}  // namespace

int RunProbeCommand(const std::vector<std::string>& args) {
  ProbeOptions options;
  std::string format = "text", target;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    bool takes_value = arg == "--sni" || arg == "--path" || arg == "--timeout" || arg == "--format";
    if (takes_value && i + 1 >= args.size()) return CommandUsageError(arg + " needs a value");
    if (arg == "--tls") {
      options.tls = true;
    } else if (arg == "--sni") {
      options.sni = args[++i];
    } else if (arg == "--path") {
      options.path = args[++i];
      if (options.path.empty() || options.path[0] != '/' || options.path.size() > 120 ||
          options.path.find_first_of(" \r\n") != std::string::npos) {
        return CommandUsageError("--path takes a path starting with /, without spaces, "
                                 "up to 120 bytes");
      }
    } else if (arg == "--timeout") {
      char* end = nullptr;
      options.timeout_seconds = std::strtod(args[++i].c_str(), &end);
      if (*end || !(options.timeout_seconds > 0 && options.timeout_seconds <= 600)) {
        return CommandUsageError("--timeout takes seconds, more than 0 and up to 600");
      }
    } else if (arg == "--format") {
      format = args[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      return CommandUsageError("probe: unknown option " + arg);
    } else if (target.empty()) {
      target = arg;
    } else {
      return CommandUsageError("probe takes one HOST:PORT");
    }
  }
  if (format != "text" && format != "json") return CommandUsageError("probe --format takes text or json");
  size_t colon = target.rfind(':');
  char* end = nullptr;
  long port = colon == std::string::npos ? 0 : std::strtol(target.c_str() + colon + 1, &end, 10);
  if (colon == std::string::npos || colon == 0 || *end || port < 1 || port > 65535) {
    return CommandUsageError("probe takes HOST:PORT, not '" + target + "'");
  }
  options.host = target.substr(0, colon);
  options.port = static_cast<int>(port);
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']') {
    options.host = options.host.substr(1, options.host.size() - 2);
  }

  ProbeResult result = Probe(options);
  std::string sni = options.sni.empty() && !IsAddress(options.host) ? options.host : options.sni;
  std::vector<std::string> directives = Directives(result.protocol, target, sni);
  std::string backend = result.protocol.empty() ? "" : target + "=" + result.protocol;
  if (format == "json") {
    nlohmann::ordered_json json = {
        {"address", target},          {"reachable", result.reachable},
        {"error", result.error},      {"tls", result.tls},
        {"tls_error", result.tls_error}, {"tls_alert", result.tls_alert},
        {"alpn", result.alpn},
        {"http1", result.http1},      {"http1_status", result.http1_status},
        {"websocket", result.websocket}, {"http2", result.http2},
        {"grpc", result.grpc},        {"protocol", result.protocol},
        {"backend", backend},         {"directives", directives},
        {"notes", result.notes}};
    if (result.protocol.empty()) json["advice"] = Advice(result, options);
    WriteStdout(WriteJson(json, 2) + "\n");
  } else {
    std::string text = target + ": " + (result.protocol.empty() ? "unknown" : result.protocol) + "\n";
    for (const std::string& note : result.notes) text += "    " + note + "\n";
    if (result.protocol.empty()) {
      text += Advice(result, options) + "\n";
    } else {
      text += "--backend " + backend + "\n";
      for (const std::string& d : directives) text += "    " + d + "\n";
    }
    WriteStdout(text);
  }
  return result.protocol.empty() ? kExitUnknown : 0;
}

}  // namespace ngxfix
