#!/usr/bin/env bash
# Every C++ file in the tree follows .clang-format (clang-format 14). To fix: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh tidy
git ls-files -z '*.cpp' '*.h' '*.cpp.in' | xargs -0 clang-format --dry-run --Werror
echo "== format.sh: $(git ls-files '*.cpp' '*.h' '*.cpp.in' | wc -l) files follow .clang-format"
