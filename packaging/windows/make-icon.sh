#!/usr/bin/env bash
# Regenerates wslatlas.ico from resources/icons/wslatlas.svg (needs librsvg2-bin and imagemagick). The .ico is
# committed so that a Windows build needs neither.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=(16 20 24 32 40 48 64 128 256) # Explorer, taskbar and title bar at 100 % to 200 % scaling
for s in "${sizes[@]}"; do
    rsvg-convert -w "$s" -h "$s" ../../resources/icons/wslatlas.svg -o "$tmp/$s.png"
done
pngs=()
for s in "${sizes[@]}"; do pngs+=("$tmp/$s.png"); done
convert "${pngs[@]}" wslatlas.ico
