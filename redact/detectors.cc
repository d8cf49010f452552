// Free-text detectors (see detectors.h).

#include "redact/detectors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/tsv.h"
#include "redact/address.h"
#include "redact/edges.h"
#include "redact/hostname.h"
#include "redact/secret_parts.h"

namespace ngxfix {
extern const std::string_view kPatternsTsv;
}

namespace ngxfix::redact {
namespace {

enum class Check { kNone, kIpv4, kIpv6, kHostname, kCredentials };

struct Pattern {
  std::string id;
  RedactionKind kind;
  int group;
  Check check;
  double min_entropy;
  std::vector<std::string> keywords;
  std::unique_ptr<RE2> re;
};

struct Registry {
  std::vector<Pattern> patterns;
  std::unique_ptr<RE2::Set> set;
  std::deque<std::string> ids;  // pattern ids, then registered ones
  std::mutex mutex;             // guards additions to `ids`
  std::vector<std::string> errors;
};

RE2::Options PatternOptions(bool longest) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);  // bytes, not UTF-8
  options.set_longest_match(longest);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

std::vector<std::string> SplitKeywords(std::string_view cell) {
  std::vector<std::string> out;
  while (!cell.empty()) {
    size_t comma = cell.find(',');
    if (comma != 0) out.emplace_back(cell.substr(0, comma));
    if (comma == std::string_view::npos) break;
    cell.remove_prefix(comma + 1);
  }
  return out;
}

void Load(Registry& r) {
  r.set = std::make_unique<RE2::Set>(PatternOptions(false), RE2::UNANCHORED);
  const std::string suffixes = SuffixAlternation();
  for (const TsvRow& row : ReadTsv(kPatternsTsv)) {
    Pattern p;
    p.id = std::string(row.at(0));
    p.kind = RedactionKindFromName(row.at(1)).value_or(RedactionKind::kSecret);
    p.group = row.at(2).empty() ? 0 : row.at(2)[0] - '0';
    std::string_view check = row.at(4);
    p.check = check == "ipv4"       ? Check::kIpv4
              : check == "ipv6"     ? Check::kIpv6
              : check == "hostname" ? Check::kHostname
              : check == "credentials" ? Check::kCredentials
                                       : Check::kNone;
    p.min_entropy = std::atof(std::string(row.at(5)).c_str());
    p.keywords = SplitKeywords(row.at(6));
    std::string source(row.at(7));
    size_t at = source.find("{suffixes}");
    if (at != std::string::npos) source.replace(at, 10, suffixes);
    p.re = std::make_unique<RE2>(source, PatternOptions(row.at(3) == "longest"));
    // A pattern RE2 rejects is left out and named by PatternErrors().
    if (!p.re->ok() || r.set->Add(source, nullptr) < 0) {
      r.errors.push_back(p.id + ": " + p.re->error());
      continue;
    }
    r.ids.push_back(p.id);
    r.patterns.push_back(std::move(p));
  }
  r.set->Compile();
}

Registry& GetRegistry() {
  static Registry* registry = [] {
    auto* r = new Registry;  // lives as long as the process
    Load(*r);
    return r;
  }();
  return *registry;
}

double Entropy(std::string_view s) {
  std::array<int, 256> counts{};
  for (char c : s) ++counts[static_cast<unsigned char>(c)];
  double bits = 0;
  for (int n : counts) {
    if (n == 0) continue;
    double p = double(n) / double(s.size());
    bits -= p * std::log2(p);
  }
  return bits;
}

bool HasKeyword(std::string_view match, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return true;
  std::string lower(match);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& k : keywords) {
    if (lower.find(k) != std::string::npos) return true;
  }
  return false;
}

