#!/usr/bin/env bash
# Installs what the build, the program and the tests need, when it is missing (Debian 12 / Ubuntu 22.04+).
# With no argument: the build and the test suite. Extra groups for the other CI steps:
#   scripts/deps.sh tidy | fuzz | mingw | wine | package
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config
      qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      libgl-dev libgraphviz-dev graphviz nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
      busybox dash util-linux iproute2 procps xvfb xauth)
for group in "$@"; do
    case "$group" in
        tidy) pkgs+=(clang-format clang-tidy) ;;
        fuzz) pkgs+=(clang libclang-rt-dev) ;;
        mingw) pkgs+=(g++-mingw-w64-x86-64-posix googletest) ;;
        wine) pkgs+=(wine wine64) ;;
        package) pkgs+=(file dpkg-dev desktop-file-utils) ;;
        *) echo "deps.sh: unknown group '$group' (tidy, fuzz, mingw, wine, package)" >&2; exit 2 ;;
    esac
done
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
