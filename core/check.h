// The analyzer and the fixer: what `ngxfix check` and `ngxfix fix` do, and
// what the WebAssembly module calls with the same inputs.
//
//   Check(): parse, analyze, run every rule; findings sorted by position.
//   Fix():   apply the fixes of findings at warning or above (and of
//            hardening rules with options.hardening), parse the result and
//            check again until nothing fixable is left; then diff.

#ifndef NGXFIX_CORE_CHECK_H_
#define NGXFIX_CORE_CHECK_H_

#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/diff.h"
#include "core/finding.h"
#include "core/parser.h"

namespace ngxfix {

struct CheckOptions {
  AnalysisOptions analysis;
  bool hardening = false;
};

struct CheckResult {
  NginxVersion nginx_version;      // the version judged (Analysis::version())
  std::string version_assumption;  // why, when none was given
  std::vector<Finding> findings;
  std::vector<Diagnostic> syntax;  // the parser's diagnostics
};

CheckResult Check(const SyntaxTree& tree, const CheckOptions& options);

// A file the fixes changed: its text before and after, as byte ranges of
// FixResult::input.text() and FixResult::fixed.
struct FileChange {
  std::string path;  // the file's name, as the diff headers show it
  uint32_t before_begin, before_end;
  uint32_t after_begin, after_end;
};

struct FixResult {
  SyntaxTree input;                 // the parse of the input
  std::string fixed;                // the whole fixed input
  NginxVersion nginx_version;       // as CheckResult's
  std::string version_assumption;
  std::vector<Finding> findings;    // of the input, before fixing
  std::vector<Finding> remaining;   // of the fixed text
  std::vector<FileChange> changes;  // per file, only files that changed

  std::string_view Before(const FileChange& change) const;
  std::string_view After(const FileChange& change) const;
  // Hunks with views into input.text() and fixed.
  std::vector<Hunk> Hunks(const FileChange& change) const;
  // A unified diff of every changed file, for `patch -p1` and `git apply`.
  void WriteUnifiedDiff(Output& out) const;
  std::string UnifiedDiff() const;
};

FixResult Fix(std::string text, const ParseOptions& parse_options,
              const CheckOptions& options);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_CHECK_H_
