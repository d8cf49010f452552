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

struct Finding {
  std::string rule;          // the rule's id, e.g. "grpc-to-http1-backend"
  FindingSeverity severity;
  uint16_t file;             // index into SyntaxTree::files()
  uint32_t offset;
  uint32_t line;
  uint32_t column;
  std::string message;       // one line: what is wrong here
  std::string explanation;   // why it breaks, and what the fix does
  std::string assumption;    // what ngxfix assumed to decide, or ""
  std::vector<Edit> edits;   // the fix; empty when there is none
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_FINDING_H_
