// SipHash-2-4, as specified in "SipHash: a fast short-input PRF" (2012).

#include "redact/siphash.h"

namespace ngxfix::redact {
namespace {

uint64_t Rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

uint64_t ReadLittleEndian(const uint8_t* p, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t{p[i]} << (8 * i);
  return v;
}

struct State {
  uint64_t v0, v1, v2, v3;

  void Round() {
    v0 += v1; v1 = Rotl(v1, 13); v1 ^= v0; v0 = Rotl(v0, 32);
    v2 += v3; v3 = Rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = Rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = Rotl(v1, 17); v1 ^= v2; v2 = Rotl(v2, 32);
  }
  void Absorb(uint64_t m) {
    v3 ^= m;
    Round();
    Round();
    v0 ^= m;
  }
};

}  // namespace

uint64_t SipHash24(const RedactionKey& key, std::string_view message) {
  const uint64_t k0 = ReadLittleEndian(key.data(), 8);
  const uint64_t k1 = ReadLittleEndian(key.data() + 8, 8);
  State s{k0 ^ 0x736f6d6570736575ull, k1 ^ 0x646f72616e646f6dull,
          k0 ^ 0x6c7967656e657261ull, k1 ^ 0x7465646279746573ull};
  const auto* bytes = reinterpret_cast<const uint8_t*>(message.data());
  const size_t size = message.size();
  size_t i = 0;
  for (; i + 8 <= size; i += 8) s.Absorb(ReadLittleEndian(bytes + i, 8));
  s.Absorb(ReadLittleEndian(bytes + i, size - i) | (uint64_t{size & 0xff} << 56));
  s.v2 ^= 0xff;
  for (int r = 0; r < 4; ++r) s.Round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace ngxfix::redact
