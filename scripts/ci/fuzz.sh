#!/usr/bin/env bash
# CI step: builds the parsers' libFuzzer targets (fuzz/README.md) with clang, seeds a fresh corpus for each
# from the fixtures fuzz/CMakeLists.txt names, and runs every target for FUZZ_SECONDS, FUZZ_JOBS at a time.
# Fails, naming the target and the input, when one finds a crash, a leak, a timeout or a broken invariant.
# About 4 minutes on 2 cores with the defaults: 20 targets x 15 s / 2, plus the build. (60 s each until the
# fresh step joined CI, 30 s until tidy took in ui/ and app/: the whole run must stay under 45 minutes.)
#   FUZZ_SECONDS=10 scripts/ci/fuzz.sh            shorter runs
#   scripts/ci/fuzz.sh ip_route snapshot_json      only these targets
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-15}
jobs=${FUZZ_JOBS:-2}
build=${FUZZ_BUILD_DIR:-build/fuzz}

scripts/deps.sh fuzz
# -O1 -g without NDEBUG: fast enough to fuzz, assertions on, readable stacks.
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DWSLATLAS_CORE_ONLY=ON -DWSLATLAS_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$jobs"

manifest=$build/fuzz/targets.txt
if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(awk '$1 == "seed" { print $2 }' "$manifest" | uniq)
fi

work=$build/fuzz/runs
rm -rf "$work"
mkdir -p "$work"

# One target: a fresh corpus from its seeds (each file named after its folder too: several fixtures folders
# have an empty.txt), then libFuzzer for $seconds. Its log and any crash input stay in $work/TARGET/.
run_target() {
    local target=$1 dir=$work/$1
    mkdir -p "$dir/corpus" "$dir/artifacts"
    local kind name path options=()
    while read -r kind name path; do
        [ "$name" = "$target" ] || continue
        case "$kind" in
            seed)
                if [ -d "$path" ]; then
                    for f in "$path"/*; do
                        [ -f "$f" ] && cp "$f" "$dir/corpus/$(basename "$path")-$(basename "$f")"
                    done
                else
                    cp "$path" "$dir/corpus/$(basename "$(dirname "$path")")-$(basename "$path")"
                fi
                ;;
            dict) options+=("-dict=$path") ;;
        esac
    done < <(grep -v '^#' "$manifest")
    # -timeout: a parser that takes 10 s on at most ~64 KB hangs; -rss_limit_mb: room for ASan on 2 cores
    # shared with others. -print_final_stats for the summary line.
    local status=0
    "$build/fuzz/fuzz_$target" "$dir/corpus" "${options[@]}" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$dir/artifacts/" -print_final_stats=1 >"$dir/log" 2>&1 ||
        status=$?
    echo "$status" >"$dir/status"
}

for target in "${targets[@]}"; do
    [ -x "$build/fuzz/fuzz_$target" ] || { echo "fuzz.sh: no target $target" >&2; exit 2; }
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n || true
    done
    run_target "$target" &
done
wait

failed=0
for target in "${targets[@]}"; do
    dir=$work/$target
    status=$(cat "$dir/status" 2>/dev/null || echo "?")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    # The last status line: "#N DONE cov: C ft: F corp: ..." (or the last pulse when it stopped early).
    cov=$(grep -E '^#[0-9]+' "$dir/log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' || true)
    artifacts=$(find "$dir/artifacts" -type f | sort)
    if [ "$status" = 0 ] && [ -z "$artifacts" ]; then
        printf '%-20s ok      runs: %-9s %s\n' "$target" "${runs:-?}" "$cov"
    else
        failed=1
        printf '%-20s FAILED  runs: %-9s %s (exit %s)\n' "$target" "${runs:-?}" "$cov" "$status"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*fuzz check failed|.*runtime error)' "$dir/log" | head -5 | sed 's/^/    /'
        for a in $artifacts; do
            echo "    input: $a"
        done
        echo "    log:   $dir/log"
    fi
done
if [ "$failed" -ne 0 ]; then
    echo "fuzz.sh: a target failed. Reproduce with the target and the input above, fix, and add the input to"
    echo "tests/fixtures/fuzz/TARGET/ (fuzz/README.md)."
    exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${seconds} s each, no failure"
