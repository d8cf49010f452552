// The facts every rule asks about a configuration, computed once:
//
//   - the context each directive stands in (main, http, server, location,
//     upstream, ...), also for snippets pasted without their surroundings and
//     for the files of an `nginx -T` dump, placed where their `include` is;
//   - the upstream groups, and every *_pass directive with its parsed URL and
//     what its backend speaks (see backend.h);
//   - the directives in effect at a place once nginx's inheritance is
//     applied (see inheritance.h), which every rule asks instead of walking
//     the tree itself.

#ifndef NGXFIX_CORE_ANALYSIS_H_
#define NGXFIX_CORE_ANALYSIS_H_

#include <deque>
#include <map>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/backend.h"
#include "core/directives.h"
#include "core/finding.h"
#include "core/nginx_version.h"
#include "core/style.h"
#include "core/syntax_tree.h"

namespace ngxfix {

// A snippet's top level could be any of these; directives there are checked
// against all of them.
inline constexpr uint32_t kSnippetContexts =
    kContextMain | kContextHttp | kContextServer | kContextLocation |
    kContextUpstream | kContextStream | kContextStreamServer |
    kContextStreamUpstream;

// Nodes that Find() returned: a view into the Analysis, valid as long as
// it is.  Converts to a vector for callers that keep their own copy.
class NodeList : public std::span<const uint32_t> {
 public:
  using std::span<const uint32_t>::span;
  operator std::vector<uint32_t>() const { return {begin(), end()}; }
};

struct BackendOption {
  std::string name;  // an upstream name, or host:port
  Protocol protocol;
};

struct AnalysisOptions {
  // The nginx the configuration runs on; without it, kDefaultNginxVersion
  // or what the configuration's own directives need (version_floor.h).
  std::optional<NginxVersion> nginx_version;
  // What the nginx has beyond open-source nginx, as ProductOf() names it
  // ("plus", "njs", "lua-nginx-module", ...); nullopt when not said, and
  // then whatever the configuration's directives need is assumed.
  std::optional<std::vector<std::string>> modules;
  std::vector<BackendOption> backends;
  // Protocols learnt from error-log lines, by upstream name or host:port.
  std::map<std::string, Protocol> evidence;
  // What else error-log lines showed about a backend: `ngxfix diagnose`'s
  // cause ids (e.g. "upstream-buffer-too-small"), by the same keys.
  std::map<std::string, std::vector<std::string>> logged_causes;
};

// A *_pass directive and where it sends requests.
struct Pass {
  uint32_t node;           // the directive
  std::string directive;   // proxy_pass, grpc_pass, fastcgi_pass, ...
  std::string url;         // its first argument, as nginx reads it
  std::string scheme;      // lower case, "" when the URL has none
  std::string host;        // upstream name or host, "" for unix: sockets
  std::optional<int> port;
  bool has_variables;      // the URL is built at run time
  uint32_t upstream;       // node of the upstream block named by host, or kNone
  std::string backend;     // the key --backend uses: upstream name or host:port
  std::optional<BackendProtocol> protocol;  // none for variable URLs
};

// What was assumed of the pass's backend and why, for a finding to state;
// empty unless its protocol was inferred.
Assumption AssumptionOf(const Pass& pass);

class Analysis {
 public:
  Analysis(const SyntaxTree& tree, AnalysisOptions options);

  const SyntaxTree& tree() const { return tree_; }
  // The version the rules judge for: the one given, or else the higher of
  // kDefaultNginxVersion and what the configuration needs.
  const NginxVersion& version() const { return version_; }
  // Why version() was chosen when none was given, for reports to state;
  // "" when one was given.
  const std::string& version_assumption() const { return version_assumption_; }
  // Whether a directive of the configuration is NGINX Plus's alone: then
  // what NGINX Plus had before open-source nginx is not a version's.
  bool uses_nginx_plus() const { return uses_nginx_plus_; }
  // Whether the target has `product` (ProductOf()): as --modules says, or,
  // when it says nothing, yes.
  bool HasProduct(std::string_view product) const;
  // Whether --modules said what the target has.
  bool modules_known() const { return options_.modules.has_value(); }

