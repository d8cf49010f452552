#include "core/report.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/rule.h"

namespace ngxfix {
namespace {

constexpr std::string_view kSarifSchema =
    "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri =
    "https://github.com/ngxfix/ngxfix";

// An assumption as the command line states it: with the way to correct it.
std::string AssumptionText(const Assumption& assumption) {
  if (assumption.backend.empty()) return assumption.text;
  return assumption.text + "; if that is wrong, say what " + assumption.backend +
         " speaks with --backend " + assumption.backend +
         "=PROTO or a `# ngxfix: backend=PROTO` comment";
}

}  // namespace

void WriteFindingMembers(JsonWriter& json, const Finding& f, std::string_view file) {
  json.Key("rule").String(f.rule);
  json.Key("severity").String(SeverityName(f.severity));
  json.Key("file").String(file);
  json.Key("line").Number(f.line);
  json.Key("column").Number(f.column);
  json.Key("message").String(f.message);
  json.Key("explanation").String(f.explanation);
  json.Key("assumption").String(f.assumption.text);
  json.Key("assumed_backend").String(f.assumption.backend);
  json.Key("fix").Bool(!f.edits.empty());
  json.Key("versions").String(FindRule(f.rule)->versions);
}

void WriteDiagnosticMembers(JsonWriter& json, const Diagnostic& d,
                            std::string_view file) {
  json.Key("severity").String(d.severity == Severity::kError ? "error" : "warning");
  json.Key("file").String(file);
  json.Key("line").Number(d.line);
  json.Key("column").Number(d.column);
  json.Key("message").String(d.message);
}

void WriteFindingsJson(JsonWriter& json, const SyntaxTree& tree,
                       const CheckResult& result) {
  json.BeginObject();
  json.Key("nginx_version").String(result.nginx_version.ToString());
  json.Key("nginx_version_assumption").String(result.version_assumption);
  json.Key("findings").BeginArray();
  for (const Finding& f : result.findings) {
    json.BeginObject();
    WriteFindingMembers(json, f, tree.files()[f.file].name);
    json.EndObject();
  }
  json.EndArray();
  json.Key("syntax_errors").BeginArray();
  for (const Diagnostic& d : result.syntax) {
    json.BeginObject();
    WriteDiagnosticMembers(json, d, tree.files()[d.file].name);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void WriteFindingsSarif(JsonWriter& json, const SyntaxTree& tree,
                        const CheckResult& result) {
  // A rule's descriptor.  GitHub code scanning wants a fullDescription and
  // help for every rule (the SARIF Multitool's GitHub profile reports rules
  // without them as errors, GH2012); ours point at the documentation.
  auto descriptor = [&](std::string_view id, std::string_view summary,
                        std::string_view level, const std::string& help_uri) {
    std::string text(summary);
    json.BeginObject();
    json.Key("id").String(id);
    json.Key("shortDescription").BeginObject().Key("text").String(text).EndObject();
    json.Key("fullDescription").BeginObject().Key("text").String(text).EndObject();
    if (help_uri.empty()) {
      json.Key("help").BeginObject().Key("text").String(text).EndObject();
    } else {
      json.Key("helpUri").String(help_uri);
      json.Key("help").BeginObject();
      json.Key("text").String(text + ". Documentation: " + help_uri);
      json.Key("markdown").String(text + ". See [the rule's documentation](" +
                                  help_uri + ").");
      json.EndObject();
    }
    if (!level.empty()) {
      json.Key("defaultConfiguration").BeginObject().Key("level").String(level).EndObject();
    }
    json.EndObject();
  };
  // artifactLocation.uri is a URI reference (RFC 3986), not a path.  An
  // absolute path becomes a file:// URI (a relative reference that starts
  // with "/" cannot be resolved against a uriBaseId: SARIF 3.4.4, the
  // Multitool's SARIF1004), and every byte but RFC 3986's unreserved
  // characters and "/" is percent-encoded, so names such as "<stdin>", ones
  // with spaces, '#', '%' or UTF-8, and a relative path whose first segment
  // holds a ':' (which would read as a scheme) stay valid references.
  std::vector<std::string> file_uris;
  for (const File& file : tree.files()) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const std::string& name = file.name;
    std::string uri = !name.empty() && name[0] == '/' ? "file://" : "";
    for (unsigned char c : name) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
          c == '~' || c == '/') {
        uri += static_cast<char>(c);
      } else {
        uri += '%';
        uri += kHex[c >> 4];
        uri += kHex[c & 0xF];
      }
    }
    file_uris.push_back(std::move(uri));
  }
  auto result_object = [&](std::string_view rule, std::string_view level,
                           std::string_view text, uint16_t file, uint32_t line,
                           uint32_t column) {
    json.BeginObject();
    json.Key("ruleId").String(rule);
    json.Key("level").String(level);
    json.Key("message").BeginObject().Key("text").String(text).EndObject();
    json.Key("locations").BeginArray().BeginObject();
    json.Key("physicalLocation").BeginObject();
    json.Key("artifactLocation").BeginObject().Key("uri").String(file_uris[file]).EndObject();
    json.Key("region").BeginObject();
    json.Key("startLine").Number(std::max<uint32_t>(line, 1));
    json.Key("startColumn").Number(std::max<uint32_t>(column, 1));
    json.EndObject().EndObject().EndObject().EndArray();
    json.EndObject();
  };
  auto level = [](FindingSeverity severity) {
    return severity == FindingSeverity::kInfo ? std::string_view("note")
                                              : SeverityName(severity);
  };

