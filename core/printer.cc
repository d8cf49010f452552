#include "core/printer.h"

namespace ngxfix {
namespace {

// Emits tokens in tree order, each after the whitespace gap that precedes
// it.  Tokens that belong to no node (a dump's framing, a stray ';' or '}')
// are emitted where they stand, between the nodes around them.  Each piece
// starts where the previous one ended, so pieces are written together, 64 KiB
// at a time.
class Printer {
 public:
  Printer(const SyntaxTree& tree, Output& out) : tree_(tree), out_(out) {}

  void Run() {
    for (const File& file : tree_.files()) {
      for (uint32_t n = file.first_node; n != kNone;
           n = tree_.nodes()[n].next_sibling) {
        PrintNode(tree_.nodes()[n]);
      }
    }
    EmitTokensBefore(static_cast<uint32_t>(tree_.tokens().size()));
    out_.Append(std::string_view(tree_.text()).substr(written_));
  }

 private:
  void PrintNode(const Node& node) {
    EmitTokensBefore(node.first_token);
    uint32_t head_end = node.first_child != kNone
                            ? tree_.nodes()[node.first_child].first_token
                            : node.end_token;
    EmitTokensBefore(head_end);
    for (uint32_t c = node.first_child; c != kNone;
         c = tree_.nodes()[c].next_sibling) {
      PrintNode(tree_.nodes()[c]);
    }
    EmitTokensBefore(node.end_token);
  }

  void EmitTokensBefore(uint32_t end) {
    for (; next_token_ < end; ++next_token_) {
      const Token& t = tree_.tokens()[next_token_];
      // The gap before the token, and the token.
      cursor_ = t.offset + t.length;
    }
    if (cursor_ - written_ >= kPieceBytes) {
      out_.Append(std::string_view(tree_.text()).substr(written_, cursor_ - written_));
      written_ = cursor_;
    }
  }

  static constexpr uint32_t kPieceBytes = 64 * 1024;

  const SyntaxTree& tree_;
  Output& out_;
  uint32_t cursor_ = 0;   // the end of the last token emitted
  uint32_t written_ = 0;  // how far out_ has the text
  uint32_t next_token_ = 0;
};

}  // namespace

void Print(const SyntaxTree& tree, Output& out) { Printer(tree, out).Run(); }

std::string Print(const SyntaxTree& tree) {
  std::string text;
  text.reserve(tree.text().size());
  {
    Output out(&text);
    Print(tree, out);
  }
  return text;
}

}  // namespace ngxfix
