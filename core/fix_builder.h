// Building the edits of a fix in the style of the file around them: new
// directives go on their own lines with the indentation of their neighbours
// and the file's line endings; words are quoted only when nginx needs it.

#ifndef NGXFIX_CORE_FIX_BUILDER_H_
#define NGXFIX_CORE_FIX_BUILDER_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit.h"
#include "core/style.h"
#include "core/syntax_tree.h"

namespace ngxfix {

class FixBuilder {
 public:
  // `style` is the file's, from Analysis::Style().
  FixBuilder(const SyntaxTree& tree, const FileStyle& style)
      : tree_(tree), style_(style) {}

  // "name arg ...;" with each word quoted only if it must be.
  std::string Statement(std::initializer_list<std::string_view> words) const;

  // New statements on their own lines right after `node` (or inline after
  // it when more text follows on its line).
  Edit InsertAfter(const Node& node,
                   const std::vector<std::string>& statements) const;
  // New statements on their own lines right before `node`.
  Edit InsertBefore(const Node& node,
                    const std::vector<std::string>& statements) const;
  // Replaces the whole node (from its first token to its last) with `text`.
  Edit Replace(const Node& node, std::string text) const;
  // Replaces one token.
  Edit ReplaceToken(uint32_t token, std::string text) const;
  // Removes a node, and its line when nothing else stands on it.
  Edit Remove(const Node& node) const;

  const FileStyle& style() const { return style_; }

 private:
  const SyntaxTree& tree_;
  const FileStyle& style_;
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_FIX_BUILDER_H_
