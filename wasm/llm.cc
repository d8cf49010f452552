// The LLM assist's WebAssembly entry points (llm/llm.h), JSON in, JSON out,
// with the result-buffer protocol of result.h.  The page does the HTTP call
// itself (fetch, with the key it never hands to the core); these calls build
// what it sends and read what comes back.
//
//   ngxfix_llm_prepare({provider, base_url, model, redacted, map,
//                       nginx_version, backends, sensitive_words, keep_words})
//     -> {url, headers: [[name, value]], key_header, key_prefix, body,
//         leaks: [{detector, kind, line, column}], error}
//     `redacted` and `map` are the page's current redacted view (analyze()'s
//     redaction.config and .map), so the model sees the placeholders the
//     preview shows, and the words are those analyze() redacted with.
//     `leaks` is the last gate (CheckOutgoing) over `body`:
//     not empty means the page must not send it.  A leak names where, not
//     what: the value itself stays out of the result.
//   ngxfix_llm_answer({provider, status, body, original, redacted, map,
//                      nginx_version, backends})
//     -> {error_kind, error, explanation, config, syntax, unknown_placeholders,
//         fixed, diff, redacted_diff, findings}, with syntax errors and
//         findings as `ngxfix check --format json` writes them (file "")
//     `status` and `body` are the API's HTTP answer; error_kind is
//     ReadLlmReply's ("auth", "forbidden", "rate-limit", "server",
//     "request", "malformed") or "no-config" when the answer holds no
//     ```nginx block.
//
// `backends` ({NAME: PROTO}, real names) are redacted with RedactName() for
// the prompt, whose rules run on the redacted text, and used as they are for
// the findings of the rehydrated answer.

#include <emscripten/emscripten.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/check.h"
#include "core/finding.h"
#include "core/report.h"
#include "llm/llm.h"
#include "redact/redact.h"
#include "wasm/options.h"
#include "wasm/result.h"

