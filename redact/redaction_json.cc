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

void WriteRedactionMap(JsonWriter& json, const RedactionMap& map) {
  json.BeginObject().Key("entries").BeginArray();
  for (const RedactionEntry& e : map.entries) {
    json.BeginObject();
    json.Key("placeholder").String(e.placeholder);
    // The original must come back byte for byte.
    json.Bytes("original", e.original);
    json.Key("kind").String(RedactionKindName(e.kind));
    json.Key("detector").String(e.detector);
    json.EndObject();
  }
  json.EndArray().EndObject();
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

void WriteRedactionReport(JsonWriter& json,
                          const std::vector<RedactionReportItem>& report) {
  json.BeginArray();
  for (const RedactionReportItem& item : report) {
    json.BeginObject();
    json.Key("kind").String(RedactionKindName(item.kind));
    json.Key("detector").String(item.detector);
    json.Key("placeholder").String(item.placeholder);
    json.Key("file").String(item.file);
    json.Key("line").Number(item.line);
    json.Key("column").Number(item.column);
    json.Key("count").Number(item.count);
    json.EndObject();
  }
  json.EndArray();
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
