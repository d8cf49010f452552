// Benchmark of redaction, driven by scripts/bench.
//
//   redact_bench FILE [--runs N]
//
// Times, after two warm-up runs (which also compile the patterns), N runs
// (default: as many as fit in about a second, 5 to 200) of:
//   redact          Redact() of a parsed tree (detection, placeholders, the
//                   rebuilt text and its rehydration check)
//   parse+redact    Parse() then Redact(), from the text: the user's wait
//   rehydrate       Rehydrate() of the redacted text with its map
// and prints one JSON line per operation, in parse_bench's format: {impl,
// op, what, file, bytes, runs, median_s, min_s}.  Memory is warm, as in
// parse_bench's default: freed memory stays in the process for the next
// run, as in a process (or a WebAssembly module) that redacts again.  Exits non-zero when the
// redacted text does not rehydrate to the input.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <malloc.h>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/parser.h"
#include "redact/redact.h"

namespace ngxfix::bench {
namespace {

using Clock = std::chrono::steady_clock;

double TimeOnce(const std::function<void()>& run) {
  Clock::time_point start = Clock::now();
  run();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void Report(const std::string& op, const std::string& what, const std::string& file,
            size_t bytes, int runs_wanted, const std::function<void()>& run) {
  TimeOnce(run);  // the heap grows to its size here, not in a timed run
  double first = TimeOnce(run);
  int runs = runs_wanted > 0 ? runs_wanted
                             : std::clamp(int(1.0 / std::max(first, 1e-6)), 5, 200);
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) times.push_back(TimeOnce(run));
  std::sort(times.begin(), times.end());
  size_t n = times.size();
  double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  nlohmann::json row = {{"impl", "native"}, {"op", op},           {"what", what},
                        {"file", file},     {"bytes", bytes},     {"runs", runs},
                        {"median_s", median}, {"min_s", times.front()}};
  std::cout << row.dump() << std::endl;
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: redact_bench FILE [--runs N]\n";
    return 64;
  }
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, INT32_MAX);
  std::string file = argv[1];
  int runs = argc >= 4 && std::string(argv[2]) == "--runs" ? std::atoi(argv[3]) : 0;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  const std::string input = std::move(contents).str();
  if (!in || input.empty()) {
    std::cerr << "redact_bench: cannot read " << file << "\n";
    return 1;
  }
  RedactOptions options;
  options.key = RandomRedactionKey();
  const SyntaxTree tree = Parse(input);
  RedactResult result;
  Report("redact", "Redact() of a parsed tree, with its rehydration check", file,
         input.size(), runs, [&] { result = Redact(tree, options); });
  Report("parse+redact", "Parse() then Redact()", file, input.size(), runs,
         [&] { result = Redact(Parse(input), options); });
  std::string back;
  Report("rehydrate", "Rehydrate() of the redacted text", file, result.text.size(), runs,
         [&] { back = Rehydrate(result.text, result.map); });
  if (!result.error.empty() || back != input) {
    std::cerr << "redact_bench: " << file << " does not come back from redaction "
              << result.error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace ngxfix::bench

int main(int argc, char** argv) { return ngxfix::bench::Main(argc, argv); }
