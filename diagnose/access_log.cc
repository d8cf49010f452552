// See access_log.h: the time in brackets, then the quoted request (nginx
// escapes quotes in it as \x22), then the status.

#include "diagnose/access_log.h"

#include <cctype>

namespace ngxfix {

std::optional<AccessLogLine> ParseAccessLogLine(std::string_view line) {
  size_t open = line.find(" [");
  size_t close = open == std::string_view::npos ? open : line.find("] \"", open);
  if (close == std::string_view::npos) return std::nullopt;
  size_t request_start = close + 3;
  size_t request_end = line.find("\" ", request_start);
  if (request_end == std::string_view::npos) return std::nullopt;
  std::string_view status = line.substr(request_end + 2, 3);
  if (status.size() != 3) return std::nullopt;
  for (char c : status) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  if (line.size() > request_end + 5 && line[request_end + 5] != ' ') return std::nullopt;
  return AccessLogLine{std::string(line.substr(request_start, request_end - request_start)),
                       std::string(status)};
}

}  // namespace ngxfix
