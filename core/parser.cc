// The parser: a port of nginx's ngx_conf_read_token() and ngx_conf_parse()
// (src/core/ngx_conf_file.c, nginx 1.22) that records every token it reads.
//
// ReadStatement() keeps ngx_conf_read_token()'s state variables and their
// order of tests, so that the two agree on every byte: where a word starts
// and ends, which character is "unexpected", and which line nginx names.
// ParseFile() is ngx_conf_parse() made iterative: a stack of open blocks
// instead of recursion, so that deep nesting cannot overflow the C stack.
//
// nginx stops at the first error.  This parser records the error with
// nginx's words and recovers the way a reader would expect (a missing ';'
// ends the statement, a stray '}' is skipped, an unclosed block closes at the
// end of the file), so that the rest of the tree stays usable.

#include "core/parser.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/block_bodies.h"
#include "core/huge_pages.h"
#include "core/lua_block.h"

namespace ngxfix {
namespace {

// nginx reads a file through a buffer of NGX_CONF_BUFFER bytes, and a token
// that does not fit into it is "too long".
constexpr uint32_t kConfBuffer = 4096;

constexpr std::string_view kDumpHeader = "# configuration file ";
constexpr std::string_view kDumpStatus = "nginx: ";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

// For the fast paths of ReadStatement(): whitespace, and the characters that
// continue an unquoted word without changing the tokenizer's state.
enum CharClass : uint8_t { kPlain, kSpace, kSpecial };

constexpr auto kCharClass = [] {
  std::array<CharClass, 256> table{};
  for (char ch : {' ', '\t', '\r', '\n'}) table[uint8_t(ch)] = kSpace;
  for (char ch : {';', '{', '\\', '$'}) table[uint8_t(ch)] = kSpecial;
  return table;
}();

// Characters that are special at the start of a token only.
constexpr auto kStartsSpecial = [] {
  std::array<bool, 256> table{};
  for (char ch : {'}', '#', '"', '\''}) table[uint8_t(ch)] = true;
  return table;
}();

std::string_view Line(std::string_view text, size_t at) {
  size_t eol = text.find('\n', at);
  return text.substr(at, eol == std::string_view::npos ? eol : eol - at);
}

std::string_view WithoutCr(std::string_view line) {
  return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1)
                                              : line;
}

}  // namespace

class Parser {
 public:
  Parser(std::string text, const ParseOptions& options) : options_(options) {
    tree_.text_ = std::move(text);
  }

  SyntaxTree Run();

 private:
  // What ReadStatement() found, as ngx_conf_read_token() returns it.
  enum class Step {
    kStatement,          // NGX_OK: words terminated by ';'
    kBlockStart,         // NGX_CONF_BLOCK_START: words terminated by '{'
    kBlockDone,          // NGX_CONF_BLOCK_DONE: '}'
    kFileDone,           // NGX_CONF_FILE_DONE
    kStray,              // error: ';' or '{' with no words before it
    kUnterminatedClose,  // error: '}' after words with no ';'
    kUnterminatedEof,    // error: the file ended inside a statement
  };

  // An open block; node is kNone for the top of a file.  A '{' with no
  // directive name before it (error recovery) opens no node: it is counted
  // in `nameless`, and the '}' that closes it just decrements the count.
  struct OpenBlock {
    uint32_t node;
    uint32_t last_child;
    bool word_list;
    uint32_t nameless;
  };

  void IndexLines();
  void SplitFiles();
  void AddFile(std::string name, uint32_t begin, uint32_t end, bool from_dump);
  void ParseFile(uint16_t file);
  Step ReadStatement();
  void ReadLuaBody(uint32_t node);
  std::string NameOf(uint32_t node) const;

  void AddToken(TokenKind kind, uint32_t begin, uint32_t end, uint32_t line,
                Quote quote = Quote::kNone);
  uint32_t AddNode(NodeKind kind, uint32_t first_token, uint8_t flags);
  void CloseBlock(uint8_t extra_flags);
  void Error(uint32_t offset, uint32_t line, std::string message,
             Severity severity = Severity::kError);
  // An error at `offset` after which the file is kept unparsed from
  // `unparsed_from` on; always reported, whatever was reported before.
  void Fatal(uint32_t offset, uint32_t line, std::string message,
             uint32_t unparsed_from);

