# WSL Atlas collector (format 1). Fed on standard input to `sh -s` or a debug shell; read-only.
# It reads /proc, /sys and /etc and writes only to standard output. It starts the same small
# number of processes however many processes it reports (one grep, readlink or ls over all of them).
# The whole script is one compound command so that an interactive shell (wsl --debug-shell)
# prints its prompts before the output, not between lines of it. Markers are assembled at run
# time so that a terminal echoing this text never produces a marker line. Words starting with a
# backslash bypass aliases (ls --color, grep --color) that an interactive profile may define.
# It leaves nothing behind in a shell that outlives it (the debug shell persists between connections):
# LC_ALL is put back, its variables and its function unset, and the line the runner puts before it
# (collect.cpp) keeps bash from recording any of it in the shell's history.
{
wa_lcs=${LC_ALL+x}
wa_lc=${LC_ALL-}
LC_ALL=C
export LC_ALL
wa_m=@@WSLATLAS
wa_s() { printf '%s-SECTION %s\n' "$wa_m" "$1"; }
# Small files are read by the shell itself: a process start costs more than reading them (dash reads a byte
# per system call, still cheaper than starting cat); the last line may lack its newline.
wa_c() {
  [ -r "$1" ] || return 1
  while IFS= read -r wa_l || [ -n "$wa_l" ]; do printf '%s\n' "$wa_l"; done <"$1"
}
printf '\n%s-BEGIN 1%s\n' "$wa_m" "${wa_nonce:+ $wa_nonce}"
wa_s self
printf 'Shell-Pid:\t%s\n' "$$"
if [ -r /proc/self/status ]; then
  while IFS= read -r wa_l; do
    case $wa_l in Name:* | Pid:* | PPid:* | Uid:* | NSpid:*) printf '%s\n' "$wa_l" ;; esac
  done </proc/self/status
fi
wa_s kernel
wa_c /proc/sys/kernel/osrelease
wa_s hostname
wa_c /proc/sys/kernel/hostname
wa_s os-release
wa_c /etc/os-release || wa_c /usr/lib/os-release
# The units of the stat line's utime, stime (clock ticks) and rss (pages): getconf when there is one (busybox
# often has none), and the kernel's page size from the first mapping of /proc/self/smaps (grep's own) always.
wa_s units
if command -v getconf >/dev/null 2>&1; then
  printf 'PAGESIZE:\t'; \getconf PAGESIZE 2>/dev/null || printf '\n'
  printf 'CLK_TCK:\t'; \getconf CLK_TCK 2>/dev/null || printf '\n'
fi
\grep -m 1 '^KernelPageSize:' /proc/self/smaps 2>/dev/null
wa_s meminfo
if [ -r /proc/meminfo ]; then
  while IFS= read -r wa_l; do
    case $wa_l in MemTotal:* | MemFree:* | MemAvailable:* | Buffers:* | Cached:* | SwapTotal:* | SwapFree:*) printf '%s\n' "$wa_l" ;; esac
  done </proc/meminfo
fi
# Past the kernel's argument limit (some 50,000 processes) the shell cannot start grep, cat or ls at
# all and returns 126: only then the same listing goes through xargs, in batches. printf is a builtin.
wa_s status
\grep -H -E '^(Name|Pid|PPid|Uid|NSpid):' /proc/[0-9]*/status 2>/dev/null
[ $? -eq 126 ] && printf '%s\0' /proc/[0-9]*/status | \xargs -0 \grep -H -E '^(Name|Pid|PPid|Uid|NSpid):' 2>/dev/null
# grep -h '' prints the files as cat does, for half the work: GNU cat sets up a buffer per file.
wa_s stat
\grep -a -h '' /proc/[0-9]*/stat 2>/dev/null
[ $? -eq 126 ] && printf '%s\0' /proc/[0-9]*/stat | \xargs -0 \grep -a -h '' 2>/dev/null
wa_s cmdline
{
  \grep -a -H '' /proc/[0-9]*/cmdline 2>/dev/null
  [ $? -eq 126 ] && printf '%s\0' /proc/[0-9]*/cmdline | \xargs -0 \grep -a -H '' 2>/dev/null
} | \tr '\000\r' '  '
# Only the lines that can name a container (fixed words: grep -F is several times cheaper than a regex).
wa_s cgroup
\grep -H -F -e docker -e containerd -e nerdctl -e kubepods -e crio -e libpod -e lxc -e /default/ -e /k8s.io/ /proc/[0-9]*/cgroup 2>/dev/null
[ $? -eq 126 ] && printf '%s\0' /proc/[0-9]*/cgroup | \xargs -0 \grep -H -F -e docker -e containerd -e nerdctl -e kubepods -e crio -e libpod -e lxc -e /default/ -e /k8s.io/ 2>/dev/null
# The namespace links. GNU readlink reads many links in one process with one system call each (ls -l also
# stats each link and lists each folder: about 1.5 times the work). It prints no path, so the function prints
# the paths of the same glob (its own "$@") first; -v with 2>&1 prints one line per path, the target or the
# error (glibc flushes the targets before each message). The glob's [!n] leaves out pid_for_children and
# time_for_children, which this program does not read. busybox readlink takes a single link: there, and
# wherever the two-link probe fails, `ls -l` lists the folders as before.
if \readlink -v /proc/self/ns/pid /proc/self/ns/net >/dev/null 2>&1; then
  wa_ns() {
    wa_s ns-paths
    printf '%s\n' "$@"
    wa_s ns-links
    \readlink -v "$@" 2>&1
    [ $? -eq 126 ] && printf '%s\0' "$@" | \xargs -0 \readlink -v 2>&1
  }
  wa_ns /proc/[0-9]*/ns/*[!n]
else
  wa_s ns
  \ls -l /proc/[0-9]*/ns 2>/dev/null
  # A batch of one folder would lose its header line; the missing /proc/0/ns keeps the last batch plural.
  [ $? -eq 126 ] && printf '%s\0' /proc/[0-9]*/ns /proc/0/ns | \xargs -0 \ls -l 2>/dev/null
fi
wa_s net-dev
wa_c /proc/net/dev
wa_s net-route
wa_c /proc/net/route
wa_s net-if-inet6
wa_c /proc/net/if_inet6
if command -v ip >/dev/null 2>&1; then
  wa_s ip-link
  \ip -o link show 2>/dev/null
  wa_s ip-addr
  \ip -o addr show 2>/dev/null
  wa_s ip-route
  \ip route show 2>/dev/null
  \ip -6 route show 2>/dev/null
fi
wa_s resolv-conf
wa_c /etc/resolv.conf
if command -v wslinfo >/dev/null 2>&1; then
  wa_s wslinfo-networking-mode
  \wslinfo --networking-mode 2>/dev/null
fi
# wa_nonce, when the runner sets it before the script, makes this line unlike any other process's text.
printf '%s-END 1%s\n' "$wa_m" "${wa_nonce:+ $wa_nonce}"
}
case $wa_lcs in x) LC_ALL=$wa_lc ;; *) unset LC_ALL ;; esac; unset -f wa_s wa_c wa_ns; unset wa_m wa_l wa_lc wa_lcs wa_nonce; case ${wa_h-} in 1) unset wa_h; set -o history ;; esac
