#include "tests/precision/judged_findings.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/check.h"
#include "core/tsv.h"
#include "tests/support/test_support.h"

namespace ngxfix::precision {

namespace fs = std::filesystem;
using testing::ReadFile;


std::map<Key, Verdict> LoadVerdicts(const std::string& path, std::string* error) {
  std::map<Key, Verdict> verdicts;
  std::string text = ReadFile(path);
  for (const TsvRow& row : ReadTsv(text)) {
    std::string verdict(row.at(4));
    if (row.cells.size() != 6 ||
        (verdict != "true" && verdict != "defensible" && verdict != "false") ||
        std::find(kJudgedVersions.begin(), kJudgedVersions.end(), row.at(3)) ==
            kJudgedVersions.end() ||
        row.at(5).empty()) {
      *error = "bad row: " + std::string(row.at(0)) + " " + std::string(row.at(1));
      continue;
    }
    Key key{std::string(row.at(0)),
            static_cast<uint32_t>(std::strtoul(std::string(row.at(1)).c_str(), nullptr, 10)),
            std::string(row.at(2)), std::string(row.at(3))};
    if (!verdicts.emplace(key, Verdict{verdict, std::string(row.at(5))}).second) {
      *error = "judged twice: " + key.file + " " + std::to_string(key.line) + " " +
               key.rule + " " + key.version;
    }
  }
  return verdicts;
}

std::vector<CorpusFinding> CheckCorpus(const std::string& real_world, int* files) {
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(real_world)) {
    if (entry.path().extension() == ".conf") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  *files = static_cast<int>(paths.size());
  std::vector<CorpusFinding> found;
  for (const std::string& path : paths) {
    std::string name = fs::path(path).filename().string();
    SyntaxTree tree = Parse(ReadFile(path), ParseOptions{name});
    for (const std::string& version : kJudgedVersions) {
      CheckOptions options;
      if (version != "-") options.analysis.nginx_version = NginxVersion::Parse(version);
      for (Finding& f : Check(tree, options).findings) {
        found.push_back({{name, f.line, f.rule, version}, f.severity,
                         std::move(f.message)});
      }
    }
  }
  return found;
}

std::string RealWorldDir() {
  std::string corpus = testing::CorpusDir();
  if (corpus.empty() || !fs::is_directory(corpus + "/real-world")) return "";
  return corpus + "/real-world";
}

}  // namespace ngxfix::precision
