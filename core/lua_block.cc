#include "core/lua_block.h"

#include <algorithm>
#include <cstring>

namespace ngxfix {
namespace {

// Length of a long bracket "[", "="*, "[" at text[i], or 0 if there is none.
uint32_t LongBracketLength(std::string_view text, uint32_t i, uint32_t end) {
  if (i >= end || text[i] != '[') return 0;
  uint32_t j = i + 1;
  while (j < end && text[j] == '=') ++j;
  return j < end && text[j] == '[' ? j + 1 - i : 0;
}

uint32_t CountLines(std::string_view text, uint32_t from, uint32_t to) {
  return static_cast<uint32_t>(
      std::count(text.begin() + from, text.begin() + to, '\n'));
}

}  // namespace

LuaBodyScan ScanLuaBody(std::string_view text, uint32_t begin, uint32_t end,
                        uint32_t line) {
  LuaBodyScan scan{};
  uint32_t level = 1;
  uint32_t lines = 0;
  // lua-nginx-module reports a missing '}' on the line of the last '{'.
  uint32_t last_open_line = line;
  uint32_t last_open = begin - 1;

  uint32_t i = begin;
  while (i < end) {
    char ch = text[i];
    if (ch == '\n') {
      ++lines;
      ++i;
    } else if (ch == '{') {
      ++level;
      ++i;
      last_open_line = line + lines;
      last_open = i - 1;
    } else if (ch == '}') {
      if (--level == 0) {
        scan.ok = true;
        scan.close = i;
        scan.lines = lines;
        return scan;
      }
      ++i;
    } else if (ch == '"' || ch == '\'') {
      uint32_t j = i + 1;
      while (j < end && text[j] != ch) j += text[j] == '\\' ? 2 : 1;
      if (j >= end) break;  // an unterminated string runs to the end
      lines += CountLines(text, i, j);
      i = j + 1;
    } else if (ch == '[' || (ch == '-' && i + 1 < end && text[i + 1] == '-')) {
      uint32_t open = ch == '[' ? i : i + 2;
      uint32_t bracket = LongBracketLength(text, open, end);
      if (bracket == 0) {
        if (ch == '[') {
          ++i;
        } else {  // a line comment, up to (not including) the LF
          const void* lf = memchr(text.data() + i, '\n', end - i);
          i = lf ? static_cast<uint32_t>(static_cast<const char*>(lf) -
                                         text.data())
                 : end;
        }
        continue;
      }
      std::string closing(bracket, '=');
      closing.front() = ']';
      closing.back() = ']';
      size_t found = text.substr(0, end).find(closing, open + bracket);
      if (found == std::string_view::npos) {
        scan.error = "Lua code block missing the closing long bracket \"" +
                     closing + "\", the inlined Lua code may be too long";
        scan.error_offset = open;
        scan.error_line = line + lines + CountLines(text, i, open);
        scan.close = end;
        scan.lines = lines + CountLines(text, i, end);
        return scan;
      }
      uint32_t after = static_cast<uint32_t>(found) + bracket;
      lines += CountLines(text, i, after);
      i = after;
    } else {
      ++i;
    }
  }
  scan.error =
      "unexpected end of file, expecting terminating characters for lua code "
      "block";
  scan.error_offset = last_open;
  scan.error_line = last_open_line;
  scan.close = end;
  scan.lines = CountLines(text, begin, end);
  return scan;
}

}  // namespace ngxfix
