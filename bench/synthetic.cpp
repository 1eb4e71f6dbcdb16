#include "synthetic.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <random>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace wslatlas::bench {

namespace {

constexpr std::uint64_t kRootPidNs = 4026531836;
constexpr std::uint64_t kRootCgroup = 4026531835, kRootTime = 4026531834, kRootUser = 4026531837;
constexpr std::uint64_t kRootIpc = 4026531839, kRootUts = 4026531838, kRootNet = 4026531840,
                        kRootMnt = 4026531841;

enum class Kind
{
    Root,
    FirstLevel,
    Distro,
    Container
};

struct Ns
{
    Kind kind = Kind::Root;
    int parent = -1;
    int depth = 0;
    int distro = -1; // index of the distro this namespace belongs to (at or below its first level)
    std::uint64_t pid = 0, mnt = 0, uts = 0, ipc = 0, net = 0, cgroup = 0;
    double weight = 1.0;
    int nextPid = 1;
    std::vector<int> members; // process indices, creation order
    std::vector<int> children;
};

struct Proc
{
    int ns = 0;
    int parent = -1;       // process index; -1: none (pid 1 and kthreadd of the root)
    std::vector<int> pids; // pid at every depth from 0 to the namespace's depth
    std::string comm;
    std::string cmdline; // arguments joined by spaces; empty for kernel threads
    int uid = 0;
    std::uint64_t start = 0;
    bool kthread = false;
    char state = 'S';
};

struct Template
{
    std::string_view comm;
    std::string_view cmdline;
};

// Command lines end without the final NUL's space; the writer adds it.
constexpr std::array kGeneral = {
    Template{"bash", "-bash"},
    Template{"bash", "/bin/bash --login"},
    Template{"sleep", "sleep #"},
    Template{"python3", "/usr/bin/python3 -m http.server #"},
    Template{"node", "node /srv/app/server.js --port #"},
    Template{"nginx", "nginx: worker process"},
    Template{"postgres", "postgres: checkpointer"},
    Template{"sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"},
    Template{"systemd-journal", "/lib/systemd/systemd-journald"},
    Template{"systemd", "/lib/systemd/systemd --user"},
    Template{"(sd-pam)", "(sd-pam)"},
    Template{"dbus-daemon",
             "@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation"},
    Template{"tmux: server", "tmux new -s work#"},
    Template{"containerd-shim", "/usr/bin/containerd-shim-runc-v2 -namespace moby -id # -address "
                                "/run/containerd/containerd.sock"},
    Template{"dockerd", "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"},
    Template{"java", "java -Xmx512m -Dserver.port=# -jar /opt/app/app.jar"},
    Template{"redis-server", "redis-server *:#"},
    Template{"cron", "/usr/sbin/cron -f"},
    Template{"Web Content", "/usr/lib/firefox/firefox -contentproc -childID # -isForBrowser tab"},
    Template{"plan9", "plan9 --control-socket 6 --log-level 4 --server-fd 7 --pipe-fd 9 --log-truncate"},
    Template{"login", "/bin/login -f"},
};

constexpr std::array kWslg = {
    Template{"WSLGd", "/usr/bin/WSLGd"},
    Template{"weston", "/usr/bin/weston --backend=rdp-backend.so --modules=wslgd-notify.so --xwayland "
                       "--socket=wayland-0 --shell=rdprail-shell.so --log=/mnt/wslg/weston.log "
                       "--logger-scopes=log,rdp-backend,rdprail-shell"},
    Template{"pulseaudio", "/usr/bin/pulseaudio --log-time=true --disallow-exit=true --exit-idle-time=-1 "
                           "--load=module-rdp-sink sink_name=RDPSink --load=module-rdp-source "
                           "source_name=RDPSource --load=module-native-protocol-unix "
                           "socket=/mnt/wslg/PulseServer auth-anonymous=true"},
    Template{"Xwayland", "/usr/bin/Xwayland :0 -rootless -core -listen 35 -wm 36 -terminate -nolisten local"},
    Template{"init", "/init"},
};

constexpr std::array kKernelThreads = {
    std::string_view{"rcu_gp"},    std::string_view{"kworker/0:0H"}, std::string_view{"ksoftirqd/0"},
    std::string_view{"rcu_sched"}, std::string_view{"migration/0"},  std::string_view{"kworker/u8:2"},
    std::string_view{"kswapd0"},   std::string_view{"khugepaged"},   std::string_view{"hv_balloon"},
};

constexpr std::array kDistroNames = {
    std::string_view{"Ubuntu-22.04"}, std::string_view{"Debian"},         std::string_view{"kali-linux"},
    std::string_view{"Ubuntu-20.04"}, std::string_view{"openSUSE-Leap"},  std::string_view{"AlmaLinux-9"},
    std::string_view{"Alpine"},       std::string_view{"docker-desktop"},
};

// The four fixed vantages: (name, role, namespace index chosen later).
class Generator
{
public:
    explicit Generator(const SyntheticOptions &options) : m_opt(options), m_rng(options.seed) {}
    SyntheticWorld run();

private:
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_rng() % n; }
    bool chance(double p) { return static_cast<double>(m_rng() >> 11) * 0x1.0p-53 < p; }
    std::uint64_t newInode()
    {
        m_nextInode += 1 + below(6);
        return m_nextInode;
    }
    int allocPid(int ns)
    {
        Ns &n = m_ns[static_cast<std::size_t>(ns)];
        const int pid = n.nextPid;
        n.nextPid += 1 + (chance(0.25) ? static_cast<int>(below(5)) : 0); // short-lived processes in between
        return pid;
    }
    std::string distroName(int i) const
    {
        return i < static_cast<int>(kDistroNames.size())
                   ? std::string(kDistroNames[static_cast<std::size_t>(i)])
                   : "Distro-" + std::to_string(i);
    }
    void buildNamespaces();
    int addProcess(int ns, int parent, std::string comm, std::string cmdline, bool kthread = false);
    int pickParent(int ns);
    void fillFromTemplate(int ns, std::string &comm, std::string &cmdline);
    void buildProcesses();
    bool inSubtree(int ns, int top) const;
    SyntheticVantage writeVantage(std::string name, VantageRole role, int distro, int top);

