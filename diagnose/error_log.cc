// Parses nginx's error-log lines (see error_log.h) from the right: the
// context fields come last, each ", KEY: VALUE" with the value quoted for
// request, upstream, host and referrer, and the phase is the last
// " while " before them.

#include "diagnose/error_log.h"

#include <array>
#include <cctype>

namespace ngxfix {
namespace {

constexpr std::array<std::string_view, 8> kLevels = {
    "emerg", "alert", "crit", "error", "warn", "notice", "info", "debug"};

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Reads "[LEVEL] " at the start of `rest`.
bool ReadLevel(std::string_view* rest, std::string* level) {
  if (rest->empty() || rest->front() != '[') return false;
  size_t close = rest->find(']');
  if (close == std::string_view::npos) return false;
  std::string_view name = rest->substr(1, close - 1);
  for (std::string_view known : kLevels) {
    if (name == known) {
      *level = name;
      rest->remove_prefix(close + 1);
      if (!rest->empty() && rest->front() == ' ') rest->remove_prefix(1);
      return true;
    }
  }
  return false;
}

// Splits ", client: ..., server: ..., request: "...", ..." off the end of
// `text` into `line`.  nginx writes them in this order, client first.
void SplitContext(std::string_view* text, ErrorLogLine* line) {
  size_t start = text->find(", client: ");
  if (start == std::string_view::npos) return;
  std::string_view context = text->substr(start + 2);
  *text = text->substr(0, start);
  while (!context.empty()) {
    size_t colon = context.find(": ");
    if (colon == std::string_view::npos) return;
    std::string_view key = context.substr(0, colon);
    context.remove_prefix(colon + 2);
    std::string_view value;
    if (!context.empty() && context.front() == '"') {
      size_t end = context.find("\", ", 1);
      if (end == std::string_view::npos) {
        end = context.size() - (context.back() == '"' ? 1 : 0);
      }
      value = context.substr(1, end - 1);
      context.remove_prefix(std::min(context.size(), end + 3));
    } else {
      size_t end = context.find(", ");
      value = context.substr(0, end);
      context.remove_prefix(end == std::string_view::npos ? context.size() : end + 2);
    }
    if (key == "client") line->client = value;
    if (key == "server") line->server = value;
    if (key == "request") line->request = value;
    if (key == "upstream") line->upstream = value;
    if (key == "host") line->host = value;
  }
}

// Splits " in FILE:LINE" off configuration errors.
void SplitFileLine(std::string_view* text, ErrorLogLine* line) {
  size_t in = text->rfind(" in ");
  if (in == std::string_view::npos) return;
  std::string_view where = text->substr(in + 4);
  size_t colon = where.rfind(':');
  if (colon == std::string_view::npos || !IsDigits(where.substr(colon + 1)) ||
      where.substr(colon + 1).size() > 9) {
    return;
  }
  line->file = where.substr(0, colon);
  line->file_line = static_cast<uint32_t>(std::stoul(std::string(where.substr(colon + 1))));
  *text = text->substr(0, in);
}

}  // namespace

std::optional<ErrorLogLine> ParseErrorLogLine(std::string_view rest) {
  while (!rest.empty() && (rest.back() == '\r' || rest.back() == '\n' ||
                           rest.back() == ' ')) {
    rest.remove_suffix(1);
  }
  ErrorLogLine line;
  if (rest.substr(0, 7) == "nginx: ") {
    rest.remove_prefix(7);
    if (!ReadLevel(&rest, &line.level)) return std::nullopt;
  } else {
    // "YYYY/MM/DD HH:MM:SS [level] PID#TID: "
    if (rest.size() < 20 || rest[4] != '/' || rest[7] != '/' ||
        rest[10] != ' ' || rest[13] != ':' || rest[16] != ':' ||
        rest[19] != ' ') {
      return std::nullopt;
    }
    line.time = rest.substr(0, 19);
    rest.remove_prefix(20);
    if (!ReadLevel(&rest, &line.level)) return std::nullopt;
    size_t colon = rest.find(": ");
    size_t hash = rest.find('#');
    if (colon == std::string_view::npos || hash > colon ||
        !IsDigits(rest.substr(0, hash)) ||
        !IsDigits(rest.substr(hash + 1, colon - hash - 1))) {
      return std::nullopt;
    }
    rest.remove_prefix(colon + 2);
    if (!rest.empty() && rest.front() == '*') {
      size_t space = rest.find(' ');
      std::string_view number = rest.substr(1, space - 1);
      if (IsDigits(number) && number.size() < 19) {
        line.connection = std::stoull(std::string(number));
        rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
      }
    }
  }
  SplitContext(&rest, &line);
  size_t whilst = rest.rfind(" while ");
  if (whilst != std::string_view::npos) {
    line.phase = rest.substr(whilst + 7);
    rest = rest.substr(0, whilst);
  } else {
    SplitFileLine(&rest, &line);
  }
  line.message = rest;
  return line;
}

}  // namespace ngxfix
