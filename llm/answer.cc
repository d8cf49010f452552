// The model's answer: from the API's JSON to its text, and from its text to
// a configuration with the user's real values, its diff and its findings.

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/diff.h"
#include "core/parser.h"
#include "llm/llm.h"

namespace ngxfix {
namespace {

constexpr size_t kMaxQuotedBody = 300;

std::string ErrorKind(int status) {
  if (status == 401) return "auth";
  if (status == 403) return "forbidden";
  if (status == 429) return "rate-limit";
  if (status >= 500) return "server";
  return "request";
}

std::string_view ErrorWords(std::string_view kind) {
  if (kind == "auth") return "the API key was refused";
  if (kind == "forbidden") return "the key may not use this model or API";
  if (kind == "rate-limit") return "rate limit reached: wait, then send again";
  if (kind == "server") return "the API failed on its side: try again later";
  return "the API rejected the request";
}

// The API's own words: {"error": {"message": ...}} in both APIs, else the
// start of the body.
std::string ApiMessage(const nlohmann::ordered_json& json, std::string_view body) {
  if (json.is_object() && json.contains("error")) {
    const nlohmann::ordered_json& error = json["error"];
    if (error.is_object() && error.contains("message") &&
        error["message"].is_string()) {
      return error["message"].get<std::string>();
    }
    if (error.is_string()) return error.get<std::string>();
  }
  return std::string(body.substr(0, kMaxQuotedBody));
}

// The model's text: OpenAI's choices[0].message.content, or the text blocks
// of Anthropic's content.
std::optional<std::string> ModelText(const nlohmann::ordered_json& json,
                                     std::string_view provider) {
  if (!json.is_object()) return std::nullopt;
  if (provider == "anthropic") {
    if (!json.contains("content") || !json["content"].is_array()) {
      return std::nullopt;
    }
    std::string text;
    for (const nlohmann::ordered_json& block : json["content"]) {
      if (block.is_object() && block.value("type", "") == "text" &&
          block.contains("text") && block["text"].is_string()) {
        text += block["text"].get<std::string>();
      }
    }
    return text;
  }
  const nlohmann::ordered_json* content = nullptr;
  if (json.contains("choices") && json["choices"].is_array() &&
      !json["choices"].empty() && json["choices"][0].is_object() &&
      json["choices"][0].contains("message") &&
      json["choices"][0]["message"].is_object()) {
    const nlohmann::ordered_json& message = json["choices"][0]["message"];
    if (message.contains("content")) content = &message["content"];
  }
  if (content == nullptr || !content->is_string()) return std::nullopt;
  return content->get<std::string>();
}

struct Fenced {
  size_t begin = std::string_view::npos;  // the opening fence line
  size_t end = 0;                          // past the closing fence line
  std::string_view content;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

size_t Backticks(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == '`') ++n;
  return n;
}

// The configuration block: the first fenced block tagged nginx (or conf),
// else the first untagged one.
std::optional<Fenced> FindConfigBlock(std::string_view text) {
  std::optional<Fenced> tagged, untagged;
  size_t pos = 0;
  while (pos < text.size() && !tagged) {
    size_t eol = text.find('\n', pos);
    size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    std::string_view line = text.substr(pos, next - pos);
    std::string_view stripped = line.substr(
        std::min(line.find_first_not_of(' '), std::min<size_t>(3, line.size())));
    size_t fence = Backticks(stripped);
    if (fence < 3) {
      pos = next;
      continue;
    }
    std::string info(Trim(stripped.substr(fence)));
    std::transform(info.begin(), info.end(), info.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    // The block runs to a line of at least as many backticks, or the end.
    size_t body = next, close = next;
    Fenced block;
    block.begin = pos;
    block.end = text.size();
    while (close < text.size()) {
      size_t close_eol = text.find('\n', close);
      size_t close_next =
          close_eol == std::string_view::npos ? text.size() : close_eol + 1;
      std::string_view candidate = Trim(text.substr(close, close_next - close));
      if (Backticks(candidate) >= fence &&
          Backticks(candidate) == candidate.size()) {
        block.end = close_next;
        break;
      }
      close = close_next;
    }
    block.content = text.substr(body, std::min(close, text.size()) - body);
    if (info == "nginx" || info == "conf" || info == "nginxconf") {
      tagged = block;
    } else if (info.empty() && !untagged) {
      untagged = block;
    }
    pos = block.end;
  }
  return tagged ? tagged : untagged;
}

bool IsHostByte(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.';
}

std::vector<std::string_view> Labels(std::string_view host) {
  std::vector<std::string_view> labels;
  for (size_t start = 0;;) {
    size_t dot = host.find('.', start);
    labels.push_back(host.substr(start, dot - start));
    if (dot == std::string_view::npos) return labels;
    start = dot + 1;
  }
}

// Words of `config` shaped like placeholders that `map` does not have.
std::vector<std::string> UnknownPlaceholders(std::string_view config,
                                             const RedactionMap& map) {
  auto known = [&](std::string_view word) {
    return std::any_of(map.entries.begin(), map.entries.end(),
                       [&](const RedactionEntry& e) { return e.placeholder == word; });
  };
  // Labels that redaction made up for hostnames: a hostname that has one
  // and is not a placeholder was made up by the model.
  std::vector<std::string_view> made_up;
  for (const RedactionEntry& e : map.entries) {
    if (e.kind != RedactionKind::kHostname) continue;
    std::vector<std::string_view> mine = Labels(e.placeholder);
    std::vector<std::string_view> theirs = Labels(e.original);
    for (size_t i = 0; i < mine.size(); ++i) {
      if (i >= theirs.size() || mine[i] != theirs[i]) made_up.push_back(mine[i]);
    }
  }
  std::vector<std::string> unknown;
  auto report = [&](std::string_view word) {
    if (!known(word) &&
        std::find(unknown.begin(), unknown.end(), word) == unknown.end()) {
      unknown.emplace_back(word);
    }
  };
  for (size_t i = 0; i < config.size();) {
    if (!IsHostByte(config[i]) && config[i] != '_') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < config.size() && (IsHostByte(config[end]) || config[end] == '_')) {
      ++end;
    }
    std::string_view word = config.substr(i, end - i);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.rfind("REDACTED_", 0) == 0 || word.rfind("redacted-word-", 0) == 0) {
      report(word);
    } else if (word.find('.') != std::string_view::npos) {
      for (std::string_view label : Labels(word)) {
        if (std::find(made_up.begin(), made_up.end(), label) != made_up.end()) {
          report(word);
          break;
        }
      }
    }
    i = end;
  }
  return unknown;
}

std::string UnifiedDiff(std::string_view before, std::string_view after) {
  return FormatUnifiedDiff("nginx.conf", DiffLines(before, after));
}

}  // namespace

