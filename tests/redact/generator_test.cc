// The generator test: fresh random values of every kind planted at every
// kind of place (upstream servers, server names, access rules, headers, map
// bodies, Lua blocks, comments, URLs, secrets of directives), together with
// values that must be kept (loopback, documentation ranges and names,
// upstream names, variables, ports, paths, sizes).  Over 10,000 planted
// values; for each document: nothing planted survives (the leak count),
// every kept value is still there as often as before (the over-redaction
// count), the map round-trips through JSON and rehydrates byte for byte, and
// the redacted text parses.

#include <gtest/gtest.h>

#include <cctype>
#include <iostream>
#include <random>

#include "core/parser.h"
#include "redact/address.h"
#include "redact/redact.h"
#include "tests/redact/redact_test_support.h"

namespace ngxfix {
namespace {

constexpr int kDocuments = 400;  // 30 planted values each

struct Planted {
  std::string value;
  RedactionKind kind;
};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  std::string Document() {
    text_.clear();
    sensitive_.clear();
    kept_.clear();
    std::string pool = Keep("pool_" + Label(), RedactionKind::kWord);
    text_ += "upstream " + pool + " {\n";
    text_ += "    server " + Plant(Ipv4(), RedactionKind::kIpv4) + ":" + Port() + " weight=3;\n";
    text_ += "    server [" + Plant(Ipv6(), RedactionKind::kIpv6) + "]:" + Port() + ";\n";
    text_ += "    server " + Plant(Hostname(), RedactionKind::kHostname) + ":" + Port() + ";\n";
    text_ += "    server " + Keep("127.0.0.1", RedactionKind::kIpv4) + ":" + Port() + " backup;\n";
    text_ += "}\n";
    text_ += "server {\n";
    text_ += "    listen " + Keep("0.0.0.0", RedactionKind::kIpv4) + ":443 ssl;\n";
    text_ += "    listen [" + Keep("::1", RedactionKind::kIpv6) + "]:443 ssl;\n";
    text_ += "    server_name " + Plant(Hostname(), RedactionKind::kHostname) + " *." +
             Plant(Hostname(), RedactionKind::kHostname) + " " +
             Keep(Label() + ".example.com", RedactionKind::kHostname) + ";\n";
    text_ += "    allow " + Plant(Cidr4(), RedactionKind::kCidr4) + ";\n";
    text_ += "    allow " + Plant(Cidr6(), RedactionKind::kCidr6) + ";\n";
    text_ += "    allow " + Keep("192.0.2." + std::to_string(rng_() % 250 + 1), RedactionKind::kIpv4) + ";\n";
    text_ += "    deny " + Keep("2001:db8::" + Hex(4), RedactionKind::kIpv6) + ";\n";
    text_ += "    set_real_ip_from " + Plant(Ipv4(), RedactionKind::kIpv4) + ";\n";
    text_ += "    resolver " + Plant(Ipv4(), RedactionKind::kIpv4) + " valid=" + Keep("30s", RedactionKind::kWord) + ";\n";
    std::string path = Keep("/api/v1/" + Label(), RedactionKind::kWord);
    text_ += "    location " + path + " {\n";
    text_ += "        proxy_pass https://" + Plant(Words(3) + ":" + Words(3), RedactionKind::kSecret) +
             "@" + Plant(Hostname(), RedactionKind::kHostname) + ":" + Port() + path + ";\n";
    text_ += "        proxy_set_header Authorization \"Bearer " + Plant(Secret(), RedactionKind::kSecret) + "\";\n";
    text_ += "        proxy_set_header X-Api-Key " + Plant(Secret(), RedactionKind::kSecret) + ";\n";
    text_ += "        proxy_set_header Cookie \"sid=" + Plant(Secret(), RedactionKind::kSecret) + "\";\n";
    text_ += "        proxy_set_header Host " + Keep("$host", RedactionKind::kWord) + ";\n";
    text_ += "        client_max_body_size " + Keep("10m", RedactionKind::kWord) + ";\n";
    std::string link = Plant(Secret(), RedactionKind::kSecret);
    text_ += "        secure_link_secret " + link + ";\n";
    text_ += "        set $api_key \"" + Plant(Secret(), RedactionKind::kSecret) + "\";\n";
    text_ += "        return 301 https://" + Plant(Hostname(), RedactionKind::kHostname) +
             Keep("$request_uri", RedactionKind::kWord) + ";\n";
    text_ += "    }\n";
    text_ += "    location /lua {\n        content_by_lua_block {\n";
    text_ += "            local token = \"" + Plant(Token(), RedactionKind::kSecret) + "\"\n";
    text_ += "            ngx.say(\"" + Plant(Ipv4(), RedactionKind::kIpv4) + "\", '" +
             Plant(Ipv6(), RedactionKind::kIpv6) + "')\n";
    text_ += "            local url = \"https://" + Plant(Hostname(), RedactionKind::kHostname) + "/x\"\n";
    text_ += "            local doc = \"" + Keep(Label() + ".example.org", RedactionKind::kHostname) + "\"\n";
    text_ += "        }\n    }\n}\n";
    text_ += "map $http_x_api_key $client {\n    default \"\";\n";
    text_ += "    \"" + Plant(Secret(), RedactionKind::kSecret) + "\" mobile;\n";
    text_ += "    " + Plant(Secret(), RedactionKind::kSecret) + " partner;\n}\n";
    text_ += "map $host $" + Label() + " {\n    hostnames;\n";
    text_ += "    " + Plant(Hostname(), RedactionKind::kHostname) + " blue;\n";
    text_ += "    " + Plant(Ipv4(), RedactionKind::kIpv4) + " green;\n}\n";
    text_ += "# ops: " + Plant(Hostname(), RedactionKind::kHostname) + " at " +
             Plant(Ipv4(), RedactionKind::kIpv4) + ", token " +
             Plant(Token(), RedactionKind::kSecret) + ", rotate " + link + "\n";
    text_ += "# see https://" + Plant(Words(2) + ":" + Words(3), RedactionKind::kSecret) + "@" +
             Plant(Hostname(), RedactionKind::kHostname) + "/wiki and " +
             Keep("localhost", RedactionKind::kHostname) + "\n";
    return text_;
  }

