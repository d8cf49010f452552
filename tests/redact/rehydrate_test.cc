// Placeholders, maps and rehydration: consistency, uniqueness, collisions
// with text kept verbatim, the JSON map, the report, the user's words, text
// that does not parse, and Scan() as the last gate.

#include <gtest/gtest.h>

#include <set>

#include "core/parser.h"
#include "core/json_writer.h"
#include "redact/redact.h"
#include "tests/redact/redact_test_support.h"

namespace ngxfix {
namespace {

using testing::TestKey;

constexpr char kConfig[] = R"(upstream app {
    server 10.1.2.3:8080;
    server 10.1.2.4:8080;
    server app3.shop.internal:8080;
}
server {
    server_name api.megacorp.com;
    allow 10.1.2.0/24;
    location / {
        proxy_pass http://app;
        proxy_set_header Authorization "Bearer 6c1f0e9a4be85e23d7";
    }
}
# api.megacorp.com fronts 10.1.2.3 and app3.shop.internal
)";

RedactResult RedactWith(const std::string& text, int seed = 0) {
  RedactOptions options;
  options.key = TestKey(seed);
  return RedactText(text, options);
}

const RedactionEntry* EntryFor(const RedactResult& r, const std::string& original) {
  for (const RedactionEntry& e : r.map.entries) {
    if (e.original == original) return &e;
  }
  return nullptr;
}

TEST(Redact, IsConsistentUniqueAndShapePreserving) {
  RedactResult r = RedactWith(kConfig);
  ASSERT_EQ(r.error, "");
  std::set<std::string> placeholders, originals;
  for (const RedactionEntry& e : r.map.entries) {
    EXPECT_TRUE(placeholders.insert(e.placeholder).second) << e.placeholder;
    EXPECT_TRUE(originals.insert(e.original).second) << e.original;
    EXPECT_NE(e.placeholder, e.original);
  }
  const RedactionEntry* host = EntryFor(r, "api.megacorp.com");
  ASSERT_TRUE(host);
  EXPECT_EQ(testing::WholeOccurrences(r.text, host->placeholder, RedactionKind::kHostname), 2u);
  EXPECT_TRUE(host->placeholder.ends_with(".com"));
  const RedactionEntry* a = EntryFor(r, "10.1.2.3");
  const RedactionEntry* b = EntryFor(r, "10.1.2.4");
  const RedactionEntry* net = EntryFor(r, "10.1.2.0/24");
  ASSERT_TRUE(a && b && net);
  EXPECT_EQ(a->kind, RedactionKind::kIpv4);
  EXPECT_EQ(net->kind, RedactionKind::kCidr4);
  // Prefix-preserving: both addresses stay inside the redacted /24.
  std::string prefix = net->placeholder.substr(0, net->placeholder.rfind('.') + 1);
  EXPECT_TRUE(net->placeholder.ends_with(".0/24")) << net->placeholder;
  EXPECT_TRUE(a->placeholder.starts_with(prefix)) << a->placeholder << " " << prefix;
  EXPECT_TRUE(b->placeholder.starts_with(prefix)) << b->placeholder << " " << prefix;
  EXPECT_TRUE(a->placeholder.starts_with("10."));
  EXPECT_TRUE(EntryFor(r, "app3.shop.internal")->placeholder.ends_with(".internal"));
  // The scheme word and the quotes stay.
  EXPECT_NE(r.text.find("\"Bearer REDACTED_"), std::string::npos) << r.text;
  // Everything else is untouched.
  EXPECT_NE(r.text.find("proxy_pass http://app;"), std::string::npos);
  EXPECT_TRUE(Parse(r.text).ok());
  EXPECT_EQ(Rehydrate(r.text, r.map), kConfig);
  // Another key, other placeholders.
  EXPECT_NE(RedactWith(kConfig, 1).text, r.text);
  EXPECT_EQ(RedactWith(kConfig).text, r.text);
}

TEST(Rehydrate, RestoresTextWrittenFromTheRedactedConfig) {
  RedactResult r = RedactWith(kConfig);
  const std::string host = EntryFor(r, "api.megacorp.com")->placeholder;
  const std::string ip = EntryFor(r, "10.1.2.3")->placeholder;
  const std::string other = EntryFor(r, "10.1.2.4")->placeholder;
  std::string answer = "The backend `" + ip + ":8080` is down. Point '" + host +
                       "' at " + other + ".\nserver \"" + ip + "\" backup;\n(" + host +
                       ") is fine; so is " + ip + ".";
  std::string expected = "The backend `10.1.2.3:8080` is down. Point 'api.megacorp.com'"
                         " at 10.1.2.4.\nserver \"10.1.2.3\" backup;\n(api.megacorp.com) "
                         "is fine; so is 10.1.2.3.";
  EXPECT_EQ(Rehydrate(answer, r.map), expected);
  // A placeholder inside a longer value is not one.
  EXPECT_EQ(Rehydrate(ip + "9", r.map), ip + "9");
  EXPECT_EQ(Rehydrate("x" + host, r.map), "x" + host);
}

