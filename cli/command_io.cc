// See command_io.h.

#include "cli/command_io.h"

#include "core/huge_pages.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

namespace ngxfix {

bool ReadFileOrStdin(const std::string& path, std::string* text) {
  // Straight into the string that the parser then owns: a regular file in
  // one read of its size, anything else (a pipe) in pieces.
  int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && st.st_size < 0) regular = false;
  text->clear();
  size_t size = 0;
  bool ok = true;
  size_t capacity = regular ? static_cast<size_t>(st.st_size) + 1 : 64 * 1024;
  ReserveHuge(*text, capacity);
  text->resize(capacity);
  for (;;) {
    if (size == text->size()) text->resize(text->size() * 2);
    ssize_t n = ::read(fd, text->data() + size, text->size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    size += static_cast<size_t>(n);
  }
  text->resize(size);
  if (fd != STDIN_FILENO) ::close(fd);
  return ok;
}

void WriteStdout(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

int CommandUsageError(const std::string& message) {
  std::cerr << "ngxfix: " << message << "\nTry 'ngxfix --help'.\n";
  return kCommandExitUsage;
}

}  // namespace ngxfix
