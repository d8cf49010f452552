// nginx's inheritance of directives from outer levels to inner ones, in one
// place that every rule asks.  The merge kind of each directive and its
// default per nginx version live in data/inheritance.tsv.

#ifndef NGXFIX_CORE_INHERITANCE_H_
#define NGXFIX_CORE_INHERITANCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace ngxfix {

struct Effective {
  // The directives in effect: for array directives every one of the level
  // that sets them, for scalar ones the last of that level.  Empty when no
  // level sets it and nginx's default applies.
  std::vector<uint32_t> nodes;
  uint32_t level = kNone;  // the block whose children they are
};

// The directive `name` in effect inside `place`, a block node (location,
// if, limit_except, server, http) or kNone for a file's top level of file 0.
Effective EffectiveDirective(const Analysis& analysis, uint32_t place,
                             std::string_view name);

// Whether nginx merges `name` as an array (see data/inheritance.tsv).
bool MergesAsArray(std::string_view name);

// nginx's default value of a scalar directive at a version, or "".
std::string DefaultValue(std::string_view name, const NginxVersion& version);

// The value (second argument, as nginx reads it) of the proxy_set_header-
// like directive among `headers` that sets `header`, compared without case;
// nullopt when none does.
std::optional<std::string> HeaderValue(const SyntaxTree& tree,
                                       const std::vector<uint32_t>& headers,
                                       std::string_view header);
// Whether the proxy_set_header-like directive `node` sets `header` (compared
// without case) to a value.
bool SetsHeader(const SyntaxTree& tree, uint32_t node, std::string_view header);
// The directive among `headers` that sets `header` (the last one), or kNone.
uint32_t HeaderNode(const SyntaxTree& tree, const std::vector<uint32_t>& headers,
                    std::string_view header);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_INHERITANCE_H_
