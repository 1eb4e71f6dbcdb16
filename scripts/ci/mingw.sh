#!/usr/bin/env bash
# CI step: core/ and the unit tests that need nothing else, cross-built for 64-bit Windows with Debian's
# MinGW-w64 (so that core's Windows-only branches compile, warnings as errors), then run under wine.
#   scripts/ci/mingw.sh                          build and test
#   WSLATLAS_MINGW_WINE=0 scripts/ci/mingw.sh    build only
#   WSLATLAS_MINGW_BUILD_TYPE=Debug ...          Release by default
# wine is installed because it is cheap: measured on the 2-core CI machine, `scripts/deps.sh wine` takes about
# 15 s (about 105 MB of packages) and wine's first start in a fresh prefix 6 to 11 s; the tests then take
# about 10 s. The prefix is kept in the build folder, so later runs skip the first start.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=build/mingw
build_type=${WSLATLAS_MINGW_BUILD_TYPE:-Release}
use_wine=${WSLATLAS_MINGW_WINE:-1}

scripts/deps.sh mingw
emulator=()
if [ "$use_wine" = 1 ]; then
    scripts/deps.sh wine
    emulator=(-DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v wine)")
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
    -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/mingw-w64-x86_64.cmake" \
    -DWSLATLAS_CORE_ONLY=ON -DWSLATLAS_GTEST_SOURCE_DIR=/usr/src/googletest "${emulator[@]}"
cmake --build "$build" -j2

# The Windows programs' resources (packaging/windows: icon, version information) compile with windres, and
# their manifest is well-formed XML; the MSVC build that uses them is untested.
sed -e "s|@WSLATLAS_ICO@|$PWD/packaging/windows/wslatlas.ico|" -e 's|@WSLATLAS_FILE_DESCRIPTION@|WSL Atlas|' \
    -e 's|@WSLATLAS_EXE@|wslatlas.exe|' -e 's|@PROJECT_VERSION@|0.0.0|' -e 's|@PROJECT_VERSION_[A-Z]*@|0|g' \
    packaging/windows/wslatlas.rc.in >"$build/wslatlas.rc"
x86_64-w64-mingw32-windres "$build/wslatlas.rc" -O coff -o "$build/wslatlas.res"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' packaging/windows/wslatlas.manifest
echo "mingw: packaging/windows/wslatlas.rc.in compiles ($(stat -c %s "$build/wslatlas.res") bytes), the manifest parses"

if [ "$use_wine" != 1 ]; then
    echo "mingw: built; tests not run (WSLATLAS_MINGW_WINE=0)"
    exit 0
fi

# Quiet (also hides Debian's "wine32 is missing" hint: these are 64-bit programs), no Mono or Gecko install
# prompt, no window: the tests are console programs.
export WINEPREFIX="$PWD/$build/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml="
unset DISPLAY WAYLAND_DISPLAY
# A machine where wine cannot start at all (no usable kernel features in a sandbox, say) still gets the build.
if ! timeout 300 wine "$build/tests/core/net/tst_address.exe" --gtest_list_tests >/dev/null 2>&1; then
    echo "mingw: built; wine does not start here, tests not run" >&2
    exit 0
fi
status=0
ctest --test-dir "$build" --output-on-failure --no-tests=error --timeout 300 -j2 || status=$?
# The prefix's wineserver lingers a few seconds after the last program: wait, so that nothing outlives the step.
wineserver -w || true
exit "$status"