// Checks an address match [b, e) and returns its kind, or nullopt.  A
// prefix length that is out of range is cut off and the address kept.  An
// IPv4 address written with escaped dots (10\.0\.0\.7, in a regex) has
// every dot escaped, and `form` says so.
std::optional<RedactionKind> CheckAddress(std::string_view text, size_t b, size_t& e,
                                          bool v6, Form& form) {
  if (!Bounded(text, b, e, v6 ? RedactionKind::kIpv6 : RedactionKind::kIpv4,
               Edges::kPattern)) {
    return std::nullopt;
  }
  std::string unescaped;
  std::string_view match = text.substr(b, e - b);
  if (match.find('\\') != std::string_view::npos) {
    unescaped = Unwrite(Form::kRegexEscaped, match);
    if (match.size() - unescaped.size() != 3) return std::nullopt;  // some dots only
    form = Form::kRegexEscaped;
    match = unescaped;
  }
  size_t slash = match.find('/');
  if (slash != std::string_view::npos) {
    int length = std::atoi(std::string(match.substr(slash + 1)).c_str());
    if (length > (v6 ? 128 : 32)) {
      e -= match.size() - slash;
      match = match.substr(0, slash);
    }
  }
  auto kind = AddressKind(match);
  if (!kind || !IsSensitive(*kind, match)) return std::nullopt;
  return kind;
}

// Checks a hostname match; may move `b` past a leading $variable name or
// the hex digits of a %XX escape (%2Fapi.acme.com is "/api.acme.com").
bool CheckHostname(std::string_view text, size_t& b, size_t e) {
  if (b > 0 && text[b - 1] == '$') {  // $host.acme.com: "host" is a variable
    size_t dot = text.find('.', b);
    if (dot == std::string_view::npos || dot >= e) return false;
    b = dot + 1;
  }
  if (b > 0 && text[b - 1] == '%' && b + 2 < e && HexDigitValue(text[b]) >= 0 &&
      HexDigitValue(text[b + 1]) >= 0) {
    b += 2;
  }
  std::string_view name = text.substr(b, e - b);
  return Bounded(text, b, e, RedactionKind::kHostname, Edges::kPattern) &&
         IsHostname(name, 2) && IsSensitive(RedactionKind::kHostname, name);
}

// The longest match ends where a longer suffix would (api.acme.com.conf
// reads as api.acme.com.co); when that match does not stand whole, shorter
// ones from the same start are tried.
bool ShortestHostnameThatFits(const Pattern& p, std::string_view text, size_t& b, size_t& e) {
  while (true) {
    size_t start = b;
    if (CheckHostname(text, b, e)) return true;
    b = start;
    re2::StringPiece shorter;
    if (e <= b + 1 ||
        !p.re->Match(text, b, e - 1, RE2::ANCHOR_START, &shorter, 1)) {
      return false;
    }
    e = b + shorter.size();
  }
}

void FindPattern(const Pattern& p, std::string_view text,
                 uint16_t detector, std::vector<Candidate>* out) {
  re2::StringPiece groups[10];
  const int ngroups = p.group + 1;
  size_t pos = 0;
  while (pos < text.size() &&
         p.re->Match(text, pos, text.size(), RE2::UNANCHORED, groups, ngroups)) {
    size_t match_begin = groups[0].data() - text.data();
    size_t match_end = match_begin + groups[0].size();
    pos = match_end > match_begin ? match_end : match_begin + 1;
    if (groups[p.group].data() == nullptr) continue;
    size_t b = groups[p.group].data() - text.data();
    size_t e = b + groups[p.group].size();
    if (b == e || !HasKeyword(groups[0], p.keywords)) continue;
    RedactionKind kind = p.kind;
    Form form = Form::kPlain;
    switch (p.check) {
      case Check::kIpv4:
      case Check::kIpv6: {
        auto checked = CheckAddress(text, b, e, p.check == Check::kIpv6, form);
        if (!checked) {
          // An address may start inside this match: %2010.0.0.7 matched
          // from its "0", and holds 10.0.0.7 after the escape.
          pos = match_begin + 1;
          continue;
        }
        kind = *checked;
        break;
      }
      case Check::kHostname:
        if (!ShortestHostnameThatFits(p, text, b, e)) continue;
        break;
      case Check::kCredentials:
        if (!IsBase64Credentials(text.substr(b, e - b))) continue;
        break;
      case Check::kNone:
        break;
    }
    if (p.min_entropy > 0 && Entropy(text.substr(b, e - b)) < p.min_entropy) continue;
    out->push_back({uint32_t(b), uint32_t(e), kind, detector, form});
  }
}

}  // namespace

