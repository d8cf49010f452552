// check and fix over every file of ../shared/corpus (real configurations
// from other projects): fix never fails, is idempotent, leaves the syntax
// as sound as it found it, changes nothing where there is no fixable finding,
// and unknown-directive reports only the files that are broken on purpose.

#include <gtest/gtest.h>

#include <set>

#include "core/check.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using testing::CorpusDir;
using testing::CorpusFiles;
using testing::ReadFile;

// Files whose unknown directives are the point of the file (see each
// project's tests): typos, garbage that must never be included, prose.
const std::set<std::string> kBrokenOnPurpose = {
    "crossplane/spelling-mistake/nginx.conf",
    "go-crossplane/spelling-mistake/nginx.conf",
    "crossplane/quote-behavior/nginx.conf",
    "go-crossplane/quote-behavior/nginx.conf",
    "crossplane/includes-regular/conf.d/bar.conf",
    "crossplane/includes-regular/conf.d/foo.conf",
    "go-crossplane/includes-regular/conf.d/bar.conf",
    "go-crossplane/includes-regular/conf.d/foo.conf",
    "crossplane/includes-globbed/servers/locations/not-included.conf",
    "go-crossplane/includes-globbed/servers/locations/not-included.conf",
    "go-crossplane/broken1/nginx2.conf",
};

size_t Errors(const SyntaxTree& tree) {
  size_t errors = 0;
  for (const Diagnostic& d : tree.diagnostics()) {
    errors += d.severity == Severity::kError;
  }
  return errors;
}

TEST(CorpusFix, FixIsIdempotentAndChangesOnlyWhatFindingsFix) {
  std::string corpus = CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus is absent";
  CheckOptions options;
  options.analysis.nginx_version = NginxVersion{1, 29, 7};
  int files = 0, changed = 0, findings = 0;
  for (const std::string& path : CorpusFiles(corpus)) {
    SCOPED_TRACE(path);
    std::string relative = path.substr(corpus.size() + 1);
    std::string text = ReadFile(path);
    ParseOptions parse_options{relative};
    FixResult fix = Fix(text, parse_options, options);
    ++files;
    findings += static_cast<int>(fix.findings.size());

    bool fixable = false;
    for (const Finding& f : fix.findings) {
      fixable |= !f.edits.empty() && f.severity != FindingSeverity::kInfo;
      if (f.rule == "unknown-directive") {
        EXPECT_TRUE(kBrokenOnPurpose.count(relative))
            << "unknown directive at line " << f.line << ": " << f.message;
      }
    }
    if (!fixable) {
      EXPECT_EQ(fix.fixed, text) << "changed without a fixable finding";
      continue;
    }
    if (fix.fixed != text) ++changed;
    EXPECT_LE(Errors(Parse(fix.fixed, parse_options)),
              Errors(Parse(text, parse_options)));
    EXPECT_EQ(Fix(fix.fixed, parse_options, options).fixed, fix.fixed)
        << "fix is not idempotent";
  }
  std::cout << files << " corpus files checked and fixed for nginx 1.29.7: "
            << findings << " findings, " << changed << " files changed\n";
}

}  // namespace
}  // namespace ngxfix
