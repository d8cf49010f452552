// `ngxfix diagnose`: nginx error-log lines classified into causes.
//
// The causes and the messages that mean them are data (data/causes.tsv,
// data/messages.tsv, taken from nginx's source); cause ids are the
// analyzer's rule ids where the two coincide.  Access-log lines may be
// pasted too: the statuses of data/access_statuses.tsv name causes, the
// others are only counted.  Lines are grouped by cause and upstream.  Lines
// that are neither, or whose message no pattern knows, are counted and
// listed as unknown, never dropped.
//
// With a configuration, each diagnosis is linked to the *_pass directives
// that send to its upstream, and what the lines say the backend speaks
// becomes evidence for the analyzer (AnalysisOptions::evidence): a "too
// large http2 frame" line makes grpc_pass to that backend a
// grpc-to-http1-backend finding, with its fix, without --backend.

#ifndef NGXFIX_DIAGNOSE_DIAGNOSE_H_
#define NGXFIX_DIAGNOSE_DIAGNOSE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/backend.h"

namespace ngxfix {

// A cause, as data/causes.tsv gives it.
struct Cause {
  std::string id;
  std::string status;    // "502", "009" (HTTP/0.9 passthrough), "-"
  std::string evidence;  // "http1", "h2c", "cleartext" or "-"
  std::vector<std::string> rules;
  std::string explanation;
};

// The causes table; an error names the data row it could not read.
struct CauseTable {
  std::vector<Cause> causes;
  std::string error;
};
const CauseTable& Causes();

// The cause of one error-log message in its phase, or nullptr.
const Cause* ClassifyMessage(std::string_view message, std::string_view phase);

// Where a diagnosis meets the configuration: a *_pass directive.
struct ConfigLink {
  std::string file;
  uint32_t line = 0;
  std::string directive;  // proxy_pass, grpc_pass, ...
  std::string url;
  std::string backend;    // the key --backend and evidence use
};

struct Diagnosis {
  const Cause* cause;
  std::string upstream;   // the line's upstream URL, "" when none
  std::string phase;
  size_t count = 0;
  size_t first_line = 0;  // 1-based line number in the log
  std::string first_message;
  std::vector<ConfigLink> links;
};

struct UnknownLine {
  size_t line;  // 1-based
  std::string text;
};

struct DiagnoseResult {
  size_t lines = 0;  // non-blank lines read
  size_t access_lines = 0;  // of which access-log lines
  std::vector<Diagnosis> diagnoses;
  std::vector<UnknownLine> unknown;
};

DiagnoseResult Diagnose(std::string_view log);

// Links each diagnosis to the *_pass directives of `analysis` whose backend
// is the diagnosis' upstream address (directly, or as a server of their
// upstream group).
void LinkToConfig(const Analysis& analysis, DiagnoseResult* result);

// What the linked diagnoses say each backend speaks, by backend key.
std::map<std::string, Protocol> Evidence(const DiagnoseResult& result);

// The causes of the linked diagnoses, by backend key.
std::map<std::string, std::vector<std::string>> LoggedCauses(
    const DiagnoseResult& result);

// Adds what `log` says about the backends of the configuration in `tree`
// (Diagnose, then LinkToConfig on an analysis of the tree with `options`)
// to options->evidence and options->logged_causes.
void AddEvidence(const SyntaxTree& tree, std::string_view log,
                 AnalysisOptions* options);
// The same from diagnoses already linked, for callers that show them too.
void AddEvidence(const DiagnoseResult& result, AnalysisOptions* options);

}  // namespace ngxfix

#endif  // NGXFIX_DIAGNOSE_DIAGNOSE_H_
