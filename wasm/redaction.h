// The redacted view of an analysis: the configuration, its fixed text and
// its diff with hostnames, addresses and secrets replaced (redact/redact.h),
// for showing to anyone but the user; the report of what was replaced; and
// the map that turns an answer written from them back into real values.

#ifndef NGXFIX_WASM_REDACTION_H_
#define NGXFIX_WASM_REDACTION_H_

#include <string>

#include "core/check.h"
#include "core/json_writer.h"
#include "core/syntax_tree.h"
#include "redact/redact.h"

namespace ngxfix::wasm {

// {"available": true, "config", "fixed", "diff", "report", "map"} or, when
// redaction failed, {"available": false, "reason"}: never unredacted text
// under a "redacted" name.  The key of the address mapping is one per
// module instance, so placeholders stay the same while the user types.
void WriteRedaction(JsonWriter& json, const FixResult& fix,
                    const RedactOptions& options);

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_REDACTION_H_
