#!/usr/bin/env bash
# CI step: set-up from nothing. Builds a clean Debian 12 root (mmdebstrap --variant=apt, from this machine's
# own apt sources and apt.conf.d settings), clones the commit under test into it and, as a newcomer would,
# runs the README's two commands there: `WSLATLAS_NO_GUI=1 ./scripts/run.sh` (must print the pid tree of that
# root) and `./scripts/test.sh dev`. So a package that scripts/deps.sh forgets fails CI, whatever this
# machine happens to have installed.
#
# The root is entered with pivot_root inside its own mount namespace (not chroot: in a chroot, `nsenter -m`
# and `ip netns exec` see the host's root and the kernel tests fail for reasons no real machine has). Every
# mount lives in that namespace only; the root is removed on success, failure and interrupt alike.
#   FRESH_KEEP=1 scripts/ci/fresh.sh       keep the root (its path is printed) to look around after a failure
#   FRESH_ROOT=DIR ...                     use a root kept before (as it is: no new root, no new clone)
#   FRESH_STEPS="run" ...                  only the run command (default: "run test"); other words are
#                                          scripts/test.sh steps, run in the root (e.g. "tidy mingw")
# Needs root; skips with one line otherwise, or when mmdebstrap cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD

if [ "$(id -u)" -ne 0 ]; then
    echo "== fresh.sh: SKIPPED: building and entering a Debian root needs root (CI runs as root)"
    exit 0
fi
if ! scripts/deps.sh fresh >/dev/null 2>&1 || ! command -v mmdebstrap >/dev/null; then
    echo "== fresh.sh: SKIPPED: mmdebstrap cannot be installed here (apt-get install mmdebstrap failed)"
    exit 0
fi
commit=$(git -C "$src" rev-parse HEAD)
[ -z "$(git -C "$src" status --porcelain --untracked-files=no)" ] ||
    echo "== fresh.sh: note: the work tree has uncommitted changes; the fresh root tests the commit $commit only"

reuse=0
if [ -n "${FRESH_ROOT:-}" ]; then
    [ -d "$FRESH_ROOT/root/wslatlas" ] || { echo "fresh.sh: $FRESH_ROOT is not a root kept by fresh.sh" >&2; exit 2; }
    root=$(cd "$FRESH_ROOT" && pwd) reuse=1 FRESH_KEEP=1
else
    root=$(mktemp -d "${TMPDIR:-/var/tmp}/wslatlas-fresh.XXXXXX")
fi
logs=$root.logs
mkdir -p "$logs"
enter_pid=
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # The mounts die with the namespace's last process; end it first, then remove what is left on this
    # file system only (nothing of the host can be reached through a mount point that way).
    [ -n "$enter_pid" ] && kill -- -"$enter_pid" 2>/dev/null && wait "$enter_pid" 2>/dev/null
    while read -r target; do umount -l "$target" 2>/dev/null || true; done \
        < <(findmnt -rn -o TARGET | grep -F "$root" | sort -r || true)
    if [ "${FRESH_KEEP:-0}" = 1 ]; then
        echo "== fresh.sh: root kept in $root (logs in $logs)"
    else
        rm -rf --one-file-system "$root" "$logs"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The first line of a log that says what went wrong, for the one-line failure report.
first_error() {
    grep -m1 -E '(^|[^a-z])(error|Error|ERROR|FAILED|[Ff]ailed|not found|cannot|Could not|could not)([^a-z]|$)' "$1" ||
        tail -n 1 "$1"
}
fail() { # step log [message]: the message, or the log's first error line, then the log's end
    echo "== fresh.sh: FAILED in '$1': ${3:-$(first_error "$2")}" >&2
    if [ -s "$2" ]; then
        echo "-- the last 40 lines of its log:" >&2
        tail -n 40 "$2" >&2
    fi
    exit 1
}

