// Edits: how fixes change the user's text.
//
// A fix never rewrites the tree; it describes byte-range replacements on the
// text the tree was parsed from (like clang's FixItHints).  ApplyEdits()
// applies a set of them at once, so that everything outside the edited
// ranges, comments and odd spacing included, stays exactly as it was.

#ifndef NGXFIX_CORE_EDIT_H_
#define NGXFIX_CORE_EDIT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ngxfix {

struct Edit {
  uint32_t begin;  // byte range of the text to replace; begin == end inserts
  uint32_t end;
  std::string replacement;

  bool operator==(const Edit&) const = default;
};

// Applies edits to text.  Identical edits count once; insertions at the same
// offset keep their order; an edit that overlaps an earlier one (in the order
// given) is dropped and reported through `dropped` when not null.
std::string ApplyEdits(std::string_view text, std::vector<Edit> edits,
                       std::vector<Edit>* dropped = nullptr);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_EDIT_H_
