# shellcheck shell=bash
# Set-up shared by ./scripts/serve, ./scripts/test and ./scripts/build (sourced, never run).
# Every step checks first and does nothing when its result is already there, so the commands
# are cheap to re-run. Only the package registries are used: PyPI (pip), npm, Debian (apt).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The pinned Pyodide runtime: the npm package, checked against this sha256 of its tarball.
PYODIDE_VERSION="314.0.7"
PYODIDE_SHA256="66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0"
PYODIDE_DIR="$ROOT/.cache/pyodide/$PYODIDE_VERSION"
export PYODIDE_VERSION PYODIDE_DIR
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# A Python of at least 3.11; the newest of 3.14/3.13/3.12 when present (pyodide-build needs 3.12+).
find_python() {
  local c v
  for c in python3.14 python3.13 python3.12 \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.14*/bin/python3 \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3 \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3 python3; do
    if v=$("$c" -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null) && [ "$v" = True ]; then
      echo "$c"; return 0
    fi
  done
  echo "Python 3.11 or newer is needed" >&2; return 1
}

# pip itself is pinned too (./scripts/build makes the planner wheel with `pip wheel`). The
# packages go in with uv (from PyPI, pinned here), which resolves and installs the same pins as
# pip does in seconds instead of minutes; it reads no pip.conf, so a machine's find-links or
# extra-index settings neither slow it down nor change what it installs.
PIP_VERSION="26.3"
UV_VERSION="0.13.8"
# Which dependency groups of pyproject.toml to install: dev (everything, the default) or a
# smaller set, e.g. EVEN_BACK_GROUPS=build for a deploy that only builds the site.
EVEN_BACK_GROUPS="${EVEN_BACK_GROUPS:-dev}"

ensure_venv() {
  local stamp="$ROOT/.venv/.installed" want group args=()
  want=$( (cat pyproject.toml; echo "pip==$PIP_VERSION uv==$UV_VERSION $EVEN_BACK_GROUPS") \
    | sha256sum | cut -d' ' -f1)
  if [ ! -x "$ROOT/.venv/bin/python" ]; then
    log "creating .venv"
    "$(find_python)" -m venv "$ROOT/.venv"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages (groups: $EVEN_BACK_GROUPS; pinned in pyproject.toml)"
    # Only PyPI: the machine's pip.conf may name local indexes that do not exist.
    PIP_CONFIG_FILE=/dev/null "$ROOT/.venv/bin/python" -m pip install -q "uv==$UV_VERSION"
    for group in $EVEN_BACK_GROUPS; do args+=(--group "$group"); done
    "$ROOT/.venv/bin/python" -m uv pip install -q --python "$ROOT/.venv/bin/python" \
      "pip==$PIP_VERSION" -e . "${args[@]}"
    echo "$want" > "$stamp"
  fi
  export PATH="$ROOT/.venv/bin:$PATH"
}

ensure_pyodide() {
  local tgz="$ROOT/.cache/pyodide-$PYODIDE_VERSION.tgz"
  [ -f "$PYODIDE_DIR/pyodide.asm.wasm" ] && return 0
  mkdir -p "$ROOT/.cache"
  if [ ! -f "$tgz" ]; then
    log "fetching pyodide@$PYODIDE_VERSION from the npm registry"
    (cd "$ROOT/.cache" && npm pack --silent "pyodide@$PYODIDE_VERSION" >/dev/null)
  fi
  if ! echo "$PYODIDE_SHA256  $tgz" | sha256sum -c --status; then
    echo "pyodide-$PYODIDE_VERSION.tgz does not match the pinned sha256; refusing to use it" >&2
    rm -f "$tgz"; return 1
  fi
  rm -rf "$PYODIDE_DIR.tmp" && mkdir -p "$PYODIDE_DIR.tmp"
  tar -xzf "$tgz" -C "$PYODIDE_DIR.tmp" --strip-components=1
  rm -rf "$PYODIDE_DIR" && mv "$PYODIDE_DIR.tmp" "$PYODIDE_DIR"
}

ensure_node_tools() {
  local stamp="$ROOT/node_modules/.installed" want
  want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing test tools from npm (package-lock.json)"
    npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null
    echo "$want" > "$stamp"
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Debian's chromium is missing; run: sudo apt-get install chromium" >&2; return 1
  fi
}

# Java for the HTML checker (vnu-jar, from npm): Debian's headless runtime.
ensure_java() {
  command -v java >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian's default-jre-headless (for the HTML checker)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "Java is missing (the HTML checker needs it); run: sudo apt-get install default-jre-headless" >&2
    return 1
  fi
}
