// The questions of ngxfix probe (see probe.h), each on its own connection.
// Sockets are non-blocking and every wait is a poll(2) bounded by the
// deadline; OpenSSL runs on the same socket, its WANT_READ/WANT_WRITE
// turned into the same polls.

#include "cli/probe.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace ngxfix {
namespace {

constexpr std::string_view kH2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
constexpr uint8_t kFrameData = 0x0, kFrameHeaders = 0x1, kFrameRst = 0x3,
                  kFrameSettings = 0x4, kFrameGoaway = 0x7;
constexpr uint8_t kFlagEndStream = 0x1, kFlagAck = 0x1, kFlagEndHeaders = 0x4,
                  kFlagPadded = 0x8, kFlagPriority = 0x20;

struct SslFree {
  void operator()(SSL* ssl) const { SSL_free(ssl); }
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};

// One connection: a socket, perhaps TLS over it, and a deadline per wait.
class Connection {
 public:
  explicit Connection(double timeout_seconds)
      : timeout_ms_(static_cast<int>(timeout_seconds * 1000)) {}
  ~Connection() {
    ssl_.reset();
    if (fd_ >= 0) close(fd_);
  }

  bool Connect(const std::string& host, int port, std::string* error) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
    if (rc != 0) {
      *error = "cannot resolve " + host + ": " + gai_strerror(rc);
      return false;
    }
    std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> addresses(found, freeaddrinfo);
    for (addrinfo* a = found; a; a = a->ai_next) {
      fd_ = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (fd_ < 0) continue;
      if (connect(fd_, a->ai_addr, a->ai_addrlen) == 0) return true;
      if (errno == EINPROGRESS && Wait(POLLOUT)) {
        int so_error = 0;
        socklen_t length = sizeof so_error;
        getsockopt(fd_, SOL_SOCKET, SO_ERROR, &so_error, &length);
        if (so_error == 0) return true;
        *error = std::string("connect: ") + std::strerror(so_error);
      } else {
        *error = errno == EINPROGRESS ? "connect: no answer in " + Seconds()
                                      : std::string("connect: ") + std::strerror(errno);
      }
      close(fd_);
      fd_ = -1;
    }
    return false;
  }

  // A TLS handshake offering `alpn` (wire format); the selected protocol
  // in `selected`.
  bool StartTls(const std::string& sni, const std::string& alpn,
                std::string* selected, std::string* error) {
    ctx_.reset(SSL_CTX_new(TLS_client_method()));
    ssl_.reset(ctx_ ? SSL_new(ctx_.get()) : nullptr);
    if (!ssl_) {
      *error = "OpenSSL could not start";
      return false;
    }
    if (!sni.empty()) SSL_set_tlsext_host_name(ssl_.get(), sni.c_str());
    SSL_set_alpn_protos(ssl_.get(), reinterpret_cast<const unsigned char*>(alpn.data()),
                        static_cast<unsigned>(alpn.size()));
    SSL_set_fd(ssl_.get(), fd_);
    SSL_set_app_data(ssl_.get(), this);
    SSL_set_info_callback(ssl_.get(), [](const SSL* ssl, int where, int) {
      if (where & SSL_CB_READ_ALERT) {
        static_cast<Connection*>(SSL_get_app_data(ssl))->peer_alert_ = true;
      }
    });
    while (true) {
      ERR_clear_error();
      int rc = SSL_connect(ssl_.get());
      if (rc == 1) break;
      int reason = SSL_get_error(ssl_.get(), rc);
      if (reason == SSL_ERROR_WANT_READ || reason == SSL_ERROR_WANT_WRITE) {
        if (Wait(reason == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)) continue;
        *error = "no TLS handshake in " + Seconds();
      } else if (unsigned long e = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(e, text, sizeof text);
        *error = text;
      } else {
        *error = "the connection closed during the TLS handshake";
      }
      ssl_.reset();
      return false;
    }
    const unsigned char* name = nullptr;
    unsigned length = 0;
    SSL_get0_alpn_selected(ssl_.get(), &name, &length);
    selected->assign(reinterpret_cast<const char*>(name), length);
    return true;
  }

  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      long n = ssl_ ? SSL_write(ssl_.get(), bytes.data(), static_cast<int>(bytes.size()))
                    : send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n > 0) {
        bytes.remove_prefix(static_cast<size_t>(n));
      } else if (!(ssl_ ? WaitSsl(static_cast<int>(n)) : errno == EAGAIN && Wait(POLLOUT))) {
        return false;
      }
    }
    return true;
  }

  // Appends what arrives to `buffer`: >0 bytes read, 0 at the end of the
  // stream, -1 on an error or when nothing came in time (`timed_out`).
  long Receive(std::string* buffer, bool* timed_out) {
    char chunk[16384];
    *timed_out = false;
    while (true) {
      long n = ssl_ ? SSL_read(ssl_.get(), chunk, sizeof chunk)
                    : recv(fd_, chunk, sizeof chunk, 0);
      if (n > 0) {
        buffer->append(chunk, static_cast<size_t>(n));
        return n;
      }
      if (ssl_) {
        int reason = SSL_get_error(ssl_.get(), static_cast<int>(n));
        if (reason == SSL_ERROR_ZERO_RETURN) return 0;
        if (reason == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) return 0;
        if (reason != SSL_ERROR_WANT_READ && reason != SSL_ERROR_WANT_WRITE) return -1;
        if (!Wait(reason == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)) {
          *timed_out = true;
          return -1;
        }
      } else if (n == 0) {
        return 0;
      } else if (errno != EAGAIN || !Wait(POLLIN)) {
        *timed_out = errno == EAGAIN;
        return -1;
      }
    }
  }

  // Whether the peer sent a TLS alert: it speaks TLS, even if it refused.
  bool peer_alert() const { return peer_alert_; }

  std::string Seconds() const { return std::to_string(timeout_ms_ / 1000.0).substr(0, 4) + " s"; }

 private:
  bool Wait(short events) {
    pollfd p{fd_, events, 0};
    return poll(&p, 1, timeout_ms_) == 1;
  }
  bool WaitSsl(int rc) {
    int reason = SSL_get_error(ssl_.get(), rc);
    if (reason != SSL_ERROR_WANT_READ && reason != SSL_ERROR_WANT_WRITE) return false;
    return Wait(reason == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT);
  }

  int fd_ = -1;
  int timeout_ms_;
  bool peer_alert_ = false;
  std::unique_ptr<SSL_CTX, SslFree> ctx_;
  std::unique_ptr<SSL, SslFree> ssl_;
};

