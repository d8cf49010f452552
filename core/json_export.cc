// The syntax tree as JSON: ngxfix's own format (WriteTreeJson) and what
// `crossplane parse` prints (WriteCrossplane).
//
// Text in the JSON
// ----------------
// nginx configurations are bytes, and nothing makes them UTF-8 (see
// crossplane's tests/configs/non-unicode).  The JsonWriter replaces each
// ill-formed sequence by one U+FFFD per maximal subpart, as Python's decoder
// does with errors="replace" (which crossplane's lexer uses since
// nginxinc/crossplane#106), so the crossplane output has the U+FFFD that
// crossplane prints; crossplane's own string functions here (strip, glob)
// work on text made valid first.  The exact bytes stay reachable through the
// offsets of ngxfix's format.
//
// ngxfix's format (WriteTreeJson)
// ---------------------------------
//   {"status": "ok"|"failed", "errors": [ERROR...], "files": [FILE...]}
//   ERROR  {"file", "line", "column", "offset", "severity": "error"|"warning",
//           "message"}
//   FILE   {"file", "status", "errors": [that file's ERRORs], "parsed": [NODE]}
//   NODE   {"directive": NAME, "line", "column", "offset", "end",
//           "args": [values], "comments"?, "block"? | "lua"?,
//           "unterminated"?}
//        | {"entry": [values], "line", "column", "offset", "end",
//           "comments"?, "unterminated"?}
//        | {"comment": TEXT, "line", "column", "offset", "end"}
// Values are SyntaxTree::value(): what nginx hands to the directive.
// "offset" and "end" are byte offsets into the whole input (for an nginx -T
// dump: into the dump), "end" one past the node's last byte; "line" and
// "column" (1-based, in bytes) are within the node's own file.  "comments"
// are the comments between a statement's words (text after '#').  "lua" is
// the raw body of a *_by_lua_block, between its braces.  "unterminated" marks
// a statement or block that error recovery closed (no ';' or '}').
//
// crossplane's format (WriteCrossplane)
// --------------------------------------
// What crossplane's parser.py, lexer.py and ext/lua.py produce, with the
// options of a plain `crossplane parse FILE` (catch_errors, no ignore, not
// strict, no combine, not single; comments only with include_comments):
//   {"status", "errors": [{"file", "error": "MESSAGE in FILE:LINE", "line"}],
//    "config": [{"file", "status", "errors": [{"error", "line"}],
//                "parsed": [STMT...]}]}
//   STMT {"directive", "line", "args": [...], "includes"?: [config index],
//         "block"?: [STMT...]}
//      | {"directive": "#", "line", "args": [], "comment": TEXT}
// Arguments are crossplane's lexer tokens, not nginx's values: quotes are
// removed, \" (\' in single quotes) loses its backslash and every other
// escape stays as written (crossplane.build writes them back that way), CR LF
// and lone CR read as LF (Python's universal newlines).  Entries of word-list
// blocks (types, map, geo...) are statements like any other.  A Lua block's
// raw body is its last argument.  The arguments of "if" lose their outer
// parentheses (_prepare_if_args).  Comments between the words of a statement
// become "#" statements right after it, with its line, even without
// include_comments (parser.py appends them unconditionally).  A comment that
// ends a file without a newline is lost (the lexer drops it), and a comment
// ending in a backslash loses that backslash (the lexer pairs it with the
// newline).  Each file of an nginx -T dump is one config[] entry, in dump
// order; "include" gets "includes": the indexes of the given files that its
// pattern names (relative patterns joined to the first file's directory, then
// matched as Python's glob would, hidden files excluded, sorted).
//
// Where crossplane and nginx disagree, this output follows ngxfix's parse,
// which follows nginx:
//  - nginx's syntax errors are errors (crossplane accepts "left"-quote or a
//    '{' inside a map); messages and lines are nginx's, as
//    "MESSAGE in FILE:LINE".  Lines count LFs only: to crossplane a lone CR
//    ends a line too.
//  - crossplane's analyzer is not run: no errors for argument counts,
//    contexts or (with --strict) unknown directives, and statements it would
//    drop for those stay.  A statement without its ';' (recovery) is dropped
//    as crossplane drops one "not terminated by ";"".  Where crossplane gives
//    up a whole file (unbalanced braces: "parsed": []), the recovered tree is
//    given.
//  - Words end where nginx ends them: crossplane splits at '}' and at
//    Unicode whitespace (\v, \f, U+00A0...), and runs a word on after "${x}".
//  - Lua blocks are the ones lua-nginx-module has (data/block_bodies.tsv);
//    crossplane knows 13 of them, and its body reader differs on Lua long
//    strings.  A UTF-8 byte order mark is not part of the first directive.
//  - Warnings are not crossplane errors; includes never name a file that was
//    not given, and a missing one is not an error.
// Keys come in crossplane's order.  Both are written as they are walked,
// without a document in memory.