  const std::vector<Planted>& sensitive() const { return sensitive_; }
  const std::vector<Planted>& kept() const { return kept_; }

 private:
  std::string Plant(std::string value, RedactionKind kind) {
    sensitive_.push_back({value, kind});
    return value;
  }
  std::string Keep(std::string value, RedactionKind kind) {
    kept_.push_back({value, kind});
    return value;
  }
  uint64_t Next(uint64_t n) { return rng_() % n; }
  std::string From(std::string_view chars, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += chars[Next(chars.size())];
    return out;
  }
  std::string Hex(size_t n) { return From("0123456789abcdef", n); }
  std::string Label() {
    return From("abcdefghijklmnopqrstuvwxyz", 1) +
           From("abcdefghijklmnopqrstuvwxyz0123456789", 4 + Next(6));
  }
  std::string Words(size_t n) { return From("abcdefghijklmnopqrstuvwxyz", n + 3); }
  std::string Port() { return std::to_string(1024 + Next(60000)); }
  std::string Hostname() {
    static const char* kSuffixes[] = {"com", "io", "net", "org", "internal", "corp",
                                      "svc.cluster.local", "rds.amazonaws.com",
                                      "elb.amazonaws.com", "co.uk", "lan", "local", "de"};
    std::string name;
    for (uint64_t i = 0, n = 1 + Next(3); i < n; ++i) name += Label() + ".";
    return name + kSuffixes[Next(std::size(kSuffixes))];
  }
  redact::IpAddress RandomAddress(bool v6) {
    while (true) {
      redact::IpAddress a;
      a.v6 = v6;
      for (int i = 0; i < (v6 ? 16 : 4); ++i) a.bytes[i] = uint8_t(rng_());
      if (v6) a.bytes[0] = Next(2) ? 0x26 : 0xfd;
      if (!redact::IsKeptAddress(a)) return a;
    }
  }
  std::string Ipv4() { return redact::FormatIpv4(RandomAddress(false)); }
  std::string Ipv6() { return redact::FormatIpv6(RandomAddress(true), false); }
  std::string Cidr(bool v6, int min, int max) {
    redact::IpAddress a = RandomAddress(v6);
    int length = min + int(Next(max - min + 1));
    a = redact::WithLowBits(a, redact::IpAddress{v6, {}}, length);
    return (v6 ? redact::FormatIpv6(a, false) : redact::FormatIpv4(a)) + "/" +
           std::to_string(length);
  }
  std::string Cidr4() { return Cidr(false, 16, 30); }
  std::string Cidr6() { return Cidr(true, 32, 64); }
  std::string Secret() {
    return From("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20 + Next(13));
  }
  std::string Token() {
    const std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    switch (Next(7)) {
      case 0: return "ghp_" + From(alnum, 36);
      case 1: return "AKIA" + From("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
      case 2: return "xoxb-" + From("0123456789", 12) + "-" + From(alnum, 24);
      case 3: return "sk_live_" + From(alnum, 24);
      case 4: return "glpat-" + From(alnum, 20);
      case 5: return "AIza" + From(alnum, 35);
      default:
        return "eyJ" + From(alnum, 20) + ".eyJ" + From(alnum, 30) + "." + From(alnum, 32);
    }
  }

  std::mt19937_64 rng_;
  std::string text_;
  std::vector<Planted> sensitive_, kept_;
};

// Secrets count anywhere; words (10m, $host) where they stand whole;
// addresses and hostnames as redaction judges them.
size_t Occurrences(std::string_view text, const Planted& p) {
  if (p.kind != RedactionKind::kSecret && p.kind != RedactionKind::kWord) {
    return testing::WholeOccurrences(text, p.value, p.kind);
  }
  auto alnum = [&](size_t i) {
    return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]));
  };
  size_t n = 0;
  for (size_t at = text.find(p.value); at != std::string_view::npos;
       at = text.find(p.value, at + 1)) {
    bool whole = !(at > 0 && alnum(at - 1)) && !alnum(at + p.value.size());
    n += p.kind == RedactionKind::kSecret || whole;
  }
  return n;
}

