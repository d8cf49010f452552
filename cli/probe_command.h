// `ngxfix probe HOST:PORT`: what a backend speaks (see probe.h), the
// --backend value that says so, and the nginx directives to use.

#ifndef NGXFIX_CLI_PROBE_COMMAND_H_
#define NGXFIX_CLI_PROBE_COMMAND_H_

#include <string>
#include <vector>

namespace ngxfix {

// Runs `args` (starting with "probe"); returns the exit status: 0 when the
// backend's protocol was found, 1 when not (refused, timed out, unknown),
// 64 on a usage error.
int RunProbeCommand(const std::vector<std::string>& args);

// The command's part of `ngxfix --help`.
extern const char kProbeUsage[];

}  // namespace ngxfix

#endif  // NGXFIX_CLI_PROBE_COMMAND_H_
