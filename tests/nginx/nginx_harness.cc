#include "tests/nginx/nginx_harness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

#include "core/parser.h"

extern char** environ;

namespace ngxfix::nginx_test {

namespace {

constexpr size_t kMaxOutput = 1 << 20;

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool AllDigits(const std::string& s, size_t begin, size_t end) {
  if (begin >= end) return false;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string NginxMissingMessage() {
  static std::once_flag once;
  static std::string message;
  std::call_once(once, [] {
    const std::string help =
        std::string("The agreement tests run Debian's nginx (") + kNginxBinary +
        ", package nginx-core) and ";
    if (access(kNginxBinary, X_OK) != 0) {
      message = help + "it is not installed (" + std::strerror(errno) +
                "). Run scripts/test, which installs nginx-core.";
      return;
    }
    ProcessResult v = RunProcess({kNginxBinary, "-v"}, 10000);
    if (v.exit_code != 0) {
      message = help + "`" + kNginxBinary + " -v` failed: " + v.output +
                " Run scripts/test, which installs nginx-core.";
    }
  });
  return message;
}

std::string PrivilegeHint() {
  if (geteuid() == 0) return "";
  return " (note: the tests run as uid " + std::to_string(geteuid()) +
         ", not root; nginx -t needs root to create its temporary folders and "
         "bind listen sockets)";
}

ProcessResult RunProcess(const std::vector<std::string>& argv, int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  ProcessResult result;
  if (argv.empty()) return result;

  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    result.output = std::string("pipe2 failed: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);

  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(),
                       environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    result.output = "posix_spawn " + argv[0] + " failed: " + std::strerror(rc);
    return result;
  }

  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  auto remaining_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                 Clock::now())
        .count();
  };
  char buffer[8192];
  for (;;) {
    long long left = remaining_ms();
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int n = poll(&p, 1, static_cast<int>(left));
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (n == 0) continue;  // the deadline is checked above
    ssize_t got = read(fds[0], buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (got == 0) break;  // every writer closed the pipe
    if (result.output.size() < kMaxOutput) {
      result.output.append(buffer, static_cast<size_t>(got));
    }
  }
  close(fds[0]);

  int status = 0;
  bool reaped = false;
  while (!result.timed_out) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      reaped = true;
      break;
    }
    if (w < 0 && errno != EINTR) break;
    if (remaining_ms() <= 0) {
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!reaped) {
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = -1;
    return result;
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

NginxResult ParseNginxOutput(int exit_code, const std::string& output) {
  NginxResult r;
  r.output = output;
  r.accepted = exit_code == 0;
  if (r.accepted) return r;

  const std::string tag = "[emerg] ";
  size_t p = output.find(tag);
  if (p == std::string::npos) {
    // No [emerg] line: keep the first line of whatever nginx said.
    r.message = output.substr(0, output.find('\n'));
    return r;
  }
  p += tag.size();
  // The error-log form puts "PID#TID: " before the message.
  size_t q = p;
  while (q < output.size() && output[q] >= '0' && output[q] <= '9') ++q;
  if (q > p && q < output.size() && output[q] == '#') {
    size_t t = q + 1;
    while (t < output.size() && output[t] >= '0' && output[t] <= '9') ++t;
    if (t > q + 1 && output.compare(t, 2, ": ") == 0) p = t + 2;
  }
  // The entry ends at the first line end preceded by " in FILE:LINE"; the
  // message itself may hold line feeds (too long parameter "%*s..." shows
  // ten raw bytes).
  size_t search = p;
  for (;;) {
    size_t eol = output.find('\n', search);
    size_t end = eol == std::string::npos ? output.size() : eol;
    size_t line_begin = output.rfind('\n', end == 0 ? 0 : end - 1);
    line_begin = (line_begin == std::string::npos || line_begin < p)
                     ? p
                     : line_begin + 1;
    size_t colon = output.rfind(':', end);
    if (colon != std::string::npos && colon >= line_begin &&
        AllDigits(output, colon + 1, end)) {
      size_t in = output.rfind(" in ", colon);
      if (in != std::string::npos && in >= p) {
        r.message = output.substr(p, in - p);
        r.file = output.substr(in + 4, colon - in - 4);
        r.line = static_cast<uint32_t>(
            std::stoul(output.substr(colon + 1, end - colon - 1)));
        return r;
      }
    }
    if (eol == std::string::npos) break;
    search = eol + 1;
  }
  // An error without a location (bind(), getpwnam(), ...).
  r.message = output.substr(p, output.find('\n', p) - p);
  return r;
}

NginxResult RunNginxTest(const std::string& prefix, const std::string& conf,
                         int timeout_ms) {
  std::string p = prefix;
  if (p.empty() || p.back() != '/') p += '/';
  const auto start = std::chrono::steady_clock::now();
  ProcessResult run = RunProcess(
      {kNginxBinary, "-t", "-q", "-p", p, "-c", conf, "-e", "stderr"},
      timeout_ms);
  const auto stop = std::chrono::steady_clock::now();
  NginxResult r = ParseNginxOutput(run.exit_code, run.output);
  r.timed_out = run.timed_out;
  if (run.timed_out) {
    r.accepted = false;
    r.message = "timed out";
  }
  r.seconds = std::chrono::duration<double>(stop - start).count();
  return r;
}

bool IsSyntaxMessage(const std::string& m) {
  // ngx_conf_read_token() and ngx_conf_parse(), nginx 1.22.1.
  if (m == "unexpected end of file, expecting \";\" or \"}\"") return true;
  if (m == "unexpected end of file, expecting \"}\"") return true;
  // unexpected "%c": one byte between the quotes.
  if (m.size() == 14 && StartsWith(m, "unexpected \"") && m.back() == '"') {
    return true;
  }
  // too long parameter "%*s..." started  (ten bytes of the token)
  if (StartsWith(m, "too long parameter \"") && EndsWith(m, "...\" started")) {
    return true;
  }
  // too long parameter, probably missing terminating "%c" character
  if (m ==
          "too long parameter, probably missing terminating \"\"\" character" ||
      m == "too long parameter, probably missing terminating \"'\" character") {
    return true;
  }
  return false;
}

const char* LevelName(Level level) {
  switch (level) {
    case Level::kMain:
      return "main configuration";
    case Level::kMainInclude:
      return "included at main level";
    case Level::kHttp:
      return "included in http {}";
    case Level::kServer:
      return "included in http { server {} }";
    case Level::kLocation:
      return "included in http { server { location / {} } }";
  }
  return "?";
}

const char* LevelShortName(Level level) {
  switch (level) {
    case Level::kMain:
      return "main";
    case Level::kMainInclude:
      return "include";
    case Level::kHttp:
      return "http";
    case Level::kServer:
      return "server";
    case Level::kLocation:
      return "location";
  }
  return "?";
}

std::string HarnessText(Level level, const std::string& prefix,
                        const std::string& included,
                        const std::vector<std::string>& variables) {
  std::string p = prefix;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  const std::string inc = "include \"" + included + "\";\n";
  std::string maps;
  for (const std::string& v : variables) {
    maps += "  map $uri $" + v + " {\n    default \"\";\n  }\n";
  }
  std::string text = "# ngxfix agreement test harness: ";
  text += LevelName(level);
  text += "\npid " + p + "/nginx.pid;\n";
  text += "error_log " + p + "/logs/error.log;\n";
  text += "events {\n}\n";
  switch (level) {
    case Level::kMain:
    case Level::kMainInclude:
      text += inc;
      break;
    case Level::kHttp:
      text += "http {\n" + maps + "  " + inc + "}\n";
      break;
    case Level::kServer:
      text += "http {\n" + maps + "  server {\n    " + inc + "  }\n}\n";
      break;
    case Level::kLocation:
      text += "http {\n" + maps + "  server {\n    location / {\n      " + inc +
              "    }\n  }\n}\n";
      break;
  }
  return text;
}

ParserResult ParseWithParser(const std::string& text, const std::string& name) {
  ParseOptions options;
  options.file_name = name;
  options.split_dump = false;  // nginx reads one file, never a dump
  SyntaxTree tree = Parse(text, options);
  ParserResult r;
  r.ok = tree.ok();
  for (const Diagnostic& d : tree.diagnostics()) {
    if (d.severity != Severity::kError) continue;
    if (r.all_errors.empty()) {
      r.message = d.message;
      r.line = d.line;
    }
    if (r.min_line == 0 || d.line < r.min_line) r.min_line = d.line;
    r.all_errors.push_back(std::to_string(d.line) + ": " + Escape(d.message));
  }
  if (r.ok != r.all_errors.empty()) {
    // ok() must mean "no error diagnostic"; make a mismatch visible.
    r.all_errors.push_back(r.ok ? "(ok() is true despite errors)"
                                : "(ok() is false without an error)");
    r.ok = false;
  }
  return r;
}

std::string Escape(const std::string& s, size_t max_len) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    // Collapse long runs of one byte (the padding of long words).
    size_t j = i;
    while (j < s.size() && s[j] == s[i]) ++j;
    if (j - i > 12) {
      out += s[i] == '\n' ? std::string("\\n") : std::string(1, s[i]);
      out += "<x" + std::to_string(j - i) + ">";
      i = j - 1;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    if (max_len != std::string::npos && out.size() > max_len) {
      out += "...";
      break;
    }
  }
  return out;
}

std::string Excerpt(const std::string& text, size_t offset, size_t context) {
  if (offset > text.size()) offset = text.size();
  // Escape generously on both sides (long runs collapse to "x<xN>"), then
  // keep `context` printable characters each side of the caret.
  const size_t reach = 8192;
  size_t begin = offset > reach ? offset - reach : 0;
  std::string before =
      Escape(text.substr(begin, offset - begin), std::string::npos);
  std::string after = Escape(text.substr(offset, reach), std::string::npos);
  std::string out;
  if (before.size() > context) {
    out = "..." + before.substr(before.size() - context);
  } else {
    out = (begin > 0 ? "..." : "") + before;
  }
  out += "\u2038";  // a caret marks the mutation point
  if (after.size() > context) {
    out += after.substr(0, context) + "...";
  } else {
    out += after;
    if (offset + reach < text.size()) out += "...";
  }
  return out;
}

}  // namespace ngxfix::nginx_test
