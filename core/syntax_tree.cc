#include "core/syntax_tree.h"

#include <algorithm>

namespace ngxfix {

bool SyntaxTree::ok() const {
  return std::none_of(diagnostics_.begin(), diagnostics_.end(),
                      [](const Diagnostic& d) {
                        return d.severity == Severity::kError;
                      });
}

std::string WordValue(std::string_view raw, Quote quote) {
  if (quote != Quote::kNone) {
    // Drop the opening quote, and the closing one unless the word was left
    // open at the end of the input (error recovery).
    char q = quote == Quote::kDouble ? '"' : '\'';
    size_t i = 1;
    while (i < raw.size() && raw[i] != q) i += raw[i] == '\\' ? 2 : 1;
    raw = raw.substr(1, std::min(i, raw.size()) - 1);
  }
  // Most words have no backslash: their value is their text.
  if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  // The copy loop of ngx_conf_read_token(): \" \' \\ lose their backslash,
  // \t \r \n become the control character, any other backslash stays.
  std::string value;
  value.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      char next = raw[i + 1];
      if (next == '"' || next == '\'' || next == '\\') {
        value += next;
        ++i;
        continue;
      }
      if (next == 't' || next == 'r' || next == 'n') {
        value += next == 't' ? '\t' : next == 'r' ? '\r' : '\n';
        ++i;
        continue;
      }
    }
    value += raw[i];
  }
  return value;
}

std::string SyntaxTree::value(const Token& t) const {
  return WordValue(text(t), t.quote);
}

uint16_t SyntaxTree::file_at(uint32_t offset) const {
  // The last file that begins at or before the offset; the framing between
  // two files of a dump goes with the earlier one.
  auto it = std::upper_bound(
      files_.begin(), files_.end(), offset,
      [](uint32_t o, const File& f) { return o < f.begin; });
  return it == files_.begin() ? 0
                              : static_cast<uint16_t>(it - files_.begin() - 1);
}

Position SyntaxTree::position(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t global_line = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  uint32_t column = offset - line_starts_[global_line] + 1;
  const File& file = files_[file_at(offset)];
  uint32_t line = global_line >= file.first_line
                      ? global_line - file.first_line + 1
                      : 0;  // nginx -T framing before the file's own text
  return Position{offset, line, column};
}

uint32_t SyntaxTree::begin_offset(const Node& n) const {
  return tokens_[n.first_token].offset;
}

uint32_t SyntaxTree::end_offset(const Node& n) const {
  const Token& last = tokens_[n.end_token - 1];
  return last.offset + last.length;
}

namespace {

// Calls visit(token index) for each of a node's words, as words() lists
// them, until visit returns false.
template <typename Visit>
void ForEachWord(const std::vector<Token>& tokens, const Node& n, Visit visit) {
  if (n.kind == NodeKind::kComment) return;
  uint32_t end = n.brace != kNone ? n.brace : n.end_token;
  for (uint32_t t = n.first_token; t < end; ++t) {
    if (tokens[t].kind == TokenKind::kSemicolon) return;
    if (tokens[t].kind == TokenKind::kWord && !visit(t)) return;
  }
}

}  // namespace

std::vector<uint32_t> SyntaxTree::words(const Node& n) const {
  std::vector<uint32_t> words;
  // One allocation: most statements have a few words, and rules ask often.
  if (n.kind != NodeKind::kComment) {
    uint32_t end = n.brace != kNone ? n.brace : n.end_token;
    words.reserve(std::min<uint32_t>(end - n.first_token, 8));
  }
  ForEachWord(tokens_, n, [&](uint32_t t) {
    words.push_back(t);
    return true;
  });
  return words;
}

uint32_t SyntaxTree::word_count(const Node& n) const {
  uint32_t count = 0;
  ForEachWord(tokens_, n, [&](uint32_t) {
    ++count;
    return true;
  });
  return count;
}

uint32_t SyntaxTree::word(const Node& n, size_t index) const {
  uint32_t found = kNone;
  ForEachWord(tokens_, n, [&](uint32_t t) {
    if (index-- > 0) return true;
    found = t;
    return false;
  });
  return found;
}

std::string SyntaxTree::name(const Node& n) const {
  if (n.kind == NodeKind::kComment) return "";
  return value(tokens_[n.first_token]);
}

}  // namespace ngxfix
