// Where a value stands whole (see edges.h).

#include "redact/edges.h"

#include <cctype>
#include <string>

#include "redact/forms.h"
#include "redact/hostname.h"

namespace ngxfix::redact {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A byte next to a value as the text means it, and where the byte after it
// (away from the value) starts.
struct Neighbour {
  char byte;
  size_t beyond;
};

Neighbour Before(std::string_view text, size_t b) {
  if (b >= 3 && text[b - 3] == '%' && HexDigitValue(text[b - 2]) >= 0 &&
      HexDigitValue(text[b - 1]) >= 0) {
    return {char(HexDigitValue(text[b - 2]) * 16 + HexDigitValue(text[b - 1])), b - 3};
  }
  return {b > 0 ? text[b - 1] : '\0', b > 0 ? b - 1 : 0};
}

Neighbour After(std::string_view text, size_t e) {
  if (At(text, e) == '%' && HexDigitValue(At(text, e + 1)) >= 0 &&
      HexDigitValue(At(text, e + 2)) >= 0) {
    return {char(HexDigitValue(text[e + 1]) * 16 + HexDigitValue(text[e + 2])), e + 3};
  }
  return {At(text, e), e + 1};
}

// Whether a '.' (plain or regex-escaped) and then a digit follow: the
// dotted number goes on (10.1.2.3 in 10.1.2.3.4).
bool NumberGoesOn(std::string_view text, const Neighbour& after) {
  size_t i = after.beyond;
  if (after.byte == '\\' && At(text, i) == '.') ++i;
  else if (after.byte != '.') return false;
  return IsDigit(After(text, i).byte);
}

}  // namespace

bool IsWordByte(char c) { return IsAlnum(c) || c == '_'; }

char At(std::string_view text, size_t i) { return i < text.size() ? text[i] : '\0'; }

bool FileExtensionFollows(std::string_view text, size_t e) {
  size_t i = e + 1;
  while (i < text.size() && IsAlnum(text[i])) ++i;
  std::string word(text.substr(e + 1, i - e - 1));
  for (char& c : word) c = char(std::tolower(static_cast<unsigned char>(c)));
  return !word.empty() && !IsWordByte(At(text, i)) && At(text, i) != '-' &&
         IsFileExtension(word);
}

bool Bounded(std::string_view text, size_t b, size_t e, RedactionKind kind,
             Edges edges) {
  const Neighbour before = Before(text, b);
  const Neighbour after = After(text, e);
  const bool strict = edges == Edges::kPattern;
  const bool dot_word_after = after.byte == '.' && IsAlnum(After(text, after.beyond).byte);
  switch (kind) {
    case RedactionKind::kIpv4:
    case RedactionKind::kCidr4:
      if (IsAlnum(before.byte) || before.byte == '.' || IsAlnum(after.byte) ||
          NumberGoesOn(text, after)) {
        return false;
      }
      return !strict || (before.byte != '_' && after.byte != '_' && !dot_word_after);
    case RedactionKind::kIpv6:
    case RedactionKind::kCidr6:
      if (IsAlnum(before.byte) || before.byte == ':' || before.byte == '.' ||
          IsAlnum(after.byte) || after.byte == ':' || NumberGoesOn(text, after)) {
        return false;
      }
      return !strict || (before.byte != '_' && after.byte != '_' && !dot_word_after);
    case RedactionKind::kHostname:
      if (IsAlnum(before.byte) || IsAlnum(after.byte)) return false;
      return !strict || (before.byte != '_' && before.byte != '-' && after.byte != '_' &&
                         after.byte != '-' &&
                         (!dot_word_after || FileExtensionFollows(text, e)));
    case RedactionKind::kSecret:
    case RedactionKind::kWord:
      // A placeholder of a secret is distinctive wherever it stands (and
      // the longest one wins: REDACTED_JWT_12 over REDACTED_JWT_1).
      return edges == Edges::kPlaceholder || (!IsAlnum(before.byte) && !IsAlnum(after.byte));
  }
  return false;
}

}  // namespace ngxfix::redact
