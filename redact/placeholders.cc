// Placeholders (see placeholders.h).

#include "redact/placeholders.h"

#include <algorithm>
#include <cctype>

#include "redact/hostname.h"
#include "redact/siphash.h"

namespace ngxfix::redact {
namespace {

RedactionKey DeriveKey(const RedactionKey& key, int attempt) {
  if (attempt == 0) return key;
  RedactionKey derived;
  for (int half = 0; half < 2; ++half) {
    uint64_t h = SipHash24(key, "attempt:" + std::to_string(attempt) + ":" +
                                    std::to_string(half));
    for (int i = 0; i < 8; ++i) derived[half * 8 + i] = uint8_t(h >> (8 * i));
  }
  return derived;
}

bool IsAddressKind(RedactionKind kind) {
  return kind == RedactionKind::kIpv4 || kind == RedactionKind::kIpv6 ||
         kind == RedactionKind::kCidr4 || kind == RedactionKind::kCidr6;
}

}  // namespace

Placeholders::Placeholders(const RedactionKey& key, int attempt, std::string_view text,
                           const std::unordered_set<std::string_view>& originals)
    : key_(DeriveKey(key, attempt)),
      addresses_(key_),
      text_(text),
      originals_(originals),
      text_has_numbered_(text.find("REDACTED_") != std::string_view::npos ||
                         text.find("redacted-word-") != std::string_view::npos) {}

bool Placeholders::Taken(const std::string& placeholder) const {
  return used_.count(placeholder) > 0 || drawn_.count(placeholder) > 0 ||
         originals_.count(placeholder) > 0;
}

std::string Placeholders::Numbered(std::string prefix) {
  while (true) {
    std::string candidate = prefix + std::to_string(++counter_);
    if (!Taken(candidate) &&
        !(text_has_numbered_ && text_.find(candidate) != std::string_view::npos)) {
      return candidate;
    }
  }
}

std::string Placeholders::AddressPlaceholder(RedactionKind kind,
                                             std::string_view original) {
  size_t slash = original.find('/');
  std::string_view host = original.substr(0, slash);
  bool v6 = kind == RedactionKind::kIpv6 || kind == RedactionKind::kCidr6;
  auto address = v6 ? ParseIpv6(host) : ParseIpv4(host);
  if (!address) return std::string(original);
  int length = slash == std::string_view::npos
                   ? address->bits()
                   : std::atoi(std::string(original.substr(slash + 1)).c_str());
  bool upper = false;
  for (char c : host) upper |= (c >= 'A' && c <= 'F');
  std::string suffix = slash == std::string_view::npos ? "" : std::string(original.substr(slash));
  IpAddress mapped = WithLowBits(addresses_.Map(*address), *address, length);
  if (mapped == *address) {
    // Mapped onto itself, however it is written (01.16.0.0/1 is
    // 1.16.0.0/1): the original stays, as it would in its usual spelling,
    // and another key is tried first if one could change it.
    if (AddressMapper::MayChange(*address, length)) address_met_original_ = true;
    return std::string(original);
  }
  for (int redraw = 0;; ++redraw) {
    std::string out = (v6 ? FormatIpv6(mapped, upper) : FormatIpv4(mapped)) + suffix;
    if (out == original || !drawn_.count(out) || redraw == 64) {
      // Equal to another original, or by chance to itself (a few free bits
      // of a network near a kept range): another key is tried first.
      if (out == original ? AddressMapper::MayChange(*address, length)
                          : originals_.count(out) > 0) {
        address_met_original_ = true;
      }
      return out;
    }
    // Another spelling of the same address took this one: draw the low
    // bits (below the network of a CIDR, the last 8 bits of an address)
    // again.
    int from = std::max(length == address->bits() ? address->bits() - 8 : length, 0);
    uint64_t bits = 0;
    for (int i = from; i < address->bits(); ++i, bits >>= 1) {
      if ((i - from) % 64 == 0) {
        bits = SipHash24(key_, "redraw:" + std::string(original) + ":" +
                                   std::to_string(redraw) + ":" + std::to_string(i));
      }
      uint8_t mask = uint8_t(1u << (7 - i % 8));
      mapped.bytes[i / 8] = uint8_t((mapped.bytes[i / 8] & ~mask) | ((bits & 1) ? mask : 0));
    }
  }
}

const std::string& Placeholders::Shaped(RedactionKind kind, const std::string& plain) {
  auto found = shaped_.find(plain);
  if (found != shaped_.end()) return drawn_order_[found->second];
  std::string placeholder;
  if (IsAddressKind(kind)) {
    placeholder = AddressPlaceholder(kind, plain);
  } else {
    for (int redraw = 0; redraw < 64; ++redraw) {
      placeholder = HostnamePlaceholder(plain, key_, addresses_, redraw);
      if (placeholder == plain || !Taken(placeholder)) break;
    }
  }
  drawn_.insert(placeholder);
  shaped_.emplace(plain, int(drawn_order_.size()));
  drawn_order_.push_back(std::move(placeholder));
  return drawn_order_.back();
}

int Placeholders::For(RedactionKind kind, std::string_view original,
                      std::string_view detector, Form form) {
  auto found = by_original_.find(std::string(original));
  if (found != by_original_.end()) return found->second;
  std::string placeholder;
  if (IsAddressKind(kind) || kind == RedactionKind::kHostname) {
    placeholder = form == Form::kPlain
                      ? Shaped(kind, std::string(original))
                      : Write(form, Shaped(kind, Unwrite(form, original)));
  } else if (kind == RedactionKind::kWord) {
    placeholder = Numbered("redacted-word-");
  } else {
    std::string name(detector.substr(detector.find(':') + 1));
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c))
                                 ? char(std::toupper(static_cast<unsigned char>(c))) : '_';
    placeholder = Numbered("REDACTED_" + name + "_");
  }
  int index = -1;
  if (placeholder != original && !used_.count(placeholder)) {
    index = int(map_.entries.size());
    used_.insert(placeholder);
    map_.entries.push_back({placeholder, std::string(original), kind, std::string(detector)});
  }
  by_original_.emplace(std::string(original), index);
  return index;
}

}  // namespace ngxfix::redact
