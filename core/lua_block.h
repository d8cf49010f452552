// Reading the raw Lua body of a *_by_lua_block as lua-nginx-module does
// (ngx_http_lua_conf_lua_block_parse and its lexer): Lua strings, comments
// and long brackets are skipped whole, and '{' and '}' are counted until the
// '}' that closes the block.

#ifndef NGXFIX_CORE_LUA_BLOCK_H_
#define NGXFIX_CORE_LUA_BLOCK_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ngxfix {

struct LuaBodyScan {
  bool ok;
  uint32_t close;         // offset of the closing '}', or the end on error
  uint32_t lines;         // LFs in [begin, close)
  std::string error;      // lua-nginx-module's words
  uint32_t error_offset;
  uint32_t error_line;    // the line nginx reports
};

// Scans text[begin, end) that follows the '{' of a Lua block found on `line`.
LuaBodyScan ScanLuaBody(std::string_view text, uint32_t begin, uint32_t end,
                        uint32_t line);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_LUA_BLOCK_H_
