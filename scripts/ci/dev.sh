#!/usr/bin/env bash
# The test suite on the dev (Debug) build: unit, collector, capture, app, ui, gui and kernel tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
scripts/ci/ctest_failures.sh --preset dev