  const ParseOptions& options_;
  SyntaxTree tree_;
  // Where each file's "# configuration file" line starts, for dumps.
  std::vector<uint32_t> dump_headers_;

  // The file being parsed.
  uint16_t file_ = 0;
  uint32_t pos_ = 0;
  uint32_t end_ = 0;
  uint32_t line_ = 1;
  // nginx's buffer window: it holds text[window_, window_ + kConfBuffer).
  uint32_t window_ = 0;
  uint32_t too_long_reported_ = kNone;
  std::vector<OpenBlock> blocks_;

  // The statement being read.
  uint32_t statement_first_token_ = kNone;
  uint32_t statement_words_ = 0;
};

SyntaxTree Parse(std::string text, const ParseOptions& options) {
  return Parser(std::move(text), options).Run();
}

SyntaxTree Parser::Run() {
  IndexLines();
  if (tree_.text_.size() > kMaxInputBytes) {
    AddFile(options_.file_name, 0, tree_.text_.size(), false);
    Fatal(0, 1, "input is larger than 16 MiB", 0);
    return std::move(tree_);
  }
  // Real configurations have about one token every ten bytes and one node
  // every forty; denser input grows the arrays as it goes.
  ReserveHuge(tree_.tokens_, tree_.text_.size() / 8 + 16);
  ReserveHuge(tree_.nodes_, tree_.text_.size() / 32 + 16);
  SplitFiles();
  for (uint16_t f = 0; f < tree_.files_.size(); ++f) ParseFile(f);
  return std::move(tree_);
}

void Parser::IndexLines() {
  const std::string& text = tree_.text_;
  auto& starts = tree_.line_starts_;
  ReserveHuge(starts, text.size() / 24 + 2);
  starts.push_back(0);
  const char* p = text.data();
  const char* end = p + text.size();
  while (const void* lf = memchr(p, '\n', end - p)) {
    p = static_cast<const char*>(lf) + 1;
    starts.push_back(static_cast<uint32_t>(p - text.data()));
  }
}

