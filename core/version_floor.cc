#include "core/version_floor.h"

#include <algorithm>
#include <optional>

#include "core/analysis.h"
#include "core/parameters.h"

namespace ngxfix {
namespace {

// What a directive's own name needs: the lowest `since` of the rows that
// stand where it stands, or {} when a row predates every version or is not
// open-source nginx's.
NginxVersion DirectiveSince(std::span<const DirectiveSpec> specs,
                            uint32_t where, bool count_plus_before) {
  std::optional<NginxVersion> lowest;
  for (const DirectiveSpec& spec : specs) {
    if (!(spec.contexts & where) || spec.until != NginxVersion{}) continue;
    bool counted = spec.origin == Origin::kNginx ||
                   (count_plus_before && spec.origin == Origin::kNginxPlusBefore);
    if (!counted) return {};
    if (!lowest || spec.since < *lowest) lowest = spec.since;
  }
  return lowest.value_or(NginxVersion{});
}

}  // namespace

std::vector<WrittenParameter> VersionedParametersOf(const Analysis& analysis,
                                                    uint32_t node) {
  std::vector<WrittenParameter> written;
  std::span<const ParameterSpec> parameters =
      VersionedParameters(analysis.Name(node));
  const SyntaxTree& tree = analysis.tree();
  const Node& n = tree.nodes()[node];
  for (uint32_t w = 1; !parameters.empty() && tree.word(n, w) != kNone; ++w) {
    uint32_t token = tree.word(n, w);
    std::string word = tree.value(tree.tokens()[token]);
    for (const ParameterSpec& p : parameters) {
      if ((p.contexts & analysis.context(node)) && p.Matches(word) &&
          !(p.plus_before && analysis.uses_nginx_plus())) {
        written.push_back({&p, token, w});
      }
    }
  }
  return written;
}

VersionFloor LowestVersionNeeded(const Analysis& analysis) {
  const SyntaxTree& tree = analysis.tree();
  bool uses_plus = analysis.uses_nginx_plus();
  VersionFloor floor{{}, kNone, ""};
  auto raise = [&](const NginxVersion& since, uint32_t node, std::string what) {
    if (floor.version < since) floor = {since, node, std::move(what)};
  };
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective) continue;
    uint32_t where = analysis.context(n);
    std::string_view name = analysis.Name(n);
    raise(DirectiveSince(analysis.Specs(n), where, !uses_plus), n,
          "the " + std::string(name) + " directive");
    for (const WrittenParameter& p : VersionedParametersOf(analysis, n)) {
      // A directive's one value, as proxy_http_version 2, is named whole.
      raise(p.spec->since, n,
            p.index == 1 && tree.word_count(node) == 2
                ? std::string(name) + " " + std::string(p.spec->parameter)
                : "the " + std::string(p.spec->parameter) + " parameter of " +
                      std::string(name));
    }
  }
  return floor;
}

}  // namespace ngxfix
