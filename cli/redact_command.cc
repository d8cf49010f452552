// `ngxfix redact` and `ngxfix rehydrate`: redaction from the command line.
//
//   ngxfix redact FILE|- [--map MAP.json] [--sensitive WORD]... [--keep WORD]...
//                 [--format text|json] [--key HEX]
//   ngxfix rehydrate FILE|- --map MAP.json
//
// redact writes the redacted text on stdout and, with --format text, the
// report on stderr (so that `ngxfix redact x.conf > safe.conf` shows what
// was hidden); with --format json, one object {"text", "report"} on stdout.
// The map holds the originals, so it is written only where --map says.

#include "cli/redact_command.h"

#include <cstdio>
#include <iostream>

#include "cli/command_io.h"
#include "core/json_writer.h"
#include "core/output.h"
#include "core/parser.h"
#include "redact/redact.h"

namespace ngxfix {

const char kRedactUsage[] =
    R"(  redact FILE|-     Print the configuration with hostnames, addresses and
                    secrets replaced by placeholders of the same shape.
      --map MAP.json        write the placeholders and their originals here
      --sensitive WORD      also hide WORD wherever it occurs (repeatable)
      --keep WORD           never hide the value WORD (repeatable)
      --format text|json    text: the report on stderr (default); json:
                            {"text", "report"} on stdout
      --key HEX             32 hex digits: the key of the address mapping
                            (default random; for reproducible output)
  rehydrate FILE|-  Put the originals of MAP.json back into FILE (redacted
                    text, or anything written from it).
      --map MAP.json
)";

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;

int Failed(const std::string& message) {
  std::cerr << "ngxfix: " << message << "\n";
  return kExitFailed;
}

std::optional<RedactionKey> ParseKey(const std::string& hex) {
  if (hex.size() != 32) return std::nullopt;
  RedactionKey key;
  for (size_t i = 0; i < 16; ++i) {
    unsigned value = 0;
    if (std::sscanf(hex.c_str() + 2 * i, "%2x", &value) != 1) return std::nullopt;
    key[i] = uint8_t(value);
  }
  return key;
}

struct Arguments {
  std::string command, input, map, format = "text";
  RedactOptions options;
};

std::optional<std::string> Parse(const std::vector<std::string>& args, Arguments* out) {
  out->command = args[0];
  std::vector<std::string> positional;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> const std::string* {
      return i + 1 < args.size() ? &args[++i] : nullptr;
    };
    if (arg == "--help" || arg == "-h") return std::string("--help");
    if (arg == "--map" || arg == "--sensitive" || arg == "--keep" || arg == "--format" ||
        arg == "--key") {
      const std::string* v = value();
      if (!v) return arg + " needs a value";
      if (arg == "--map") out->map = *v;
      if (arg == "--sensitive") out->options.sensitive_words.push_back(*v);
      if (arg == "--keep") out->options.keep_words.push_back(*v);
      if (arg == "--format") out->format = *v;
      if (arg == "--key") {
        out->options.key = ParseKey(*v);
        if (!out->options.key) return "--key takes 32 hex digits";
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      return "unknown option " + arg;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 1) return out->command + " takes one FILE (or - for stdin)";
  out->input = positional[0];
  if (out->format != "text" && out->format != "json") return "redact --format takes text or json";
  if (out->command == "rehydrate" && out->map.empty()) return "rehydrate needs --map MAP.json";
  return std::nullopt;
}

int Redact(const Arguments& a, std::string text) {
  ParseOptions parse_options;
  parse_options.file_name = a.input == "-" ? "<stdin>" : a.input;
  RedactResult result = Redact(ngxfix::Parse(std::move(text), parse_options), a.options);
  if (!result.error.empty()) return Failed(result.error);
  if (!a.map.empty()) {
    std::FILE* file = std::fopen(a.map.c_str(), "wb");
    if (file == nullptr) return Failed("cannot write " + a.map);
    bool failed;
    {
      Output map(file);
      JsonWriter json(map, 2);
      WriteRedactionMap(json, result.map);
      map.Append('\n');
      map.Flush();
      failed = map.failed();
    }
    if (std::fclose(file) != 0 || failed) return Failed("cannot write " + a.map);
  }
  Output out(stdout);
  if (a.format == "json") {
    // The redacted text is the user's configuration: byte for byte.
    JsonWriter json(out, 2);
    json.BeginObject();
    json.Bytes("text", result.text);
    json.Key("report");
    WriteRedactionReport(json, result.report);
    json.EndObject();
    out.Append('\n');
  } else {
    out.Append(result.text);
    std::cerr << RedactionReportToText(result.report);
  }
  out.Flush();
  if (out.failed()) return Failed("cannot write the output");
  return kExitOk;
}

int Rehydrate(const Arguments& a, const std::string& text) {
  std::string json, error;
  if (!ReadFileOrStdin(a.map, &json)) return Failed("cannot open " + a.map);
  auto map = RedactionMapFromJson(json, &error);
  if (!map) return Failed(a.map + ": " + error);
  WriteStdout(ngxfix::Rehydrate(text, *map));
  return kExitOk;
}

}  // namespace

bool IsRedactCommand(const std::string& command) {
  return command == "redact" || command == "rehydrate";
}

int RunRedactCommand(const std::vector<std::string>& args) {
  Arguments a;
  if (auto error = Parse(args, &a)) {
    if (*error != "--help") return CommandUsageError(*error);
    std::cout << "usage: ngxfix redact|rehydrate FILE|- [OPTIONS]\n\n" << kRedactUsage;
    return kExitOk;
  }
  std::string text;
  if (!ReadFileOrStdin(a.input, &text)) return Failed("cannot open " + a.input);
  return a.command == "redact" ? Redact(a, std::move(text)) : Rehydrate(a, text);
}

}  // namespace ngxfix
