#include "core/rules/rule_helpers.h"

#include <strings.h>

#include <algorithm>

#include "core/inheritance.h"
#include "core/tsv.h"

namespace ngxfix {
extern const std::string_view kUpstreamTwinsTsv;
}  // namespace ngxfix

namespace ngxfix::rules {

uint32_t SettingsAnchor(const Analysis& analysis, uint32_t pass_node) {
  uint32_t parent = analysis.tree().nodes()[pass_node].parent;
  if (parent != kNone && (analysis.BlockContext(parent) &
                          (kContextIfInLocation | kContextLimitExcept))) {
    return parent;
  }
  return pass_node;
}

uint32_t SettingsBlock(const Analysis& analysis, uint32_t pass_node) {
  return BlockOf(analysis.tree(), SettingsAnchor(analysis, pass_node));
}

Edit InsertSettings(const RuleContext& context, const FixBuilder& builder,
                    uint32_t pass_node,
                    const std::vector<std::string>& statements) {
  uint32_t anchor = SettingsAnchor(context.analysis(), pass_node);
  const Node& node = context.tree().nodes()[anchor];
  return anchor == pass_node ? builder.InsertAfter(node, statements)
                             : builder.InsertBefore(node, statements);
}

void SetDirective(const RuleContext& context, const FixBuilder& builder,
                  uint32_t pass_node, std::string_view name,
                  const std::vector<std::string>& values,
                  std::vector<Edit>* edits,
                  std::vector<std::string>* statements) {
  const SyntaxTree& tree = context.tree();
  std::string statement(name);
  for (const std::string& value : values) {
    statement += " " + QuoteWord(value, builder.style().quote);
  }
  statement += ";";
  uint32_t block = BlockOf(tree, SettingsAnchor(context.analysis(), pass_node));
  std::vector<uint32_t> own = context.analysis().Find(block, name);
  if (own.empty()) {
    statements->push_back(statement);
    return;
  }
  for (uint32_t n : own) {
    // One value for one: only that word changes, comments around it stay.
    if (values.size() == 1 && tree.word_count(tree.nodes()[n]) == 2) {
      edits->push_back(builder.ReplaceToken(
          tree.word(tree.nodes()[n], 1),
          QuoteWord(values[0], builder.style().quote)));
    } else {
      edits->push_back(builder.Replace(tree.nodes()[n], statement));
    }
  }
}

void SetScalar(const RuleContext& context, const FixBuilder& builder,
               uint32_t pass_node, std::string_view name,
               std::string_view value, std::vector<Edit>* edits,
               std::vector<std::string>* statements) {
  SetDirective(context, builder, pass_node, name, {std::string(value)}, edits,
               statements);
}

std::string StatementText(const SyntaxTree& tree, uint32_t node) {
  const Node& n = tree.nodes()[node];
  uint32_t begin = tree.begin_offset(n);
  uint32_t end = tree.end_offset(n);
  for (const Diagnostic& d : tree.diagnostics()) {
    if (d.severity == Severity::kError && d.offset >= begin && d.offset < end) {
      return "";
    }
  }
  return std::string(tree.text().substr(begin, end - begin));
}

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
      std::string text = replaced ? "" : StatementText(tree, h);
      if (!text.empty()) statements.push_back(std::move(text));
    }
  }
  for (const auto& [name, value] : added) {
    statements.push_back(builder.Statement({directive, name, value}));
  }
  return statements;
}

Edit ReplacePass(const FixBuilder& builder, const SyntaxTree& tree,
                 const Pass& pass, std::string_view directive,
                 std::string_view scheme) {
  std::string url = std::string(scheme) + "://" + pass.host;
  if (pass.port) url += ":" + std::to_string(*pass.port);
  return builder.Replace(tree.nodes()[pass.node],
                         builder.Statement({directive, url}));
}

