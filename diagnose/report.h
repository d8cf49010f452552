// A DiagnoseResult for people (text) and for programs (JSON):
//
//   {"lines": N, "access_lines": N, "diagnoses": [{"cause", "count", "first_line", "message",
//    "phase", "upstream", "status", "explanation", "rules", "config":
//    [{"file", "line", "directive", "url", "backend"}]}],
//    "unknown": {"count": N, "lines": [{"line", "text"}]}}

#ifndef NGXFIX_DIAGNOSE_REPORT_H_
#define NGXFIX_DIAGNOSE_REPORT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "diagnose/diagnose.h"

namespace ngxfix {

nlohmann::ordered_json DiagnosesToJson(const DiagnoseResult& result);
std::string DiagnosesToText(const DiagnoseResult& result, const std::string& log_name);

}  // namespace ngxfix

#endif  // NGXFIX_DIAGNOSE_REPORT_H_
