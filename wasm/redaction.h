// The redacted view of an analysis: the configuration and its fix with
// secrets, host names and addresses replaced, for sharing with anyone but
// the user, and the report of what was replaced.

#ifndef NGXFIX_WASM_REDACTION_H_
#define NGXFIX_WASM_REDACTION_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/check.h"

namespace ngxfix::wasm {

// {"available": true, "config", "fixed", "diff", "report"} or
// {"available": false, "reason"}: never unredacted text under a
// "redacted" name.
nlohmann::ordered_json RedactionToJson(const std::string& input,
                                       const FixResult& fix);

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_REDACTION_H_
