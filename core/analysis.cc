#include "core/analysis.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <span>

#include "core/version_floor.h"

namespace ngxfix {
namespace {

constexpr std::string_view kPassDirectives[] = {
    "proxy_pass", "grpc_pass",  "fastcgi_pass",
    "uwsgi_pass", "scgi_pass",  "memcached_pass",
};

constexpr std::string_view kAnnotation = "ngxfix:";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(uint8_t(ch)));
  return out;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
    return ch >= '0' && ch <= '9';
  });
}

// The port of digits `s` as nginx reads it in a URL (ngx_parse_inet_url):
// 1 to 65535; none for what it rejects as "invalid port".
std::optional<int> ParsePort(std::string_view s) {
  int port = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), port);
  if (error != std::errc() || port < 1 || port > 65535) return std::nullopt;
  return port;
}

// Directives that nginx accepts only at the top of nginx.conf: seeing one
// at the top of the input means it is a whole configuration, not a snippet.
bool MainOnly(std::span<const DirectiveSpec> specs) {
  return !specs.empty() &&
         std::all_of(specs.begin(), specs.end(), [](const DirectiveSpec& s) {
           return (s.contexts & ~(kContextMain | kContextAny)) == 0 &&
                  (s.contexts & kContextMain) != 0;
         });
}

int DefaultPort(std::string_view scheme) {
  return scheme == "https" || scheme == "grpcs" || scheme == "wss" ? 443 : 80;
}

}  // namespace

std::optional<Protocol> ParseProtocol(std::string_view name) {
  static constexpr std::pair<std::string_view, Protocol> kNames[] = {
      {"http1", Protocol::kHttp1}, {"https", Protocol::kHttps},
      {"h2c", Protocol::kH2c},     {"h2", Protocol::kH2},
      {"grpc", Protocol::kGrpc},   {"grpcs", Protocol::kGrpcs},
      {"ws", Protocol::kWs},
  };
  for (const auto& [n, p] : kNames) {
    if (n == name) return p;
  }
  return std::nullopt;
}

std::string_view ProtocolName(Protocol protocol) {
  switch (protocol) {
    case Protocol::kHttp1: return "http1";
    case Protocol::kHttps: return "https";
    case Protocol::kH2c: return "h2c";
    case Protocol::kH2: return "h2";
    case Protocol::kGrpc: return "grpc";
    case Protocol::kGrpcs: return "grpcs";
    case Protocol::kWs: return "ws";
  }
  return "";
}

Analysis::Analysis(const SyntaxTree& tree, AnalysisOptions options)
    : tree_(tree), options_(std::move(options)) {
  statements_.resize(tree_.nodes().size() + 1);
  indexed_nodes_.reserve(tree_.nodes().size());
  indexed_name_ids_.reserve(tree_.nodes().size());
  ComputeNames();
  ComputeContexts();
  FindNginxPlus();
  ChooseVersion();
  CollectPasses();
}

bool Analysis::HasProduct(std::string_view product) const {
  if (product.empty() || !options_.modules) return true;
  return std::find(options_.modules->begin(), options_.modules->end(), product) !=
         options_.modules->end();
}

void Analysis::FindNginxPlus() {
  if (options_.modules) {
    uses_nginx_plus_ = HasProduct("plus");
    return;
  }
  std::vector<bool> seen(specs_.size());  // by name id
  for (uint32_t n = 0; n < tree_.nodes().size() && !uses_nginx_plus_; ++n) {
    if (tree_.nodes()[n].kind != NodeKind::kDirective || seen[name_id_[n]]) {
      continue;
    }
    seen[name_id_[n]] = true;
    std::span<const DirectiveSpec> specs = Specs(n);
    uses_nginx_plus_ =
        !specs.empty() &&
        std::all_of(specs.begin(), specs.end(), [](const DirectiveSpec& s) {
          return s.origin == Origin::kPlus;
        });
  }
}

