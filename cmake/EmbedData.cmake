# ngxfix_embed_data(TARGET FILE SYMBOL)
#
# Compiles FILE into TARGET as `extern const std::string_view SYMBOL`, so that
# facts kept in data files (directive tables, detector patterns) reach the
# native and the WebAssembly builds alike, with no file system at run time.
function(ngxfix_embed_data target file symbol)
  get_filename_component(abs "${file}" ABSOLUTE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${abs} -DOUT=${out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    DEPENDS "${abs}" "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
