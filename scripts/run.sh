#!/usr/bin/env bash
# Installs what is missing, builds, and runs WSL Atlas on its embedded default: a snapshot of what it can
# reach (WSL through wsl.exe when reachable, otherwise this Linux host), its tree printed, the file kept.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh release
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
