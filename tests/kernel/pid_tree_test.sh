#!/usr/bin/env bash
# Kernel end-to-end test (ctest label "kernel"). It builds WSL 2's pid-namespace shapes on the real kernel
# (DESIGN.md, "Vantages" and "Inference"), snapshots them with wslatlas-cli through nsenter vantages, and has
# kernel_truth judge every parent edge, NSpid chain, role and network grouping against the kernel's own answer.
#
#   pid_tree_test.sh WSLATLAS_CLI KERNEL_TRUTH
#
# Exit 0 when every run agrees with the kernel, 1 when one does not (each mismatch is printed), 77 when the
# test cannot run here (not root, no unshare/nsenter, no pid namespaces).
# WSLATLAS_KERNEL_KEEP=DIR copies the plans, snapshots and logs to DIR before the cleanup removes them.
#
# Everything the test starts lives below two fresh pid namespaces (R and S); their inits sleep for $lifetime
# seconds at most, so even a test killed with SIGKILL leaves nothing behind for long. The cleanup (trap EXIT)
# kills exactly the processes recorded here, each checked by its start time, and removes the work folder.
set -euo pipefail

readonly SKIP=77
readonly lifetime=${WSLATLAS_KERNEL_LIFETIME:-240}

if [[ $# -ne 2 ]]; then
    echo "usage: $0 WSLATLAS_CLI KERNEL_TRUTH" >&2
    exit 2
fi
cli=$1
truth=$2

skip() {
    echo "SKIP: $*"
    exit "$SKIP"
}
((EUID == 0)) || skip "needs root (pid namespaces, nsenter)"
for tool in unshare nsenter timeout; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
unshare --pid --fork --mount-proc true </dev/null >/dev/null 2>&1 ||
    skip "unshare --pid --fork --mount-proc does not work here"
[[ -x $cli ]] || {
    echo "FAIL: $cli is not an executable"
    exit 1
}
[[ -x $truth ]] || {
    echo "FAIL: $truth is not an executable"
    exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/wslatlas-kernel.XXXXXX")
state=$work/state # NAME INIT MARKER: each namespace's processes, as the machine's namespace numbers them
declare -A init=() marker=()
owned=()    # PID:STARTTIME of each process this script started in the background (launchers), disowned
roots=()    # PID:STARTTIME of the inits of the two tree roots: killing one kills its whole tree
failures=() # one line per failed check

# start_of, kill_exactly, await_exit, children, await_child, own, spawn_ns, nspid_levels
source "$(dirname "${BASH_SOURCE[0]}")/ns_tree_lib.sh"

cleanup() {
    local status=$? entry
    trap - EXIT INT TERM
    set +e
    # A pid namespace dies with its init: every process below R and S, in every nested namespace, with it.
    # The launchers (unshare, nsenter) then reap their child and exit by themselves; the rest are killed.
    for entry in "${roots[@]}"; do
        kill_exactly "$entry"
    done
    await_exit 3 "${owned[@]}"
    for entry in "${owned[@]}"; do
        kill_exactly "$entry"
    done
    await_exit 3 "${roots[@]}" "${owned[@]}"
    if [[ -n ${WSLATLAS_KERNEL_KEEP:-} ]]; then
        mkdir -p "$WSLATLAS_KERNEL_KEEP" && cp -r "$work"/. "$WSLATLAS_KERNEL_KEEP"/ &&
            echo "artifacts kept in $WSLATLAS_KERNEL_KEEP"
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    failures+=("$*")
    echo "FAIL: $*"
}

# expect_levels NAME LEVELS: construction check, so that a broken tree is not blamed on the program.
expect_levels() {
    local got
    got=$(nspid_levels "${init[$1]}")
    if [[ $got != "$2" ]]; then
        echo "FAIL: building the tree: $1's init is $got namespaces deep, expected $2" >&2
        exit 1
    fi
}

echo "== building the WSL-shaped tree (R) and the odd one (S)"
spawn_ns R "" 680000
roots+=("${init[R]}:$(start_of "${init[R]}")")
spawn_ns W1 R 681001 # WSLg system distro of Ubuntu-20.04
spawn_ns D1 W1 680001
spawn_ns W2 R 681002 # WSLg system distro of Debian
spawn_ns D2 W2 680002
spawn_ns D3 R 680003 # Alpine with GUI apps off: directly at the first level
spawn_ns I R 681004  # a level no vantage lands in
spawn_ns D4 I 680004 --net
spawn_ns S "" 690000
roots+=("${init[S]}:$(start_of "${init[S]}")")
spawn_ns F S 691005 # two distros under one first level
spawn_ns D5 F 690005
spawn_ns D6 F 690006
spawn_ns A S 691007 # four levels deep
spawn_ns B A 691008
spawn_ns C B 691009
spawn_ns D7 C 690007
for name in R S; do expect_levels "$name" 2; done
for name in W1 W2 D3 I F A; do expect_levels "$name" 3; done
for name in D1 D2 D4 D5 D6 B; do expect_levels "$name" 4; done
expect_levels C 5
expect_levels D7 6
if [[ $(readlink "/proc/${init[D4]}/ns/net") == "$(readlink "/proc/${init[D1]}/ns/net")" ]]; then
    echo "FAIL: building the tree: kali-linux's network namespace is not its own" >&2
    exit 1
fi
sed 's/^/   /' "$state"

# vantage NAME ROLE DISTRO NS: a plan entry whose command enters the pid, mount and network namespaces of
# namespace NS's init, the way `wsl.exe -d DISTRO` lands in all of a distro's namespaces.
vantage() {
    local distro=""
    [[ -z $3 ]] || distro=$(printf ', "distro": "%s"' "$3")
    printf '{"name": "%s", "role": "%s"%s, "command": ["nsenter", "-t", "%s", "-p", "-m", "-n", "--", "sh", "-s"]}' \
        "$1" "$2" "$distro" "${init[$4]}"
}

# write_plan FILE ENTRY...
write_plan() {
    local file=$1 sep="" entry
    shift
    {
        printf '{"vantages": [\n'
        for entry in "$@"; do
            printf '%s  %s' "$sep" "$entry"
            sep=$',\n'
        done
        printf '\n]}\n'
    }>"$file"
}

# snapshot_and_verify RUN EXPECTED_EXIT PLAN CLI_OPTIONS -- VERIFY_OPTIONS
snapshot_and_verify() {
    local run=$1 expected=$2 plan=$3 status=0 started=$SECONDS
    shift 3
    local -a cli_options=() verify_options=()
    while (($# > 0)) && [[ $1 != -- ]]; do
        cli_options+=("$1")
        shift
    done
    (($# == 0)) || shift
    verify_options=("$@")
    local snap=$work/$run.snapshot.json
    echo
    echo "== $run: $(grep -c '"name"' "$plan") vantages"
    "$truth" census "${init[R]}" "${init[S]}" >"$work/$run.census"
    "$truth" census "${init[R]}" "${init[S]}" --with-zombies >"$work/$run.before"
    timeout 60 "$cli" snapshot --plan "$plan" -o "$snap" "${cli_options[@]}" \
        >"$work/$run.cli.out" 2>"$work/$run.cli.err" || status=$?
    # Healthy vantages answer in well under a second here; the faults run waits for its 10 s timeout, and
    # its hung vantage would sleep for ten minutes: a minute is a small fraction of that.
    if ((SECONDS - started > 60)); then
        fail "$run: wslatlas-cli snapshot took $((SECONDS - started)) s: a timeout was not honoured"
    fi
    if [[ $status != "$expected" ]]; then
        fail "$run: wslatlas-cli snapshot exited $status, expected $expected"
        sed 's/^/   stderr: /' "$work/$run.cli.err"
    fi
    if [[ ! -s $snap ]]; then
        fail "$run: no snapshot written"
        return 0
    fi
    status=0
    "$truth" verify --snapshot "$snap" --plan "$plan" --census "$work/$run.census" --label "$run" \
        "${verify_options[@]}" || status=$?
    if [[ $status != 0 ]]; then
        fail "$run: the snapshot disagrees with the kernel (kernel_truth exit $status)"
        echo "   wslatlas-cli tree says:"
        "$cli" tree "$snap" 2>&1 | sed 's/^/   | /' || true
    fi
    warn_zombies "$run"
}

# warn_zombies RUN: zombies that appeared in the test's namespaces during RUN. Once it has read the end
# marker, the runner stops a vantage's command (SIGTERM to its process group); nsenter dies before reaping
# the shell inside, which is re-parented to the machine's init, and an init that reaps late (this sandbox's)
# leaves it a zombie for a while. Not an inference error, so a warning, not a failure; kernel_truth leaves
# zombies out of its census.
warn_zombies() {
    local pid start name
    local -a left=()
    while read -r pid start name; do
        [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]] || continue
        grep -q "^$pid " "$work/$1.before" || left+=("$pid($name)")
    done < <("$truth" census "${init[R]}" "${init[S]}" --with-zombies)
    if ((${#left[@]} > 0)); then
        echo "WARNING: $1: left ${#left[@]} zombie(s) in the test's namespaces: ${left[*]}"
    fi
}

# judge_catches RUN EXPECTED KIND ARGS...: plant one error in RUN's snapshot (kernel_truth mutate); the judge
# must report it with a mismatch containing EXPECTED, by its generic checks alone (no --expect-ns): a judge
# that catches nothing proves nothing when it says "0 mismatches".
judge_catches() {
    local run=$1 expected=$2 kind=$3 status=0
    shift 3
    local mutated=$work/$run.mutated.json log=$work/$run.$kind.log
    if ! "$truth" mutate "$work/$run.snapshot.json" "$mutated" "$kind" "$@"; then
        fail "self-test: could not plant \"$kind $*\" in the $run snapshot"
        return 0
    fi
    "$truth" verify --snapshot "$mutated" --plan "$work/$run.plan.json" --census "$work/$run.census" \
        --label "$run+$kind" >"$log" 2>&1 || status=$?
    if [[ $status == 1 ]] && grep -q -F -e "$expected" "$log"; then
        echo "   caught: $(grep -m1 -F -e "$expected" "$log")"
    else
        fail "self-test: kernel_truth missed \"$kind $*\" planted in the $run snapshot (exit $status)"
        sed 's/^/   | /' "$log"
    fi
}

# The vantages of WSL's own shape, and kernel_truth's explicit expectations for it.
vm_r=$(vantage vm vm "" R)
wsl_vantages=(
    "$(vantage system:Ubuntu-20.04 system Ubuntu-20.04 W1)"
    "$(vantage Ubuntu-20.04 distro Ubuntu-20.04 D1)"
    "$(vantage system:Debian system Debian W2)"
    "$(vantage Debian distro Debian D2)"
    "$(vantage Alpine distro Alpine D3)"
    "$(vantage kali-linux distro kali-linux D4)"
)
wsl_expect=(
    --expect-ns "${init[W1]}=wslg" --expect-ns "${init[W2]}=wslg"
    --expect-ns "${init[D1]}=distro" --expect-ns "${init[D2]}=distro"
    --expect-ns "${init[D3]}=distro" --expect-ns "${init[D4]}=distro"
)
wsl_vm_expect=(--expect-ns "${init[R]}=vm" --expect-ns "${init[I]}=isolation" "${wsl_expect[@]}")

# 1. WSL's shape seen from everywhere, the VM included.
write_plan "$work/wsl.plan.json" "$vm_r" "${wsl_vantages[@]}"
snapshot_and_verify wsl 0 "$work/wsl.plan.json" -- "${wsl_vm_expect[@]}"

echo "== self-test of the judge on the wsl snapshot: each planted error must be caught"
judge_catches wsl "has parent" reparent "${init[D1]}" "${init[R]}" # Ubuntu on the VM, past its WSLg level
judge_catches wsl "has parent" reparent "${init[D4]}" "${init[R]}" # kali on the VM, past the isolation
judge_catches wsl "has no parent in the snapshot" orphan "${init[W1]}" # though the VM vantage saw R
judge_catches wsl "has placeholder parent" placeholder "${init[D1]}" # for a level the vantages saw
judge_catches wsl 'expected "wslg"' role "${init[W1]}" distro
judge_catches wsl 'expected "isolation"' role "${init[I]}" unknown
judge_catches wsl "differs from NSpid" chain-pid "${marker[D1]}"
judge_catches wsl "levels, but vantage" chain-truncate "${marker[D1]}" # the VM vantage saw it from R
judge_catches wsl ": ppid " ppid "${marker[D1]}"
judge_catches wsl "is missing, though" drop-process "${marker[D2]}"
judge_catches wsl "is not listed under its network" net-move kali-linux "${init[R]}"    # in the shared one
judge_catches wsl "is not listed under its network" net-move Ubuntu-20.04 "${init[D4]}" # in kali's

# 2. The same tree without the vm vantage: the WSLg subtrees stay whole, the levels above are unknown.
write_plan "$work/wsl-no-vm.plan.json" "${wsl_vantages[@]}"
snapshot_and_verify wsl-no-vm 0 "$work/wsl-no-vm.plan.json" -- "${wsl_expect[@]}"
echo "== self-test of the judge on the wsl-no-vm snapshot"
# One unknown parent for a child of R and a child of I, and a guessed parent.
judge_catches wsl-no-vm "whose parents differ" placeholder "${init[D3]}" "${init[D4]}"
judge_catches wsl-no-vm "has parent" reparent "${init[D4]}" "${init[W1]}"

# 3. Shapes WSL does not make: two distros under one first level, and R -> A -> B -> C -> distro.
odd_vantages=(
    "$(vantage Ubuntu-22.04 distro Ubuntu-22.04 D5)"
    "$(vantage openSUSE distro openSUSE D6)"
    "$(vantage Fedora distro Fedora D7)"
)
odd_expect=(--expect-ns "${init[D5]}=distro" --expect-ns "${init[D6]}=distro" --expect-ns "${init[D7]}=distro")
write_plan "$work/odd.plan.json" "$(vantage vm vm "" S)" "${odd_vantages[@]}"
snapshot_and_verify odd 0 "$work/odd.plan.json" -- --expect-ns "${init[S]}=vm" \
    --expect-ns "${init[F]}=isolation" --expect-ns "${init[A]}=isolation" --expect-ns "${init[B]}=isolation" \
    --expect-ns "${init[C]}=isolation" "${odd_expect[@]}"

write_plan "$work/odd-no-vm.plan.json" "${odd_vantages[@]}"
snapshot_and_verify odd-no-vm 0 "$work/odd-no-vm.plan.json" -- "${odd_expect[@]}"

# 4. A process that entered the deepest namespace from A (setns, like nsenter or docker exec): its parent is
#    three levels up. The distro's parent is still C, which the VM vantage sees; no placeholder, no A.
nsenter -t "${init[A]}" -p -- nsenter -t "${init[D7]}" -p -m -- sleep 690077 </dev/null >/dev/null 2>&1 &
jumper=$!
own "$jumper"
jumper=$(await_child "$jumper" nsenter)
jumper=$(await_child "$jumper" sleep)
echo "J $jumper" >>"$state"
write_plan "$work/setns-jump.plan.json" "$(vantage vm vm "" S)" "$(vantage Fedora distro Fedora D7)"
snapshot_and_verify setns-jump 0 "$work/setns-jump.plan.json" -- --expect-ns "${init[S]}=vm" \
    --expect-ns "${init[C]}=isolation" --expect-ns "${init[D7]}=distro"

# 5. Faults: a vantage whose program does not exist and one that never answers (it sleeps inside R, so the
#    cleanup ends it with the tree). Exit 1, the failed vantages ok: false with an error, the rest intact.
missing='{"name": "missing", "role": "distro", "distro": "Missing", "command": ["/nonexistent/wslatlas-kernel-test-no-such-program", "-s"]}'
hung=$(printf '{"name": "hung", "role": "distro", "distro": "Hung", "command": ["nsenter", "-t", "%s", "-p", "-m", "--", "sh", "-c", "sleep 600"]}' "${init[R]}")
write_plan "$work/faults.plan.json" "$vm_r" "${wsl_vantages[@]}" "$missing" "$hung"
snapshot_and_verify faults 1 "$work/faults.plan.json" --timeout 10 -- \
    --expect-failed missing --expect-failed hung "${wsl_vm_expect[@]}"

echo
if ((${#failures[@]} > 0)); then
    echo "== ${#failures[@]} failure(s):"
    printf '   %s\n' "${failures[@]}"
    exit 1
fi
echo "== all runs agree with the kernel"
