#!/usr/bin/env bash
# The WSL-shaped pid-namespace tree the Windows test doubles stand over, built on the real kernel with
# unshare (tests/kernel/ns_tree_lib.sh, as the kernel test builds its trees):
#
#   R   the VM root (wsl --debug-shell lands here)
#   ├── W1  Ubuntu's WSLg system distro (wsl --system -d Ubuntu)
#   │   └── D1  Ubuntu
#   ├── D3  Alpine, GUI apps off in its /etc/wsl.conf: no WSLg level
#   ├── I   a level nobody lands in
#   │   └── D4  docker-desktop (own network namespace), GUI apps off
#   └── W5  docker-desktop-data's WSLg system distro
#       └── D5  docker-desktop-data (data only: nothing runs in it)
#
#   wsl_tree.sh start STATE   builds it; STATE gets "NAME INIT MARKER" lines and "ROOT PID:STARTTIME"
#   wsl_tree.sh stop STATE    ends it (R's init: the whole tree goes with it)
# Exit 77 when it cannot run here (not root, no unshare/nsenter, no pid namespaces).
set -euo pipefail

readonly lifetime=${WSLATLAS_KERNEL_LIFETIME:-900}
if [[ $# -ne 2 ]]; then
    echo "usage: $0 start|stop STATE" >&2
    exit 2
fi
command=$1
state=$2
declare -A init=() marker=()
owned=()
# shellcheck source=../kernel/ns_tree_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../kernel/ns_tree_lib.sh"

case $command in
start)
    ((EUID == 0)) || { echo "SKIP: needs root (pid namespaces, nsenter)"; exit 77; }
    for tool in unshare nsenter; do
        command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
    done
    unshare --pid --fork --mount-proc true </dev/null >/dev/null 2>&1 ||
        { echo "SKIP: unshare --pid --fork --mount-proc does not work here"; exit 77; }
    : >"$state"
    spawn_ns R "" 680000
    echo "ROOT ${init[R]}:$(start_of "${init[R]}")" >>"$state"
    spawn_ns W1 R 681001
    spawn_ns D1 W1 680001
    spawn_ns D3 R 680003
    spawn_ns I R 681004
    spawn_ns D4 I 680004 --net
    spawn_ns W5 R 681005
    spawn_ns D5 W5 680005
    ;;
stop)
    root=$(awk '$1 == "ROOT" {print $2}' "$state")
    [[ -z $root ]] || { kill_exactly "$root"; await_exit 5 "$root"; }
    ;;
*)
    echo "usage: $0 start|stop STATE" >&2
    exit 2
    ;;
esac
