// Parsing nginx configuration text into a lossless SyntaxTree.
//
// The tokenizer is a port of ngx_conf_read_token() (src/core/ngx_conf_file.c)
// and the block structure follows ngx_conf_parse(), so that what nginx
// accepts is accepted, and what nginx rejects for its syntax is reported with
// nginx's words on nginx's line.  Unlike nginx, parsing goes on after an
// error, so that the rest of the tree stays usable.
//
// Input may be a whole file, a snippet (blocks or loose directives without
// their surroundings: nginx's contexts are not checked here), or an
// `nginx -T` dump, which is split into its files.

#ifndef NGXFIX_CORE_PARSER_H_
#define NGXFIX_CORE_PARSER_H_

#include <cstddef>
#include <string>

#include "core/syntax_tree.h"

namespace ngxfix {

// Limits that keep hostile input from exhausting memory or the stack of
// recursive consumers.  Exceeding one is an error, never a crash.
inline constexpr size_t kMaxInputBytes = 16u << 20;  // 16 MiB
inline constexpr int kMaxBlockDepth = 256;
// nginx stops at its first error; past this many, the rest are one
// "too many errors" diagnostic, so that hostile input stays cheap.
inline constexpr size_t kMaxDiagnostics = 1000;

struct ParseOptions {
  // The file name used in diagnostics of a plain (non-dump) input.
  std::string file_name = "-";
  // Recognize an `nginx -T` dump and split it into its files.
  bool split_dump = true;
};

SyntaxTree Parse(std::string text, const ParseOptions& options = {});

}  // namespace ngxfix

#endif  // NGXFIX_CORE_PARSER_H_
