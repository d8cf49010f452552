// SipHash-2-4 (Aumasson and Bernstein), the keyed pseudo-random function
// behind every placeholder that depends on the document's key: the bits of
// the prefix-preserving address mapping and the labels of hostnames.
// Written out here (some forty lines) because the project vendors no
// third-party source; it is checked against the reference vectors of the
// SipHash paper in tests/redact/.

#ifndef NGXFIX_REDACT_SIPHASH_H_
#define NGXFIX_REDACT_SIPHASH_H_

#include <cstdint>
#include <string_view>

#include "redact/redact.h"

namespace ngxfix::redact {

uint64_t SipHash24(const RedactionKey& key, std::string_view message);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_SIPHASH_H_
