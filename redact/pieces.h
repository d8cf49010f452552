// Cutting found values to what can be replaced without changing the
// structure of the text: a placeholder may only stand inside one token's
// value (inside a word's quotes, after a comment's '#', inside a Lua body)
// and may not swallow what delimits it (quotes, ';', braces, spaces, a
// backslash that escapes the next byte; brackets and a "--" in Lua; line
// ends in a comment).  A secret that crosses such bytes (a PEM key over
// several comment lines) becomes one piece per run between them; an
// address or a hostname that would have to be cut is left out (none of
// their bytes are delimiters, so that happens only across token edges).
// Text that did not parse (after a fatal error) has no structure to keep.

#ifndef NGXFIX_REDACT_PIECES_H_
#define NGXFIX_REDACT_PIECES_H_

#include <vector>

#include "core/syntax_tree.h"
#include "redact/detectors.h"

namespace ngxfix::redact {

// Sorts `spans` and drops overlaps: the earliest wins, then the longest,
// then the one that came first in `spans`.
void ResolveOverlaps(std::vector<Candidate>* spans);

// The pieces of non-overlapping, sorted `spans`, in order.
std::vector<Candidate> SafePieces(const SyntaxTree& tree,
                                  const std::vector<Candidate>& spans);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_PIECES_H_
