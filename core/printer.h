// Printing a SyntaxTree back to text.
//
// Print() walks files, nodes and tokens in tree order and emits each token
// with the whitespace gap before it, so that for every input
// Print(Parse(text)) == text, byte for byte.

#ifndef NGXFIX_CORE_PRINTER_H_
#define NGXFIX_CORE_PRINTER_H_

#include <string>

#include "core/output.h"
#include "core/syntax_tree.h"

namespace ngxfix {

void Print(const SyntaxTree& tree, Output& out);
std::string Print(const SyntaxTree& tree);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_PRINTER_H_
