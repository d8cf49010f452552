// Reports of findings: text for people, JSON for tools and the web page,
// SARIF 2.1.0 for code scanning in CI.  Every report names the nginx
// version the findings are for.

#ifndef NGXFIX_CORE_REPORT_H_
#define NGXFIX_CORE_REPORT_H_

#include <string>
#include <string_view>

#include "core/check.h"
#include "core/json_writer.h"

namespace ngxfix {

// {"nginx_version", "nginx_version_assumption" ("" when the version was
// given), "findings": [{"rule", "severity", "file", "line",
// "column", "message", "explanation", "assumption", "assumed_backend",
// "fix", "versions" (the nginx versions its rule concerns)}],
// "syntax_errors": [{"severity", "file", "line", "column", "message"}]}.
// An assumption is stated without the way to correct it, which is the
// reader's to explain; the text and SARIF reports add --backend.
void WriteFindingsJson(JsonWriter& json, const SyntaxTree& tree,
                       const CheckResult& result);

// The members of one finding's object, and of one syntax diagnostic's, as
// WriteFindingsJson() writes them, for every JSON that shows one (the caller
// opens and closes the object, and may add members); `file` is the name of
// its file.
void WriteFindingMembers(JsonWriter& json, const Finding& finding,
                         std::string_view file);
void WriteDiagnosticMembers(JsonWriter& json, const Diagnostic& diagnostic,
                            std::string_view file);

// A SARIF 2.1.0 log with one run of the "ngxfix" tool.
void WriteFindingsSarif(JsonWriter& json, const SyntaxTree& tree,
                        const CheckResult& result);

// "nginx X.Y.Z: N findings" (and the version assumption when the version
// was inferred), then FILE:LINE:COL: SEVERITY: MESSAGE [rule], with the
// explanation and any assumption indented below.
std::string FindingsToText(const SyntaxTree& tree, const CheckResult& result);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_REPORT_H_
