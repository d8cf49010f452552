// Classifies error-log lines with the tables of data/ (see diagnose.h):
// each message is matched against messages.tsv's patterns in order, the
// lines of one cause and upstream are counted together, and the upstream
// URL nginx logs (scheme://address/uri, the address resolved) is matched
// against the configuration's *_pass targets and upstream servers.

#include "diagnose/diagnose.h"

#include <algorithm>

#include "core/tsv.h"
#include "diagnose/access_log.h"
#include "diagnose/error_log.h"

namespace ngxfix {

extern const std::string_view kCausesTsv;
extern const std::string_view kMessagesTsv;
extern const std::string_view kAccessStatusesTsv;

namespace {

struct MessagePattern {
  std::string pattern;
  std::string phase;  // "*" for any
  const Cause* cause;
};

struct Tables {
  CauseTable causes;
  std::vector<MessagePattern> messages;
  std::vector<std::pair<std::string, const Cause*>> statuses;  // access log
};

const Cause* FindCause(const std::vector<Cause>& causes, std::string_view id) {
  for (const Cause& cause : causes) {
    if (cause.id == id) return &cause;
  }
  return nullptr;
}

Tables LoadTables() {
  Tables tables;
  std::string& error = tables.causes.error;
  for (const TsvRow& row : ReadTsv(kCausesTsv)) {
    const auto& f = row.cells;
    if (f.size() != 5) {
      error = "causes.tsv: a row with " + std::to_string(f.size()) +
              " fields instead of 5: " + std::string(row.at(0));
      return tables;
    }
    Cause cause{std::string(f[0]), std::string(f[1]), std::string(f[2]), {},
                std::string(f[4])};
    if (f[3] != "-") {
      for (std::string_view rule : Split(f[3], ',')) cause.rules.emplace_back(rule);
    }
    tables.causes.causes.push_back(std::move(cause));
  }
  for (const TsvRow& row : ReadTsv(kMessagesTsv)) {
    const Cause* cause = FindCause(tables.causes.causes, row.at(2));
    if (!cause) {
      error = "messages.tsv: no cause for the row of " + std::string(row.at(0));
      return tables;
    }
    tables.messages.push_back({std::string(row.at(0)), std::string(row.at(1)), cause});
  }
  for (const TsvRow& row : ReadTsv(kAccessStatusesTsv)) {
    const Cause* cause = FindCause(tables.causes.causes, row.at(1));
    if (!cause) {
      error = "access_statuses.tsv: no cause for status " + std::string(row.at(0));
      return tables;
    }
    tables.statuses.emplace_back(row.at(0), cause);
  }
  return tables;
}

const Tables& TheTables() {
  static const Tables tables = LoadTables();
  return tables;
}

// Whether `text` starts with `pattern`, where * in the pattern matches any
// text (the shortest that lets the rest match).
bool MatchesStart(std::string_view pattern, std::string_view text) {
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) return text.substr(0, pattern.size()) == pattern;
  if (text.substr(0, star) != pattern.substr(0, star)) return false;
  std::string_view rest = pattern.substr(star + 1);
  for (size_t at = star; at <= text.size(); ++at) {
    if (MatchesStart(rest, text.substr(at))) return true;
  }
  return false;
}

// "http://127.0.0.1:8080/path" -> {"http", "127.0.0.1:8080"}.
std::pair<std::string, std::string> SplitUrl(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {"", std::string(url)};
  std::string_view rest = url.substr(scheme_end + 3);
  return {std::string(url.substr(0, scheme_end)),
          std::string(rest.substr(0, rest.find('/')))};
}

// host:port with the scheme's default port, and localhost as nginx
// resolves it (the log holds addresses, the configuration often names).
std::string CanonicalAddress(std::string address, std::string_view scheme) {
  bool bracketed = !address.empty() && address[0] == '[';
  size_t colon = address.rfind(':');
  if (colon == std::string::npos || (bracketed && address.back() == ']')) {
    bool tls = scheme == "https" || scheme == "grpcs";
    address += tls ? ":443" : ":80";
    colon = address.rfind(':');
  }
  if (address.substr(0, colon) == "localhost") address = "127.0.0.1" + address.substr(colon);
  return address;
}

// The protocol a cause's evidence column gives for a backend reached with
// `scheme`.
std::optional<Protocol> EvidenceProtocol(const Cause& cause, std::string_view scheme) {
  if (cause.evidence == "http1") return Protocol::kHttp1;
  if (cause.evidence == "h2c") return Protocol::kH2c;
  if (cause.evidence == "cleartext") {
    if (scheme == "https") return Protocol::kHttp1;
    if (scheme == "grpcs") return Protocol::kGrpc;
  }
  return std::nullopt;
}

}  // namespace

const CauseTable& Causes() { return TheTables().causes; }

