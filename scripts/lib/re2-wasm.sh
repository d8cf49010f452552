# shellcheck shell=bash
# RE2 for WebAssembly, built from Debian's source package (the same RE2 the
# native build links from libre2-dev) and installed into
# build/re2-wasm/install, for find_package(re2 CONFIG) in the `wasm` preset.
# (Emscripten's toolchain confines package searches to CMAKE_FIND_ROOT_PATH,
# so that prefix must be listed there too, not only in CMAKE_PREFIX_PATH.)
# Nothing is vendored: the source lands in build/re2-src, which git ignores.
# Two of RE2's files are replaced by ours in wasm/re2_shim: util/logging.h
# (no iostream), found first through -iquote, and re2/unicode_groups.cc (no
# Unicode script and category tables), copied over the source's.  See each
# for why.  Log messages name RE2's files from the source's root
# (-fmacro-prefix-map), so the module is the same whatever the checkout's
# path.  Compiled for size (-Oz) as LLVM bitcode (-flto), without
# exceptions or RTTI, like the rest of the module: see wasm/CMakeLists.txt.
# (RE2 alone: 48 -> 34 KB gzip'ed in the .wasm before LTO, for some 10% more
# time in analyze().)
# Needs common.sh, deps.sh, emscripten.sh.

RE2_WASM_PREFIX="$NGXFIX_BUILD/re2-wasm/install"
RE2_WASM_SHIM="$NGXFIX_ROOT/wasm/re2_shim"
RE2_WASM_FLAGS="-Oz -DNDEBUG -flto -fno-exceptions -fno-rtti"
# What the installed RE2 was built with, written beside it: an RE2 built
# before a change to the settings or to the shim is rebuilt.
RE2_WASM_STAMP="$RE2_WASM_PREFIX/ngxfix-build-settings"