// A connection to the backend, with TLS when `alpn` is given; nullptr and
// `error` when it could not be made.
// `alert` (when given) says whether the TLS peer sent an alert.
std::unique_ptr<Connection> Open(const ProbeOptions& options, const std::string* alpn,
                                 std::string* selected, std::string* error,
                                 bool* alert = nullptr) {
  auto connection = std::make_unique<Connection>(options.timeout_seconds);
  if (!connection->Connect(options.host, options.port, error)) return nullptr;
  bool ok = !alpn || connection->StartTls(options.sni, *alpn, selected, error);
  if (alert) *alert = connection->peer_alert();
  return ok ? std::move(connection) : nullptr;
}

std::string Frame(uint8_t type, uint8_t flags, uint32_t stream, std::string_view payload) {
  std::string frame;
  size_t n = payload.size();
  frame += {char(n >> 16), char(n >> 8), char(n), char(type), char(flags),
            char(stream >> 24), char(stream >> 16), char(stream >> 8), char(stream)};
  frame += payload;
  return frame;
}

// An HPACK string literal, not Huffman-coded (lengths below 127).
std::string Literal(std::string_view s) {
  return std::string(1, char(std::min<size_t>(s.size(), 126))) + std::string(s.substr(0, 126));
}

// The request of one HTTP/2 question: the preface, SETTINGS, and stream 1.
std::string Http2Request(const ProbeOptions& options, bool tls, bool grpc) {
  std::string block;
  block += grpc ? '\x83' : '\x82';             // :method POST / GET
  block += tls ? '\x87' : '\x86';              // :scheme https / http
  block += '\x04' + Literal(options.path);     // :path
  block += '\x01' + Literal(options.host);     // :authority
  if (grpc) {
    block += std::string("\x0f\x10") + Literal("application/grpc");  // content-type
    block += '\x00' + Literal("te") + Literal("trailers");
  }
  std::string request(kH2Preface);
  request += Frame(kFrameSettings, 0, 0, "");
  request += Frame(kFrameHeaders, kFlagEndHeaders | (grpc ? 0 : kFlagEndStream), 1, block);
  // An empty gRPC message: not compressed, length 0.
  if (grpc) request += Frame(kFrameData, kFlagEndStream, 1, std::string(5, '\0'));
  return request;
}

struct Http2Answer {
  bool settings = false;  // the server sent SETTINGS: it speaks HTTP/2
  bool status_200 = false;
  bool data = false;
  bool trailers = false;  // the stream ended with a HEADERS frame
  std::string note;
};

