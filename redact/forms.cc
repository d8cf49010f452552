// The forms of a value (see forms.h).

#include "redact/forms.h"

#include <algorithm>

namespace ngxfix::redact {
namespace {

constexpr std::string_view kRegexSpecial = "\\^$.|?*+()[]{}";
constexpr std::string_view kQuoteSpecial = "\"'\\";

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~';
}

std::string Escaped(std::string_view value, std::string_view special) {
  std::string out;
  out.reserve(value.size() + 8);
  for (char c : value) {
    if (special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Unescaped(std::string_view written, std::string_view special) {
  std::string out;
  out.reserve(written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    if (written[i] == '\\' && i + 1 < written.size() &&
        special.find(written[i + 1]) != std::string_view::npos) {
      ++i;
    }
    out += written[i];
  }
  return out;
}

std::string PercentEncoded(std::string_view value, const char* digits) {
  std::string out;
  out.reserve(value.size() * 3);
  for (char c : value) {
    if (IsUnreserved(c)) {
      out += c;
    } else {
      unsigned char b = static_cast<unsigned char>(c);
      out += '%';
      out += digits[b >> 4];
      out += digits[b & 15];
    }
  }
  return out;
}

std::string PercentDecoded(std::string_view written) {
  std::string out;
  out.reserve(written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    if (written[i] == '%' && i + 2 < written.size() && HexDigitValue(written[i + 1]) >= 0 &&
        HexDigitValue(written[i + 2]) >= 0) {
      out += char(HexDigitValue(written[i + 1]) * 16 + HexDigitValue(written[i + 2]));
      i += 2;
    } else {
      out += written[i];
    }
  }
  return out;
}

}  // namespace

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Write(Form form, std::string_view value) {
  switch (form) {
    case Form::kPlain: return std::string(value);
    case Form::kRegexEscaped: return Escaped(value, kRegexSpecial);
    case Form::kPercentUpper: return PercentEncoded(value, "0123456789ABCDEF");
    case Form::kPercentLower: return PercentEncoded(value, "0123456789abcdef");
    case Form::kQuoteEscaped: return Escaped(value, kQuoteSpecial);
  }
  return std::string(value);
}

std::string Unwrite(Form form, std::string_view written) {
  switch (form) {
    case Form::kPlain: return std::string(written);
    case Form::kRegexEscaped: return Unescaped(written, kRegexSpecial);
    case Form::kPercentUpper:
    case Form::kPercentLower: return PercentDecoded(written);
    case Form::kQuoteEscaped: return Unescaped(written, kQuoteSpecial);
  }
  return std::string(written);
}

std::array<std::string, 4> OtherForms(std::string_view value) {
  std::array<std::string, 4> out;
  for (size_t i = 0; i < out.size(); ++i) out[i] = Write(kOtherForms[i], value);
  return out;
}

std::vector<std::string> PlainValues(std::string_view found) {
  std::vector<std::string> out{std::string(found)};
  auto add = [&](std::string decoded) {
    if (std::find(out.begin(), out.end(), decoded) == out.end()) out.push_back(std::move(decoded));
  };
  if (found.find('%') != std::string_view::npos) add(PercentDecoded(found));
  if (found.find('\\') != std::string_view::npos) {
    add(Unescaped(found, kRegexSpecial));
    add(Unescaped(found, kQuoteSpecial));
  }
  return out;
}

}  // namespace ngxfix::redact
