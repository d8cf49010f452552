// Agreement with real nginx on mutated corpus files.
//
// Every corpus file that `nginx -t` accepts unchanged (as the main
// configuration, or included at main, http, server or location level by a
// small harness) is mutated deterministically: a ';', '}', '{' or quote is
// dropped, a stray '{', '}' or ';' is inserted at a token boundary, a '\',
// '#' or "${" anywhere, a byte follows a closing quote, a word, quoted string
// or comment is grown past nginx's 4096-byte buffer, the file ends inside a
// quote or in the middle of a directive.
// Debian's nginx judges each mutant in a temporary prefix, and the parser
// must agree:
//   nginx accepts                       -> the parser reports no error;
//   nginx reports a syntax error (words of ngx_conf_read_token() or
//   ngx_conf_parse()) on line L         -> the parser's first error is on
//                                          line L with the same words;
//   nginx reports another error on L    -> the parser reports no error on a
//                                          line before L (nginx read that far
//                                          without a syntax error).
// Only errors that nginx locates in the mutated file are judged.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/nginx/nginx_harness.h"
#include "tests/support/test_support.h"

namespace ngxfix::nginx_test {
namespace {

namespace fs = std::filesystem;
using ngxfix::testing::CorpusDir;
using ngxfix::testing::CorpusFiles;
using ngxfix::testing::ReadFile;
using ngxfix::testing::TempDir;
using ngxfix::testing::WriteFile;

constexpr uint64_t kSeed = 0x6e67786669782121ULL;  // fixed: runs repeat
constexpr int kRunTimeoutMs = 20000;
// A file whose unchanged run takes longer than this gets no mutants (it
// would blow the time budget); it is counted as skipped.
constexpr double kSlowFileSeconds = 5.0;
constexpr size_t kMaxReportedDisagreements = 40;

constexpr Level kLevels[] = {Level::kMain, Level::kMainInclude, Level::kHttp,
                             Level::kServer, Level::kLocation};

// ---------------------------------------------------------------------------
// Corpus files and where nginx reads them.

struct CorpusFile {
  std::string rel;        // path below the corpus folder
  std::string text;       // unchanged contents
  std::string conf_root;  // folder (below the corpus) that plays nginx's
                          // conf prefix: the nearest one holding nginx.conf
  bool used = false;
  Level level = Level::kMain;
  // Variables the harness defines (fragments that use what their own main
  // configuration maps, like h5bp's $content_security_policy).
  std::vector<std::string> variables;
  std::string skip_reason;
};

std::string ConfRoot(const std::string& corpus, const std::string& rel) {
  fs::path dir = fs::path(rel).parent_path();
  for (fs::path d = dir;; d = d.parent_path()) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(corpus) / d / "nginx.conf", ec)) {
      return d.string();
    }
    if (d.empty() || d == d.parent_path()) break;
  }
  return dir.string();
}

