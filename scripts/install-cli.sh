#!/usr/bin/env bash
# Installs the `handoff` command from this checkout into PREFIX (PREFIX/bin/handoff), the way a
# user installs a package: `npm pack` (which builds the bundle through the "prepare" script),
# then `npm install -g --prefix PREFIX` of the tarball. The package has no dependencies, so the
# install fetches nothing. Used by the GitHub Action (action.yml) and by the packaging test.
# Usage: install-cli.sh PREFIX [PACK_DIR]: the tarball is kept in PACK_DIR when given.
# Prints the installed command's path.
set -euo pipefail
prefix=${1:?usage: install-cli.sh PREFIX [PACK_DIR]}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# A fresh checkout (the Action's) needs the build tools once; a working tree that has them keeps them.
if [ ! -x node_modules/.bin/esbuild ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
if [ -n "${2:-}" ]; then
  dest=$2
  mkdir -p "$dest"
else
  dest=$(mktemp -d)
  trap 'rm -rf "$dest"' EXIT
fi
tarball=$(npm pack --silent --pack-destination "$dest" | tail -n 1)
mkdir -p "$prefix"
npm install -g --prefix "$prefix" --no-audit --no-fund --loglevel=error "$dest/$tarball" >&2
echo "$prefix/bin/handoff"
