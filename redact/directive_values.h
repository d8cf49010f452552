// The configuration-aware detectors: the directive arguments that carry
// addresses, hostnames or secrets (data/directive_values.tsv), and the
// header, variable and map names that make a value sensitive
// (data/sensitive_names.tsv).  They find what no pattern could: a secret
// with no recognizable shape, a hostname under an unknown suffix.

#ifndef NGXFIX_REDACT_DIRECTIVE_VALUES_H_
#define NGXFIX_REDACT_DIRECTIVE_VALUES_H_

#include <vector>

#include "core/syntax_tree.h"
#include "redact/detectors.h"

namespace ngxfix::redact {

// Appends the sensitive values in the arguments of the tree's directives
// (and map entries), as spans of tree.text().
void FindDirectiveValues(const SyntaxTree& tree, std::vector<Candidate>* out);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_DIRECTIVE_VALUES_H_
