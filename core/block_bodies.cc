#include "core/block_bodies.h"

#include <string>
#include <unordered_map>

namespace ngxfix {

extern const std::string_view kBlockBodiesTsv;

namespace {

using BodyTable = std::unordered_map<std::string_view, BlockBody>;

BodyTable LoadTable() {
  BodyTable table;
  std::string_view rest = kBlockBodiesTsv;
  while (!rest.empty()) {
    size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? "" : rest.substr(eol + 1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = line.find('\t', tab1 + 1);
    std::string_view body = line.substr(tab1 + 1, tab2 - tab1 - 1);
    table.emplace(line.substr(0, tab1),
                  body == "lua" ? BlockBody::kLua : BlockBody::kWords);
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
