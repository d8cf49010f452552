// Helpers shared by the test programs: the corpus, files, and real nginx.

#ifndef NGXFIX_TESTS_SUPPORT_TEST_SUPPORT_H_
#define NGXFIX_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <string>
#include <vector>

namespace ngxfix::testing {

// The corpus folder (../shared/corpus beside the repository, or the
// NGXFIX_CORPUS environment variable); empty when it does not exist.
std::string CorpusDir();

// Every regular file below `dir`, sorted, as absolute paths.
std::vector<std::string> ListFiles(const std::string& dir);

// The configurations of the corpus `dir`: every file but the corpus's own
// notes on where its files come from (SOURCES.md, real-world/SOURCES.tsv).
std::vector<std::string> CorpusFiles(const std::string& dir);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

// A fresh directory under $TMPDIR, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace ngxfix::testing

#endif  // NGXFIX_TESTS_SUPPORT_TEST_SUPPORT_H_