// A private copy of the corpus and an nginx prefix, one per thread, so that
// mutants can be written in place while other threads run nginx.
class Workspace {
 public:
  explicit Workspace(const std::string& corpus) {
    root_ = fs::canonical(dir_.path()).string();
    fs::create_directories(root_ + "/logs");
    fs::copy(corpus, root_ + "/corpus",
             fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    // load_module paths are relative to the prefix; Debian keeps the
    // dynamic modules here.
    std::error_code ec;
    if (fs::is_directory("/usr/lib/nginx/modules", ec)) {
      fs::create_directory_symlink("/usr/lib/nginx/modules", root_ + "/modules",
                                   ec);
    }
  }
  const std::string& root() const { return root_; }
  std::string CopyOf(const std::string& rel) const {
    return root_ + "/corpus/" + rel;
  }

  // Writes what nginx needs to read `file` at `level`; returns the -c path.
  std::string Prepare(const CorpusFile& file, Level level) const {
    if (level == Level::kMain) return CopyOf(file.rel);
    std::string dir = root_ + "/corpus/" + file.conf_root;
    std::string harness = dir + "/.ngxfix-agreement-harness";
    WriteFile(harness,
              HarnessText(level, root_, CopyOf(file.rel), file.variables));
    return harness;
  }

  NginxResult Run(const CorpusFile& file, Level level,
                  const std::string& contents) const {
    std::string copy = CopyOf(file.rel);
    WriteFile(copy, contents);
    NginxResult r = RunNginxTest(root_, Prepare(file, level), kRunTimeoutMs);
    if (contents != file.text) WriteFile(copy, file.text);
    return r;
  }

 private:
  TempDir dir_;
  std::string root_;
};

// Runs task(workspace, i) for i in [0, n), one thread per workspace.
// Returns what the tasks threw (file errors), to be reported by the caller.
std::vector<std::string> RunParallel(
    std::vector<std::unique_ptr<Workspace>>& workspaces, size_t n,
    const std::function<void(const Workspace&, size_t)>& task) {
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (auto& ws : workspaces) {
    threads.emplace_back([&, w = ws.get()] {
      for (size_t i; (i = next.fetch_add(1)) < n;) {
        try {
          task(*w, i);
        } catch (const std::exception& e) {
          std::lock_guard<std::mutex> lock(mutex);
          errors.push_back(e.what());
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  return errors;
}

// ---------------------------------------------------------------------------
// Mutants.

struct Mutant {
  size_t file = 0;
  std::string kind;
  std::string text;
  size_t offset = 0;  // where the text was changed (in the mutant)
  std::string where;  // "line L" in the original
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  // mt19937_64's output is fixed by the standard; the reduction is ours, so
  // the sequence is the same with every standard library.
  size_t Below(size_t n) {
    return n == 0 ? 0 : static_cast<size_t>(gen_() % n);
  }

 private:
  std::mt19937_64 gen_;
};

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Whether offset i is on a line whose first non-blank byte is '#'.  Only used
// to aim mutations at directives rather than at comment prose.
bool OnCommentLine(const std::string& text, size_t i) {
  size_t b = 0;
  if (i > 0) {
    size_t lf = text.rfind('\n', i - 1);
    b = lf == std::string::npos ? 0 : lf + 1;
  }
  while (b < text.size() && (text[b] == ' ' || text[b] == '\t')) ++b;
  return b < text.size() && text[b] == '#';
}

uint32_t LineOf(const std::string& text, size_t offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    line += text[i] == '\n';
  return line;
}

// Picks up to k distinct positions, preferring those outside comment lines.
std::vector<size_t> Pick(Rng& rng, const std::string& text,
                         std::vector<size_t> positions, size_t k) {
  std::vector<size_t> code;
  for (size_t p : positions) {
    if (!OnCommentLine(text, p)) code.push_back(p);
  }
  std::vector<size_t>& pool = code.empty() ? positions : code;
  std::vector<size_t> out;
  while (out.size() < k && !pool.empty()) {
    size_t j = rng.Below(pool.size());
    out.push_back(pool[j]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(j));
  }
  return out;
}

std::vector<size_t> Occurrences(const std::string& text, const char* chars) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::strchr(chars, text[i]) != nullptr && text[i] != '\0') {
      out.push_back(i);
    }
  }
  return out;
}

// Offsets between a blank and a non-blank byte (and both ends).
std::vector<size_t> Boundaries(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == 0 || i == text.size() ||
        IsSpace(text[i - 1]) != IsSpace(text[i])) {
      out.push_back(i);
    }
  }
  return out;
}

std::vector<Mutant> MakeMutants(size_t file_index, const std::string& rel,
                                const std::string& text) {
  Rng rng(kSeed ^ Fnv1a(rel));
  std::vector<Mutant> out;
  auto add = [&](std::string kind, std::string mutated, size_t offset,
                 size_t original_offset) {
    if (mutated == text) return;
    for (const Mutant& m : out) {
      if (m.text == mutated) return;
    }
    Mutant m;
    m.file = file_index;
    m.kind = std::move(kind);
    m.text = std::move(mutated);
    m.offset = offset;
    m.where = "line " + std::to_string(LineOf(text, original_offset));
    out.push_back(std::move(m));
  };

  // Drop a byte.
  struct Drop {
    const char* chars;
    size_t count;
  };
  for (Drop d : {Drop{";", 3}, Drop{"}", 2}, Drop{"{", 1}, Drop{"\"'", 2}}) {
    for (size_t p : Pick(rng, text, Occurrences(text, d.chars), d.count)) {
      std::string m = text;
      m.erase(p, 1);
      add("drop '" + std::string(1, text[p]) + "'", m, p, p);
    }
  }

  // Insert a stray '{', '}' or ';' at a token boundary.
  for (char c : {'{', '}', ';'}) {
    for (size_t p : Pick(rng, text, Boundaries(text), 1)) {
      std::string m = text;
      m.insert(p, 1, c);
      add(std::string("insert '") + c + "'", m, p, p);
    }
  }

  // Bytes that mean something inside words, anywhere: an escape, a comment,
  // a variable's brace.
  {
    std::vector<size_t> anywhere(text.size() + 1);
    std::iota(anywhere.begin(), anywhere.end(), size_t{0});
    struct Insertion {
      const char* bytes;
      const char* kind;
    };
    for (Insertion ins :
         {Insertion{"\\", "insert '\\'"}, Insertion{"#", "insert '#'"},
          Insertion{"${", "insert '${'"}}) {
      for (size_t p : Pick(rng, text, anywhere, 1)) {
        std::string m = text;
        m.insert(p, ins.bytes);
        add(ins.kind, m, p, p);
      }
    }
  }

  // A byte right after a quote: after a closing quote nginx wants a blank,
  // ';', '{' or ')' ("foo"bar).
  {
    std::vector<size_t> closing;
    for (size_t p : Occurrences(text, "\"'")) {
      if (p + 1 >= text.size() || IsSpace(text[p + 1]) || text[p + 1] == ';') {
        closing.push_back(p);
      }
    }
    static const char kAfter[] = {'x', '#',  '"', '\'', ')',
                                  '(', '\\', '$', '}'};
    for (size_t p : Pick(rng, text, closing, 1)) {
      char c = kAfter[rng.Below(sizeof kAfter)];
      std::string m = text;
      m.insert(p + 1, 1, c);
      add(std::string("insert '") + c + "' after a quote", m, p + 1, p);
    }
  }

  // Grow a word, a quoted string or a comment to around NGX_CONF_BUFFER.
  for (int n = 0; n < 2; ++n) {
    switch (rng.Below(3)) {
      case 0: {  // a bare word
        std::vector<size_t> starts;
        for (size_t i = 0; i < text.size(); ++i) {
          if (IsSpace(text[i]) || (i > 0 && !IsSpace(text[i - 1]))) continue;
          size_t j = i;
          while (j < text.size() && !IsSpace(text[j]) &&
                 !std::strchr("\"'#;{}\\", text[j])) {
            ++j;
          }
          if (j - i >= 2 && (j == text.size() || IsSpace(text[j]) ||
                             text[j] == ';' || text[j] == '{')) {
            starts.push_back(i);
          }
        }
        static const size_t kLengths[] = {4094, 4095, 4096, 4097, 4500};
        for (size_t p : Pick(rng, text, starts, 1)) {
          size_t j = p;
          while (j < text.size() && !IsSpace(text[j]) &&
                 !std::strchr("\"'#;{}\\", text[j])) {
            ++j;
          }
          size_t target = kLengths[rng.Below(5)];
          std::string m = text;
          m.insert(p + 1, std::string(target - (j - p), 'x'));
          add("grow a word to " + std::to_string(target) + " bytes", m, p, p);
        }
        break;
      }
      case 1: {  // a quoted string on one line
        std::vector<size_t> opens;
        for (size_t i = 0; i < text.size(); ++i) {
          if ((text[i] != '"' && text[i] != '\'') ||
              (i > 0 && !IsSpace(text[i - 1]))) {
            continue;
          }
          size_t j = i + 1;
          while (j < text.size() && text[j] != text[i] && text[j] != '\n' &&
                 text[j] != '\\') {
            ++j;
          }
          if (j < text.size() && text[j] == text[i]) opens.push_back(i);
        }
        static const size_t kLengths[] = {4092, 4093, 4094, 4095, 4096, 4300};
        for (size_t p : Pick(rng, text, opens, 1)) {
          size_t close = text.find(text[p], p + 1);
          size_t target = kLengths[rng.Below(6)];
          size_t content = close - p - 1;
          std::string m = text;
          m.insert(p + 1, std::string(target - content, 'q'));
          add("grow a quoted string to " + std::to_string(target) + " bytes", m,
              p, p);
        }
        break;
      }
      default: {  // a comment
        std::vector<size_t> hashes;
        for (size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '#' && (i == 0 || IsSpace(text[i - 1]))) {
            hashes.push_back(i);
          }
        }
        static const size_t kLengths[] = {4095, 4096, 4097, 4300};
        std::vector<size_t> picked;
        if (!hashes.empty()) picked.push_back(hashes[rng.Below(hashes.size())]);
        for (size_t p : picked) {
          size_t eol = text.find('\n', p);
          if (eol == std::string::npos) eol = text.size();
          size_t target = kLengths[rng.Below(4)];
          if (eol - p >= target) continue;
          std::string m = text;
          m.insert(p + 1, std::string(target - (eol - p), 'c'));
          add("grow a comment to " + std::to_string(target) + " bytes", m, p,
              p);
        }
        break;
      }
    }
  }

