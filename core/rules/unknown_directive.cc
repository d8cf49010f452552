// unknown-directive: a directive the target nginx version does not know.
// nginx -t: `unknown directive "NAME"`.  Directives of NGINX Plus and of
// separately built modules are directive-needs-module's.  See
// docs/rules/unknown-directive.md.

#include <algorithm>

#include "core/rule.h"

namespace ngxfix::rules {
namespace {

// Directives whose version mismatch a dedicated rule reports, with a fix.
constexpr std::string_view kCoveredElsewhere[] = {"http2"};

}  // namespace

void CheckUnknownDirective(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective) continue;
    // Inside an unknown block, the unknown block is the finding.
    if (node.parent != kNone && analysis.Specs(node.parent).empty()) {
      continue;
    }
    std::string_view name = analysis.Name(n);
    std::span<const DirectiveSpec> specs = analysis.Specs(n);
    const NginxVersion& version = context.version();
    if (std::any_of(specs.begin(), specs.end(), [&](const DirectiveSpec& s) {
          return s.InOpenSource(version) ||
                 (s.origin != Origin::kNginx && s.ExistsIn(version) &&
                  analysis.HasProduct(ProductOf(s)));
        })) {
      continue;
    }
    if (std::find(std::begin(kCoveredElsewhere), std::end(kCoveredElsewhere),
                  name) != std::end(kCoveredElsewhere)) {
      continue;
    }
    std::string explanation;
    auto product = std::find_if(specs.begin(), specs.end(), [](const DirectiveSpec& s) {
      return !ProductOf(s).empty();
    });
    if (product != specs.end() && product->ExistsIn(version)) {
      std::string_view needed = ProductOf(*product);
      explanation = "It needs " +
                    (needed == "plus" ? std::string("NGINX Plus")
                                      : "the module " + std::string(needed)) +
                    ", which --modules does not list" +
                    (product->origin == Origin::kNginxPlusBefore
                         ? " (open-source nginx has it from " +
                               product->since.ToString() + ")."
                         : ".");
    } else if (specs.empty()) {
      explanation =
          "No module of nginx or NGINX Plus, nor lua-nginx-module, njs, "
          "headers-more, set-misc, echo, geoip2, brotli, VTS or App Protect "
          "has this directive: it may be misspelt, or come from a module "
          "ngxfix does not know (see docs/data/directives.md).";
    } else if (version < specs[0].since) {
      explanation = "nginx has it since " + specs[0].since.ToString() +
                    "; the target is " + version.ToString() + ".";
    } else {
      explanation = "nginx removed it in " + specs[0].until.ToString() +
                    "; the target is " + version.ToString() + ".";
    }
    context.Report(n, "unknown directive \"" + std::string(name) + "\"", explanation);
  }
}

}  // namespace ngxfix::rules
