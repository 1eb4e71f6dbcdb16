#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer (any report fails the
# test that triggered it: -fno-sanitize-recover, and LeakSanitizer at exit).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
scripts/ci/ctest_failures.sh --preset asan
