// Helpers of the redaction tests (see redact_test_support.h).

#include "tests/redact/redact_test_support.h"

#include <algorithm>
#include <cctype>

#include "redact/edges.h"
#include "tests/support/test_support.h"

namespace ngxfix::testing {

std::vector<std::vector<std::string>> ReadFixtureRows(const std::string& name) {
  std::string text = ReadFile(std::string(NGXFIX_REDACT_FIXTURES) + "/" + name);
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells(1);
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\t') {
        cells.emplace_back();
      } else if (line[i] == '\\' && i + 1 < line.size() &&
                 (line[i + 1] == 'n' || line[i + 1] == '\\')) {
        cells.back() += line[++i] == 'n' ? '\n' : '\\';
      } else {
        cells.back() += line[i];
      }
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

RedactionKey TestKey(int seed) {
  RedactionKey key;
  for (size_t i = 0; i < key.size(); ++i) key[i] = uint8_t(i * 17 + seed * 101 + 3);
  return key;
}

size_t WholeOccurrences(std::string_view text, std::string_view value, RedactionKind kind) {
  size_t count = 0;
  for (size_t at = text.find(value); at != std::string_view::npos;
       at = text.find(value, at + 1)) {
    count += redact::Bounded(text, at, at + value.size(), kind, redact::Edges::kPlaceholder);
  }
  return count;
}

namespace {

std::string RegexEscaped(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string PercentEncoded(std::string_view value, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (char c : value) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out += c;
    } else {
      out += '%';
      out += digits[static_cast<unsigned char>(c) >> 4];
      out += digits[static_cast<unsigned char>(c) & 15];
    }
  }
  return out;
}

bool IsHexDigit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// The byte before `at` and the one from `at` on, a %XX escape read as the
// byte it encodes; '\0' past the ends.
char ByteBefore(std::string_view text, size_t at) {
  if (at >= 3 && text[at - 3] == '%' && IsHexDigit(text[at - 2]) && IsHexDigit(text[at - 1])) {
    return char(std::stoi(std::string(text.substr(at - 2, 2)), nullptr, 16));
  }
  return at > 0 ? text[at - 1] : '\0';
}
char ByteFrom(std::string_view text, size_t at, size_t* next) {
  if (at + 2 < text.size() && text[at] == '%' && IsHexDigit(text[at + 1]) &&
      IsHexDigit(text[at + 2])) {
    *next = at + 3;
    return char(std::stoi(std::string(text.substr(at + 1, 2)), nullptr, 16));
  }
  *next = at + 1;
  return at < text.size() ? text[at] : '\0';
}

bool Alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::vector<size_t> ReadableAt(std::string_view text, std::string_view value,
                               RedactionKind kind) {
  std::vector<std::string> forms{std::string(value), RegexEscaped(value),
                                 PercentEncoded(value, true), PercentEncoded(value, false)};
  bool anywhere = kind == RedactionKind::kSecret || kind == RedactionKind::kWord;
  bool address = !anywhere && kind != RedactionKind::kHostname;
  std::vector<size_t> out;
  for (size_t f = 0; f < forms.size(); ++f) {
    const std::string& form = forms[f];
    if (std::find(forms.begin(), forms.begin() + f, form) != forms.begin() + f) continue;
    for (size_t at = text.find(form); at != std::string_view::npos; at = text.find(form, at + 1)) {
      if (!anywhere) {
        size_t next = 0, beyond = 0;
        char before = ByteBefore(text, at);
        char after = ByteFrom(text, at + form.size(), &next);
        if (Alnum(before) || Alnum(after)) continue;
        if (address) {
          if (after == '\\' && next < text.size() && text[next] == '.') ++next, after = '.';
          bool dotted_number = after == '.' && std::isdigit(static_cast<unsigned char>(
                                                   ByteFrom(text, next, &beyond)));
          bool v6 = kind == RedactionKind::kIpv6 || kind == RedactionKind::kCidr6;
          if (before == '.' || dotted_number || (v6 && (before == ':' || after == ':'))) {
            continue;
          }
        }
      }
      out.push_back(at);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ngxfix::testing