// An `nginx -T` dump is "# configuration file PATH:" then the file's bytes
// then one LF, for each file; it may begin with nginx's "nginx: ..." status
// lines when stderr was captured too.  Anything else is one file.
void Parser::SplitFiles() {
  std::string_view text = tree_.text_;
  size_t at = text.substr(0, 3) == kByteOrderMark ? 3 : 0;
  size_t first_header = at;
  while (options_.split_dump && first_header < text.size() &&
         Line(text, first_header).substr(0, kDumpStatus.size()) ==
             kDumpStatus) {
    first_header += Line(text, first_header).size() + 1;
  }
  auto is_header = [&](size_t pos) {
    std::string_view line = WithoutCr(Line(text, pos));
    return line.size() > kDumpHeader.size() + 1 &&
           line.substr(0, kDumpHeader.size()) == kDumpHeader &&
           line.back() == ':';
  };
  if (!options_.split_dump || first_header >= text.size() ||
      !is_header(first_header)) {
    AddFile(options_.file_name, 0, text.size(), false);
    return;
  }

  std::vector<size_t> headers;
  for (size_t pos = first_header; pos < text.size();) {
    if (is_header(pos)) headers.push_back(pos);
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  for (size_t i = 0; i < headers.size(); ++i) {
    std::string_view header = WithoutCr(Line(text, headers[i]));
    size_t begin = std::min(text.size(), headers[i] + Line(text, headers[i]).size() + 1);
    size_t end = i + 1 < headers.size() ? headers[i + 1] : text.size();
    // The LF nginx writes after each file is framing, not the file's.
    if (end > begin && text[end - 1] == '\n') {
      --end;
      if (end > begin && text[end - 1] == '\r') --end;
    }
    std::string name(header.substr(kDumpHeader.size(),
                                   header.size() - kDumpHeader.size() - 1));
    AddFile(std::move(name), begin, end, true);
    // A byte order mark before the first header is part of its line.
    dump_headers_.push_back(i == 0 && first_header == at ? 0 : headers[i]);
  }
  // Status lines and headers are framing tokens of the file they precede;
  // a byte order mark before them goes with the first.
  for (size_t pos = at; pos < first_header;) {
    std::string_view line = Line(text, pos);
    AddToken(TokenKind::kDumpFraming, pos == at ? 0 : pos,
             pos + WithoutCr(line).size(), 0);
    pos += line.size() + 1;
  }
}

void Parser::AddFile(std::string name, uint32_t begin, uint32_t end,
                     bool from_dump) {
  const auto& starts = tree_.line_starts_;
  uint32_t first_line = static_cast<uint32_t>(
      std::upper_bound(starts.begin(), starts.end(), begin) - starts.begin() -
      1);
  tree_.files_.push_back(
      File{std::move(name), begin, end, first_line, kNone, from_dump});
}

void Parser::AddToken(TokenKind kind, uint32_t begin, uint32_t end,
                      uint32_t line, Quote quote) {
  tree_.tokens_.push_back(Token{begin, end - begin, line, kind, quote, file_});
}

uint32_t Parser::AddNode(NodeKind kind, uint32_t first_token, uint8_t flags) {
  uint32_t index = static_cast<uint32_t>(tree_.nodes_.size());
  OpenBlock& block = blocks_.back();
  tree_.nodes_.push_back(Node{first_token,
                              static_cast<uint32_t>(tree_.tokens_.size()),
                              kNone, block.node, kNone, kNone, file_, kind,
                              flags});
  if (block.last_child != kNone) {
    tree_.nodes_[block.last_child].next_sibling = index;
  } else if (block.node != kNone) {
    tree_.nodes_[block.node].first_child = index;
  } else {
    tree_.files_[file_].first_node = index;
  }
  block.last_child = index;
  return index;
}

void Parser::CloseBlock(uint8_t extra_flags) {
  OpenBlock block = blocks_.back();
  blocks_.pop_back();
  if (block.node == kNone) return;
  Node& node = tree_.nodes_[block.node];
  node.end_token = static_cast<uint32_t>(tree_.tokens_.size());
  node.flags |= extra_flags;
}

void Parser::Error(uint32_t offset, uint32_t line, std::string message,
                   Severity severity) {
  auto& diags = tree_.diagnostics_;
  // Recovery can meet the same character twice; report it once.
  if (!diags.empty() && diags.back().offset == offset &&
      diags.back().file == file_) {
    return;
  }
  if (diags.size() == kMaxDiagnostics) {
    message = "too many errors; the rest are not reported";
  } else if (diags.size() > kMaxDiagnostics) {
    return;
  }
  const auto& starts = tree_.line_starts_;
  uint32_t line_start =
      *(std::upper_bound(starts.begin(), starts.end(), offset) - 1);
  uint32_t column = offset - line_start + 1;
  diags.push_back(Diagnostic{severity, file_, offset, line, column,
                             std::move(message)});
}

void Parser::Fatal(uint32_t offset, uint32_t line, std::string message,
                   uint32_t unparsed_from) {
  const auto& starts = tree_.line_starts_;
  uint32_t line_start =
      *(std::upper_bound(starts.begin(), starts.end(), offset) - 1);
  tree_.diagnostics_.push_back(Diagnostic{Severity::kError, file_, offset,
                                          line, offset - line_start + 1,
                                          std::move(message)});
  tree_.files_[file_].unparsed_from = unparsed_from;
}

void Parser::ParseFile(uint16_t file) {
  const File& f = tree_.files_[file];
  file_ = file;
  pos_ = f.begin;
  end_ = f.end;
  line_ = 1;
  window_ = pos_;
  too_long_reported_ = kNone;
  blocks_.assign(1, OpenBlock{kNone, kNone, false, 0});

  // A dump's header line is framing that introduces this file.
  if (f.from_dump) {
    uint32_t header = dump_headers_[file];
    std::string_view line = WithoutCr(Line(tree_.text_, header));
    AddToken(TokenKind::kDumpFraming, header, header + line.size(), 0);
  }
  // nginx does not skip a byte order mark: it is the start of the first
  // word, as here.  Say so, since the editor that wrote it hid it.
  if (std::string_view(tree_.text_).substr(pos_, 3) == kByteOrderMark &&
      end_ - pos_ >= 3) {
    Error(pos_, 1,
          "UTF-8 byte order mark: nginx reads it as part of the first word",
          Severity::kWarning);
  }

  for (;;) {
    Step step = ReadStatement();
    const Token* last = tree_.tokens_.empty() ? nullptr : &tree_.tokens_.back();
    switch (step) {
      case Step::kStatement:
        AddNode(blocks_.back().word_list ? NodeKind::kEntry
                                         : NodeKind::kDirective,
                statement_first_token_, 0);
        break;

      case Step::kBlockStart: {
        const OpenBlock& parent = blocks_.back();
        NodeKind kind =
            parent.word_list ? NodeKind::kEntry : NodeKind::kDirective;
        if (parent.word_list) Error(last->offset, line_, "unexpected \"{\"");
        uint32_t brace = static_cast<uint32_t>(tree_.tokens_.size() - 1);
        uint32_t node = AddNode(kind, statement_first_token_, kNodeBlock);
        tree_.nodes_[node].brace = brace;
        if (blocks_.size() > static_cast<size_t>(kMaxBlockDepth)) {
          Fatal(last->offset, line_,
                "too deep nesting: more than 256 blocks; the rest of the "
                "file is kept as text",
                last->offset + 1);
          CloseBlock(kNodeUnterminated);
          while (blocks_.size() > 1) CloseBlock(kNodeUnterminated);
          return;
        }
        BlockBody body = parent.word_list ? BlockBody::kWords
                                          : BlockBodyOf(NameOf(node));
        if (body == BlockBody::kLua) {
          ReadLuaBody(node);
          break;
        }
        if (body == BlockBody::kWords) tree_.nodes_[node].flags |= kNodeWordList;
        blocks_.push_back(OpenBlock{node, kNone, body == BlockBody::kWords, 0});
        break;
      }

      case Step::kStray:
        if (last->kind == TokenKind::kBlockOpen) ++blocks_.back().nameless;
        break;

      case Step::kUnterminatedClose:
      case Step::kBlockDone:
        if (step == Step::kUnterminatedClose) {
          AddNode(blocks_.back().word_list ? NodeKind::kEntry
                                           : NodeKind::kDirective,
                  statement_first_token_, kNodeUnterminated);
          // The '}' belongs to the block, not to the statement.
          tree_.nodes_[blocks_.back().last_child].end_token -= 1;
        }
        if (blocks_.back().nameless > 0) {
          --blocks_.back().nameless;
        } else if (blocks_.size() == 1) {
          Error(last->offset, last->line, "unexpected \"}\"");
        } else {
          CloseBlock(0);
        }
        break;

      case Step::kUnterminatedEof:
      case Step::kFileDone:
        if (step == Step::kUnterminatedEof) {
          AddNode(blocks_.back().word_list ? NodeKind::kEntry
                                           : NodeKind::kDirective,
                  statement_first_token_, kNodeUnterminated);
        }
        if (step == Step::kFileDone &&
            (blocks_.size() > 1 || blocks_.back().nameless > 0)) {
          Error(end_, line_, "unexpected end of file, expecting \"}\"");
        }
        while (blocks_.size() > 1) CloseBlock(kNodeUnterminated);
        return;
    }
  }
}

std::string Parser::NameOf(uint32_t node) const {
  const Token& name = tree_.tokens_[tree_.nodes_[node].first_token];
  std::string_view raw = tree_.text(name);
  if (name.quote == Quote::kNone && raw.find('\\') == std::string_view::npos) {
    return std::string(raw);  // short enough for the small-string buffer
  }
  return tree_.value(name);
}

void Parser::ReadLuaBody(uint32_t node) {
  LuaBodyScan scan =
      ScanLuaBody(tree_.text_, pos_, end_, line_);
  if (scan.close > pos_) AddToken(TokenKind::kLuaBody, pos_, scan.close, line_);
  line_ += scan.lines;
  pos_ = scan.close;
  Node& n = tree_.nodes_[node];
  n.flags |= kNodeLuaBlock;
  if (!scan.ok) {
    Error(scan.error_offset, scan.error_line, scan.error);
    n.flags |= kNodeUnterminated;
  } else {
    AddToken(TokenKind::kBlockClose, pos_, pos_ + 1, line_);
    ++pos_;
  }
  n.end_token = static_cast<uint32_t>(tree_.tokens_.size());
  // nginx's buffer after a Lua block: a fresh window from here is as close
  // as this parser gets to lua-nginx-module's own refills.
  window_ = pos_;
}

// ngx_conf_read_token(), recording tokens.  The state variables, their
// names and the order of the tests follow nginx's function.
Parser::Step Parser::ReadStatement() {
  const char* text = tree_.text_.data();
  bool found = false, need_space = false, last_space = true;
  bool sharp_comment = false, variable = false;
  bool quoted = false, s_quoted = false, d_quoted = false;
  uint32_t start = pos_;       // nginx's start: where its buffer must keep from
  uint32_t start_line = line_;
  uint32_t word_begin = 0, word_line = 0;  // the token, quotes included
  Quote word_quote = Quote::kNone;
  uint32_t comment_begin = 0, comment_line = 0;

  statement_first_token_ = kNone;
  statement_words_ = 0;

  auto add_word = [&](uint32_t end) {
    if (statement_first_token_ == kNone) {
      statement_first_token_ = static_cast<uint32_t>(tree_.tokens_.size());
    }
    AddToken(TokenKind::kWord, word_begin, end, word_line, word_quote);
    ++statement_words_;
  };
  auto add_comment = [&](uint32_t end) {
    if (end > comment_begin && text[end - 1] == '\r') --end;
    AddToken(TokenKind::kComment, comment_begin, end, comment_line);
    if (statement_words_ == 0) {
      AddNode(NodeKind::kComment,
              static_cast<uint32_t>(tree_.tokens_.size() - 1), 0);
    }
  };
  auto add_punct = [&](TokenKind kind) {
    AddToken(kind, pos_ - 1, pos_, line_);
  };
  auto unexpected = [&](char ch) {
    Error(pos_ - 1, line_, std::string("unexpected \"") + ch + "\"");
  };

  // Characters up to `limit` are in nginx's buffer; at `limit` nginx either
  // reaches the end of the file or refills its buffer.
  uint32_t limit = std::min(end_, window_ + kConfBuffer);

  for (;;) {
    if (pos_ >= limit) {
      if (pos_ >= end_) {
        if (sharp_comment) add_comment(end_);
        if (statement_words_ > 0 || !last_space) {
          if (!last_space && !need_space) add_word(end_);
          Error(end_, line_,
                "unexpected end of file, expecting \";\" or \"}\"");
          return Step::kUnterminatedEof;
        }
        return Step::kFileDone;
      }
      // A token that fills the whole buffer is too long.
      if (start == window_ && too_long_reported_ != start) {
        too_long_reported_ = start;
        std::string message;
        if (d_quoted || s_quoted) {
          message = std::string("too long parameter, probably missing "
                                "terminating \"") +
                    (d_quoted ? '"' : '\'') + "\" character";
        } else {
          message = "too long parameter \"" +
                    std::string(text + start, 10) + "...\" started";
        }
        Error(start, start_line, std::move(message));
      }
      window_ = start == window_ ? pos_ : start;
      limit = std::min(end_, window_ + kConfBuffer);
    }

    // The fast lane: between tokens, whitespace then a plain unquoted word
    // ended by whitespace, ';' or '{' (most of any configuration).  It
    // leaves nginx's `start` where the port below would, and hands anything
    // else to it.
    if (last_space && !need_space && !quoted && !sharp_comment) {
      uint32_t run = pos_;
      while (run < limit && kCharClass[uint8_t(text[run])] == kSpace) {
        line_ += text[run] == '\n';
        ++run;
      }
      if (run > pos_) {
        start = run - 1;
        start_line = line_;
      }
      pos_ = run;
      if (run < limit && kCharClass[uint8_t(text[run])] == kPlain &&
          !kStartsSpecial[uint8_t(text[run])]) {
        uint32_t begin = run;
        while (run < limit && kCharClass[uint8_t(text[run])] == kPlain) ++run;
        char ch = run < limit ? text[run] : '\0';
        if (run < limit && (kCharClass[uint8_t(ch)] == kSpace || ch == ';' ||
                            ch == '{')) {
          word_begin = begin;
          word_line = line_;
          word_quote = Quote::kNone;
          add_word(run);
          start = begin;
          start_line = line_;
          pos_ = run + 1;
          if (ch == ';') {
            add_punct(TokenKind::kSemicolon);
            return Step::kStatement;
          }
          if (ch == '{') {
            add_punct(TokenKind::kBlockOpen);
            return Step::kBlockStart;
          }
          line_ += ch == '\n';
          continue;
        }
        pos_ = begin;
      }
      if (pos_ >= limit) continue;
    }

    // Fast paths over runs of characters that cannot change the state;
    // each stops at `limit` and leaves the next character to the port below.
    if (!quoted && !need_space) {
      uint32_t run = pos_;
      if (sharp_comment) {
        const void* lf = memchr(text + run, '\n', limit - run);
        run = lf ? static_cast<uint32_t>(static_cast<const char*>(lf) - text)
                 : limit;
      } else if (last_space) {
        while (run < limit && kCharClass[uint8_t(text[run])] == kSpace) {
          line_ += text[run] == '\n';
          ++run;
        }
        if (run > pos_) {
          start = run - 1;
          start_line = line_;
        }
      } else if (d_quoted || s_quoted) {
        char quote = d_quoted ? '"' : '\'';
        while (run < limit && text[run] != quote && text[run] != '\\') {
          line_ += text[run] == '\n';
          ++run;
        }
      } else {
        while (run < limit && kCharClass[uint8_t(text[run])] == kPlain) ++run;
        if (run > pos_) variable = false;
      }
      pos_ = run;
      if (pos_ >= limit) continue;
    }

    char ch = text[pos_++];

    if (ch == '\n') {
      ++line_;
      if (sharp_comment) {
        sharp_comment = false;
        add_comment(pos_ - 1);
      }
    }

    if (sharp_comment) continue;

    if (quoted) {
      quoted = false;
      continue;
    }

    if (need_space) {
      if (IsSpace(ch)) {
        last_space = true;
        need_space = false;
        continue;
      }
      if (ch == ';') {
        add_punct(TokenKind::kSemicolon);
        return Step::kStatement;
      }
      if (ch == '{') {
        add_punct(TokenKind::kBlockOpen);
        return Step::kBlockStart;
      }
      if (ch != ')') unexpected(ch);  // recovery: read on as after ')'
      last_space = true;
      need_space = false;
    }

    if (last_space) {
      start = pos_ - 1;
      start_line = line_;

      if (IsSpace(ch)) continue;

      switch (ch) {
        case ';':
        case '{':
          add_punct(ch == '{' ? TokenKind::kBlockOpen : TokenKind::kSemicolon);
          if (statement_words_ == 0) {
            unexpected(ch);
            return Step::kStray;
          }
          return ch == '{' ? Step::kBlockStart : Step::kStatement;

        case '}':
          add_punct(TokenKind::kBlockClose);
          if (statement_words_ != 0) {
            unexpected(ch);
            return Step::kUnterminatedClose;
          }
          return Step::kBlockDone;

        case '#':
          sharp_comment = true;
          comment_begin = pos_ - 1;
          comment_line = line_;
          continue;

        case '\\':
          quoted = true;
          last_space = false;
          break;

        case '"':
          ++start;
          d_quoted = true;
          last_space = false;
          break;

        case '\'':
          ++start;
          s_quoted = true;
          last_space = false;
          break;

        case '$':
          variable = true;
          last_space = false;
          break;

        default:
          last_space = false;
      }
      word_begin = pos_ - 1;
      word_line = line_;
      word_quote = d_quoted   ? Quote::kDouble
                   : s_quoted ? Quote::kSingle
                              : Quote::kNone;
      continue;
    }

    if (ch == '{' && variable) continue;

    variable = false;

    if (ch == '\\') {
      quoted = true;
      continue;
    }

    if (ch == '$') {
      variable = true;
      continue;
    }

    if (d_quoted) {
      if (ch == '"') {
        d_quoted = false;
        need_space = true;
        found = true;
      }
    } else if (s_quoted) {
      if (ch == '\'') {
        s_quoted = false;
        need_space = true;
        found = true;
      }
    } else if (IsSpace(ch) || ch == ';' || ch == '{') {
      last_space = true;
      found = true;
    }

    if (found) {
      add_word(need_space ? pos_ : pos_ - 1);
      if (ch == ';') {
        add_punct(TokenKind::kSemicolon);
        return Step::kStatement;
      }
      if (ch == '{') {
        add_punct(TokenKind::kBlockOpen);
        return Step::kBlockStart;
      }
      found = false;
    }
  }
}

}  // namespace ngxfix
