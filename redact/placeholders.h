// Placeholders: one per distinct original value of a document, of the same
// shape (see redact.h), unique, and different from every original and from
// anything already in the text, so that rehydration is unambiguous.
//
// Addresses go through the prefix-preserving AddressMapper; when two
// spellings of one address ("10.0.0.1", "010.0.0.1") would share a
// placeholder, the later one's host bits are drawn again.  Hostnames are
// drawn label by label (hostname.h) and drawn again on a collision.  An
// address or a hostname written in another form (forms.h: 10\.0\.0\.7)
// gets its plain value's placeholder written in that form.  Secrets and
// words are numbered: REDACTED_<DETECTOR>_<N>, redacted-word-<N>.

#ifndef NGXFIX_REDACT_PLACEHOLDERS_H_
#define NGXFIX_REDACT_PLACEHOLDERS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "redact/address.h"
#include "redact/forms.h"
#include "redact/redact.h"

namespace ngxfix::redact {

class Placeholders {
 public:
  // `text` is the document (placeholders never occur in it); `originals`
  // the values being redacted.  `attempt` > 0 derives a different key,
  // for when the first drew a placeholder equal to another original.
  Placeholders(const RedactionKey& key, int attempt, std::string_view text,
               const std::unordered_set<std::string_view>& originals);

  // The index in map() of the entry for `original` (written in `form`),
  // creating it; -1 when the value stays as it is (its placeholder would be
  // itself: 10.0.0.0/8 maps onto itself).
  int For(RedactionKind kind, std::string_view original, std::string_view detector,
          Form form = Form::kPlain);

  const RedactionMap& map() const { return map_; }
  RedactionMap TakeMap() { return std::move(map_); }
  // Whether an address placeholder equals another original (allowed, as
  // originals never stay in the text, but avoided when another key can),
  // or its own original although the mapping could have changed it.
  bool address_met_original() const { return address_met_original_; }

 private:
  // The placeholder of a plain address or hostname, drawn once.
  const std::string& Shaped(RedactionKind kind, const std::string& plain);
  std::string AddressPlaceholder(RedactionKind kind, std::string_view original);
  std::string Numbered(std::string prefix);
  bool Taken(const std::string& placeholder) const;

  RedactionKey key_;
  AddressMapper addresses_;
  std::string_view text_;
  const std::unordered_set<std::string_view>& originals_;
  bool text_has_numbered_;  // whether text holds something like ours
  RedactionMap map_;
  std::unordered_map<std::string, int> by_original_;
  std::unordered_map<std::string, int> shaped_;  // plain -> index in drawn_order_
  std::vector<std::string> drawn_order_;
  std::unordered_set<std::string> used_;   // placeholders of the entries
  std::unordered_set<std::string> drawn_;  // of plain addresses and hostnames
  int counter_ = 0;
  bool address_met_original_ = false;
};

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_PLACEHOLDERS_H_
