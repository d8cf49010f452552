// What nginx knows about each directive: its contexts, argument counts,
// whether it takes a block, and the versions that added and removed it.
// The facts live in data/directives.tsv, taken from the ngx_command_t
// tables in the source of nginx and of common third-party modules.

#ifndef NGXFIX_CORE_DIRECTIVES_H_
#define NGXFIX_CORE_DIRECTIVES_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "core/nginx_version.h"

namespace ngxfix {

// Configuration contexts, as nginx's NGX_*_CONF flags name them.
enum Context : uint32_t {
  kContextMain = 1u << 0,
  kContextEvents = 1u << 1,
  kContextHttp = 1u << 2,
  kContextServer = 1u << 3,
  kContextLocation = 1u << 4,
  kContextUpstream = 1u << 5,
  kContextIfInServer = 1u << 6,    // NGX_HTTP_SIF_CONF
  kContextIfInLocation = 1u << 7,  // NGX_HTTP_LIF_CONF
  kContextLimitExcept = 1u << 8,   // NGX_HTTP_LMT_CONF
  kContextStream = 1u << 9,
  kContextStreamServer = 1u << 10,
  kContextStreamUpstream = 1u << 11,
  kContextMail = 1u << 12,
  kContextMailServer = 1u << 13,
  kContextAny = 0xffffu,           // NGX_ANY_CONF (include)
};

// nginx's argument-count flags (NGX_CONF_NOARGS ... NGX_CONF_ANY).
enum ArgFlag : uint32_t {
  kArgs0 = 1u << 0,
  kArgs1 = 1u << 1,
  kArgs2 = 1u << 2,
  kArgs3 = 1u << 3,
  kArgs4 = 1u << 4,
  kArgs5 = 1u << 5,
  kArgs6 = 1u << 6,
  kArgs7 = 1u << 7,
  kArgsFlag = 1u << 8,   // exactly one: on or off
  kArgs1More = 1u << 9,
  kArgs2More = 1u << 10,
  kArgsAny = 1u << 11,
};

// Who ships a directive: what an nginx built from nginx.org's source lacks
// is another product's, or a module's built separately.
enum class Origin {
  kNginx,            // open-source nginx (and NGINX Plus, built on it)
  kPlus,             // NGINX Plus only
  kNginxPlusBefore,  // open source since `since`, NGINX Plus long before
  kModule,           // a module built separately: `project` names it
};

// directives.tsv's second column, the module, and its eighth, notes, are
// for people: they are embedded blank and not read.
struct DirectiveSpec {
  std::string_view name;
  uint32_t contexts;  // Context bits
  uint32_t args;      // ArgFlag bits
  bool block;
  NginxVersion since;  // {0,0,0} when it predates every supported version
  NginxVersion until;  // {0,0,0} when it was never removed
  Origin origin;
  std::string_view project;  // kModule: "njs", "lua-nginx-module", ...

  // Whether nginx `v` accepts it.  For rows of NGINX Plus or of a module,
  // which ngxfix cannot tell are in the build, as if they were.
  bool ExistsIn(const NginxVersion& v) const {
    if (until != NginxVersion{} && !(v < until)) return false;
    return origin != Origin::kNginx || since <= v;
  }
  // Whether open-source nginx `v`, built from nginx.org's source, has it.
  bool InOpenSource(const NginxVersion& v) const {
    return (origin == Origin::kNginx || origin == Origin::kNginxPlusBefore) &&
           since <= v && (until == NginxVersion{} || v < until);
  }
  // Whether `count` arguments (the name not counted) are accepted, the way
  // ngx_conf_handler() decides.
  bool TakesArgs(size_t count) const;
};

// What a row needs beyond open-source nginx, as --modules names it: "plus"
// for NGINX Plus, the project of a separately built module, "" for none.
std::string_view ProductOf(const DirectiveSpec& spec);

// Every row of data/directives.tsv named `name` (one per module), or an
// empty span.
std::span<const DirectiveSpec> LookUpDirective(std::string_view name);

// The name of a context bit, as data/directives.tsv spells it.
std::string_view ContextName(Context context);
// The Context bits of a comma list of such names ("server,location").
uint32_t ParseContexts(std::string_view list);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_DIRECTIVES_H_
