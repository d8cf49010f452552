// Diagnostics: errors as values, with a position and nginx's own words.

#ifndef NGXFIX_CORE_DIAGNOSTIC_H_
#define NGXFIX_CORE_DIAGNOSTIC_H_

#include <cstdint>
#include <string>

namespace ngxfix {

enum class Severity : uint8_t { kError, kWarning };

struct Diagnostic {
  Severity severity;
  uint16_t file;     // index into SyntaxTree::files()
  uint32_t offset;   // byte offset into SyntaxTree::text()
  uint32_t line;     // the line nginx reports (1-based, within the file)
  uint32_t column;   // 1-based, in bytes
  std::string message;  // e.g. `unexpected "}"`, as `nginx -t` words it
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_DIAGNOSTIC_H_
