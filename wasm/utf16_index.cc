#include "wasm/utf16_index.h"

#include <algorithm>

namespace ngxfix::wasm {
namespace {

// Code units a byte adds: continuation bytes none, a 4-byte sequence's lead
// two (a surrogate pair), every other byte one.
uint32_t Units(unsigned char byte) {
  if ((byte & 0xC0) == 0x80) return 0;
  return byte >= 0xF0 ? 2 : 1;
}

}  // namespace

Utf16Index::Utf16Index(std::string_view text) : text_(text) {
  ascii_ = std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii_) return;
  uint32_t units = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(units);
    units += Units(static_cast<unsigned char>(text[i]));
  }
}

uint32_t Utf16Index::operator()(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  if (ascii_) return offset;
  uint32_t start = offset / kStride * kStride;
  uint32_t units = start / kStride < checkpoints_.size()
                       ? checkpoints_[start / kStride]
                       : 0;
  if (start / kStride >= checkpoints_.size()) {
    // offset == size, on a stride boundary: count from the last checkpoint.
    start = checkpoints_.empty() ? 0 : (checkpoints_.size() - 1) * kStride;
    units = checkpoints_.empty() ? 0 : checkpoints_.back();
  }
  for (uint32_t i = start; i < offset; ++i) {
    units += Units(static_cast<unsigned char>(text_[i]));
  }
  return units;
}

}  // namespace ngxfix::wasm