LlmReply ReadLlmReply(const LlmSettings& settings, int http_status,
                      std::string_view body) {
  LlmReply reply;
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (http_status < 200 || http_status > 299) {
    reply.error_kind = ErrorKind(http_status);
    reply.error = "HTTP " + std::to_string(http_status) + ": " +
                  std::string(ErrorWords(reply.error_kind)) + " (" +
                  ApiMessage(json, body) + ")";
    return reply;
  }
  std::optional<std::string> text = ModelText(json, settings.provider);
  if (!text) {
    reply.error_kind = "malformed";
    reply.error = "the answer is not a " + settings.provider +
                  " chat answer: " + std::string(body.substr(0, kMaxQuotedBody));
    return reply;
  }
  reply.text = std::move(*text);
  return reply;
}

LlmAnswer ReadLlmAnswer(std::string_view reply, std::string_view original,
                        std::string_view redacted, const RedactionMap& map,
                        const CheckOptions& options) {
  LlmAnswer answer;
  std::optional<Fenced> block = FindConfigBlock(reply);
  if (!block) {
    answer.error = "the answer has no ```nginx block with a configuration";
    answer.explanation = std::string(Trim(reply));
    return answer;
  }
  answer.explanation = std::string(Trim(reply.substr(0, block->begin)));
  std::string_view after = Trim(reply.substr(block->end));
  if (!after.empty()) {
    if (!answer.explanation.empty()) answer.explanation += "\n\n";
    answer.explanation += after;
  }
  answer.config = std::string(block->content);
  answer.syntax = Parse(answer.config).diagnostics();
  answer.unknown_placeholders = UnknownPlaceholders(answer.config, map);
  answer.fixed = Rehydrate(answer.config, map);
  answer.diff = UnifiedDiff(original, answer.fixed);
  answer.redacted_diff = UnifiedDiff(redacted, answer.config);
  answer.findings = Check(Parse(answer.fixed), options).findings;
  return answer;
}

}  // namespace ngxfix