namespace {

struct Twin {
  std::string_view proxy;
  std::string_view grpc;
  std::vector<std::string_view> proxy_only;  // values grpc_* rejects
};

std::vector<Twin> LoadTwins() {
  std::vector<Twin> twins;
  for (const TsvRow& row : ReadTsv(kUpstreamTwinsTsv)) {
    Twin twin{row.at(0), row.at(1), {}};
    for (std::string_view values = row.at(2); !values.empty() && values != "-";) {
      size_t space = values.find(' ');
      twin.proxy_only.push_back(values.substr(0, space));
      values = space == std::string_view::npos ? "" : values.substr(space + 1);
    }
    twins.push_back(std::move(twin));
  }
  return twins;
}

const std::vector<Twin>& Twins() {
  static const std::vector<Twin> twins = LoadTwins();
  return twins;
}

// Whether `node` stands inside the block of `level` (kNone: everywhere).
bool Inside(const SyntaxTree& tree, uint32_t node, uint32_t level) {
  if (level == kNone) return true;
  for (uint32_t n = tree.nodes()[node].parent; n != kNone;
       n = tree.nodes()[n].parent) {
    if (n == level) return true;
  }
  return false;
}

// Whether `from` written at `level` can become `to` there without another
// pass seeing a difference.
bool SafeToRename(const Analysis& analysis, const Pass& pass, uint32_t level,
                  std::string_view from, std::string_view to,
                  std::string_view from_pass, std::string_view to_pass,
                  bool (*moves)(const Pass&)) {
  const SyntaxTree& tree = analysis.tree();
  if (!analysis.Find(level, to).empty()) return false;
  for (const Pass& other : analysis.passes()) {
    if (other.node == pass.node || !Inside(tree, other.node, level)) continue;
    uint32_t block = SettingsBlock(analysis, other.node);
    if (other.directive == from_pass && !moves(other)) {
      Effective old = EffectiveDirective(analysis, block, from);
      if (!old.nodes.empty() && old.level == level) return false;
    } else if (other.directive == to_pass) {
      Effective now = EffectiveDirective(analysis, block, to);
      if (now.nodes.empty() || now.level == level || now.level == kNone ||
          !Inside(tree, now.level, level)) {
        return false;
      }
    }
  }
  return true;
}

// The statement `node` with its name replaced by `to` and the values in
// `dropped` left out.
std::string Translated(const SyntaxTree& tree, const FixBuilder& builder,
                       uint32_t node, std::string_view to,
                       const std::vector<std::string_view>& dropped) {
  std::string statement(to);
  std::vector<std::string> words = Values(tree, node);
  for (size_t w = 1; w < words.size(); ++w) {
    if (std::find(dropped.begin(), dropped.end(), words[w]) != dropped.end()) {
      continue;
    }
    statement += " " + QuoteWord(words[w], builder.style().quote);
  }
  return statement + ";";
}

// Whether `name` belongs to the http proxy or gRPC module: in directives.tsv
// every http directive of nginx's own named proxy_* or grpc_* does (not
// lua-nginx-module's proxy_ssl_*_by_lua*; directives_test holds the table
// to it).
bool ProxyModuleDirective(std::string_view name) {
  if (!name.starts_with("proxy_") && !name.starts_with("grpc_")) return false;
  for (const DirectiveSpec& spec : LookUpDirective(name)) {
    if ((spec.contexts & (kContextHttp | kContextServer | kContextLocation)) &&
        spec.origin != Origin::kModule) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Edit> TwinEdits(const RuleContext& context,
                            const FixBuilder& builder, const Pass& pass,
                            bool to_grpc, bool (*moves)(const Pass&),
                            std::vector<std::string>* untranslated) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::string_view from_pass = to_grpc ? "proxy_pass" : "grpc_pass";
  std::string_view to_pass = to_grpc ? "grpc_pass" : "proxy_pass";
  uint32_t block = SettingsBlock(analysis, pass.node);
  std::vector<Edit> edits;
  std::vector<std::string> copies;
  std::vector<std::string_view> twin_names;
  for (const Twin& twin : Twins()) {
    std::string_view from = to_grpc ? twin.proxy : twin.grpc;
    std::string_view to = to_grpc ? twin.grpc : twin.proxy;
    twin_names.push_back(from);
    std::vector<std::string_view> dropped;
    if (to_grpc) dropped = twin.proxy_only;
    Effective old = EffectiveDirective(analysis, block, from);
    if (old.nodes.empty()) continue;
    if (SafeToRename(analysis, pass, old.level, from, to, from_pass, to_pass,
                     moves)) {
      for (uint32_t n : old.nodes) {
        std::vector<uint32_t> words = tree.words(tree.nodes()[n]);
        edits.push_back(builder.ReplaceToken(words[0], std::string(to)));
        for (size_t w = 1; w < words.size(); ++w) {
          std::string value = tree.value(tree.tokens()[words[w]]);
          if (std::find(dropped.begin(), dropped.end(), value) != dropped.end()) {
            edits.push_back(RemoveWord(tree, words[w]));
          }
        }
      }
      continue;
    }
    // A scalar the block sets itself already wins there.
    if (!MergesAsArray(to) && !analysis.Find(block, to).empty()) continue;
    for (uint32_t n : old.nodes) {
      copies.push_back(Translated(tree, builder, n, to, dropped));
    }
  }
  if (!copies.empty()) {
    edits.push_back(InsertSettings(context, builder, pass.node, copies));
  }
  // What stays behind: directives of the old proxy in effect with no twin.
  std::string_view prefix = to_grpc ? "proxy_" : "grpc_";
  for (uint32_t level = block;; level = tree.nodes()[level].parent) {
    for (uint32_t c : analysis.Children(level, tree.nodes()[pass.node].file)) {
      const Node& child = tree.nodes()[c];
      if (child.kind != NodeKind::kDirective) continue;
      std::string_view name = analysis.Name(c);
      if (!name.starts_with(prefix) || name == from_pass ||
          std::find(twin_names.begin(), twin_names.end(), name) !=
              twin_names.end() ||
          std::find(untranslated->begin(), untranslated->end(), name) !=
              untranslated->end() ||
          !ProxyModuleDirective(name) ||
          EffectiveDirective(analysis, block, name).level != level) {
        continue;
      }
      untranslated->emplace_back(name);
    }
    if (level == kNone) break;
  }
  return edits;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) joined += i + 1 == names.size() ? " and " : ", ";
    joined += names[i];
  }
  return joined;
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
  const SyntaxTree& tree = context.tree();
  uint32_t value = tree.word(tree.nodes()[effective.nodes[0]], 1);
  return value == kNone ? "" : tree.value(tree.tokens()[value]);
}