# 1. The root, from the sources and apt settings this machine's apt uses (no host named here), and the
#    commit under test cloned into it.
make_root() {
    local sourcelist sourceparts confparts sources=() f t0=$SECONDS
    eval "$(apt-config shell sourcelist Dir::Etc::sourcelist/f sourceparts Dir::Etc::sourceparts/d \
        confparts Dir::Etc::parts/d)"
    [ -s "${sourcelist:-}" ] && sources+=("$sourcelist")
    for f in "${sourceparts:-/etc/apt/sources.list.d/}"*.list "${sourceparts:-/etc/apt/sources.list.d/}"*.sources; do
        [ -s "$f" ] && sources+=("$f")
    done
    [ ${#sources[@]} -gt 0 ] || fail "mmdebstrap" /dev/null "no apt sources file found on this machine"
    # git, to clone as a newcomer does; ca-certificates for apt over https where the sources use it.
    mmdebstrap --variant=apt --include=git,ca-certificates \
        --setup-hook="mkdir -p \"\$1/etc/apt/apt.conf.d\" && cp ${confparts:-/etc/apt/apt.conf.d/}* \"\$1/etc/apt/apt.conf.d/\"" \
        bookworm "$root" "${sources[@]}" >"$logs/mmdebstrap.log" 2>&1 || fail "mmdebstrap" "$logs/mmdebstrap.log"
    echo "== fresh.sh: clean Debian 12 root in $((SECONDS - t0)) s ($(du -sh --one-file-system "$root" | cut -f1))"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    git clone --quiet --no-hardlinks "$src" "$root/root/wslatlas"
    git -C "$root/root/wslatlas" checkout --quiet --detach "$commit"
}
start=$SECONDS
[ "$reuse" = 1 ] || make_root

# Runs "$@" inside the root as root, in a mount namespace of its own, with a newcomer's environment.
inside() {
    unshare --mount --propagation private -- bash -euc '
        root=$1; shift
        mount --bind "$root" "$root"
        mount -t proc proc "$root/proc"
        mount -t sysfs sysfs "$root/sys"
        mount --rbind /dev "$root/dev"
        mount -t tmpfs tmpfs "$root/tmp"
        mount -t tmpfs tmpfs "$root/run"
        cd "$root"
        mkdir -p .oldroot
        pivot_root . .oldroot
        /.oldroot/usr/bin/umount -l /.oldroot # the new root need not have umount (mount is not essential)
        rmdir /.oldroot
        cd /root/wslatlas
        exec env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI="${CI:-}" \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
    ' fresh "$root" "$@"
}

# 2. The README's two commands, timed. Package downloads are in the first; its log says how long they took.
run_step() { # name command...
    local name=$1 log=$logs/$1.log
    shift
    local t0=$SECONDS
    set -m
    inside "$@" >"$log" 2>&1 &
    enter_pid=$!
    set +m
    local status=0
    wait "$enter_pid" || status=$?
    enter_pid=
    [ "$status" -eq 0 ] || fail "$name" "$log"
    echo "== fresh.sh: '$name' passed in $((SECONDS - t0)) s"
}
for step in ${FRESH_STEPS:-run test}; do
    case "$step" in
        run)
            run_step run env WSLATLAS_NO_GUI=1 ./scripts/run.sh
            # The tree of that root: its initial pid namespace, as the tree command prints it.
            grep -q 'pid:\[4026531836\]' "$logs/run.log" ||
                fail "run" "$logs/run.log" "./scripts/run.sh printed no pid tree of the root"
            grep -E '^deps.sh:|pid:\[4026531836\]' "$logs/run.log" | sed 's/^/   /'
            ;;
        test)
            run_step test ./scripts/test.sh dev
            # scripts/test.sh then skips its own dev step: this one was the same suite, from a cleaner start.
            # (Only when the work tree is that commit: uncommitted changes still get their dev run.)
            if [ -n "${WSLATLAS_FRESH_DEV_PASSED:-}" ] && [ -z "$(git status --porcelain --untracked-files=no)" ]; then
                echo "$commit" >"$WSLATLAS_FRESH_DEV_PASSED"
            fi
            ;;
        *) run_step "$step" ./scripts/test.sh "$step" ;;
    esac
done
echo "== fresh.sh: OK (commit ${commit:0:12}, $((SECONDS - start)) s in all)"