namespace ngxfix::wasm {
namespace {

using Json = nlohmann::ordered_json;

// What both calls read: the settings, the redacted view and its map, the
// check options with real backend names, and the user's redaction words.
struct LlmInput {
  Json json;
  LlmSettings settings;
  RedactionMap map;
  CheckOptions options;
  ScanOptions words;
};

// The string at `key` ("" when absent); false when it is not a string.
bool ReadString(const Json& j, const char* key, std::string* out) {
  if (!j.contains(key)) return true;
  if (!j[key].is_string()) return false;
  *out = j[key].get<std::string>();
  return true;
}

std::optional<LlmInput> ReadInput(const std::string& text, std::string* error) {
  LlmInput in;
  in.json = Json::parse(text, nullptr, false);
  const Json& j = in.json;
  if (j.is_discarded() || !j.is_object()) {
    *error = "the input must be a JSON object";
    return std::nullopt;
  }
  for (const char* key : {"provider", "base_url", "model", "redacted", "original",
                          "body"}) {
    if (j.contains(key) && !j[key].is_string()) {
      *error = std::string(key) + " takes a string";
      return std::nullopt;
    }
  }
  ReadString(j, "provider", &in.settings.provider);
  ReadString(j, "base_url", &in.settings.base_url);
  ReadString(j, "model", &in.settings.model);
  if (!j.contains("map") || !j["map"].is_object()) {
    *error = "map takes the redaction map ({\"entries\": [...]})";
    return std::nullopt;
  }
  std::optional<RedactionMap> map = RedactionMapFromJson(Dump(j["map"]), error);
  if (!map) {
    *error = "bad redaction map: " + *error;
    return std::nullopt;
  }
  in.map = std::move(*map);
  if (!ReadAnalysisOptions(j, &in.options.analysis, error) ||
      !ReadRedactionWords(j, &in.words.sensitive_words, &in.words.keep_words, error)) {
    return std::nullopt;
  }
  return in;
}

std::string Text(const LlmInput& in, const char* key) {
  std::string out;
  ReadString(in.json, key, &out);
  return out;
}

Json Prepare(const LlmInput& in) {
  std::string redacted = Text(in, "redacted");
  CheckOptions options = in.options;
  for (BackendOption& backend : options.analysis.backends) {
    backend.name = RedactName(backend.name, in.map);
  }
  LlmRequest request = BuildLlmRequest(in.settings, redacted, options);
  Json out = {{"error", request.error}};
  if (!request.error.empty()) return out;
  Json headers = Json::array();
  for (const auto& [name, value] : request.headers) {
    headers.push_back(Json::array({name, value}));
  }
  Json leaks = Json::array();
  for (const Detection& d : CheckOutgoing(request.body, in.map, in.words)) {
    leaks.push_back({{"detector", d.detector},
                     {"kind", RedactionKindName(d.kind)},
                     {"line", d.line},
                     {"column", d.column}});
  }
  out["url"] = std::move(request.url);
  out["headers"] = std::move(headers);
  out["key_header"] = std::move(request.key_header);
  out["key_prefix"] = std::move(request.key_prefix);
  out["body"] = std::move(request.body);
  out["leaks"] = std::move(leaks);
  return out;
}

void Answer(const LlmInput& in, JsonWriter& out) {
  int status = in.json.contains("status") && in.json["status"].is_number_integer()
                   ? in.json["status"].get<int>()
                   : 0;
  LlmReply reply = ReadLlmReply(in.settings, status, Text(in, "body"));
  out.BeginObject();
  if (!reply.error_kind.empty()) {
    out.Key("error_kind").String(reply.error_kind);
    out.Key("error").String(reply.error);
    out.EndObject();
    return;
  }
  LlmAnswer answer = ReadLlmAnswer(reply.text, Text(in, "original"),
                                   Text(in, "redacted"), in.map, in.options);
  out.Key("error_kind").String(answer.error.empty() ? reply.error_kind : "no-config");
  out.Key("error").String(answer.error.empty() ? reply.error : answer.error);
  out.Key("explanation").String(answer.explanation);
  out.Key("config").String(answer.config);
  // The answer is one configuration, the LLM's: no file names.
  out.Key("syntax").BeginArray();
  for (const Diagnostic& d : answer.syntax) {
    out.BeginObject();
    WriteDiagnosticMembers(out, d, "");
    out.EndObject();
  }
  out.EndArray();
  out.Key("unknown_placeholders").BeginArray();
  for (const std::string& p : answer.unknown_placeholders) out.String(p);
  out.EndArray();
  out.Key("fixed").String(answer.fixed);
  out.Key("diff").String(answer.diff);
  out.Key("redacted_diff").String(answer.redacted_diff);
  out.Key("findings").BeginArray();
  for (const Finding& f : answer.findings) {
    out.BeginObject();
    WriteFindingMembers(out, f, "");
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

// Reads the input and runs `call` on it: a bad input is a failed call.
template <typename Call>
Result* Run(char* json, uint32_t size, Call call) {
  std::string error;
  std::optional<LlmInput> in = ReadInput(Adopt(json, size), &error);
  if (!in) return Fail(error);
  return new Result{JsonText([&](JsonWriter& out) { call(*in, out); }), kOk};
}

}  // namespace
}  // namespace ngxfix::wasm

extern "C" {

// `json` is a malloc()ed buffer the call takes over.
EMSCRIPTEN_KEEPALIVE ngxfix::wasm::Result* ngxfix_llm_prepare(char* json,
                                                              uint32_t size) {
  return ngxfix::wasm::Run(json, size,
                           [](const ngxfix::wasm::LlmInput& in, ngxfix::JsonWriter& out) {
                             out.Value(ngxfix::wasm::Prepare(in));
                           });
}

// `json` is a malloc()ed buffer the call takes over.
EMSCRIPTEN_KEEPALIVE ngxfix::wasm::Result* ngxfix_llm_answer(char* json,
                                                             uint32_t size) {
  return ngxfix::wasm::Run(json, size, ngxfix::wasm::Answer);
}

}  // extern "C"
