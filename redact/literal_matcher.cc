// One-pass search for many literals (see literal_matcher.h).

#include "redact/literal_matcher.h"

#include <algorithm>

#include <re2/re2.h>


namespace ngxfix::redact {

LiteralMatcher::LiteralMatcher(std::vector<Literal> literals, Edges edges)
    : literals_(std::move(literals)), edges_(edges) {
  if (literals_.empty()) return;
  std::vector<size_t> order(literals_.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    index_.emplace(literals_[i].text, i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return literals_[a].text.size() > literals_[b].text.size();
  });
  std::string pattern;
  for (size_t i : order) {
    if (!pattern.empty()) pattern += '|';
    pattern += RE2::QuoteMeta(literals_[i].text);
  }
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(int64_t{1} << 30);
  re_ = std::make_unique<RE2>(pattern, options);
}

LiteralMatcher::~LiteralMatcher() = default;

void LiteralMatcher::ForEach(
    std::string_view text,
    const std::function<void(size_t, size_t, size_t)>& visit) const {
  if (!re_ || !re_->ok()) return;
  re2::StringPiece match;
  size_t pos = 0;
  while (pos < text.size() &&
         re_->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t b = match.data() - text.data();
    size_t e = b + match.size();
    auto found = index_.find(std::string_view(match.data(), match.size()));
    if (found != index_.end() &&
        Bounded(text, b, e, literals_[found->second].kind, edges_)) {
      visit(b, e, found->second);
      pos = e;
    } else {
      pos = b + 1;  // a shorter literal may start here or later
    }
  }
}

}  // namespace ngxfix::redact
