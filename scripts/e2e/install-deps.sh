#!/usr/bin/env bash
# Debian packages the real-editor tests need (chromium for code-server, neovim, and the
# build tools code-server's native modules compile with). Installs only what is missing,
# so a warm machine spends no time here. Needs root (CI and dev machines run as root).
set -euo pipefail

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
command -v nvim >/dev/null || need+=(neovim)
command -v unzip >/dev/null || need+=(unzip)
# Build deps of code-server's native modules (node-pty, kerberos, @vscode/spdlog …).
for pkg in g++ make python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# A subset can be asked for: `install-deps.sh neovim` installs only what that test needs.
if [ "$#" -gt 0 ]; then
  wanted=()
  for pkg in "${need[@]}"; do
    for arg in "$@"; do [ "$pkg" = "$arg" ] && wanted+=("$pkg"); done
  done
  need=("${wanted[@]+"${wanted[@]}"}")
fi

if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
echo "install-deps: apt-get install ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale on a fresh machine; update once, then install.
if ! apt-get install -y "${need[@]}" >/dev/null 2>&1; then
  apt-get update >/dev/null
  apt-get install -y "${need[@]}" >/dev/null
fi
