// Asking an LLM, with the user's own key, about what the rules do not cover;
// the model only ever sees redacted text.
//
//   1. BuildLlmRequest(): the request (URL, headers, JSON body) from the
//      redacted configuration, its findings and the settings, with the
//      instructions of data/instructions.txt.  The page shows the body
//      before anything is sent and adds the key header itself: the core
//      never sees the key.
//   2. CheckOutgoing(): the last gate.  Every string of the body is scanned
//      by every detector of redact/, and searched for every original value
//      of the redaction map; the page refuses to send when anything is found.
//   3. ReadLlmReply(): the API's answer (or its error) to the model's text.
//   4. ReadLlmAnswer(): the configuration in the answer, parsed, checked for
//      placeholders the map does not have, rehydrated to the user's real
//      values, diffed against the user's configuration and analyzed again.
//
// The HTTP call itself is the page's (fetch, with a timeout and Cancel).

#ifndef NGXFIX_LLM_LLM_H_
#define NGXFIX_LLM_LLM_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/check.h"
#include "core/diagnostic.h"
#include "redact/redact.h"

namespace ngxfix {

// A chat API the page can ask (data/providers.tsv).
struct LlmProvider {
  std::string_view id;        // "openai", "anthropic"
  std::string_view name;      // for the page
  std::string_view base_url;  // default; the user may set another
  std::string_view path;      // appended to the base URL
  std::string_view key_header;
  std::string_view key_prefix;  // "Bearer" or empty
  std::vector<std::pair<std::string_view, std::string_view>> headers;
};

std::span<const LlmProvider> LlmProviders();
// nullptr when no provider has this id.
const LlmProvider* FindLlmProvider(std::string_view id);

struct LlmSettings {
  std::string provider = "openai";
  std::string base_url;  // empty: the provider's default
  std::string model;
};

struct LlmRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // without the key
  std::string key_header;  // the page adds "key_header: key_prefix KEY"
  std::string key_prefix;
  std::string body;        // JSON, exactly what is sent
  std::string error;       // unknown provider, no model: nothing to send
};

// The request for `redacted`, the redacted configuration.  `options` are the
// user's settings with backend names already redacted (RedactName()): the
// rules run on the redacted text and their findings go into the prompt.
LlmRequest BuildLlmRequest(const LlmSettings& settings,
                           std::string_view redacted,
                           const CheckOptions& options);

// A backend name (an upstream name or host:port) as the redacted text
// spells it.
std::string RedactName(std::string_view name, const RedactionMap& map);

// What the last gate found in a request body: detections of redact/'s
// patterns, and originals of `map` in any form (detector
// "original:<detector>", with the kind of placeholder that should stand
// there).  `words` are the user's sensitive and keep words, as redaction
// had them (a value the user keeps is not a leak); its placeholders are
// `map`'s.  Lines count the body's strings, one a line (the body itself,
// when it is not JSON).  Empty: safe to send.
std::vector<Detection> CheckOutgoing(std::string_view body,
                                     const RedactionMap& map,
                                     ScanOptions words = {});

struct LlmReply {
  std::string text;  // the model's answer
  // Empty on success; otherwise one of "auth" (401), "forbidden" (403),
  // "rate-limit" (429), "server" (5xx), "request" (other 4xx), "malformed"
  // (a body that is not the API's answer).
  std::string error_kind;
  std::string error;  // what to tell the user, with the API's own message
};

LlmReply ReadLlmReply(const LlmSettings& settings, int http_status,
                      std::string_view body);

struct LlmAnswer {
  std::string error;        // no configuration in the answer
  std::string explanation;  // the answer's text around the configuration
  std::string config;       // the configuration, as the model wrote it
  std::vector<Diagnostic> syntax;  // of `config`
  // Words shaped like placeholders (REDACTED_..., redacted-word-N, a
  // hostname under a redacted domain) that the map does not have: the model
  // made them up, and rehydration cannot give them a real value.
  std::vector<std::string> unknown_placeholders;
  std::string fixed;          // `config` with the real values back
  std::string diff;           // original -> fixed, unified, real values
  std::string redacted_diff;  // redacted -> config, what the model changed
  std::vector<Finding> findings;  // of `fixed`
};

// `original` is the user's configuration, `redacted` what was sent.
LlmAnswer ReadLlmAnswer(std::string_view reply, std::string_view original,
                        std::string_view redacted, const RedactionMap& map,
                        const CheckOptions& options);

}  // namespace ngxfix

#endif  // NGXFIX_LLM_LLM_H_