void Analysis::ChooseVersion() {
  if (options_.nginx_version) {
    version_ = *options_.nginx_version;
    return;
  }
  VersionFloor floor = LowestVersionNeeded(*this);
  if (floor.version <= kDefaultNginxVersion) {
    version_ = kDefaultNginxVersion;
    version_assumption_ = "assumed nginx " + version_.ToString() +
                          ", the default, since no version was given";
    return;
  }
  version_ = floor.version;
  Position at = tree_.position(tree_.begin_offset(tree_.nodes()[floor.node]));
  version_assumption_ = "assumed nginx " + version_.ToString() + ", since " +
                        floor.what + " on line " + std::to_string(at.line) +
                        " needs it and no version was given";
}

bool Analysis::Logged(const Pass& pass, std::string_view cause) const {
  auto causes = options_.logged_causes.find(pass.backend);
  return causes != options_.logged_causes.end() &&
         std::find(causes->second.begin(), causes->second.end(), cause) !=
             causes->second.end();
}

const FileStyle& Analysis::Style(uint16_t file) const {
  if (styles_.size() < tree_.files().size()) styles_.resize(tree_.files().size());
  if (!styles_[file]) styles_[file] = DetectStyle(tree_, file);
  return *styles_[file];
}

std::vector<uint32_t> Analysis::Children(uint32_t node, uint16_t file) const {
  std::vector<uint32_t> children;
  uint32_t first = node == kNone ? tree_.files()[file].first_node
                                 : tree_.nodes()[node].first_child;
  for (uint32_t c = first; c != kNone; c = tree_.nodes()[c].next_sibling) {
    children.push_back(c);
  }
  return children;
}

std::string_view Analysis::Name(uint32_t node) const {
  return names_[node];
}

std::span<const DirectiveSpec> Analysis::Specs(uint32_t node) const {
  return specs_[name_id_[node]];
}

uint32_t Analysis::NameId(std::string_view name) const {
  auto id = name_ids_.find(name);
  return id == name_ids_.end() ? kNone : id->second;
}

NodeList Analysis::Find(uint32_t node, std::string_view name) const {
  uint32_t id = NameId(name);
  return id == kNone ? NodeList() : FindId(node, id);
}

NodeList Analysis::FindId(uint32_t node, uint32_t name_id) const {
  BlockStatements& block = statements_[node == kNone ? 0 : node + 1];
  if (block.begin == kNone) {
    block.begin = static_cast<uint32_t>(indexed_nodes_.size());
    uint32_t first = node == kNone ? tree_.files()[0].first_node
                                   : tree_.nodes()[node].first_child;
    for (uint32_t c = first; c != kNone; c = tree_.nodes()[c].next_sibling) {
      const Node& n = tree_.nodes()[c];
      if (n.kind == NodeKind::kDirective &&
          !(n.flags & (kNodeBlock | kNodeUnterminated))) {
        indexed_nodes_.push_back(c);
      }
    }
    block.end = static_cast<uint32_t>(indexed_nodes_.size());
    // By name, then in order of the text (node indexes grow with it).
    std::sort(indexed_nodes_.begin() + block.begin, indexed_nodes_.end(),
              [this](uint32_t a, uint32_t b) {
                return name_id_[a] != name_id_[b] ? name_id_[a] < name_id_[b]
                                                  : a < b;
              });
    for (uint32_t i = block.begin; i < block.end; ++i) {
      indexed_name_ids_.push_back(name_id_[indexed_nodes_[i]]);
    }
  }
  auto ids_begin = indexed_name_ids_.begin() + block.begin;
  auto [first, last] = std::equal_range(
      ids_begin, indexed_name_ids_.begin() + block.end, name_id);
  return NodeList(indexed_nodes_.data() + (first - indexed_name_ids_.begin()),
                  static_cast<size_t>(last - first));
}

uint32_t Analysis::Enclosing(uint32_t node, uint32_t contexts) const {
  for (uint32_t n = node; n != kNone; n = tree_.nodes()[n].parent) {
    if (BlockContext(n) & contexts) return n;
  }
  return kNone;
}

