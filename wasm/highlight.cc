#include "wasm/highlight.h"

#include <cstdint>
#include <vector>

namespace ngxfix::wasm {
namespace {

HighlightKind KindOf(const Token& token, bool is_name) {
  switch (token.kind) {
    case TokenKind::kWord:
      if (is_name) return HighlightKind::kName;
      return token.quote == Quote::kNone ? HighlightKind::kArgument
                                         : HighlightKind::kString;
    case TokenKind::kComment: return HighlightKind::kComment;
    case TokenKind::kLuaBody: return HighlightKind::kLua;
    case TokenKind::kDumpFraming: return HighlightKind::kFraming;
    case TokenKind::kSemicolon:
    case TokenKind::kBlockOpen:
    case TokenKind::kBlockClose: return HighlightKind::kPunctuation;
  }
  return HighlightKind::kArgument;
}

}  // namespace

std::vector<uint32_t> HighlightTokens(const SyntaxTree& tree, const Utf16Index& utf16) {
  const std::vector<Token>& tokens = tree.tokens();
  std::vector<bool> is_name(tokens.size(), false);
  for (const Node& node : tree.nodes()) {
    if (node.kind == NodeKind::kDirective && node.first_token < tokens.size()) {
      is_name[node.first_token] = true;
    }
  }
  std::vector<uint32_t> out;
  out.reserve(tokens.size() * 3);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    uint32_t start = utf16(t.offset);
    uint32_t end = utf16(t.offset + t.length);
    out.push_back(start);
    out.push_back(end - start);
    out.push_back(static_cast<uint32_t>(KindOf(t, is_name[i])));
  }
  return out;
}

}  // namespace ngxfix::wasm