void FindCandidates(std::string_view text, std::vector<Candidate>* out) {
  Registry& r = GetRegistry();
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  if (!r.set->Match(text, &matched, &error)) {
    if (error.kind == RE2::Set::kNoError) return;  // nothing occurs
    // The set's DFA ran out of memory: run every pattern.
    matched.clear();
    for (size_t i = 0; i < r.patterns.size(); ++i) matched.push_back(int(i));
  }
  std::sort(matched.begin(), matched.end());  // ties go to the first listed
#if defined(__EMSCRIPTEN__)
  for (int i : matched) FindPattern(r.patterns[i], text, uint16_t(i), out);
#else
  // Each pattern reads the whole text on its own: on a large input the
  // second core takes every other one (RE2 objects match from any thread).
  // The candidates are appended in the same order either way.
  std::vector<std::vector<Candidate>> found(matched.size());
  auto find = [&](size_t from) {
    for (size_t k = from; k < matched.size(); k += 2) {
      FindPattern(r.patterns[matched[k]], text, uint16_t(matched[k]), &found[k]);
    }
  };
  if (text.size() >= kParallelBytes && matched.size() > 1) {
    std::thread other(find, 1);
    for (size_t k = 0; k < matched.size(); k += 2) {
      FindPattern(r.patterns[matched[k]], text, uint16_t(matched[k]), &found[k]);
    }
    other.join();
  } else {
    find(0);
    find(1);
  }
  for (std::vector<Candidate>& part : found) {
    out->insert(out->end(), part.begin(), part.end());
  }
#endif
}

std::vector<std::string> PatternErrors() { return GetRegistry().errors; }

std::string_view DetectorId(uint16_t detector) {
  Registry& r = GetRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  return r.ids.at(detector);
}

uint16_t RegisterDetector(std::string_view id) {
  Registry& r = GetRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (size_t i = 0; i < r.ids.size(); ++i) {
    if (r.ids[i] == id) return uint16_t(i);
  }
  r.ids.emplace_back(id);
  return uint16_t(r.ids.size() - 1);
}

std::optional<RedactionKind> AddressKind(std::string_view text) {
  size_t slash = text.find('/');
  std::string_view host = text.substr(0, slash);
  bool v6 = host.find(':') != std::string_view::npos;
  if (!(v6 ? ParseIpv6(host) : ParseIpv4(host))) return std::nullopt;
  if (slash == std::string_view::npos) {
    return v6 ? RedactionKind::kIpv6 : RedactionKind::kIpv4;
  }
  std::string_view length = text.substr(slash + 1);
  if (length.empty() || length.size() > 3) return std::nullopt;
  int bits = 0;
  for (char c : length) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    bits = bits * 10 + (c - '0');
  }
  if (bits > (v6 ? 128 : 32)) return std::nullopt;
  return v6 ? RedactionKind::kCidr6 : RedactionKind::kCidr4;
}

bool IsSensitive(RedactionKind kind, std::string_view value) {
  switch (kind) {
    case RedactionKind::kIpv4:
    case RedactionKind::kIpv6:
    case RedactionKind::kCidr4:
    case RedactionKind::kCidr6: {
      size_t slash = value.find('/');
      std::string_view host = value.substr(0, slash);
      auto address = (kind == RedactionKind::kIpv4 || kind == RedactionKind::kCidr4)
                         ? ParseIpv4(host)
                         : ParseIpv6(host);
      return address && !IsKeptAddress(*address);
    }
    case RedactionKind::kHostname:
      return !IsKeptHostname(value);
    case RedactionKind::kSecret:
    case RedactionKind::kWord:
      return !value.empty();
  }
  return false;
}

}  // namespace ngxfix::redact
