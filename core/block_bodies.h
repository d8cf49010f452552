// Which block directives hold something other than directives: word lists
// (types, map, geo, ...) and raw Lua (*_by_lua_block).  The facts live in
// data/block_bodies.tsv.

#ifndef NGXFIX_CORE_BLOCK_BODIES_H_
#define NGXFIX_CORE_BLOCK_BODIES_H_

#include <string_view>

namespace ngxfix {

enum class BlockBody { kDirectives, kWords, kLua };

BlockBody BlockBodyOf(std::string_view directive_name);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_BLOCK_BODIES_H_
