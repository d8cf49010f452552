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
  return it == table.end() ? BlockBody::kDirectives : it->second;
}

}  // namespace ngxfix
