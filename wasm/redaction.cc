#include "wasm/redaction.h"

namespace ngxfix::wasm {

// The redaction library (redact/, issue 4) is not in this build yet: the
// page shows "redaction unavailable" rather than any text.
nlohmann::ordered_json RedactionToJson(const std::string&, const FixResult&) {
  return {{"available", false},
          {"reason", "this build of ngxfix has no redaction library"}};
}

}  // namespace ngxfix::wasm
