#!/usr/bin/env bash
# Renders the main window on the bundled sample, one PNG per tab, light and dark, into docs/screenshots
# (or $1). Uses the offscreen platform, so it needs no display. Build first (scripts/build.sh release).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
app=${WSLATLAS_APP:-build/release/app/wslatlas}
[ -x "$app" ] || { echo "screenshots: build first (scripts/build.sh release); $app is missing" >&2; exit 2; }
config=$(mktemp -d) # a fresh QSettings: no window state of the user's leaks into the pictures
trap 'rm -rf "$config"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$config"
"$app" --sample --screenshots "$out" --size 1440x900
"$app" --sample --dark --screenshots "$out/dark" --size 1440x900
ls "$out"/*.png "$out"/dark/*.png
