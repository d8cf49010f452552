// nginx versions (X.Y.Z), compared numerically.  Every rule and fix is
// correct for one target version; kDefaultNginxVersion is used when the user
// names none, and every report shows which version was assumed.

#ifndef NGXFIX_CORE_NGINX_VERSION_H_
#define NGXFIX_CORE_NGINX_VERSION_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ngxfix {

struct NginxVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;

  // "1.24", "1.24.0" or "nginx/1.24.0"; nullopt for anything else.
  static std::optional<NginxVersion> Parse(std::string_view text);
  std::string ToString() const;

  auto operator<=>(const NginxVersion&) const = default;
};

// 1.24.0: the nginx of Ubuntu 24.04 LTS, the most common in production when
// ngxfix was written.  Fixes for it are also valid on later versions, except
// where a rule says otherwise.
inline constexpr NginxVersion kDefaultNginxVersion{1, 24, 0};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_NGINX_VERSION_H_
