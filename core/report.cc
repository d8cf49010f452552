#include "core/report.h"

#include "core/rule.h"

namespace ngxfix {
namespace {

constexpr std::string_view kSarifSchema =
    "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri =
    "https://github.com/ngxfix/ngxfix";

}  // namespace

nlohmann::ordered_json FindingsToJson(const SyntaxTree& tree,
                                      const CheckResult& result,
                                      const NginxVersion& version) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : result.findings) {
    findings.push_back({{"rule", f.rule},
                        {"severity", SeverityName(f.severity)},
                        {"file", tree.files()[f.file].name},
                        {"line", f.line},
                        {"column", f.column},
                        {"message", f.message},
                        {"explanation", f.explanation},
                        {"assumption", f.assumption},
                        {"fix", !f.edits.empty()}});
  }
  nlohmann::ordered_json syntax = nlohmann::ordered_json::array();
  for (const Diagnostic& d : result.syntax) {
    syntax.push_back({{"severity", d.severity == Severity::kError ? "error" : "warning"},
                      {"file", tree.files()[d.file].name},
                      {"line", d.line},
                      {"column", d.column},
                      {"message", d.message}});
  }
  return {{"nginx_version", version.ToString()},
          {"findings", std::move(findings)},
          {"syntax_errors", std::move(syntax)}};
}

nlohmann::ordered_json FindingsToSarif(const SyntaxTree& tree,
                                       const CheckResult& result,
                                       const NginxVersion& version) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const Rule& rule : AllRules()) {
    rules.push_back(
        {{"id", rule.info.id},
         {"shortDescription", {{"text", rule.info.summary}}},
         {"helpUri", std::string(kInformationUri) + "/blob/main/docs/rules/" +
                         std::string(rule.info.id) + ".md"},
         {"defaultConfiguration",
          {{"level", rule.info.severity == FindingSeverity::kInfo
                         ? "note"
                         : SeverityName(rule.info.severity)}}}});
  }
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  auto location = [&](uint16_t file, uint32_t line, uint32_t column) {
    return nlohmann::ordered_json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", tree.files()[file].name}}},
            {"region", {{"startLine", std::max<uint32_t>(line, 1)},
                        {"startColumn", std::max<uint32_t>(column, 1)}}}}}}});
  };
  for (const Finding& f : result.findings) {
    std::string text = f.message + ". " + f.explanation;
    if (!f.assumption.empty()) text += " Assumption: " + f.assumption + ".";
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
  rules.push_back({{"id", "syntax-error"},
                   {"shortDescription",
                    {{"text", "text that nginx's parser rejects"}}}});
  return {{"$schema", kSarifSchema},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool",
              {{"driver",
                {{"name", "ngxfix"},
                 {"informationUri", kInformationUri},
                 {"rules", std::move(rules)}}}}},
             {"properties", {{"nginx_version", version.ToString()}}},
             {"results", std::move(results)}}}}};
}

std::string FindingsToText(const SyntaxTree& tree, const CheckResult& result,
                           const NginxVersion& version) {
  std::string out = "nginx " + version.ToString() + ": " +
                    std::to_string(result.findings.size()) + " finding" +
                    (result.findings.size() == 1 ? "" : "s") + "\n";
  for (const Finding& f : result.findings) {
    out += tree.files()[f.file].name + ":" + std::to_string(f.line) + ":" +
           std::to_string(f.column) + ": " + std::string(SeverityName(f.severity)) +
           ": " + f.message + " [" + f.rule + "]" +
           (f.edits.empty() ? "" : " (fixable)") + "\n";
    out += "    " + f.explanation + "\n";
    if (!f.assumption.empty()) out += "    Assumption: " + f.assumption + "\n";
  }
  return out;
}

}  // namespace ngxfix
