#include "core/inheritance.h"

#include <strings.h>

#include <vector>

#include "core/tsv.h"

namespace ngxfix {

extern const std::string_view kInheritanceTsv;

namespace {

struct MergeRow {
  std::string_view name;
  bool array;
  std::string_view default_value;
  NginxVersion since;
};

std::vector<MergeRow> LoadRows() {
  std::vector<MergeRow> rows;
  for (const TsvRow& row : ReadTsv(kInheritanceTsv)) {
    rows.push_back(MergeRow{
        row.at(0), row.at(1) == "array",
        row.at(2) == "-" ? std::string_view() : row.at(2),
        NginxVersion::Parse(row.at(3)).value_or(NginxVersion{})});
  }
  return rows;
}

const std::vector<MergeRow>& Rows() {
  static const std::vector<MergeRow> rows = LoadRows();
  return rows;
}

// Levels that pass their settings down to the blocks inside them.
constexpr uint32_t kMergingLevels =
    kContextHttp | kContextServer | kContextLocation | kContextIfInServer |
    kContextIfInLocation | kContextLimitExcept | kContextStream |
    kContextStreamServer;

}  // namespace

bool MergesAsArray(std::string_view name) {
  for (const MergeRow& row : Rows()) {
    if (row.name == name) return row.array;
  }
  return false;
}

std::string DefaultValue(std::string_view name, const NginxVersion& version) {
  std::string_view value;
  for (const MergeRow& row : Rows()) {
    if (row.name == name && row.since <= version) value = row.default_value;
  }
  return std::string(value);
}

Effective EffectiveDirective(const Analysis& analysis, uint32_t place,
                             std::string_view name) {
  const SyntaxTree& tree = analysis.tree();
  uint32_t name_id = analysis.NameId(name);
  if (name_id == kNone) return {};
  for (uint32_t level = place;;) {
    NodeList here = analysis.FindId(level, name_id);
    if (!here.empty()) {
      Effective effective;
      effective.level = level;
      effective.nodes = MergesAsArray(name) ? std::vector<uint32_t>(here)
                                            : std::vector<uint32_t>{here.back()};
      return effective;
    }
    if (level == kNone) return {};
    // Up to the next block that merges into this one.
    uint32_t parent = tree.nodes()[level].parent;
    while (parent != kNone &&
           !(analysis.BlockContext(parent) & kMergingLevels)) {
      parent = tree.nodes()[parent].parent;
    }
    if (parent == kNone && tree.nodes()[level].file != 0) return {};
    level = parent;
  }
}

bool SetsHeader(const SyntaxTree& tree, uint32_t node, std::string_view header) {
  const Node& n = tree.nodes()[node];
  if (tree.word(n, 2) == kNone) return false;
  std::string name = tree.value(tree.tokens()[tree.word(n, 1)]);
  return name.size() == header.size() &&
         strncasecmp(name.data(), header.data(), header.size()) == 0;
}

uint32_t HeaderNode(const SyntaxTree& tree, const std::vector<uint32_t>& headers,
                    std::string_view header) {
  uint32_t found = kNone;
  for (uint32_t h : headers) {
    if (SetsHeader(tree, h, header)) found = h;
  }
  return found;
}

std::optional<std::string> HeaderValue(const SyntaxTree& tree,
                                       const std::vector<uint32_t>& headers,
                                       std::string_view header) {
  uint32_t node = HeaderNode(tree, headers, header);
  if (node == kNone) return std::nullopt;
  return tree.value(tree.tokens()[tree.word(tree.nodes()[node], 2)]);
}

}  // namespace ngxfix
