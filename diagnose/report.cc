// Formats diagnoses (see report.h).  The text form leads with the cause and
// what the client saw, then the explanation, the rules that fix it and the
// places in the configuration; unknown lines close it, each with its number.

#include "diagnose/report.h"

namespace ngxfix {

nlohmann::ordered_json DiagnosesToJson(const DiagnoseResult& result) {
  nlohmann::ordered_json diagnoses = nlohmann::ordered_json::array();
  for (const Diagnosis& d : result.diagnoses) {
    nlohmann::ordered_json config = nlohmann::ordered_json::array();
    for (const ConfigLink& link : d.links) {
      config.push_back({{"file", link.file}, {"line", link.line},
                        {"directive", link.directive}, {"url", link.url},
                        {"backend", link.backend}});
    }
    diagnoses.push_back({{"cause", d.cause->id},
                         {"count", d.count},
                         {"first_line", d.first_line},
                         {"message", d.first_message},
                         {"phase", d.phase},
                         {"upstream", d.upstream},
                         {"status", d.cause->status},
                         {"explanation", d.cause->explanation},
                         {"rules", d.cause->rules},
                         {"config", config}});
  }
  nlohmann::ordered_json unknown = nlohmann::ordered_json::array();
  for (const UnknownLine& u : result.unknown) {
    unknown.push_back({{"line", u.line}, {"text", u.text}});
  }
  return {{"lines", result.lines},
          {"access_lines", result.access_lines},
          {"diagnoses", diagnoses},
          {"unknown", {{"count", result.unknown.size()}, {"lines", unknown}}}};
}

std::string DiagnosesToText(const DiagnoseResult& result, const std::string& log_name) {
  std::string text = log_name + ": " + std::to_string(result.lines) + " lines (" +
                     std::to_string(result.access_lines) + " of the access log), " +
                     std::to_string(result.diagnoses.size()) + " diagnoses, " +
                     std::to_string(result.unknown.size()) + " unknown\n";
  for (const Diagnosis& d : result.diagnoses) {
    text += "\n" + log_name + ":" + std::to_string(d.first_line) + ": " + d.cause->id;
    if (d.cause->status != "-") text += " (" + d.cause->status + ")";
    text += ", " + std::to_string(d.count) + (d.count == 1 ? " line" : " lines");
    if (!d.upstream.empty()) text += ", upstream " + d.upstream;
    text += "\n    " + d.first_message;
    if (!d.phase.empty()) text += " while " + d.phase;
    text += "\n    " + d.cause->explanation + "\n";
    if (!d.cause->rules.empty()) {
      text += "    rules:";
      for (const std::string& rule : d.cause->rules) text += " " + rule;
      text += "\n";
    }
    for (const ConfigLink& link : d.links) {
      text += "    " + link.file + ":" + std::to_string(link.line) + ": " +
              link.directive + " " + link.url + "\n";
    }
  }
  if (!result.unknown.empty()) text += "\nunknown lines:\n";
  for (const UnknownLine& u : result.unknown) {
    text += "    " + std::to_string(u.line) + ": " + u.text + "\n";
  }
  return text;
}

}  // namespace ngxfix