bool KeepsAlive(const RuleContext& context, const Pass& pass) {
  // ngx_http_upstream_keepalive_init_main_conf() skips implicit upstreams
  // (a proxy_pass to host:port), and `keepalive 0;` turns the default off.
  if (pass.upstream == kNone) return false;
  NodeList keepalive = context.analysis().Find(pass.upstream, "keepalive");
  if (context.version() < NginxVersion{1, 29, 7}) return !keepalive.empty();
  return keepalive.empty() ||
         Values(context.tree(), keepalive.back()) != std::vector<std::string>{"keepalive", "0"};
}

uint32_t OuterLevel(const Analysis& analysis, uint32_t block) {
  if (block == kNone) return kNone;
  uint32_t outer = analysis.tree().nodes()[block].parent;
  while (outer != kNone && !(analysis.BlockContext(outer) &
                             (kContextHttp | kContextServer | kContextLocation |
                              kContextIfInLocation))) {
    outer = analysis.tree().nodes()[outer].parent;
  }
  return outer;
}

bool DropsInheritedHeader(const Analysis& analysis, uint32_t block,
                          std::string_view header) {
  const SyntaxTree& tree = analysis.tree();
  // At the top of a snippet nothing is inherited from above.
  if (block == kNone || analysis.Find(block, "proxy_set_header").empty()) return false;
  Effective above =
      EffectiveDirective(analysis, OuterLevel(analysis, block), "proxy_set_header");
  return HeaderNode(tree, above.nodes, header) != kNone;
}