re2_wasm_settings() {
  echo "$RE2_WASM_FLAGS -iquote wasm/re2_shim -fmacro-prefix-map=SOURCE/="
  (cd "$RE2_WASM_SHIM" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

re2_wasm_present() {
  [[ -f $RE2_WASM_PREFIX/lib/libre2.a && -f $RE2_WASM_PREFIX/lib/cmake/re2/re2Config.cmake &&
     -f $RE2_WASM_STAMP && $(<"$RE2_WASM_STAMP") == "$(re2_wasm_settings)" ]]
}

# apt-get source needs a deb-src entry.  If the machine has none, add one for
# Debian's main archive, the same mirror and release as its binary packages.
ensure_deb_src_entry() {
  local file=/etc/apt/sources.list.d/ngxfix-deb-src.sources uris suite
  local lists=()
  mapfile -t lists < <(find /etc/apt/sources.list /etc/apt/sources.list.d \
                         \( -name '*.list' -o -name '*.sources' \) 2>/dev/null)
  if (( ${#lists[@]} > 0 )) &&
     grep -qsE '^[[:space:]]*(deb-src[[:space:]]|Types:.*deb-src)' "${lists[@]}"; then
    return 0
  fi
  as_root_or_die "adding a deb-src entry to /etc/apt/sources.list.d" "(none)"
  # The first Debian mirror the machine uses, in deb822 or one-line format.
  uris=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' \
           /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1 || true)
  if [[ -z $uris ]]; then
    uris=$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\(http[^[:space:]]*\).*/\2/p' \
             /etc/apt/sources.list 2>/dev/null | head -n 1 || true)
  fi
  uris=${uris:-http://deb.debian.org/debian}
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  log "adding $file (deb-src $uris $suite main) for apt-get source re2"
  cat >"$file" <<EOF
Types: deb-src
URIs: $uris
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_quietly "could not read the source package lists from $uris" update
}

# Sets RE2_SRC to the unpacked, Debian-patched RE2 tree in build/re2-src;
# fails if there is none yet.
find_re2_source() {
  RE2_SRC=$(find "$NGXFIX_BUILD/re2-src" -mindepth 1 -maxdepth 1 -type d \
              -name 're2-*' 2>/dev/null | head -n 1 || true)
  [[ -n $RE2_SRC && -f $RE2_SRC/CMakeLists.txt ]]
}

# Sets RE2_SRC, fetching Debian's RE2 source package first if needed.
fetch_re2_source() {
  local dest=$NGXFIX_BUILD/re2-src
  if find_re2_source; then
    return 0
  fi
  ensure_deb_src_entry
  if ! apt-cache showsrc re2 2>/dev/null | grep -q '^Package: re2$'; then
    apt_quietly "could not refresh the package lists for RE2's source" update
    apt-cache showsrc re2 2>/dev/null | grep -q '^Package: re2$' ||
      die "apt knows no source package re2: check the deb-src entries in /etc/apt/sources.list.d"
  fi
  log "fetching Debian's RE2 source package into ${dest#"$NGXFIX_ROOT"/}"
  # Unpack beside the destination, then move it into place, so an interrupted
  # run never leaves a half tree that looks complete.
  rm -rf "$dest" "$dest.partial"
  mkdir -p "$dest.partial"
  (cd "$dest.partial" && apt_quietly "apt-get source re2 failed" source re2)
  mv "$dest.partial" "$dest"
  find_re2_source || die "apt-get source re2 gave no RE2 tree in $dest"
}

# The dfsg tarball leaves out RE2's generated tables.  Debian's build makes
# them with `make REBUILD_TABLES=1`, whose Makefile rules are
#   re2/perl_groups.cc: perl re2/make_perl_groups.pl > $@
#   re2/unicode_%.cc:   python3 re2/make_unicode_%.py > $@
# and Debian's patch points re2/unicode.py at /usr/share/unicode
# (package unicode-data).  Do exactly that, but for unicode_groups.cc, which
# is ours (see wasm/re2_shim/re2/unicode_groups.cc).
generate_re2_tables() {
  local src=$1 out gen
  cp "$RE2_WASM_SHIM/re2/unicode_groups.cc" "$src/re2/unicode_groups.cc"
  for out in perl_groups unicode_casefold; do
    [[ -s $src/re2/$out.cc ]] && continue
    if [[ $out == perl_groups ]]; then
      gen=(perl re2/make_perl_groups.pl)
    else
      # Debian's python3: python3-six is installed for it, not for pyenv's.
      gen=(/usr/bin/python3 "re2/make_$out.py")
    fi
    log "generating re2/$out.cc"
    (cd "$src" && "${gen[@]}" >"re2/$out.cc.tmp") ||
      die "generating re2/$out.cc failed (needs perl, python3-six and unicode-data)"
    mv "$src/re2/$out.cc.tmp" "$src/re2/$out.cc"
  done
}

ensure_re2_wasm() {
  if re2_wasm_present; then
    return 0
  fi
  local build=$NGXFIX_BUILD/re2-wasm/build
  fetch_re2_source
  generate_re2_tables "$RE2_SRC"
  emscripten_env
  log "building RE2 for WebAssembly into ${RE2_WASM_PREFIX#"$NGXFIX_ROOT"/}"
  rm -rf "$build" "$RE2_WASM_PREFIX"
  emcmake cmake -S "$RE2_SRC" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_CXX_FLAGS_MINSIZEREL="$RE2_WASM_FLAGS" \
    -DCMAKE_CXX_FLAGS="-iquote $RE2_WASM_SHIM -fmacro-prefix-map=$RE2_SRC/=" \
    -DRE2_BUILD_TESTING=OFF -DBUILD_TESTING=OFF \
    -DCMAKE_INSTALL_PREFIX="$RE2_WASM_PREFIX" -DCMAKE_INSTALL_LIBDIR=lib
  cmake --build "$build"
  cmake --install "$build"
  re2_wasm_settings >"$RE2_WASM_STAMP"
  re2_wasm_present || die "RE2 built but $RE2_WASM_PREFIX lacks lib/libre2.a or its CMake config"
}