  // The context bits a node stands in: one bit, or kSnippetContexts at the
  // top of a snippet.  Comments and entries report their block's context.
  uint32_t context(uint32_t node) const { return contexts_[node]; }
  // The context a node's block opens (e.g. kContextServer for `server {`),
  // or 0 when the block holds no directives.
  uint32_t BlockContext(uint32_t node) const;

  // Upstream blocks (http and stream) by name.
  uint32_t FindUpstream(std::string_view name) const;
  const std::vector<Pass>& passes() const { return passes_; }

  // The protocol of a backend by its key, as options, annotations, evidence
  // or inference give it; nullopt when nothing is known.
  std::optional<BackendProtocol> BackendOf(const Pass& pass) const;

  // Whether error-log lines showed `cause` for the pass's backend.
  bool Logged(const Pass& pass, std::string_view cause) const;

  // The style of a file (indentation, line endings, quotes), detected once.
  const FileStyle& Style(uint16_t file) const;

  // A directive's name as nginx reads it (quotes and escapes resolved), ""
  // for comments.  The view lives as long as the Analysis.
  std::string_view Name(uint32_t node) const;
  // What the directive tables say of the node's name (LookUpDirective).
  std::span<const DirectiveSpec> Specs(uint32_t node) const;

  // The node's children, or a file's top-level nodes for node == kNone.
  std::vector<uint32_t> Children(uint32_t node, uint16_t file = 0) const;
  // The statements named `name` (ended by ';') directly in the block of
  // `node`.  A directive written as a block, or cut short by a syntax
  // error, is not one: other rules report it.
  NodeList Find(uint32_t node, std::string_view name) const;
  // The same by the number of the name (NameId()), for callers that ask
  // block after block for one name.
  NodeList FindId(uint32_t node, uint32_t name_id) const;
  // The number of a directive name, or kNone when no node has that name.
  uint32_t NameId(std::string_view name) const;
  // The nearest enclosing node (or the node itself) whose block opens one
  // of `contexts`, or kNone.
  uint32_t Enclosing(uint32_t node, uint32_t contexts) const;

 private:
  // Where a block's statements are in indexed_nodes_: sorted by name id,
  // then in order of the text.  begin == kNone until the block is indexed.
  struct BlockStatements {
    uint32_t begin = kNone;
    uint32_t end = kNone;
  };

  void ComputeNames();
  uint32_t OpenedContext(uint32_t node) const;
  void ComputeContexts();
  uint32_t FileContext(uint16_t file) const;
  void CollectPasses();
  std::optional<Protocol> Annotation(uint32_t node) const;

  void FindNginxPlus();
  void ChooseVersion();

  const SyntaxTree& tree_;
  AnalysisOptions options_;
  NginxVersion version_;
  std::string version_assumption_;
  bool uses_nginx_plus_ = false;
  // Name() of every node: views into the text, or into unusual_names_ for
  // names written quoted or with escapes; and each distinct name's number,
  // so that Find() compares numbers.
  std::vector<std::string_view> names_;
  std::deque<std::string> unusual_names_;
  std::unordered_map<std::string_view, uint32_t> name_ids_;
  std::vector<uint32_t> name_id_;
  std::vector<std::span<const DirectiveSpec>> specs_;  // by name id
  std::vector<uint32_t> contexts_;
  std::vector<uint32_t> block_contexts_;  // BlockContext() of every node
  // Each searched block's statements, indexed on its first Find(): rules
  // ask the same big blocks (http, a busy server) again and again, once for
  // every location under them.  statements_ has a slot per node, after the
  // one of file 0's top level.  indexed_nodes_ is reserved for every node
  // at once (a statement is in one block), so the NodeLists into it stay
  // valid.
  mutable std::vector<BlockStatements> statements_;
  mutable std::vector<uint32_t> indexed_nodes_;
  mutable std::vector<uint32_t> indexed_name_ids_;  // name_id_ of each
  std::map<std::string, uint32_t, std::less<>> upstreams_;
  std::vector<Pass> passes_;
  mutable std::vector<std::optional<FileStyle>> styles_;
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_ANALYSIS_H_
