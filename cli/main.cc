// ngxfix: the command-line interface.
//
//   ngxfix print FILE|-                 parse and print back, byte for byte
//   ngxfix parse FILE|- [--format F]    the syntax tree as JSON
//   ngxfix check FILE|- [OPTIONS]       find protocol mismatches
//   ngxfix fix FILE|- [OPTIONS]         the fixed configuration, or its diff
//   ngxfix redact FILE|- [OPTIONS]      hide hostnames, addresses, secrets
//   ngxfix rehydrate FILE|- --map MAP   put them back (redact_command.cc)
//
// Exit status: 0 on success, 1 when check finds something at warning or
// above, 2 on a syntax error (reported on stderr as FILE:LINE:COL: error:
// MESSAGE), 64 on a usage error, 74 when the output cannot be written.

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_io.h"
#include "cli/diagnose_command.h"
#include "cli/probe_command.h"
#include "cli/redact_command.h"
#include "core/check.h"
#include "core/json_export.h"
#include "core/json_writer.h"
#include "core/output.h"
#include "core/parser.h"
#include "core/printer.h"
#include "core/report.h"
#include "core/tsv.h"

namespace ngxfix {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitSyntaxError = 2;
constexpr int kExitUsage = 64;
constexpr int kExitIoError = 74;  // sysexits.h's EX_IOERR

constexpr const char kUsage[] =
    R"(usage: ngxfix COMMAND [OPTIONS] FILE|-

Commands:
  print FILE|-      Parse and print the configuration back from its syntax
                    tree, byte for byte.
  parse FILE|-      Print the syntax tree as JSON.
      --format json         ngxfix's own format, with positions (default)
      --format crossplane   what `crossplane parse` prints
      --include-comments    with --format crossplane: comments as "#" entries
  check FILE|-      Report why nginx and its backends disagree.
      --format text|json|sarif
  fix FILE|-        Print the configuration with the fixes applied.
      --diff                a unified diff instead (patch -p1, git apply)
      --hardening           also apply the opt-in hardening fixes
%REDACT%%DIAGNOSE%%PROBE%
Options of check and fix:
  --nginx-version X.Y.Z     the nginx the configuration runs on (default
                            1.24.0, the nginx of Ubuntu 24.04 LTS, or the
                            lowest the configuration's own directives and
                            parameters need, if higher; reports say which)
  --modules LIST            what this nginx has beyond open-source nginx,
                            comma-separated: plus (NGINX Plus), njs,
                            lua-nginx-module, headers-more-nginx-module, ...
                            (directives.tsv's origin column), or none.  Then
                            the directives of anything else are unknown;
                            without it they are assumed there, at info.
  --backend NAME=PROTO      what a backend speaks; NAME is an upstream name
                            or host:port, PROTO one of http1 https h2c h2
                            grpc grpcs ws.  Repeatable.  Without it ngxfix
                            reads "# ngxfix: backend=PROTO" comments, then
                            infers from the configuration and says so.
  --evidence LOG            an nginx error log: what its lines say backends
                            speak (after --backend and comments, before
                            inference); see ngxfix diagnose.

FILE may be a whole configuration, a snippet (blocks or loose directives), or
the output of `nginx -T`, which is split into its files.  "-" reads stdin.

Exit status: 0 on success, 1 when check finds something at warning or above,
2 on a syntax error (FILE:LINE:COL: error: MESSAGE on stderr), 64 on a usage
error.
)";

struct Options {
  std::string command;
  std::string input;
  std::string format;  // default depends on the command
  bool include_comments = false;
  bool diff = false;
  std::string evidence;  // --evidence LOG
  CheckOptions check;
};

int UsageError(const std::string& message) {
  std::cerr << "ngxfix: " << message << "\n"
            << "Try 'ngxfix --help'.\n";
  return kExitUsage;
}

// Reports diagnostics as FILE:LINE:COL: SEVERITY: MESSAGE; returns true when
// one of them is an error.
bool ReportDiagnostics(const SyntaxTree& tree) {
  bool error = false;
  std::string report;  // one write: std::cerr is unbuffered
  for (const Diagnostic& d : tree.diagnostics()) {
    bool is_error = d.severity == Severity::kError;
    error |= is_error;
    report += tree.files()[d.file].name + ":" + std::to_string(d.line) + ":" +
              std::to_string(d.column) + ": " +
              (is_error ? "error" : "warning") + ": " + d.message + "\n";
  }
  std::cerr << report;
  return error;
}

int RunCheck(const Options& options, const SyntaxTree& tree, Output& out) {
  CheckResult result = Check(tree, options.check);
  if (options.format == "json" || options.format == "sarif") {
    JsonWriter json(out, 2);
    if (options.format == "json") {
      WriteFindingsJson(json, tree, result);
    } else {
      WriteFindingsSarif(json, tree, result);
    }
    out.Append('\n');
  } else {
    out.Append(FindingsToText(tree, result));
  }
  bool serious = std::any_of(
      result.findings.begin(), result.findings.end(), [](const Finding& f) {
        return f.severity != FindingSeverity::kInfo;
      });
  return serious ? kExitFindings : kExitOk;
}

int Run(Options options) {
  std::string text;
  if (!ReadFileOrStdin(options.input, &text)) {
    std::cerr << "ngxfix: cannot open " << options.input << "\n";
    return kExitUsage;
  }
  ParseOptions parse_options;
  parse_options.file_name = options.input == "-" ? "<stdin>" : options.input;
  std::string error;
  if (!options.evidence.empty() &&
      !ReadEvidence(options.evidence, text, parse_options, &options.check, &error)) {
    std::cerr << "ngxfix: " << error << "\n";
    return kExitUsage;
  }
  int status = kExitOk;
  Output out(stdout);
  if (options.command == "fix") {
    FixResult result = Fix(std::move(text), parse_options, options.check);
    bool failed = ReportDiagnostics(result.input);
    if (options.diff) {
      result.WriteUnifiedDiff(out);
    } else {
      out.Append(result.fixed);
    }
    status = failed ? kExitSyntaxError : kExitOk;
  } else {
    SyntaxTree tree = Parse(std::move(text), parse_options);
    bool failed = ReportDiagnostics(tree);
    if (options.command == "print") {
      Print(tree, out);
    } else if (options.command == "check") {
      status = RunCheck(options, tree, out);
    } else if (options.format == "crossplane") {
      // crossplane prints ASCII-only JSON, with \uXXXX escapes.
      JsonWriter json(out, -1, /*ascii=*/true);
      WriteCrossplane(tree, json, {options.include_comments});
      out.Append('\n');
    } else {
      JsonWriter json(out);
      WriteTreeJson(tree, json);
      out.Append('\n');
    }
    if (failed) status = kExitSyntaxError;
  }
  out.Flush();
  if (out.failed()) {
    std::cerr << "ngxfix: cannot write the output: " << std::strerror(errno) << "\n";
    return kExitIoError;
  }
  return status;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Options options;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::string usage = kUsage;
      usage.replace(usage.find("%REDACT%"), 8, kRedactUsage);
      usage.replace(usage.find("%DIAGNOSE%"), 10, kDiagnoseUsage);
      usage.replace(usage.find("%PROBE%"), 7, kProbeUsage);
      std::cout << usage;
      return kExitOk;
    }
    if (i == 0 && IsRedactCommand(arg)) return RunRedactCommand(args);
    if (i == 0 && arg == "diagnose") return RunDiagnoseCommand(args);
    if (i == 0 && arg == "probe") return RunProbeCommand(args);
    if (arg == "--format") {
      if (i + 1 >= args.size()) return UsageError("--format needs a value");
      options.format = args[++i];
    } else if (arg.rfind("--format=", 0) == 0) {
      options.format = arg.substr(9);
    } else if (arg == "--include-comments") {
      options.include_comments = true;
    } else if (arg == "--diff") {
      options.diff = true;
    } else if (arg == "--evidence") {
      if (i + 1 >= args.size()) return UsageError("--evidence needs an error log");
      options.evidence = args[++i];
    } else if (arg == "--modules") {
      if (i + 1 >= args.size()) return UsageError("--modules needs a list");
      std::vector<std::string> modules;
      for (std::string_view m : Split(args[++i], ',')) {
        if (!m.empty() && m != "none") modules.emplace_back(m);
      }
      options.check.analysis.modules = std::move(modules);
    } else if (arg == "--hardening") {
      options.check.hardening = true;
    } else if (arg == "--nginx-version") {
      if (i + 1 >= args.size()) return UsageError("--nginx-version needs a value");
      auto version = NginxVersion::Parse(args[++i]);
      if (!version) return UsageError("--nginx-version takes X.Y.Z, not " + args[i]);
      options.check.analysis.nginx_version = *version;
    } else if (arg == "--backend") {
      if (i + 1 >= args.size()) return UsageError("--backend needs NAME=PROTO");
      const std::string& spec = args[++i];
      size_t eq = spec.rfind('=');
      auto protocol = eq == std::string::npos
                          ? std::nullopt
                          : ParseProtocol(spec.substr(eq + 1));
      if (!protocol || eq == 0) {
        return UsageError("--backend takes NAME=PROTO with PROTO one of "
                          "http1 https h2c h2 grpc grpcs ws, not " + spec);
      }
      options.check.analysis.backends.push_back({spec.substr(0, eq), *protocol});
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError("unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty()) return UsageError("missing command");
  options.command = positional[0];
  if (options.command != "print" && options.command != "parse" &&
      options.command != "check" && options.command != "fix") {
    return UsageError("unknown command " + options.command);
  }
  if (positional.size() != 2) {
    return UsageError(options.command + " takes one FILE (or - for stdin)");
  }
  options.input = positional[1];
  const bool checking = options.command == "check";
  if (options.format.empty()) options.format = checking ? "text" : "json";
  if (options.command == "parse" && options.format != "json" &&
      options.format != "crossplane") {
    return UsageError("parse --format takes json or crossplane");
  }
  if (checking && options.format != "text" && options.format != "json" &&
      options.format != "sarif") {
    return UsageError("check --format takes text, json or sarif");
  }
  return Run(options);
}

}  // namespace
}  // namespace ngxfix

int main(int argc, char** argv) { return ngxfix::Main(argc, argv); }
