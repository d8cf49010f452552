// Tab-separated data files (see tsv.h).

#include "core/tsv.h"

namespace ngxfix {

std::vector<TsvRow> ReadTsv(std::string_view text) {
  std::vector<TsvRow> rows;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    while (true) {
      size_t tab = line.find('\t');
      row.cells.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ngxfix
