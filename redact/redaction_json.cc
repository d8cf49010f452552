// The map and the report as JSON and text, and the names of the kinds.
// Reading a map never throws (the WebAssembly build has no exceptions): every
// field is checked before it is read, and what is wrong is said.

#include <array>

#include "core/json_writer.h"
#include "redact/redact.h"

namespace ngxfix {
namespace {

constexpr std::array<std::pair<RedactionKind, std::string_view>, 7> kKindNames = {{
    {RedactionKind::kIpv4, "ipv4"},
    {RedactionKind::kIpv6, "ipv6"},
    {RedactionKind::kCidr4, "cidr4"},
    {RedactionKind::kCidr6, "cidr6"},
    {RedactionKind::kHostname, "hostname"},
    {RedactionKind::kSecret, "secret"},
    {RedactionKind::kWord, "word"},
}};

}  // namespace

std::string_view RedactionKindName(RedactionKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "secret";
}

std::optional<RedactionKind> RedactionKindFromName(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

nlohmann::ordered_json RedactionMapToJson(const RedactionMap& map) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const RedactionEntry& e : map.entries) {
    // The original must come back byte for byte: not UTF-8, it is written
    // as "original_base64" (core/json_writer.h).
    nlohmann::ordered_json entry = {{"placeholder", e.placeholder}};
    SetBytes(entry, "original", e.original);
    entry["kind"] = RedactionKindName(e.kind);
    entry["detector"] = e.detector;
    entries.push_back(std::move(entry));
  }
  return {{"entries", std::move(entries)}};
}

std::optional<RedactionMap> RedactionMapFromJson(std::string_view json,
                                                 std::string* error) {
  nlohmann::ordered_json doc =
      nlohmann::ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    *error = "the map is not valid JSON";
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("entries") || !doc["entries"].is_array()) {
    *error = "the map has no \"entries\" array";
    return std::nullopt;
  }
  RedactionMap map;
  size_t index = 0;
  for (const nlohmann::ordered_json& entry : doc["entries"]) {
    std::string where = "entry " + std::to_string(index++) + ": ";
    if (!entry.is_object()) {
      *error = where + "not an object";
      return std::nullopt;
    }
    for (const char* field : {"placeholder", "kind"}) {
      if (!entry.contains(field) || !entry[field].is_string()) {
        *error = where + "\"" + field + "\" is missing or not a string";
        return std::nullopt;
      }
    }
    auto kind = RedactionKindFromName(entry["kind"].get<std::string>());
    if (!kind) {
      *error = where + "unknown kind \"" + entry["kind"].get<std::string>() + "\"";
      return std::nullopt;
    }
    std::string placeholder = entry["placeholder"].get<std::string>();
    if (placeholder.empty()) {
      *error = where + "empty placeholder";
      return std::nullopt;
    }
    std::optional<std::string> original = GetBytes(entry, "original");
    if (!original) {
      *error = where + "\"original\" (or \"original_base64\") is missing or not a "
                       "string";
      return std::nullopt;
    }
    std::string detector = entry.contains("detector") && entry["detector"].is_string()
                               ? entry["detector"].get<std::string>() : std::string();
    map.entries.push_back({std::move(placeholder), std::move(*original), *kind,
                           std::move(detector)});
  }
  return map;
}

nlohmann::ordered_json RedactionReportToJson(const std::vector<RedactionReportItem>& report) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const RedactionReportItem& item : report) {
    items.push_back({{"kind", RedactionKindName(item.kind)},
                     {"detector", item.detector},
                     {"placeholder", item.placeholder},
                     {"file", item.file},
                     {"line", item.line},
                     {"column", item.column},
                     {"count", item.count}});
  }
  return items;
}

std::string RedactionReportToText(const std::vector<RedactionReportItem>& report) {
  std::string out;
  for (const RedactionReportItem& item : report) {
    out += item.file + ":" + std::to_string(item.line) + ":" + std::to_string(item.column) +
           ": " + std::string(RedactionKindName(item.kind)) + " (" + item.detector + ") -> " +
           item.placeholder + ", " + std::to_string(item.count) +
           (item.count == 1 ? " time\n" : " times\n");
  }
  return out;
}

}  // namespace ngxfix
