// Reports of findings: text for people, JSON for tools and the web page,
// SARIF 2.1.0 for code scanning in CI.  Every report names the nginx
// version the findings are for.

#ifndef NGXFIX_CORE_REPORT_H_
#define NGXFIX_CORE_REPORT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/check.h"

namespace ngxfix {

// {"nginx_version", "nginx_version_assumption" ("" when the version was
// given), "findings": [{"rule", "severity", "file", "line",
// "column", "message", "explanation", "assumption", "assumed_backend",
// "fix", "versions" (the nginx versions its rule concerns)}]}.  An
// assumption is stated without the way to correct it, which is the
// reader's to explain; the text and SARIF reports add --backend.
nlohmann::ordered_json FindingsToJson(const SyntaxTree& tree,
                                      const CheckResult& result);

// One finding, and one syntax diagnostic, as FindingsToJson() writes them,
// for every JSON that shows one; `file` is the name of its file.
nlohmann::ordered_json FindingToJson(const Finding& finding, std::string_view file);
nlohmann::ordered_json DiagnosticToJson(const Diagnostic& diagnostic,
                                        std::string_view file);

// A SARIF 2.1.0 log with one run of the "ngxfix" tool.
nlohmann::ordered_json FindingsToSarif(const SyntaxTree& tree,
                                       const CheckResult& result);

// "nginx X.Y.Z: N findings" (and the version assumption when the version
// was inferred), then FILE:LINE:COL: SEVERITY: MESSAGE [rule], with the
// explanation and any assumption indented below.
std::string FindingsToText(const SyntaxTree& tree, const CheckResult& result);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_REPORT_H_
