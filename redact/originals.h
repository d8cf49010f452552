// Every way a value judged sensitive can still be read in a text: each of
// its plain values (forms.h: the decoding of %XX and backslash escapes),
// each of them written in every form, for a secret its secret parts
// (secret_parts.h) and for a hostname the names above it that still say
// whose it is (hostname.h), themselves in every form.  Redaction searches for them
// once a value is found, so that no occurrence of it survives; the last
// gate (Scan) refuses text in which any of them stands.  One list serves
// both, so that what the gate refuses is what redaction would hide.

#ifndef NGXFIX_REDACT_ORIGINALS_H_
#define NGXFIX_REDACT_ORIGINALS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "redact/forms.h"
#include "redact/redact.h"

namespace ngxfix::redact {

// Secrets and words shorter than this are hidden where found, but neither
// searched for elsewhere nor refused by the gate: short strings occur by
// chance.
inline constexpr size_t kMinSearchedLength = 4;

class OriginalForms {
 public:
  struct Searched {
    RedactionKind kind;
    Form form;     // how the text writes it, from its plain value
    uint32_t tag;  // the caller's: a detector, an entry of a map
  };

  // Adds the ways to read `found`, a value of `kind`.
  void Add(std::string_view found, RedactionKind kind, uint32_t tag);

  // Calls visit(begin, end, searched) for each occurrence in `text` where
  // it stands whole (Edges::kOriginal), in order, not overlapping.
  void ForEach(std::string_view text,
               const std::function<void(size_t, size_t, const Searched&)>& visit) const;

  bool empty() const { return literals_.empty(); }

 private:
  void Expand(std::string value, RedactionKind kind, uint32_t tag, int depth);
  void AddOne(std::string value, RedactionKind kind, Form form, uint32_t tag);

  std::vector<std::string> literals_;
  std::vector<Searched> searched_;  // of each literal
  std::unordered_set<std::string> seen_;      // literals
  std::unordered_set<std::string> expanded_;  // values whose forms are in
};

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_ORIGINALS_H_
