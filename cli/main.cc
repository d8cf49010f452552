// ngxfix: the command-line interface.
//
//   ngxfix print FILE|-                 parse and print back, byte for byte
//   ngxfix parse FILE|- [--format F]    the syntax tree as JSON
//
// Exit status: 0 on success, 2 on a syntax error (reported on stderr as
// FILE:LINE:COL: error: MESSAGE), 64 on a usage error.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_export.h"
#include "core/parser.h"
#include "core/printer.h"

namespace ngxfix {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitSyntaxError = 2;
constexpr int kExitUsage = 64;

constexpr const char kUsage[] =
    R"(usage: ngxfix COMMAND [OPTIONS] FILE|-

Commands:
  print FILE|-      Parse and print the configuration back from its syntax
                    tree, byte for byte.
  parse FILE|-      Print the syntax tree as JSON.
      --format json         ngxfix's own format, with positions (default)
      --format crossplane   what `crossplane parse` prints
      --include-comments    with --format crossplane: comments as "#" entries

FILE may be a whole configuration, a snippet (blocks or loose directives), or
the output of `nginx -T`, which is split into its files.  "-" reads stdin.

Exit status: 0 on success, 2 on a syntax error (FILE:LINE:COL: error: MESSAGE
on stderr), 64 on a usage error.
)";

struct Options {
  std::string command;
  std::string input;
  std::string format = "json";
  bool include_comments = false;
};

int UsageError(const std::string& message) {
  std::cerr << "ngxfix: " << message << "\n"
            << "Try 'ngxfix --help'.\n";
  return kExitUsage;
}

bool ReadInput(const std::string& path, std::string* text, std::string* error) {
  std::ostringstream contents;
  if (path == "-") {
    contents << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = "cannot open " + path;
      return false;
    }
    contents << in.rdbuf();
  }
  *text = std::move(contents).str();
  return true;
}

// Reports diagnostics as FILE:LINE:COL: SEVERITY: MESSAGE; returns true when
// one of them is an error.
bool ReportDiagnostics(const SyntaxTree& tree) {
  bool error = false;
  for (const Diagnostic& d : tree.diagnostics()) {
    bool is_error = d.severity == Severity::kError;
    error |= is_error;
    std::cerr << tree.files()[d.file].name << ":" << d.line << ":" << d.column
              << ": " << (is_error ? "error" : "warning") << ": " << d.message
              << "\n";
  }
  return error;
}

int Run(const Options& options) {
  std::string text, error;
  if (!ReadInput(options.input, &text, &error)) {
    std::cerr << "ngxfix: " << error << "\n";
    return kExitUsage;
  }
  ParseOptions parse_options;
  parse_options.file_name = options.input == "-" ? "<stdin>" : options.input;
  SyntaxTree tree = Parse(std::move(text), parse_options);
  bool failed = ReportDiagnostics(tree);

  if (options.command == "print") {
    std::string printed = Print(tree);
    std::fwrite(printed.data(), 1, printed.size(), stdout);
  } else {
    // crossplane prints ASCII-only JSON, with \uXXXX escapes.
    bool crossplane = options.format == "crossplane";
    auto json = crossplane ? TreeToCrossplane(tree, {options.include_comments})
                           : TreeToJson(tree);
    std::cout << json.dump(-1, ' ', crossplane) << "\n";
  }
  return failed ? kExitSyntaxError : kExitOk;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Options options;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (arg == "--format") {
      if (i + 1 >= args.size()) return UsageError("--format needs a value");
      options.format = args[++i];
    } else if (arg.rfind("--format=", 0) == 0) {
      options.format = arg.substr(9);
    } else if (arg == "--include-comments") {
      options.include_comments = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError("unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty()) return UsageError("missing command");
  options.command = positional[0];
  if (options.command != "print" && options.command != "parse") {
    return UsageError("unknown command " + options.command);
  }
  if (positional.size() != 2) {
    return UsageError(options.command + " takes one FILE (or - for stdin)");
  }
  options.input = positional[1];
  if (options.format != "json" && options.format != "crossplane") {
    return UsageError("--format must be json or crossplane");
  }
  return Run(options);
}

}  // namespace
}  // namespace ngxfix

int main(int argc, char** argv) { return ngxfix::Main(argc, argv); }
