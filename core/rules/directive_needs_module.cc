// directive-needs-module: directives that open-source nginx lacks but NGINX
// Plus or a separately built module (njs, lua-nginx-module, headers-more,
// ...) has.  ngxfix cannot see which build runs the configuration, so it
// assumes the one the directives need and says so, once per product, at
// info.  See docs/rules/directive-needs-module.md.

#include <algorithm>
#include <map>

#include "core/rule.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

// Names listed in a message before "and N more".
constexpr size_t kNamesShown = 4;

struct Product {
  uint32_t first = kNone;      // where it is reported
  std::vector<std::string_view> names;
  std::vector<uint32_t> lines;
  std::string open_source;     // "sticky from 1.29.6, ..." for kNginxPlusBefore
};

// What the directive needs when open-source nginx `version` lacks it:
// "NGINX Plus", a module's project, or "" when it is not a product's (an
// unknown or too new directive, unknown-directive's).
std::string_view NeededProduct(std::span<const DirectiveSpec> specs,
                               const NginxVersion& version,
                               NginxVersion* open_source_since) {
  std::string_view product;
  for (const DirectiveSpec& spec : specs) {
    if (spec.InOpenSource(version)) return "";
    if (!spec.ExistsIn(version)) continue;
    switch (spec.origin) {
      case Origin::kNginx:
        break;
      case Origin::kNginxPlusBefore:
        *open_source_since = spec.since;
        [[fallthrough]];
      case Origin::kPlus:
        product = "NGINX Plus";
        break;
      case Origin::kModule:
        if (product.empty()) product = spec.project;
        break;
    }
  }
  return product;
}

std::string NameList(const std::vector<std::string_view>& names) {
  std::string list;
  for (size_t i = 0; i < names.size() && i < kNamesShown; ++i) {
    list += (i == 0 ? "" : ", ") + std::string(names[i]);
  }
  if (names.size() > kNamesShown) {
    list += " and " + std::to_string(names.size() - kNamesShown) + " more";
  }
  return list;
}

}  // namespace

void CheckDirectiveNeedsModule(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::map<std::string_view, Product> products;
  std::vector<std::string_view> order;
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective) continue;
    if (node.parent != kNone && analysis.Specs(node.parent).empty()) continue;
    NginxVersion since;
    std::string_view needed = NeededProduct(analysis.Specs(n), context.version(), &since);
    if (needed.empty()) continue;
    auto [it, added] = products.try_emplace(needed);
    Product& product = it->second;
    if (added) {
      product.first = n;
      order.push_back(needed);
    }
    std::string_view name = analysis.Name(n);
    if (std::find(product.names.begin(), product.names.end(), name) ==
        product.names.end()) {
      product.names.push_back(name);
      if (since != NginxVersion{}) {
        product.open_source += (product.open_source.empty() ? "" : ", ") +
                               std::string(name) + " from " + since.ToString();
      }
    }
    product.lines.push_back(LineOf(tree, n));
  }
  for (std::string_view needed : order) {
    const Product& product = products[needed];
    bool plus = needed == "NGINX Plus";
    std::string lines;
    for (size_t i = 0; i < product.lines.size() && i < 8; ++i) {
      lines += (i == 0 ? "" : ", ") + std::to_string(product.lines[i]);
    }
    if (product.lines.size() > 8) lines += ", ...";
    std::string explanation =
        "Open-source nginx " + context.version().ToString() +
        " has no such directive: `nginx -t` fails with `unknown directive` "
        "unless " +
        (plus ? std::string("it runs on NGINX Plus")
              : "nginx is built with " + std::string(needed) +
                    " (or loads it with load_module)") +
        ". Lines " + lines + ". ngxfix checks where they stand and their "
        "arguments, not what they do.";
    if (!product.open_source.empty()) {
      explanation += " Open-source nginx has " + product.open_source + ".";
    }
    context.Report(
        product.first,
        NameList(product.names) + (product.names.size() == 1 ? " needs " : " need ") +
            std::string(needed),
        explanation, {},
        {.backend = "", .text = "assumed this nginx " +
                                (plus ? std::string("is NGINX Plus")
                                      : "has " + std::string(needed))});
  }
}

}  // namespace ngxfix::rules
