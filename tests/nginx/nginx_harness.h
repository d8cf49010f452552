// Running Debian's nginx (`nginx -t`) on configurations built by the tests,
// and reading its verdict, so that the parser can be checked against the
// real thing.
//
// nginx is started with posix_spawn (no shell), with a deadline, in a
// temporary prefix:  nginx -t -q -p PREFIX/ -c CONF -e stderr
// Its first "[emerg]" line is split into nginx's words and the FILE:LINE it
// names.

#ifndef NGXFIX_TESTS_NGINX_NGINX_HARNESS_H_
#define NGXFIX_TESTS_NGINX_NGINX_HARNESS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/syntax_tree.h"

namespace ngxfix::nginx_test {

inline constexpr const char* kNginxBinary = "/usr/sbin/nginx";

// Empty when kNginxBinary can be run; otherwise what to tell the user.
std::string NginxMissingMessage();

// Empty when running as root; otherwise a hint for failure messages (nginx -t
// creates its temporary folders and binds listen sockets, which needs root).
std::string PrivilegeHint();

struct ProcessResult {
  int exit_code = -1;  // -1 when killed or not started
  bool timed_out = false;
  std::string output;  // stdout and stderr, interleaved
};

// Runs argv[0] (an absolute path) with argv, stdin from /dev/null, and kills
// it after timeout_ms.
ProcessResult RunProcess(const std::vector<std::string>& argv, int timeout_ms);

// What `nginx -t` said about a configuration.
struct NginxResult {
  bool accepted = false;
  bool timed_out = false;
  std::string message;  // the first [emerg] message, without " in FILE:LINE"
  std::string file;     // the FILE of " in FILE:LINE"; empty if none
  uint32_t line = 0;    // the LINE, or 0
  std::string output;   // everything nginx printed
  double seconds = 0;   // wall time of the run
};

// Reads nginx's output (both "nginx: [emerg] MSG in F:L" and the error-log
// form "DATE [emerg] PID#TID: MSG in F:L").
NginxResult ParseNginxOutput(int exit_code, const std::string& output);

// Runs `nginx -t -q -p prefix/ -c conf -e stderr`.
NginxResult RunNginxTest(const std::string& prefix, const std::string& conf,
                         int timeout_ms = 20000);

// True for the errors that ngx_conf_read_token() and ngx_conf_parse() report
// about the text itself (tokens and block structure), as opposed to the
// meaning of directives:  unexpected "X";  unexpected end of file, expecting
// ";" or "}";  unexpected end of file, expecting "}";  and both forms of
// too long parameter.
bool IsSyntaxMessage(const std::string& message);

// Where a fragment is included by a harness configuration.
enum class Level {
  kMain,         // the file is the main configuration itself (no harness)
  kMainInclude,  // include FILE;  at main level
  kHttp,         // http { include FILE; }
  kServer,       // http { server { include FILE; } }
  kLocation,     // http { server { location / { include FILE; } } }
};

const char* LevelName(Level level);

// A short name for reports: main, include, http, server, location.
const char* LevelShortName(Level level);

// A main configuration for `prefix` that includes `included` (an absolute
// path) at `level` (not kMain).  It logs into the prefix and has the events
// block nginx requires.  Each of `variables` is defined (empty) by a map in
// http {}, for fragments that use variables their own main configuration
// defines (levels http, server and location only).
std::string HarnessText(Level level, const std::string& prefix,
                        const std::string& included,
                        const std::vector<std::string>& variables = {});

// What the parser said, in the same terms.
struct ParserResult {
  bool ok = false;      // no error diagnostic
  std::string message;  // the first error diagnostic, if any
  uint32_t line = 0;
  uint32_t min_line = 0;  // the smallest line of any error (0: none)
  std::vector<std::string> all_errors;  // "LINE: MESSAGE" of every error
};

ParserResult ParseWithParser(const std::string& text, const std::string& name);

// A printable excerpt of `text` around `offset`: the line holding it, with
// long stretches elided and control bytes escaped.
std::string Excerpt(const std::string& text, size_t offset,
                    size_t context = 50);
// Escapes control and non-ASCII bytes as \xNN (and \r, \n, \t).
std::string Escape(const std::string& s, size_t max_len = 200);

}  // namespace ngxfix::nginx_test

#endif  // NGXFIX_TESTS_NGINX_NGINX_HARNESS_H_
