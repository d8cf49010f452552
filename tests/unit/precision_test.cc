// Precision on real configurations: every finding at warning or above on
// ../shared/corpus/real-world/, at every judged version, has a verdict in
// tests/precision/real-world.tsv that is not "false", and every finding
// judged true is still reported.  A new rule or a changed one that makes a
// finding there has to be judged first.

#include <gtest/gtest.h>

#include <set>

#include "tests/precision/judged_findings.h"

namespace ngxfix {
namespace {

using precision::Key;

std::string Describe(const Key& key) {
  return key.file + ":" + std::to_string(key.line) + " " + key.rule + " at " +
         (key.version == "-" ? "no version" : key.version);
}

TEST(Precision, RealWorldFindingsAreJudgedAndNoneIsFalse) {
  std::string real_world = precision::RealWorldDir();
  if (real_world.empty()) GTEST_SKIP() << "../shared/corpus/real-world is absent";
  std::string error;
  std::map<Key, precision::Verdict> verdicts = precision::LoadVerdicts(
      std::string(NGXFIX_SOURCE_DIR) + "/tests/precision/real-world.tsv", &error);
  ASSERT_EQ(error, "");
  int files = 0;
  std::set<Key> serious;
  for (const precision::CorpusFinding& f : precision::CheckCorpus(real_world, &files)) {
    if (f.severity == FindingSeverity::kInfo) continue;
    serious.insert(f.key);
    auto verdict = verdicts.find(f.key);
    if (verdict == verdicts.end()) {
      ADD_FAILURE() << "not judged: " << Describe(f.key) << ": " << f.message;
    } else if (verdict->second.verdict == "false") {
      ADD_FAILURE() << "judged false: " << Describe(f.key) << ": "
                    << verdict->second.reason;
    }
  }
  int judged_true = 0;
  for (const auto& [key, verdict] : verdicts) {
    if (verdict.verdict != "true") continue;
    ++judged_true;
    EXPECT_TRUE(serious.count(key)) << "judged true, no longer reported: "
                                    << Describe(key);
  }
  std::cout << files << " real-world files: " << serious.size()
            << " findings at warning or above over "
            << precision::kJudgedVersions.size() << " versions; " << verdicts.size()
            << " verdicts, " << judged_true << " true\n";
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace ngxfix