uint32_t Analysis::BlockContext(uint32_t node) const {
  return block_contexts_[node];
}

uint32_t Analysis::OpenedContext(uint32_t node) const {
  const Node& n = tree_.nodes()[node];
  if (!(n.flags & kNodeBlock) || (n.flags & (kNodeWordList | kNodeLuaBlock)) ||
      n.kind != NodeKind::kDirective) {
    return 0;
  }
  std::string_view name = names_[node];
  uint32_t where = contexts_[node];
  // At a snippet's top level (several bits) http is the likelier guess.
  bool stream = (where & (kContextStream | kContextStreamServer)) &&
                !(where & kContextHttp);
  bool mail = where == kContextMail;
  if (name == "http") return kContextHttp;
  if (name == "events") return kContextEvents;
  if (name == "stream") return kContextStream;
  if (name == "mail") return kContextMail;
  if (name == "server") {
    return stream ? kContextStreamServer
           : mail ? kContextMailServer
                  : kContextServer;
  }
  if (name == "upstream") {
    return stream ? kContextStreamUpstream : kContextUpstream;
  }
  if (name == "location") return kContextLocation;
  if (name == "limit_except") return kContextLimitExcept;
  if (name == "if") {
    return where == kContextServer ? kContextIfInServer : kContextIfInLocation;
  }
  return 0;
}

uint32_t Analysis::FileContext(uint16_t file) const {
  const File& f = tree_.files()[file];
  if (f.from_dump) {
    if (file == 0) return kContextMain;
    // nginx resolves relative include paths against the directory of the
    // main configuration file, and dumps files in the order it reads them,
    // so the include that pulled this file in is in an earlier file.
    std::string prefix = tree_.files()[0].name;
    prefix.erase(prefix.rfind('/') + 1);
    for (uint32_t n = 0; n < tree_.nodes().size(); ++n) {
      const Node& node = tree_.nodes()[n];
      if (node.file >= file || node.kind != NodeKind::kDirective ||
          names_[n] != "include") {
        continue;
      }
      std::vector<uint32_t> words = tree_.words(node);
      if (words.size() != 2) continue;
      std::string pattern = tree_.value(tree_.tokens()[words[1]]);
      if (pattern.empty()) continue;
      if (pattern[0] != '/') pattern = prefix + pattern;
      if (fnmatch(pattern.c_str(), f.name.c_str(), FNM_PATHNAME) == 0) {
        return contexts_[n];
      }
    }
  }
  for (uint32_t c : Children(kNone, file)) {
    const Node& node = tree_.nodes()[c];
    if (node.kind == NodeKind::kDirective && MainOnly(specs_[name_id_[c]])) {
      return kContextMain;
    }
  }
  return kSnippetContexts;
}

void Analysis::ComputeNames() {
  names_.reserve(tree_.nodes().size());
  name_id_.reserve(tree_.nodes().size());
  for (const Node& node : tree_.nodes()) {
    std::string_view name;
    if (node.kind != NodeKind::kComment) {
      const Token& first = tree_.tokens()[node.first_token];
      name = tree_.text(first);
      if (first.quote != Quote::kNone ||
          name.find('\\') != std::string_view::npos) {
        name = unusual_names_.emplace_back(tree_.value(first));
      }
    }
    names_.push_back(name);
    auto [it, added] = name_ids_.try_emplace(name, name_ids_.size());
    if (added) specs_.push_back(LookUpDirective(name));
    name_id_.push_back(it->second);
  }
}