// Reads frames until stream 1 ends, the server goes away, or time is up.
Http2Answer AskHttp2(Connection& connection, const std::string& request) {
  Http2Answer answer;
  if (!connection.Send(request)) {
    answer.note = "the connection closed before the request was sent";
    return answer;
  }
  std::string buffer;
  size_t at = 0;
  int header_blocks = 0;
  while (true) {
    while (buffer.size() - at >= 9) {
      auto byte = [&](size_t i) { return static_cast<uint8_t>(buffer[at + i]); };
      size_t length = (size_t(byte(0)) << 16) | (size_t(byte(1)) << 8) | byte(2);
      uint8_t type = byte(3), flags = byte(4);
      uint32_t stream = ((uint32_t(byte(5)) & 0x7f) << 24) | (uint32_t(byte(6)) << 16) |
                        (uint32_t(byte(7)) << 8) | byte(8);
      if (at == 0 && type != kFrameSettings) {
        answer.note = buffer.compare(0, 5, "HTTP/") == 0
                          ? "answered in HTTP/1: \"" + buffer.substr(0, buffer.find('\r')) + "\""
                          : "did not answer with an HTTP/2 SETTINGS frame";
        return answer;
      }
      if (buffer.size() - at < 9 + length) break;
      std::string_view payload(buffer.data() + at + 9, length);
      at += 9 + length;
      if (type == kFrameSettings && !(flags & kFlagAck)) {
        answer.settings = true;
        connection.Send(Frame(kFrameSettings, kFlagAck, 0, ""));
      } else if (type == kFrameGoaway || (type == kFrameRst && stream == 1)) {
        answer.note = type == kFrameGoaway ? "the server sent GOAWAY" : "the server reset the stream";
        return answer;
      } else if (stream == 1 && type == kFrameHeaders) {
        size_t skip = (flags & kFlagPadded ? 1 : 0) + (flags & kFlagPriority ? 5 : 0);
        // :status 200 is static-table entry 8, which encoders index (0x88).
        if (header_blocks++ == 0) {
          answer.status_200 = payload.size() > skip && uint8_t(payload[skip]) == 0x88;
        }
        if (flags & kFlagEndStream) {
          answer.trailers = header_blocks > 1 || answer.status_200;
          answer.note = answer.trailers ? "the stream ended with trailers"
                                        : "answered without a body";
          return answer;
        }
      } else if (stream == 1 && type == kFrameData) {
        answer.data = true;
        if (flags & kFlagEndStream) {
          answer.note = "answered with a body and no trailers";
          return answer;
        }
      }
    }
    bool timed_out = false;
    long n = connection.Receive(&buffer, &timed_out);
    if (n <= 0) {
      if (answer.note.empty()) {
        answer.note = timed_out ? "no answer in " + connection.Seconds()
                                : buffer.empty() ? "closed the connection without answering"
                                                 : "the connection ended mid-answer";
      }
      return answer;
    }
  }
}

struct Http1Answer {
  int status = 0;  // 0: no HTTP/1 status line
  bool tls_alert = false;
  bool http2_frames = false;
  std::string note;
};

// A GET, or with `websocket` a WebSocket opening handshake.
Http1Answer AskHttp1(Connection& connection, const ProbeOptions& options, bool websocket) {
  Http1Answer answer;
  std::string request = "GET " + options.path + " HTTP/1.1\r\nHost: " + options.host +
                        "\r\nUser-Agent: ngxfix-probe\r\n";
  request += websocket ? "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: bmd4Zml4IHByb2JlIGtleQ==\r\n"
                         "Sec-WebSocket-Version: 13\r\n\r\n"
                       : "Connection: close\r\n\r\n";
  std::string buffer;
  bool timed_out = false;
  if (!connection.Send(request)) {
    answer.note = "the connection closed before the request was sent";
    return answer;
  }
  while (buffer.find("\r\n") == std::string::npos && buffer.size() < 64) {
    if (connection.Receive(&buffer, &timed_out) <= 0) break;
  }
  std::string line = buffer.substr(0, buffer.find("\r\n"));
  if (line.rfind("HTTP/1.", 0) == 0 && line.size() >= 12) {
    answer.status = std::atoi(line.c_str() + 9);
    answer.note = "\"" + line + "\"";
  } else if (buffer.size() >= 2 && buffer[0] == '\x15' && buffer[1] == '\x03') {
    answer.tls_alert = true;
    answer.note = "answered with a TLS alert";
  } else if (buffer.size() >= 9 && (buffer[3] == kFrameSettings || buffer[3] == kFrameGoaway)) {
    answer.http2_frames = true;
    answer.note = "answered with HTTP/2 frames";
  } else {
    answer.note = buffer.empty() ? (timed_out ? "no answer in " + connection.Seconds()
                                              : "closed the connection without answering")
                                 : "answered something else than HTTP";
  }
  return answer;
}

std::string AlpnWire(std::initializer_list<std::string_view> names) {
  std::string wire;
  for (std::string_view name : names) wire += char(name.size()) + std::string(name);
  return wire;
}

