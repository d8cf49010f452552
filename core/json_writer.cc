#include "core/json_writer.h"

#include <cstdint>

#include "core/base64.h"

namespace ngxfix {

std::string WriteJson(const nlohmann::ordered_json& json, int indent, bool ascii) {
  return json.dump(indent, ' ', ascii, nlohmann::ordered_json::error_handler_t::replace);
}

bool IsUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    uint8_t c = uint8_t(bytes[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3
                                : (c >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) return false;
    uint32_t code = length == 1 ? c : c & (0x7f >> length);
    for (size_t k = 1; k < length; ++k) {
      uint8_t next = uint8_t(bytes[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    static constexpr uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kLeast[length] || (code >= 0xd800 && code <= 0xdfff) ||
        code > 0x10ffff) {
      return false;
    }
    i += length;
  }
  return true;
}

void SetBytes(nlohmann::ordered_json& object, std::string_view key,
              std::string_view bytes) {
  if (IsUtf8(bytes)) {
    object[std::string(key)] = bytes;
  } else {
    object[std::string(key) + "_base64"] = EncodeBase64(bytes);
  }
}

std::optional<std::string> GetBytes(const nlohmann::ordered_json& object,
                                    std::string_view key) {
  auto plain = object.find(std::string(key));
  if (plain != object.end() && plain->is_string()) return plain->get<std::string>();
  auto encoded = object.find(std::string(key) + "_base64");
  if (encoded != object.end() && encoded->is_string()) {
    return DecodeBase64(encoded->get<std::string>());
  }
  return std::nullopt;
}

}  // namespace ngxfix