    SyntheticOptions m_opt;
    std::mt19937_64 m_rng;
    std::vector<Ns> m_ns;
    std::vector<Proc> m_procs;
    std::uint64_t m_nextInode = 4026532200;
    std::uint64_t m_ticks = 5000;
    int m_maxDepth = 0;
};

void Generator::buildNamespaces()
{
    Ns root;
    root.kind = Kind::Root;
    root.pid = kRootPidNs;
    root.mnt = kRootMnt;
    root.uts = kRootUts;
    root.ipc = kRootIpc;
    root.net = kRootNet;
    root.cgroup = kRootCgroup;
    root.weight = 4.0;
    m_ns.push_back(root);
    auto add = [&](Kind kind, int parent, int distro, bool ownNet) {
        Ns n;
        n.kind = kind;
        n.parent = parent;
        n.depth = m_ns[static_cast<std::size_t>(parent)].depth + 1;
        n.distro = distro;
        n.pid = newInode();
        n.mnt = newInode();
        n.uts = newInode();
        n.ipc = newInode();
        n.net = ownNet ? newInode() : m_ns[static_cast<std::size_t>(parent)].net;
        n.cgroup = kind == Kind::Container ? newInode() : kRootCgroup;
        switch (kind) {
        case Kind::FirstLevel:
            n.weight = 0.5;
            break;
        case Kind::Distro:
            n.weight = 4.0;
            break;
        default:
            n.weight = 0.2 + 1.8 * static_cast<double>(below(1000)) / 1000.0;
            break;
        }
        m_maxDepth = std::max(m_maxDepth, n.depth);
        m_ns.push_back(n);
        const int index = static_cast<int>(m_ns.size()) - 1;
        m_ns[static_cast<std::size_t>(parent)].children.push_back(index);
        return index;
    };
    std::vector<int> distroNs;
    for (int d = 0; d < m_opt.distros; ++d) {
        const int first = add(Kind::FirstLevel, 0, d, false);
        // The last distro (docker-desktop, typically) has a network namespace of its own.
        distroNs.push_back(add(Kind::Distro, first, d, d == m_opt.distros - 1 && m_opt.distros > 2));
    }
    std::vector<int> containers;
    const int rest = m_opt.namespaces - 1 - 2 * m_opt.distros;
    for (int c = 0; c < rest; ++c) {
        if (!containers.empty() && chance(0.2)) {
            const int parent = containers[below(containers.size())];
            if (m_ns[static_cast<std::size_t>(parent)].depth < 4) {
                add(Kind::Container, parent, m_ns[static_cast<std::size_t>(parent)].distro, true);
                continue;
            }
        }
        // Containers gather in the first distros (two draws, the lower wins).
        const auto d = static_cast<int>(std::min(below(distroNs.size()), below(distroNs.size())));
        containers.push_back(add(Kind::Container, distroNs[static_cast<std::size_t>(d)], d, true));
    }
}

