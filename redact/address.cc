// IP address text forms, special ranges and the prefix-preserving mapping.

#include "redact/address.h"

#include <cstring>
#include <vector>

#include "core/tsv.h"
#include "redact/siphash.h"

namespace ngxfix {
extern const std::string_view kIpRangesTsv;
}

namespace ngxfix::redact {
namespace {

bool Bit(const IpAddress& a, int i) { return (a.bytes[i / 8] >> (7 - i % 8)) & 1; }

void FlipBit(IpAddress& a, int i) { a.bytes[i / 8] ^= uint8_t(1u << (7 - i % 8)); }

// Whether the first n bits of a and b are equal.
bool SamePrefix(const IpAddress& a, const IpAddress& b, int n) {
  int whole = n / 8;
  if (std::memcmp(a.bytes.data(), b.bytes.data(), whole) != 0) return false;
  if (n % 8 == 0) return true;
  uint8_t mask = uint8_t(0xff00u >> (n % 8));
  return (a.bytes[whole] & mask) == (b.bytes[whole] & mask);
}

struct Range {
  IpAddress network;
  int length;
  bool keep;  // else preserve
};

std::optional<std::pair<IpAddress, int>> ParseCidr(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view host = text.substr(0, slash);
  auto address = host.find(':') != std::string_view::npos ? ParseIpv6(host)
                                                          : ParseIpv4(host);
  if (!address) return std::nullopt;
  int length = 0;
  for (char c : text.substr(slash + 1)) length = length * 10 + (c - '0');
  return std::make_pair(*address, length);
}

const std::vector<Range>& Ranges() {
  static const std::vector<Range> ranges = [] {
    std::vector<Range> list;
    for (const auto& row : ReadTsv(kIpRangesTsv)) {
      auto cidr = ParseCidr(row.at(0));
      if (!cidr) continue;  // data/ip_ranges.tsv is checked by a test
      list.push_back({cidr->first, cidr->second, row.at(1) == "keep"});
    }
    return list;
  }();
  return ranges;
}

}  // namespace

std::optional<IpAddress> ParseIpv4(std::string_view text) {
  IpAddress a;
  int part = 0, digits = 0, value = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      if (++digits > 3 || value > 255) return std::nullopt;
    } else if (c == '.' && digits > 0 && part < 3) {
      a.bytes[part++] = uint8_t(value);
      digits = value = 0;
    } else {
      return std::nullopt;
    }
  }
  if (part != 3 || digits == 0) return std::nullopt;
  a.bytes[3] = uint8_t(value);
  return a;
}

std::optional<IpAddress> ParseIpv6(std::string_view text) {
  IpAddress a;
  a.v6 = true;
  uint16_t groups[8] = {};
  int count = 0, gap = -1;  // gap: where "::" stands, in groups
  size_t i = 0;
  if (text.substr(0, 2) == "::") {
    gap = 0;
    i = 2;
  } else if (text.empty() || text[0] == ':') {
    return std::nullopt;
  }
  while (i < text.size()) {
    if (count == 8) return std::nullopt;
    size_t end = text.find(':', i);
    std::string_view group = text.substr(i, end == std::string_view::npos
                                                ? std::string_view::npos
                                                : end - i);
    if (group.find('.') != std::string_view::npos) {  // embedded IPv4, last
      auto v4 = ParseIpv4(group);
      if (!v4 || end != std::string_view::npos || count > 6) return std::nullopt;
      groups[count++] = uint16_t(v4->bytes[0] << 8 | v4->bytes[1]);
      groups[count++] = uint16_t(v4->bytes[2] << 8 | v4->bytes[3]);
      i = text.size();
      break;
    }
    if (group.empty() || group.size() > 4) return std::nullopt;
    uint16_t value = 0;
    for (char c : group) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return std::nullopt;
      value = uint16_t(value << 4 | d);
    }
    groups[count++] = value;
    if (end == std::string_view::npos) {
      i = text.size();
    } else if (text.substr(end, 2) == "::") {
      if (gap >= 0) return std::nullopt;
      gap = count;
      i = end + 2;
    } else {
      i = end + 1;
      if (i == text.size()) return std::nullopt;  // a trailing single ':'
    }
  }
  if (gap < 0 ? count != 8 : count > 7) return std::nullopt;
  int fill = 8 - count;
  for (int g = 0, out = 0; g < count; ++g) {
    if (g == gap) out += fill;
    a.bytes[2 * (out + 0)] = uint8_t(groups[g] >> 8);
    a.bytes[2 * (out + 0) + 1] = uint8_t(groups[g]);
    ++out;
  }
  return a;
}

