// The user's own say: words marked sensitive (--sensitive WORD) are found
// wherever they occur, and values equal to a word marked to keep (--keep
// WORD) are never redacted.

#ifndef NGXFIX_REDACT_SENSITIVE_WORDS_H_
#define NGXFIX_REDACT_SENSITIVE_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "redact/detectors.h"

namespace ngxfix::redact {

// Appends every occurrence of each word (case-sensitive, anywhere).
void FindSensitiveWords(std::string_view text, const std::vector<std::string>& words,
                        std::vector<Candidate>* out);

// Drops the spans whose text equals one of `words`, or lies inside an
// occurrence of one (acme-corp.com, the parent of another name, inside a
// kept shop.acme-corp.com).
void DropKeptWords(std::string_view text, const std::vector<std::string>& words,
                   std::vector<Candidate>* spans);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_SENSITIVE_WORDS_H_
