#include "core/diff.h"

#include <algorithm>

namespace ngxfix {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t eol = text.find('\n', begin);
    size_t end = eol == std::string_view::npos ? text.size() : eol + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

// Beyond this many differing lines the diff is a plain replacement of the
// differing middle: still correct, and memory stays O(kMaxEdits^2).
constexpr int kMaxEdits = 2048;

// Myers' O(ND) algorithm over a[a_begin, a_begin + n) and
// b[b_begin, b_begin + m); returns the edit script as ' ', '-', '+'.
std::vector<char> EditScript(const std::vector<std::string_view>& a,
                             size_t a_begin, int n,
                             const std::vector<std::string_view>& b,
                             size_t b_begin, int m) {
  // v[k] is the furthest x on diagonal k; trace[d] keeps v[-d..d] for the
  // walk back.
  const int max = std::min(n + m, kMaxEdits);
  std::vector<int> v(2 * max + 3, 0);
  const int offset = max + 1;
  std::vector<std::vector<int>> trace;
  int found_d = -1;
  for (int d = 0; d <= max && found_d < 0; ++d) {
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[a_begin + x] == b[b_begin + y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  std::vector<char> script;
  if (found_d < 0) {
    script.assign(n, '-');
    script.insert(script.end(), m, '+');
    return script;
  }
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    // trace[d] holds v[-d..d] as it was before step d; index k is k + d.
    const std::vector<int>& pv = trace[d];
    auto at = [&](int k) { return pv[k + d]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int prev_x = at(prev_k);
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      script.push_back(' ');
      --x, --y;
    }
    script.push_back(x == prev_x ? '+' : '-');
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    script.push_back(' ');
    --x, --y;
  }
  std::reverse(script.begin(), script.end());
  return script;
}

// Where two runs of lines agree again after a difference: the first kAnchor
// lines from a_at and b_at are equal (or both runs end on equal lines).
constexpr size_t kAnchor = 3;
// How far (lines removed plus lines added) a difference is looked past for
// agreement; past that, the rest is one difference for EditScript().
constexpr size_t kResyncWindow = 1024;

bool Agrees(const std::vector<std::string_view>& a, size_t a_at, size_t a_end,
            const std::vector<std::string_view>& b, size_t b_at, size_t b_end) {
  for (size_t k = 0; k < kAnchor; ++k, ++a_at, ++b_at) {
    if (a_at == a_end || b_at == b_end) return a_at == a_end && b_at == b_end;
    if (a[a_at] != b[b_at]) return false;
  }
  return true;
}

// The edit script of a[a_begin, a_end) against b[b_begin, b_end).  Fixes
// change a few lines here and there in long files, more than Myers'
// algorithm can afford over a whole file (kMaxEdits), so equal lines are
// walked over and each difference is diffed on its own, from where the
// lines part to where they agree again.
std::vector<char> AnchoredScript(const std::vector<std::string_view>& a,
                                 size_t a_begin, size_t a_end,
                                 const std::vector<std::string_view>& b,
                                 size_t b_begin, size_t b_end) {
  std::vector<char> script;
  size_t i = a_begin, j = b_begin;
  while (i < a_end || j < b_end) {
    if (i < a_end && j < b_end && a[i] == b[j]) {
      script.push_back(' ');
      ++i, ++j;
      continue;
    }
    // The smallest removed + added (p + q) after which the lines agree.
    size_t left = (a_end - i) + (b_end - j);
    size_t removed = a_end - i, added = b_end - j;
    for (size_t s = 1; s < left && s <= kResyncWindow; ++s) {
      bool found = false;
      for (size_t p = 0; p <= s && !found; ++p) {
        size_t q = s - p;
        if (p > a_end - i || q > b_end - j) continue;
        if (Agrees(a, i + p, a_end, b, j + q, b_end)) {
          removed = p, added = q;
          found = true;
        }
      }
      if (found) break;
    }
    std::vector<char> part =
        EditScript(a, i, static_cast<int>(removed), b, j, static_cast<int>(added));
    script.insert(script.end(), part.begin(), part.end());
    i += removed, j += added;
  }
  return script;
}

}  // namespace

std::vector<Hunk> DiffLines(std::string_view before, std::string_view after,
                            int context) {
  std::vector<std::string_view> a = SplitLines(before);
  std::vector<std::string_view> b = SplitLines(after);

  // Only the middle, between the common first and last lines, is diffed.
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<char> script(prefix, ' ');
  std::vector<char> middle = AnchoredScript(a, prefix, a.size() - suffix, b,
                                            prefix, b.size() - suffix);
  script.insert(script.end(), middle.begin(), middle.end());
  script.insert(script.end(), suffix, ' ');

  // Group changes into hunks with `context` lines around them.
  std::vector<Hunk> hunks;
  size_t i = 0, ai = 0, bi = 0;
  while (i < script.size()) {
    if (script[i] == ' ') {
      ++i, ++ai, ++bi;
      continue;
    }
    size_t lead = std::min<size_t>(context, ai);
    Hunk hunk{static_cast<int>(ai - lead), 0, static_cast<int>(bi - lead), 0,
              {}};
    for (size_t c = lead; c > 0; --c) {
      hunk.lines.push_back({' ', a[ai - c]});
    }
    hunk.old_count = hunk.new_count = static_cast<int>(lead);
    // Extend while the next change is within 2 * context lines.
    while (i < script.size()) {
      if (script[i] == '-') {
        hunk.lines.push_back({'-', a[ai++]});
        ++hunk.old_count;
        ++i;
      } else if (script[i] == '+') {
        hunk.lines.push_back({'+', b[bi++]});
        ++hunk.new_count;
        ++i;
      } else {
        size_t run = 0;
        while (i + run < script.size() && script[i + run] == ' ') ++run;
        bool last = i + run == script.size();
        size_t keep = last || run > 2 * static_cast<size_t>(context)
                          ? std::min<size_t>(run, context)
                          : run;
        for (size_t c = 0; c < keep; ++c) {
          hunk.lines.push_back({' ', a[ai + c]});
        }
        hunk.old_count += static_cast<int>(keep);
        hunk.new_count += static_cast<int>(keep);
        if (keep < run || last) {
          i += run, ai += run, bi += run;
          break;
        }
        i += run, ai += run, bi += run;
      }
    }
    // diff(1) numbers an empty range by the line before it.
    hunk.old_start += hunk.old_count > 0 ? 1 : 0;
    hunk.new_start += hunk.new_count > 0 ? 1 : 0;
    hunks.push_back(std::move(hunk));
  }
  return hunks;
}

void WriteUnifiedDiff(Output& out, std::string_view path,
                      const std::vector<Hunk>& hunks) {
  if (hunks.empty()) return;
  out.Append("--- a/");
  out.Append(path);
  out.Append("\n+++ b/");
  out.Append(path);
  out.Append('\n');
  auto range = [&](int start, int count) {
    out.Append(std::to_string(start));
    if (count != 1) {
      out.Append(',');
      out.Append(std::to_string(count));
    }
  };
  for (const Hunk& hunk : hunks) {
    out.Append("@@ -");
    range(hunk.old_start, hunk.old_count);
    out.Append(" +");
    range(hunk.new_start, hunk.new_count);
    out.Append(" @@\n");
    for (const DiffLine& line : hunk.lines) {
      out.Append(line.kind);
      out.Append(line.text);
      if (line.text.empty() || line.text.back() != '\n') {
        out.Append("\n\\ No newline at end of file\n");
      }
    }
  }
}

std::string FormatUnifiedDiff(std::string_view path,
                              const std::vector<Hunk>& hunks) {
  std::string text;
  {
    Output out(&text);
    WriteUnifiedDiff(out, path, hunks);
  }
  return text;
}

}  // namespace ngxfix
