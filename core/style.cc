#include "core/style.h"

#include <algorithm>
#include <map>

namespace ngxfix {
namespace {

// How many of a file's nodes DetectStyle() reads.
constexpr size_t kStyleSample = 4096;

// Start of the line that holds `offset`, but not before `floor`.
uint32_t LineStart(std::string_view text, uint32_t offset, uint32_t floor) {
  while (offset > floor && text[offset - 1] != '\n') --offset;
  return offset;
}

std::string_view LeadingBlanks(std::string_view text, uint32_t line_start) {
  uint32_t end = line_start;
  while (end < text.size() && IsBlank(text[end])) ++end;
  return text.substr(line_start, end - line_start);
}

// The blanks that open the line where `node` begins.
std::string_view Indentation(const SyntaxTree& tree, const Node& node) {
  const File& f = tree.files()[node.file];
  uint32_t begin = tree.begin_offset(node);
  return LeadingBlanks(tree.text(), LineStart(tree.text(), begin, f.begin));
}

}  // namespace

FileStyle DetectStyle(const SyntaxTree& tree, uint16_t file) {
  FileStyle style;
  const File& f = tree.files()[file];
  std::string_view text = tree.text();

  size_t lf = text.substr(0, f.end).find('\n', f.begin);
  if (lf != std::string_view::npos && lf > f.begin && text[lf - 1] == '\r') {
    style.line_ending = "\r\n";
  }

  // The indentation unit is the most common step from a block's line to
  // the lines of its children.  The file's first statements decide: a
  // file has one style, and a 16 MiB one need not be read whole.
  std::map<std::string_view, int> steps;
  int double_quotes = 0, single_quotes = 0;
  uint32_t sample_end =
      f.first_node == kNone
          ? 0
          : static_cast<uint32_t>(std::min<size_t>(
                tree.nodes().size(), size_t{f.first_node} + kStyleSample));
  for (uint32_t n = f.first_node; n < sample_end; ++n) {
    const Node& node = tree.nodes()[n];
    if (node.file != file) break;
    if (node.kind != NodeKind::kComment) {
      for (uint32_t t = node.first_token;
           t < (node.brace != kNone ? node.brace : node.end_token); ++t) {
        double_quotes += tree.tokens()[t].quote == Quote::kDouble;
        single_quotes += tree.tokens()[t].quote == Quote::kSingle;
      }
    }
    if (node.parent == kNone) continue;
    uint32_t begin = tree.begin_offset(node);
    uint32_t line = LineStart(text, begin, f.begin);
    // Only nodes that start their line show indentation.
    std::string_view indent = LeadingBlanks(text, line);
    if (line + indent.size() != begin) continue;
    std::string_view parent_indent = Indentation(tree, tree.nodes()[node.parent]);
    if (indent.size() > parent_indent.size() &&
        indent.substr(0, parent_indent.size()) == parent_indent) {
      ++steps[indent.substr(parent_indent.size())];
    }
  }
  int best = 0;
  for (const auto& [step, count] : steps) {
    if (count > best) {
      best = count;
      style.indent_unit = std::string(step);
    }
  }
  if (single_quotes > double_quotes) style.quote = '\'';
  return style;
}

std::string IndentationOf(const SyntaxTree& tree, const Node& node) {
  return std::string(Indentation(tree, node));
}

uint32_t EndOfLine(const SyntaxTree& tree, const Node& node) {
  std::string_view text = tree.text();
  uint32_t end = tree.files()[node.file].end;
  uint32_t pos = tree.end_offset(node);
  uint32_t after = pos;
  while (after < end && IsBlank(text[after])) ++after;
  if (after < end && text[after] == '#') {
    while (after < end && text[after] != '\n') ++after;
  }
  if (after < end && text[after] == '\r' && after + 1 < end &&
      text[after + 1] == '\n') {
    ++after;
  }
  if (after < end && text[after] == '\n') return after + 1;
  return after == end ? end : pos;
}

std::string QuoteWord(std::string_view word, char quote) {
  bool bare = !word.empty() && word[0] != '"' && word[0] != '\'' &&
              word[0] != '#' && word[0] != '}';
  for (char ch : word) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';' ||
        ch == '{' || ch == '\\') {
      bare = false;
    }
  }
  if (bare) return std::string(word);
  std::string quoted(1, quote);
  for (char ch : word) {
    if (ch == quote || ch == '\\') quoted += '\\';
    quoted += ch;
  }
  quoted += quote;
  return quoted;
}

}  // namespace ngxfix
