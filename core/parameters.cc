#include "core/parameters.h"

#include <algorithm>
#include <vector>

#include "core/directives.h"
#include "core/tsv.h"

namespace ngxfix {

extern const std::string_view kParametersTsv;

namespace {

std::vector<ParameterSpec> Load() {
  std::vector<ParameterSpec> rows;
  for (const TsvRow& row : ReadTsv(kParametersTsv)) {
    if (row.cells.size() < 5) continue;
    rows.push_back({row.at(0), ParseContexts(row.at(1)), row.at(2),
                    NginxVersion::Parse(row.at(3)).value_or(NginxVersion{}),
                    row.at(4) == "plus"});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.directive < b.directive;
  });
  return rows;
}

}  // namespace

std::span<const ParameterSpec> VersionedParameters(std::string_view directive) {
  static const std::vector<ParameterSpec> rows = Load();
  auto [begin, end] = std::equal_range(
      rows.begin(), rows.end(), ParameterSpec{directive, 0, {}, {}, false},
      [](const auto& a, const auto& b) { return a.directive < b.directive; });
  return {begin, end};
}

}  // namespace ngxfix
