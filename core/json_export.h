// The syntax tree as JSON: ngxfix's own format, and crossplane's.
//
// ngxfix's format keeps positions (offset, line, column) for every directive
// and comment.  The crossplane format is what `crossplane parse` prints
// (status, errors, config[].parsed[] with directive, line, args, block), so
// tools built on crossplane can switch without changes.  Both keep their
// keys in the order crossplane prints them, and replace invalid UTF-8 with
// U+FFFD as crossplane does.  The formats, and where ours follows nginx
// rather than crossplane, are described in json_export.cc.

#ifndef NGXFIX_CORE_JSON_EXPORT_H_
#define NGXFIX_CORE_JSON_EXPORT_H_

#include "core/json_writer.h"
#include "core/syntax_tree.h"

namespace ngxfix {

void WriteTreeJson(const SyntaxTree& tree, JsonWriter& json);

struct CrossplaneOptions {
  bool include_comments = false;  // crossplane's --include-comments
};
void WriteCrossplane(const SyntaxTree& tree, JsonWriter& json,
                     const CrossplaneOptions& options = {});

}  // namespace ngxfix

#endif  // NGXFIX_CORE_JSON_EXPORT_H_