  json.BeginObject();
  json.Key("$schema").String(kSarifSchema);
  json.Key("version").String("2.1.0");
  json.Key("runs").BeginArray().BeginObject();
  json.Key("tool").BeginObject().Key("driver").BeginObject();
  json.Key("name").String("ngxfix");
  json.Key("informationUri").String(kInformationUri);
  json.Key("rules").BeginArray();
  for (const Rule& rule : AllRules()) {
    descriptor(rule.info.id, rule.info.summary, level(rule.info.severity),
               std::string(kInformationUri) + "/blob/main/docs/rules/" +
                   std::string(rule.info.id) + ".md");
  }
  descriptor("syntax-error", "text that nginx's parser rejects", "", "");
  json.EndArray().EndObject().EndObject();
  json.Key("properties").BeginObject();
  json.Key("nginx_version").String(result.nginx_version.ToString());
  json.Key("nginx_version_assumption").String(result.version_assumption);
  json.EndObject();
  json.Key("results").BeginArray();
  for (const Finding& f : result.findings) {
    std::string text = f.message + ". " + f.explanation;
    if (!f.assumption.text.empty()) {
      text += " Assumption: " + AssumptionText(f.assumption) + ".";
    }
    result_object(f.rule, level(f.severity), text, f.file, f.line, f.column);
  }
  for (const Diagnostic& d : result.syntax) {
    result_object("syntax-error", d.severity == Severity::kError ? "error" : "warning",
                  d.message, d.file, d.line, d.column);
  }
  json.EndArray();
  json.EndObject().EndArray();
  json.EndObject();
}

std::string FindingsToText(const SyntaxTree& tree, const CheckResult& result) {
  std::string out = "nginx " + result.nginx_version.ToString() + ": " +
                    std::to_string(result.findings.size()) + " finding" +
                    (result.findings.size() == 1 ? "" : "s") + "\n";
  if (!(result.nginx_version <= kDefaultNginxVersion) &&
      !result.version_assumption.empty()) {
    out += "    Assumption: " + result.version_assumption +
           "; if that is wrong, say which with --nginx-version\n";
  }
  for (const Finding& f : result.findings) {
    out += tree.files()[f.file].name + ":" + std::to_string(f.line) + ":" +
           std::to_string(f.column) + ": " + std::string(SeverityName(f.severity)) +
           ": " + f.message + " [" + f.rule + "]" +
           (f.edits.empty() ? "" : " (fixable)") + "\n";
    out += "    " + f.explanation + "\n";
    if (!f.assumption.text.empty()) {
      out += "    Assumption: " + AssumptionText(f.assumption) + "\n";
    }
  }
  return out;
}

}  // namespace ngxfix
