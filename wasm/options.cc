// The analysis settings of a JSON input (see options.h).

#include "wasm/options.h"

#include "wasm/result.h"

namespace ngxfix::wasm {

bool ReadAnalysisOptions(const nlohmann::ordered_json& j, AnalysisOptions* options,
                         std::string* error) {
  if (j.contains("nginx_version")) {
    const auto& v = j["nginx_version"];
    auto version = v.is_string() ? NginxVersion::Parse(v.get<std::string>())
                                 : std::nullopt;
    if (!version) {
      *error = "nginx_version takes \"X.Y.Z\", not " + Dump(v);
      return false;
    }
    options->nginx_version = *version;
  }
  if (j.contains("backends")) {
    const auto& backends = j["backends"];
    if (!backends.is_object()) {
      *error = "backends takes {\"NAME\": \"PROTO\"}";
      return false;
    }
    for (const auto& [name, value] : backends.items()) {
      auto protocol = value.is_string()
                          ? ParseProtocol(value.get<std::string>())
                          : std::nullopt;
      if (!protocol || name.empty()) {
        *error = "backend " + name + " takes one of http1 https h2c h2 grpc "
                 "grpcs ws, not " + Dump(value);
        return false;
      }
      options->backends.push_back({name, *protocol});
    }
  }
  return true;
}

}  // namespace ngxfix::wasm
