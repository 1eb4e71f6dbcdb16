#!/usr/bin/env bash
# Installs what is missing, builds, and runs WSL Atlas. With a display it opens the desktop program (on WSL
# it collects from wsl.exe; elsewhere it shows the bundled sample: choose "This Linux host" and Refresh for
# a live one). Without a display it takes a snapshot of what it can reach (WSL through wsl.exe when
# reachable, otherwise this Linux host), prints its tree and keeps the file. Arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
# The two programs only: the tests, fuzz replays and benchmarks are built by scripts/test.sh.
scripts/build.sh release wslatlas wslatlas-cli
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${WSLATLAS_NO_GUI:-}" ]; then
    exec build/release/app/wslatlas "$@"
fi
cli=build/release/app/wslatlas-cli
out=${WSLATLAS_SNAPSHOT:-${XDG_STATE_HOME:-$HOME/.local/state}/wslatlas/snapshot.json}
mkdir -p "$(dirname "$out")"
if command -v wsl.exe >/dev/null 2>&1; then
    "$cli" snapshot -o "$out" || [ $? -eq 1 ]
else
    "$cli" snapshot --local -o "$out" || [ $? -eq 1 ]
fi
"$cli" tree "$out" --max-processes 10
echo "Snapshot written to $out (all processes: $cli tree $out)"
echo "No display: to see it drawn, $cli export $out --view pid -o pid.png (or run with a display for the GUI)"
