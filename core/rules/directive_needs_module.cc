// directive-needs-module: directives that open-source nginx lacks but NGINX
// Plus or a separately built module (njs, lua-nginx-module, headers-more,
// ...) has.  Without --modules, ngxfix cannot see which build runs the
// configuration, so it assumes the one the directives need and says so,
// once per product, at info.  See docs/rules/directive-needs-module.md.

#include <algorithm>

#include "core/rule.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// Names and lines listed in a message before "and N more", "...".
constexpr size_t kNamesShown = 4;
constexpr size_t kLinesShown = 8;

// A directive that needs a product, in the order of the text.
struct Hit {
  std::string_view product;  // as ProductOf() names it
  uint32_t node;
  NginxVersion open_source;  // for kNginxPlusBefore: open source's version
};

// What the directive needs when open-source nginx `version` lacks it, or
// an empty product when it is not a product's (an unknown or too new
// directive: unknown-directive's).
Hit Needs(std::span<const DirectiveSpec> specs, const NginxVersion& version,
          uint32_t node) {
  Hit hit{"", node, {}};
  for (const DirectiveSpec& spec : specs) {
    if (spec.InOpenSource(version)) return {"", node, {}};
    if (spec.origin == Origin::kNginx || !spec.ExistsIn(version)) continue;
    if (spec.origin == Origin::kNginxPlusBefore) hit.open_source = spec.since;
    if (hit.product.empty() || spec.origin != Origin::kModule) {
      hit.product = ProductOf(spec);
    }
  }
  return hit;
}

}  // namespace

void CheckDirectiveNeedsModule(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  // With --modules the target is known: what it lists is there, and what
  // it does not is unknown-directive's.
  if (analysis.modules_known()) return;
  std::vector<Hit> hits;
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective) continue;
    if (node.parent != kNone && analysis.Specs(node.parent).empty()) continue;
    Hit hit = Needs(analysis.Specs(n), context.version(), n);
    if (!hit.product.empty()) hits.push_back(hit);
  }
  // Each product at its first directive, in the order of the text.
  std::vector<std::string_view> reported;
  for (size_t first = 0; first < hits.size(); ++first) {
    std::string_view product = hits[first].product;
    if (std::find(reported.begin(), reported.end(), product) != reported.end()) {
      continue;
    }
    reported.push_back(product);
    std::vector<std::string_view> names;
    std::string lines, open_source;
    size_t count = 0;
    for (size_t i = first; i < hits.size(); ++i) {
      if (hits[i].product != product) continue;
      if (count++ < kLinesShown) {
        lines += (lines.empty() ? "" : ", ") + std::to_string(LineOf(tree, hits[i].node));
      }
      std::string_view name = analysis.Name(hits[i].node);
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      names.push_back(name);
      if (hits[i].open_source != NginxVersion{}) {
        open_source += (open_source.empty() ? "" : ", ") + std::string(name) +
                       " from " + hits[i].open_source.ToString();
      }
    }
    std::string list;
    for (size_t i = 0; i < names.size() && i < kNamesShown; ++i) {
      list += (i == 0 ? "" : ", ") + std::string(names[i]);
    }
    if (names.size() > kNamesShown) {
      list += " and " + std::to_string(names.size() - kNamesShown) + " more";
    }
    std::string needed = product == "plus" ? "NGINX Plus" : std::string(product);
    std::string where = product == "plus" ? "it runs on NGINX Plus"
                                          : "nginx is built with " + needed +
                                                " (or loads it with load_module)";
    context.Report(
        hits[first].node,
        list + (names.size() == 1 ? " needs " : " need ") + needed,
        "Open-source nginx " + context.version().ToString() +
            " has no such directive: `nginx -t` fails with `unknown directive` "
            "unless " + where + ". Lines " + lines +
            (count > kLinesShown ? ", ..." : "") +
            ". ngxfix checks where they stand and their arguments, not what "
            "they do." +
            (open_source.empty() ? "" : " Open-source nginx has " + open_source + "."),
        {}, {"", "assumed this nginx " + std::string(product == "plus" ? "is " : "has ") +
                     needed});
  }
}

}  // namespace ngxfix::rules
