// `ngxfix diagnose` (see diagnose/diagnose.h), and the --evidence option
// of check and fix, which reads an error log for what backends speak.

#ifndef NGXFIX_CLI_DIAGNOSE_COMMAND_H_
#define NGXFIX_CLI_DIAGNOSE_COMMAND_H_

#include <string>
#include <vector>

#include "core/check.h"
#include "core/parser.h"

namespace ngxfix {

// Runs `args` (starting with "diagnose"); returns the exit status: 0 when
// no line has a known cause, 1 when some do, 2 when the log or the
// configuration cannot be read, 64 on a usage error.
int RunDiagnoseCommand(const std::vector<std::string>& args);

// Reads the error log at `log_path` and adds what it says about the
// backends of the configuration `config` to options->analysis (evidence
// and logged_causes).  False, with `error` set, when the log cannot be read.
bool ReadEvidence(const std::string& log_path, const std::string& config,
                  const ParseOptions& parse_options, CheckOptions* options,
                  std::string* error);

// The command's part of `ngxfix --help`.
extern const char kDiagnoseUsage[];

}  // namespace ngxfix

#endif  // NGXFIX_CLI_DIAGNOSE_COMMAND_H_
