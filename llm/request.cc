// The request to the model: instructions (data/instructions.txt), then the
// facts ngxfix knows (nginx version, what each backend speaks, the rules'
// findings) and the redacted configuration.

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_writer.h"
#include "core/parser.h"
#include "llm/llm.h"

namespace ngxfix {

extern const std::string_view kLlmInstructions;

namespace {

constexpr int kMaxAnswerTokens = 8192;

std::string_view SourceName(BackendSource source) {
  switch (source) {
    case BackendSource::kOption: return "set by the user";
    case BackendSource::kAnnotation: return "from a # ngxfix: comment";
    case BackendSource::kEvidence: return "learnt from the error log";
    case BackendSource::kInferred: return "inferred";
  }
  return "";
}

// A fence longer than any run of backticks in the text, so that nothing in
// the configuration can close it.
std::string Fence(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char ch : text) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string UserMessage(std::string_view redacted, const CheckOptions& options) {
  SyntaxTree tree = Parse(std::string(redacted));
  Analysis analysis(tree, options.analysis);
  std::string out = "nginx version: " + analysis.version().ToString() +
                    (analysis.version_assumption().empty()
                         ? ""
                         : " (" + analysis.version_assumption() + ")") +
                    "\n";

  std::vector<std::string> seen;
  std::string backends;
  for (const Pass& pass : analysis.passes()) {
    if (!pass.protocol || std::find(seen.begin(), seen.end(), pass.backend) !=
                              seen.end()) {
      continue;
    }
    seen.push_back(pass.backend);
    backends += "- " + pass.backend + ": " +
                std::string(ProtocolName(pass.protocol->protocol)) + " (" +
                std::string(SourceName(pass.protocol->source)) + ")\n";
  }
  if (!backends.empty()) out += "\nWhat each backend speaks:\n" + backends;

  CheckResult checked = Check(tree, options);
  if (!checked.syntax.empty() || !checked.findings.empty()) {
    out += "\nWhat ngxfix found:\n";
  }
  for (const Diagnostic& d : checked.syntax) {
    out += "- line " + std::to_string(d.line) + ": syntax error: " +
           d.message + "\n";
  }
  for (const Finding& f : checked.findings) {
    out += "- line " + std::to_string(f.line) + " [" + f.rule + ", " +
           std::string(SeverityName(f.severity)) + "]: " + f.message + "\n";
  }

  std::string fence = Fence(redacted);
  out += "\nThe configuration:\n" + fence + "nginx\n" + std::string(redacted);
  if (!redacted.empty() && redacted.back() != '\n') out += "\n";
  return out + fence + "\n";
}

}  // namespace

LlmRequest BuildLlmRequest(const LlmSettings& settings,
                           std::string_view redacted,
                           const CheckOptions& options) {
  LlmRequest request;
  const LlmProvider* provider = FindLlmProvider(settings.provider);
  if (provider == nullptr) {
    request.error = "unknown provider \"" + settings.provider + "\"";
    return request;
  }
  if (settings.model.empty()) {
    request.error = "no model: name the model to ask";
    return request;
  }
  std::string base = settings.base_url.empty() ? std::string(provider->base_url)
                                               : settings.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  request.url = base + std::string(provider->path);
  request.headers.emplace_back("content-type", "application/json");
  for (const auto& [name, value] : provider->headers) {
    request.headers.emplace_back(name, value);
  }
  request.key_header = provider->key_header;
  request.key_prefix = provider->key_prefix;

  std::string user = UserMessage(redacted, options);
  nlohmann::ordered_json body;
  body["model"] = settings.model;
  if (provider->id == "anthropic") {
    body["max_tokens"] = kMaxAnswerTokens;
    body["system"] = kLlmInstructions;
    body["messages"] = {{{"role", "user"}, {"content", user}}};
  } else {
    body["messages"] = {{{"role", "system"}, {"content", kLlmInstructions}},
                        {{"role", "user"}, {"content", user}}};
  }
  body["temperature"] = 0;
  request.body = WriteJson(body, 2);
  return request;
}

std::string RedactName(std::string_view name, const RedactionMap& map) {
  // host:port, [v6]:port or an upstream name: the host is what the map has.
  if (name.empty()) return "";
  std::string_view host = name, port;
  size_t colon = name.rfind(':');
  if (colon != std::string_view::npos &&
      (name.front() != '[' || colon > name.rfind(']'))) {
    host = name.substr(0, colon);
    port = name.substr(colon);
  }
  bool bracketed = host.size() > 2 && host.front() == '[' && host.back() == ']';
  std::string_view bare = bracketed ? host.substr(1, host.size() - 2) : host;
  for (const RedactionEntry& entry : map.entries) {
    if (entry.original == bare) {
      return (bracketed ? "[" + entry.placeholder + "]" : entry.placeholder) +
             std::string(port);
    }
  }
  return std::string(name);
}

}  // namespace ngxfix
