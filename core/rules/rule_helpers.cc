#include "core/rules/rule_helpers.h"

#include <strings.h>

#include "core/inheritance.h"

namespace ngxfix::rules {

std::vector<std::string> Values(const SyntaxTree& tree, uint32_t node) {
  std::vector<std::string> values;
  for (uint32_t t : tree.words(tree.nodes()[node])) {
    values.push_back(tree.value(tree.tokens()[t]));
  }
  return values;
}

namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::vector<std::string> HeaderStatements(
    const RuleContext& context, const FixBuilder& builder, uint32_t anchor,
    std::string_view directive,
    const std::vector<std::pair<std::string, std::string>>& added) {
  const SyntaxTree& tree = context.tree();
  uint32_t block = BlockOf(tree, anchor);
  Effective effective =
      EffectiveDirective(context.analysis(), block, directive);
  std::vector<std::string> statements;
  if (effective.level != block) {
    // Copy what this level inherits, unless a new header replaces it.
    for (uint32_t h : effective.nodes) {
      std::vector<std::string> words = Values(tree, h);
      bool replaced = false;
      for (const auto& [name, value] : added) {
        replaced |= words.size() >= 2 && SameName(words[1], name);
      }
      if (!replaced) {
        const Node& n = tree.nodes()[h];
        statements.emplace_back(tree.text().substr(
            tree.begin_offset(n), tree.end_offset(n) - tree.begin_offset(n)));
      }
    }
  }
  for (const auto& [name, value] : added) {
    statements.push_back(builder.Statement({directive, name, value}));
  }
  return statements;
}

std::vector<Edit> SetHeader(const RuleContext& context,
                            const FixBuilder& builder, uint32_t anchor,
                            std::string_view directive, std::string header,
                            std::string value) {
  const SyntaxTree& tree = context.tree();
  uint32_t block = BlockOf(tree, anchor);
  for (uint32_t h : context.analysis().Find(block, directive)) {
    std::vector<uint32_t> words = tree.words(tree.nodes()[h]);
    if (words.size() >= 3 &&
        SameName(tree.value(tree.tokens()[words[1]]), header)) {
      if (tree.value(tree.tokens()[words[2]]) == value) return {};
      return {builder.ReplaceToken(words[2],
                                   QuoteWord(value, builder.style().quote))};
    }
  }
  return {builder.InsertAfter(
      tree.nodes()[anchor],
      HeaderStatements(context, builder, anchor, directive,
                       {{std::move(header), std::move(value)}}))};
}

std::string WithScheme(const Pass& pass, std::string_view scheme) {
  std::string_view url = pass.url;
  size_t end = url.find("://");
  std::string_view rest = end == std::string_view::npos ? url : url.substr(end + 3);
  return std::string(scheme) + "://" + std::string(rest);
}

std::string EffectiveValue(const RuleContext& context, uint32_t block,
                           std::string_view name) {
  Effective effective = EffectiveDirective(context.analysis(), block, name);
  if (effective.nodes.empty()) return DefaultValue(name, context.version());
  std::vector<std::string> words = Values(context.tree(), effective.nodes[0]);
  return words.size() >= 2 ? words[1] : "";
}

bool KeepsAlive(const RuleContext& context, const Pass& pass) {
  if (context.version() >= NginxVersion{1, 29, 7}) return true;
  return pass.upstream != kNone &&
         !context.analysis().Find(pass.upstream, "keepalive").empty();
}

std::vector<Edit> KeepaliveEdits(const RuleContext& context,
                                 const FixBuilder& builder, const Pass& pass) {
  const SyntaxTree& tree = context.tree();
  uint32_t block = BlockOf(tree, pass.node);
  std::vector<Edit> edits;
  std::vector<std::string> statements;
  if (EffectiveValue(context, block, "proxy_http_version") != "1.1") {
    std::vector<uint32_t> own = context.analysis().Find(block, "proxy_http_version");
    if (!own.empty() && tree.words(tree.nodes()[own.back()]).size() == 2) {
      edits.push_back(
          builder.ReplaceToken(tree.words(tree.nodes()[own.back()])[1], "1.1"));
    } else {
      statements.push_back(builder.Statement({"proxy_http_version", "1.1"}));
    }
  }
  Effective headers =
      EffectiveDirective(context.analysis(), block, "proxy_set_header");
  if (!HeaderValue(tree, headers.nodes, "Connection")) {
    std::vector<std::string> more = HeaderStatements(
        context, builder, pass.node, "proxy_set_header", {{"Connection", ""}});
    statements.insert(statements.end(), more.begin(), more.end());
  }
  if (!statements.empty()) {
    edits.push_back(builder.InsertAfter(tree.nodes()[pass.node], statements));
  }
  return edits;
}

std::string Assumption(const Pass& pass) {
  return pass.protocol && pass.protocol->source == BackendSource::kInferred
             ? pass.protocol->assumption
             : "";
}

}  // namespace ngxfix::rules
