# Shared by the kernel tests (pid_tree_test.sh, tests/windows/wsl_tree.sh): building pid-namespace trees
# with unshare/nsenter and ending exactly the processes that were started. Sourced; expects the caller to
# define: lifetime (seconds the inits sleep), state (a file of "NAME INIT MARKER" lines), the arrays
# init, marker (associative) and owned.

# start_of PID: the process's start time in clock ticks (field 22 of /proc/PID/stat); empty when gone.
start_of() {
    local line rest
    local -a fields
    { line=$(<"/proc/$1/stat"); } 2>/dev/null || return 0
    rest=${line##*) } # the command name may hold spaces and parentheses
    read -ra fields <<<"$rest"
    echo "${fields[19]}"
}

# kill_exactly PID:STARTTIME: SIGKILL that process, only if the pid still names it.
kill_exactly() {
    local pid=${1%:*} start=${1#*:}
    [[ -n $pid && $(start_of "$pid") == "$start" ]] && kill -KILL "$pid" 2>/dev/null
    return 0
}

# await_exit SECONDS PID:STARTTIME...: wait, at most SECONDS, until each process has exited (a zombie has).
await_exit() {
    local tries=$(($1 * 50)) entry
    shift
    for entry in "$@"; do
        while ((tries-- > 0)) && [[ $(start_of "${entry%:*}") == "${entry#*:}" ]] &&
            [[ $(awk '{print $3}' "/proc/${entry%:*}/stat" 2>/dev/null) != Z ]]; do
            sleep 0.02
        done
    done
}

# children PID: PID's children, one per line (the kernel's list, or a scan without CONFIG_PROC_CHILDREN).
children() {
    local pid=$1 file="/proc/$1/task/$1/children" line stat rest
    local -a kids fields
    if [[ -r $file ]]; then
        { read -ra kids <"$file"; } 2>/dev/null || true
        ((${#kids[@]} == 0)) || printf '%s\n' "${kids[@]}"
        return 0
    fi
    for stat in /proc/[0-9]*/stat; do
        { line=$(<"$stat"); } 2>/dev/null || continue
        rest=${line##*) }
        read -ra fields <<<"$rest"
        if [[ ${fields[1]} == "$pid" ]]; then
            stat=${stat#/proc/}
            echo "${stat%/stat}"
        fi
    done
}

# await_child PID COMM: print the pid of PID's child named COMM once it exists (bounded: 10 s).
await_child() {
    local parent=$1 comm=$2 tries kid name
    local -a kids
    for ((tries = 0; tries < 500; tries++)); do
        mapfile -t kids < <(children "$parent")
        for kid in "${kids[@]}"; do
            { name=$(<"/proc/$kid/comm"); } 2>/dev/null || continue
            if [[ $name == "$comm" ]]; then
                echo "$kid"
                return 0
            fi
        done
        sleep 0.02
    done
    echo "FAIL: no child \"$comm\" of process $parent appeared within 10 s" >&2
    return 1
}

# own PID: remember a background process of ours for the cleanup. Disowned, so that bash does not report
# each one as "Killed" when the cleanup ends it (bash still reaps it).
own() {
    owned+=("$1:$(start_of "$1")")
    disown "$1"
}

# spawn_ns NAME PARENT MARKER [UNSHARE_OPTION...]: a new pid namespace with its own /proc, below PARENT's
# namespace (below the machine's when PARENT is empty). Its init sleeps for the test's lifetime and has one
# child, `sleep MARKER`, a process with distinctive arguments (like the article's `sleep 680001`).
spawn_ns() {
    local name=$1 parent=$2 mark=$3 launcher creator pid
    shift 3
    local -a enter=()
    if [[ -n $parent ]]; then
        enter=(nsenter -t "${init[$parent]}" -p -m --)
    fi
    # shellcheck disable=SC2016 # $1 and $2 are the inner shell's
    "${enter[@]}" unshare --pid --fork --mount-proc --kill-child "$@" \
        sh -c 'sleep "$1" & exec sleep "$2"' "wslatlas-$name" "$mark" "$lifetime" \
        </dev/null >/dev/null 2>&1 &
    launcher=$!
    own "$launcher"
    creator=$launcher # the process that forks the namespace's init: unshare, in the parent namespace
    if [[ -n $parent ]]; then
        creator=$(await_child "$launcher" unshare) # nsenter forks once into the namespace
    fi
    pid=$(await_child "$creator" sleep) # after its exec: /proc is mounted
    init[$name]=$pid
    marker[$name]=$(await_child "$pid" sleep)
    echo "$name $pid ${marker[$name]}" >>"$state"
}

# nspid_levels PID: how many pid namespaces PID is in, counted from the machine's.
nspid_levels() {
    local -a fields
    while read -ra fields; do
        if [[ ${fields[0]:-} == NSpid: ]]; then
            echo $((${#fields[@]} - 1))
            return 0
        fi
    done <"/proc/$1/status"
}
