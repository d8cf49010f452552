// See command_io.h.

#include "cli/command_io.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace ngxfix {

bool ReadFileOrStdin(const std::string& path, std::string* text) {
  std::ostringstream contents;
  if (path == "-") {
    contents << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    contents << in.rdbuf();
  }
  *text = std::move(contents).str();
  return true;
}

void WriteStdout(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

int CommandUsageError(const std::string& message) {
  std::cerr << "ngxfix: " << message << "\nTry 'ngxfix --help'.\n";
  return kCommandExitUsage;
}

}  // namespace ngxfix
