#!/usr/bin/env bash
# ctest ARGS...: runs ctest and, when a test fails, ends with the first assertions of each failed test, so
# the last lines of a CI log (often all that is shown of it) say what failed, not only which test.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --output-on-failure "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
    echo "-- the first failures (gtest 'Failure' lines and what follows them):" >&2
    grep -E -A8 '(: Failure$|^FAIL!|\[  FAILED  \]|Sanitizer|runtime error:)' "$log" | head -n 60 >&2
fi
exit "$status"
