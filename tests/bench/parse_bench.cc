// Benchmarks of the native core, driven by scripts/bench.
//
//   parse_bench time FILE [--runs N] [--ops parse,print,...] [--cold]
//       Times each operation N times (default: as many as fit in about a
//       second, at least 5) after one warm-up run, and prints one JSON line
//       per operation with the median and the fastest run.
//       By default memory is warm: freed memory stays in the process and the
//       next run reuses it, as in a process that parses again and again (and
//       as in WebAssembly, whose memory never shrinks).  --cold leaves glibc
//       to return large blocks to the system, so that every run pays for
//       faulting fresh pages in, as a process that parses once does.  The
//       difference is the cost of page faults, which on some virtual
//       machines is far above bare metal's.
//   parse_bench memory FILE
//       Reads FILE, parses it and prints it back once, and prints one JSON
//       line with the peak resident set size (VmHWM) minus the resident set
//       size before the file was read (VmRSS): the memory that reading,
//       parsing and printing took.  Also checks the round trip.
//   parse_bench make-big OUT FILE...
//       Concatenates the FILEs that parse without errors, over and over,
//       into OUT, as large as fits under the parser's input limit
//       (kMaxInputBytes), and checks that OUT parses without errors too.
//   parse_bench make-many OUT BYTES FILE...
//       A configuration of at least BYTES made of many different real http
//       bodies, as users' configurations are: the body of every top-level
//       `http {}` of the FILEs that parse without errors, and every FILE
//       that is an http-level snippet (top-level server or upstream blocks),
//       each as an `http {}` of its own, taken in turn until BYTES is
//       reached.  Bodies over BYTES/64 are left out, so that no one body
//       makes most of the file (the corpus's large file has rows of its
//       own).  Checks that OUT parses without errors.
//
// Operations are a table (kOps): a new row of the benchmark is a new entry.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <malloc.h>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/parser.h"
#include "core/printer.h"
#include "core/syntax_tree.h"

