# Writes the bytes of IN as a C++ array named SYMBOL into OUT.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(LENGTH "${hex}" hex_length)
math(EXPR length "${hex_length} / 2")
file(WRITE "${OUT}"
  "// Generated from ${IN}; do not edit.\n"
  "#include <string_view>\n"
  "namespace ngxfix {\n"
  "static const unsigned char kBytes[] = {${bytes} 0};\n"
  "extern const std::string_view ${SYMBOL}(\n"
  "    reinterpret_cast<const char*>(kBytes), ${length});\n"
  "}  // namespace ngxfix\n")
