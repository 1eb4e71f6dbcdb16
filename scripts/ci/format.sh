#!/usr/bin/env bash
# Every C++ file in the tree follows .clang-format (clang-format 14). To fix: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh tidy
git ls-files -z '*.cpp' '*.h' '*.cpp.in' | xargs -0 clang-format --dry-run --Werror
echo "== format.sh: $(git ls-files '*.cpp' '*.h' '*.cpp.in' | wc -l) files follow .clang-format"

# A Windows checkout (core.autocrlf=true) gets the same bytes as this one: .gitattributes keeps scripts and
# sources LF and the captured fixtures byte-exact.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet -c core.autocrlf=false . "$tmp/lf"
git clone --quiet -c core.autocrlf=true . "$tmp/crlf"
if ! diff <(cd "$tmp/lf" && git ls-files -z | xargs -0 sha1sum) <(cd "$tmp/crlf" && git ls-files -z | xargs -0 sha1sum) \
    >"$tmp/diff"; then
    echo "format.sh: a checkout with core.autocrlf=true changes these files (fix .gitattributes):" >&2
    grep '^>' "$tmp/diff" | head -20 >&2
    exit 1
fi
echo "== format.sh: a core.autocrlf=true checkout is byte-identical ($(git ls-files | wc -l) files)"
