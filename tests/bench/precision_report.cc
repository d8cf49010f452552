// Findings on ../shared/corpus/real-world/ (deployed configurations from
// public repositories), per rule and judged version, with the share of
// files flagged at warning or above and how the findings stand against the
// verdicts of tests/precision/real-world.tsv.  Run by scripts/bench.
//
//   ngxfix_precision_report [VERDICTS.tsv]

#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "tests/precision/judged_findings.h"

namespace ngxfix::precision {
namespace {

struct Counts {
  int serious = 0;  // warning or above
  int info = 0;
};

int Run(const std::string& verdicts_path) {
  std::string real_world = RealWorldDir();
  if (real_world.empty()) {
    std::fprintf(stderr, "precision: ../shared/corpus/real-world is absent\n");
    return 1;
  }
  std::string error;
  std::map<Key, Verdict> verdicts = LoadVerdicts(verdicts_path, &error);
  if (!error.empty()) {
    std::fprintf(stderr, "precision: %s\n", error.c_str());
    return 1;
  }
  int files = 0;
  std::vector<CorpusFinding> findings = CheckCorpus(real_world, &files);

  std::map<std::string, std::map<std::string, Counts>> by_rule;  // rule, version
  std::map<std::string, std::set<std::string>> flagged;          // version, files
  std::map<std::string, int> standing;  // verdict, or "unjudged"
  for (const CorpusFinding& f : findings) {
    Counts& counts = by_rule[f.key.rule][f.key.version];
    if (f.severity == FindingSeverity::kInfo) {
      ++counts.info;
      continue;
    }
    ++counts.serious;
    flagged[f.key.version].insert(f.key.file);
    auto verdict = verdicts.find(f.key);
    ++standing[verdict == verdicts.end() ? "unjudged" : verdict->second.verdict];
  }

  std::printf("Findings on %s (%d files): warning or above / info, per version\n\n",
              real_world.c_str(), files);
  std::printf("%-32s", "rule");
  for (const std::string& v : kJudgedVersions) {
    std::printf(" %13s", v == "-" ? "no version" : v.c_str());
  }
  std::printf("\n");
  for (const auto& [rule, versions] : by_rule) {
    std::printf("%-32s", rule.c_str());
    for (const std::string& v : kJudgedVersions) {
      auto it = versions.find(v);
      Counts c = it == versions.end() ? Counts{} : it->second;
      std::printf(" %7d / %3d", c.serious, c.info);
    }
    std::printf("\n");
  }
  std::printf("\n%-32s", "files flagged at warning+");
  for (const std::string& v : kJudgedVersions) {
    size_t n = flagged[v].size();
    std::printf(" %6zu (%3.0f%%)", n, files ? 100.0 * n / files : 0.0);
  }
  std::printf("\n\nFindings at warning or above against the verdicts: %d true, %d "
              "defensible, %d false, %d unjudged (goal: no false, none unjudged)\n",
              standing["true"], standing["defensible"], standing["false"],
              standing["unjudged"]);
  return 0;
}

}  // namespace
}  // namespace ngxfix::precision

int main(int argc, char** argv) {
  std::string verdicts = argc > 1 ? argv[1]
                                  : std::string(NGXFIX_SOURCE_DIR) +
                                        "/tests/precision/real-world.tsv";
  return ngxfix::precision::Run(verdicts);
}
