// Reading nginx's access log (the default `combined` format and any format
// that starts like it: ADDR - USER [TIME] "REQUEST" STATUS ...), for the
// statuses that tell a cause on their own: 009 is nginx's HTTP/0.9
// passthrough of a backend's non-HTTP/1 answer, 426 a WebSocket backend
// that got no Upgrade header.

#ifndef NGXFIX_DIAGNOSE_ACCESS_LOG_H_
#define NGXFIX_DIAGNOSE_ACCESS_LOG_H_

#include <optional>
#include <string>
#include <string_view>

namespace ngxfix {

struct AccessLogLine {
  std::string request;  // "GET / HTTP/1.1"
  std::string status;   // three digits, as logged ("009")
};

// The line parsed, or nullopt when it does not look like an access-log line.
std::optional<AccessLogLine> ParseAccessLogLine(std::string_view line);

}  // namespace ngxfix

#endif  // NGXFIX_DIAGNOSE_ACCESS_LOG_H_
