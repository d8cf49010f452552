// `ngxfix diagnose LOG|- [--config FILE] [--format text|json]`: the causes
// of nginx error-log lines, linked to the configuration when given; and
// ReadEvidence() for `check --evidence` and `fix --evidence`.

#include "cli/diagnose_command.h"

#include <iostream>

#include "cli/command_io.h"
#include "core/json_writer.h"
#include "diagnose/diagnose.h"
#include "diagnose/report.h"

namespace ngxfix {

const char kDiagnoseUsage[] =
    R"(  diagnose LOG|-    Name the causes of nginx error-log lines (502s, 504s,
                    TLS failures, ...); unknown lines are listed.
      --config FILE         link each cause to the *_pass directives concerned
      --format text|json
)";

namespace {

constexpr int kExitFound = 1;
constexpr int kExitUnreadable = 2;

}  // namespace

int RunDiagnoseCommand(const std::vector<std::string>& args) {
  std::string format = "text", config_path;
  std::vector<std::string> positional;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--format" || arg == "--config") {
      if (i + 1 >= args.size()) return CommandUsageError(arg + " needs a value");
      (arg == "--format" ? format : config_path) = args[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      return CommandUsageError("diagnose: unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 1) return CommandUsageError("diagnose takes one LOG (or - for stdin)");
  if (format != "text" && format != "json") {
    return CommandUsageError("diagnose --format takes text or json");
  }
  std::string log;
  if (!ReadFileOrStdin(positional[0], &log)) {
    std::cerr << "ngxfix: cannot open " << positional[0] << "\n";
    return kExitUnreadable;
  }
  DiagnoseResult result = Diagnose(log);
  if (!Causes().error.empty()) {
    std::cerr << "ngxfix: " << Causes().error << "\n";
    return kExitUnreadable;
  }
  if (!config_path.empty()) {
    std::string config;
    if (!ReadFileOrStdin(config_path, &config)) {
      std::cerr << "ngxfix: cannot open " << config_path << "\n";
      return kExitUnreadable;
    }
    ParseOptions parse_options;
    parse_options.file_name = config_path;
    SyntaxTree tree = Parse(std::move(config), parse_options);
    LinkToConfig(Analysis(tree, {}), &result);
  }
  std::string name = positional[0] == "-" ? "<stdin>" : positional[0];
  WriteStdout(format == "json" ? WriteJson(DiagnosesToJson(result), 2) + "\n"
                               : DiagnosesToText(result, name));
  return result.diagnoses.empty() ? 0 : kExitFound;
}

bool ReadEvidence(const std::string& log_path, const std::string& config,
                  const ParseOptions& parse_options, CheckOptions* options,
                  std::string* error) {
  std::string log;
  if (!ReadFileOrStdin(log_path, &log)) {
    *error = "cannot open " + log_path;
    return false;
  }
  AddEvidence(Parse(config, parse_options), log, &options->analysis);
  return true;
}

}  // namespace ngxfix
