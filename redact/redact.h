// Redaction: hostnames, IP addresses and secrets in an nginx configuration
// (or any text) replaced locally, consistently and reversibly, so that the
// configuration can be shown to anyone but its owner (an LLM, a colleague, a
// ticket) and the answer mapped back to the real values.
//
//   RedactResult r = Redact(Parse(text));        // r.text is safe to send
//   std::string answer = AskSomeone(r.text);
//   std::string mine = Rehydrate(answer, r.map);  // real values back
//
// What is found:
//   - configuration-aware: the arguments that carry addresses, hostnames or
//     secrets (server_name, upstream servers, *_pass URLs, resolver, allow,
//     deny, Authorization headers, secure_link_secret, ...: see
//     data/directive_values.tsv);
//   - everywhere (comments, Lua, quoted strings, any argument, text that did
//     not parse): patterns from data/patterns.tsv (IPv4, IPv6, hostnames
//     under a known suffix, URL credentials, cloud and SaaS tokens, JWTs,
//     PEM private keys, ...), compiled once into one RE2::Set;
//   - the user's own words (RedactOptions::sensitive_words).
// What is kept: directive names, $variables, ports, paths, sizes, upstream
// group names, loopback and unspecified addresses, the documentation ranges
// and names (192.0.2.0/24, 2001:db8::/32, example.com, .test, ...), and the
// user's RedactOptions::keep_words.
//
// Placeholders keep the shape of what they replace, so the redacted text
// parses and means the same: an IPv4 address becomes an IPv4 address, and
// the mapping is prefix-preserving (Crypto-PAn's construction with a keyed
// SipHash: two addresses in one network stay in one network of the same
// size; private, link-local and multicast addresses stay so; nothing maps
// into loopback or the documentation ranges); a CIDR keeps its prefix
// length; a hostname keeps its meaningful suffix (.com, .svc.cluster.local,
// .elb.amazonaws.com, ...); a secret keeps its quotes and its scheme word
// (Basic, Bearer) and becomes REDACTED_<DETECTOR>_<N>; a user's word becomes
// redacted-word-<N>.  One value always gets one placeholder in a document,
// and a placeholder never equals a value kept verbatim in the document.

#ifndef NGXFIX_REDACT_REDACT_H_
#define NGXFIX_REDACT_REDACT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.h"

#include "core/syntax_tree.h"

namespace ngxfix {

enum class RedactionKind : uint8_t {
  kIpv4,
  kIpv6,
  kCidr4,
  kCidr6,
  kHostname,
  kSecret,
  kWord,  // a word the user marked as sensitive
};

// "ipv4", "ipv6", "cidr4", "cidr6", "hostname", "secret", "word".
std::string_view RedactionKindName(RedactionKind kind);
std::optional<RedactionKind> RedactionKindFromName(std::string_view name);

// One redacted value.  `detector` names what found it: a pattern id of
// data/patterns.tsv ("ipv4", "aws-access-key", ...), "directive:NAME" for
// an argument known to carry such a value, or "word".
struct RedactionEntry {
  std::string placeholder;
  std::string original;
  RedactionKind kind;
  std::string detector;
};

// Placeholder -> original, one entry per distinct original.  Kept by the
// page in memory, written by `ngxfix redact --map`.
struct RedactionMap {
  std::vector<RedactionEntry> entries;
};

// What the user checks before sending anything: one item per redacted value,
// at its first occurrence.
struct RedactionReportItem {
  RedactionKind kind;
  std::string detector;
  std::string placeholder;
  std::string file;    // the file's name (nginx -T dumps hold several)
  uint32_t line;       // 1-based, within the file
  uint32_t column;     // 1-based, in bytes
  uint32_t count;      // occurrences in the document
};

// The secret of the prefix-preserving address mapping.
using RedactionKey = std::array<uint8_t, 16>;

// A fresh random key (std::random_device; crypto.getRandomValues in the
// browser).
RedactionKey RandomRedactionKey();

struct RedactOptions {
  // Redacted wherever they occur, as kind `word` (case-sensitive).
  std::vector<std::string> sensitive_words;
  // Never redacted, whatever finds them, nor any part of them (exact
  // values, e.g. "10.0.0.1", "api.acme.com").
  std::vector<std::string> keep_words;
  // The key of the address mapping; a random one when empty.  Tests inject
  // one to be deterministic.
  std::optional<RedactionKey> key;
};

struct RedactResult {
  std::string text;  // the redacted text; empty when `error` is set
  RedactionMap map;
  std::vector<RedactionReportItem> report;  // in order of first occurrence
  // Empty on success.  Redaction never returns unredacted text: on an
  // error, text is empty.
  std::string error;
};

// Redacts the text the tree was parsed from.  Parts the parser could not
// read (after a fatal error) are redacted by the patterns alone.
RedactResult Redact(const SyntaxTree& tree, const RedactOptions& options = {});

// Parses `text` (a configuration, a snippet or nginx -T output) and redacts
// it.
RedactResult RedactText(std::string text, const RedactOptions& options = {});

// Replaces every placeholder of `map` in `text` by its original.  Redacted
// text comes back byte for byte; so does text someone wrote from it, with
// placeholders moved, re-quoted or in new sentences (a placeholder counts
// where it stands as a whole: "10.1.2.3" is not found in "10.1.2.34").
std::string Rehydrate(std::string_view text, const RedactionMap& map);

// The map turned around, with every form of each original (an address or
// a hostname escaped or percent-encoded gets its placeholder written the
// same way): Rehydrate(text, HidingMap(map)) puts the placeholders where
// the originals stand, which redacts text written from the redacted one's
// original (its fix, its diff) with the same placeholders.
RedactionMap HidingMap(const RedactionMap& map);

// {"entries": [{"placeholder", "original", "kind", "detector"}, ...]}; an
// original that is not UTF-8 is "original_base64" (JsonWriter::Bytes()).
void WriteRedactionMap(JsonWriter& json, const RedactionMap& map);
// The inverse; on malformed input returns nullopt and says why in `error`.
std::optional<RedactionMap> RedactionMapFromJson(std::string_view json,
                                                 std::string* error);

// [{"kind", "detector", "placeholder", "file", "line", "column", "count"}]
void WriteRedactionReport(JsonWriter& json,
                          const std::vector<RedactionReportItem>& report);
// One line per item: FILE:LINE:COL: KIND (DETECTOR) -> PLACEHOLDER, N times
std::string RedactionReportToText(
    const std::vector<RedactionReportItem>& report);

// Something sensitive found in free text.
struct Detection {
  uint32_t offset;  // into the scanned text
  uint32_t length;
  uint32_t line;    // 1-based
  uint32_t column;  // 1-based, in bytes
  RedactionKind kind;
  std::string detector;
};

struct ScanOptions {
  std::vector<std::string> sensitive_words;
  std::vector<std::string> keep_words;
  // The map of the redaction the text was written from; may be null.  Its
  // placeholders are not sensitive (they are what redaction put there); its
  // originals are, in every form redaction hides them in.
  const RedactionMap* placeholders = nullptr;
};

// The last gate before anything leaves: everything sensitive the patterns
// find in arbitrary text (not only configurations), and every original of
// `options.placeholders` that can still be read (as a part of a longer name
// or path, escaped, percent-encoded, or a secret part of it; detector
// "original:" and the entry's detector), in order.  Empty means nothing was
// found.
std::vector<Detection> Scan(std::string_view text,
                            const ScanOptions& options = {});

}  // namespace ngxfix

#endif  // NGXFIX_REDACT_REDACT_H_