namespace ngxfix::bench {
namespace {

using Clock = std::chrono::steady_clock;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamsize size = in.tellg();
  in.seekg(0);
  out->resize(static_cast<size_t>(size));
  return static_cast<bool>(in.read(out->data(), size));
}

// A value from /proc/self/status, in bytes ("VmRSS", "VmHWM"); 0 if unknown.
uint64_t ProcStatusBytes(const char* key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  size_t key_len = std::strlen(key);
  while (std::getline(status, line)) {
    if (line.compare(0, key_len, key) == 0 && line.size() > key_len &&
        line[key_len] == ':') {
      return std::strtoull(line.c_str() + key_len + 1, nullptr, 10) * 1024;
    }
  }
  return 0;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// One timed operation.  `setup` runs untimed before every run (e.g. copying
// the input, which Parse() takes by value); `run` is what is timed.
struct Op {
  const char* name;
  const char* what;  // for the reader of the table
  std::function<void(const std::string& input)> setup;
  std::function<void()> run;
};

// State shared by the operations of one `time` invocation.
struct State {
  std::string copy;
  SyntaxTree tree;
  std::string printed;
  CheckResult checked;
  FixResult fixed;
};

// Setups also free what the previous run left, so that no run is charged
// for freeing the one before.
std::vector<Op> MakeOps(State& s) {
  return {
      {"parse", "Parse()",
       [&s](const std::string& in) {
         s.tree = SyntaxTree();
         s.copy = in;
       },
       [&s] { s.tree = Parse(std::move(s.copy)); }},
      {"print", "Print() of a parsed tree",
       [&s](const std::string& in) {
         if (s.tree.text().size() != in.size()) s.tree = Parse(in);
         s.printed = std::string();
       },
       [&s] { s.printed = Print(s.tree); }},
      {"parse+print", "Parse() then Print()",
       [&s](const std::string& in) {
         s.tree = SyntaxTree();
         s.printed = std::string();
         s.copy = in;
       },
       [&s] {
         s.tree = Parse(std::move(s.copy));
         s.printed = Print(s.tree);
       }},
      // What `ngxfix check` and `ngxfix fix` do with default options, from
      // the text on: the goals are about the user's wait.
      {"check", "Parse() then Check()",
       [&s](const std::string& in) {
         s.tree = SyntaxTree();
         s.checked = CheckResult();
         s.copy = in;
       },
       [&s] {
         s.tree = Parse(std::move(s.copy));
         s.checked = Check(s.tree, CheckOptions());
       }},
      {"fix", "Fix(), rounds to a fixed point, with the diff",
       [&s](const std::string& in) {
         s.fixed = FixResult();
         s.copy = in;
       },
       [&s] {
         s.fixed = Fix(s.copy, ParseOptions(), CheckOptions());
         s.printed = std::string();  // Fix() prints nothing to compare
         s.fixed.UnifiedDiff();
       }},
  };
}

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

int Time(const std::string& file, int runs_wanted,
         const std::vector<std::string>& only, bool cold) {
  if (!cold) {
    // Keep freed memory for the next run: no mmap()ed blocks, no trimming.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, INT32_MAX);
  }
  std::string input;
  if (!ReadFile(file, &input)) {
    std::cerr << "parse_bench: cannot read " << file << "\n";
    return 1;
  }
  State state;
  for (const Op& op : MakeOps(state)) {
    if (!only.empty() &&
        std::find(only.begin(), only.end(), op.name) == only.end()) {
      continue;
    }
    // Warm-up, which also sizes the number of runs.
    op.setup(input);
    Clock::time_point t0 = Clock::now();
    op.run();
    double first = Seconds(Clock::now() - t0);
    int runs = runs_wanted > 0
                   ? runs_wanted
                   : std::clamp(static_cast<int>(1.0 / std::max(first, 1e-6)),
                                5, 200);
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
      op.setup(input);
      if (cold) malloc_trim(0);
      Clock::time_point start = Clock::now();
      op.run();
      times.push_back(Seconds(Clock::now() - start));
    }
    std::sort(times.begin(), times.end());
    double median = times.size() % 2
                        ? times[times.size() / 2]
                        : (times[times.size() / 2 - 1] +
                           times[times.size() / 2]) / 2;
    std::string name = op.name;
    std::string what = op.what;
    if (cold) {
      name += " (cold)";
      what += ", every run faulting in fresh memory";
    }
    std::printf(
        "{\"impl\":\"native\",\"op\":%s,\"what\":%s,\"file\":%s,"
        "\"bytes\":%zu,\"runs\":%d,\"median_s\":%.9f,\"min_s\":%.9f}\n",
        JsonString(name).c_str(), JsonString(what).c_str(),
        JsonString(file).c_str(), input.size(), runs, median, times.front());
  }
  if (!state.printed.empty() && state.printed != input) {
    std::cerr << "parse_bench: print(parse(" << file
              << ")) differs from the input\n";
    return 1;
  }
  return 0;
}

int Memory(const std::string& file) {
  uint64_t baseline = ProcStatusBytes("VmRSS");
  std::string input;
  if (!ReadFile(file, &input)) {
    std::cerr << "parse_bench: cannot read " << file << "\n";
    return 1;
  }
  size_t size = input.size();
  SyntaxTree tree = Parse(std::move(input));
  std::string printed = Print(tree);
  uint64_t peak = ProcStatusBytes("VmHWM");
  bool same = printed == tree.text();
  std::printf(
      "{\"impl\":\"native\",\"op\":\"memory\",\"what\":\"peak RSS of read + "
      "Parse() + Print(), minus RSS before reading\",\"file\":%s,"
      "\"bytes\":%zu,\"baseline_bytes\":%llu,\"peak_bytes\":%llu,"
      "\"used_bytes\":%llu,\"tokens\":%zu,\"nodes\":%zu,\"ok\":%s}\n",
      JsonString(file).c_str(), size,
      static_cast<unsigned long long>(baseline),
      static_cast<unsigned long long>(peak),
      static_cast<unsigned long long>(peak - baseline), tree.tokens().size(),
      tree.nodes().size(), tree.ok() ? "true" : "false");
  if (!same) {
    std::cerr << "parse_bench: print(parse(" << file
              << ")) differs from the input\n";
    return 1;
  }
  return 0;
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (out.flush()) return true;
  std::cerr << "parse_bench: cannot write " << path << "\n";
  return false;
}

int MakeBig(const std::string& out_path, const std::vector<std::string>& files) {
  // Strictly under the limit; every part ends with a newline so that a
  // trailing comment or word cannot swallow the next file's first line.
  const size_t limit = kMaxInputBytes - 1;
  std::vector<std::string> clean;
  for (const std::string& f : files) {
    std::string text;
    if (!ReadFile(f, &text) || text.empty()) continue;
    if (!Parse(text).ok()) continue;
    if (text.back() != '\n') text += '\n';
    if (!Parse(text).ok()) continue;
    clean.push_back(std::move(text));
  }
  if (clean.empty()) {
    std::cerr << "parse_bench: no input parses without errors\n";
    return 1;
  }
  std::string big;
  big.reserve(limit);
  size_t parts = 0;
  for (bool added = true; added;) {
    added = false;
    for (const std::string& text : clean) {
      if (big.size() + text.size() > limit) continue;
      big += text;
      ++parts;
      added = true;
    }
  }
  SyntaxTree tree = Parse(big);
  if (!WriteFile(out_path, big)) return 1;
  std::printf(
      "{\"file\":%s,\"bytes\":%zu,\"limit_bytes\":%zu,\"clean_inputs\":%zu,"
      "\"inputs\":%zu,\"parts\":%zu,\"ok\":%s}\n",
      JsonString(out_path).c_str(), big.size(),
      static_cast<size_t>(kMaxInputBytes), clean.size(), files.size(), parts,
      tree.ok() ? "true" : "false");
  if (!tree.ok()) {
    const Diagnostic& d = tree.diagnostics().front();
    std::cerr << "parse_bench: the concatenation does not parse cleanly: "
              << d.line << ":" << d.column << ": " << d.message << "\n";
    return 1;
  }
  return 0;
}

// The http bodies of one configuration (see make-many): the text inside each
// top-level http block, or the whole text when the file is an http-level
// snippet.
std::vector<std::string> HttpBodies(const std::string& text) {
  SyntaxTree tree = Parse(text);
  std::vector<std::string> bodies;
  if (!tree.ok() || tree.files().size() != 1) return bodies;
  bool http_level = false, other_level = false;
  for (uint32_t i = tree.files()[0].first_node; i != kNone;
       i = tree.nodes()[i].next_sibling) {
    const Node& n = tree.nodes()[i];
    if (n.kind != NodeKind::kDirective) continue;
    std::string name = tree.name(n);
    if (name == "http" && n.brace != kNone) {
      uint32_t from = tree.tokens()[n.brace].offset + 1;
      uint32_t to = tree.tokens()[n.end_token - 1].offset;
      bodies.push_back(text.substr(from, to - from));
    } else if (name == "server" || name == "upstream") {
      http_level = true;
    } else if (name == "events" || name == "stream" || name == "mail") {
      other_level = true;
    }
  }
  if (bodies.empty() && http_level && !other_level) bodies.push_back(text);
  return bodies;
}

int MakeMany(const std::string& out_path, size_t bytes,
             const std::vector<std::string>& files) {
  struct Body {
    std::string text;
    const std::string* source;
  };
  std::vector<Body> bodies;
  size_t left_out = 0;
  for (const std::string& f : files) {
    std::string text;
    if (!ReadFile(f, &text)) continue;
    for (std::string& body : HttpBodies(text)) {
      if (body.size() > bytes / 64) {
        ++left_out;
        continue;
      }
      std::string wrapped = "http {\n" + body + "\n}\n";
      if (Parse(wrapped).ok()) bodies.push_back({std::move(wrapped), &f});
    }
  }
  if (bodies.empty() || bytes >= kMaxInputBytes) {
    std::cerr << "parse_bench: no http bodies, or BYTES over the input limit\n";
    return 1;
  }
  std::string many;
  size_t parts = 0;
  while (many.size() < bytes) {
    const Body& body = bodies[parts % bodies.size()];
    if (many.size() + body.text.size() >= kMaxInputBytes) break;
    many += body.text;
    ++parts;
  }
  SyntaxTree tree = Parse(many);
  if (!WriteFile(out_path, many)) return 1;
  std::printf(
      "{\"file\":%s,\"bytes\":%zu,\"different_bodies\":%zu,"
      "\"large_bodies_left_out\":%zu,\"inputs\":%zu,\"parts\":%zu,"
      "\"ok\":%s}\n",
      JsonString(out_path).c_str(), many.size(), bodies.size(), left_out,
      files.size(), parts, tree.ok() ? "true" : "false");
  if (!tree.ok()) {
    std::cerr << "parse_bench: the bodies together do not parse cleanly\n";
    return 1;
  }
  return 0;
}

int Usage() {
  std::cerr << "usage: parse_bench time FILE [--runs N] [--ops a,b] [--cold]\n"
               "       parse_bench memory FILE\n"
               "       parse_bench make-big OUT FILE...\n"
               "       parse_bench make-many OUT BYTES FILE...\n";
  return 64;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 2) return Usage();
  if (args[0] == "time") {
    int runs = 0;
    bool cold = false;
    std::vector<std::string> only;
    for (size_t i = 2; i < args.size(); ++i) {
      if (args[i] == "--cold") {
        cold = true;
      } else if (args[i] == "--runs" && i + 1 < args.size()) {
        runs = std::atoi(args[++i].c_str());
      } else if (args[i] == "--ops" && i + 1 < args.size()) {
        std::stringstream list(args[++i]);
        for (std::string op; std::getline(list, op, ',');) only.push_back(op);
      } else {
        return Usage();
      }
    }
    return Time(args[1], runs, only, cold);
  }
  if (args[0] == "memory" && args.size() == 2) return Memory(args[1]);
  if (args[0] == "make-big" && args.size() >= 3) {
    return MakeBig(args[1], {args.begin() + 2, args.end()});
  }
  if (args[0] == "make-many" && args.size() >= 4) {
    return MakeMany(args[1], std::strtoull(args[2].c_str(), nullptr, 10),
                    {args.begin() + 3, args.end()});
  }
  return Usage();
}

}  // namespace
}  // namespace ngxfix::bench

int main(int argc, char** argv) { return ngxfix::bench::Main(argc, argv); }
