// keepalive-connection-header: a Connection header that tells a backend to
// close the connection nginx would keep.  nginx keeps an upstream
// connection only if the response does not say `Connection: close`
// (u->keepalive in ngx_http_proxy_module.c), and HTTP/1.1 backends answer a
// request's `Connection: close` with their own.  Two ways to send it:
//   - the constant `close`: the fix clears the header ("");
//   - a map that yields `close` for requests without Upgrade, as the common
//     `map $http_upgrade $connection_upgrade { default upgrade; '' close; }`
//     does: every plain request closes its connection.  The fix makes the
//     map's '' entry "" (no Connection header), which keeps upgrades as
//     they were.  In a location of its own (not `/`), which likely takes
//     WebSocket upgrades only, that is an assumption, at info.
// `Connection: upgrade` is not reported: it does not close anything, and an
// upgraded connection never returns to the pool.
// See docs/rules/keepalive-connection-header.md.

#include <strings.h>

#include <algorithm>

#include "core/inheritance.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

bool IsClose(std::string_view value) {
  return value.size() == 5 && strncasecmp(value.data(), "close", 5) == 0;
}

// A map of $http_upgrade that defines `variable`, and the entry that gives
// its value for requests without Upgrade ('' or, failing that, default).
struct PlainValue {
  uint32_t map = kNone;
  uint32_t entry = kNone;  // kNone: no entry, the value is ""
  std::string value;
};

// `maps`: the configuration's map directives, found once (a rule looks up
// a variable for every location that uses it).
std::optional<PlainValue> ValueWithoutUpgrade(const Analysis& analysis,
                                              const std::vector<uint32_t>& maps,
                                              std::string_view variable) {
  const SyntaxTree& tree = analysis.tree();
  for (uint32_t n : maps) {
    std::vector<std::string> words = Values(tree, n);
    if (words.size() != 3 || words[2] != variable) continue;
    if (words[1] != "$http_upgrade") return std::nullopt;  // not judged
    PlainValue plain{n, kNone, ""};
    uint32_t fallback = kNone;
    for (uint32_t entry : analysis.Children(n)) {
      if (tree.nodes()[entry].kind != NodeKind::kEntry) continue;
      std::vector<std::string> pair = Values(tree, entry);
      if (pair.size() != 2) continue;
      // A regex could match the empty value too: not judged.
      if (!pair[0].empty() && pair[0][0] == '~') return std::nullopt;
      if (pair[0].empty()) plain.entry = entry;
      if (pair[0] == "default") fallback = entry;
    }
    if (plain.entry == kNone) plain.entry = fallback;
    if (plain.entry != kNone) plain.value = Values(tree, plain.entry)[1];
    return plain;
  }
  return std::nullopt;
}

// Whether `$variable` appears anywhere but as the value of a
// `proxy_set_header Connection`: then changing its map changes more.
bool UsedElsewhere(const Analysis& analysis, std::string_view variable) {
  const SyntaxTree& tree = analysis.tree();
  std::string braced = "${" + std::string(variable.substr(1)) + "}";
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    const Node& node = tree.nodes()[n];
    if (node.kind == NodeKind::kComment || analysis.Name(n) == "map") continue;
    std::vector<uint32_t> words = tree.words(node);
    for (size_t w = 0; w < words.size(); ++w) {
      std::string word = tree.value(tree.tokens()[words[w]]);
      if (word.find(variable) == std::string::npos &&
          word.find(braced) == std::string::npos) {
        continue;
      }
      bool connection_value = w == 2 && words.size() == 3 &&
                              SetsHeader(tree, n, "Connection") &&
                              word == variable;
      if (!connection_value) return true;
    }
  }
  return false;
}

// The path of the location that holds `node`, "" outside any location.
std::string LocationPath(const Analysis& analysis, uint32_t node) {
  uint32_t location = analysis.Enclosing(node, kContextLocation);
  if (location == kNone) return "";
  std::vector<std::string> words = Values(analysis.tree(), location);
  std::string path;
  for (size_t w = 1; w < words.size(); ++w) path += (w == 1 ? "" : " ") + words[w];
  return path;
}

}  // namespace

