# Writes the bytes of IN as a C++ array named SYMBOL into OUT.  A .tsv file
# loses its comment lines first: ReadTsv() (core/tsv.cc) skips them anyway,
# and they weigh some 4 KB of the gzip'ed WebAssembly page.  The columns in
# BLANK_COLUMNS (1-based, comma-separated), which no code reads, become "-"
# (directives.tsv's notes: 2 KB).  Other files are embedded byte for byte.
if(IN MATCHES "\\.tsv$")
  file(READ "${IN}" text)
  # Each comment line goes with the newline before it; the first line has
  # none, hence the newline put in front and taken off again.
  string(REGEX REPLACE "\n#[^\n]*" "" text "\n${text}")
  string(REPLACE "," ";" blank_columns "${BLANK_COLUMNS}")
  foreach(column IN LISTS blank_columns)
    # The cells before the column, kept; CMake's regex has no {n} repeat.
    math(EXPR kept "${column} - 1")
    string(REPEAT "[^\t\n]*\t" ${kept} before)
    string(REGEX REPLACE "\n(${before})[^\t\n]*" "\n\\1-" text "${text}")
  endforeach()
  string(SUBSTRING "${text}" 1 -1 text)
  string(HEX "${text}" hex)
else()
  file(READ "${IN}" hex HEX)
endif()
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
