// Hostname facts and placeholders (see hostname.h).

#include "redact/hostname.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_set>
#include <vector>

#include <re2/re2.h>

#include "core/tsv.h"
#include "redact/siphash.h"

namespace ngxfix {
extern const std::string_view kHostnamesTsv;
}

namespace ngxfix::redact {
namespace {

struct HostnameFacts {
  std::unordered_set<std::string> kept, suffixes, labels, extensions;
  std::vector<std::unique_ptr<RE2>> label_patterns;
  size_t longest_suffix_labels = 0;
};

const HostnameFacts& Facts() {
  static const HostnameFacts facts = [] {
    HostnameFacts f;
    for (const TsvRow& row : ReadTsv(kHostnamesTsv)) {
      std::string name(row.at(0));
      std::string_view treatment = row.at(1);
      if (treatment == "keep") {
        f.kept.insert(name);
      } else if (treatment == "suffix") {
        f.longest_suffix_labels = std::max<size_t>(
            f.longest_suffix_labels, 1 + std::count(name.begin(), name.end(), '.'));
        f.suffixes.insert(name);
      } else if (treatment == "label") {
        f.labels.insert(name);
      } else if (treatment == "label-pattern") {
        f.label_patterns.push_back(std::make_unique<RE2>(name));
      } else if (treatment == "extension") {
        f.extensions.insert(name);
      }
    }
    return f;
  }();
  return facts;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

// The labels of a name, split at `separator`; a final empty label stands
// for a trailing dot.
std::vector<std::string_view> Labels(std::string_view name,
                                     std::string_view separator) {
  std::vector<std::string_view> labels;
  while (true) {
    size_t at = name.find(separator);
    labels.push_back(name.substr(0, at));
    if (at == std::string_view::npos) break;
    name.remove_prefix(at + separator.size());
  }
  return labels;
}

std::string_view Separator(std::string_view name) {
  return name.find("\\.") != std::string_view::npos ? "\\." : ".";
}

// The names under which `name` lies, itself first: a.b.c, b.c, c.
template <typename Visit>
void ForEachParent(const std::vector<std::string_view>& labels, Visit visit) {
  size_t end = labels.size();
  if (end > 0 && labels.back().empty()) --end;  // trailing dot
  std::string parent;
  for (size_t i = end; i-- > 0;) {
    parent = parent.empty() ? Lower(labels[i]) : Lower(labels[i]) + "." + parent;
    if (!visit(parent, end - i)) return;
  }
}

// How many labels the longest "suffix" that `labels` end in has; 0 for none.
size_t KnownSuffixLabels(const std::vector<std::string_view>& labels) {
  const HostnameFacts& f = Facts();
  size_t known = 0;
  ForEachParent(labels, [&](const std::string& parent, size_t count) {
    if (f.suffixes.count(parent)) known = count;
    return count < f.longest_suffix_labels;
  });
  return known;
}

bool IsKeptLabel(const std::string& lower) {
  const HostnameFacts& f = Facts();
  if (f.labels.count(lower)) return true;
  for (const auto& pattern : f.label_patterns) {
    if (RE2::FullMatch(lower, *pattern)) return true;
  }
  return false;
}

// "10-244-1-10" or "ip-10-244-1-10": the address and the text before it.
std::optional<std::pair<std::string_view, IpAddress>> DashedAddress(
    std::string_view label) {
  std::string_view prefix;
  if (label.substr(0, 3) == "ip-") {
    prefix = label.substr(0, 3);
    label.remove_prefix(3);
  }
  std::string dotted(label);
  std::replace(dotted.begin(), dotted.end(), '-', '.');
  auto address = ParseIpv4(dotted);
  if (!address) return std::nullopt;
  return std::make_pair(prefix, *address);
}

std::string RandomLabel(std::string_view label, const RedactionKey& key,
                        int attempt) {
  static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyz";
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  size_t length = std::clamp<size_t>(label.size(), 3, 63);
  std::string message = "label:" + std::to_string(attempt) + ":" + std::string(label);
  std::string out;
  uint64_t bits = 0;
  int left = 0;
  for (size_t i = 0; i < length; ++i) {
    if (left < 6) {
      message += '+';
      bits = SipHash24(key, message);
      left = 64;
    }
    out += i == 0 ? kLetters[bits % 26] : kChars[bits % 36];
    bits /= 36;
    left -= 6;
  }
  return out;
}

}  // namespace

bool IsKeptHostname(std::string_view name) {
  const HostnameFacts& f = Facts();
  bool kept = false;
  ForEachParent(Labels(name, Separator(name)), [&](const std::string& parent, size_t) {
    kept = f.kept.count(parent) > 0;
    return !kept;
  });
  return kept;
}

bool IsHostname(std::string_view name, int min_labels) {
  auto labels = Labels(name, Separator(name));
  if (labels.size() > 1 && labels.back().empty()) labels.pop_back();
  if (int(labels.size()) < min_labels || name.size() > 253) return false;
  for (std::string_view label : labels) {
    if (label.empty() || label.size() > 63 || label.front() == '-' ||
        label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
        return false;
      }
    }
  }
  return true;
}

std::string SuffixAlternation() {
  std::vector<std::string> suffixes(Facts().suffixes.begin(), Facts().suffixes.end());
  std::sort(suffixes.begin(), suffixes.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out;
  for (const std::string& suffix : suffixes) {
    if (!out.empty()) out += '|';
    for (char c : suffix) {
      if (c == '.') {
        out += "(?:\\.|\\\\\\.)";
      } else if (c == '-') {
        out += "\\-";
      } else {
        out += c;
      }
    }
  }
  return out;
}

bool HasKnownSuffix(std::string_view name) {
  return KnownSuffixLabels(Labels(name, Separator(name))) > 0;
}

std::vector<std::string> ParentNames(std::string_view name) {
  std::string_view separator = Separator(name);
  std::vector<std::string_view> labels = Labels(name, separator);
  size_t named = labels.size() - (labels.back().empty() ? 1 : 0);
  size_t shortest = std::max<size_t>(KnownSuffixLabels(labels) + 1, 2);
  std::vector<std::string> out;
  for (size_t first = 1; first < named && named - first >= shortest; ++first) {
    if (IsKeptLabel(Lower(labels[first]))) continue;
    std::string parent(labels[first]);
    for (size_t i = first + 1; i < named; ++i) {
      parent += separator;
      parent += labels[i];
    }
    out.push_back(std::move(parent));
  }
  return out;
}

bool IsFileExtension(std::string_view word) {
  return Facts().extensions.count(std::string(word)) > 0;
}

std::string HostnamePlaceholder(std::string_view name, const RedactionKey& key,
                                AddressMapper& addresses, int attempt) {
  std::string_view separator = Separator(name);
  std::vector<std::string_view> labels = Labels(name, separator);
  size_t kept_suffix_labels = KnownSuffixLabels(labels);
  size_t named = labels.size() - (labels.back().empty() ? 1 : 0);
  std::string out;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += separator;
    std::string_view label = labels[i];
    if (i >= named - kept_suffix_labels || label.empty() || IsKeptLabel(Lower(label))) {
      out += label;
    } else if (auto dashed = DashedAddress(label)) {
      std::string mapped = FormatIpv4(addresses.Map(dashed->second));
      std::replace(mapped.begin(), mapped.end(), '.', '-');
      out += std::string(dashed->first) + mapped;
    } else {
      out += RandomLabel(label, key, attempt);
    }
  }
  return out;
}

}  // namespace ngxfix::redact
