// End-to-end timings of the ngxfix command line, as a user's shell runs it:
// a new process for every run, the input read from a file, the output
// written to a file.  Driven by scripts/bench.
//
//   cli_bench NGXFIX INPUT OUTDIR [--runs N]
//
// Runs each command of kCommands on INPUT once to warm the page cache, then
// N times (default 5), with stdout going to OUTDIR/cli-COMMAND.out (created
// afresh for each run) and stderr to /dev/null.  Prints one JSON line per
// command with the median and fastest wall time, and one with the peak
// resident set size of the process (wait4()'s ru_maxrss, the largest of the
// runs).  A run that ends by a signal, or with a status the command does not
// use (0, 1 findings, 2 syntax errors), is an error.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Command {
  const char* name;  // the row's name, and of its output file
  std::vector<std::string> args;  // between the program and the input
};

const Command kCommands[] = {
    {"print", {"print"}},
    {"parse --format crossplane", {"parse", "--format", "crossplane"}},
    {"parse", {"parse"}},
    {"check", {"check"}},
    {"check --format json", {"check", "--format", "json"}},
    {"check --format sarif", {"check", "--format", "sarif"}},
    {"fix", {"fix"}},
    {"fix --diff", {"fix", "--diff"}},
    {"redact", {"redact", "--key", "000102030405060708090a0b0c0d0e0f"}},
};

struct Run {
  double seconds;
  long peak_kib;
  int status;  // the exit status, or -signal
};

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

Run RunOnce(const std::string& program, const Command& command,
            const std::string& input, const std::string& output) {
  std::vector<std::string> args = {program};
  args.insert(args.end(), command.args.begin(), command.args.end());
  args.push_back(input);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = open("/dev/null", O_WRONLY);
    if (out < 0 || null < 0 || dup2(out, 1) < 0 || dup2(null, 2) < 0) _exit(127);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return {0, 0, -1};
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  return {seconds, usage.ru_maxrss, code};
}

int Main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: cli_bench NGXFIX INPUT OUTDIR [--runs N]\n");
    return 64;
  }
  std::string program = argv[1], input = argv[2], outdir = argv[3];
  int runs = 5;
  for (int i = 4; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[++i]));
  }
  struct stat st {};
  if (stat(input.c_str(), &st) != 0) {
    std::fprintf(stderr, "cli_bench: cannot read %s\n", input.c_str());
    return 1;
  }
  for (const Command& command : kCommands) {
    std::string file_name = command.name;
    std::replace(file_name.begin(), file_name.end(), ' ', '_');
    std::string output = outdir + "/cli-" + file_name + ".out";
    std::vector<double> times;
    long peak_kib = 0;
    for (int r = 0; r <= runs; ++r) {  // run 0 warms the page cache
      Run run = RunOnce(program, command, input, output);
      if (run.status < 0 || run.status > 2) {
        std::fprintf(stderr, "cli_bench: ngxfix %s %s ended with %s %d\n",
                     command.name, input.c_str(),
                     run.status < 0 ? "signal" : "status",
                     run.status < 0 ? -run.status : run.status);
        return 1;
      }
      if (r == 0) continue;
      times.push_back(run.seconds);
      peak_kib = std::max(peak_kib, run.peak_kib);
    }
    std::sort(times.begin(), times.end());
    double median = times.size() % 2 ? times[times.size() / 2]
                                      : (times[times.size() / 2 - 1] +
                                         times[times.size() / 2]) / 2;
    struct stat out_st {};
    stat(output.c_str(), &out_st);
    std::printf(
        "{\"impl\":\"cli\",\"op\":%s,\"what\":\"a new process reading the "
        "file and writing its output to a file\",\"file\":%s,\"bytes\":%lld,"
        "\"output_bytes\":%lld,\"runs\":%d,\"median_s\":%.9f,\"min_s\":%.9f}\n",
        JsonString(command.name).c_str(), JsonString(input).c_str(),
        static_cast<long long>(st.st_size), static_cast<long long>(out_st.st_size),
        runs, median, times.front());
    std::printf(
        "{\"impl\":\"cli\",\"op\":\"memory\",\"command\":%s,\"what\":\"peak RSS "
        "of the process (ru_maxrss), the largest of the runs\",\"file\":%s,"
        "\"bytes\":%lld,\"used_bytes\":%lld}\n",
        JsonString(command.name).c_str(), JsonString(input).c_str(),
        static_cast<long long>(st.st_size), peak_kib * 1024LL);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Main(argc, argv); }