#include "core/json_export.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ngxfix {
namespace {

// Text as crossplane reads it: a file opened in Python's text mode turns CR
// LF and lone CR into LF.  (Its U+FFFD for bytes that are not UTF-8 come
// from the JsonWriter.)
std::string PythonText(std::string_view s) {
  if (s.find('\r') == std::string_view::npos) return std::string(s);
  std::string lf;
  lf.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      lf += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      lf += s[i];
    }
  }
  return lf;
}

// A word as crossplane's lexer yields it: unquoted words as written; quoted
// ones without their quotes, where only an escaped quote of the same kind
// loses its backslash.  Stops at the closing quote, so that an unterminated
// quote (error recovery) keeps all its text.
std::string CrossplaneWord(std::string_view raw, Quote quote) {
  if (quote == Quote::kNone) return std::string(raw);
  const char q = quote == Quote::kDouble ? '"' : '\'';
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 1; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      if (raw[i + 1] != q) out += c;
      out += raw[i + 1];
      ++i;
      continue;
    }
    if (c == q) break;
    out += c;
  }
  return out;
}

// Python's str.isspace() for one code point.
bool IsPythonSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Decodes the code point of valid UTF-8 at s[i], advancing i.
char32_t DecodeAt(std::string_view s, size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
  char32_t c = b & (0x3F >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return c;
}

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += DecodeAt(s, i);
  return out;
}

// Python's str.lstrip() and str.rstrip(), on valid UTF-8.
std::string PythonLstrip(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    if (!IsPythonSpace(DecodeAt(s, next))) break;
    i = next;
  }
  return std::string(s.substr(i));
}

std::string PythonRstrip(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t begin = end - 1;
    while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) {
      --begin;
    }
    size_t at = begin;
    if (!IsPythonSpace(DecodeAt(s, at))) break;
    end = begin;
  }
  return std::string(s.substr(0, end));
}

// crossplane's _prepare_if_args(): "if ($a = b)" has the arguments
// "$a", "=", "b".  The two assignments run in order, also on one argument.
void PrepareIfArgs(std::vector<std::string>& args) {
  if (args.empty() || args.front().empty() || args.front()[0] != '(' ||
      args.back().empty() || args.back().back() != ')') {
    return;
  }
  args.front() = PythonLstrip(std::string_view(args.front()).substr(1));
  std::string& last = args.back();
  last = PythonRstrip(
      std::string_view(last).substr(0, last.empty() ? 0 : last.size() - 1));
  size_t start = args.front().empty() ? 1 : 0;
  size_t end = args.size() - (args.back().empty() ? 1 : 0);
  if (start >= end) {
    args.clear();
    return;
  }
  args = std::vector<std::string>(args.begin() + start, args.begin() + end);
}

// Python's posixpath.dirname() and posixpath.join() of two parts.
std::string PythonDirname(std::string_view path) {
  size_t cut = path.rfind('/');
  std::string_view head = cut == std::string_view::npos
                              ? std::string_view()
                              : path.substr(0, cut + 1);
  if (!head.empty() && head.find_first_not_of('/') != std::string_view::npos) {
    while (!head.empty() && head.back() == '/') head.remove_suffix(1);
  }
  return std::string(head);
}

std::string PythonJoin(std::string_view a, std::string_view b) {
  if (!b.empty() && b[0] == '/') return std::string(b);
  std::string path(a);
  if (!path.empty() && path.back() != '/') path += '/';
  return path + std::string(b);
}

bool HasMagic(std::string_view s) {
  return s.find_first_of("*?[") != std::string_view::npos;
}

