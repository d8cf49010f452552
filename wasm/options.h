// The analysis settings that every entry point reads from its JSON input
// (analyze.cc, llm.cc): "nginx_version": "X.Y.Z" and "backends":
// {"NAME": "PROTO"}, both optional.

#ifndef NGXFIX_WASM_OPTIONS_H_
#define NGXFIX_WASM_OPTIONS_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/analysis.h"

namespace ngxfix::wasm {

// False, with `error` naming the field and what it takes, on a bad value.
// Exceptions are compiled out, so every access checks the type first.
bool ReadAnalysisOptions(const nlohmann::ordered_json& j, AnalysisOptions* options,
                         std::string* error);

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_OPTIONS_H_
