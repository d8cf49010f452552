// Addresses and their placeholders: SipHash against the paper's vectors,
// the text forms of IPv4 and IPv6, and the properties of the
// prefix-preserving mapping over many random addresses.

#include <gtest/gtest.h>

#include <random>

#include "redact/address.h"
#include "redact/siphash.h"
#include "tests/redact/redact_test_support.h"

namespace ngxfix::redact {
namespace {

RedactionKey SequentialKey() {
  RedactionKey key;
  for (int i = 0; i < 16; ++i) key[i] = uint8_t(i);
  return key;
}

TEST(SipHash, MatchesTheReferenceVectors) {
  // Appendix A of the SipHash paper and the reference implementation's
  // vectors: key 00..0f, messages 00, 00 01, ... (lengths 0, 8 and 15).
  std::string message;
  EXPECT_EQ(SipHash24(SequentialKey(), message), 0x726fdb47dd0e0e31ull);
  for (int i = 0; i < 8; ++i) message += char(i);
  EXPECT_EQ(SipHash24(SequentialKey(), message), 0x93f5f5799a932462ull);
  for (int i = 8; i < 15; ++i) message += char(i);
  EXPECT_EQ(SipHash24(SequentialKey(), message), 0xa129ca6149be45e5ull);
}

TEST(Address, ReadsAndWritesTextForms) {
  EXPECT_EQ(FormatIpv4(*ParseIpv4("10.0.255.1")), "10.0.255.1");
  EXPECT_EQ(FormatIpv4(*ParseIpv4("010.1.2.3")), "10.1.2.3");
  for (const char* bad : {"1.256.3.4", "1.2.3", "1.2.3.4.5", "1..2.3", "a.b.c.d", "1.2.3.4/8",
                          "", "1234.1.1.1"}) {
    EXPECT_FALSE(ParseIpv4(bad)) << bad;
  }
  const std::pair<const char*, const char*> v6[] = {
      {"::", "::"},
      {"::1", "::1"},
      {"2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
      {"2001:db8:0:0:0:0:2:1", "2001:db8::2:1"},
      {"2001:0db8::0001", "2001:db8::1"},
      {"fe80::", "fe80::"},
      {"::ffff:10.0.0.1", "::ffff:a00:1"},
      {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
      {"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
  };
  for (const auto& [in, out] : v6) {
    auto a = ParseIpv6(in);
    ASSERT_TRUE(a) << in;
    EXPECT_EQ(FormatIpv6(*a, false), out) << in;
  }
  for (const char* bad : {":", ":::", "1:2:3", "1::2::3", "00:1a:2b:3c:4d:5e", "12:30:00",
                          "1:2:3:4:5:6:7:8:9", "12345::1", "1:", "::g", "1:2:3:4:5:6:7::8"}) {
    EXPECT_FALSE(ParseIpv6(bad)) << bad;
  }
}

int CommonPrefix(const IpAddress& a, const IpAddress& b) {
  for (int i = 0; i < a.bits(); ++i) {
    if (((a.bytes[i / 8] ^ b.bytes[i / 8]) >> (7 - i % 8)) & 1) return i;
  }
  return a.bits();
}

IpAddress Random(std::mt19937_64& rng, bool v6) {
  IpAddress a;
  a.v6 = v6;
  for (int i = 0; i < (v6 ? 16 : 4); ++i) a.bytes[i] = uint8_t(rng());
  return a;
}

// Crypto-PAn's defining property, and what the ranges promise.
TEST(AddressMapper, PreservesPrefixesAndRanges) {
  std::mt19937_64 rng(7);
  for (bool v6 : {false, true}) {
    AddressMapper mapper(testing::TestKey(3));
    for (int i = 0; i < 3000; ++i) {
      IpAddress a = Random(rng, v6), b = Random(rng, v6);
      if (i % 3 == 0) b = WithLowBits(a, b, int(rng() % a.bits()));  // share a prefix
      IpAddress ma = mapper.Map(a), mb = mapper.Map(b);
      ASSERT_EQ(CommonPrefix(ma, mb), CommonPrefix(a, b));
      // Nothing lands in a kept range unless it came from there.
      EXPECT_EQ(IsKeptAddress(ma), IsKeptAddress(a));
    }
  }
  AddressMapper mapper(testing::TestKey(4));
  for (int i = 0; i < 2000; ++i) {
    IpAddress a = Random(rng, false);
    a.bytes[0] = 10;
    EXPECT_EQ(mapper.Map(a).bytes[0], 10) << "private stays private";
    a.bytes[0] = 192;
    a.bytes[1] = 168;
    IpAddress m = mapper.Map(a);
    EXPECT_EQ(m.bytes[0], 192);
    EXPECT_EQ(m.bytes[1], 168);
  }
  // Different keys, different placeholders.
  AddressMapper other(testing::TestKey(5));
  IpAddress a = *ParseIpv4("52.14.7.200");
  EXPECT_NE(mapper.Map(a), other.Map(a));
  EXPECT_NE(mapper.Map(a), a);
}

TEST(Address, KnowsWhatIsNotSensitive) {
  for (const char* kept : {"127.0.0.1", "127.200.1.1", "0.0.0.0", "192.0.2.1", "198.51.100.255",
                           "203.0.113.7", "255.255.255.255"}) {
    EXPECT_TRUE(IsKeptAddress(*ParseIpv4(kept))) << kept;
  }
  for (const char* kept : {"::", "::1", "2001:db8::1", "2001:db8:ffff::"}) {
    EXPECT_TRUE(IsKeptAddress(*ParseIpv6(kept))) << kept;
  }
  for (const char* secret : {"10.0.0.1", "8.8.8.8", "192.0.3.1", "126.255.255.255"}) {
    EXPECT_FALSE(IsKeptAddress(*ParseIpv4(secret))) << secret;
  }
  EXPECT_FALSE(IsKeptAddress(*ParseIpv6("2001:db9::1")));
  EXPECT_FALSE(IsKeptAddress(*ParseIpv6("fd00::1")));
  // The network of 0.0.0.0/0 is kept; that of 192.0.0.0/16 is not.
  EXPECT_TRUE(IsKeptAddress(*ParseIpv4("0.0.0.0")));
  EXPECT_FALSE(IsKeptAddress(*ParseIpv4("192.0.0.0")));
}

}  // namespace
}  // namespace ngxfix::redact
