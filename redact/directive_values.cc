// Configuration-aware detectors (see directive_values.h).

#include "redact/directive_values.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <unordered_map>

#include <re2/re2.h>

#include "core/tsv.h"
#include "redact/hostname.h"

namespace ngxfix {
extern const std::string_view kDirectiveValuesTsv;
extern const std::string_view kSensitiveNamesTsv;
}

namespace ngxfix::redact {
namespace {

enum class Value {
  kAddress,
  kHostname,
  kSecret,
  kSecretAfterScheme,
  kHeader,
  kHeaderLine,
  kVariable,
  kMapKeys,
};

struct Rule {
  std::string parent;  // "*" for any
  int argument;        // 1-based; 0 every argument; -1 the block's entries
  Value value;
  int name_argument;   // header:N, variable:N, map-keys:N
  size_t min_length;
  uint16_t detector;
};

struct NameRule {
  std::string what;
  std::unique_ptr<RE2> pattern;
  std::string value;
};

struct Tables {
  std::unordered_map<std::string_view, std::vector<Rule>> rules;  // names in the data
  std::vector<NameRule> names;
};

const Tables& GetTables() {
  static const Tables tables = [] {
    Tables t;
    static const std::pair<std::string_view, Value> kValues[] = {
        {"address", Value::kAddress},   {"hostname", Value::kHostname},
        {"secret", Value::kSecret},     {"secret-after-scheme", Value::kSecretAfterScheme},
        {"header", Value::kHeader},     {"header-line", Value::kHeaderLine},
        {"variable", Value::kVariable}, {"map-keys", Value::kMapKeys},
    };
    for (const TsvRow& row : ReadTsv(kDirectiveValuesTsv)) {
      std::string_view spec = row.at(3);
      size_t colon = spec.find(':');
      Rule rule{};
      rule.parent = std::string(row.at(1));
      rule.argument = row.at(2) == "*" ? 0 : row.at(2) == "entries" ? -1
                                             : std::atoi(std::string(row.at(2)).c_str());
      for (const auto& [name, value] : kValues) {
        if (spec.substr(0, colon) == name) rule.value = value;
      }
      rule.name_argument = colon == std::string_view::npos
                               ? 0 : std::atoi(std::string(spec.substr(colon + 1)).c_str());
      rule.min_length = row.at(4).empty() ? 1 : std::atoi(std::string(row.at(4)).c_str());
      rule.detector = RegisterDetector("directive:" + std::string(row.at(0)));
      t.rules[row.at(0)].push_back(rule);
    }
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    for (const TsvRow& row : ReadTsv(kSensitiveNamesTsv)) {
      t.names.push_back({std::string(row.at(0)),
                         std::make_unique<RE2>(row.at(1), options),
                         std::string(row.at(2))});
    }
    return t;
  }();
  return tables;
}

// What data/sensitive_names.tsv says a value named `name` is; empty if
// nothing.
std::string_view NamedValue(std::string_view what, std::string_view name) {
  for (const NameRule& rule : GetTables().names) {
    if (rule.what == what && RE2::FullMatch(name, *rule.pattern)) return rule.value;
  }
  return {};
}

class Finder {
 public:
  // What data/sensitive_names.tsv says of `name`, remembered: the same
  // header names come back thousands of times in a large configuration.
  std::string_view Named(std::string_view what, const std::string& name) {
    std::string key = std::string(what) + '\n' + name;
    auto found = named_.find(key);
    if (found == named_.end()) found = named_.emplace(key, NamedValue(what, name)).first;
    return found->second;
  }

  Finder(const SyntaxTree& tree, std::vector<Candidate>* out)
      : tree_(tree), text_(tree.text()), out_(out) {}

  void Run() {
    const Tables& tables = GetTables();
    const auto& nodes = tree_.nodes();
    for (const Node& node : nodes) {
      if (node.kind != NodeKind::kDirective) continue;
      auto found = tables.rules.find(Raw(node.first_token));
      if (found == tables.rules.end()) continue;
      std::vector<uint32_t> words;
      for (const Rule& rule : found->second) {
        if (rule.parent != "*" &&
            (node.parent == kNone || Raw(nodes[node.parent].first_token) != rule.parent)) {
          continue;
        }
        if (words.empty()) words = tree_.words(node);
        Apply(node, words, rule);
      }
    }
  }

