#include "core/report.h"

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

nlohmann::ordered_json FindingToJson(const Finding& f, std::string_view file) {
  return {{"rule", f.rule},
          {"severity", SeverityName(f.severity)},
          {"file", file},
          {"line", f.line},
          {"column", f.column},
          {"message", f.message},
          {"explanation", f.explanation},
          {"assumption", f.assumption.text},
          {"assumed_backend", f.assumption.backend},
          {"fix", !f.edits.empty()},
          {"versions", FindRule(f.rule)->versions}};
}

nlohmann::ordered_json DiagnosticToJson(const Diagnostic& d, std::string_view file) {
  return {{"severity", d.severity == Severity::kError ? "error" : "warning"},
          {"file", file},
          {"line", d.line},
          {"column", d.column},
          {"message", d.message}};
}

nlohmann::ordered_json FindingsToJson(const SyntaxTree& tree,
                                      const CheckResult& result) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : result.findings) {
    findings.push_back(FindingToJson(f, tree.files()[f.file].name));
  }
  nlohmann::ordered_json syntax = nlohmann::ordered_json::array();
  for (const Diagnostic& d : result.syntax) {
    syntax.push_back(DiagnosticToJson(d, tree.files()[d.file].name));
  }
  return {{"nginx_version", result.nginx_version.ToString()},
          {"nginx_version_assumption", result.version_assumption},
          {"findings", std::move(findings)},
          {"syntax_errors", std::move(syntax)}};
}

nlohmann::ordered_json FindingsToSarif(const SyntaxTree& tree,
                                       const CheckResult& result) {
  // A rule's descriptor.  GitHub code scanning wants a fullDescription and
  // help for every rule (the SARIF Multitool's GitHub profile reports rules
  // without them as errors, GH2012); ours point at the documentation.
  auto descriptor = [](std::string_view id, std::string_view summary,
                       const std::string& help_uri) {
    std::string text(summary);
    nlohmann::ordered_json d = {{"id", id},
                                {"shortDescription", {{"text", text}}},
                                {"fullDescription", {{"text", text}}}};
    if (help_uri.empty()) {
      d["help"] = {{"text", text}};
    } else {
      d["helpUri"] = help_uri;
      d["help"] = {{"text", text + ". Documentation: " + help_uri},
                   {"markdown", text + ". See [the rule's documentation](" +
                                    help_uri + ")."}};
    }
    return d;
  };
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const Rule& rule : AllRules()) {
    nlohmann::ordered_json d = descriptor(
        rule.info.id, rule.info.summary,
        std::string(kInformationUri) + "/blob/main/docs/rules/" +
            std::string(rule.info.id) + ".md");
    d["defaultConfiguration"] = {
        {"level", rule.info.severity == FindingSeverity::kInfo
                      ? "note"
                      : SeverityName(rule.info.severity)}};
    rules.push_back(std::move(d));
  }
  // artifactLocation.uri is a URI reference (RFC 3986), not a path.  An
  // absolute path becomes a file:// URI (a relative reference that starts
  // with "/" cannot be resolved against a uriBaseId: SARIF 3.4.4, the
  // Multitool's SARIF1004), and every byte but RFC 3986's unreserved
  // characters and "/" is percent-encoded, so names such as "<stdin>", ones
  // with spaces, '#', '%' or UTF-8, and a relative path whose first segment
  // holds a ':' (which would read as a scheme) stay valid references.
  auto file_uri = [](const std::string& name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
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
    return uri;
  };
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  auto location = [&](uint16_t file, uint32_t line, uint32_t column) {
    return nlohmann::ordered_json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", file_uri(tree.files()[file].name)}}},
            {"region", {{"startLine", std::max<uint32_t>(line, 1)},
                        {"startColumn", std::max<uint32_t>(column, 1)}}}}}}});
  };
  for (const Finding& f : result.findings) {
    std::string text = f.message + ". " + f.explanation;
    if (!f.assumption.text.empty()) {
      text += " Assumption: " + AssumptionText(f.assumption) + ".";
    }
    results.push_back(
        {{"ruleId", f.rule},
         {"level", f.severity == FindingSeverity::kInfo ? "note"
                                                        : SeverityName(f.severity)},
         {"message", {{"text", text}}},
         {"locations", location(f.file, f.line, f.column)}});
  }
  for (const Diagnostic& d : result.syntax) {
    results.push_back(
        {{"ruleId", "syntax-error"},
         {"level", d.severity == Severity::kError ? "error" : "warning"},
         {"message", {{"text", d.message}}},
         {"locations", location(d.file, d.line, d.column)}});
  }
  rules.push_back(
      descriptor("syntax-error", "text that nginx's parser rejects", ""));
  return {{"$schema", kSarifSchema},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool",
              {{"driver",
                {{"name", "ngxfix"},
                 {"informationUri", kInformationUri},
                 {"rules", std::move(rules)}}}}},
             {"properties",
              {{"nginx_version", result.nginx_version.ToString()},
               {"nginx_version_assumption", result.version_assumption}}},
             {"results", std::move(results)}}}}};
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
