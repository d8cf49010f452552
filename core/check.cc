#include "core/check.h"

#include <algorithm>

#include "core/rule.h"

namespace ngxfix {
namespace {

// Fixing runs the rules again on the fixed text, since one fix can make
// another finding appear or go away; a few rounds reach the fixed point.
constexpr int kMaxFixRounds = 8;

// Two edits touch when their ranges meet, ends included: two insertions at
// one offset would otherwise interleave text written without each other.
bool Touches(const Edit& a, const Edit& b) {
  return a != b && a.begin <= b.end && b.begin <= a.end;
}

bool Fixable(const Finding& finding, const CheckOptions& options) {
  if (finding.edits.empty()) return false;
  for (const Rule& rule : AllRules()) {
    if (rule.info.id == finding.rule && rule.info.hardening) {
      return options.hardening;
    }
  }
  return finding.severity != FindingSeverity::kInfo;
}

// The path shown in diff headers: relative, so that `patch -p1` and
// `git apply` work from the configuration's root.
std::string DiffPath(const File& file) {
  std::string_view name = file.name;
  if (name == "-" || name == "<stdin>" || name.empty()) return "nginx.conf";
  while (!name.empty() && name[0] == '/') name.remove_prefix(1);
  return std::string(name);
}

}  // namespace

std::string_view SeverityName(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::kError: return "error";
    case FindingSeverity::kWarning: return "warning";
    case FindingSeverity::kInfo: return "info";
  }
  return "";
}

void RuleContext::Report(uint32_t node, std::string message,
                         std::string explanation, std::vector<Edit> edits,
                         std::string assumption) {
  const SyntaxTree& tree = analysis_.tree();
  const Node& n = tree.nodes()[node];
  uint32_t offset = tree.begin_offset(n);
  Position position = tree.position(offset);
  findings_->push_back(Finding{std::string(info_.id), info_.severity, n.file,
                               offset, position.line, position.column,
                               std::move(message), std::move(explanation),
                               std::move(assumption), std::move(edits)});
}

CheckResult Check(const SyntaxTree& tree, const CheckOptions& options) {
  CheckResult result;
  result.syntax = tree.diagnostics();
  Analysis analysis(tree, options.analysis);
  for (const Rule& rule : AllRules()) {
    RuleContext context(analysis, rule.info, &result.findings);
    rule.check(context);
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return a.offset < b.offset;
                   });
  return result;
}

FixResult Fix(const std::string& text, const ParseOptions& parse_options,
              const CheckOptions& options) {
  FixResult result;
  SyntaxTree original = Parse(text, parse_options);
  CheckResult checked = Check(original, options);
  result.findings = checked.findings;

  std::string current = text;
  for (int round = 0; round < kMaxFixRounds; ++round) {
    // Rules come in precedence order; a fix that touches text another fix
    // of this round changes waits for the next round, when its rule looks
    // at the changed text again.
    std::vector<Edit> edits;
    for (const Rule& rule : AllRules()) {
      for (const Finding& f : checked.findings) {
        if (f.rule != rule.info.id || !Fixable(f, options)) continue;
        bool deferred = std::any_of(
            f.edits.begin(), f.edits.end(), [&](const Edit& mine) {
              return std::any_of(edits.begin(), edits.end(),
                                 [&](const Edit& taken) {
                                   return Touches(mine, taken);
                                 });
            });
        if (!deferred) edits.insert(edits.end(), f.edits.begin(), f.edits.end());
      }
    }
    if (edits.empty()) break;
    std::string next = ApplyEdits(current, std::move(edits));
    if (next == current) break;
    current = std::move(next);
    checked = Check(Parse(current, parse_options), options);
  }
  result.remaining = checked.findings;

  SyntaxTree fixed = Parse(current, parse_options);
  for (size_t f = 0; f < original.files().size() && f < fixed.files().size();
       ++f) {
    const File& before = original.files()[f];
    const File& after = fixed.files()[f];
    std::string before_text = text.substr(before.begin, before.end - before.begin);
    std::string after_text = current.substr(after.begin, after.end - after.begin);
    if (before_text != after_text) {
      result.changes.push_back(FileChange{DiffPath(before), std::move(before_text),
                                          std::move(after_text)});
    }
  }
  result.fixed = std::move(current);
  return result;
}

std::string FixResult::UnifiedDiff() const {
  std::string diff;
  for (const FileChange& change : changes) {
    diff += FormatUnifiedDiff(change.path, change.Hunks());
  }
  return diff;
}

}  // namespace ngxfix
