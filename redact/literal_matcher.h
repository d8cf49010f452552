// Finding many literal strings in a text at once, each only where it
// stands whole: the placeholders of a map (Rehydrate), and the originals
// that were found once (so that every other occurrence is redacted too).
//
// All literals go into one RE2 alternation matched leftmost-longest, so one
// pass over the text finds them; a match counts only if the bytes around it
// do not continue it (see Bounded()): "10.1.2.3" is not in "10.1.2.34", a
// hostname is not in a longer name.

#ifndef NGXFIX_REDACT_LITERAL_MATCHER_H_
#define NGXFIX_REDACT_LITERAL_MATCHER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "redact/edges.h"
#include "redact/redact.h"

namespace re2 {
class RE2;
}

namespace ngxfix::redact {

class LiteralMatcher {
 public:
  struct Literal {
    std::string_view text;  // must outlive the matcher
    RedactionKind kind;
  };
  LiteralMatcher(std::vector<Literal> literals, Edges edges);
  ~LiteralMatcher();

  // Calls visit(begin, end, literal index) for each whole occurrence, in
  // order, not overlapping.
  void ForEach(std::string_view text,
               const std::function<void(size_t, size_t, size_t)>& visit) const;

 private:
  std::vector<Literal> literals_;
  Edges edges_;
  std::unordered_map<std::string_view, size_t> index_;
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_LITERAL_MATCHER_H_
