// The lowest nginx version a configuration's own directives and parameters
// need.  Without --nginx-version, a configuration that writes `http2 on;`
// runs on 1.25.1 or later, whatever the default: judging it as 1.24.0 would
// report its `http2` as unknown.  So the version judged is the default or
// this floor, whichever is higher, and reports state why.

#ifndef NGXFIX_CORE_VERSION_FLOOR_H_
#define NGXFIX_CORE_VERSION_FLOOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/nginx_version.h"

namespace ngxfix {

class Analysis;
struct ParameterSpec;

// A parameter of data/parameters.tsv that a directive writes, where it
// stands; those NGINX Plus had before open-source nginx are left out of a
// configuration that uses NGINX Plus (Analysis::uses_nginx_plus()).
struct WrittenParameter {
  const ParameterSpec* spec;
  uint32_t token;     // the argument; SyntaxTree::value() reads it as nginx does
  uint32_t index;     // among the directive's words, the name being 0
};
std::vector<WrittenParameter> VersionedParametersOf(const Analysis& analysis,
                                                    uint32_t node);

struct VersionFloor {
  NginxVersion version;   // {} when any version would do
  uint32_t node;          // the first directive that needs it
  std::string what;       // "the http2 directive", "the quic parameter of listen"
};

// Open-source nginx's versions only: a directive or parameter that NGINX
// Plus had long before (`sticky`, `server ... resolve`) counts unless the
// configuration also uses directives only NGINX Plus has.
VersionFloor LowestVersionNeeded(const Analysis& analysis);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_VERSION_FLOOR_H_
