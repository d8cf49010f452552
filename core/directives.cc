#include "core/directives.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/tsv.h"

namespace ngxfix {

extern const std::string_view kDirectivesTsv;

namespace {

constexpr std::pair<std::string_view, uint32_t> kContextNames[] = {
    {"main", kContextMain},
    {"events", kContextEvents},
    {"http", kContextHttp},
    {"server", kContextServer},
    {"location", kContextLocation},
    {"upstream", kContextUpstream},
    {"sif", kContextIfInServer},
    {"lif", kContextIfInLocation},
    {"limit_except", kContextLimitExcept},
    {"stream", kContextStream},
    {"stream_server", kContextStreamServer},
    {"stream_upstream", kContextStreamUpstream},
    {"mail", kContextMail},
    {"mail_server", kContextMailServer},
    {"any", kContextAny},
};

// The macros of ngx_conf_file.h; TAKE12 and friends are ORs of TAKEn.
constexpr std::pair<std::string_view, uint32_t> kArgNames[] = {
    {"NOARGS", kArgs0},
    {"TAKE1", kArgs1},
    {"TAKE2", kArgs2},
    {"TAKE3", kArgs3},
    {"TAKE4", kArgs4},
    {"TAKE5", kArgs5},
    {"TAKE6", kArgs6},
    {"TAKE7", kArgs7},
    {"TAKE12", kArgs1 | kArgs2},
    {"TAKE13", kArgs1 | kArgs3},
    {"TAKE23", kArgs2 | kArgs3},
    {"TAKE123", kArgs1 | kArgs2 | kArgs3},
    {"TAKE1234", kArgs1 | kArgs2 | kArgs3 | kArgs4},
    {"FLAG", kArgsFlag},
    {"1MORE", kArgs1More},
    {"2MORE", kArgs2More},
    {"ANY", kArgsAny},
};

uint32_t Bits(std::string_view list, char separator,
              std::span<const std::pair<std::string_view, uint32_t>> names) {
  uint32_t bits = 0;
  for (std::string_view part : Split(list, separator)) {
    for (const auto& [name, bit] : names) {
      if (name == part) bits |= bit;
    }
  }
  return bits;
}

NginxVersion VersionOrZero(std::string_view text) {
  return NginxVersion::Parse(text).value_or(NginxVersion{});
}

// directives.tsv's ninth column; "module:PROJECT" also gives the project.
Origin ParseOrigin(std::string_view cell, std::string_view* project) {
  constexpr std::string_view kModulePrefix = "module:";
  if (cell.starts_with(kModulePrefix)) {
    *project = cell.substr(kModulePrefix.size());
    return Origin::kModule;
  }
  if (cell == "plus") return Origin::kPlus;
  if (cell == "nginx,plus") return Origin::kNginxPlusBefore;
  return Origin::kNginx;
}

struct Table {
  std::vector<DirectiveSpec> rows;  // sorted by name
  std::unordered_map<std::string_view, std::pair<size_t, size_t>> index;
};

Table Load() {
  Table table;
  for (const TsvRow& row : ReadTsv(kDirectivesTsv)) {
    if (row.cells.size() < 9) continue;
    const std::vector<std::string_view>& f = row.cells;
    std::string_view project;
    Origin origin = ParseOrigin(f[8], &project);
    table.rows.push_back(DirectiveSpec{
        f[0], Bits(f[2], ',', kContextNames), Bits(f[3], '|', kArgNames),
        f[4] == "block", VersionOrZero(f[5]), VersionOrZero(f[6]), origin,
        project});
  }
  std::stable_sort(table.rows.begin(), table.rows.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  for (size_t i = 0; i < table.rows.size();) {
    size_t j = i;
    while (j < table.rows.size() && table.rows[j].name == table.rows[i].name) {
      ++j;
    }
    table.index.emplace(table.rows[i].name, std::make_pair(i, j - i));
    i = j;
  }
  return table;
}

const Table& GetTable() {
  static const Table table = Load();
  return table;
}

}  // namespace

bool DirectiveSpec::TakesArgs(size_t count) const {
  if (args & kArgsAny) return true;
  if (args & kArgsFlag) return count == 1;
  if (args & kArgs1More) return count >= 1;
  if (args & kArgs2More) return count >= 2;
  return count <= 7 && (args & (1u << count)) != 0;
}

std::span<const DirectiveSpec> LookUpDirective(std::string_view name) {
  const Table& table = GetTable();
  auto it = table.index.find(name);
  if (it == table.index.end()) return {};
  return std::span<const DirectiveSpec>(table.rows).subspan(it->second.first,
                                                           it->second.second);
}

std::string_view ProductOf(const DirectiveSpec& spec) {
  switch (spec.origin) {
    case Origin::kNginx: return "";
    case Origin::kPlus:
    case Origin::kNginxPlusBefore: return "plus";
    case Origin::kModule: return spec.project;
  }
  return "";
}

uint32_t ParseContexts(std::string_view list) {
  return Bits(list, ',', kContextNames);
}

std::string_view ContextName(Context context) {
  for (const auto& [name, bit] : kContextNames) {
    if (bit == context) return name;
  }
  return "";
}

}  // namespace ngxfix
