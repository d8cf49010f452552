// The settings that several entry points read from their JSON input
// (analyze.cc, llm.cc): "nginx_version": "X.Y.Z" and "backends":
// {"NAME": "PROTO"}; "sensitive_words" and "keep_words", lists of strings.
// All optional.

#ifndef NGXFIX_WASM_OPTIONS_H_
#define NGXFIX_WASM_OPTIONS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis.h"

namespace ngxfix::wasm {

// False, with `error` naming the field and what it takes, on a bad value.
// Exceptions are compiled out, so every access checks the type first.
bool ReadAnalysisOptions(const nlohmann::ordered_json& j, AnalysisOptions* options,
                         std::string* error);

// The user's words for redaction (RedactOptions, ScanOptions).
bool ReadRedactionWords(const nlohmann::ordered_json& j,
                        std::vector<std::string>* sensitive_words,
                        std::vector<std::string>* keep_words, std::string* error);

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_OPTIONS_H_
