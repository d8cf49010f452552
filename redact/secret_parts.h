// The secret parts of composite secrets: the password of "user:password"
// (URL credentials), the "user:password" of a Basic credential and its
// password, and the values of "name=value" pairs (cookies, query strings).
// Each part is a value in its own right: where it is written again on its
// own (the password in a comment, a cookie's value in a header), it is
// hidden too.

#ifndef NGXFIX_REDACT_SECRET_PARTS_H_
#define NGXFIX_REDACT_SECRET_PARTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ngxfix::redact {

// Whether `s` is base64 of printable "user:password" (HTTP Basic
// credentials), so that "Basic Settings" in a comment is not taken for them.
bool IsBase64Credentials(std::string_view s);

// The parts of `secret` that are secrets of their own; empty when it has
// none.
std::vector<std::string> SecretParts(std::string_view secret);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_SECRET_PARTS_H_