int Generator::addProcess(int ns, int parent, std::string comm, std::string cmdline, bool kthread)
{
    Proc p;
    p.ns = ns;
    p.parent = parent;
    const int depth = m_ns[static_cast<std::size_t>(ns)].depth;
    p.pids.resize(static_cast<std::size_t>(depth) + 1);
    for (int at = ns; at >= 0; at = m_ns[static_cast<std::size_t>(at)].parent)
        p.pids[static_cast<std::size_t>(m_ns[static_cast<std::size_t>(at)].depth)] = allocPid(at);
    p.comm = std::move(comm);
    p.cmdline = std::move(cmdline);
    p.kthread = kthread;
    p.uid = kthread || m_ns[static_cast<std::size_t>(ns)].kind == Kind::Root ? 0 : (chance(0.5) ? 1000 : 0);
    m_ticks += below(40);
    p.start = m_ticks;
    p.state = chance(0.02) ? 'R' : (kthread ? 'I' : 'S');
    m_procs.push_back(std::move(p));
    const int index = static_cast<int>(m_procs.size()) - 1;
    m_ns[static_cast<std::size_t>(ns)].members.push_back(index);
    return index;
}

// A parent in the same namespace: the init often, else any earlier user-space process.
int Generator::pickParent(int ns)
{
    const auto &members = m_ns[static_cast<std::size_t>(ns)].members;
    if (chance(0.3))
        return members.front();
    for (int tries = 0; tries < 8; ++tries) {
        const int candidate = members[below(members.size())];
        if (!m_procs[static_cast<std::size_t>(candidate)].kthread)
            return candidate;
    }
    return members.front();
}

void Generator::fillFromTemplate(int ns, std::string &comm, std::string &cmdline)
{
    const bool wslg = m_ns[static_cast<std::size_t>(ns)].kind == Kind::FirstLevel;
    const Template &t = wslg ? kWslg[below(kWslg.size())] : kGeneral[below(kGeneral.size())];
    comm = t.comm;
    cmdline.clear();
    for (char c : t.cmdline) {
        if (c == '#')
            cmdline += std::to_string(1000 + below(90000));
        else
            cmdline += c;
    }
}

