// The ways to read a sensitive value (see originals.h).

#include "redact/originals.h"

#include <algorithm>

#include "redact/hostname.h"
#include "redact/literal_matcher.h"
#include "redact/secret_parts.h"

namespace ngxfix::redact {
namespace {

bool IsSecretLike(RedactionKind kind) {
  return kind == RedactionKind::kSecret || kind == RedactionKind::kWord;
}

}  // namespace

void OriginalForms::AddOne(std::string value, RedactionKind kind, Form form, uint32_t tag) {
  if (IsSecretLike(kind) && value.size() < kMinSearchedLength) return;
  if (value.empty() || !seen_.insert(value).second) return;
  literals_.push_back(std::move(value));
  searched_.push_back({kind, form, tag});
}

void OriginalForms::Add(std::string_view found, RedactionKind kind, uint32_t tag) {
  // The decodings first, so that a found value which is one of their
  // forms (10\.0\.0\.7) is searched for as that form, not as a plain value.
  std::vector<std::string> plain = PlainValues(found);
  std::reverse(plain.begin(), plain.end());
  for (size_t i = 0, n = plain.size(); i < n; ++i) {
    if (kind == RedactionKind::kSecret) {
      for (std::string& part : SecretParts(plain[i])) plain.push_back(std::move(part));
    } else if (kind == RedactionKind::kHostname) {
      for (std::string& parent : ParentNames(plain[i])) plain.push_back(std::move(parent));
    }
  }
  for (const std::string& value : plain) {
    AddOne(value, kind, Form::kPlain, tag);
    std::array<std::string, 4> written = OtherForms(value);
    for (size_t i = 0; i < written.size(); ++i) {
      AddOne(std::move(written[i]), kind, kOtherForms[i], tag);
    }
  }
}

void OriginalForms::ForEach(
    std::string_view text,
    const std::function<void(size_t, size_t, const Searched&)>& visit) const {
  if (literals_.empty()) return;
  std::vector<LiteralMatcher::Literal> literals;
  literals.reserve(literals_.size());
  for (size_t i = 0; i < literals_.size(); ++i) literals.push_back({literals_[i], searched_[i].kind});
  LiteralMatcher(std::move(literals), Edges::kOriginal)
      .ForEach(text, [&](size_t b, size_t e, size_t i) { visit(b, e, searched_[i]); });
}

}  // namespace ngxfix::redact
