// The free-text detectors of data/patterns.tsv: every pattern compiled once
// into one RE2::Set, which says in one pass over the text which patterns
// occur; only those are then run on their own to find where, and each match
// is checked in code (keywords, entropy, the octets of an IPv4 address, the
// groups of an IPv6 one, the edges of a hostname) and dropped when it is
// not sensitive (loopback, documentation ranges and names).

#ifndef NGXFIX_REDACT_DETECTORS_H_
#define NGXFIX_REDACT_DETECTORS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redact/forms.h"
#include "redact/redact.h"

namespace ngxfix::redact {

// A sensitive value found in a text: [begin, end), written in `form`
// (10\.0\.0\.7 in a regex).
struct Candidate {
  uint32_t begin;
  uint32_t end;
  RedactionKind kind;
  uint16_t detector;  // see DetectorId()
  Form form = Form::kPlain;
};

// Inputs from this size on are searched on two threads (not in
// WebAssembly, which has one).
inline constexpr size_t kParallelBytes = 1 << 20;

// Appends what the patterns find in `text`, in no particular order.
void FindCandidates(std::string_view text, std::vector<Candidate>* out);

// The patterns of data/patterns.tsv that RE2 rejected, with its reason
// (they are left out); empty when all compiled.
std::vector<std::string> PatternErrors();

// The detector names: pattern ids first, then the ones registered by
// RegisterDetector (configuration-aware detectors, "word").
std::string_view DetectorId(uint16_t detector);
uint16_t RegisterDetector(std::string_view id);

// Whether a value of `kind` is worth hiding: not loopback, unspecified,
// documentation, or under a "keep" name.  Values found by patterns are
// already checked; configuration-aware detectors ask this.
bool IsSensitive(RedactionKind kind, std::string_view value);

// The kind of an address written on its own ("10.0.0.1", "fd00::/8"), or
// nullopt when it is not one.
std::optional<RedactionKind> AddressKind(std::string_view text);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_DETECTORS_H_
