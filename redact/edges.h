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

// How the edges of a literal are checked.
enum class Edges {
  kPlaceholder,  // a placeholder: addresses and hostnames whole; secrets and
                 // words anywhere (REDACTED_... is distinctive)
  kOriginal,     // a value found once: secrets and words as whole words only
};

// Whether [b, e) of `text`, holding a value of `kind`, stands whole.
bool Bounded(std::string_view text, size_t b, size_t e, RedactionKind kind,
             Edges edges);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_EDGES_H_
