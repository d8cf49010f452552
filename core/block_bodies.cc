#include "core/block_bodies.h"

#include <string>
#include <unordered_map>

#include "core/tsv.h"

namespace ngxfix {

extern const std::string_view kBlockBodiesTsv;

namespace {

using BodyTable = std::unordered_map<std::string_view, BlockBody>;

BodyTable LoadTable() {
  BodyTable table;
  for (const TsvRow& row : ReadTsv(kBlockBodiesTsv)) {
    table.emplace(row.at(0),
                  row.at(1) == "lua" ? BlockBody::kLua : BlockBody::kWords);
  }
  return table;
}

}  // namespace

BlockBody BlockBodyOf(std::string_view directive_name) {
  static const BodyTable table = LoadTable();
  auto it = table.find(directive_name);
  if (it != table.end()) return it->second;
  // Every block directive lua-nginx-module and stream-lua-nginx-module add
  // is named *_by_lua_block and read by their Lua lexer: so will a newer
  // one be.
  return directive_name.ends_with("_by_lua_block") ? BlockBody::kLua
                                                   : BlockBody::kDirectives;
}

}  // namespace ngxfix
