// RE2's re2/unicode_groups.cc for the WebAssembly build: no groups.
//
// RE2's generator (re2/make_unicode_groups.py) writes a table of every
// Unicode script and general category, which \p{Greek} and \pL look up.  It
// is 17 KB of the page's 250 KB gzip'ed budget, and ngxfix's patterns use
// none of it: tests/redact/pattern_syntax_test.cc keeps them free of \p and
// \P, and of named groups, whose names RE2 checks against the categories.
// So scripts/lib/re2-wasm.sh builds RE2 for WebAssembly with this file in
// place of the generated one; there, a \p class is an RE2 syntax error
// ("invalid character class range"), never a wrong match.  Case folding,
// (?i), has its own table (unicode_casefold.cc), generated whole.  The native
// build links Debian's libre2, tables and all.

#include "re2/unicode_groups.h"

namespace re2 {

// C++ has no zero-length arrays; this entry is never looked at.
const UGroup unicode_groups[] = {{"", +1, nullptr, 0, nullptr, 0}};
const int num_unicode_groups = 0;

}  // namespace re2
