// Helpers that several rules share: reading a directive's words, and adding
// proxy_set_header-style headers without losing inherited ones.

#ifndef NGXFIX_CORE_RULES_RULE_HELPERS_H_
#define NGXFIX_CORE_RULES_RULE_HELPERS_H_

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/fix_builder.h"
#include "core/rule.h"

namespace ngxfix::rules {

// Where settings for a pass go: proxy_set_header, proxy_http_version and
// their kin are not allowed inside `if` or `limit_except`, so for a pass
// directly inside one, they go into the enclosing location, just before
// that block (nginx inherits them into it).  Returns the node to anchor on:
// the pass itself, or the `if` / `limit_except` block.
uint32_t SettingsAnchor(const Analysis& analysis, uint32_t pass_node);

// The block whose settings a pass uses, and where settings for it go: the
// block of SettingsAnchor().  Rules ask what is in effect here, so that
// what they add is what they find the next time.
uint32_t SettingsBlock(const Analysis& analysis, uint32_t pass_node);

// Inserts statements at the anchor SettingsAnchor() gives: after the pass,
// or before the `if` / `limit_except` block that holds it.
Edit InsertSettings(const RuleContext& context, const FixBuilder& builder,
                    uint32_t pass_node,
                    const std::vector<std::string>& statements);

// Sets the scalar directive `name` to `value` where the settings of the
// pass at `pass_node` live (see SettingsAnchor): the level's own statement
// is rewritten when it has one, since nginx rejects a second ("is
// duplicate"); otherwise a new statement is appended to `statements`.
void SetScalar(const RuleContext& context, const FixBuilder& builder,
               uint32_t pass_node, std::string_view name,
               std::string_view value, std::vector<Edit>* edits,
               std::vector<std::string>* statements);
// The same for a directive of several values (proxy_buffers 8 16k).
void SetDirective(const RuleContext& context, const FixBuilder& builder,
                  uint32_t pass_node, std::string_view name,
                  const std::vector<std::string>& values,
                  std::vector<Edit>* edits,
                  std::vector<std::string>* statements);

// A statement's text as written, to copy it elsewhere; "" when a syntax
// error stands inside it, since a copy would repeat the error.
std::string StatementText(const SyntaxTree& tree, uint32_t node);

// The values of a node's words (name first).
std::vector<std::string> Values(const SyntaxTree& tree, uint32_t node);

// The block a directive stands in (its parent), or kNone at a file's top.
inline uint32_t BlockOf(const SyntaxTree& tree, uint32_t node) {
  return tree.nodes()[node].parent;
}

// The statements to add to the block of `anchor` so that the headers
// `added` (name, value) are set there.  `directive` is proxy_set_header or
// grpc_set_header.  When that block sets none of its own yet, every header
// it inherits is copied in first, because nginx drops all inherited headers
// of a level that sets one; headers the level already sets to the wanted
// value are left alone.
std::vector<std::string> HeaderStatements(
    const RuleContext& context, const FixBuilder& builder, uint32_t anchor,
    std::string_view directive,
    const std::vector<std::pair<std::string, std::string>>& added);

// The pass replaced by `directive scheme://host[:port];` (the URI dropped):
// how a pass moves between proxy_pass and grpc_pass.
Edit ReplacePass(const FixBuilder& builder, const SyntaxTree& tree,
                 const Pass& pass, std::string_view directive,
                 std::string_view scheme);

// The settings of a pass that moves between proxy_pass and grpc_pass, kept
// by their twins (data/upstream_twins.tsv: proxy_read_timeout and
// grpc_read_timeout, ...): every twin in effect for the pass is renamed
// where it is written, in the pass's block or a level it inherits from,
// unless another pass there would see the change (one of the old kind that
// stays, or one of the new kind that would newly inherit it); then it is
// copied, translated, into the pass's block instead.  `moves` tells which
// other passes of the old kind move in the same fix.  The names of the
// directives in effect that have no twin go to `untranslated`.
std::vector<Edit> TwinEdits(const RuleContext& context,
                            const FixBuilder& builder, const Pass& pass,
                            bool to_grpc, bool (*moves)(const Pass&),
                            std::vector<std::string>* untranslated);

// "a, b and c", for explanations.
std::string JoinNames(const std::vector<std::string>& names);

// The pass's URL with its scheme replaced: "grpc://a:1/x" -> "http://a:1/x".
std::string WithScheme(const Pass& pass, std::string_view scheme);

// The first argument of `name` in effect in `block`, or nginx's default for
// the target version ("" when none is recorded).
std::string EffectiveValue(const RuleContext& context, uint32_t block,
                           std::string_view name);

// Whether the pass goes to an upstream block that keeps connections alive:
// one with `keepalive`, or, since 1.29.7, where it is the default, any
// without `keepalive 0;`.
bool KeepsAlive(const RuleContext& context, const Pass& pass);

// The nearest level above `block` that passes settings down (http,
// server, location, if in location), or kNone.
uint32_t OuterLevel(const Analysis& analysis, uint32_t block);

// Whether `block` sets proxy_set_header of its own and so drops a
// `header` that the level above it sets (proxy-set-header-inheritance's to
// copy back).
bool DropsInheritedHeader(const Analysis& analysis, uint32_t block,
                          std::string_view header);

// Statements that make the block of `pass` speak HTTP/1.1 with a cleared
// Connection header, as upstream keepalive needs before 1.29.7: what is
// missing of `proxy_http_version 1.1;` and `proxy_set_header Connection "";`
// (with the inherited headers, see HeaderStatements), and the edits that
// put them in.  Empty when nothing is missing.
std::vector<Edit> KeepaliveEdits(const RuleContext& context,
                                 const FixBuilder& builder, const Pass& pass);

// The server blocks (http's, not stream's or mail's) of the configuration.
std::vector<uint32_t> Servers(const Analysis& analysis);

// Whether a listen directive has the parameter `word` (e.g. ssl, http2).
bool ListenHas(const SyntaxTree& tree, uint32_t listen, std::string_view word);

// An edit that removes one word of a directive with the blanks before it.
Edit RemoveWord(const SyntaxTree& tree, uint32_t token);

// An edit that adds " word" after a directive's last word.
Edit AppendWord(const SyntaxTree& tree, uint32_t node, std::string_view word);

// An address:port nginx listens on for HTTP, with what nginx makes of it.
// nginx merges the listen options of every server on one address:port
// (ngx_http_add_addresses): `ssl` or `http2` on any listen there holds for
// the whole address:port and every server on it.
struct AddressGroup {
  std::string address;            // "*:80", "127.0.0.1:8080", "[::]:443", "unix:/p"
  std::vector<uint32_t> servers;  // in configuration order
  std::vector<uint32_t> listens;  // of those servers, on this address:port
  bool ssl = false;
  bool http2 = false;             // the http2 parameter on any listen here
  uint32_t default_server = kNone;  // default_server, else the first server
};

// The addresses the http servers of the configuration listen on, and the
// ones each server is on.  A server without `listen` is on *:80 (nginx's
// default when run as root; *:8000 otherwise).
class Listeners {
 public:
  Listeners() = default;
  explicit Listeners(const Analysis& analysis);

