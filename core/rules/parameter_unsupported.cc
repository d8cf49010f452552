// parameter-unsupported: a parameter the target nginx version does not
// accept yet, such as `listen ... quic` before 1.25.0 or `server ...
// resolve` in an upstream before 1.27.3.  nginx -t: `invalid parameter
// "quic"`.  proxy_http_version's values are proxy-http-version-unsupported's,
// which has a fix.  See docs/rules/parameter-unsupported.md.

#include <algorithm>

#include "core/parameters.h"
#include "core/rule.h"
#include "core/version_floor.h"

namespace ngxfix::rules {
namespace {

constexpr std::string_view kCoveredElsewhere[] = {"proxy_http_version"};

}  // namespace

void CheckParameterUnsupported(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective) continue;
    std::string_view name = analysis.Name(n);
    if (std::find(std::begin(kCoveredElsewhere), std::end(kCoveredElsewhere),
                  name) != std::end(kCoveredElsewhere)) {
      continue;
    }
    for (const WrittenParameter& written : VersionedParametersOf(analysis, n)) {
      const ParameterSpec& p = *written.spec;
      if (!(context.version() < p.since)) continue;
      std::string_view shown = p.parameter;
      if (shown.ends_with('=')) shown.remove_suffix(1);
      context.Report(
          n, "invalid parameter \"" + tree.value(tree.tokens()[written.token]) + "\"",
          "Open-source nginx accepts the " + std::string(shown) + " parameter of " +
              std::string(name) + " from " + p.since.ToString() +
              "; the target is " + context.version().ToString() +
              ", where `nginx -t` fails." +
              (p.plus_before ? " NGINX Plus had it long before." : ""));
    }
  }
}

}  // namespace ngxfix::rules