std::vector<Edit> KeepaliveEdits(const RuleContext& context,
                                 const FixBuilder& builder, const Pass& pass) {
  const SyntaxTree& tree = context.tree();
  uint32_t anchor = SettingsAnchor(context.analysis(), pass.node);
  uint32_t block = BlockOf(tree, anchor);
  std::vector<Edit> edits;
  std::vector<std::string> statements;
  if (EffectiveValue(context, block, "proxy_http_version") != "1.1") {
    SetScalar(context, builder, pass.node, "proxy_http_version", "1.1", &edits,
              &statements);
  }
  Effective headers =
      EffectiveDirective(context.analysis(), block, "proxy_set_header");
  // A Connection header the block drops from above is copied back by
  // proxy-set-header-inheritance: adding one here too would double it.
  if (!HeaderValue(tree, headers.nodes, "Connection") &&
      !DropsInheritedHeader(context.analysis(), block, "Connection")) {
    std::vector<std::string> more = HeaderStatements(
        context, builder, anchor, "proxy_set_header", {{"Connection", ""}});
    statements.insert(statements.end(), more.begin(), more.end());
  }
  if (!statements.empty()) {
    edits.push_back(InsertSettings(context, builder, pass.node, statements));
  }
  return edits;
}

std::vector<uint32_t> Servers(const Analysis& analysis) {
  std::vector<uint32_t> servers;
  for (uint32_t n = 0; n < analysis.tree().nodes().size(); ++n) {
    if (analysis.BlockContext(n) == kContextServer) servers.push_back(n);
  }
  return servers;
}

bool ListenHas(const SyntaxTree& tree, uint32_t listen, std::string_view word) {
  std::vector<std::string> words = Values(tree, listen);
  return std::find(words.begin() + std::min<size_t>(2, words.size()),
                   words.end(), word) != words.end();
}

Edit RemoveWord(const SyntaxTree& tree, uint32_t token) {
  const Token& t = tree.tokens()[token];
  uint32_t begin = t.offset;
  while (begin > 0 && (tree.text()[begin - 1] == ' ' ||
                       tree.text()[begin - 1] == '\t')) {
    --begin;
  }
  return Edit{begin, t.offset + t.length, ""};
}

Edit AppendWord(const SyntaxTree& tree, uint32_t node, std::string_view word) {
  const Token& last = tree.tokens()[tree.words(tree.nodes()[node]).back()];
  uint32_t end = last.offset + last.length;
  return Edit{end, end, " " + std::string(word)};
}

namespace {

// nginx's reading of a listen address (ngx_parse_url with a default port of
// 80), as a key that is equal for equal sockets: "80", "*:80" and
// "0.0.0.0:80" are one.  Names are kept as written: nginx resolves them.
std::string ListenKey(std::string_view address) {
  if (address.rfind("unix:", 0) == 0) return std::string(address);
  std::string host;
  std::string port = "80";
  if (!address.empty() && address[0] == '[') {
    size_t close = address.find(']');
    host = std::string(address.substr(0, close == std::string_view::npos
                                             ? address.size()
                                             : close + 1));
    if (close != std::string_view::npos && close + 1 < address.size() &&
        address[close + 1] == ':') {
      port = std::string(address.substr(close + 2));
    }
  } else if (!address.empty() &&
             address.find_first_not_of("0123456789") == std::string_view::npos) {
    host = "*";
    port = std::string(address);
  } else {
    size_t colon = address.rfind(':');
    host = std::string(address.substr(0, colon));
    if (colon != std::string_view::npos) {
      port = std::string(address.substr(colon + 1));
    }
  }
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (host == "0.0.0.0") host = "*";
  port.erase(0, std::min(port.find_first_not_of('0'), port.size() - 1));
  return host + ":" + port;
}

}  // namespace

