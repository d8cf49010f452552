# shellcheck shell=bash
# Installs what ngxfix needs from Debian's and npm's registries, and nothing
# from anywhere else.  Every function is idempotent and quiet when there is
# nothing to do.  Needs common.sh.

# Debian packages, with why each is needed.
NGXFIX_DEBIAN_PACKAGES=(
  cmake ninja-build g++ pkg-config   # the native build
  libre2-dev nlohmann-json3-dev      # the core's libraries (native)
  libgtest-dev                       # unit tests
  libssl-dev                         # ngxfix probe: TLS and ALPN (CLI only)
  emscripten                         # the WebAssembly build (brings clang, lld, binaryen)
  clang-14 libclang-rt-14-dev        # fuzz preset: clang++-14 and libFuzzer's runtime
  nginx-core openssl                 # tests that ask a real nginx (nginx -t) about a config
  chromium                           # browser tests (headless; no test tool downloads a browser)
  dpkg-dev patch                     # apt-get source re2 (unpacks and patches it)
  python3 python3-six unicode-data   # regenerating RE2's Unicode tables
)

apt_installed() {
  [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null) == ii* ]]
}

# Runs apt-get with its output kept in a log; on failure prints that log and
# REASON, then fails.
apt_quietly() {
  local reason=$1; shift
  local out
  out=$(mktemp)
  # Wait for another apt/dpkg (unattended upgrades, a second session) to
  # finish instead of failing on its lock at once.
  if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@" >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    die "apt-get $* failed: $reason"
  fi
  rm -f "$out"
}

as_root_or_die() {
  (( EUID == 0 )) || die "$1 needs root (apt-get); run as root or install: ${*:2}"
}

# Installs the Debian packages in "$@" that are missing, running
# `apt-get update` only then.
ensure_debian_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    apt_installed "$pkg" || missing+=("$pkg")
  done
  (( ${#missing[@]} > 0 )) || return 0

  as_root_or_die "installing packages" "${missing[@]}"
  log "installing from Debian: ${missing[*]}"
  apt_quietly "could not refresh the package lists (is Debian's mirror reachable?)" update
  apt_quietly "could not install ${missing[*]}" install -y --no-install-recommends "${missing[@]}"

  # Debian's nginx postinst may start the system service on port 80; the
  # tests run their own nginx with -p in temporary prefixes, so stop it.
  if [[ " ${missing[*]} " == *" nginx-core "* ]]; then
    stop_system_nginx
  fi
}

stop_system_nginx() {
  local pid
  service nginx stop >/dev/null 2>&1 || true
  if [[ -s /run/nginx.pid ]]; then
    pid=$(<"/run/nginx.pid")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping the system nginx (pid $pid) that the package started"
      kill -QUIT "$pid" 2>/dev/null || true
    fi
  fi
}

# Node.js: use whatever node is on the machine (Node 20 here); only when there
# is none, install Debian's nodejs and npm.
ensure_node() {
  local want=()
  command -v node >/dev/null 2>&1 || want+=(nodejs)
  command -v npm >/dev/null 2>&1 || want+=(npm)
  (( ${#want[@]} == 0 )) || ensure_debian_packages "${want[@]}"
}

ensure_system_packages() {
  ensure_node
  ensure_debian_packages "${NGXFIX_DEBIAN_PACKAGES[@]}"
}

# npm packages (for browser tests, later) come from the npm registry into the
# repository's node_modules, as package.json and package-lock.json say.
# Nothing to do without a package.json, or when node_modules is up to date
# (npm writes node_modules/.package-lock.json on every install).
ensure_npm_deps() {
  local root=$NGXFIX_ROOT stamp=$NGXFIX_ROOT/node_modules/.package-lock.json
  [[ -f $root/package.json ]] || return 0
  if [[ -f $stamp && $stamp -nt $root/package.json &&
        ( ! -f $root/package-lock.json || $stamp -nt $root/package-lock.json ) ]]; then
    return 0
  fi
  log "installing npm packages into node_modules"
  if [[ -f $root/package-lock.json ]]; then
    (cd "$root" && npm ci --no-audit --no-fund)
  else
    (cd "$root" && npm install --no-audit --no-fund)
  fi
}