  bool empty() const { return groups_.empty(); }
  size_t size() const { return groups_.size(); }
  const AddressGroup& operator[](size_t g) const { return groups_[g]; }
  // The groups `server` listens on (indices), in the order of its listens.
  const std::vector<size_t>& Of(uint32_t server) const;

 private:
  std::vector<AddressGroup> groups_;
  std::unordered_map<uint32_t, std::vector<size_t>> by_server_;
};

// Whether `http2 on` is in effect in `server` (1.25.1 and later).
bool Http2On(const RuleContext& context, uint32_t server);

// Whether HTTP/2 reaches `server` through `group`: the http2 parameter on
// the address:port, or (1.25.1 and later) `http2 on` in the server that
// decides it: over TLS the server ALPN picks by SNI, in clear text the
// default server, since nginx looks for the HTTP/2 preface before any Host
// is known (ngx_http_wait_request_handler).
bool AcceptsHttp2(const RuleContext& context, const AddressGroup& group,
                  uint32_t server);

// Whether the server accepts HTTP/2 on any of its addresses.
bool ServerHasHttp2(const RuleContext& context, const Listeners& groups,
                    uint32_t server);

// Whether `server` serves gRPC only: it has a grpc_pass to a backend that is
// not HTTP/1.x, no other *_pass, and no root or alias for static files.
bool GrpcOnly(const Analysis& analysis, uint32_t server);

// Whether every server on the address:port is GrpcOnly(): only then may a
// clear-text listen there take the http2 parameter before 1.25.1, which
// makes the whole address:port speak nothing but HTTP/2.
bool GrpcOnlyAddress(const Analysis& analysis, const AddressGroup& group);

// The edits that put `http2 on` in effect in `server`: its own `http2`
// statement rewritten, else a new one after its last listen, else before
// its first statement.  Empty when the server block is empty.
std::vector<Edit> Http2OnEdits(const RuleContext& context, uint32_t server);

// The line of a node, for explanations that point at another place.
uint32_t LineOf(const SyntaxTree& tree, uint32_t node);

// Edits that make the block of `pass` proxy WebSocket upgrades: HTTP/1.1
// (before 1.29.7), `Upgrade $http_upgrade`, and `Connection` from the map
// `$http_upgrade` -> `$connection_upgrade`, which is added at http level
// next to the enclosing server unless one exists; where no http level is in
// sight (a location pasted alone), Connection is the constant "upgrade".
std::vector<Edit> WebSocketEdits(const RuleContext& context,
                                 const FixBuilder& builder, const Pass& pass);

}  // namespace ngxfix::rules

#endif  // NGXFIX_CORE_RULES_RULE_HELPERS_H_
