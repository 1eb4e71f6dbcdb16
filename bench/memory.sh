#!/usr/bin/env bash
# Peak memory of parse + infer at several sizes (bench_memory, one process per size), to show that it grows
# linearly with the input. Prints one row per size and the KiB per 1,000 processes and per MB of input.
#
#   bench/memory.sh [PATH/TO/bench_memory] [SIZES...]     (default: the newest build*/bench/bench_memory;
#                                                          1000 10000 100000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

tool=""
if [[ $# -gt 0 && -x $1 && ! $1 =~ ^[0-9]+$ ]]; then
    tool=$1
    shift
fi
[[ -n $tool ]] || tool=$(ls -t "$root"/build*/bench/bench_memory 2>/dev/null | head -n 1 || true)
if [[ -z $tool || ! -x $tool ]]; then
    echo "memory.sh: no bench_memory found; build it (cmake --build BUILD --target bench_memory) or pass its path" >&2
    exit 2
fi
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 100000)

printf '%9s %12s %12s %12s %12s %12s %14s %12s\n' processes input_MB input_KiB parse_KiB infer_KiB \
    peak_KiB "KiB/1k procs" "KiB/MB in"
for n in "${sizes[@]}"; do
    line=$("$tool" "$n")
    get() { sed -n "s/.*\\b$1=\\([0-9]*\\).*/\\1/p" <<<"$line"; }
    bytes=$(get input_bytes)
    input=$(get maxrss_input_kib)
    start=$(get maxrss_start_kib)
    parse=$(get parse_peak_delta_kib)
    infer=$(get infer_peak_delta_kib)
    total=$(get total_delta_kib)
    awk -v n="$n" -v b="$bytes" -v in_kib="$((input - start))" -v p="$parse" -v i="$infer" -v t="$total" \
        'BEGIN {printf "%9d %12.1f %12d %12d %12d %12d %14.0f %12.0f\n", n, b / 1e6, in_kib, p, i, t, t / (n / 1000), t / (b / 1e6)}'
done
echo "input_KiB: RSS growth from receiving the four outputs; parse/infer_KiB: growth of the RSS high-water mark"
echo "(getrusage ru_maxrss) during each step; peak_KiB: parse + infer together, over the input."
