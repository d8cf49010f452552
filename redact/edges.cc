// Where a value stands whole (see edges.h).

#include "redact/edges.h"

#include <cctype>
#include <string>

#include "redact/hostname.h"

namespace ngxfix::redact {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)); }

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
  char before = b > 0 ? text[b - 1] : '\0';
  char after = At(text, e);
  bool dot_word_after = after == '.' && IsAlnum(At(text, e + 1));
  switch (kind) {
    case RedactionKind::kIpv4:
    case RedactionKind::kCidr4:
      return !IsWordByte(before) && before != '.' && !IsWordByte(after) &&
             !dot_word_after;
    case RedactionKind::kIpv6:
    case RedactionKind::kCidr6:
      return !IsWordByte(before) && before != ':' && before != '.' &&
             !IsWordByte(after) && after != ':' && !dot_word_after;
    case RedactionKind::kHostname:
      return !IsWordByte(before) && before != '-' && !IsWordByte(after) &&
             after != '-' && (!dot_word_after || FileExtensionFollows(text, e));
    case RedactionKind::kSecret:
    case RedactionKind::kWord:
      // A placeholder of a secret is distinctive wherever it stands (and
      // the longest one wins: REDACTED_JWT_12 over REDACTED_JWT_1).
      return edges == Edges::kPlaceholder || (!IsWordByte(before) && !IsWordByte(after));
  }
  return false;
}

}  // namespace ngxfix::redact
