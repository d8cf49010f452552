// Where a value stands whole: the bytes around an address, a hostname or a
// placeholder must not continue it.  One definition serves the detectors,
// the search for other occurrences of a found value, and Rehydrate, so that
// what redaction replaces is exactly what rehydration finds.

#ifndef NGXFIX_REDACT_EDGES_H_
#define NGXFIX_REDACT_EDGES_H_

#include <cstddef>
#include <string_view>

#include "redact/redact.h"

namespace ngxfix::redact {

// Letters, digits and '_'.
bool IsWordByte(char c);
// text[i], or NUL past the end.
char At(std::string_view text, size_t i);
// Whether text[e] starts ".EXT" for a known file extension that ends there
// (the ".conf" of sites-enabled/api.acme.com.conf).
bool FileExtensionFollows(std::string_view text, size_t e);

// How the edges of a value are checked.  A %XX escape next to a value
// counts as the byte it encodes (http%3A%2F%2F10.0.0.7%3A80 holds
// 10.0.0.7).
enum class Edges {
  kPattern,      // a pattern's own match: an address or a name that the
                 // text does not continue (not 10.1.2.3 in 10.1.2.3.4,
                 // not acme.com in acme.com.evil, but acme.com.conf)
  kOriginal,     // a value already judged sensitive, found again: also as a
                 // label-aligned part of a longer name or path (NAME.crt,
                 // NAME_access.log, live/NAME-0003/); secrets and words
                 // where no letter or digit continues them
  kPlaceholder,  // a placeholder: addresses and hostnames as kOriginal;
                 // secrets and words anywhere (REDACTED_... is distinctive)
};

// Whether [b, e) of `text`, holding a value of `kind`, stands whole.
bool Bounded(std::string_view text, size_t b, size_t e, RedactionKind kind,
             Edges edges);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_EDGES_H_
