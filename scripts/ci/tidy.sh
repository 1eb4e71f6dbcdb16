#!/usr/bin/env bash
# clang-tidy with the agreed check set (.clang-tidy) on core/, using the dev build's compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh tidy
[ -f build/dev/compile_commands.json ] || { cmake --preset dev >/dev/null; cmake --build --preset dev --target wslatlas_core; }
# GCC-only warning flags in the compile commands mean nothing to clang.
git ls-files -z 'core/*.cpp' |
    xargs -0 -n 1 -P 2 clang-tidy -p build/dev --quiet --extra-arg=-Wno-unknown-warning-option
echo "== tidy.sh: core/ is clean under .clang-tidy"
