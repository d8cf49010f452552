#include "core/edit.h"

#include <algorithm>

namespace ngxfix {

std::string ApplyEdits(std::string_view text, std::vector<Edit> edits,
                       std::vector<Edit>* dropped) {
  // Keep the first of identical edits, then the first of overlapping ones.
  std::vector<Edit> kept;
  for (Edit& edit : edits) {
    if (std::find(kept.begin(), kept.end(), edit) != kept.end()) continue;
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Edit& k) {
      // Two insertions at one offset do not overlap; a replacement overlaps
      // anything that starts or ends strictly inside it.
      return edit.begin < k.end && k.begin < edit.end;
    });
    if (overlaps) {
      if (dropped != nullptr) dropped->push_back(std::move(edit));
      continue;
    }
    kept.push_back(std::move(edit));
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
