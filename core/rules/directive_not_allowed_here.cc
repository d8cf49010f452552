// directive-not-allowed-here: a known directive in a context where nginx
// does not accept it.  nginx -t: `"NAME" directive is not allowed here`.
// See docs/rules/directive-not-allowed-here.md.

#include <algorithm>

#include "core/rule.h"

namespace ngxfix::rules {

void CheckDirectiveNotAllowedHere(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    uint32_t where = analysis.context(n);
    if (node.kind != NodeKind::kDirective || where == 0) continue;
    std::string_view name = analysis.Name(n);
    std::span<const DirectiveSpec> specs = analysis.Specs(n);
    bool exists = false, allowed = false;
    uint32_t contexts = 0;
    for (const DirectiveSpec& spec : specs) {
      if (!spec.ExistsIn(context.version())) continue;
      exists = true;
      contexts |= spec.contexts;
      allowed |= (spec.contexts & where) != 0;
    }
    if (!exists || allowed) continue;
    std::string places;
    for (uint32_t bit = 1; bit <= kContextMailServer; bit <<= 1) {
      if (!(contexts & bit)) continue;
      if (!places.empty()) places += ", ";
      places += ContextName(static_cast<Context>(bit));
    }
    context.Report(n, "\"" + std::string(name) + "\" directive is not allowed here",
                   "nginx accepts it only in: " + places + ".");
  }
}

}  // namespace ngxfix::rules
