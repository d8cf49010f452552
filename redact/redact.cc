// Redact(): find, cut to safe pieces, choose placeholders, replace, check.
//
//   1. Find: the configuration-aware detectors (directive_values.h), the
//      patterns over the whole text at once (detectors.h), the user's words.
//   2. Every other occurrence of a value found once is found too, in every
//      form a configuration writes it (originals.h), so that a hostname
//      named in server_name is also hidden in a comment, a certificate's
//      path and an escaped regex, and the password of URL credentials
//      wherever it is written again.
//   3. Overlaps are resolved and values cut to pieces that can be replaced
//      without changing the text's structure (pieces.h).
//   4. Placeholders are chosen (placeholders.h) and the text rebuilt.
//   5. Rehydrating the result must give the input back, byte for byte;
//      if it does not (a placeholder met text kept verbatim), the
//      placeholders are drawn again with a derived key.

#include <algorithm>
#include <cctype>
#include <random>
#include <thread>
#include <unordered_set>

#include "core/parser.h"
#include "redact/detectors.h"
#include "redact/directive_values.h"
#include "redact/edges.h"
#include "redact/literal_matcher.h"
#include "redact/originals.h"
#include "redact/pieces.h"
#include "redact/placeholders.h"
#include "redact/redact.h"
#include "redact/sensitive_words.h"

namespace ngxfix {
namespace {

using redact::Candidate;

constexpr int kAttempts = 8;

// Step 2: every other occurrence of the values found once, in every form
// and as the secret parts of composite secrets (originals.h).
void AddOtherOccurrences(std::string_view text, const std::vector<Candidate>& pieces,
                         std::vector<Candidate>* spans) {
  redact::OriginalForms forms;
  for (const Candidate& p : pieces) {
    forms.Add(text.substr(p.begin, p.end - p.begin), p.kind, p.detector);
  }
  forms.ForEach(text, [&](size_t b, size_t e, const redact::OriginalForms::Searched& s) {
    spans->push_back({uint32_t(b), uint32_t(e), s.kind, uint16_t(s.tag), s.form});
  });
}

std::vector<Candidate> FindPieces(const SyntaxTree& tree, const RedactOptions& options) {
  const std::string& text = tree.text();
  std::vector<Candidate> spans;
#if defined(__EMSCRIPTEN__)
  redact::FindDirectiveValues(tree, &spans);
  redact::FindCandidates(text, &spans);
#else
  if (text.size() >= redact::kParallelBytes) {
    // The same order as below: at the same span, a directive's value wins.
    std::vector<Candidate> candidates;
    std::thread patterns([&] { redact::FindCandidates(text, &candidates); });
    redact::FindDirectiveValues(tree, &spans);
    patterns.join();
    spans.insert(spans.end(), candidates.begin(), candidates.end());
  } else {
    redact::FindDirectiveValues(tree, &spans);
    redact::FindCandidates(text, &spans);
  }
#endif
  redact::FindSensitiveWords(text, options.sensitive_words, &spans);
  redact::DropKeptWords(text, options.keep_words, &spans);
  std::vector<Candidate> first = spans;
  redact::ResolveOverlaps(&first);
  AddOtherOccurrences(text, redact::SafePieces(tree, first), &spans);
  redact::DropKeptWords(text, options.keep_words, &spans);
  redact::ResolveOverlaps(&spans);
  return redact::SafePieces(tree, spans);
}

// Step 5 without building the rehydrated text: every stretch between
// placeholders, and every original, must be the next bytes of `text`.
bool RehydratesTo(std::string_view redacted, const RedactionMap& map, std::string_view text) {
  std::vector<redact::LiteralMatcher::Literal> literals;
  literals.reserve(map.entries.size());
  for (const RedactionEntry& e : map.entries) literals.push_back({e.placeholder, e.kind});
  size_t copied = 0, at = 0;
  bool same = true;
  auto next = [&](std::string_view part) {
    same = same && text.substr(at, part.size()) == part;
    at += part.size();
  };
  redact::LiteralMatcher(std::move(literals), redact::Edges::kPlaceholder)
      .ForEach(redacted, [&](size_t b, size_t e, size_t i) {
        next(redacted.substr(copied, b - copied));
        next(map.entries[i].original);
        copied = e;
      });
  next(redacted.substr(copied));
  return same && at == text.size();
}

// The values being redacted, and the longest of them, which bounds how
// far around a placeholder SpellsOriginal() looks.
struct Originals {
  std::unordered_set<std::string_view> values;
  size_t longest = 0;
};

// Whether a placeholder, with the text around it, spells an original: a
// parent name replaced inside a longer name (api.CORP.pvt ->
// api.frwuvzflk2.rfg) can make another value of the input, which the last
// gate would then find.  Looks at the name bytes around each placeholder,
// no further than the longest original reaches, at every piece that starts
// and ends between a letter or digit and something else, and asks
// Bounded() as the gate does.
bool SpellsOriginal(std::string_view out,
                    const std::vector<std::pair<size_t, size_t>>& placed,
                    const Originals& originals) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  auto in_name = [&](char c) { return alnum(c) || c == '.' || c == '-' || c == '_'; };
  for (auto [begin, end] : placed) {
    bool around = (begin > 0 && in_name(out[begin - 1])) ||
                  (end < out.size() && in_name(out[end]));
    if (!around || end - begin > originals.longest) continue;
    size_t reach = originals.longest - (end - begin);
    size_t from = begin, to = end;
    while (from > 0 && begin - from < reach && in_name(out[from - 1])) --from;
    while (to < out.size() && to - end < reach && in_name(out[to])) ++to;
    for (size_t b = from; b <= begin; ++b) {
      if (b > from && alnum(out[b - 1]) && alnum(out[b])) continue;
      for (size_t e = end; e <= to && e - b <= originals.longest; ++e) {
        if (e < to && alnum(out[e - 1]) && alnum(out[e])) continue;
        if (originals.values.count(out.substr(b, e - b)) &&
            redact::Bounded(out, b, e, RedactionKind::kHostname,
                            redact::Edges::kOriginal)) {
          return true;
        }
      }
    }
  }
  return false;
}

// Steps 4 and 5 with one key; false if the result does not rehydrate.
// `spells_original` says whether a placeholder with its neighbours makes
// an original (SpellsOriginal), which another key avoids.
bool Replace(const SyntaxTree& tree, const std::vector<Candidate>& pieces,
             redact::Placeholders& placeholders,
             const Originals& originals, RedactResult* result,
             bool* spells_original) {
  const std::string& text = tree.text();
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::vector<int> report_item;  // by entry index
  std::vector<std::pair<size_t, size_t>> placed;  // placeholders in `out`
  size_t copied = 0;
  for (const Candidate& p : pieces) {
    std::string_view original(text.data() + p.begin, p.end - p.begin);
    int entry = placeholders.For(p.kind, original, redact::DetectorId(p.detector), p.form);
    if (entry < 0) continue;
    out.append(text, copied, p.begin - copied);
    placed.emplace_back(out.size(), out.size() +
                                        placeholders.map().entries[entry].placeholder.size());
    out += placeholders.map().entries[entry].placeholder;
    copied = p.end;
    if (size_t(entry) >= report_item.size()) report_item.resize(entry + 1, -1);
    if (report_item[entry] < 0) {
      Position at = tree.position(p.begin);
      const auto& files = tree.files();
      uint16_t file = tree.file_at(p.begin);
      report_item[entry] = int(result->report.size());
      result->report.push_back({p.kind, std::string(redact::DetectorId(p.detector)),
                                placeholders.map().entries[entry].placeholder,
                                file < files.size() ? files[file].name : std::string(),
                                at.line, at.column, 0});
    }
    ++result->report[report_item[entry]].count;
  }
  out.append(text, copied, std::string::npos);
  if (!RehydratesTo(out, placeholders.map(), text)) return false;
  *spells_original = SpellsOriginal(out, placed, originals);
  result->text = std::move(out);
  result->map = placeholders.TakeMap();
  return true;
}

}  // namespace

