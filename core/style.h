// The style of the user's file, so that text a fix adds looks like the text
// around it: the indentation unit (a tab, or N spaces), the line ending
// (LF or CRLF) and the quote character the file prefers.

#ifndef NGXFIX_CORE_STYLE_H_
#define NGXFIX_CORE_STYLE_H_

#include <string>
#include <string_view>

#include "core/syntax_tree.h"

namespace ngxfix {

struct FileStyle {
  std::string indent_unit = "    ";
  std::string line_ending = "\n";
  char quote = '"';
};

// The style of one file of the tree, from the indentation of its nested
// statements, its first line ending and its quoted words.
FileStyle DetectStyle(const SyntaxTree& tree, uint16_t file);

// Space or tab: what indentation and the gaps between words are made of.
inline bool IsBlank(char ch) { return ch == ' ' || ch == '\t'; }

// The whitespace that precedes a node on its line, when the node starts its
// line; otherwise the indentation of the line it is on.
std::string IndentationOf(const SyntaxTree& tree, const Node& node);

// Offset just past the end of the node's line (after its line ending), or
// the end of the node when something other than whitespace or a comment
// follows it on the same line.
uint32_t EndOfLine(const SyntaxTree& tree, const Node& node);

// `word` written so nginx reads it back unchanged: bare when it can be,
// quoted with the file's quote otherwise.
std::string QuoteWord(std::string_view word, char quote);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_STYLE_H_
