#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: dev), all of it or only the targets named.
#   scripts/build.sh [PRESET [TARGET...]]      e.g. scripts/build.sh release wslatlas wslatlas-cli
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
[ $# -gt 0 ] && shift
targets=()
[ $# -gt 0 ] && targets=(--target "$@")
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" "${targets[@]}"