  // End the file inside a quote, or in the middle of things.
  switch (rng.Below(3)) {
    case 0:
      add("append an unterminated \"", text + "\"never closed", text.size(),
          text.size());
      break;
    case 1:
      add("append an unterminated ' spanning lines", text + "'never\nclosed\n",
          text.size(), text.size());
      break;
    default:
      for (size_t p : Pick(rng, text, Occurrences(text, "\"'"), 1)) {
        add("truncate after a quote", text.substr(0, p + 1), p + 1, p);
      }
  }
  for (size_t p : Pick(rng, text, Boundaries(text), 1)) {
    if (p > 0 && p < text.size()) {
      add("truncate", text.substr(0, p), p, p);
    }
  }
  return out;
}

// "grow a word to 4095 bytes" -> "grow a word"; "insert 'x' after a quote"
// -> "insert after a quote".
std::string Family(const std::string& kind) {
  if (kind.rfind("grow ", 0) == 0) return kind.substr(0, kind.find(" to "));
  if (kind.find(" after a quote") != std::string::npos) {
    return "insert after a quote";
  }
  return kind;
}

// ---------------------------------------------------------------------------

enum class Verdict { kAccepted, kSyntax, kSemantic, kElsewhere, kTimeout };

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kAccepted:
      return "accepted";
    case Verdict::kSyntax:
      return "syntax error";
    case Verdict::kSemantic:
      return "other error";
    case Verdict::kElsewhere:
      return "error in another file";
    case Verdict::kTimeout:
      return "timeout";
  }
  return "?";
}