void Analysis::ComputeContexts() {
  contexts_.assign(tree_.nodes().size(), 0);
  block_contexts_.assign(tree_.nodes().size(), 0);
  uint16_t file = UINT16_MAX;
  uint32_t file_context = 0;
  // Nodes come parents first, and files in order.
  for (uint32_t n = 0; n < tree_.nodes().size(); ++n) {
    const Node& node = tree_.nodes()[n];
    if (node.file != file) {
      file = node.file;
      file_context = FileContext(file);
    }
    if (node.parent == kNone) {
      contexts_[n] = file_context;
    } else {
      uint32_t opened = block_contexts_[node.parent];
      // Inside blocks whose body is unknown here, keep the outer context.
      contexts_[n] = opened != 0 ? opened : contexts_[node.parent];
    }
    block_contexts_[n] = OpenedContext(n);
  }
  for (uint32_t n = 0; n < tree_.nodes().size(); ++n) {
    const Node& node = tree_.nodes()[n];
    if (node.kind != NodeKind::kDirective || !(node.flags & kNodeBlock) ||
        names_[n] != "upstream") {
      continue;
    }
    std::vector<uint32_t> words = tree_.words(node);
    if (words.size() >= 2) {
      upstreams_.emplace(Lower(tree_.value(tree_.tokens()[words[1]])), n);
    }
  }
}

uint32_t Analysis::FindUpstream(std::string_view name) const {
  auto it = upstreams_.find(Lower(name));
  return it == upstreams_.end() ? kNone : it->second;
}

void Analysis::CollectPasses() {
  std::vector<bool> is_pass(name_ids_.size());
  for (std::string_view directive : kPassDirectives) {
    auto id = name_ids_.find(directive);
    if (id != name_ids_.end()) is_pass[id->second] = true;
  }
  // Counted first: a Pass is big, and a configuration may have thousands.
  passes_.reserve(std::count_if(name_id_.begin(), name_id_.end(),
                                [&](uint32_t id) { return is_pass[id]; }));
  for (uint32_t n = 0; n < tree_.nodes().size(); ++n) {
    const Node& node = tree_.nodes()[n];
    // Only statements ended by ';': others are syntax errors to fix first.
    if (!is_pass[name_id_[n]] || node.kind != NodeKind::kDirective ||
        (node.flags & (kNodeBlock | kNodeUnterminated))) {
      continue;
    }
    std::string_view name = names_[n];
    // stream's proxy_pass speaks TCP or UDP, not HTTP.
    if (contexts_[n] == kContextStreamServer) continue;
    uint32_t url = tree_.word(node, 1);
    if (url == kNone) continue;
    Pass pass;
    pass.node = n;
    pass.directive = std::string(name);
    pass.url = tree_.value(tree_.tokens()[url]);
    pass.has_variables = pass.url.find('$') != std::string::npos;

    std::string_view rest = pass.url;
    size_t scheme_end = rest.find("://");
    if (scheme_end != std::string_view::npos) {
      pass.scheme = Lower(rest.substr(0, scheme_end));
      rest.remove_prefix(scheme_end + 3);
    }
    std::string_view port_text;  // as written; "" when the URL has none
    if (rest.substr(0, 5) != "unix:") {
      std::string_view hostport = rest.substr(0, rest.find('/'));
      size_t colon = hostport.rfind(':');
      bool bracketed = !hostport.empty() && hostport[0] == '[';
      // The port may be a variable too: $upstream_app:$upstream_port.
      if (colon != std::string_view::npos &&
          (!bracketed || colon > hostport.rfind(']')) &&
          (IsDigits(hostport.substr(colon + 1)) ||
           hostport.substr(colon + 1).starts_with('$'))) {
        port_text = hostport.substr(colon + 1);
        if (port_text[0] != '$') pass.port = ParsePort(port_text);
        hostport = hostport.substr(0, colon);
      }
      pass.host = std::string(hostport);
    }
    pass.upstream =
        !port_text.empty() || pass.has_variables ? kNone : FindUpstream(pass.host);
    if (pass.upstream != kNone) {
      pass.backend = tree_.value(
          tree_.tokens()[tree_.word(tree_.nodes()[pass.upstream], 1)]);
    } else if (!pass.host.empty()) {
      // A port nginx rejects is named as written.
      pass.backend = pass.host + ":" +
                     (pass.port ? std::to_string(*pass.port)
                      : port_text.empty() ? std::to_string(DefaultPort(pass.scheme))
                                          : std::string(port_text));
    }
    passes_.push_back(std::move(pass));
  }
  for (Pass& pass : passes_) pass.protocol = BackendOf(pass);
}