TEST(RedactionMap, RoundTripsThroughJson) {
  RedactResult r = RedactWith(kConfig);
  std::string error;
  auto back = RedactionMapFromJson(
      JsonText([&](JsonWriter& j) { WriteRedactionMap(j, r.map); }), &error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->entries.size(), r.map.entries.size());
  for (size_t i = 0; i < back->entries.size(); ++i) {
    EXPECT_EQ(back->entries[i].placeholder, r.map.entries[i].placeholder);
    EXPECT_EQ(back->entries[i].original, r.map.entries[i].original);
    EXPECT_EQ(back->entries[i].kind, r.map.entries[i].kind);
    EXPECT_EQ(back->entries[i].detector, r.map.entries[i].detector);
  }
  EXPECT_EQ(Rehydrate(r.text, *back), kConfig);

  // An original that is not UTF-8 (a Latin-1 secret) comes back byte for
  // byte, written in base64.
  RedactionMap latin1{{{"REDACTED_1", "caf\xe9 au lait", RedactionKind::kSecret, "x"}}};
  std::string written =
      JsonText([&](JsonWriter& j) { WriteRedactionMap(j, latin1); });
  EXPECT_NE(written.find("\"original_base64\""), std::string::npos) << written;
  auto read = RedactionMapFromJson(written, &error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(read->entries.at(0).original, "caf\xe9 au lait");

  const std::pair<const char*, const char*> bad[] = {
      {"{", "not valid JSON"},
      {"[]", "no \"entries\""},
      {R"({"entries": [1]})", "entry 0: not an object"},
      {R"({"entries": [{"placeholder": "a", "original": "b"}]})", "\"kind\" is missing"},
      {R"({"entries": [{"placeholder": "a", "original": 2, "kind": "ipv4"}]})",
       "\"original\" (or \"original_base64\") is missing or not a string"},
      {R"({"entries": [{"placeholder": "a", "original": "b", "kind": "mac"}]})",
       "unknown kind \"mac\""},
      {R"({"entries": [{"placeholder": "", "original": "b", "kind": "word"}]})",
       "empty placeholder"},
  };
  for (const auto& [json, message] : bad) {
    error.clear();
    EXPECT_FALSE(RedactionMapFromJson(json, &error)) << json;
    EXPECT_NE(error.find(message), std::string::npos) << json << ": " << error;
  }
}

TEST(Redact, NeverReusesTextAlreadyThere) {
  // Placeholders of an earlier redaction quoted in a comment, and a new
  // secret: its placeholder must differ from those already in the text.
  std::string text =
      "# was REDACTED_SECURE_LINK_SECRET_1, then REDACTED_SECURE_LINK_SECRET_2\n"
      "secure_link_secret n3wS3cretValue;\n";
  RedactResult r = RedactWith(text);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.map.entries.size(), 1u) << r.text;
  EXPECT_EQ(r.map.entries[0].original, "n3wS3cretValue");
  EXPECT_EQ(r.map.entries[0].placeholder, "REDACTED_SECURE_LINK_SECRET_3");
  EXPECT_EQ(Rehydrate(r.text, r.map), text);

  // An address kept verbatim (--keep) that another address would map onto:
  // the other address is given a different placeholder.
  std::string address = "52.14.7.200";
  std::string image = RedactWith("# " + address)
                          .map.entries.at(0).placeholder;
  std::string both = "# " + address + " and " + image + "\n";
  RedactOptions options;
  options.key = TestKey();
  options.keep_words = {image};
  RedactResult kept = RedactText(both, options);
  ASSERT_EQ(kept.error, "");
  ASSERT_EQ(kept.map.entries.size(), 1u);
  EXPECT_NE(kept.map.entries[0].placeholder, image);
  EXPECT_NE(kept.text.find(image), std::string::npos);
  EXPECT_EQ(Rehydrate(kept.text, kept.map), both);
}

TEST(Redact, NoPlaceholderSpellsAnotherValueWithItsNeighbours) {
  // The parent name of a hidden host is replaced wherever it stands, also
  // inside names no detector found (api.NAME in a comment).  If another
  // value of the input is that very result, the redacted text would show
  // it: another key is drawn instead (found by redact_fuzzer).
  std::string host = "api-1.acme-corp.pvt";
  std::string parent_placeholder = RedactWith("upstream app { server " + host + ":8080; }\n")
                                       .map.entries.at(0).placeholder;
  parent_placeholder = parent_placeholder.substr(parent_placeholder.find('.') + 1);
  std::string text = "upstream app {\n    server " + host +
                     ":8080;\n}\nserver {\n    # formerly api.acme-corp.pvt\n"
                     "    server_name api." + parent_placeholder + ";\n}\n";
  RedactResult r = RedactWith(text);
  ASSERT_EQ(r.error, "");
  ScanOptions gate;
  gate.placeholders = &r.map;
  EXPECT_TRUE(Scan(r.text, gate).empty()) << r.text;
  EXPECT_EQ(r.text.find("api." + parent_placeholder), std::string::npos) << r.text;
  EXPECT_EQ(Rehydrate(r.text, r.map), text);
}

