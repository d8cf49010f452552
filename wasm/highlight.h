// Syntax tokens for the page's highlighting, from the core's own tokenizer:
// what the page colours is exactly what nginx (and every rule) reads.

#ifndef NGXFIX_WASM_HIGHLIGHT_H_
#define NGXFIX_WASM_HIGHLIGHT_H_

#include <cstdint>
#include <vector>

#include "core/syntax_tree.h"
#include "wasm/utf16_index.h"

namespace ngxfix::wasm {

// What a highlight token is; the page maps each to a CSS class.
enum class HighlightKind : int {
  kName = 0,         // a directive's name
  kArgument = 1,     // an unquoted argument or list entry
  kString = 2,       // a quoted argument
  kComment = 3,
  kPunctuation = 4,  // ; { }
  kLua = 5,          // the raw body of a *_by_lua_block
  kFraming = 6,      // nginx -T framing lines
};

// Every token as integer triples, flattened: [start, length, kind, start,
// length, kind, ...], with start and length in UTF-16 code units.  Handed
// to JavaScript as binary (ngxfix_result_tokens): for a 1.3 MB
// configuration that is ~750,000 numbers, which as JSON text cost more to
// write, parse and post than the rest of the result.
std::vector<uint32_t> HighlightTokens(const SyntaxTree& tree, const Utf16Index& utf16);

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_HIGHLIGHT_H_
