// Reading the tab-separated data files of redact/data/: one row a line,
// cells split at tabs, '#' lines and blank lines skipped.  Missing cells read
// as empty, so a short row never reads out of bounds.

#ifndef NGXFIX_REDACT_TSV_H_
#define NGXFIX_REDACT_TSV_H_

#include <string_view>
#include <vector>

namespace ngxfix::redact {

struct TsvRow {
  std::vector<std::string_view> cells;
  std::string_view at(size_t i) const {
    return i < cells.size() ? cells[i] : std::string_view();
  }
};

std::vector<TsvRow> ReadTsv(std::string_view text);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_TSV_H_
