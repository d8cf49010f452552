// RE2's util/logging.h for the WebAssembly build, without iostream.
//
// RE2's own header logs through std::ostringstream, and one ostringstream
// pulls libc++'s whole locale machinery (money_get, time_get, codecvt and
// their tables) into the module, for messages that only report RE2's
// internal errors.  This header keeps RE2's macros and messages
// ("file:line: text" on stderr; FATAL and failed CHECKs abort) and formats
// numbers with snprintf.  scripts/lib/re2-wasm.sh puts this folder first on
// the quoted include path (-iquote) of RE2's WebAssembly build only; the
// native build links Debian's libre2 as it is.
#ifndef UTIL_LOGGING_H_
#define UTIL_LOGGING_H_

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include <string>
#include <type_traits>

#include "util/util.h"

// Debug-only checking.
#define DCHECK(condition) assert(condition)
#define DCHECK_EQ(val1, val2) assert((val1) == (val2))
#define DCHECK_NE(val1, val2) assert((val1) != (val2))
#define DCHECK_LE(val1, val2) assert((val1) <= (val2))
#define DCHECK_LT(val1, val2) assert((val1) < (val2))
#define DCHECK_GE(val1, val2) assert((val1) >= (val2))
#define DCHECK_GT(val1, val2) assert((val1) > (val2))

// Always-on checking.
#define CHECK(x) if (x) {} else LogMessageFatal(__FILE__, __LINE__).stream() << "Check failed: " #x
#define CHECK_LT(x, y) CHECK((x) < (y))
#define CHECK_GT(x, y) CHECK((x) > (y))
#define CHECK_LE(x, y) CHECK((x) <= (y))
#define CHECK_GE(x, y) CHECK((x) >= (y))
#define CHECK_EQ(x, y) CHECK((x) == (y))
#define CHECK_NE(x, y) CHECK((x) != (y))

#define LOG_INFO LogMessage(__FILE__, __LINE__)
#define LOG_WARNING LogMessage(__FILE__, __LINE__)
#define LOG_ERROR LogMessage(__FILE__, __LINE__)
#define LOG_FATAL LogMessageFatal(__FILE__, __LINE__)
#define LOG_QFATAL LOG_FATAL

#ifdef NDEBUG
#define LOG_DFATAL LOG_ERROR
#else
#define LOG_DFATAL LOG_FATAL
#endif

#define LOG(severity) LOG_ ## severity.stream()

#define VLOG(x) if ((x) > 0) {} else LOG_INFO.stream()

class LogMessage {
 public:
  LogMessage(const char* file, int line) { *this << file << ":" << line << ": "; }
  LogMessage(const LogMessage&) = delete;
  LogMessage& operator=(const LogMessage&) = delete;
  ~LogMessage() {
    if (!flushed_) Flush();
  }

  void Flush() {
    text_ += '\n';
    fwrite(text_.data(), 1, text_.size(), stderr);
    flushed_ = true;
  }
  LogMessage& stream() { return *this; }

  LogMessage& operator<<(const char* text) {
    text_ += text;
    return *this;
  }
  LogMessage& operator<<(char c) {
    text_ += c;
    return *this;
  }
  LogMessage& operator<<(const void* address) {
    char digits[24];
    text_.append(digits, static_cast<size_t>(snprintf(digits, sizeof digits, "%p", address)));
    return *this;
  }
  // Numbers, enums and other pointers as ostream prints them, and std::string
  // and StringPiece (anything with data() and size()) as their bytes.  RE2
  // compiles as C++11: overloads chosen by enable_if, not if constexpr.
  template <typename T>
  typename std::enable_if<std::is_integral<T>::value, LogMessage&>::type operator<<(T value) {
    char digits[24];
    int n = std::is_signed<T>::value
                ? snprintf(digits, sizeof digits, "%lld", static_cast<long long>(value))
                : snprintf(digits, sizeof digits, "%llu",
                           static_cast<unsigned long long>(value));
    text_.append(digits, static_cast<size_t>(n));
    return *this;
  }
  template <typename T>
  typename std::enable_if<std::is_enum<T>::value, LogMessage&>::type operator<<(T value) {
    return *this << static_cast<typename std::underlying_type<T>::type>(value);
  }
  template <typename T>
  auto operator<<(const T& text) -> decltype(text.data(), text.size(), *this) {
    text_.append(text.data(), text.size());
    return *this;
  }

 private:
  bool flushed_ = false;
  std::string text_;
};

class LogMessageFatal : public LogMessage {
 public:
  LogMessageFatal(const char* file, int line) : LogMessage(file, line) {}
  ATTRIBUTE_NORETURN ~LogMessageFatal() {
    Flush();
    abort();
  }
};

#endif  // UTIL_LOGGING_H_
