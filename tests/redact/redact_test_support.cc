// Helpers of the redaction tests (see redact_test_support.h).

#include "tests/redact/redact_test_support.h"

#include "redact/edges.h"
#include "tests/support/test_support.h"

namespace ngxfix::testing {

std::vector<std::vector<std::string>> ReadFixtureRows(const std::string& name) {
  std::string text = ReadFile(std::string(NGXFIX_REDACT_FIXTURES) + "/" + name);
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells(1);
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\t') {
        cells.emplace_back();
      } else if (line[i] == '\\' && i + 1 < line.size() &&
                 (line[i + 1] == 'n' || line[i + 1] == '\\')) {
        cells.back() += line[++i] == 'n' ? '\n' : '\\';
      } else {
        cells.back() += line[i];
      }
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

RedactionKey TestKey(int seed) {
  RedactionKey key;
  for (size_t i = 0; i < key.size(); ++i) key[i] = uint8_t(i * 17 + seed * 101 + 3);
  return key;
}

size_t WholeOccurrences(std::string_view text, std::string_view value, RedactionKind kind) {
  size_t count = 0;
  for (size_t at = text.find(value); at != std::string_view::npos;
       at = text.find(value, at + 1)) {
    count += redact::Bounded(text, at, at + value.size(), kind, redact::Edges::kPlaceholder);
  }
  return count;
}

}  // namespace ngxfix::testing