TEST(Generator, PlantedValuesNeverSurvive) {
  Generator generator(20261126);
  size_t planted = 0, kept_planted = 0, leaks = 0, over_redacted = 0;
  for (int d = 0; d < kDocuments; ++d) {
    std::string text = generator.Document();
    SCOPED_TRACE(text);
    RedactOptions options;
    options.key = testing::TestKey(d);
    RedactResult r = RedactText(text, options);
    ASSERT_EQ(r.error, "");
    for (const Planted& p : generator.sensitive()) {
      ++planted;
      if (Occurrences(r.text, p) > 0) {
        ++leaks;
        ADD_FAILURE() << "leaked: " << p.value;
      }
    }
    for (const Planted& p : generator.kept()) {
      ++kept_planted;
      if (Occurrences(r.text, p) != Occurrences(text, p)) {
        ++over_redacted;
        ADD_FAILURE() << "over-redacted: " << p.value;
      }
    }
    EXPECT_EQ(Rehydrate(r.text, r.map), text);
    std::string error;
    auto map = RedactionMapFromJson(RedactionMapToJson(r.map).dump(), &error);
    ASSERT_TRUE(map) << error;
    EXPECT_EQ(Rehydrate(r.text, *map), text);
    EXPECT_TRUE(Parse(text).ok());
    SyntaxTree redacted = Parse(r.text);
    EXPECT_TRUE(redacted.ok()) << r.text;
    EXPECT_EQ(redacted.tokens().size(), Parse(text).tokens().size());
  }
  std::cout << "generator: " << planted << " planted sensitive values, " << leaks
            << " leaked; " << kept_planted << " values to keep, " << over_redacted
            << " over-redacted\n";
  ::testing::Test::RecordProperty("planted", int(planted));
  ::testing::Test::RecordProperty("leaks", int(leaks));
  ::testing::Test::RecordProperty("over_redacted", int(over_redacted));
  EXPECT_GE(planted, 10000u);
  EXPECT_EQ(leaks, 0u);
  EXPECT_EQ(over_redacted, 0u);
}

}  // namespace
}  // namespace ngxfix
