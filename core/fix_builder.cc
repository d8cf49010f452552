#include "core/fix_builder.h"

namespace ngxfix {

std::string FixBuilder::Statement(
    std::initializer_list<std::string_view> words) const {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ' ';
    out += QuoteWord(word, style_.quote);
  }
  return out + ";";
}

Edit FixBuilder::InsertAfter(const Node& node,
                             const std::vector<std::string>& statements) const {
  std::string_view text = tree_.text();
  uint32_t end = tree_.end_offset(node);
  uint32_t line_end = EndOfLine(tree_, node);
  std::string indent = IndentationOf(tree_, node);
  std::string insertion;
  if (line_end == end && line_end < tree_.files()[node.file].end) {
    // More statements follow on this line: stay on it.
    for (const std::string& s : statements) insertion += " " + s;
    return Edit{end, end, insertion};
  }
  bool at_eof_without_newline = line_end == tree_.files()[node.file].end &&
                                (line_end == 0 || text[line_end - 1] != '\n');
  for (const std::string& s : statements) {
    if (at_eof_without_newline) {
      insertion += style_.line_ending + indent + s;
    } else {
      insertion += indent + s + style_.line_ending;
    }
  }
  return Edit{line_end, line_end, insertion};
}

Edit FixBuilder::InsertBefore(const Node& node,
                              const std::vector<std::string>& statements) const {
  std::string_view text = tree_.text();
  uint32_t begin = tree_.begin_offset(node);
  uint32_t line_start = begin;
  while (line_start > tree_.files()[node.file].begin &&
         IsBlank(text[line_start - 1])) {
    --line_start;
  }
  std::string insertion;
  if (line_start == tree_.files()[node.file].begin ||
      text[line_start - 1] == '\n') {
    std::string indent = IndentationOf(tree_, node);
    for (const std::string& s : statements) {
      insertion += indent + s + style_.line_ending;
    }
    return Edit{line_start, line_start, insertion};
  }
  for (const std::string& s : statements) insertion += s + " ";
  return Edit{begin, begin, insertion};
}

Edit FixBuilder::Replace(const Node& node, std::string text) const {
  return Edit{tree_.begin_offset(node), tree_.end_offset(node),
              std::move(text)};
}

Edit FixBuilder::ReplaceToken(uint32_t token, std::string text) const {
  const Token& t = tree_.tokens()[token];
  return Edit{t.offset, t.offset + t.length, std::move(text)};
}

Edit FixBuilder::Remove(const Node& node) const {
  std::string_view text = tree_.text();
  const File& file = tree_.files()[node.file];
  uint32_t begin = tree_.begin_offset(node);
  uint32_t end = tree_.end_offset(node);
  uint32_t line_start = begin;
  while (line_start > file.begin && IsBlank(text[line_start - 1])) {
    --line_start;
  }
  uint32_t after = end;
  while (after < file.end && IsBlank(text[after])) ++after;
  bool starts_line = line_start == file.begin || text[line_start - 1] == '\n';
  bool ends_line = after == file.end || text[after] == '\n' ||
                   (text[after] == '\r' && after + 1 < file.end &&
                    text[after + 1] == '\n');
  if (starts_line && ends_line) {
    uint32_t line_end = after;
    if (line_end < file.end && text[line_end] == '\r') ++line_end;
    if (line_end < file.end && text[line_end] == '\n') ++line_end;
    return Edit{line_start, line_end, ""};
  }
  // A comment or another statement shares the line: keep them.
  return Edit{begin, after == file.end || ends_line ? end : after, ""};
}

}  // namespace ngxfix
