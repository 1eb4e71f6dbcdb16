#!/usr/bin/env bash
# Times `wslatlas-cli snapshot --local` against `lsns -J` and `lsns -J -t pid` on this host, with EXTRA (2000)
# more processes than usual: sleeps in a fresh pid namespace (unshare --pid --fork --mount-proc, as root), or
# plain background sleeps when that is not allowed. The three commands run in alternating order for ROUNDS (7)
# rounds; the script prints each one's median wall time. Every process it starts is killed on exit.
#
#   bench/compare_lsns.sh [PATH/TO/wslatlas-cli]      (default: the newest build*/app/wslatlas-cli)
#   EXTRA=5000 ROUNDS=11 bench/compare_lsns.sh
set -euo pipefail

extra=${EXTRA:-2000}
rounds=${ROUNDS:-7}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

cli=${1:-}
if [[ -z $cli ]]; then
    cli=$(ls -t "$root"/build*/app/wslatlas-cli 2>/dev/null | head -n 1 || true)
fi
if [[ -z $cli || ! -x $cli ]]; then
    echo "compare_lsns.sh: no wslatlas-cli found; build it (cmake --build BUILD --target wslatlas-cli) or pass its path" >&2
    exit 2
fi
command -v lsns >/dev/null || { echo "compare_lsns.sh: lsns (util-linux) is not installed" >&2; exit 2; }

work=$(mktemp -d)
ns_pid=""        # the unshare process, when the sleeps live in their own pid namespace
sleep_pids=()    # the plain background sleeps otherwise
cleanup() {
    if [[ -n $ns_pid ]]; then
        # unshare --fork ignores SIGTERM and SIGINT, so SIGKILL; --kill-child then SIGKILLs the namespace's
        # init, and the kernel kills every other process of the namespace with it.
        local init
        init=$(cat "/proc/$ns_pid/task/$ns_pid/children" 2>/dev/null || true)
        kill -KILL "$ns_pid" 2>/dev/null || true
        wait "$ns_pid" 2>/dev/null || true
        # The init turns zombie (or goes) only once the kernel has killed and reaped the whole namespace.
        init=${init// /}
        local _pid _comm state
        for ((tries = 0; tries < 300; tries++)); do
            [[ -n $init ]] && read -r _pid _comm state _ 2>/dev/null <"/proc/$init/stat" || break
            [[ $state == Z ]] && break
            sleep 0.1
        done
    fi
    if ((${#sleep_pids[@]})); then
        kill "${sleep_pids[@]}" 2>/dev/null || true
        wait "${sleep_pids[@]}" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

count_procs() { local n=0 d; for d in /proc/[0-9]*; do n=$((n + 1)); done; echo "$n"; }
before=$(count_procs)

# The namespace's init starts the sleeps, then waits (an init without handlers ignores SIGTERM, not SIGKILL).
spawn='i=0; while [ "$i" -lt "$1" ]; do sleep 1000000 & i=$((i + 1)); done; wait'
where="a new pid namespace"
if unshare --pid --fork --mount-proc --kill-child true 2>/dev/null; then
    unshare --pid --fork --mount-proc --kill-child sh -c "$spawn" sh "$extra" &
    ns_pid=$!
else
    where="the current pid namespace (unshare --pid needs root)"
    for ((i = 0; i < extra; i++)); do
        sleep 1000000 &
        sleep_pids+=($!)
    done
fi
for ((tries = 0; tries < 600; tries++)); do
    (($(count_procs) >= before + extra)) && break
    sleep 0.1
done
total=$(count_procs)
echo "processes: $total ($before before, $extra sleeps started in $where)"
echo "wslatlas-cli: $cli"

now_ns() { date +%s%N; }
declare -A times
run() { # NAME COMMAND...: one timed run; output discarded, failures reported
    local name=$1 start end status=0
    shift
    start=$(now_ns)
    "$@" >"$work/out" 2>"$work/err" || status=$?
    end=$(now_ns)
    # wslatlas-cli exits 1 for a partial snapshot: still a complete run for timing purposes.
    if ((status != 0)) && ! [[ $name == wslatlas-cli && $status == 1 ]]; then
        echo "$name failed (exit $status): $(head -c 300 "$work/err")" >&2
        exit 1
    fi
    times[$name]+="$(((end - start) / 1000)) "
}

names=("wslatlas-cli" "lsns -J" "lsns -J -t pid")
for ((r = 0; r < rounds; r++)); do
    for ((k = 0; k < ${#names[@]}; k++)); do
        name=${names[$(((k + r) % ${#names[@]}))]}
        case $name in
        wslatlas-cli) run "$name" "$cli" snapshot --local -o "$work/snapshot.json" ;;
        "lsns -J") run "$name" lsns -J ;;
        "lsns -J -t pid") run "$name" lsns -J -t pid ;;
        esac
    done
done

median_ms() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'; }
minmax_ms() { tr ' ' '\n' | grep . | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.1f-%.1f", lo / 1000, hi / 1000}'; }
printf '%-16s %10s %16s   (%d rounds, alternating order)\n' "command" "median ms" "range ms" "$rounds"
for name in "${names[@]}"; do
    printf '%-16s %10s %16s\n' "$name" "$(median_ms <<<"${times[$name]}")" "$(minmax_ms <<<"${times[$name]}")"
done
if command -v python3 >/dev/null && [[ -s $work/snapshot.json ]]; then
    python3 - "$work/snapshot.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"snapshot: {len(s.get('processes', []))} processes, {len(s.get('pid_namespaces', []))} pid namespaces")
EOF
fi
