#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test and check. `.ci/run` calls it.
#   scripts/test.sh               every step below, in order
#   scripts/test.sh dev asan ...  only those steps
# Steps (each is scripts/ci/STEP.sh, which can also be run alone):
#   format   every C++ file follows .clang-format; a core.autocrlf=true checkout is byte-identical
#   fresh    set-up from nothing: in a clean Debian 12 root, run.sh prints the tree and `test.sh dev` passes
#   dev      the test suite on the Debug build (the kernel tests need root and skip themselves otherwise);
#            skipped when fresh has just run it in its clean root
#   tidy     clang-tidy on core/, ui/ and app/ with .clang-tidy's checks; clazy level0 + level1 on ui/ and app/
#   asan     the test suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   fuzz     each libFuzzer target for 30 s, seeded from the test fixtures
#   mingw    core/ and its unit tests cross-built with MinGW-w64, the tests run under wine
#   package  the .deb built, installed with apt, and the installed programs run (needs root)
set -euo pipefail
cd "$(dirname "$0")/.."
all=(format fresh dev tidy asan fuzz mingw package)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${all[@]}")
for step in "${steps[@]}"; do
    [[ " ${all[*]} " == *" $step "* ]] || { echo "test.sh: unknown step '$step' (${all[*]})" >&2; exit 2; }
done
summary=()
# When the fresh step ran `test.sh dev` in its clean root (it writes this file then), the dev step here would
# repeat the same suite on the same commit: it is skipped, saving a third of the run.
fresh_dev=$(mktemp)
rm -f "$fresh_dev"
trap 'rm -f "$fresh_dev"' EXIT
export WSLATLAS_FRESH_DEV_PASSED=$fresh_dev
for step in "${steps[@]}"; do
    echo "===== $step"
    start=$SECONDS
    if [ "$step" = dev ] && [ -s "$fresh_dev" ]; then
        echo "===== dev: passed inside the fresh root above (commit $(cut -c1-12 "$fresh_dev")), not repeated"
        summary+=("dev (in fresh)")
        continue
    fi
    if ! "scripts/ci/$step.sh"; then
        echo "===== $step FAILED after $((SECONDS - start)) s" >&2
        exit 1
    fi
    summary+=("$step $((SECONDS - start)) s")
done
echo "===== all passed: ${summary[*]}"