bool SamePath(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ea, eb;
  fs::path ca = fs::weakly_canonical(a, ea), cb = fs::weakly_canonical(b, eb);
  return !ea && !eb && ca == cb;
}

Verdict Classify(const NginxResult& r, const std::string& mutated_path) {
  if (r.timed_out) return Verdict::kTimeout;
  if (r.accepted) return Verdict::kAccepted;
  if (r.file.empty() || !SamePath(r.file, mutated_path)) {
    return Verdict::kElsewhere;
  }
  return IsSyntaxMessage(r.message) ? Verdict::kSyntax : Verdict::kSemantic;
}

// Empty when the parser agrees with nginx; otherwise why not.
std::string Judge(Verdict v, const NginxResult& nginx, const ParserResult& p) {
  auto parser_said = [&] {
    std::string s = "the parser reports ";
    if (p.ok) return s + "no error";
    s += "line " + std::to_string(p.line) + ": " + Escape(p.message);
    if (p.all_errors.size() > 1) {
      s += " (all errors:";
      for (size_t i = 0; i < p.all_errors.size() && i < 6; ++i) {
        s += " [" + p.all_errors[i] + "]";
      }
      s += ")";
    }
    return s;
  };
  switch (v) {
    case Verdict::kAccepted:
      if (p.ok) return "";
      return "nginx accepts; " + parser_said();
    case Verdict::kSyntax:
      // The first error must be nginx's, and none may come before it.
      if (!p.ok && p.line == nginx.line && p.message == nginx.message &&
          p.min_line >= nginx.line) {
        return "";
      }
      return "nginx reports line " + std::to_string(nginx.line) + ": " +
             Escape(nginx.message) + "; " + parser_said();
    case Verdict::kSemantic:
      if (p.ok || p.min_line >= nginx.line) return "";
      return "nginx reads up to line " + std::to_string(nginx.line) +
             " without a syntax error (then: " + Escape(nginx.message) + "); " +
             parser_said();
    default:
      return "";
  }
}