std::string FormatIpv4(const IpAddress& a) {
  return std::to_string(a.bytes[0]) + "." + std::to_string(a.bytes[1]) + "." +
         std::to_string(a.bytes[2]) + "." + std::to_string(a.bytes[3]);
}

std::string FormatIpv6(const IpAddress& a, bool upper) {
  uint16_t groups[8];
  for (int g = 0; g < 8; ++g) groups[g] = uint16_t(a.bytes[2 * g] << 8 | a.bytes[2 * g + 1]);
  // RFC 5952: the longest run of two or more zero groups (the first of
  // equals) becomes "::".
  int best = -1, best_length = 1;
  for (int g = 0; g < 8;) {
    int run = 0;
    while (g + run < 8 && groups[g + run] == 0) ++run;
    if (run > best_length) {
      best = g;
      best_length = run;
    }
    g += run ? run : 1;
  }
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (int g = 0; g < 8; ++g) {
    if (g == best) {
      out += "::";
      g += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    bool leading = true;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int d = (groups[g] >> shift) & 0xf;
      if (leading && d == 0 && shift > 0) continue;
      leading = false;
      out += digits[d];
    }
  }
  return out;
}

IpAddress WithLowBits(const IpAddress& high, const IpAddress& low,
                      int prefix_length) {
  IpAddress out = high;
  for (int i = prefix_length; i < high.bits(); ++i) {
    if (Bit(out, i) != Bit(low, i)) FlipBit(out, i);
  }
  return out;
}

bool IsKeptAddress(const IpAddress& address) {
  for (const Range& r : Ranges()) {
    if (r.keep && r.network.v6 == address.v6 && SamePrefix(address, r.network, r.length)) {
      return true;
    }
  }
  return false;
}

size_t AddressMapper::Hash::operator()(const IpAddress& a) const {
  uint64_t h[2];
  std::memcpy(h, a.bytes.data(), 16);
  return size_t(h[0] * 0x9e3779b97f4a7c15ull ^ h[1] ^ a.v6);
}

namespace {

// Whether bit i of `address` lies on the way to a range of ip_ranges.tsv,
// and so is never flipped.
bool OnTheWay(const IpAddress& address, int i) {
  for (const Range& r : Ranges()) {
    if (r.network.v6 == address.v6 && r.length > i && SamePrefix(address, r.network, i)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool AddressMapper::MayChange(const IpAddress& address, int length) {
  for (int i = 0; i < length; ++i) {
    if (!OnTheWay(address, i)) return true;
  }
  return false;
}

IpAddress AddressMapper::Map(const IpAddress& address) {
  auto cached = cache_.find(address);
  if (cached != cache_.end()) return cached->second;
  IpAddress out = address;
  // The message for bit i: family, i, and the address's first i bits.
  char message[18];
  for (int i = 0; i < address.bits(); ++i) {
    if (OnTheWay(address, i)) continue;
    IpAddress prefix = WithLowBits(address, IpAddress{address.v6, {}}, i);
    message[0] = address.v6 ? '6' : '4';
    message[1] = char(i);
    std::memcpy(message + 2, prefix.bytes.data(), 16);
    if (SipHash24(key_, std::string_view(message, sizeof message)) & 1) {
      FlipBit(out, i);
    }
  }
  cache_.emplace(address, out);
  return out;
}

}  // namespace ngxfix::redact
