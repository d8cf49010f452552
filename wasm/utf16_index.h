// Byte offsets into UTF-8 text as offsets into the same text in a
// JavaScript string (UTF-16 code units), so the page can place highlights,
// errors and findings in its textarea without decoding anything itself.
//
// The page's text always comes from a JS string, so it is valid UTF-8; for
// other bytes the count is approximate (each non-continuation byte counts
// as one unit).  ASCII text, the usual case, maps one to one and costs
// nothing; otherwise a checkpoint every kStride bytes keeps lookups short.

#ifndef NGXFIX_WASM_UTF16_INDEX_H_
#define NGXFIX_WASM_UTF16_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace ngxfix::wasm {

class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text);

  // The UTF-16 offset of byte `offset` (clamped to the text's size).
  uint32_t operator()(uint32_t offset) const;

 private:
  static constexpr uint32_t kStride = 1024;

  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> checkpoints_;  // UTF-16 offset of byte i * kStride
};

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_UTF16_INDEX_H_
