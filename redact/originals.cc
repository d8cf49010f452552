// The ways to read a sensitive value (see originals.h).

#include "redact/originals.h"


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
  Expand(std::string(found), kind, tag, 0);
}

// The search is closed: what it adds for a value it finds again (a form,
// a part, a parent) adds nothing new, so the last gate, built from the
// map's entries, searches for no more than redaction did.
void OriginalForms::Expand(std::string value, RedactionKind kind, uint32_t tag, int depth) {
  if (depth > 4 || !expanded_.insert(value).second) return;
  std::vector<std::string> plain = PlainValues(value);
  if (plain.size() > 1) {
    // A writing of other values (10\.0\.0\.7, p%40ss): they come first, so
    // that their forms claim it with the right form; a secret is searched
    // for as it stands too.
    for (size_t i = 1; i < plain.size(); ++i) Expand(std::move(plain[i]), kind, tag, depth + 1);
    if (IsSecretLike(kind)) AddOne(std::move(value), kind, Form::kPlain, tag);
    return;
  }
  AddOne(value, kind, Form::kPlain, tag);
  std::array<std::string, 4> written = OtherForms(value);
  for (size_t i = 0; i < written.size(); ++i) {
    AddOne(std::move(written[i]), kind, kOtherForms[i], tag);
  }
  std::vector<std::string> more;
  if (kind == RedactionKind::kSecret) more = SecretParts(value);
  if (kind == RedactionKind::kHostname) more = ParentNames(value);
  for (std::string& other : more) Expand(std::move(other), kind, tag, depth + 1);
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
