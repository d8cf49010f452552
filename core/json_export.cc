// Placeholder until the JSON export lands; owned by the JSON export work.
#include "core/json_export.h"
namespace ngxfix {
nlohmann::json TreeToJson(const SyntaxTree&) { return nlohmann::json::object(); }
nlohmann::json TreeToCrossplane(const SyntaxTree&, const CrossplaneOptions&) { return nlohmann::json::object(); }
}
