// listen-http2-deprecated: since nginx 1.25.1 `listen ... http2` is
// deprecated ("the "listen ... http2" directive is deprecated, use the
// "http2" directive instead") in favour of `http2 on;` in the server.
//
// The fix must keep behaviour exactly, and the two do not reach the same
// servers.  The parameter holds for its whole address:port, for every
// server there and whatever their own `http2 off;` says.  `http2 on;`
// holds for one server, and nginx reads it over TLS in the server ALPN
// picks (by SNI) but in clear text only in the default server of the
// address:port, before any Host is known.  So the parameter comes off
// every listen of the address:port, and `http2 on;` goes into every server
// on a TLS address and the default server of a clear-text one.  When one
// of those servers also listens on a TLS address without HTTP/2, where
// `http2 on;` would newly offer h2 to browsers, no exact fix exists and the
// finding only explains.  A clear-text address it is the default server of
// merely starts to take HTTP/2 with prior knowledge besides HTTP/1.x: no
// client that works today sees a difference, and the finding says so.
// See docs/rules/listen-http2-deprecated.md.

#include <algorithm>

#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

template <typename T>
bool Contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The flagged address:ports that share servers with `start`'s: one fix
// must move all of them together.
std::vector<size_t> Component(const Listeners& groups,
                              size_t start) {
  std::vector<size_t> component = {start};
  for (size_t i = 0; i < component.size(); ++i) {
    for (uint32_t server : groups[component[i]].servers) {
      for (size_t g : groups.Of(server)) {
        if (groups[g].http2 && !Contains(component, g)) component.push_back(g);
      }
    }
  }
  return component;
}

// Where `http2 on` must hold once the parameter is gone, so that every
// server of the component keeps HTTP/2.
std::vector<uint32_t> Deciders(const Listeners& groups,
                               const std::vector<size_t>& component) {
  std::vector<uint32_t> deciders;
  for (size_t g : component) {
    const AddressGroup& group = groups[g];
    std::vector<uint32_t> here =
        group.ssl ? group.servers : std::vector<uint32_t>{group.default_server};
    for (uint32_t server : here) {
      if (!Contains(deciders, server)) deciders.push_back(server);
    }
  }
  return deciders;
}

// What `http2 on;` in `server` would change beyond the component: a TLS
// address where ALPN would newly offer h2 to browsers blocks the fix
// (returns true); a clear-text address it is the default server of only
// starts to take HTTP/2 with prior knowledge besides HTTP/1.x, which
// changes nothing for any client that works today: said in `notes`.
bool SideEffect(const RuleContext& context,
                const Listeners& groups,
                const std::vector<size_t>& component, uint32_t server,
                std::string* notes) {
  for (size_t g : groups.Of(server)) {
    const AddressGroup& group = groups[g];
    if (Contains(component, g) || (!group.ssl && group.default_server != server)) {
      continue;
    }
    std::string what = "`http2 on;` in the server on line " +
                       std::to_string(LineOf(context.tree(), server)) +
                       " also switches HTTP/2 on for " + group.address;
    if (group.ssl) {
      *notes = what + ", a TLS address where browsers would newly be offered "
                      "h2";
      return true;
    }
    *notes += " " + what + ": there it accepts HTTP/2 with prior knowledge "
              "besides HTTP/1.x, which changes nothing for clients that work "
              "today.";
  }
  return false;
}

}  // namespace

void CheckListenHttp2Deprecated(RuleContext& context) {
  if (context.version() < NginxVersion{1, 25, 1}) return;
  const SyntaxTree& tree = context.tree();
  Listeners groups(context.analysis());
  std::vector<size_t> done;
  for (size_t start = 0; start < groups.size(); ++start) {
    if (!groups[start].http2 || Contains(done, start)) continue;
    std::vector<size_t> component = Component(groups, start);
    done.insert(done.end(), component.begin(), component.end());

    std::vector<Edit> edits;
    std::vector<uint32_t> flagged;  // listens with the parameter
    std::string addresses;
    for (size_t g : component) {
      addresses += (addresses.empty() ? "" : ", ") + groups[g].address;
      for (uint32_t listen : groups[g].listens) {
        std::vector<uint32_t> words = tree.words(tree.nodes()[listen]);
        bool has = false;
        for (size_t w = 2; w < words.size(); ++w) {
          if (tree.value(tree.tokens()[words[w]]) != "http2") continue;
          edits.push_back(RemoveWord(tree, words[w]));
          has = true;
        }
        if (has) flagged.push_back(listen);
      }
    }
    std::string blocker;
    std::vector<std::string> notes;
    for (uint32_t server : Deciders(groups, component)) {
      if (Http2On(context, server)) continue;
      std::string note;
      bool blocked = SideEffect(context, groups, component, server, &note);
      std::vector<Edit> on = Http2OnEdits(context, server);
      if (blocked || on.empty()) {
        blocker = blocked ? note
                          : "the server on line " +
                                std::to_string(LineOf(tree, server)) +
                                " is empty";
        break;
      }
      if (!note.empty()) notes.push_back(std::move(note));
      edits.insert(edits.end(), on.begin(), on.end());
    }
    std::string explanation =
        "Since nginx 1.25.1 HTTP/2 is switched on per server with `http2 "
        "on;`; `listen ... http2` still works but warns. The parameter holds "
        "for the whole address:port (" + addresses + "), for every server "
        "there. ";
    if (blocker.empty()) {
      explanation +=
          "The fix removes it from every listen there and puts `http2 on;` "
          "where nginx reads it: in every server on a TLS address:port (ALPN "
          "follows the server the client names) and in the default server of "
          "a clear-text one (nginx looks for the HTTP/2 preface before any "
          "Host is known).";
      for (size_t i = 0; i < notes.size() && i < 3; ++i) explanation += notes[i];
      if (notes.size() > 3) {
        explanation += " The same holds for " +
                       std::to_string(notes.size() - 3) + " more servers.";
      }
    } else {
      edits.clear();
      explanation += "No fix keeps behaviour exactly: " + blocker +
                     ". Leave the parameter, or give those servers "
                     "addresses of their own.";
    }
    // One finding for the component, on its first flagged listen: its fix
    // is one, since removing some of the parameters alone changes nothing
    // until the last one goes.
    if (flagged.size() > 1) {
      explanation += " The parameter stands on " +
                     std::to_string(flagged.size()) + " listens, lines " +
                     std::to_string(LineOf(tree, flagged[0]));
      size_t shown = std::min<size_t>(flagged.size(), 10);
      for (size_t i = 1; i < shown; ++i) {
        explanation += (i + 1 == flagged.size() ? " and " : ", ") +
                       std::to_string(LineOf(tree, flagged[i]));
      }
      if (shown < flagged.size()) {
        explanation += " and " + std::to_string(flagged.size() - shown) + " more";
      }
      explanation += ".";
    }
    context.Report(flagged.front(), "the http2 parameter of listen is deprecated",
                   explanation, std::move(edits));
  }
}

}  // namespace ngxfix::rules