// fnmatch.fnmatchcase() of one path segment: '*', '?', and '[...]' with '!'
// for negation and ranges; a '[' without its ']' is literal.
bool MatchClass(const std::u32string& p, size_t& i, char32_t c, bool& matched) {
  // p[i] is '['.  On success, i is past the ']'.
  size_t j = i + 1;
  bool negate = false;
  if (j < p.size() && p[j] == U'!') negate = true, ++j;
  size_t first = j;
  if (j < p.size() && p[j] == U']') ++j;
  while (j < p.size() && p[j] != U']') ++j;
  if (j >= p.size()) return false;  // no ']': the '[' is a literal
  bool in = false;
  for (size_t k = first; k < j; ++k) {
    if (k + 2 < j && p[k + 1] == U'-') {
      if (p[k] <= c && c <= p[k + 2]) in = true;
      k += 2;
    } else if (p[k] == c) {
      in = true;
    }
  }
  matched = in != negate;
  i = j + 1;
  return true;
}

bool FnMatch(const std::u32string& p, size_t pi, const std::u32string& s,
             size_t si) {
  while (pi < p.size()) {
    char32_t pc = p[pi];
    if (pc == U'*') {
      while (pi < p.size() && p[pi] == U'*') ++pi;
      if (pi == p.size()) return true;
      for (size_t k = si; k <= s.size(); ++k) {
        if (FnMatch(p, pi, s, k)) return true;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (pc == U'?') {
      ++pi, ++si;
      continue;
    }
    if (pc == U'[') {
      bool matched = false;
      size_t next = pi;
      if (MatchClass(p, next, s[si], matched)) {
        if (!matched) return false;
        pi = next, ++si;
        continue;
      }
    }
    if (pc != s[si]) return false;
    ++pi, ++si;
  }
  return si == s.size();
}

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  for (;;) {
    size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    path.remove_prefix(slash + 1);
  }
}

// Whether glob.glob(pattern) would list `name`: segment by segment, a
// segment with wildcards matched by fnmatch (a name starting with '.' only by
// a pattern starting with '.'), any other segment by equality.
bool GlobMatches(std::string_view pattern, std::string_view name) {
  std::vector<std::string_view> p = SplitPath(pattern), n = SplitPath(name);
  if (p.size() != n.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!HasMagic(p[i])) {
      if (p[i] != n[i]) return false;
      continue;
    }
    if (!n[i].empty() && n[i][0] == '.' && (p[i].empty() || p[i][0] != '.')) {
      return false;
    }
    if (!FnMatch(CodePoints(p[i]), 0, CodePoints(n[i]), 0)) return false;
  }
  return true;
}

// The indexes of the tree's diagnostics, file by file, in order within a
// file.
std::vector<size_t> ErrorOrder(const SyntaxTree& tree) {
  // A counting sort by file: stable, and linear.
  const std::vector<Diagnostic>& diagnostics = tree.diagnostics();
  size_t files = tree.files().size();
  for (const Diagnostic& d : diagnostics) files = std::max<size_t>(files, d.file + 1);
  // next[f]: where file f's next diagnostic goes.
  std::vector<size_t> next(files + 1, 0);
  for (const Diagnostic& d : diagnostics) ++next[d.file + 1];
  for (size_t f = 1; f < next.size(); ++f) next[f] += next[f - 1];
  std::vector<size_t> order(diagnostics.size());
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    order[next[diagnostics[i].file]++] = i;
  }
  return order;
}

// `sorted` (diagnostic indexes in ErrorOrder()) cut into each file's part.
std::vector<std::span<const size_t>> ByFile(const SyntaxTree& tree,
                                            const std::vector<size_t>& sorted) {
  std::vector<std::span<const size_t>> parts(tree.files().size());
  size_t begin = 0;
  for (size_t f = 0; f < parts.size(); ++f) {
    while (begin < sorted.size() && tree.diagnostics()[sorted[begin]].file < f) ++begin;
    size_t end = begin;
    while (end < sorted.size() && tree.diagnostics()[sorted[end]].file == f) ++end;
    parts[f] = std::span<const size_t>(sorted).subspan(begin, end - begin);
    begin = end;
  }
  return parts;
}

