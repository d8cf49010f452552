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
  if (j.contains("modules")) {
    const auto& modules = j["modules"];
    bool ok = modules.is_array();
    std::vector<std::string> names;
    for (size_t i = 0; ok && i < modules.size(); ++i) {
      ok = modules[i].is_string();
      if (ok) names.push_back(modules[i].get<std::string>());
    }
    if (!ok) {
      *error = "modules takes [\"plus\", \"njs\", ...], not " + Dump(modules);
      return false;
    }
    options->modules = std::move(names);
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

namespace {

// A list of strings at `key`, if there is one.
bool ReadWords(const nlohmann::ordered_json& j, const char* key,
               std::vector<std::string>* out, std::string* error) {
  if (!j.contains(key)) return true;
  const auto& list = j[key];
  bool ok = list.is_array();
  for (size_t i = 0; ok && i < list.size(); ++i) ok = list[i].is_string();
  if (!ok) {
    *error = std::string(key) + " takes a list of strings";
    return false;
  }
  for (const auto& word : list) out->push_back(word.get<std::string>());
  return true;
}

}  // namespace

bool ReadRedactionWords(const nlohmann::ordered_json& j,
                        std::vector<std::string>* sensitive_words,
                        std::vector<std::string>* keep_words, std::string* error) {
  return ReadWords(j, "sensitive_words", sensitive_words, error) &&
         ReadWords(j, "keep_words", keep_words, error);
}

}  // namespace ngxfix::wasm
