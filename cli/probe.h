// What a backend speaks, asked on the wire: ngxfix probe's network part.
//
// Each question is one connection with a deadline on connect and on every
// read (poll(2) on non-blocking sockets; TLS through OpenSSL on the same
// socket), so a silent or filtering peer gives an answer, never a hang:
//
//   - HTTP/1.1: a GET; a status line means HTTP/1.x; then a WebSocket
//     opening handshake, which a WebSocket server answers with 101;
//   - h2c with prior knowledge: the connection preface; a SETTINGS frame
//     back means HTTP/2;
//   - gRPC: over HTTP/2, a POST with content-type application/grpc; gRPC
//     servers end the stream with trailers (a HEADERS frame with
//     END_STREAM after DATA, or a trailers-only :status 200 answer), which
//     plain HTTP/2 servers do not send;
//   - TLS: a handshake offering ALPN h2 and http/1.1 (then each alone),
//     with SNI when a name is known; the handshake's error names what the
//     server refused (unrecognized name: SNI).

#ifndef NGXFIX_CLI_PROBE_H_
#define NGXFIX_CLI_PROBE_H_

#include <optional>
#include <string>
#include <vector>

namespace ngxfix {

struct ProbeOptions {
  std::string host;
  int port = 0;
  bool tls = false;  // start with TLS (it is also tried when clear text fails)
  std::string sni;   // "" for the host when it is a name, none for addresses
  std::string path = "/";
  double timeout_seconds = 3;
};

struct ProbeResult {
  bool reachable = false;
  std::string error;     // why nothing could be learnt (refused, timeout, ...)
  bool tls = false;      // the port speaks TLS
  std::string tls_error; // the handshake's failure, if any
  bool tls_alert = false; // the handshake got an alert: TLS, but refused
  std::vector<std::string> alpn;  // ALPN protocols the server accepted
  bool http1 = false;
  int http1_status = 0;
  bool websocket = false;
  bool http2 = false;
  bool grpc = false;
  std::vector<std::string> notes;  // what each question got, in order
  // The --backend protocol (http1, ws, h2c, grpc, https, h2, grpcs), or "".
  std::string protocol;
};

ProbeResult Probe(const ProbeOptions& options);

// Whether `host` is an IPv4 or IPv6 address rather than a name.
bool IsAddress(const std::string& host);

}  // namespace ngxfix

#endif  // NGXFIX_CLI_PROBE_H_
