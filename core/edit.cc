#include "core/edit.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ngxfix {

namespace {

// The edits kept so far, which never overlap: replacements by range and
// insertions by offset, so that each new edit is checked in O(log n).
class KeptEdits {
 public:
  bool Overlaps(const Edit& edit) const {
    // The last replacement that begins before the edit ends: kept
    // replacements are disjoint, so no earlier one reaches further.
    auto r = replacements_.lower_bound(edit.end);
    if (r != replacements_.begin() && std::prev(r)->second > edit.begin) {
      return true;
    }
    // An insertion strictly inside this replacement.
    if (edit.begin == edit.end) return false;
    auto i = insertions_.upper_bound(edit.begin);
    return i != insertions_.end() && *i < edit.end;
  }
  bool Identical(const Edit& edit) const {
    return identical_.contains({edit.begin, edit.end, edit.replacement});
  }
  // `edit` must outlive this index (its replacement is not copied).
  void Keep(const Edit& edit) {
    identical_.emplace(edit.begin, edit.end, edit.replacement);
    if (edit.begin == edit.end) {
      insertions_.insert(edit.begin);
    } else {
      replacements_.emplace(edit.begin, edit.end);
    }
  }

 private:
  std::map<uint32_t, uint32_t> replacements_;  // begin -> end
  std::multiset<uint32_t> insertions_;
  std::set<std::tuple<uint32_t, uint32_t, std::string_view>> identical_;
};

}  // namespace

std::string ApplyEdits(std::string_view text, std::vector<Edit> edits,
                       std::vector<Edit>* dropped) {
  // Keep the first of identical edits, then the first of overlapping ones:
  // two insertions at one offset do not overlap; a replacement overlaps
  // anything that starts or ends strictly inside it.
  std::vector<Edit> kept;
  kept.reserve(edits.size());  // never moves: `index` points into it
  KeptEdits index;
  for (Edit& edit : edits) {
    if (index.Identical(edit)) continue;
    if (index.Overlaps(edit)) {
      if (dropped != nullptr) dropped->push_back(std::move(edit));
      continue;
    }
    kept.push_back(std::move(edit));
    index.Keep(kept.back());
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Edit& a, const Edit& b) {
    // Insertions at an offset come before a replacement that starts there.
    if (a.begin != b.begin) return a.begin < b.begin;
    return (a.begin == a.end) && (b.begin != b.end);
  });
  std::string out;
  out.reserve(text.size());
  size_t cursor = 0;
  for (const Edit& edit : kept) {
    out.append(text.substr(cursor, edit.begin - cursor));
    out.append(edit.replacement);
    cursor = edit.end;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace ngxfix