std::optional<Protocol> Analysis::Annotation(uint32_t node) const {
  // A comment on the line where the node starts: "# ngxfix: backend=PROTO".
  const Node& n = tree_.nodes()[node];
  const Token& first = tree_.tokens()[n.first_token];
  for (uint32_t t = n.first_token + 1; t < tree_.tokens().size(); ++t) {
    const Token& token = tree_.tokens()[t];
    if (token.file != first.file || token.line != first.line) break;
    if (token.kind != TokenKind::kComment) continue;
    std::string_view text = tree_.text(token);
    size_t at = text.find(kAnnotation);
    if (at == std::string_view::npos) continue;
    size_t key = text.find("backend=", at);
    if (key == std::string_view::npos) continue;
    std::string_view value = text.substr(key + 8);
    value = value.substr(0, value.find_first_of(" \t,;"));
    if (auto protocol = ParseProtocol(value)) return protocol;
  }
  return std::nullopt;
}

std::optional<BackendProtocol> Analysis::BackendOf(const Pass& pass) const {
  if (pass.has_variables || pass.backend.empty()) return std::nullopt;
  for (const BackendOption& option : options_.backends) {
    if (option.name == pass.backend || option.name == pass.host) {
      return BackendProtocol{option.protocol, BackendSource::kOption, ""};
    }
  }
  if (auto p = Annotation(pass.node)) {
    return BackendProtocol{*p, BackendSource::kAnnotation, ""};
  }
  if (pass.upstream != kNone) {
    if (auto p = Annotation(pass.upstream)) {
      return BackendProtocol{*p, BackendSource::kAnnotation, ""};
    }
  }
  auto evidence = options_.evidence.find(pass.backend);
  if (evidence != options_.evidence.end()) {
    return BackendProtocol{evidence->second, BackendSource::kEvidence, ""};
  }

  // Inference from the configuration: the directive, then the scheme.
  auto inferred = [](Protocol p, std::string_view reason) {
    return BackendProtocol{p, BackendSource::kInferred, reason};
  };
  const std::string& s = pass.scheme;
  if (pass.directive == "grpc_pass") {
    return s == "grpcs" || s == "https"
               ? inferred(Protocol::kGrpcs, "grpc_pass uses TLS here")
               : inferred(Protocol::kGrpc, "it is reached with grpc_pass");
  }
  if (pass.directive != "proxy_pass") return std::nullopt;
  if (s == "grpc") return inferred(Protocol::kGrpc, "the URL says grpc://");
  if (s == "grpcs") return inferred(Protocol::kGrpcs, "the URL says grpcs://");
  if (s == "ws") return inferred(Protocol::kWs, "the URL says ws://");
  if (s == "wss") return inferred(Protocol::kHttps, "the URL says wss://");
  if (s == "h2") return inferred(Protocol::kH2c, "the URL says h2://");
  if (s == "http2") return inferred(Protocol::kH2c, "the URL says http2://");
  if (s == "h2c") return inferred(Protocol::kH2c, "the URL says h2c://");
  if (pass.port == 50051) {
    return inferred(Protocol::kGrpc, "port 50051 is gRPC's usual port");
  }
  if (s == "https") return inferred(Protocol::kHttps, "the URL says https://");
  return inferred(Protocol::kHttp1, "the URL says http://");
}

Assumption AssumptionOf(const Pass& pass) {
  if (!pass.protocol || pass.protocol->source != BackendSource::kInferred) {
    return {};
  }
  return {pass.backend, "assumed " + pass.backend + " speaks " +
                            std::string(ProtocolName(pass.protocol->protocol)) +
                            " because " + std::string(pass.protocol->reason)};
}

}  // namespace ngxfix
