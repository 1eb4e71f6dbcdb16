#!/usr/bin/env bash
# clang-tidy with the agreed check set (.clang-tidy) on core/, ui/ and app/, then clazy on ui/ and app/, using the dev build's
# compile_commands.json. Only our tracked sources are checked: moc's output (build/dev/*_autogen) is no
# translation unit here, and the header filter below names our three folders in this checkout, so that no
# header under build/ (whose path also holds /ui/ or /app/) is checked either.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh tidy
[ -f build/dev/compile_commands.json ] || { cmake --preset dev >/dev/null; cmake --build --preset dev --target wslatlas_core; }
start=$SECONDS
jobs=$(nproc 2>/dev/null || echo 2)
# GCC-only warning flags in the compile commands mean nothing to clang. One clang-tidy per file, as many at
# once as there are cores (a Qt translation unit takes several seconds: see the timing printed below).
git ls-files -z 'core/*.cpp' 'ui/*.cpp' 'app/*.cpp' |
    xargs -0 -n 1 -P "$jobs" clang-tidy -p build/dev --quiet --extra-arg=-Wno-unknown-warning-option \
        --header-filter="^$PWD/(core|ui|app)/"
echo "== tidy.sh: core/, ui/ and app/ are clean under .clang-tidy ($((SECONDS - start)) s, $jobs at once)"
# clazy (Debian's 1.11, built on the same LLVM 14) on the Qt code: its level0 and level1 checks, less
# non-pod-global-static (our file-scope QString keys are built from QStringLiteral's static data, used only
# inside their own file, so there is no order-of-initialisation hazard to find). The compile commands carry
# -Werror, so any clazy warning is an error and fails the step.
start=$SECONDS
git ls-files -z 'ui/*.cpp' 'app/*.cpp' |
    xargs -0 -n 1 -P "$jobs" clazy-standalone -p build/dev --checks=level0,level1,no-non-pod-global-static \
        --extra-arg=-Wno-unknown-warning-option --header-filter="^$PWD/(ui|app)/"
echo "== tidy.sh: ui/ and app/ are clean under clazy level0 + level1 ($((SECONDS - start)) s, $jobs at once)"
