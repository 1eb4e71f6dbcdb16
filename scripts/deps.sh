#!/usr/bin/env bash
# Installs what the build, the program and the tests need, when it is missing (Debian 12 / Ubuntu 22.04+).
# With no argument: the build and the test suite. Extra groups for the other CI steps:
#   scripts/deps.sh tidy | fuzz | mingw | wine | package | fresh
# The lists are what each step needs on a clean Debian 12 root (scripts/ci/fresh.sh proves the first one in
# every CI run). libqt6opengl6-dev: Qt6Charts' CMake package needs Qt6OpenGL's, and qt6-charts-dev does not
# pull it in.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config
      qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      libgl-dev libgraphviz-dev graphviz nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
      busybox dash util-linux iproute2 procps xvfb xauth
      python3)  # the Windows test doubles (tests/windows/doubles) are python3 scripts
for group in "$@"; do
    case "$group" in
        tidy) pkgs+=(clang-format clang-tidy clazy) ;;
        fuzz) pkgs+=(clang libclang-rt-dev) ;;
        mingw) pkgs+=(g++-mingw-w64-x86-64-posix googletest) ;;
        wine) pkgs+=(wine wine64) ;;
        package) pkgs+=(file dpkg-dev desktop-file-utils) ;;
        fresh) pkgs+=(mmdebstrap) ;;
        *) echo "deps.sh: unknown group '$group' (tidy, fuzz, mingw, wine, package, fresh)" >&2; exit 2 ;;
    esac
done
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    start=$SECONDS
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    echo "deps.sh: installed ${#missing[@]} packages and what they need in $((SECONDS - start)) s (download and unpack)"
fi
