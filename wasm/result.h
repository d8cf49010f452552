// The result-buffer protocol shared by every WebAssembly entry point
// (exports.cc, analyze.cc): a Result holds output bytes and a status that JS
// reads with ngxfix_result_data/size/status, and analyze()'s highlight
// tokens as binary (ngxfix_result_tokens/token_count), and frees with
// ngxfix_result_free.  Inputs arrive as malloc()ed buffers that the entry
// point takes over (Adopt), so the input is held once, not twice.

#ifndef NGXFIX_WASM_RESULT_H_
#define NGXFIX_WASM_RESULT_H_

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_writer.h"

namespace ngxfix::wasm {

// 0 the input parsed without errors, 1 it parsed with error diagnostics (the
// output is still complete), 2 the call failed (the output is a message).
enum Status : int32_t { kOk = 0, kErrors = 1, kFailed = 2 };

struct Result {
  Result(std::string output, int32_t code) : bytes(std::move(output)), status(code) {}

  std::string bytes;
  int32_t status = kOk;
  std::vector<uint32_t> tokens;  // highlight.h's triples; empty unless asked for
};

// Takes a malloc()ed buffer over: copies it into a string, frees it.
inline std::string Adopt(char* text, uint32_t size) {
  std::string s;
  if (text != nullptr) {
    s.assign(text, size);
    std::free(text);
  }
  return s;
}

inline Result* Fail(std::string message) {
  return new Result{std::move(message), kFailed};
}

// A small document as compact JSON (core/json_writer.h), which never throws:
// exceptions are compiled out, so a throw would abort.
inline std::string Dump(const nlohmann::ordered_json& j) { return WriteJson(j); }

}  // namespace ngxfix::wasm

#endif  // NGXFIX_WASM_RESULT_H_