RedactionKey RandomRedactionKey() {
  std::random_device device;
  RedactionKey key;
  for (size_t i = 0; i < key.size(); i += 4) {
    uint32_t r = device();
    for (size_t j = 0; j < 4; ++j) key[i + j] = uint8_t(r >> (8 * j));
  }
  return key;
}

RedactResult Redact(const SyntaxTree& tree, const RedactOptions& options) {
  const std::string& text = tree.text();
  std::vector<Candidate> pieces = FindPieces(tree, options);
  Originals originals;
  for (const Candidate& p : pieces) {
    originals.values.insert(std::string_view(text).substr(p.begin, p.end - p.begin));
    originals.longest = std::max(originals.longest, size_t(p.end - p.begin));
  }
  const RedactionKey key = options.key ? *options.key : RandomRedactionKey();
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    redact::Placeholders placeholders(key, attempt, text, originals.values);
    RedactResult result;
    bool last = attempt == kAttempts - 1;
    bool spells_original = false;
    if (Replace(tree, pieces, placeholders, originals, &result, &spells_original) &&
        ((!placeholders.address_met_original() && !spells_original) || last)) {
      return result;
    }
  }
  RedactResult failed;
  failed.error = "redaction could not choose placeholders that rehydrate "
                 "unambiguously; nothing was redacted";
  return failed;
}

RedactResult RedactText(std::string text, const RedactOptions& options) {
  return Redact(Parse(std::move(text)), options);
}

}  // namespace ngxfix