Listeners::Listeners(const Analysis& analysis) {
  const SyntaxTree& tree = analysis.tree();
  std::unordered_map<std::string, size_t> index;
  auto group_for = [&](uint32_t server, std::string key) -> AddressGroup& {
    auto [it, added] = index.try_emplace(std::move(key), groups_.size());
    if (added) groups_.emplace_back().address = it->first;
    std::vector<size_t>& of = by_server_[server];
    if (std::find(of.begin(), of.end(), it->second) == of.end()) {
      of.push_back(it->second);
      groups_[it->second].servers.push_back(server);
    }
    return groups_[it->second];
  };
  for (uint32_t server : Servers(analysis)) {
    std::vector<uint32_t> listens = analysis.Find(server, "listen");
    if (listens.empty()) {
      AddressGroup& group = group_for(server, "*:80");
      if (group.default_server == kNone) group.default_server = server;
      continue;
    }
    for (uint32_t listen : listens) {
      std::vector<std::string> words = Values(tree, listen);
      if (words.size() < 2) continue;
      AddressGroup& group = group_for(server, ListenKey(words[1]));
      group.listens.push_back(listen);
      bool is_default = false;
      for (size_t w = 2; w < words.size(); ++w) {
        group.ssl |= words[w] == "ssl";
        group.http2 |= words[w] == "http2";
        is_default |= words[w] == "default_server" || words[w] == "default";
      }
      // The first server is the default until one says default_server.
      if (group.default_server == kNone || is_default) {
        group.default_server = server;
      }
    }
  }
}

const std::vector<size_t>& Listeners::Of(uint32_t server) const {
  static const std::vector<size_t> none;
  auto it = by_server_.find(server);
  return it == by_server_.end() ? none : it->second;
}

bool Http2On(const RuleContext& context, uint32_t server) {
  return context.version() >= NginxVersion{1, 25, 1} &&
         strcasecmp(EffectiveValue(context, server, "http2").c_str(), "on") == 0;
}

bool AcceptsHttp2(const RuleContext& context, const AddressGroup& group,
                  uint32_t server) {
  return group.http2 ||
         Http2On(context, group.ssl ? server : group.default_server);
}

bool ServerHasHttp2(const RuleContext& context, const Listeners& groups,
                    uint32_t server) {
  for (size_t g : groups.Of(server)) {
    if (AcceptsHttp2(context, groups[g], server)) return true;
  }
  return false;
}

namespace {

// Whether a root or alias directive stands anywhere inside `node`'s block.
bool ServesFiles(const Analysis& analysis, uint32_t node) {
  const SyntaxTree& tree = analysis.tree();
  for (uint32_t child : analysis.Children(node, tree.nodes()[node].file)) {
    const Node& n = tree.nodes()[child];
    if (n.kind != NodeKind::kDirective) continue;
    std::string_view name = analysis.Name(child);
    if (name == "root" || name == "alias") return true;
    if ((n.flags & kNodeBlock) && ServesFiles(analysis, child)) return true;
  }
  return false;
}

}  // namespace

bool GrpcOnly(const Analysis& analysis, uint32_t server) {
  bool grpc = false;
  for (const Pass& pass : analysis.passes()) {
    if (analysis.Enclosing(pass.node, kContextServer) != server) continue;
    if (pass.directive != "grpc_pass" ||
        (pass.protocol && SpeaksHttp1(pass.protocol->protocol))) {
      return false;
    }
    grpc = true;
  }
  return grpc && !ServesFiles(analysis, server);
}

bool GrpcOnlyAddress(const Analysis& analysis, const AddressGroup& group) {
  return std::all_of(group.servers.begin(), group.servers.end(),
                     [&](uint32_t s) { return GrpcOnly(analysis, s); });
}

