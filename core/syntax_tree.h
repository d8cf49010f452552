// The lossless concrete syntax tree of an nginx configuration.
//
// A SyntaxTree owns the text it was parsed from and describes it with flat
// arrays: tokens (every word, quoted string, comment, ';', '{', '}' and raw
// Lua body, in source order) and nodes (directives, word-list entries and
// comments, linked into blocks).  Whitespace is never a token: it is the gap
// between two tokens, so the tokens and the gaps together cover every byte and
// printing the tree (printer.h) gives the input back exactly.
//
// The tree is immutable.  Edits are byte-range replacements on text() built
// from the spans the tree reports (see rewriter.h); the result is re-parsed.
// That keeps the tree small (16 bytes a token, 28 a node) and makes every
// edit a minimal, reviewable change to the user's own text.

#ifndef NGXFIX_CORE_SYNTAX_TREE_H_
#define NGXFIX_CORE_SYNTAX_TREE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace ngxfix {

inline constexpr uint32_t kNone = UINT32_MAX;

enum class TokenKind : uint8_t {
  kWord,           // a directive name, argument or list entry word
  kComment,        // from '#' to the end of its line (CR and LF excluded)
  kSemicolon,      // ';'
  kBlockOpen,      // '{'
  kBlockClose,     // '}'
  kLuaBody,        // the raw Lua between the braces of a *_by_lua_block
  kDumpFraming,    // nginx -T framing: "# configuration file PATH:" and
                   // "nginx: ..." status lines
};

enum class Quote : uint8_t { kNone, kDouble, kSingle };

struct Token {
  uint32_t offset;  // into SyntaxTree::text()
  uint32_t length;
  uint32_t line;    // 1-based, within its file, counted as nginx does (LF)
  TokenKind kind;
  Quote quote;      // for kWord: how the word was written
  uint16_t file;    // index into SyntaxTree::files()
};

enum class NodeKind : uint8_t {
  kDirective,  // name, arguments, then ';' or a block
  kEntry,      // a statement inside types, map, geo, split_clients, ... :
               // a list of words that nginx does not look up as directives
  kComment,    // a comment standing on its own between statements
};

enum NodeFlag : uint8_t {
  kNodeBlock = 1,         // has a '{' (see Node::brace)
  kNodeLuaBlock = 2,      // the block holds raw Lua, not statements
  kNodeWordList = 4,      // the block's statements are kEntry nodes
  kNodeUnterminated = 8,  // error recovery: no ';' or '}' was found
};

struct Node {
  uint32_t first_token;   // the name word, first entry word, or the comment
  uint32_t end_token;     // one past the node's last token (past its '}')
  uint32_t brace;         // token index of '{', or kNone
  uint32_t parent;        // node index, or kNone at the top of a file
  uint32_t first_child;   // node index, or kNone
  uint32_t next_sibling;  // node index, or kNone
  uint16_t file;
  NodeKind kind;
  uint8_t flags;          // NodeFlag bits
};

// One configuration file.  A plain input is one file; an `nginx -T` dump is
// split at its "# configuration file PATH:" lines into one file each.
struct File {
  std::string name;
  uint32_t begin;        // byte range of the file's own text in text()
  uint32_t end;
  uint32_t first_line;   // index into line_starts() of the file's line 1
  uint32_t first_node;   // first top-level node, or kNone; a file's nodes
                         // are contiguous in nodes(), from this one
  bool from_dump;        // the name came from an nginx -T header
  // Where parsing stopped after a fatal error (input too large, nesting
  // too deep): text from here to `end` is kept as it is, unparsed.  kNone
  // when the whole file was parsed.
  uint32_t unparsed_from = kNone;
};

struct Position {
  uint32_t offset;
  uint32_t line;    // 1-based, within the file
  uint32_t column;  // 1-based, in bytes
};

class SyntaxTree {
 public:
  SyntaxTree() = default;
  SyntaxTree(SyntaxTree&&) = default;
  SyntaxTree& operator=(SyntaxTree&&) = default;

  const std::string& text() const { return text_; }
  // The text, taken out of a tree that is done with.
  std::string TakeText() && { return std::move(text_); }
  const std::vector<File>& files() const { return files_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // Absolute offsets where each line of text() starts, over all files.
  const std::vector<uint32_t>& line_starts() const { return line_starts_; }

  // True when no diagnostic is an error.
  bool ok() const;

  std::string_view text(const Token& t) const {
    return std::string_view(text_).substr(t.offset, t.length);
  }
  // The word as nginx hands it to a directive: quotes removed, and the
  // escapes \" \' \\ \t \r \n resolved.
  std::string value(const Token& t) const;

  // Line and column of a byte offset, within the file that holds it.
  Position position(uint32_t offset) const;
  uint16_t file_at(uint32_t offset) const;

  // Byte range of a node: from its first token to the end of its last one.
  uint32_t begin_offset(const Node& n) const;
  uint32_t end_offset(const Node& n) const;

  // A directive's or entry's name and arguments: its kWord tokens before the
  // '{' or ';', comments between them skipped.  For entries, every word.
  std::vector<uint32_t> words(const Node& n) const;
  // words(n).size(), without building the list.
  uint32_t word_count(const Node& n) const;
  // The token of words(n)[index], or kNone past the last word; without
  // building the list, for rules that read one argument of many nodes.
  uint32_t word(const Node& n, size_t index) const;
  // The name of a directive (value of its first token); empty for comments.
  std::string name(const Node& n) const;

 private:
  friend class Parser;

  std::string text_;
  std::vector<File> files_;
  std::vector<Token> tokens_;
  std::vector<Node> nodes_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<uint32_t> line_starts_;
};

// Resolves nginx's escapes in the raw text of a word (see SyntaxTree::value).
std::string WordValue(std::string_view raw, Quote quote);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_SYNTAX_TREE_H_
