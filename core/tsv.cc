// Tab-separated data files (see tsv.h).

#include "core/tsv.h"

namespace ngxfix {

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<TsvRow> ReadTsv(std::string_view text) {
  std::vector<TsvRow> rows;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  for (std::string_view line : Split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(TsvRow{Split(line, '\t')});
  }
  return rows;
}

}  // namespace ngxfix
