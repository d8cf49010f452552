// Where output goes as it is produced: into a string (the WebAssembly
// module's results, tests), or to a FILE in pieces of about 64 KiB (the
// CLI's stdout), so that a command never holds a large output whole.

#ifndef NGXFIX_CORE_OUTPUT_H_
#define NGXFIX_CORE_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace ngxfix {

class Output {
 public:
  // Everything is appended to *text, which must outlive the Output.
  explicit Output(std::string* text) : buffer_(text) {}
  // Written to `file` whenever 64 KiB are waiting, and by Flush().
  explicit Output(std::FILE* file);
  ~Output() { Flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void Append(std::string_view bytes) {
    buffer_->append(bytes);
    if (file_ != nullptr && buffer_->size() >= kPieceBytes) Flush();
  }
  void Append(char c) {
    buffer_->push_back(c);
    if (file_ != nullptr && buffer_->size() >= kPieceBytes) Flush();
  }

  // Writes what waits to the FILE (and fflush()es it); nothing for a string.
  void Flush();
  // Whether a write to the FILE failed (a full disk, a closed pipe).
  bool failed() const { return failed_; }

 private:
  static constexpr size_t kPieceBytes = 64 * 1024;

  std::string own_;
  std::string* buffer_ = &own_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace ngxfix

#endif  // NGXFIX_CORE_OUTPUT_H_
