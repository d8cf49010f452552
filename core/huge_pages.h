// Asking the kernel to back a large buffer with transparent huge pages
// before it is first written: one page fault per 2 MiB instead of one per
// 4 KiB.  A 10 MB configuration's text and syntax tree fault in about 8,000
// small pages otherwise, which on virtual machines is a sixth of the time
// of `ngxfix print`.  Only a hint: nothing changes where the kernel lacks
// them (or in WebAssembly).

#ifndef NGXFIX_CORE_HUGE_PAGES_H_
#define NGXFIX_CORE_HUGE_PAGES_H_

#include <cstddef>
#include <string>
#include <vector>

namespace ngxfix {

// The hint for the whole 2 MiB pages inside [data, data + bytes).
void AdviseHugePages(void* data, size_t bytes);

// reserve(capacity), then the hint for the reserved memory.
template <typename T>
void ReserveHuge(std::vector<T>& v, size_t capacity) {
  v.reserve(capacity);
  AdviseHugePages(v.data(), v.capacity() * sizeof(T));
}
inline void ReserveHuge(std::string& s, size_t capacity) {
  s.reserve(capacity);
  AdviseHugePages(s.data(), s.capacity());
}

}  // namespace ngxfix

#endif  // NGXFIX_CORE_HUGE_PAGES_H_
