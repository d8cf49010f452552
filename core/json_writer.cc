#include "core/json_writer.h"

#include <cstdio>

#include "core/base64.h"

namespace ngxfix {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// The UTF-8 sequence at s[i]: how many bytes it takes and whether it is
// well-formed.  An ill-formed one takes its maximal subpart (at least one
// byte): the bytes that begin a valid sequence before it goes wrong.
size_t Utf8Step(std::string_view s, size_t i, bool* valid) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  *valid = true;
  if (b < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b == 0xE0) {
    need = 2, lo = 0xA0;
  } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
    need = 2;
  } else if (b == 0xED) {
    need = 2, hi = 0x9F;
  } else if (b == 0xF0) {
    need = 3, lo = 0x90;
  } else if (b >= 0xF1 && b <= 0xF3) {
    need = 3;
  } else if (b == 0xF4) {
    need = 3, hi = 0x8F;
  } else {
    *valid = false;
    return 1;
  }
  size_t j = i + 1;
  for (int k = 0; k < need; ++k, ++j) {
    unsigned char c = j < s.size() ? static_cast<unsigned char>(s[j]) : 0;
    if (j >= s.size() || c < (k == 0 ? lo : 0x80) || c > (k == 0 ? hi : 0xBF)) {
      *valid = false;
      break;
    }
  }
  return j - i;
}

uint32_t CodePoint(std::string_view sequence) {
  unsigned char b = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 1) return b;
  uint32_t c = b & (0x7F >> sequence.size());
  for (size_t k = 1; k < sequence.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(sequence[k]) & 0x3F);
  }
  return c;
}

// Whether a byte is written as it is, in both layouts.
constexpr bool IsPlain(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

}  // namespace

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Quoted(key);
  out_.Append(indent_ >= 0 ? std::string_view(": ") : std::string_view(":"));
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  Quoted(value);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) { return Scalar(value ? "true" : "false"); }

JsonWriter& JsonWriter::Null() { return Scalar("null"); }

JsonWriter& JsonWriter::Scalar(std::string_view text) {
  BeforeValue();
  out_.Append(text);
  return *this;
}

JsonWriter& JsonWriter::Value(const nlohmann::ordered_json& json) {
  using Type = nlohmann::ordered_json::value_t;
  switch (json.type()) {
    case Type::object:
      BeginObject();
      for (const auto& [key, member] : json.items()) Key(key).Value(member);
      return EndObject();
    case Type::array:
      BeginArray();
      for (const auto& element : json) Value(element);
      return EndArray();
    case Type::string:
      return String(json.get_ref<const std::string&>());
    case Type::boolean:
      return Bool(json.get<bool>());
    case Type::number_integer:
      return Number(json.get<int64_t>());
    case Type::number_unsigned:
      return Number(json.get<uint64_t>());
    case Type::number_float: {
      char digits[32];
      int n = std::snprintf(digits, sizeof digits, "%.17g", json.get<double>());
      return Scalar(std::string_view(digits, n));
    }
    default:
      return Null();  // null, and binary and discarded, which JSON lacks
  }
}

JsonWriter& JsonWriter::Bytes(std::string_view key, std::string_view bytes) {
  if (IsUtf8(bytes)) return Key(key).String(bytes);
  return Key(std::string(key) + "_base64").String(EncodeBase64(bytes));
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  out_.Append(bracket);
  levels_.push_back({bracket == '{' ? '}' : ']'});
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  if (levels_.empty()) return *this;
  if (levels_.back().members > 0 && indent_ >= 0) {
    out_.Append('\n');
    Indent(levels_.size() - 1);
  }
  levels_.pop_back();
  out_.Append(bracket);
  return *this;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (levels_.back().members++ > 0) out_.Append(',');
  if (indent_ >= 0) {
    out_.Append('\n');
    Indent(levels_.size());
  }
}

void JsonWriter::Indent(size_t depth) {
  static constexpr std::string_view kSpaces = "                                ";
  for (size_t n = depth * indent_; n > 0;) {
    size_t piece = std::min(n, kSpaces.size());
    out_.Append(kSpaces.substr(0, piece));
    n -= piece;
  }
}

void JsonWriter::Quoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_.Append('"');
  size_t i = 0;
  while (i < s.size()) {
    size_t plain = i;
    while (plain < s.size() && IsPlain(static_cast<unsigned char>(s[plain]))) {
      ++plain;
    }
    if (plain > i) {
      out_.Append(s.substr(i, plain - i));
      i = plain;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '"': out_.Append("\\\""); continue;
        case '\\': out_.Append("\\\\"); continue;
        case '\b': out_.Append("\\b"); continue;
        case '\f': out_.Append("\\f"); continue;
        case '\n': out_.Append("\\n"); continue;
        case '\r': out_.Append("\\r"); continue;
        case '\t': out_.Append("\\t"); continue;
        default:
          if (c == 0x7F && !ascii_) {
            out_.Append(static_cast<char>(c));
          } else {
            char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out_.Append(std::string_view(escape, sizeof escape));
          }
          continue;
      }
    }
    bool valid;
    size_t length = Utf8Step(s, i, &valid);
    std::string_view sequence = s.substr(i, length);
    i += length;
    if (!ascii_) {
      out_.Append(valid ? sequence : kReplacementCharacter);
      continue;
    }
    uint32_t code = valid ? CodePoint(sequence) : 0xFFFD;
    auto escape = [&](uint32_t unit) {
      char text[] = {'\\', 'u', kHex[(unit >> 12) & 0xF], kHex[(unit >> 8) & 0xF],
                     kHex[(unit >> 4) & 0xF], kHex[unit & 0xF]};
      out_.Append(std::string_view(text, sizeof text));
    };
    if (code < 0x10000) {
      escape(code);
    } else {
      escape(0xD800 + ((code - 0x10000) >> 10));
      escape(0xDC00 + ((code - 0x10000) & 0x3FF));
    }
  }
  out_.Append('"');
}

std::string WriteJson(const nlohmann::ordered_json& json, int indent, bool ascii) {
  return JsonText([&](JsonWriter& writer) { writer.Value(json); }, indent, ascii);
}

bool IsUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    bool valid;
    i += Utf8Step(bytes, i, &valid);
    if (!valid) return false;
  }
  return true;
}

std::string ValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    bool valid;
    size_t length = Utf8Step(bytes, i, &valid);
    if (valid) {
      out.append(bytes, i, length);
    } else {
      out += kReplacementCharacter;
    }
    i += length;
  }
  return out;
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
