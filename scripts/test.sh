#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (the unit, model/view, collector and kernel tests;
# the kernel tests need root and skip themselves otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh dev
ctest --preset dev
