// IP addresses: reading and writing their textual forms, telling which ones
// are not sensitive (data/ip_ranges.tsv), and the prefix-preserving mapping
// that gives a redacted address its placeholder.
//
// The mapping is Crypto-PAn's construction (Xu, Fan, Ammar, Moon 2002):
// bit i of the result is bit i of the address XOR a pseudo-random bit of the
// document's key and the address's first i bits.  Two addresses that share
// a prefix of n bits map to two that share exactly n bits, so networks stay
// networks of the same size.  The bits on the way to a "keep" or "preserve"
// range are never flipped: such a range maps onto itself, and since the
// mapping is a bijection, nothing else maps into it.  The price is that the
// first bits of an address near such a range stay as they are.

#ifndef NGXFIX_REDACT_ADDRESS_H_
#define NGXFIX_REDACT_ADDRESS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "redact/redact.h"

namespace ngxfix::redact {

struct IpAddress {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};  // IPv4 in bytes[0..3]

  int bits() const { return v6 ? 128 : 32; }
  bool operator==(const IpAddress&) const = default;
};

// A dotted quad of decimal octets (0-255, one to three digits), as
// ngx_inet_addr() reads it.
std::optional<IpAddress> ParseIpv4(std::string_view text);
// Any RFC 4291 text form ("::", embedded IPv4), without zone or brackets.
std::optional<IpAddress> ParseIpv6(std::string_view text);

std::string FormatIpv4(const IpAddress& address);
// RFC 5952's form; `upper` writes hex digits in upper case.
std::string FormatIpv6(const IpAddress& address, bool upper);

// Sets the bits past `prefix_length` to those of `low`.
IpAddress WithLowBits(const IpAddress& high, const IpAddress& low,
                      int prefix_length);

// Whether the address (or a network's address: 0.0.0.0/0, ::/0) lies in a
// "keep" range.
bool IsKeptAddress(const IpAddress& address);

class AddressMapper {
 public:
  explicit AddressMapper(const RedactionKey& key) : key_(key) {}
  IpAddress Map(const IpAddress& address);

  // Whether Map() may flip any of the first `length` bits of `address`
  // (none are on the way to a kept or class-preserved range: 10.0.0.0/8
  // always maps onto itself).
  static bool MayChange(const IpAddress& address, int length);

 private:
  struct Hash {
    size_t operator()(const IpAddress& a) const;
  };
  RedactionKey key_;
  std::unordered_map<IpAddress, IpAddress, Hash> cache_;
};

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_ADDRESS_H_
