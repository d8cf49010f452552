// Writing JSON that never throws, whatever bytes a configuration, a log or
// a secret holds (a Latin-1 `upstream café`): every JSON ngxfix prints, in
// the CLI and the WebAssembly module, is written by WriteJson().
//
// JSON strings are Unicode, so bytes that are not UTF-8 cannot be written
// as they are.  Where a value is only shown (a finding's message, a log
// line), they become U+FFFD.  Where it must come back byte for byte (the
// originals of a redaction map, a redacted text), SetBytes() writes it
// under KEY when it is UTF-8 and, base64-encoded, under KEY_base64 when it
// is not; GetBytes() reads either.

#ifndef NGXFIX_CORE_JSON_WRITER_H_
#define NGXFIX_CORE_JSON_WRITER_H_

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ngxfix {

// `json` as text, indented by `indent` spaces (-1: on one line), with only
// ASCII (\uXXXX escapes) when `ascii`; bytes that are not UTF-8 become
// U+FFFD.
std::string WriteJson(const nlohmann::ordered_json& json, int indent = -1,
                      bool ascii = false);

// Whether `bytes` is well-formed UTF-8.
bool IsUtf8(std::string_view bytes);

// object[key] = bytes when they are UTF-8, else object[key + "_base64"] =
// their base64.
void SetBytes(nlohmann::ordered_json& object, std::string_view key,
              std::string_view bytes);

// What SetBytes() wrote at `key`; nullopt when neither field is a string
// (or the base64 is not base64).
std::optional<std::string> GetBytes(const nlohmann::ordered_json& object,
                                    std::string_view key);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_JSON_WRITER_H_
