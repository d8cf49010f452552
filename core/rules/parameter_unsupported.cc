// parameter-unsupported: a parameter the target nginx version does not
// accept yet, such as `listen ... quic` before 1.25.0 or `server ...
// resolve` in an upstream before 1.27.3.  nginx -t: `invalid parameter
// "quic"`.  proxy_http_version's values are proxy-http-version-unsupported's,
// which has a fix.  See docs/rules/parameter-unsupported.md.

#include <algorithm>

#include "core/parameters.h"
#include "core/rule.h"

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
    std::span<const ParameterSpec> parameters = VersionedParameters(name);
    if (parameters.empty()) continue;
    std::vector<uint32_t> words = tree.words(node);
    for (size_t w = 1; w < words.size(); ++w) {
      std::string word = tree.value(tree.tokens()[words[w]]);
      for (const ParameterSpec& p : parameters) {
        if (!(p.contexts & analysis.context(n)) || !p.Matches(word) ||
            !(context.version() < p.since)) {
          continue;
        }
        if (p.plus_before && analysis.uses_nginx_plus()) continue;
        std::string shown(p.parameter.ends_with('=') ? p.parameter.substr(0, p.parameter.size() - 1)
                                                      : p.parameter);
        context.Report(
            n, "invalid parameter \"" + word + "\"",
            "Open-source nginx accepts the " + shown + " parameter of " +
                std::string(name) + " from " + p.since.ToString() +
                "; the target is " + context.version().ToString() +
                ", where `nginx -t` fails." +
                (p.plus_before ? " NGINX Plus had it long before." : ""));
      }
    }
  }
}

}  // namespace ngxfix::rules
