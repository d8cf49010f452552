// What a backend speaks, and how ngxfix knows it.
//
// The protocol of each backend (an upstream group by name, or a host:port
// in a *_pass URL) comes from, in order of trust: the --backend option, a
// `# ngxfix: backend=PROTO` annotation on the line of the upstream block or
// *_pass directive, evidence from error-log lines, and last an inference from
// the configuration itself (the directive, the URL scheme, well-known ports),
// which every finding states as its assumption so the user can correct it.

#ifndef NGXFIX_CORE_BACKEND_H_
#define NGXFIX_CORE_BACKEND_H_

#include <optional>
#include <string>
#include <string_view>

namespace ngxfix {

enum class Protocol {
  kHttp1,   // HTTP/1.x cleartext
  kHttps,   // HTTP/1.x over TLS
  kH2c,     // HTTP/2 cleartext with prior knowledge
  kH2,      // HTTP/2 over TLS (ALPN h2)
  kGrpc,    // gRPC over h2c
  kGrpcs,   // gRPC over TLS
  kWs,      // HTTP/1.1 with WebSocket upgrades
};

std::optional<Protocol> ParseProtocol(std::string_view name);
std::string_view ProtocolName(Protocol protocol);

inline bool UsesTls(Protocol p) {
  return p == Protocol::kHttps || p == Protocol::kH2 || p == Protocol::kGrpcs;
}
inline bool SpeaksHttp1(Protocol p) {
  return p == Protocol::kHttp1 || p == Protocol::kHttps || p == Protocol::kWs;
}
inline bool IsGrpc(Protocol p) {
  return p == Protocol::kGrpc || p == Protocol::kGrpcs;
}

enum class BackendSource { kOption, kAnnotation, kEvidence, kInferred };

struct BackendProtocol {
  Protocol protocol;
  BackendSource source;
  // For kInferred: why, e.g. "the URL says grpc://"; the finding's sentence
  // is built from it only when a finding needs it (Assumption()).
  std::string_view reason;
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_BACKEND_H_
