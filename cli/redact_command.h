// The `ngxfix redact` and `ngxfix rehydrate` commands (see redact.h).

#ifndef NGXFIX_CLI_REDACT_COMMAND_H_
#define NGXFIX_CLI_REDACT_COMMAND_H_

#include <string>
#include <vector>

namespace ngxfix {

// Whether `command` is one of the two.
bool IsRedactCommand(const std::string& command);

// Runs `args` (the command first, then its arguments); returns the exit
// status: 0 done, 1 the map is unreadable or redaction failed, 64 usage.
int RunRedactCommand(const std::vector<std::string>& args);

// The commands' part of `ngxfix --help`.
extern const char kRedactUsage[];

}  // namespace ngxfix

#endif  // NGXFIX_CLI_REDACT_COMMAND_H_