std::vector<Edit> Http2OnEdits(const RuleContext& context, uint32_t server) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  FixBuilder builder = context.Builder(server);
  std::vector<uint32_t> own = analysis.Find(server, "http2");
  if (!own.empty()) {
    std::vector<Edit> edits;
    for (uint32_t n : own) {
      edits.push_back(builder.Replace(tree.nodes()[n],
                                      builder.Statement({"http2", "on"})));
    }
    return edits;
  }
  std::vector<uint32_t> listens = analysis.Find(server, "listen");
  if (!listens.empty()) {
    return {builder.InsertAfter(tree.nodes()[listens.back()],
                                {builder.Statement({"http2", "on"})})};
  }
  std::vector<uint32_t> children =
      analysis.Children(server, tree.nodes()[server].file);
  if (children.empty()) return {};
  return {builder.InsertBefore(tree.nodes()[children.front()],
                               {builder.Statement({"http2", "on"})})};
}

uint32_t LineOf(const SyntaxTree& tree, uint32_t node) {
  return tree.position(tree.begin_offset(tree.nodes()[node])).line;
}

namespace {

// Whether a map defines $connection_upgrade anywhere in the input.
bool HasConnectionUpgradeMap(const Analysis& analysis) {
  const SyntaxTree& tree = analysis.tree();
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind != NodeKind::kDirective || analysis.Name(n) != "map") continue;
    std::vector<std::string> words = Values(tree, n);
    if (words.size() == 3 && words[2] == "$connection_upgrade") return true;
  }
  return false;
}

}  // namespace

std::vector<Edit> WebSocketEdits(const RuleContext& context,
                                 const FixBuilder& builder, const Pass& pass) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  uint32_t anchor = SettingsAnchor(analysis, pass.node);
  uint32_t block = BlockOf(tree, anchor);
  std::vector<Edit> edits;
  std::vector<std::string> statements;
  if (context.version() < NginxVersion{1, 29, 7} &&
      EffectiveValue(context, block, "proxy_http_version") != "1.1") {
    SetScalar(context, builder, pass.node, "proxy_http_version", "1.1", &edits,
              &statements);
  }
  // The map goes at http level, before the server that holds this block.
  uint32_t server = analysis.Enclosing(pass.node, kContextServer);
  bool map_in_sight = HasConnectionUpgradeMap(analysis);
  if (!map_in_sight && server != kNone &&
      (analysis.context(server) & kContextHttp)) {
    // Without an upgrade, no Connection header at all where connections
    // are kept alive; "close" (nginx's documented map) elsewhere.
    const std::string& unit = builder.style().indent_unit;
    std::string plain = KeepsAlive(context, pass) ? "\"\"" : "close";
    edits.push_back(builder.InsertBefore(
        tree.nodes()[server],
        {"map $http_upgrade $connection_upgrade {", unit + "default upgrade;",
         unit + "''      " + plain + ";", "}"}));
    map_in_sight = true;
  }
  std::vector<std::pair<std::string, std::string>> headers;
  Effective set = EffectiveDirective(analysis, block, "proxy_set_header");
  if (!HeaderValue(tree, set.nodes, "Upgrade")) {
    headers.push_back({"Upgrade", "$http_upgrade"});
  }
  std::string connection = map_in_sight ? "$connection_upgrade" : "upgrade";
  std::optional<std::string> current = HeaderValue(tree, set.nodes, "Connection");
  if (current != connection) {
    if (current && set.level == block) {
      edits.push_back(builder.Remove(
          tree.nodes()[HeaderNode(tree, set.nodes, "Connection")]));
    }
    headers.push_back({"Connection", connection});
  }
  if (!headers.empty()) {
    std::vector<std::string> more =
        HeaderStatements(context, builder, anchor, "proxy_set_header", headers);
    statements.insert(statements.end(), more.begin(), more.end());
  }
  if (!statements.empty()) {
    edits.push_back(InsertSettings(context, builder, pass.node, statements));
  }
  return edits;
}

}  // namespace ngxfix::rules