// Shared walking helpers.
class TreeWalker {
 protected:
  explicit TreeWalker(const SyntaxTree& tree) : tree_(tree) {}

  const Node& node(uint32_t i) const { return tree_.nodes()[i]; }
  const Token& token(uint32_t i) const { return tree_.tokens()[i]; }
  std::string_view raw(uint32_t i) const { return tree_.text(token(i)); }

  // One past the last token of a statement's head: its '{', or its end.
  uint32_t HeadEnd(const Node& n) const {
    return n.brace != kNone ? n.brace : n.end_token;
  }

  bool IsLua(const Node& n) const { return (n.flags & kNodeLuaBlock) != 0; }
  bool IsBlock(const Node& n) const {
    return (n.flags & kNodeBlock) != 0 && !IsLua(n);
  }

  // The raw text between the braces of a Lua block.
  std::string_view LuaBody(const Node& n) const {
    if (n.brace == kNone) return {};
    for (uint32_t t = n.brace + 1; t < n.end_token; ++t) {
      if (token(t).kind == TokenKind::kLuaBody) return raw(t);
    }
    return {};
  }

  // The text of a comment token after its '#'.
  std::string_view CommentText(uint32_t t) const {
    std::string_view text = raw(t);
    return text.empty() ? text : text.substr(1);
  }

  const SyntaxTree& tree_;
};

class JsonExporter : TreeWalker {
 public:
  JsonExporter(const SyntaxTree& tree, JsonWriter& json)
      : TreeWalker(tree), json_(json) {}

  void Run() {
    const auto& files = tree_.files();
    std::vector<size_t> order = ErrorOrder(tree_);
    std::vector<bool> file_failed(files.size(), false);
    for (const Diagnostic& d : tree_.diagnostics()) {
      if (d.file < files.size() && d.severity == Severity::kError) {
        file_failed[d.file] = true;
      }
    }
    json_.BeginObject();
    json_.Key("status").String(tree_.ok() ? "ok" : "failed");
    json_.Key("errors").BeginArray();
    for (size_t i : order) Error(tree_.diagnostics()[i]);
    json_.EndArray();
    json_.Key("files").BeginArray();
    std::vector<std::span<const size_t>> by_file = ByFile(tree_, order);
    for (size_t f = 0; f < files.size(); ++f) {
      json_.BeginObject();
      json_.Key("file").String(files[f].name);
      json_.Key("status").String(file_failed[f] ? "failed" : "ok");
      json_.Key("errors").BeginArray();
      for (size_t i : by_file[f]) Error(tree_.diagnostics()[i]);
      json_.EndArray();
      json_.Key("parsed");
      Nodes(files[f].first_node);
      json_.EndObject();
    }
    json_.EndArray();
    json_.EndObject();
  }

 private:
  void Error(const Diagnostic& d) {
    json_.BeginObject();
    json_.Key("file").String(
        d.file < tree_.files().size() ? tree_.files()[d.file].name : "");
    json_.Key("line").Number(d.line);
    json_.Key("column").Number(d.column);
    json_.Key("offset").Number(d.offset);
    json_.Key("severity").String(d.severity == Severity::kError ? "error" : "warning");
    json_.Key("message").String(d.message);
    json_.EndObject();
  }

  void Nodes(uint32_t first) {
    json_.BeginArray();
    for (uint32_t c = first; c != kNone; c = node(c).next_sibling) {
      NodeJson(node(c));
    }
    json_.EndArray();
  }

  void Position(const Node& n) {
    uint32_t begin = tree_.begin_offset(n);
    ngxfix::Position p = tree_.position(begin);
    json_.Key("line").Number(p.line);
    json_.Key("column").Number(p.column);
    json_.Key("offset").Number(begin);
    json_.Key("end").Number(tree_.end_offset(n));
  }

