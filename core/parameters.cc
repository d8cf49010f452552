#include "core/parameters.h"

#include <vector>

#include "core/directives.h"
#include "core/tsv.h"

namespace ngxfix {

extern const std::string_view kParametersTsv;

namespace {

// Rows in the file's order, which keeps each directive's rows together.
std::vector<ParameterSpec> Load() {
  std::vector<ParameterSpec> rows;
  for (const TsvRow& row : ReadTsv(kParametersTsv)) {
    if (row.cells.size() < 5) continue;
    rows.push_back({row.at(0), ParseContexts(row.at(1)), row.at(2),
                    NginxVersion::Parse(row.at(3)).value_or(NginxVersion{}),
                    row.at(4) == "plus"});
  }
  return rows;
}

}  // namespace

std::span<const ParameterSpec> VersionedParameters(std::string_view directive) {
  static const std::vector<ParameterSpec> rows = Load();
  size_t begin = 0;
  while (begin < rows.size() && rows[begin].directive != directive) ++begin;
  size_t end = begin;
  while (end < rows.size() && rows[end].directive == directive) ++end;
  return std::span<const ParameterSpec>(rows).subspan(begin, end - begin);
}

}  // namespace ngxfix