 private:
  std::string_view Raw(uint32_t token) const { return tree_.text(tree_.tokens()[token]); }

  // The byte range of a word's value in text(): inside its quotes.
  std::pair<size_t, size_t> Content(uint32_t token) const {
    const Token& t = tree_.tokens()[token];
    size_t b = t.offset, e = size_t(t.offset) + t.length;
    if (t.quote != Quote::kNone) {
      ++b;
      if (e > b && text_[e - 1] == (t.quote == Quote::kDouble ? '"' : '\'')) --e;
    }
    return {b, e};
  }

  std::string Value(uint32_t token) const { return tree_.value(tree_.tokens()[token]); }

  void Push(size_t b, size_t e, RedactionKind kind, uint16_t detector) {
    if (b < e && IsSensitive(kind, std::string_view(text_).substr(b, e - b))) {
      out_->push_back({uint32_t(b), uint32_t(e), kind, detector});
    }
  }

  void Apply(const Node& node, const std::vector<uint32_t>& words, const Rule& rule) {
    if (rule.argument == -1) {
      if (node.first_child != kNone && rule.name_argument < int(words.size())) {
        ApplyToEntries(node, Value(words[rule.name_argument]), rule);
      }
      return;
    }
    for (size_t i = 1; i < words.size(); ++i) {
      if (rule.argument != 0 && int(i) != rule.argument) continue;
      auto [b, e] = Content(words[i]);
      std::string name = rule.name_argument > 0 && size_t(rule.name_argument) < words.size()
                             ? Value(words[rule.name_argument]) : std::string();
      switch (rule.value) {
        case Value::kAddress: Address(b, e, rule.detector); break;
        case Value::kHostname: ServerName(b, e, rule.detector); break;
        case Value::kSecret: Secret(b, e, false, rule); break;
        case Value::kSecretAfterScheme: Secret(b, e, true, rule); break;
        case Value::kHeader: Named("header", name, b, e, rule); break;
        case Value::kVariable: Named("variable", name, b, e, rule); break;
        case Value::kHeaderLine: HeaderLine(b, e, rule); break;
        case Value::kMapKeys: break;
      }
    }
  }

  void ApplyToEntries(const Node& block, const std::string& source, const Rule& rule) {
    std::string_view value = Named("map-source", source);
    if (value.empty()) return;
    for (uint32_t child = block.first_child; child != kNone;
         child = tree_.nodes()[child].next_sibling) {
      const Node& entry = tree_.nodes()[child];
      if (entry.kind == NodeKind::kComment) continue;
      std::string key = Value(entry.first_token);
      if (key == "default" || key == "hostnames" || key == "volatile" ||
          key == "include" || (!key.empty() && key[0] == '~')) {
        continue;
      }
      auto [b, e] = Content(entry.first_token);
      ByName(value, b, e, rule);
    }
  }

  void ByName(std::string_view value, size_t b, size_t e, const Rule& rule) {
    if (value == "cookies") Cookies(b, e, true, rule);
    if (value == "set-cookie") Cookies(b, e, false, rule);
    if (value == "secret") Secret(b, e, false, rule);
    if (value == "secret-after-scheme") Secret(b, e, true, rule);
    if (value == "hostname") ServerName(b, e, rule.detector);
    if (value == "address") Address(b, e, rule.detector);
  }

  void Named(std::string_view what, const std::string& name, size_t b, size_t e,
             const Rule& rule) {
    ByName(Named(what, name), b, e, rule);
  }

  // "a=1; b=2": the values, so that the names still say what each is;
  // with `every` false only the first (Set-Cookie's attributes stay).  A
  // value without pairs is a secret as a whole.
  void Cookies(size_t b, size_t e, bool every, const Rule& rule) {
    if (std::string_view(text_).substr(b, e - b).find('=') == std::string_view::npos) {
      Secret(b, e, false, rule);
      return;
    }
    while (b < e) {
      size_t end = std::string_view(text_).substr(0, e).find(';', b);
      if (end == std::string_view::npos) end = e;
      size_t equals = std::string_view(text_).substr(0, end).find('=', b);
      if (equals != std::string_view::npos) Secret(equals + 1, end, false, rule);
      if (!every) return;
      b = end + 1;
    }
  }