void CheckKeepaliveConnectionHeader(RuleContext& context) {
  const SyntaxTree& tree = context.tree();
  const Analysis& analysis = context.analysis();
  std::vector<uint32_t> reported;  // header nodes and maps
  auto once = [&](uint32_t node) {
    if (std::find(reported.begin(), reported.end(), node) != reported.end()) {
      return false;
    }
    reported.push_back(node);
    return true;
  };
  // Connection headers whose map gives "close" without an upgrade.
  struct MapUse {
    const Pass* pass;
    uint32_t header;
    uint32_t map;
    uint32_t entry;  // the map's '' or default entry
  };
  std::vector<MapUse> uses;
  std::vector<uint32_t> maps;
  for (uint32_t n = 0; n < tree.nodes().size(); ++n) {
    if (tree.nodes()[n].kind == NodeKind::kDirective && analysis.Name(n) == "map") {
      maps.push_back(n);
    }
  }
  for (const Pass& pass : analysis.passes()) {
    if (pass.directive != "proxy_pass" || !KeepsAlive(context, pass)) continue;
    uint32_t block = BlockOf(tree, pass.node);
    Effective headers = EffectiveDirective(analysis, block, "proxy_set_header");
    uint32_t h = HeaderNode(tree, headers.nodes, "Connection");
    if (h == kNone) continue;
    std::vector<std::string> words = Values(tree, h);
    if (words.size() != 3) continue;
    const std::string& value = words[2];
    if (IsClose(value)) {
      if (!once(h)) continue;
      FixBuilder builder = context.Builder(h);
      context.Report(
          h, "Connection: " + value + " defeats keepalive to " + pass.backend,
          "nginx keeps an upstream connection only when the response does not "
          "say \"Connection: close\", and a backend asked to close answers "
          "so: every request opens a new connection. An empty value sends no "
          "Connection header, and HTTP/1.1 keeps the connection open.",
          {builder.ReplaceToken(tree.word(tree.nodes()[h], 2), "\"\"")});
      continue;
    }
    if (value.size() < 2 || value[0] != '$') continue;
    std::optional<PlainValue> plain = ValueWithoutUpgrade(analysis, maps, value);
    if (plain && IsClose(plain->value)) {
      uses.push_back({&pass, h, plain->map, plain->entry});
    }
  }

  // One finding per map: a warning at its first use where plain requests
  // go (`/` or the server level), else an assumption at its first use.
  for (size_t u = 0; u < uses.size(); ++u) {
    const MapUse& use = uses[u];
    if (!once(use.map)) continue;
    const MapUse* plain_requests = nullptr;
    for (size_t v = u; v < uses.size() && !plain_requests; ++v) {
      std::string path = LocationPath(analysis, uses[v].pass->node);
      if (uses[v].map == use.map && (path.empty() || path == "/")) {
        plain_requests = &uses[v];
      }
    }
    const MapUse& at = plain_requests ? *plain_requests : use;
    std::string variable = Values(tree, at.header)[2];
    FixBuilder builder = context.Builder(at.header);
    bool empty_key = Values(tree, at.entry)[0].empty();
    std::vector<Edit> edits;
    std::string how;
    if (!empty_key) {
      how = " The map has no '' entry, so its default gives \"close\"; add "
            "`'' \"\";` to it.";
    } else if (UsedElsewhere(analysis, variable)) {
      how = " " + variable + " is used elsewhere too, so the map is left alone: "
            "give this Connection header a map of its own whose '' entry "
            "is \"\".";
    } else {
      edits.push_back(
          builder.ReplaceToken(tree.word(tree.nodes()[at.entry], 1), "\"\""));
      how = " The fix makes the map's '' entry \"\", which sends no "
            "Connection header without an upgrade and keeps \"upgrade\" "
            "for WebSockets.";
    }
    std::string message = variable + " sends \"Connection: close\" to " +
                          at.pass->backend +
                          " on every request without Upgrade, which defeats "
                          "keepalive";
    std::string explanation =
        "The map on line " + std::to_string(LineOf(tree, at.map)) +
        " gives \"close\" when the client sends no Upgrade header, as for "
        "every ordinary request; nginx keeps an upstream connection only when "
        "the response does not say \"Connection: close\", and a backend asked "
        "to close answers so." + how;
    if (!plain_requests) {
      // A location of its own for WebSockets sees few requests without
      // Upgrade, and the map's "close" then costs little.
      context.ReportInfo(
          at.header, message, explanation,
          {"", "assumed location " + LocationPath(analysis, at.pass->node) +
                   " takes WebSocket upgrades only, where the map gives "
                   "\"upgrade\""});
      continue;
    }
    context.Report(at.header, message, explanation, std::move(edits));
  }
}

}  // namespace ngxfix::rules