void Generator::buildProcesses()
{
    const int n = m_opt.processes;
    const int spaces = static_cast<int>(m_ns.size());
    // Every namespace has its init; the root also has kthreadd; the rest follows the weights.
    std::vector<int> count(static_cast<std::size_t>(spaces), 1);
    count[0] = 2;
    std::vector<double> cumulative;
    double total = 0;
    for (const Ns &ns : m_ns)
        cumulative.push_back(total += ns.weight);
    for (int i = n - spaces - 1; i > 0; --i) {
        const double x = static_cast<double>(m_rng() >> 11) * 0x1.0p-53 * total;
        const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin();
        ++count[static_cast<std::size_t>(std::min<std::ptrdiff_t>(at, spaces - 1))];
    }

    // The root: init, kthreadd and its kernel threads.
    addProcess(0, -1, "init", "/init");
    const int kthreadd = addProcess(0, -1, "kthreadd", "", true);
    const int kthreads = std::min(40, (count[0] - 2) / 3);
    for (int i = 0; i < kthreads; ++i)
        addProcess(0, kthreadd, std::string(kKernelThreads[below(kKernelThreads.size())]), "", true);
    std::vector<int> remaining(count);
    remaining[0] -= 2 + kthreads;

    // The inits, parents before children.
    std::vector<int> order{0};
    for (std::size_t i = 0; i < order.size(); ++i)
        for (int c : m_ns[static_cast<std::size_t>(order[i])].children)
            order.push_back(c);
    for (std::size_t i = 1; i < order.size(); ++i) {
        const int ns = order[i];
        const Ns &info = m_ns[static_cast<std::size_t>(ns)];
        std::string comm, cmdline;
        switch (info.kind) {
        case Kind::FirstLevel:
            comm = "init";
            cmdline = "/init";
            break;
        case Kind::Distro:
            comm = "systemd";
            cmdline = "/sbin/init";
            break;
        default:
            fillFromTemplate(ns, comm, cmdline);
            break;
        }
        addProcess(ns, pickParent(info.parent), std::move(comm), std::move(cmdline));
        --remaining[static_cast<std::size_t>(ns)];
    }

    // Everything else, in a shuffled order so that pids of the namespaces interleave.
    std::vector<int> slots;
    slots.reserve(static_cast<std::size_t>(n));
    for (int ns = 0; ns < spaces; ++ns)
        slots.insert(slots.end(),
                     static_cast<std::size_t>(std::max(0, remaining[static_cast<std::size_t>(ns)])), ns);
    for (std::size_t i = slots.size(); i > 1; --i)
        std::swap(slots[i - 1], slots[below(i)]);
    std::string comm, cmdline;
    for (int ns : slots) {
        fillFromTemplate(ns, comm, cmdline);
        addProcess(ns, pickParent(ns), comm, cmdline);
    }
}

bool Generator::inSubtree(int ns, int top) const
{
    for (int at = ns; at >= 0; at = m_ns[static_cast<std::size_t>(at)].parent)
        if (at == top)
            return true;
    return false;
}

// ---- the writer -------------------------------------------------------------------------------------------

class Out
{
public:
    explicit Out(std::string &s) : m_s(s) {}
    Out &operator<<(std::string_view v)
    {
        m_s.append(v);
        return *this;
    }
    Out &operator<<(char c)
    {
        m_s.push_back(c);
        return *this;
    }
    Out &operator<<(std::uint64_t v)
    {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        m_s.append(buf, r.ptr);
        return *this;
    }
    Out &operator<<(int v)
    {
        char buf[16];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        m_s.append(buf, r.ptr);
        return *this;
    }

private:
    std::string &m_s;
};

// One row of a vantage's listing: a process of the world or the collector's own.
struct Row
{
    int pid = 0;  // in the vantage's /proc terms
    int ppid = 0; // likewise; 0 when the parent is outside the vantage
    std::vector<int> nspid;
    std::string_view comm;
    std::string_view cmdline;
    int uid = 0;
    std::uint64_t start = 0;
    char state = 'S';
    bool kthread = false;
    bool inStatus = true; // the collector's grep and tr exist only while the cmdline section is listed
    const Ns *ns = nullptr;
    char key[12] = {}; // the pid as text: /proc's glob sorts by it
};

void writeNsLinks(Out &o, const Row &r, const std::string &owner, bool quoted)
{
    const Ns &ns = *r.ns;
    const std::pair<std::string_view, std::uint64_t> links[] = {
        {"cgroup", ns.cgroup}, {"ipc", ns.ipc},
        {"mnt", ns.mnt},       {"net", ns.net},
        {"pid", ns.pid},       {"pid_for_children", ns.pid},
        {"time", kRootTime},   {"time_for_children", kRootTime},
        {"user", kRootUser},   {"uts", ns.uts},
    };
    for (const auto &[name, inode] : links) {
        std::string_view type = name.substr(0, name.find('_'));
        o << "lrwxrwxrwx 1 " << owner << ' ' << owner << " 0 Nov 21 05:42 " << name << " -> ";
        if (quoted)
            o << '\'';
        o << type << ":[" << inode << ']';
        if (quoted)
            o << '\'';
        o << '\n';
    }
}