  // "Name: value" (more_set_headers).
  void HeaderLine(size_t b, size_t e, const Rule& rule) {
    std::string_view line = std::string_view(text_).substr(b, e - b);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    std::string name(line.substr(0, colon));
    while (!name.empty() && name.back() == ' ') name.pop_back();
    Named("header", name, b + colon + 1, e, rule);
  }

  // [scheme://][user:pass@]host[:port][/...]
  void Address(size_t b, size_t e, uint16_t detector) {
    std::string_view s = std::string_view(text_).substr(0, e);
    size_t scheme = s.substr(b).find("://");
    if (scheme != std::string_view::npos) b += scheme + 3;
    if (s.substr(b, 5) == "unix:" || b >= e || s[b] == '$') return;
    size_t path = s.find('/', b);
    size_t at = s.find('@', b);
    if (at != std::string_view::npos && (path == std::string_view::npos || at < path)) {
      Push(b, at, RedactionKind::kSecret, detector);  // user:pass
      b = at + 1;
    }
    if (b < e && s[b] == '[') {
      size_t close = s.find(']', b);
      if (close != std::string_view::npos) PushAddress(b + 1, close, detector);
      return;
    }
    size_t end = b;
    while (end < e && s[end] != '/' && s[end] != '$' && s[end] != '?') ++end;
    std::string_view host = s.substr(b, end - b);
    if (std::count(host.begin(), host.end(), ':') >= 2 ||
        (end < e && s[end] == '/' && AddressKind(s.substr(b, e - b)))) {
      PushAddress(b, e, detector);  // a bare IPv6 address or a CIDR
      return;
    }
    size_t colon = host.find(':');
    if (colon != std::string_view::npos) end = b + colon;
    PushAddress(b, end, detector);
  }

  void PushAddress(size_t b, size_t e, uint16_t detector) {
    std::string_view host = std::string_view(text_).substr(b, e - b);
    if (auto kind = AddressKind(host)) {
      Push(b, e, *kind, detector);
    } else if (IsHostname(host, 2)) {
      Push(b, e, RedactionKind::kHostname, detector);
    }
  }

  // A server_name: *.acme.com, .acme.com, www.acme.*; not regexes.
  void ServerName(size_t b, size_t e, uint16_t detector) {
    std::string_view name = std::string_view(text_).substr(b, e - b);
    if (name.empty() || name[0] == '~' || name.find('$') != std::string_view::npos) return;
    if (name.substr(0, 2) == "*.") {
      b += 2;
    } else if (name[0] == '.') {
      b += 1;
    }
    if (name.size() > 2 && name.substr(name.size() - 2) == ".*") e -= 2;
    if (b >= e) return;
    PushAddress(b, e, detector);
  }

  // The literal parts of a value: $variables and spaces stay; with
  // `after_scheme`, so does a leading word followed by a space (Basic,
  // Bearer).
  void Secret(size_t b, size_t e, bool after_scheme, const Rule& rule) {
    if (after_scheme) {
      size_t i = b;
      while (i < e && std::isalpha(static_cast<unsigned char>(text_[i]))) ++i;
      if (i > b && i < e && text_[i] == ' ') b = i;
    }
    size_t piece = b;
    auto flush = [&](size_t end) {
      if (end > piece && end - piece >= rule.min_length) {
        Push(piece, end, RedactionKind::kSecret, rule.detector);
      }
    };
    for (size_t i = b; i < e;) {
      char c = text_[i];
      if (c == '$') {  // $name or ${name}
        flush(i);
        ++i;
        if (i < e && text_[i] == '{') {
          while (i < e && text_[i] != '}') ++i;
          ++i;
        } else {
          while (i < e && (std::isalnum(static_cast<unsigned char>(text_[i])) ||
                           text_[i] == '_')) {
            ++i;
          }
        }
        piece = i;
      } else if (c == ' ' || c == '\t') {
        flush(i);
        piece = ++i;
      } else {
        ++i;
      }
    }
    flush(e);
  }

  const SyntaxTree& tree_;
  const std::string& text_;
  std::vector<Candidate>* out_;
  std::unordered_map<std::string, std::string_view> named_;
};

}  // namespace

void FindDirectiveValues(const SyntaxTree& tree, std::vector<Candidate>* out) {
  Finder(tree, out).Run();
}

}  // namespace ngxfix::redact