std::string SyntaxFamily(const std::string& m) {
  if (m.rfind("too long", 0) == 0) return "too long parameter";
  if (m.rfind("unexpected end of file", 0) == 0) return m;
  return "unexpected \"X\"";
}

// NAME from nginx's `unknown "NAME" variable`, or empty.
std::string UnknownVariable(const NginxResult& r) {
  const std::string head = "unknown \"", tail = "\" variable";
  const std::string& m = r.message;
  if (r.accepted || m.size() <= head.size() + tail.size() ||
      m.compare(0, head.size(), head) != 0 ||
      m.compare(m.size() - tail.size(), tail.size(), tail) != 0) {
    return "";
  }
  std::string name =
      m.substr(head.size(), m.size() - head.size() - tail.size());
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return "";
  }
  return name;
}

TEST(NginxAgreement, MutatedCorpusFiles) {
  std::string missing = NginxMissingMessage();
  ASSERT_TRUE(missing.empty()) << missing;
  const std::string corpus = CorpusDir();
  if (corpus.empty()) {
    GTEST_SKIP() << "no corpus: expected real configurations in "
                    "../shared/corpus beside the repository (or set "
                    "NGXFIX_CORPUS)";
  }
  const auto start = std::chrono::steady_clock::now();

  std::vector<CorpusFile> files;
  for (const std::string& path : CorpusFiles(corpus)) {
    CorpusFile f;
    f.rel = fs::relative(path, corpus).string();
    f.text = ReadFile(path);
    f.conf_root = ConfRoot(corpus, f.rel);
    files.push_back(std::move(f));
  }
  ASSERT_FALSE(files.empty()) << "the corpus " << corpus << " is empty";

  // One nginx at a time per core (NGXFIX_NGINX_JOBS overrides).
  size_t threads = std::thread::hardware_concurrency();
  if (const char* jobs = std::getenv("NGXFIX_NGINX_JOBS")) {
    threads = static_cast<size_t>(std::strtoul(jobs, nullptr, 10));
  }
  threads = std::max<size_t>(1, std::min<size_t>(threads, 16));
  std::vector<std::unique_ptr<Workspace>> workspaces;
  for (size_t i = 0; i < threads; ++i) {
    workspaces.push_back(std::make_unique<Workspace>(corpus));
  }

  // 1. Find, for every file, a harness in which nginx accepts it unchanged.
  std::vector<double> baseline_seconds(files.size(), 0);
  std::vector<std::string> errors =
      RunParallel(workspaces, files.size(), [&](const Workspace& ws, size_t i) {
        CorpusFile& f = files[i];
        if (f.rel.find_first_of("\"*?[\\;{}$") != std::string::npos) {
          // `include "PATH";` would read it as a glob or break the harness.
          f.skip_reason = "its path has characters an include cannot take";
          return;
        }
        std::string reasons;
        for (Level level : kLevels) {
          // nginx wants an events block in the main configuration: without one
          // (and without includes that could bring it) there is no point.
          if (level == Level::kMain &&
              f.text.find("events") == std::string::npos &&
              f.text.find("include") == std::string::npos) {
            reasons = "main: no events block";
            continue;
          }
          NginxResult r;
          for (int attempt = 0; attempt < 16; ++attempt) {
            r = ws.Run(f, level, f.text);
            // Define what nginx misses, where the harness can: unknown
            // variables have no location (they are resolved after parsing).
            std::string name = UnknownVariable(r);
            if (name.empty() || level == Level::kMain ||
                level == Level::kMainInclude ||
                std::find(f.variables.begin(), f.variables.end(), name) !=
                    f.variables.end()) {
              break;
            }
            f.variables.push_back(name);
          }
          if (r.accepted) {
            f.used = true;
            f.level = level;
            f.skip_reason.clear();
            baseline_seconds[i] = r.seconds;
            return;
          }
          std::string where =
              r.file.empty() ? ""
                             : " in " + fs::path(r.file).filename().string() +
                                   ":" + std::to_string(r.line);
          reasons += std::string(reasons.empty() ? "" : "; ") +
                     LevelShortName(level) + ": " + Escape(r.message, 90) +
                     where;
          // A syntax error or an unknown directive in the file itself fails
          // every harness alike.
          if (!r.file.empty() && SamePath(r.file, ws.CopyOf(f.rel)) &&
              (IsSyntaxMessage(r.message) ||
               r.message.rfind("unknown directive ", 0) == 0)) {
            break;
          }
        }
        f.variables.clear();
        f.skip_reason = reasons;
      });
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].used && baseline_seconds[i] > kSlowFileSeconds) {
      files[i].used = false;
      files[i].skip_reason =
          "nginx -t takes " + std::to_string(baseline_seconds[i]) + " s on it";
    }
  }

  const double harness_phase_end =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  // 2. The parser must accept every file nginx accepts.
  size_t disagreements = 0, agreements = 0;
  std::vector<std::string> reports;
  auto report = [&](const std::string& what) {
    ++disagreements;
    if (reports.size() < kMaxReportedDisagreements) reports.push_back(what);
  };
  for (const CorpusFile& f : files) {
    if (!f.used) continue;
    ParserResult p = ParseWithParser(f.text, f.rel);
    std::string why = Judge(Verdict::kAccepted, NginxResult{}, p);
    if (why.empty()) {
      ++agreements;
    } else {
      report(f.rel + " (unchanged, " + LevelName(f.level) + "): " + why);
    }
  }

  const size_t unchanged_agreements = agreements;

  // 3. Mutants.
  std::vector<Mutant> mutants;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].used) continue;
    std::vector<Mutant> m = MakeMutants(i, files[i].rel, files[i].text);
    for (Mutant& x : m) mutants.push_back(std::move(x));
  }
  std::vector<NginxResult> results(mutants.size());
  std::vector<Verdict> verdicts(mutants.size());
  std::vector<std::string> mutant_errors = RunParallel(
      workspaces, mutants.size(), [&](const Workspace& ws, size_t i) {
        const CorpusFile& f = files[mutants[i].file];
        results[i] = ws.Run(f, f.level, mutants[i].text);
        verdicts[i] = Classify(results[i], ws.CopyOf(f.rel));
      });
  errors.insert(errors.end(), mutant_errors.begin(), mutant_errors.end());
  ASSERT_TRUE(errors.empty()) << "running nginx failed: " << errors.front();

  const double mutant_phase_end =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::map<Verdict, size_t> per_verdict;
  std::map<std::string, size_t> per_syntax_family;
  size_t syntax_in_fragments = 0;
  std::map<std::string, std::vector<size_t>> per_kind;
  for (size_t i = 0; i < mutants.size(); ++i) {
    const Mutant& m = mutants[i];
    const CorpusFile& f = files[m.file];
    Verdict v = verdicts[i];
    ++per_verdict[v];
    {
      auto& counts = per_kind[Family(m.kind)];
      counts.resize(5);
      ++counts[static_cast<size_t>(v)];
    }
    if (v == Verdict::kSyntax) {
      ++per_syntax_family[SyntaxFamily(results[i].message)];
      if (f.level != Level::kMain) ++syntax_in_fragments;
    }
    if (v == Verdict::kElsewhere || v == Verdict::kTimeout) continue;
    ParserResult p = ParseWithParser(m.text, f.rel);
    std::string why = Judge(v, results[i], p);
    if (why.empty()) {
      ++agreements;
      continue;
    }
    report(f.rel + " (" + LevelName(f.level) + "), mutant \"" + m.kind +
           "\" at " + m.where + ": " + Excerpt(m.text, m.offset) + "\n    " +
           why);
  }

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  size_t used = 0;
  std::map<Level, size_t> per_level;
  for (const CorpusFile& f : files) {
    if (f.used) {
      ++used;
      ++per_level[f.level];
    }
  }
  const size_t skipped = files.size() - used;

  RecordProperty("corpus_files", static_cast<int>(files.size()));
  RecordProperty("files_used", static_cast<int>(used));
  RecordProperty("files_skipped", static_cast<int>(skipped));
  RecordProperty("mutants", static_cast<int>(mutants.size()));
  RecordProperty("nginx_accepted",
                 static_cast<int>(per_verdict[Verdict::kAccepted]));
  RecordProperty("nginx_syntax_errors",
                 static_cast<int>(per_verdict[Verdict::kSyntax]));
  RecordProperty("nginx_other_errors",
                 static_cast<int>(per_verdict[Verdict::kSemantic]));
  RecordProperty("nginx_errors_elsewhere",
                 static_cast<int>(per_verdict[Verdict::kElsewhere]));
  RecordProperty("nginx_timeouts",
                 static_cast<int>(per_verdict[Verdict::kTimeout]));
  RecordProperty("agreements", static_cast<int>(agreements));
  RecordProperty("disagreements", static_cast<int>(disagreements));
  RecordProperty("seconds", std::to_string(seconds));

  std::ostringstream summary;
  summary << "nginx agreement: " << files.size() << " corpus files, " << used
          << " used (";
  bool first = true;
  for (auto& [level, n] : per_level) {
    summary << (first ? "" : ", ") << n << " " << LevelName(level);
    first = false;
  }
  summary << "), " << skipped << " skipped; " << mutants.size() << " mutants: ";
  first = true;
  for (auto& [v, n] : per_verdict) {
    summary << (first ? "" : ", ") << n << " " << VerdictName(v);
    first = false;
  }
  summary << " (syntax:";
  for (auto& [family, n] : per_syntax_family) {
    summary << " " << n << " " << family << ";";
  }
  summary << " " << syntax_in_fragments << " of them in included fragments); "
          << agreements << " agreements (" << unchanged_agreements
          << " on unchanged files), " << disagreements << " disagreements; "
          << threads << " threads, " << seconds << " s (harness search "
          << harness_phase_end << " s, "
          << (mutant_phase_end - harness_phase_end) << " s for "
          << mutants.size() << " mutants)\n";
  summary << "mutants per kind (accepted/syntax error/other error/error "
             "elsewhere/timeout):";
  for (auto& [kind, counts] : per_kind) {
    summary << " " << kind << " " << counts[0] << "/" << counts[1] << "/"
            << counts[2] << "/" << counts[3] << "/" << counts[4] << ";";
  }
  summary << "\nused files:\n";
  for (Level level : kLevels) {
    if (per_level[level] == 0) continue;
    summary << "  " << LevelShortName(level) << ":";
    for (const CorpusFile& f : files) {
      if (f.used && f.level == level) summary << " " << f.rel;
    }
    summary << "\n";
  }
  summary << "skipped files (nginx -t rejects them unchanged in every "
             "harness; why, per harness):\n";
  for (const CorpusFile& f : files) {
    if (!f.used) summary << "  " << f.rel << ": " << f.skip_reason << "\n";
  }
  std::cout << summary.str() << std::flush;

  for (const std::string& r : reports) ADD_FAILURE() << r;
  EXPECT_EQ(disagreements, 0u)
      << "the parser disagrees with nginx on " << disagreements
      << " inputs (the first " << reports.size() << " are reported above)";
  // Runs not judged: errors nginx locates in another file (or nowhere), and
  // runs that timed out (nginx hung, e.g. resolving a name a mutant made up).
  size_t listed = 0;
  for (size_t i = 0; i < mutants.size(); ++i) {
    if (verdicts[i] != Verdict::kTimeout &&
        verdicts[i] != Verdict::kElsewhere) {
      continue;
    }
    if (++listed > 20) break;
    std::cout
        << "not judged: " << files[mutants[i].file].rel << ", mutant \""
        << mutants[i].kind << "\" at " << mutants[i].where << ": nginx "
        << (verdicts[i] == Verdict::kTimeout
                ? std::string("timed out")
                : Escape(results[i].message) +
                      (results[i].file.empty()
                           ? std::string(" (no location)")
                           : " in " +
                                 fs::path(results[i].file).filename().string() +
                                 ":" + std::to_string(results[i].line)))
        << "\n";
  }
  EXPECT_GT(used, 0u) << "nginx accepted no corpus file in any harness"
                      << PrivilegeHint();
}

}  // namespace
}  // namespace ngxfix::nginx_test