SyntheticVantage Generator::writeVantage(std::string name, VantageRole role, int distro, int top)
{
    const Ns &topNs = m_ns[static_cast<std::size_t>(top)];
    const auto base = static_cast<std::size_t>(topNs.depth);
    SyntheticVantage v;
    v.spec.name = std::move(name);
    v.spec.role = role;
    if (distro >= 0)
        v.spec.distro = distroName(distro);
    switch (role) {
    case VantageRole::Vm:
        v.spec.command = {"wsl.exe", "--debug-shell"};
        break;
    case VantageRole::System:
        v.spec.command = {"wsl.exe", "--system", "-d", v.spec.distro, "-u", "root", "--exec", "sh", "-s"};
        break;
    default:
        v.spec.command = {"wsl.exe", "-d", v.spec.distro, "-u", "root", "--exec", "sh", "-s"};
        break;
    }
    v.pidNsInode = topNs.pid;
    v.depth = topNs.depth;

    std::vector<Row> rows;
    for (const Proc &p : m_procs) {
        if (!inSubtree(p.ns, top))
            continue;
        Row r;
        r.nspid.assign(p.pids.begin() + static_cast<std::ptrdiff_t>(base), p.pids.end());
        r.pid = r.nspid.front();
        if (p.parent >= 0) {
            const Proc &parent = m_procs[static_cast<std::size_t>(p.parent)];
            if (inSubtree(parent.ns, top))
                r.ppid = parent.pids[base];
        }
        r.comm = p.comm;
        r.cmdline = p.cmdline;
        r.uid = p.uid;
        r.start = p.start;
        r.state = p.state;
        r.kthread = p.kthread;
        r.ns = &m_ns[static_cast<std::size_t>(p.ns)];
        rows.push_back(std::move(r));
    }
    v.visibleProcesses = static_cast<int>(rows.size());

    // The collector: its shell in the vantage's namespace, child of a process there, and its grep and tr.
    const int shellParent = pickParent(top);
    std::vector<int> shellPids(static_cast<std::size_t>(topNs.depth) + 1);
    for (int at = top; at >= 0; at = m_ns[static_cast<std::size_t>(at)].parent)
        shellPids[static_cast<std::size_t>(m_ns[static_cast<std::size_t>(at)].depth)] = allocPid(at);
    Row shell;
    shell.nspid.assign(shellPids.begin() + static_cast<std::ptrdiff_t>(base), shellPids.end());
    shell.pid = shell.nspid.front();
    shell.ppid = m_procs[static_cast<std::size_t>(shellParent)].pids[base];
    shell.comm = "sh";
    shell.cmdline = "sh -s";
    shell.start = m_ticks + 100;
    shell.ns = &topNs;
    const int shellInner = shellPids.back();
    std::vector<int> childPids[2];
    for (auto &pids : childPids) {
        pids.resize(static_cast<std::size_t>(topNs.depth) + 1);
        for (int at = top; at >= 0; at = m_ns[static_cast<std::size_t>(at)].parent)
            pids[static_cast<std::size_t>(m_ns[static_cast<std::size_t>(at)].depth)] = allocPid(at);
    }
    rows.push_back(shell);
    const std::string_view childComm[2] = {"grep", "tr"};
    for (int c = 0; c < 2; ++c) {
        Row r = shell;
        r.nspid.assign(childPids[c].begin() + static_cast<std::ptrdiff_t>(base), childPids[c].end());
        r.pid = r.nspid.front();
        r.ppid = shell.pid;
        r.comm = childComm[c];
        r.inStatus = false;
        rows.push_back(std::move(r));
    }
    for (Row &r : rows)
        std::to_chars(r.key, r.key + sizeof r.key - 1, r.pid);
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return std::string_view(a.key) < std::string_view(b.key); });
    // grep's own command line names every cmdline file it reads, as the real one does.
    std::string grepCmdline = "grep -a -H ";
    for (const Row &r : rows)
        grepCmdline.append(" /proc/").append(r.key).append("/cmdline");
    const std::string trCmdline = "tr \\000\\r  ";

    std::string &s = v.output;
    s.reserve(rows.size() * 1400 + 8192);
    Out o(s);
    const bool vm = role == VantageRole::Vm;
    if (vm) // the debug shell: a banner and a prompt before the begin marker, on a terminal
        o << "Welcome to CBL-Mariner 2.0 (x86_64) - Kernel 5.15.146.1-microsoft-standard-WSL2\n"
          << "root [ / ]# { LC_ALL=C ... }\n";
    o << "\n@@WSLATLAS-BEGIN 1\n";
    o << "@@WSLATLAS-SECTION self\n";
    o << "Shell-Pid:\t" << shellInner << '\n';
    o << "Name:\tsh\nPid:\t" << shell.pid << "\nPPid:\t" << shell.ppid << "\nUid:\t0\t0\t0\t0\nNSpid:";
    for (int pid : shell.nspid)
        o << '\t' << pid;
    o << '\n';
    o << "@@WSLATLAS-SECTION kernel\n5.15.146.1-microsoft-standard-WSL2\n";
    o << "@@WSLATLAS-SECTION hostname\n" << (vm ? "localhost" : "DESKTOP-BENCH") << '\n';
    o << "@@WSLATLAS-SECTION os-release\n";
    if (vm)
        o << "NAME=\"Common Base Linux Mariner\"\nVERSION=\"2.0.20240123\"\nID=mariner\nVERSION_ID=\"2.0\"\n"
             "PRETTY_NAME=\"CBL-Mariner/Linux\"\n";
    else
        o << "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\n"
             "ID_LIKE=debian\n";

    o << "@@WSLATLAS-SECTION status\n";
    for (const Row &r : rows) {
        if (!r.inStatus)
            continue;
        const std::string_view path = r.key;
        o << "/proc/" << path << "/status:Name:\t" << r.comm << '\n';
        o << "/proc/" << path << "/status:Pid:\t" << r.pid << '\n';
        o << "/proc/" << path << "/status:PPid:\t" << r.ppid << '\n';
        o << "/proc/" << path << "/status:Uid:\t" << r.uid << '\t' << r.uid << '\t' << r.uid << '\t' << r.uid
          << '\n';
        o << "/proc/" << path << "/status:NSpid:";
        for (int pid : r.nspid)
            o << '\t' << pid;
        o << '\n';
    }

    o << "@@WSLATLAS-SECTION stat\n";
    for (const Row &r : rows) {
        if (!r.inStatus)
            continue;
        o << r.pid << " (" << r.comm << ") " << r.state << ' ' << r.ppid << ' ' << r.pid << ' ' << r.pid
          << (r.kthread ? " 0 -1 2129984 0 0 0 0 0 1 0 0 20 0 1 0 "
                        : " 0 -1 4194560 215 0 0 0 0 0 0 0 20 0 1 0 ")
          << r.start
          << (r.kthread
                  ? " 0 0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 1 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 "
                    "0\n"
                  : " 4464640 759 18446744073709551615 94056622313472 94056623102877 140723638109344 0 0 0 "
                    "65536 4 65538 1 0 0 17 1 0 0 0 0 0 94056623336176 94056623384420 94057097547776 "
                    "140723638110762 140723638110863 140723638110863 140723638112234 0\n");
    }

    o << "@@WSLATLAS-SECTION cmdline\n";
    for (const Row &r : rows) {
        std::string_view args = r.cmdline;
        if (!r.inStatus)
            args = r.comm == "grep" ? std::string_view(grepCmdline) : std::string_view(trCmdline);
        if (args.empty())
            continue; // kernel threads
        o << "/proc/" << std::string_view(r.key) << "/cmdline:" << args << " \n";
    }

    o << "@@WSLATLAS-SECTION ns\n";
    bool first = true;
    for (const Row &r : rows) {
        if (!r.inStatus)
            continue;
        if (!first)
            o << '\n';
        first = false;
        o << "/proc/" << std::string_view(r.key) << "/ns:\ntotal 0\n";
        writeNsLinks(o, r, r.uid == 0 ? "root" : "wslg", vm);
    }

    const int host = 2 + top;
    o << "@@WSLATLAS-SECTION net-dev\n"
         "Inter-|   Receive                                                |  Transmit\n"
         " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo "
         "colls "
         "carrier compressed\n"
         "    lo:    3267      29    0    0    0     0          0         0     3267      29    0    0    0  "
         "   0   "
         "    0          0\n"
         "  eth0: 89368910    1744    0    0    0     0          0         0    83784     977    0    0    0 "
         "    0  "
         "     0          0\n";
    o << "@@WSLATLAS-SECTION net-route\n"
         "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
         "eth0\t00000000\t018013AC\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
         "eth0\t008013AC\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0\n";
    o << "@@WSLATLAS-SECTION net-if-inet6\n"
         "fe8000000000000002155dfffe73e10e 02 40 20 80     eth0\n"
         "00000000000000000000000000000001 01 80 10 80       lo\n";
    o << "@@WSLATLAS-SECTION ip-link\n"
         "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default "
         "qlen "
         "1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
         "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default "
         "qlen "
         "1000\\    link/ether 00:15:5d:73:e1:0e brd ff:ff:ff:ff:ff:ff\n";
    o << "@@WSLATLAS-SECTION ip-addr\n"
         "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n"
         "2: eth0    inet 172.19.132."
      << host
      << "/20 brd 172.19.143.255 scope global eth0\\       valid_lft forever preferred_lft forever\n"
         "2: eth0    inet6 fe80::215:5dff:fe73:e10e/64 scope link \\       valid_lft forever preferred_lft "
         "forever\n";
    o << "@@WSLATLAS-SECTION ip-route\n"
         "default via 172.19.128.1 dev eth0 proto kernel \n"
         "172.19.128.0/20 dev eth0 proto kernel scope link src 172.19.132."
      << host << " \nfe80::/64 dev eth0 proto kernel metric 256 pref medium\n";
    o << "@@WSLATLAS-SECTION resolv-conf\n# generated by WSL\nnameserver 172.19.128.1\n";
    if (!vm)
        o << "@@WSLATLAS-SECTION wslinfo-networking-mode\nnat\n";
    o << "@@WSLATLAS-END 1\n";
    if (vm)
        o << "root [ / ]# ";
    return v;
}

