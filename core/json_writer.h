// Writing JSON as it is produced, that never throws, whatever bytes a
// configuration, a log or a secret holds (a Latin-1 `upstream café`): every
// JSON ngxfix prints, in the CLI and the WebAssembly module, is written by a
// JsonWriter, straight to an Output, without building a document first.
//
// JSON strings are Unicode, so bytes that are not UTF-8 cannot be written
// as they are.  Where a value is only shown (a finding's message, a log
// line), each ill-formed sequence becomes one U+FFFD per maximal subpart,
// as Python's decoder with errors="replace" and the WHATWG encoding
// standard do (crossplane's output has the same U+FFFD).  Where it must
// come back byte for byte (the originals of a redaction map, a redacted
// text), Bytes() writes it under KEY when it is UTF-8 and, base64-encoded,
// under KEY_base64 when it is not; GetBytes() reads either.
//
// The layout is nlohmann::json's dump(): compact, or `indent` spaces per
// level with "key": value, and empty containers as [] and {}.

#ifndef NGXFIX_CORE_JSON_WRITER_H_
#define NGXFIX_CORE_JSON_WRITER_H_

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/output.h"

namespace ngxfix {

class JsonWriter {
 public:
  // `indent` spaces per level (-1: all on one line); only ASCII, with
  // \uXXXX escapes, when `ascii`.
  explicit JsonWriter(Output& out, int indent = -1, bool ascii = false)
      : out_(out), indent_(indent), ascii_(ascii) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }

  // The key of the object member whose value comes next.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  template <typename Integer,
            typename = std::enable_if_t<std::is_integral_v<Integer> &&
                                        !std::is_same_v<Integer, bool>>>
  JsonWriter& Number(Integer value) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return Scalar(std::string_view(digits, end - digits));
  }
  // A document built with nlohmann::json (a parsed request, a reply).
  JsonWriter& Value(const nlohmann::ordered_json& json);

  // Key(key) then String(bytes) when they are UTF-8; else Key(key +
  // "_base64") then their base64.
  JsonWriter& Bytes(std::string_view key, std::string_view bytes);

 private:
  struct Level {
    char close;
    uint32_t members = 0;
  };

  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  JsonWriter& Scalar(std::string_view text);
  // The comma and the line break before a value (none after a key).
  void BeforeValue();
  void Indent(size_t depth);
  void Quoted(std::string_view text);

  Output& out_;
  int indent_;
  bool ascii_;
  bool after_key_ = false;
  std::vector<Level> levels_;
};

// What `write(JsonWriter&)` writes, as a string: for small documents and
// tests.
template <typename Write>
std::string JsonText(Write write, int indent = -1, bool ascii = false) {
  std::string text;
  {
    Output out(&text);
    JsonWriter json(out, indent, ascii);
    write(json);
  }
  return text;
}

// `json` as text (see JsonWriter).
std::string WriteJson(const nlohmann::ordered_json& json, int indent = -1,
                      bool ascii = false);

// Whether `bytes` is well-formed UTF-8.
bool IsUtf8(std::string_view bytes);

// `bytes` with each ill-formed UTF-8 sequence replaced by U+FFFD, one per
// maximal subpart.
std::string ValidUtf8(std::string_view bytes);

// What Bytes() wrote at `key` of `object`; nullopt when neither field is a
// string (or the base64 is not base64).
std::optional<std::string> GetBytes(const nlohmann::ordered_json& object,
                                    std::string_view key);

}  // namespace ngxfix

#endif  // NGXFIX_CORE_JSON_WRITER_H_
