#include "tests/support/rule_fixture.h"

#include <sstream>
#include <string_view>

#include "core/tsv.h"
#include "tests/support/test_support.h"

namespace ngxfix::testing {
namespace {

constexpr std::string_view kMarker = "# ngxfix-test:";

}  // namespace

RuleFixture LoadRuleFixture(const std::string& path) {
  RuleFixture fixture{path, ReadFile(path), {}, {}, ""};
  std::istringstream lines(fixture.text);
  std::string line;
  while (std::getline(lines, line)) {
    size_t at = line.find(kMarker);
    if (at == std::string::npos) continue;
    std::istringstream words(line.substr(at + kMarker.size()));
    std::string word;
    while (words >> word) {
      if (word == "expect") {
        std::string rule;
        uint32_t where = 0;
        if (!(words >> rule >> where)) fixture.error = "bad expect: " + line;
        fixture.expected.insert({rule, where});
      } else if (word.rfind("nginx-version=", 0) == 0) {
        auto version = NginxVersion::Parse(word.substr(14));
        if (!version) fixture.error = "bad version: " + word;
        fixture.options.analysis.nginx_version = version.value_or(NginxVersion{});
      } else if (word.rfind("backend=", 0) == 0) {
        std::string spec = word.substr(8);
        size_t eq = spec.rfind('=');
        auto protocol = ParseProtocol(spec.substr(eq + 1));
        if (eq == std::string::npos || !protocol) {
          fixture.error = "bad backend: " + word;
          continue;
        }
        fixture.options.analysis.backends.push_back(
            {spec.substr(0, eq), *protocol});
      } else if (word.rfind("logged=", 0) == 0) {
        // logged=BACKEND=CAUSE: what `--evidence` would learn from a log.
        std::string spec = word.substr(7);
        size_t eq = spec.rfind('=');
        if (eq == std::string::npos) {
          fixture.error = "bad logged: " + word;
          continue;
        }
        fixture.options.analysis.logged_causes[spec.substr(0, eq)].push_back(
            spec.substr(eq + 1));
      } else if (word.rfind("modules=", 0) == 0) {
        // modules=A,B: what `--modules A,B` says the target has.
        std::vector<std::string> modules;
        std::string list = word.substr(8);
        for (std::string_view m : Split(list, ',')) {
          if (!m.empty() && m != "none") modules.emplace_back(m);
        }
        fixture.options.analysis.modules = std::move(modules);
      } else if (word == "hardening") {
        fixture.options.hardening = true;
      } else {
        fixture.error = "unknown word: " + word;
      }
    }
  }
  return fixture;
}

std::vector<std::string> RuleFixturePaths() {
  std::vector<std::string> paths;
  for (const std::string& path :
       ListFiles(std::string(NGXFIX_SOURCE_DIR) + "/tests/rules")) {
    if (path.ends_with(".conf") && !path.ends_with(".fixed.conf")) {
      paths.push_back(path);
    }
  }
  return paths;
}

}  // namespace ngxfix::testing
