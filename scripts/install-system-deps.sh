#!/usr/bin/env bash
# Installs what Tremplin needs from the system, only what is missing.
#   scripts/install-system-deps.sh build   -> to build and run the app
#   scripts/install-system-deps.sh test    -> also what the tests need
# On Debian/Ubuntu it uses apt-get (as root, or through sudo). Elsewhere it
# says what to install and carries on: the build will tell if something lacks.
set -euo pipefail

layer="${1:-build}"
build_packages=(pkg-config build-essential file libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev libssl-dev)
# fonts-dejavu-core: the real-window test lays the lists out in DejaVu Sans, the
# widest font a bare Linux has (not every Debian image ships it).
test_packages=(xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick fonts-dejavu-core)

packages=("${build_packages[@]}")
if [ "$layer" = "test" ]; then packages+=("${test_packages[@]}"); fi

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "Système non Debian/Ubuntu : installez vous-même WebKitGTK 4.1 (ou rien sous macOS/Windows)," \
       "Node.js 20+ et Rust ; voir README.md." >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installation des paquets système manquants : ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
