#include "core/nginx_version.h"

#include <charconv>

namespace ngxfix {

std::optional<NginxVersion> NginxVersion::Parse(std::string_view text) {
  if (text.substr(0, 6) == "nginx/") text.remove_prefix(6);
  int parts[3] = {0, 0, 0};
  int count = 0;
  while (count < 3) {
    if (text.empty() || text[0] < '0' || text[0] > '9') return std::nullopt;
    auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), parts[count]);
    if (ec != std::errc() || end == text.data() || parts[count] > 9999) {
      return std::nullopt;
    }
    text.remove_prefix(end - text.data());
    ++count;
    if (text.empty()) break;
    if (text[0] != '.') return std::nullopt;
    text.remove_prefix(1);
  }
  if (!text.empty() || count < 2) return std::nullopt;
  return NginxVersion{parts[0], parts[1], parts[2]};
}

std::string NginxVersion::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." +
         std::to_string(patch);
}

}  // namespace ngxfix
