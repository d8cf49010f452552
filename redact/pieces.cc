// Replaceable pieces of found values (see pieces.h).

#include "redact/pieces.h"

#include <algorithm>

namespace ngxfix::redact {
namespace {

struct Region {
  size_t begin, end;       // the bytes a placeholder may replace
  std::string_view delimiters;
  bool lua;
};

constexpr std::string_view kWordDelimiters = " \t\r\n\"';{}\\";
constexpr std::string_view kLuaDelimiters = " \t\r\n\"';{}[]\\";
constexpr std::string_view kLineEnds = "\r\n";

// Where placeholders may go inside token t.
Region ContentOf(const SyntaxTree& tree, const Token& t) {
  size_t b = t.offset, e = size_t(t.offset) + t.length;
  const std::string& text = tree.text();
  switch (t.kind) {
    case TokenKind::kWord:
      if (t.quote != Quote::kNone) {
        ++b;
        if (e > b && text[e - 1] == (t.quote == Quote::kDouble ? '"' : '\'')) --e;
      }
      return {b, e, kWordDelimiters, false};
    case TokenKind::kComment:
    case TokenKind::kDumpFraming:
      return {b + 1, e, kLineEnds, false};
    case TokenKind::kLuaBody:
      return {b, e, kLuaDelimiters, true};
    default:
      return {b, b, {}, false};
  }
}

bool IsDelimiter(const std::string& text, size_t i, std::string_view delimiters) {
  if (delimiters.find(text[i]) == std::string_view::npos) return false;
  // A backslash before a dot is part of an escaped hostname (api\.acme\.com).
  return !(text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '.');
}

bool Splittable(RedactionKind kind) {
  return kind == RedactionKind::kSecret || kind == RedactionKind::kWord;
}

void AddPieces(const std::string& text, const Candidate& span, const Region& region,
               std::vector<Candidate>* out) {
  size_t b = std::max<size_t>(span.begin, region.begin);
  size_t e = std::min<size_t>(span.end, region.end);
  if (b >= e) return;
  if (!Splittable(span.kind)) {
    if (b != span.begin || e != span.end) return;
    for (size_t i = b; i < e; ++i) {
      if (IsDelimiter(text, i, region.delimiters)) return;
    }
    out->push_back(span);
    return;
  }
  size_t start = b;
  auto flush = [&](size_t end) {
    if (region.lua) {  // keep '-' of "--" and '=' of long brackets
      while (start < end && (text[start] == '-' || text[start] == '=')) ++start;
      while (end > start && (text[end - 1] == '-' || text[end - 1] == '=')) --end;
    }
    if (end > start) out->push_back({uint32_t(start), uint32_t(end), span.kind, span.detector});
  };
  for (size_t i = b; i < e; ++i) {
    if (IsDelimiter(text, i, region.delimiters)) {
      flush(i);
      start = i + 1;
    }
  }
  flush(e);
}

}  // namespace

void ResolveOverlaps(std::vector<Candidate>* spans) {
  std::stable_sort(spans->begin(), spans->end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  size_t kept = 0;
  uint32_t covered = 0;
  for (const Candidate& c : *spans) {
    if (kept > 0 && c.begin < covered) continue;
    (*spans)[kept++] = c;
    covered = c.end;
  }
  spans->resize(kept);
}

std::vector<Candidate> SafePieces(const SyntaxTree& tree,
                                  const std::vector<Candidate>& spans) {
  const std::string& text = tree.text();
  const auto& tokens = tree.tokens();
  std::vector<Region> unparsed;
  for (const File& f : tree.files()) {
    if (f.unparsed_from != kNone) unparsed.push_back({f.unparsed_from, f.end, {}, false});
  }
  std::vector<Candidate> out;
  out.reserve(spans.size());
  for (const Candidate& span : spans) {
    auto t = std::partition_point(tokens.begin(), tokens.end(), [&](const Token& tok) {
      return size_t(tok.offset) + tok.length <= span.begin;
    });
    for (; t != tokens.end() && t->offset < span.end; ++t) {
      AddPieces(text, span, ContentOf(tree, *t), &out);
    }
    for (const Region& region : unparsed) AddPieces(text, span, region, &out);
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin < b.begin;
  });
  return out;
}

}  // namespace ngxfix::redact