// The questions over TLS: the handshake, ALPN, then HTTP/2 (and gRPC) or
// HTTP/1.1 as ALPN chose.
void ProbeTls(ProbeOptions options, ProbeResult* result) {
  if (options.sni.empty() && !IsAddress(options.host)) options.sni = options.host;
  std::string selected, error;
  std::string both = AlpnWire({"h2", "http/1.1"});
  auto connection = Open(options, &both, &selected, &error, &result->tls_alert);
  if (!connection) {
    result->tls_error = error;
    result->notes.push_back("TLS" + (options.sni.empty() ? "" : " (SNI " + options.sni + ")") +
                            ": " + error);
    return;
  }
  result->tls = true;
  for (std::string_view name : {"h2", "http/1.1"}) {
    std::string alone = AlpnWire({name}), chosen;
    if (Open(options, &alone, &chosen, &error) && chosen == name) {
      result->alpn.emplace_back(name);
    }
  }
  result->notes.push_back("TLS: handshake done" +
                          (options.sni.empty() ? std::string(" without SNI") : " with SNI " + options.sni) +
                          ", ALPN " + (selected.empty() ? "none" : selected));
  if (selected == "h2") {
    Http2Answer h2 = AskHttp2(*connection, Http2Request(options, true, false));
    result->http2 = h2.settings;
    result->notes.push_back("HTTP/2 over TLS: " + h2.note);
    if (auto grpc = Open(options, &both, &selected, &error)) {
      Http2Answer g = AskHttp2(*grpc, Http2Request(options, true, true));
      result->grpc = g.settings && g.trailers;
      result->notes.push_back("gRPC over TLS: " + g.note);
    }
  }
  if (selected != "h2" || std::find(result->alpn.begin(), result->alpn.end(), "http/1.1") !=
                              result->alpn.end()) {
    std::string one = AlpnWire({"http/1.1"});
    if (auto http1 = Open(options, &one, &selected, &error)) {
      Http1Answer a = AskHttp1(*http1, options, false);
      result->http1 = a.status != 0;
      result->http1_status = a.status;
      result->notes.push_back("HTTP/1.1 over TLS: " + a.note);
    }
  }
}

}  // namespace

bool IsAddress(const std::string& host) {
  in6_addr buffer;
  return inet_pton(AF_INET, host.c_str(), &buffer) == 1 ||
         inet_pton(AF_INET6, host.c_str(), &buffer) == 1;
}

ProbeResult Probe(const ProbeOptions& options) {
  ProbeResult result;
  std::string error, selected;
  auto first = Open(options, nullptr, &selected, &error);
  if (!first) {
    result.error = error;
    return result;
  }
  result.reachable = true;
  bool try_tls = options.tls;
  if (!options.tls) {
    Http1Answer a = AskHttp1(*first, options, false);
    result.http1 = a.status != 0;
    result.http1_status = a.status;
    result.notes.push_back("HTTP/1.1: " + a.note);
    if (result.http1) {
      if (auto c = Open(options, nullptr, &selected, &error)) {
        Http1Answer ws = AskHttp1(*c, options, true);
        result.websocket = ws.status == 101;
        result.notes.push_back("WebSocket: " + ws.note);
      }
    }
    // A TLS port answers clear text with an alert, not at all, or (nginx)
    // with 400 "The plain HTTP request was sent to HTTPS port".
    bool silent = a.tls_alert || (a.status == 0 && !a.http2_frames);
    try_tls = silent || a.status == 400;
    if (!silent) {
      if (auto c = Open(options, nullptr, &selected, &error)) {
        Http2Answer h2 = AskHttp2(*c, Http2Request(options, false, false));
        result.http2 = h2.settings;
        result.notes.push_back("h2c (prior knowledge): " + h2.note);
      }
      if (result.http2) {
        if (auto c = Open(options, nullptr, &selected, &error)) {
          Http2Answer g = AskHttp2(*c, Http2Request(options, false, true));
          result.grpc = g.trailers;
          result.notes.push_back("gRPC: " + g.note);
        }
      }
    }
  }
  if (try_tls) ProbeTls(options, &result);

  // A server that answered the handshake with an alert speaks TLS, even if
  // it also answered clear text with an error.
  bool tls_port = result.tls || result.tls_alert;
  if (result.tls) {
    result.protocol = result.grpc                   ? "grpcs"
                      : result.http1                ? "https"
                      : result.http2                ? "h2"
                                                    : "";
  } else if (!tls_port) {
    result.protocol = result.grpc                   ? "grpc"
                      : result.websocket            ? "ws"
                      : result.http1                ? "http1"
                      : result.http2                ? "h2c"
                                                    : "";
  }
  return result;
}

}  // namespace ngxfix