  void NodeJson(const Node& n) {
    json_.BeginObject();
    if (n.kind == NodeKind::kComment) {
      json_.Key("comment").String(CommentText(n.first_token));
      Position(n);
      json_.EndObject();
      return;
    }
    const uint32_t head_end = HeadEnd(n);
    auto words = [&](uint32_t from) {
      json_.BeginArray();
      for (uint32_t t = from; t < head_end; ++t) {
        if (token(t).kind == TokenKind::kWord) json_.String(Value(t));
      }
      json_.EndArray();
    };
    if (n.kind == NodeKind::kEntry) {
      json_.Key("entry");
      words(n.first_token);
      Position(n);
    } else {
      uint32_t name = tree_.word(n, 0);
      json_.Key("directive").String(name == kNone ? std::string_view() : Value(name));
      Position(n);
      json_.Key("args");
      words(name == kNone ? head_end : name + 1);
    }
    bool comments = false;
    for (uint32_t t = n.first_token; t < head_end; ++t) {
      if (token(t).kind != TokenKind::kComment) continue;
      if (!comments) json_.Key("comments").BeginArray();
      comments = true;
      json_.String(CommentText(t));
    }
    if (comments) json_.EndArray();
    if (IsLua(n)) {
      json_.Key("lua").String(LuaBody(n));
    } else if (IsBlock(n)) {
      json_.Key("block");
      Nodes(n.first_child);
    }
    if (n.flags & kNodeUnterminated) json_.Key("unterminated").Bool(true);
    json_.EndObject();
  }

  // SyntaxTree::value() without a copy for the words that have no escapes
  // (nearly all of them).
  std::string_view Value(uint32_t t) {
    const Token& word = token(t);
    std::string_view raw = tree_.text(word);
    if (word.quote == Quote::kNone && raw.find('\\') == std::string_view::npos) {
      return raw;
    }
    value_ = tree_.value(word);
    return value_;
  }

  JsonWriter& json_;
  std::string value_;
};

class CrossplaneExporter : TreeWalker {
 public:
  CrossplaneExporter(const SyntaxTree& tree, const CrossplaneOptions& options,
                     JsonWriter& json)
      : TreeWalker(tree), options_(options), json_(json) {
    const auto& files = tree_.files();
    if (!files.empty()) config_dir_ = PythonDirname(ValidUtf8(files[0].name));
    for (size_t f = 0; f < files.size(); ++f) {
      file_names_.emplace(ValidUtf8(files[f].name), f);  // the first one wins
    }
  }

  void Run() {
    const auto& files = tree_.files();
    std::vector<size_t> errors;  // crossplane's: the error diagnostics
    for (size_t i : ErrorOrder(tree_)) {
      if (tree_.diagnostics()[i].severity == Severity::kError) errors.push_back(i);
    }
    json_.BeginObject();
    json_.Key("status").String(errors.empty() ? "ok" : "failed");
    json_.Key("errors").BeginArray();
    for (size_t i : errors) {
      const Diagnostic& d = tree_.diagnostics()[i];
      json_.BeginObject();
      json_.Key("file").String(d.file < files.size() ? files[d.file].name : "");
      json_.Key("error").String(Message(d));
      json_.Key("line").Number(d.line);
      json_.EndObject();
    }
    json_.EndArray();
    json_.Key("config").BeginArray();
    std::vector<std::span<const size_t>> by_file = ByFile(tree_, errors);
    for (size_t f = 0; f < files.size(); ++f) {
      json_.BeginObject();
      json_.Key("file").String(files[f].name);
      json_.Key("status").String(by_file[f].empty() ? "ok" : "failed");
      json_.Key("errors").BeginArray();
      for (size_t i : by_file[f]) {
        const Diagnostic& d = tree_.diagnostics()[i];
        json_.BeginObject();
        json_.Key("error").String(Message(d));
        json_.Key("line").Number(d.line);
        json_.EndObject();
      }
      json_.EndArray();
      json_.Key("parsed");
      Block(files[f].first_node);
      json_.EndObject();
    }
    json_.EndArray();
    json_.EndObject();
  }

 private:
  // "MESSAGE in FILE:LINE".
  std::string Message(const Diagnostic& d) const {
    const auto& files = tree_.files();
    return ValidUtf8(d.message) + " in " +
           (d.file < files.size() ? ValidUtf8(files[d.file].name) : std::string()) +
           ":" + std::to_string(d.line);
  }

  std::string Word(uint32_t t) const {
    std::string word = CrossplaneWord(raw(t), token(t).quote);
    if (word.find('\r') != std::string::npos) word = PythonText(word);
    return word;
  }

