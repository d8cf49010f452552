// Base64 (RFC 4648, with '+' and '/'): decoding for the detectors of Basic
// credentials, encoding for JSON values that are not UTF-8 (json_writer.h).

#ifndef NGXFIX_CORE_BASE64_H_
#define NGXFIX_CORE_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace ngxfix {

// With '=' padding.
std::string EncodeBase64(std::string_view bytes);

// The bytes `text` encodes (padding optional); nullopt when it is not
// base64.
std::optional<std::string> DecodeBase64(std::string_view text);

// The value of one base64 digit, or -1.
int Base64Value(char c);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_BASE64_H_
