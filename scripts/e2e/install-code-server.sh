#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench + extension host) into a cache folder,
# outside the extension's own dependencies: it is a test tool, 300 MB, and must not land
# in package.json. Reused when present. Usage: install-code-server.sh <cache-dir>
set -euo pipefail
VERSION=4.100.3   # the last release whose engines.node is 20 (its postinstall checks the major)
dir=${1:?usage: install-code-server.sh <cache-dir>}
bin="$dir/node_modules/.bin/code-server"
if [ -x "$bin" ] && [ -f "$dir/.installed-$VERSION" ]; then
  exit 0
fi
mkdir -p "$dir"
# Two test runs starting at once must not install into the same folder together.
exec 9>"$dir/.install.lock"
flock 9
if [ -x "$bin" ] && [ -f "$dir/.installed-$VERSION" ]; then
  exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is missing; run scripts/e2e/install-deps.sh" >&2; exit 1; }
# @vscode/ripgrep downloads from GitHub unless its cache tarball is already in $TMPDIR:
# hand it Debian's rg packed under the name it looks for.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/rg" "$tmp/vscode-ripgrep-cache-1.15.11"
cp "$(command -v rg)" "$tmp/rg/rg"
tar czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg
cd "$dir"
[ -f package.json ] || echo '{ "name": "code-server-cache", "private": true }' > package.json
# As root the postinstall needs unsafe_perm; node-pty runs `npx node-gyp`, which needs yes=true.
TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false \
  npm install --no-save --foreground-scripts "code-server@$VERSION" > "$dir/install.log" 2>&1 || {
  echo "install-code-server: npm install failed; last lines of $dir/install.log:" >&2
  tail -20 "$dir/install.log" >&2
  exit 1
}
touch "$dir/.installed-$VERSION"