  // crossplane's lexer drops a comment that the file ends without a newline.
  bool CommentReachesNewline(uint32_t t) const {
    const Token& c = token(t);
    const File& file = tree_.files()[c.file];
    return c.offset + c.length < file.end;
  }

  // crossplane's comment text: the lexer reads escape pairs, so a backslash
  // that pairs with the newline is not part of the comment.
  std::string Comment(uint32_t t) const {
    std::string_view text = CommentText(t);
    size_t backslashes = 0;
    while (backslashes < text.size() &&
           text[text.size() - 1 - backslashes] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 1) text.remove_suffix(1);
    return PythonText(text);
  }

  void CommentStatement(uint32_t line, std::string_view comment) {
    json_.BeginObject();
    json_.Key("directive").String("#");
    json_.Key("line").Number(line);
    json_.Key("args").BeginArray().EndArray();
    json_.Key("comment").String(comment);
    json_.EndObject();
  }

  void Block(uint32_t first) {
    json_.BeginArray();
    for (uint32_t c = first; c != kNone; c = node(c).next_sibling) {
      Append(node(c));
    }
    json_.EndArray();
  }

  void Append(const Node& n) {
    if (n.kind == NodeKind::kComment) {
      if (options_.include_comments && CommentReachesNewline(n.first_token)) {
        CommentStatement(token(n.first_token).line, Comment(n.first_token));
      }
      return;
    }
    // A statement without its ';': crossplane drops it ("not terminated").
    if ((n.flags & kNodeUnterminated) && !(n.flags & kNodeBlock)) return;
    const uint32_t head_end = HeadEnd(n);
    uint32_t first_word = tree_.word(n, 0);
    if (first_word == kNone) return;

    const uint32_t line = token(n.first_token).line;
    std::string directive = Word(first_word);
    args_.clear();
    for (uint32_t t = first_word + 1; t < head_end; ++t) {
      if (token(t).kind == TokenKind::kWord) args_.push_back(Word(t));
    }
    if (IsLua(n)) args_.push_back(PythonText(LuaBody(n)));
    if (directive == "if") {
      // Python strips code points: the bytes must be UTF-8 first.
      for (std::string& arg : args_) arg = ValidUtf8(arg);
      PrepareIfArgs(args_);
    }

    json_.BeginObject();
    json_.Key("directive").String(directive);
    json_.Key("line").Number(line);
    json_.Key("args").BeginArray();
    for (const std::string& arg : args_) json_.String(arg);
    json_.EndArray();
    if (directive == "include") {
      json_.Key("includes");
      Includes(args_.empty() ? std::string() : ValidUtf8(args_[0]));
    }
    if (IsBlock(n)) {
      json_.Key("block");
      Block(n.first_child);
    }
    json_.EndObject();

    for (uint32_t t = n.first_token; t < head_end; ++t) {
      if (token(t).kind == TokenKind::kComment) {
        CommentStatement(line, Comment(t));
      }
    }
  }

  // The config[] indexes of the given files that `include PATTERN` names.
  void Includes(const std::string& arg) {
    json_.BeginArray();
    std::string pattern =
        arg.empty() || arg[0] == '/' ? arg : PythonJoin(config_dir_, arg);
    std::vector<std::pair<std::string_view, size_t>> found;
    if (arg.empty()) {
    } else if (HasMagic(pattern)) {
      for (const auto& [name, index] : file_names_) {
        if (GlobMatches(pattern, name)) found.emplace_back(name, index);
      }
      std::sort(found.begin(), found.end());
    } else if (auto it = file_names_.find(pattern); it != file_names_.end()) {
      found.emplace_back(it->first, it->second);
    }
    for (const auto& [name, index] : found) json_.Number(index);
    json_.EndArray();
  }

  const CrossplaneOptions& options_;
  JsonWriter& json_;
  std::vector<std::string> args_;  // reused from statement to statement
  std::string config_dir_;
  std::unordered_map<std::string, size_t> file_names_;
};

}  // namespace

void WriteTreeJson(const SyntaxTree& tree, JsonWriter& json) {
  JsonExporter(tree, json).Run();
}

void WriteCrossplane(const SyntaxTree& tree, JsonWriter& json,
                     const CrossplaneOptions& options) {
  CrossplaneExporter(tree, options, json).Run();
}

}  // namespace ngxfix