SyntheticWorld Generator::run()
{
    if (m_opt.distros < 2)
        throw std::invalid_argument("synthetic: at least 2 distros (the vantages land in two of them)");
    if (m_opt.namespaces < 1 + 2 * m_opt.distros)
        throw std::invalid_argument("synthetic: at least 1 + 2 * distros namespaces");
    if (m_opt.processes < m_opt.namespaces + 1)
        throw std::invalid_argument("synthetic: more processes than namespaces");
    buildNamespaces();
    buildProcesses();
    SyntheticWorld world;
    world.options = m_opt;
    world.maxDepth = m_maxDepth;
    // Namespace indices: 0 root, 1 + 2d first level of distro d, 2 + 2d the distro itself.
    world.vantages.push_back(writeVantage("vm", VantageRole::Vm, -1, 0));
    world.vantages.push_back(writeVantage("system:" + distroName(0), VantageRole::System, 0, 1));
    world.vantages.push_back(writeVantage(distroName(0), VantageRole::Distro, 0, 2));
    world.vantages.push_back(writeVantage(distroName(1), VantageRole::Distro, 1, 4));
    return world;
}

} // namespace

std::size_t SyntheticWorld::totalBytes() const
{
    std::size_t total = 0;
    for (const SyntheticVantage &v : vantages)
        total += v.output.size();
    return total;
}

SyntheticWorld generateSynthetic(const SyntheticOptions &options)
{
    return Generator(options).run();
}

} // namespace wslatlas::bench
