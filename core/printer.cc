#include "core/printer.h"

namespace ngxfix {
namespace {

// Emits tokens in tree order, each after the whitespace gap that precedes
// it.  Tokens that belong to no node (a dump's framing, a stray ';' or '}')
// are emitted where they stand, between the nodes around them.
class Printer {
 public:
  explicit Printer(const SyntaxTree& tree) : tree_(tree) {
    out_.reserve(tree.text().size());
  }

  std::string Run() {
    for (const File& file : tree_.files()) {
      for (uint32_t n = file.first_node; n != kNone;
           n = tree_.nodes()[n].next_sibling) {
        PrintNode(tree_.nodes()[n]);
      }
    }
    EmitTokensBefore(static_cast<uint32_t>(tree_.tokens().size()));
    out_.append(tree_.text(), cursor_, std::string::npos);
    return std::move(out_);
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
      out_.append(tree_.text(), cursor_, t.offset + t.length - cursor_);
      cursor_ = t.offset + t.length;
    }
  }

  const SyntaxTree& tree_;
  std::string out_;
  uint32_t cursor_ = 0;
  uint32_t next_token_ = 0;
};

}  // namespace

std::string Print(const SyntaxTree& tree) { return Printer(tree).Run(); }

}  // namespace ngxfix