TEST(Redact, AnAddressMappedOntoItselfStaysAsWritten) {
  // A /1 network holds kept ranges (10/8, 127/8), so it maps onto itself:
  // written with a leading zero it used to become 1.16.0.0/1, which the
  // same network written plainly made ambiguous, and redaction failed
  // (found by redact_fuzzer).
  std::string text = "# 01.16.0.0/1 and 1.16.0.0/1\n";
  RedactResult r = RedactWith(text);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.map.entries.empty());
}

TEST(Redact, ReportsKindDetectorPositionAndCount) {
  RedactResult r = RedactWith(kConfig);
  const RedactionReportItem* item = nullptr;
  for (const RedactionReportItem& i : r.report) {
    if (i.placeholder == EntryFor(r, "api.megacorp.com")->placeholder) item = &i;
  }
  ASSERT_TRUE(item);
  EXPECT_EQ(item->kind, RedactionKind::kHostname);
  EXPECT_EQ(item->detector, "directive:server_name");
  EXPECT_EQ(item->line, 7u);
  EXPECT_EQ(item->column, 17u);
  EXPECT_EQ(item->count, 2u);
  EXPECT_EQ(r.report.size(), r.map.entries.size());
  std::string text = RedactionReportToText(r.report);
  EXPECT_NE(text.find("-:7:17: hostname (directive:server_name) -> " + item->placeholder +
                      ", 2 times"),
            std::string::npos)
      << text;
  auto report = nlohmann::json::parse(
      JsonText([&](JsonWriter& j) { WriteRedactionReport(j, r.report); }));
  EXPECT_EQ(report[0]["line"], r.report[0].line);
}

TEST(Redact, HonoursTheUsersWords) {
  std::string text = "# owned by Globex, ticket OPS-4411\nserver_name shop.globex.com;\n"
                     "server 10.9.8.7;\n";
  RedactOptions options;
  options.key = TestKey();
  options.sensitive_words = {"Globex", "OPS-4411"};
  options.keep_words = {"10.9.8.7"};
  RedactResult r = RedactText(text, options);
  EXPECT_EQ(r.text.find("Globex"), std::string::npos);
  EXPECT_EQ(r.text.find("OPS-4411"), std::string::npos);
  EXPECT_EQ(r.text.find("globex.com"), std::string::npos);
  EXPECT_NE(r.text.find("server 10.9.8.7;"), std::string::npos);
  const RedactionEntry* word = EntryFor(r, "Globex");
  ASSERT_TRUE(word);
  EXPECT_EQ(word->kind, RedactionKind::kWord);
  EXPECT_EQ(word->detector, "word");
  EXPECT_EQ(Rehydrate(r.text, r.map), text);
}

TEST(Redact, HidesValuesInTextThatDoesNotParse) {
  // Too deep to parse: the parser gives up, redaction does not.
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "a {\n";
  deep += "proxy_pass http://10.77.1.2:80; # api.megacorp.com\n";
  // Broken syntax, parsed with recovery.
  std::string broken = "server { listen 10.77.1.3:80 }\n}\n\"unclosed 10.77.1.4";
  for (const std::string& text : {deep, broken}) {
    ASSERT_FALSE(Parse(text).ok());
    RedactResult r = RedactWith(text);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.text.find("10.77.1."), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("megacorp"), std::string::npos);
    EXPECT_EQ(Rehydrate(r.text, r.map), text);
    EXPECT_FALSE(Parse(r.text).ok());
  }
}

TEST(Scan, FindsLeftoversButNotPlaceholders) {
  RedactResult r = RedactWith(kConfig);
  ScanOptions options;
  options.placeholders = &r.map;
  EXPECT_TRUE(Scan(r.text, options).empty()) << Scan(r.text, options)[0].detector;
  std::vector<Detection> found = Scan(kConfig);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_EQ(found[0].column, 12u);
  EXPECT_EQ(found[0].detector, "ipv4");
  // A payload that quotes a real value next to placeholders is caught.
  std::string payload = r.text + "\nAlso, the old box 52.14.7.200 answers.";
  auto leftovers = Scan(payload, options);
  ASSERT_EQ(leftovers.size(), 1u);
  EXPECT_EQ(payload.substr(leftovers[0].offset, leftovers[0].length), "52.14.7.200");
}

}  // namespace
}  // namespace ngxfix
