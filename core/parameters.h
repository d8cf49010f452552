// Parameters and values that open-source nginx accepts only from a version
// on (`listen ... quic`, `server ... resolve`, `proxy_http_version 2`).
// The facts live in data/parameters.tsv, with where nginx's source and
// CHANGES say so.

#ifndef NGXFIX_CORE_PARAMETERS_H_
#define NGXFIX_CORE_PARAMETERS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "core/nginx_version.h"

namespace ngxfix {

struct ParameterSpec {
  std::string_view directive;
  uint32_t contexts;          // Context bits where the directive stands
  std::string_view parameter; // a word, or a prefix ending in '='
  NginxVersion since;
  bool plus_before;           // NGINX Plus accepted it long before

  // Whether the argument `word` is this parameter.
  bool Matches(std::string_view word) const {
    return parameter.ends_with('=') ? word.starts_with(parameter)
                                    : word == parameter;
  }
};

// The rows of data/parameters.tsv for `directive`, or an empty span.
std::span<const ParameterSpec> VersionedParameters(std::string_view directive);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_PARAMETERS_H_
