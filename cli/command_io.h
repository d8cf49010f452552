// What the diagnose and probe commands share: reading a file or stdin,
// writing stdout in one piece, and usage errors in the CLI's words.

#ifndef NGXFIX_CLI_COMMAND_IO_H_
#define NGXFIX_CLI_COMMAND_IO_H_

#include <string>

namespace ngxfix {

inline constexpr int kCommandExitUsage = 64;

// Reads `path` ("-" for stdin) into `text`; false when it cannot be opened.
bool ReadFileOrStdin(const std::string& path, std::string* text);

void WriteStdout(const std::string& text);

// Prints "ngxfix: MESSAGE" and the --help hint on stderr; returns 64.
int CommandUsageError(const std::string& message);

}  // namespace ngxfix

#endif  // NGXFIX_CLI_COMMAND_IO_H_
