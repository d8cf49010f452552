// The forms in which a configuration writes one value: as it is, escaped
// in a regex (api\.acme\.com in a location or an if), percent-encoded (a
// URL kept in a comment or passed as an argument), and escaped inside
// quotes (\" and \\ in a quoted string or a Lua literal).  Once a value is
// judged sensitive, redaction searches for all of them, and the last gate
// refuses any of them; an address or a hostname written in one of them gets
// its placeholder written the same way, so that it still parses and reads
// the same.

#ifndef NGXFIX_REDACT_FORMS_H_
#define NGXFIX_REDACT_FORMS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ngxfix::redact {

enum class Form : uint8_t {
  kPlain,
  kRegexEscaped,    // a backslash before each of \^$.|?*+()[]{}
  kPercentUpper,    // every byte but A-Z a-z 0-9 - . _ ~ as %XX
  kPercentLower,    // the same, as %xx
  kQuoteEscaped,    // a backslash before each of " ' and backslash
};

// `value` written in `form`.
std::string Write(Form form, std::string_view value);

// What `written` (in `form`) stands for; `written` itself where it is not
// a writing in that form.
std::string Unwrite(Form form, std::string_view written);

// The value of a hex digit (of a %XX escape), or -1.
int HexDigitValue(char c);

// The forms other than kPlain, in the order of kOtherForms.
inline constexpr Form kOtherForms[] = {Form::kRegexEscaped, Form::kPercentUpper,
                                       Form::kPercentLower, Form::kQuoteEscaped};

// `value` written in each of kOtherForms (some may equal `value`, or each
// other).
std::array<std::string, 4> OtherForms(std::string_view value);

// The plain values `found` may stand for: itself, and its decoding where it
// holds %XX escapes or backslash escapes.
std::vector<std::string> PlainValues(std::string_view found);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_FORMS_H_
