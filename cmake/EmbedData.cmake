# ngxfix_embed_data(TARGET FILE SYMBOL [BLANK_COLUMNS N...])
#
# Compiles FILE into TARGET as `extern const std::string_view SYMBOL`, so that
# facts kept in data files (directive tables, detector patterns) reach the
# native and the WebAssembly builds alike, with no file system at run time.
# BLANK_COLUMNS lists the 1-based columns of a .tsv that no code reads: they
# are embedded as "-", so that every row keeps its shape while the file
# itself stays whole as the documented fact table.
function(ngxfix_embed_data target file symbol)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "" "BLANK_COLUMNS")
  string(REPLACE ";" "," blank "${arg_BLANK_COLUMNS}")
  get_filename_component(abs "${file}" ABSOLUTE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${abs} -DOUT=${out} -DSYMBOL=${symbol}
            "-DBLANK_COLUMNS=${blank}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    DEPENDS "${abs}" "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
