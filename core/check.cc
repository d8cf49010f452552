#include "core/check.h"

#include <algorithm>
#include <map>

#include "core/rule.h"

namespace ngxfix {
namespace {

// Fixing runs the rules again on the fixed text, since one fix can make
// another finding appear or go away; a few rounds reach the fixed point.
constexpr int kMaxFixRounds = 8;

// The edits one round of fixing applies.  Two edits touch when their
// ranges meet, ends included: two insertions at one offset would otherwise
// interleave text written without each other.  So the taken edits are
// disjoint, identical ones aside (two findings may share an edit), and
// sorted by where they begin they are sorted by where they end too.
class TakenEdits {
 public:
  // Takes all of a finding's edits, or none when one touches a taken edit.
  void TakeUnlessTouching(const std::vector<Edit>& edits) {
    for (const Edit& mine : edits) {
      if (TouchesTaken(mine)) return;
    }
    for (const Edit& mine : edits) {
      by_range_.emplace(std::pair(mine.begin, mine.end), order_.size());
      order_.push_back(mine);
    }
  }
  bool empty() const { return order_.empty(); }
  // In the order they were taken, which ApplyEdits() keeps for insertions
  // at one offset.
  std::vector<Edit> Release() { return std::move(order_); }

 private:
  bool TouchesTaken(const Edit& mine) const {
    // Only the last distinct edit that begins at or before mine ends can
    // reach it.
    for (auto it = by_range_.upper_bound(std::pair(mine.end, UINT32_MAX));
         it != by_range_.begin();) {
      const Edit& taken = order_[(--it)->second];
      if (taken == mine) continue;
      return taken.end >= mine.begin;
    }
    return false;
  }

  std::vector<Edit> order_;
  // (begin, end) -> index in order_.  A finding's own edits may touch each
  // other (a replacement and an insertion where it ends): ordered by end
  // too, they keep the order by end.
  std::multimap<std::pair<uint32_t, uint32_t>, size_t> by_range_;
};

bool AppliesFixes(const RuleInfo& rule, const CheckOptions& options) {
  if (rule.hardening) return options.hardening;
  return rule.severity != FindingSeverity::kInfo;
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
                         Assumption assumption) {
  const SyntaxTree& tree = analysis_.tree();
  const Node& n = tree.nodes()[node];
  uint32_t offset = tree.begin_offset(n);
  Position position = tree.position(offset);
  if (!applies_fixes_) edits.clear();
  findings_->push_back(Finding{std::string(info_.id), info_.severity, n.file,
                               offset, position.line, position.column,
                               std::move(message), std::move(explanation),
                               std::move(assumption), std::move(edits)});
}

void RuleContext::ReportInfo(uint32_t node, std::string message,
                             std::string explanation, Assumption assumption) {
  Report(node, std::move(message), std::move(explanation), {},
         std::move(assumption));
  findings_->back().severity = FindingSeverity::kInfo;
}

CheckResult Check(const SyntaxTree& tree, const CheckOptions& options) {
  CheckResult result;
  result.syntax = tree.diagnostics();
  Analysis analysis(tree, options.analysis);
  result.nginx_version = analysis.version();
  result.version_assumption = analysis.version_assumption();
  for (const Rule& rule : AllRules()) {
    RuleContext context(analysis, rule.info, AppliesFixes(rule.info, options),
                        &result.findings);
    rule.check(context);
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return a.offset < b.offset;
                   });
  return result;
}

FixResult Fix(std::string text, const ParseOptions& parse_options,
              const CheckOptions& options) {
  FixResult result;
  result.input = Parse(std::move(text), parse_options);
  const SyntaxTree& original = result.input;
  CheckResult checked = Check(original, options);
  result.nginx_version = checked.nginx_version;
  result.version_assumption = std::move(checked.version_assumption);
  result.findings = std::move(checked.findings);

  SyntaxTree fixed;  // the parse of the text fixed so far, once it differs
  std::string_view current = original.text();
  const std::vector<Finding>* findings = &result.findings;
  for (int round = 0; round < kMaxFixRounds; ++round) {
    // Rules come in precedence order; a fix that touches text another fix
    // of this round changes waits for the next round, when its rule looks
    // at the changed text again.
    TakenEdits taken;
    for (const Rule& rule : AllRules()) {
      for (const Finding& f : *findings) {
        if (f.rule == rule.info.id && !f.edits.empty()) {
          taken.TakeUnlessTouching(f.edits);
        }
      }
    }
    if (taken.empty()) break;
    std::string next = ApplyEdits(current, taken.Release());
    if (next == current) break;
    // The previous round's tree goes before the next one is built.
    result.remaining.clear();
    fixed = SyntaxTree();
    fixed = Parse(std::move(next), parse_options);
    current = fixed.text();
    result.remaining = Check(fixed, options).findings;
    findings = &result.remaining;
  }
  if (findings == &result.findings) {  // nothing changed
    result.remaining = result.findings;
    result.fixed = original.text();
    return result;
  }

  for (size_t f = 0; f < original.files().size() && f < fixed.files().size();
       ++f) {
    const File& before = original.files()[f];
    const File& after = fixed.files()[f];
    FileChange change{DiffPath(before), before.begin, before.end, after.begin,
                      after.end};
    if (result.Before(change) != std::string_view(fixed.text()).substr(
                                     after.begin, after.end - after.begin)) {
      result.changes.push_back(std::move(change));
    }
  }
  result.fixed = std::move(fixed).TakeText();
  return result;
}

std::string_view FixResult::Before(const FileChange& change) const {
  return std::string_view(input.text())
      .substr(change.before_begin, change.before_end - change.before_begin);
}

std::string_view FixResult::After(const FileChange& change) const {
  return std::string_view(fixed).substr(change.after_begin,
                                        change.after_end - change.after_begin);
}

std::vector<Hunk> FixResult::Hunks(const FileChange& change) const {
  return DiffLines(Before(change), After(change));
}

void FixResult::WriteUnifiedDiff(Output& out) const {
  for (const FileChange& change : changes) {
    ngxfix::WriteUnifiedDiff(out, change.path, Hunks(change));
  }
}

std::string FixResult::UnifiedDiff() const {
  std::string diff;
  {
    Output out(&diff);
    WriteUnifiedDiff(out);
  }
  return diff;
}

}  // namespace ngxfix
