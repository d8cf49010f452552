// Reading the tab-separated data files (core/data/, redact/data/, ...): one
// row a line, cells split at tabs, '#' lines and blank lines skipped.
// Missing cells read as empty, so a short row never reads out of bounds.

#ifndef NGXFIX_CORE_TSV_H_
#define NGXFIX_CORE_TSV_H_

#include <string_view>
#include <vector>

namespace ngxfix {

struct TsvRow {
  std::vector<std::string_view> cells;
  std::string_view at(size_t i) const {
    return i < cells.size() ? cells[i] : std::string_view();
  }
};

// Views into `text`, which must outlive the rows.
std::vector<TsvRow> ReadTsv(std::string_view text);

// `s` cut at every `separator` (a list inside a cell, lines of a text):
// views into `s`, empty parts kept.
std::vector<std::string_view> Split(std::string_view s, char separator);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_TSV_H_