const Cause* ClassifyMessage(std::string_view message, std::string_view phase) {
  for (const MessagePattern& m : TheTables().messages) {
    if ((m.phase == "*" || m.phase == phase) && MatchesStart(m.pattern, message)) {
      return m.cause;
    }
  }
  return nullptr;
}

// The cause an access-log status names, or nullptr.
const Cause* ClassifyStatus(std::string_view status) {
  for (const auto& [known, cause] : TheTables().statuses) {
    if (known == status) return cause;
  }
  return nullptr;
}

DiagnoseResult Diagnose(std::string_view log) {
  DiagnoseResult result;
  size_t number = 0;
  for (std::string_view text : Split(log, '\n')) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++result.lines;
    std::optional<ErrorLogLine> line = ParseErrorLogLine(text);
    const Cause* cause = line ? ClassifyMessage(line->message, line->phase) : nullptr;
    std::optional<AccessLogLine> access = line ? std::nullopt : ParseAccessLogLine(text);
    if (access) {
      // A diagnosis when the status names a cause; counted either way.
      ++result.access_lines;
      cause = ClassifyStatus(access->status);
      line = ErrorLogLine{};
      line->message = "\"" + access->request + "\" " + access->status + " (access log)";
    }
    if (!cause) {
      if (!access) result.unknown.push_back({number, std::string(text)});
      continue;
    }
    auto same = std::find_if(result.diagnoses.begin(), result.diagnoses.end(),
                             [&](const Diagnosis& d) {
                               return d.cause == cause && d.upstream == line->upstream;
                             });
    if (same == result.diagnoses.end()) {
      result.diagnoses.push_back({cause, line->upstream, line->phase, 0, number,
                                  line->message, {}});
      same = result.diagnoses.end() - 1;
    }
    ++same->count;
  }
  return result;
}

void LinkToConfig(const Analysis& analysis, DiagnoseResult* result) {
  const SyntaxTree& tree = analysis.tree();
  auto word = [&](uint32_t node, size_t i) {
    std::vector<uint32_t> words = tree.words(tree.nodes()[node]);
    return i < words.size() ? tree.value(tree.tokens()[words[i]]) : std::string();
  };
  for (Diagnosis& d : result->diagnoses) {
    if (d.upstream.empty()) continue;
    auto [scheme, address] = SplitUrl(d.upstream);
    std::string wanted = CanonicalAddress(address, scheme);
    for (const Pass& pass : analysis.passes()) {
      if (pass.has_variables || pass.backend.empty()) continue;
      bool match = CanonicalAddress(pass.backend, pass.scheme) == wanted;
      if (!match && pass.upstream != kNone) {
        for (uint32_t server : analysis.Find(pass.upstream, "server")) {
          match |= CanonicalAddress(word(server, 1), pass.scheme) == wanted;
        }
      }
      if (!match) continue;
      const Node& node = tree.nodes()[pass.node];
      d.links.push_back({tree.files()[node.file].name,
                         tree.position(tree.begin_offset(node)).line,
                         pass.directive, pass.url, pass.backend});
    }
  }
}

std::map<std::string, Protocol> Evidence(const DiagnoseResult& result) {
  std::map<std::string, Protocol> evidence;
  for (const Diagnosis& d : result.diagnoses) {
    std::string scheme = SplitUrl(d.upstream).first;
    std::optional<Protocol> protocol = EvidenceProtocol(*d.cause, scheme);
    if (!protocol) continue;
    for (const ConfigLink& link : d.links) evidence[link.backend] = *protocol;
  }
  return evidence;
}

std::map<std::string, std::vector<std::string>> LoggedCauses(
    const DiagnoseResult& result) {
  std::map<std::string, std::vector<std::string>> causes;
  for (const Diagnosis& d : result.diagnoses) {
    for (const ConfigLink& link : d.links) {
      std::vector<std::string>& ids = causes[link.backend];
      if (std::find(ids.begin(), ids.end(), d.cause->id) == ids.end()) {
        ids.push_back(d.cause->id);
      }
    }
  }
  return causes;
}

void AddEvidence(const SyntaxTree& tree, std::string_view log,
                 AnalysisOptions* options) {
  DiagnoseResult result = Diagnose(log);
  LinkToConfig(Analysis(tree, *options), &result);
  AddEvidence(result, options);
}

void AddEvidence(const DiagnoseResult& result, AnalysisOptions* options) {
  for (auto& [backend, protocol] : Evidence(result)) {
    options->evidence[backend] = protocol;
  }
  for (auto& [backend, ids] : LoggedCauses(result)) {
    std::vector<std::string>& mine = options->logged_causes[backend];
    mine.insert(mine.end(), ids.begin(), ids.end());
  }
}

}  // namespace ngxfix
