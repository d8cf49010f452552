// Line diffs of a configuration before and after its fixes, as unified
// diffs that `patch` and `git apply` accept, and as structured hunks for the
// web page.
//
// Lines keep their own line endings (LF or CRLF), so a diff of a CRLF file
// applies to that file.  A last line without a line ending is marked the way
// diff(1) marks it ("\ No newline at end of file").

#ifndef NGXFIX_CORE_DIFF_H_
#define NGXFIX_CORE_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/output.h"

namespace ngxfix {

struct DiffLine {
  char kind;               // ' ' context, '-' removed, '+' added
  std::string_view text;   // the line with its line ending, if it has one
};

struct Hunk {
  int old_start;  // 1-based; for an empty range, the line before it
  int old_count;
  int new_start;
  int new_count;
  std::vector<DiffLine> lines;
};

// The hunks that turn `before` into `after`, with `context` lines around
// each change; hunks whose context would touch are merged.  The views in
// the result point into `before` and `after`.
std::vector<Hunk> DiffLines(std::string_view before, std::string_view after,
                            int context = 3);

// One file's unified diff: "--- a/PATH", "+++ b/PATH", then the hunks.
// Nothing when there are no hunks.
void WriteUnifiedDiff(Output& out, std::string_view path,
                      const std::vector<Hunk>& hunks);
std::string FormatUnifiedDiff(std::string_view path,
                              const std::vector<Hunk>& hunks);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_DIFF_H_
