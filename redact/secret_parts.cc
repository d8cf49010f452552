// Secret parts of composite secrets (see secret_parts.h).

#include "redact/secret_parts.h"

#include <algorithm>

#include "core/base64.h"

namespace ngxfix::redact {
namespace {

bool IsPrintable(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
  });
}

bool IsPairName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
  });
}

void Add(std::string part, std::vector<std::string>* out) {
  if (!part.empty() && std::find(out->begin(), out->end(), part) == out->end()) {
    out->push_back(std::move(part));
  }
}

// "user:password": the password.
void AddPassword(std::string_view credentials, std::vector<std::string>* out) {
  size_t colon = credentials.find(':');
  if (colon != std::string_view::npos && colon > 0) Add(std::string(credentials.substr(colon + 1)), out);
}

// name=value pairs separated by '&', ';', ',' or spaces: the values.
void AddPairValues(std::string_view secret, std::vector<std::string>* out) {
  size_t start = 0;
  while (start < secret.size()) {
    size_t end = secret.find_first_of("&;, \t", start);
    if (end == std::string_view::npos) end = secret.size();
    std::string_view pair = secret.substr(start, end - start);
    size_t equals = pair.find('=');
    if (equals != std::string_view::npos && IsPairName(pair.substr(0, equals))) {
      std::string_view value = pair.substr(equals + 1);
      if (!value.empty() && value.find_first_not_of('=') != std::string_view::npos) {
        Add(std::string(value), out);
      }
    }
    start = end + 1;
  }
}

}  // namespace

bool IsBase64Credentials(std::string_view s) {
  // Only the leading base64 characters: "Basic dXNlcjpwYXNz" may run into
  // other text in a comment.
  size_t end = 0;
  while (end < s.size() && Base64Value(s[end]) >= 0) ++end;
  auto decoded = DecodeBase64(s.substr(0, end));
  if (!decoded) return false;
  size_t colon = decoded->find(':');
  return colon != std::string::npos && IsPrintable(std::string_view(*decoded).substr(0, colon));
}

std::vector<std::string> SecretParts(std::string_view secret) {
  std::vector<std::string> out;
  if (secret.find('=') != std::string_view::npos) AddPairValues(secret, &out);
  if (secret.find(':') != std::string_view::npos) AddPassword(secret, &out);
  if (auto decoded = DecodeBase64(secret);
      decoded && secret.size() >= 8 && IsPrintable(*decoded) &&
      decoded->find(':') != std::string::npos) {
    Add(*decoded, &out);
    AddPassword(*decoded, &out);
  }
  return out;
}

}  // namespace ngxfix::redact
