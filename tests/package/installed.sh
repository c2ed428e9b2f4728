#!/usr/bin/env bash
# The installed app, as a user gets it: installs the .deb that `make package`
# built on this machine, checks the command line and the first-start window
# of the installed binaries, installs a newer package over it (the data stays
# and opens), then removes it and checks nothing of it is left but the data.
#   tests/package/installed.sh OLD.deb NEW.deb SCREENSHOT-DIR
set -euo pipefail

old_deb=$(realpath "$1")
new_deb=$(realpath "$2")
shots=$(mkdir -p "$3" && realpath "$3")
package=tremplin
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

fail() { echo "ÉCHEC : $*" >&2; exit 1; }
work=$(mktemp -d)
cleanup() {
  if dpkg -s "$package" >/dev/null 2>&1; then $sudo dpkg -r "$package" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Files the package installs, read from the package itself.
mapfile -t files < <(dpkg-deb -c "$old_deb" | awk '$1 !~ /^d/ { p = $6; sub(/^\.?\//, "", p); print "/" p }')
echo "Le paquet installe : ${files[*]}"
for f in /usr/bin/tremplin /usr/bin/tremplin-desktop /usr/share/applications/Tremplin.desktop; do
  printf '%s\n' "${files[@]}" | grep -qx "$f" || fail "le paquet ne contient pas $f"
done
printf '%s\n' "${files[@]}" | grep -q '^/usr/share/icons/hicolor/.*/apps/tremplin-desktop.png$' || fail "le paquet ne contient pas d'icône"

echo "1. Installation de $(basename "$old_deb")"
$sudo dpkg -i "$old_deb" >/dev/null
version=$(dpkg-deb -f "$old_deb" Version)
[ "$(/usr/bin/tremplin --version)" = "tremplin $version" ] || fail "tremplin --version : $(/usr/bin/tremplin --version)"
grep -q '^Name=Tremplin$' /usr/share/applications/Tremplin.desktop || fail "entrée de bureau sans nom"
grep -q '^Categories=Education;' /usr/share/applications/Tremplin.desktop || fail "entrée de bureau sans catégorie"
grep -q '^Icon=tremplin-desktop$' /usr/share/applications/Tremplin.desktop || fail "entrée de bureau sans icône"

data="$work/donnees"
/usr/bin/tremplin --data-dir "$data" demo >/dev/null
/usr/bin/tremplin --data-dir "$data" check --format json > "$work/check.json" || fail "tremplin check"
grep -q '"healthy": *true' "$work/check.json" || fail "tremplin check : $(cat "$work/check.json")"

echo "2. Premier lancement de l'application installée (Xvfb)"
fresh="$work/neuf"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  TREMPLIN_DATA_DIR="$1" /usr/bin/tremplin-desktop & app=$!
  for _ in $(seq 1 40); do [ -f "$1/tremplin.sqlite" ] && break; sleep 0.25; done
  sleep 4
  kill -0 "$app" || { echo "l’application s’est arrêtée" >&2; exit 1; }
  import -window root "$2"
  kill "$app"; wait "$app" 2>/dev/null || true' _ "$fresh" "$shots/installe-premier-lancement.png" \
  || fail "la fenêtre de l'application installée"
[ -f "$fresh/tremplin.sqlite" ] || fail "l'application installée n'a pas créé sa base dans le dossier donné"
# A window was drawn: the screen is light (the first-start page), with text on it.
mean=$(convert "$shots/installe-premier-lancement.png" -colorspace gray -format '%[fx:mean]' info:)
deviation=$(convert "$shots/installe-premier-lancement.png" -colorspace gray -format '%[fx:standard_deviation]' info:)
awk -v m="$mean" -v d="$deviation" 'BEGIN { exit !(m > 0.6 && d > 0.03) }' \
  || fail "la capture ne montre pas la fenêtre (moyenne $mean, écart $deviation)"
echo "   capture : $shots/installe-premier-lancement.png (moyenne $mean, écart $deviation)"

echo "3. Mise à jour par $(basename "$new_deb") : les données restent"
$sudo dpkg -i "$new_deb" >/dev/null
[ "$(dpkg-query -W -f '${Version}' "$package")" = "$(dpkg-deb -f "$new_deb" Version)" ] || fail "la mise à jour n'a pas été installée"
/usr/bin/tremplin --data-dir "$data" check >/dev/null || fail "la base ne s'ouvre plus après la mise à jour"
count=$(/usr/bin/tremplin --data-dir "$data" programmes --format json | grep -o '"code"' | wc -l)
[ "$count" -eq 3 ] || fail "après la mise à jour, $count filières au lieu de 3"

echo "4. Désinstallation : rien ne reste que les données"
$sudo dpkg -r "$package" >/dev/null
dpkg -s "$package" >/dev/null 2>&1 && [ "$(dpkg-query -W -f '${Status}' "$package")" != "deinstall ok config-files" ] \
  && fail "le paquet est encore installé"
for f in "${files[@]}"; do
  [ -e "$f" ] && fail "$f est resté après la désinstallation"
done
[ -f "$data/tremplin.sqlite" ] || fail "la désinstallation a touché aux données"
echo "Application installée : 4 étapes passées."
