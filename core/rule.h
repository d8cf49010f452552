// Rules: one file each under core/rules/, registered in one table
// (rules/registry.cc), documented in docs/rules/<id>.md, with fixtures in
// tests/rules/<id>/.
//
// A rule is a function that looks at the Analysis and reports findings
// through its RuleContext, each with the edits that fix it.  Rules never
// change the tree; the fixer applies their edits and checks again.

#ifndef NGXFIX_CORE_RULE_H_
#define NGXFIX_CORE_RULE_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/finding.h"
#include "core/fix_builder.h"

namespace ngxfix {

struct RuleInfo {
  std::string_view id;
  FindingSeverity severity;
  std::string_view summary;  // one line, for listings
  std::string_view versions;  // the nginx versions it concerns, as the
                              // header of its documentation says
  bool hardening = false;    // its fix applies only with --hardening
};

class RuleContext {
 public:
  RuleContext(const Analysis& analysis, const RuleInfo& info,
              bool applies_fixes, std::vector<Finding>* findings)
      : analysis_(analysis),
        info_(info),
        applies_fixes_(applies_fixes),
        findings_(findings) {}

  const Analysis& analysis() const { return analysis_; }
  const SyntaxTree& tree() const { return analysis_.tree(); }
  const NginxVersion& version() const { return analysis_.version(); }

  // Builds edits in the style of the file that holds `node`.
  FixBuilder Builder(uint32_t node) const {
    return FixBuilder(tree(), analysis_.Style(tree().nodes()[node].file));
  }

  // Whether `fix` applies this rule's edits with these options: not for
  // info rules, nor for hardening rules without --hardening.  A rule may
  // skip building edits that would not be applied.
  bool applies_fixes() const { return applies_fixes_; }

  // Reports a finding at a node.  `edits` is the fix, possibly empty; it is
  // kept only when applies_fixes(), so that a finding has edits exactly
  // when `fix` makes them.
  void Report(uint32_t node, std::string message, std::string explanation,
              std::vector<Edit> edits = {}, Assumption assumption = {});
  // Reports, at info and without a fix, a finding that rests on what
  // ngxfix cannot see (a backend, an include, the level above a snippet):
  // `assumption` says what was assumed.
  void ReportInfo(uint32_t node, std::string message, std::string explanation,
                  Assumption assumption);

 private:
  const Analysis& analysis_;
  const RuleInfo& info_;
  const bool applies_fixes_;
  std::vector<Finding>* findings_;
};

using RuleCheck = void (*)(RuleContext& context);

struct Rule {
  RuleInfo info;
  RuleCheck check;
};

// Every rule, in the order their fixes take precedence when two fixes touch
// the same text.
std::span<const Rule> AllRules();

// The rule with this id, or nullptr.
const RuleInfo* FindRule(std::string_view id);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_RULE_H_
