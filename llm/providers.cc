// The chat APIs of data/providers.tsv.

#include <algorithm>

#include "core/tsv.h"
#include "llm/llm.h"

namespace ngxfix {

extern const std::string_view kLlmProvidersTsv;

namespace {

std::string_view Cell(std::string_view cell) { return cell == "-" ? "" : cell; }

std::vector<LlmProvider> LoadProviders() {
  std::vector<LlmProvider> providers;
  for (const TsvRow& row : ReadTsv(kLlmProvidersTsv)) {
    LlmProvider p{row.at(0), row.at(1), row.at(2), row.at(3), row.at(4),
                  Cell(row.at(5)), {}};
    for (std::string_view rest = Cell(row.at(6)); !rest.empty();) {
      std::string_view header = rest.substr(0, rest.find('|'));
      rest.remove_prefix(std::min(rest.size(), header.size() + 1));
      size_t equals = header.find('=');
      p.headers.emplace_back(header.substr(0, equals),
                             header.substr(equals + 1));
    }
    providers.push_back(std::move(p));
  }
  return providers;
}

}  // namespace

std::span<const LlmProvider> LlmProviders() {
  static const std::vector<LlmProvider> providers = LoadProviders();
  return providers;
}

const LlmProvider* FindLlmProvider(std::string_view id) {
  for (const LlmProvider& p : LlmProviders()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

}  // namespace ngxfix
