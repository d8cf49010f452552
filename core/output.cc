#include "core/output.h"

namespace ngxfix {

Output::Output(std::FILE* file) : file_(file) { own_.reserve(2 * kPieceBytes); }

void Output::Flush() {
  if (file_ == nullptr) return;
  if (!buffer_->empty() &&
      std::fwrite(buffer_->data(), 1, buffer_->size(), file_) != buffer_->size()) {
    failed_ = true;
  }
  buffer_->clear();
  if (std::fflush(file_) != 0) failed_ = true;
}

}  // namespace ngxfix
