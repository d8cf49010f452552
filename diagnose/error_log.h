// Reading nginx's error log, one line at a time.
//
// nginx writes (ngx_log_error_core, ngx_http_log_error):
//
//   2026/11/26 01:24:05 [error] 19174#19174: *2 MESSAGE while PHASE,
//       client: ADDR, server: NAME, request: "GET / HTTP/1.1",
//       upstream: "http://127.0.0.1:8080/", host: "example.com"
//
// and, on its standard error before the log is open, `nginx: [emerg]
// MESSAGE in FILE:LINE`.  Everything but the level and the message is
// optional.  The message keeps nginx's words; the phase ("reading response
// header from upstream", "SSL handshaking to upstream", ...) and the
// request's context are split off, because causes depend on them.

#ifndef NGXFIX_DIAGNOSE_ERROR_LOG_H_
#define NGXFIX_DIAGNOSE_ERROR_LOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ngxfix {

struct ErrorLogLine {
  std::string time;     // "2026/11/26 01:24:05", "" in the stderr form
  std::string level;    // emerg, alert, crit, error, warn, notice, info, debug
  std::optional<uint64_t> connection;  // the *N connection number
  std::string message;  // nginx's message, without phase and context
  std::string phase;    // the text after " while ", or ""
  std::string client, server, request, upstream, host;
  std::string file;     // " in FILE:LINE" of configuration errors
  uint32_t file_line = 0;
};

// The line parsed, or nullopt when it is not an error-log line.
std::optional<ErrorLogLine> ParseErrorLogLine(std::string_view line);

}  // namespace ngxfix

#endif  // NGXFIX_DIAGNOSE_ERROR_LOG_H_
