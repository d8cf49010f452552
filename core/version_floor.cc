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
  // What needs the highest version so far; described once, at the end,
  // rather than for every directive of a configuration.
  NginxVersion highest;
  uint32_t needer = kNone;
  std::optional<WrittenParameter> parameter;  // none: the directive itself
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    if (tree.nodes()[n].kind != NodeKind::kDirective) continue;
    NginxVersion since = DirectiveSince(analysis.Specs(n), analysis.context(n), !uses_plus);
    if (highest < since) {
      highest = since;
      needer = n;
      parameter.reset();
    }
    for (const WrittenParameter& p : VersionedParametersOf(analysis, n)) {
      if (highest < p.spec->since) {
        highest = p.spec->since;
        needer = n;
        parameter = p;
      }
    }
  }
  VersionFloor floor{highest, needer, ""};
  if (needer == kNone) return floor;
  std::string name(analysis.Name(needer));
  if (!parameter) {
    floor.what = "the " + name + " directive";
  } else if (parameter->index == 1 && tree.word_count(tree.nodes()[needer]) == 2) {
    // A directive's one value, as proxy_http_version 2, is named whole.
    floor.what = name + " " + std::string(parameter->spec->parameter);
  } else {
    floor.what = "the " + std::string(parameter->spec->parameter) + " parameter of " + name;
  }
  return floor;
}

}  // namespace ngxfix
