// The judged precision corpus: ngxfix's findings at warning or above on
// ../shared/corpus/real-world/ (deployed configurations from public
// repositories), and the verdicts in tests/precision/real-world.tsv.  Used
// by tests/unit/precision_test.cc, which holds the output to the verdicts,
// and by scripts/bench's report of findings per rule.

#ifndef NGXFIX_TESTS_PRECISION_JUDGED_FINDINGS_H_
#define NGXFIX_TESTS_PRECISION_JUDGED_FINDINGS_H_

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/finding.h"

namespace ngxfix::precision {

// The versions the corpus is judged at: "-" is none given (inferred), then
// Debian's nginx and the versions whose defaults change the rules most.
inline const std::vector<std::string> kJudgedVersions = {"-", "1.22.1", "1.29.7",
                                                         "1.31.4"};

// Where a finding is: the corpus file (its name under real-world/), line,
// rule and the version it was checked at.
struct Key {
  std::string file;
  uint32_t line;
  std::string rule;
  std::string version;
  auto operator<=>(const Key&) const = default;
};

struct Verdict {
  std::string verdict;  // "true", "defensible" or "false"
  std::string reason;
};

// tests/precision/real-world.tsv; `error` says what is wrong with a row.
std::map<Key, Verdict> LoadVerdicts(const std::string& path, std::string* error);

struct CorpusFinding {
  Key key;
  FindingSeverity severity;
  std::string message;
};

// Every finding of every configuration in `real_world` (the folder) at each
// of kJudgedVersions, all severities.  `files` gets how many were read.
std::vector<CorpusFinding> CheckCorpus(const std::string& real_world, int* files);

// The real-world folder of the corpus, "" when it is absent.
std::string RealWorldDir();

}  // namespace ngxfix::precision

#endif  // NGXFIX_TESTS_PRECISION_JUDGED_FINDINGS_H_
