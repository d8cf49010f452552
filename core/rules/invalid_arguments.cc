// invalid-arguments: the checks of ngx_conf_handler() once a directive is
// found in its context: a block where ';' belongs or the reverse, and the
// number of arguments.  See docs/rules/invalid-arguments.md.

#include "core/rule.h"

namespace ngxfix::rules {

void CheckInvalidArguments(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    uint32_t where = analysis.context(n);
    if (node.kind != NodeKind::kDirective || where == 0 ||
        (node.flags & kNodeUnterminated)) {
      continue;
    }
    std::string_view name = analysis.Name(n);
    size_t args = tree.word_count(node) - 1;
    bool is_block = node.flags & kNodeBlock;
    // nginx uses the first matching module; where several would match
    // (a snippet's top level), any one that accepts the statement will do.
    std::string problem;
    bool matched = false;
    for (const DirectiveSpec& spec : analysis.Specs(n)) {
      if (!spec.ExistsIn(context.version()) || !(spec.contexts & where)) {
        continue;
      }
      std::string this_problem;
      if (!spec.block && is_block) {
        this_problem = "directive \"" + std::string(name) + "\" is not terminated by \";\"";
      } else if (spec.block && !is_block) {
        this_problem = "directive \"" + std::string(name) + "\" has no opening \"{\"";
      } else if (!spec.TakesArgs(args)) {
        this_problem =
            "invalid number of arguments in \"" + std::string(name) + "\" directive";
      }
      if (this_problem.empty()) {
        problem.clear();
        matched = true;
        break;
      }
      if (problem.empty()) problem = this_problem;
    }
    if (matched || problem.empty()) continue;
    context.Report(n, problem,
                   "nginx -t rejects this statement: see the directive's "
                   "syntax in nginx's documentation.");
  }
}

}  // namespace ngxfix::rules
