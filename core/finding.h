// Findings: what a rule reports about a configuration, and the fix for it.

#ifndef NGXFIX_CORE_FINDING_H_
#define NGXFIX_CORE_FINDING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit.h"

namespace ngxfix {

enum class FindingSeverity { kError, kWarning, kInfo };

std::string_view SeverityName(FindingSeverity severity);

// What ngxfix assumed of a backend to decide a finding.  How the user says
// otherwise belongs to the front end (--backend on the command line, the
// backend's setting on the page), so it is not part of the text.
struct Assumption {
  std::string backend;  // the backend, as --backend names it; "" when the
                        // assumption is not about what a backend speaks
  std::string text;     // "assumed app speaks http1 because the URL says http://"
};

struct Finding {
  std::string rule;          // the rule's id, e.g. "grpc-to-http1-backend"
  FindingSeverity severity;
  uint16_t file;             // index into SyntaxTree::files()
  uint32_t offset;
  uint32_t line;
  uint32_t column;
  std::string message;       // one line: what is wrong here
  std::string explanation;   // why it breaks, and what the fix does
  Assumption assumption;     // text "" when nothing was assumed
  std::vector<Edit> edits;   // the fix; empty when there is none
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_FINDING_H_
