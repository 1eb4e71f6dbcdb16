// The network model end to end on the real kernel (ctest label "kernel").
//
// It builds, with `ip netns`, a small network shaped like WSL 2's (DESIGN.md "The network"; the seed article
// 000_8915ff8fceacdfca.txt):
//   wa-vm-PID  the VM's shared network: eth0 00:15:5d:73:e1:0e with 172.19.132.144/20 (brd 172.19.143.255),
//              `default via 172.19.128.1 dev eth0 proto kernel`, an unreachable route, and WSL's generated
//              resolv.conf (nameserver 172.19.128.1);
//   wa-dd-PID  docker-desktop's own network: eth0 with 192.168.65.3/24 and fd00:5eed::3/64, a default route
//   and
//              a blackhole route.
// The two eth0 are the ends of one veth pair, so nothing is added to the machine's own network namespace.
// Addresses are only assigned: the test sends no traffic (IPv6 duplicate address detection and router
// solicitations are switched off in both namespaces before the link exists). Three "distros" are pid
// namespaces (`ip netns exec NS unshare --pid --fork --mount-proc sleep`): Ubuntu-20.04 and kali-linux in the
// shared network, docker-desktop in its own. `wslatlas-cli snapshot` runs the collector in each through
// `nsenter -t PID -p -m -n -- sh -s`, and the snapshot's network.namespaces must match the kernel: the
// grouping by net-namespace inode (`stat -L /proc/PID/ns/net`), and the interfaces, addresses and routes that
// `ip -j addr` / `ip -j route` / `ip -j -6 route` report in each namespace.
//
// Everything created (namespaces, processes, /etc/netns/NAME) is removed in TearDown, also after a failure;
// the sleeps end by themselves after two minutes if the test is killed. Every wait is bounded.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// ---- processes

struct RunResult
{
    int exitCode = -1; // -1: killed by a signal or not started
    bool timedOut = false;
    std::string out;
    std::string err;
    std::string startError;
};

std::string joined(const std::vector<std::string> &argv)
{
    std::string s;
    for (const auto &a : argv)
        s += (s.empty() ? "" : " ") + a;
    return s;
}

// Runs argv (searched in PATH) with stdin from /dev/null, collecting its output; kills it after timeout.
RunResult run(const std::vector<std::string> &argv,
              std::chrono::milliseconds timeout = std::chrono::seconds(10))
{
    RunResult r;
    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0)
        return r.startError = std::strerror(errno), r;
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        close(outPipe[0]), close(outPipe[1]);
        return r.startError = std::strerror(errno), r;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    std::vector<char *> args;
    for (const auto &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(outPipe[1]);
    close(errPipe[1]);
    if (rc != 0) {
        close(outPipe[0]), close(errPipe[0]);
        r.startError = std::string(argv[0]) + ": " + std::strerror(rc);
        return r;
    }
    const auto deadline = Clock::now() + timeout;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string *sinks[2] = {&r.out, &r.err};
    int open = 2;
    while (open > 0) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            r.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        if (poll(fds, 2, static_cast<int>(std::min<long long>(left, 200))) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (auto &f : fds) {
        if (f.fd >= 0)
            close(f.fd);
    }
    int status = 0;
    // Output closed: the process is ending (or was killed); still bound the wait.
    for (int i = 0; i < 500; ++i) {
        const pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            return r;
        }
        if (w < 0)
            return r;
        if (i == 250)
            kill(pid, SIGKILL);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return r;
}

std::string describe(const std::vector<std::string> &argv, const RunResult &r)
{
    std::ostringstream s;
    s << "`" << joined(argv) << "` ";
    if (!r.startError.empty())
        s << "could not start: " << r.startError;
    else if (r.timedOut)
        s << "timed out";
    else
        s << "exited " << r.exitCode;
    if (!r.err.empty())
        s << "; stderr: " << r.err;
    return s.str();
}

// Starts argv in the background in a process group of its own, output to /dev/null.
std::optional<pid_t> spawnGroup(const std::vector<std::string> &argv)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    std::vector<char *> args;
    for (const auto &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        return std::nullopt;
    return pid;
}

std::optional<std::string> readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ..., [19] start time.
std::vector<std::string> statFields(pid_t pid)
{
    auto text = readFile("/proc/" + std::to_string(pid) + "/stat");
    std::vector<std::string> fields;
    if (!text)
        return fields;
    const std::size_t close = text->rfind(')');
    if (close == std::string::npos)
        return fields;
    std::istringstream in(text->substr(close + 1));
    for (std::string f; in >> f;)
        fields.push_back(f);
    return fields;
}

std::string comm(pid_t pid)
{
    auto text = readFile("/proc/" + std::to_string(pid) + "/comm");
    if (!text)
        return {};
    while (!text->empty() && text->back() == '\n')
        text->pop_back();
    return *text;
}

// The child of `parent` named `name`, waited for at most `timeout`.
std::optional<pid_t> awaitChild(pid_t parent, const std::string &name, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        std::error_code ec; // entries come and go while this reads: no exceptions
        for (fs::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
            const std::string n = it->path().filename();
            if (n.empty() || !std::all_of(n.begin(), n.end(), ::isdigit))
                continue;
            const pid_t pid = std::stoi(n);
            const auto f = statFields(pid);
            if (f.size() > 1 && f[1] == std::to_string(parent) && comm(pid) == name)
                return pid;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
}

std::optional<std::uint64_t> nsInode(const std::string &path)
{
    struct stat st
    {};
    if (stat(path.c_str(), &st) != 0) // stat, not lstat: the namespace's own inode
        return std::nullopt;
    return static_cast<std::uint64_t>(st.st_ino);
}

// ---- what the kernel says, through `ip -j`

struct IpTruth
{
    json interfaces = json::array(); // in the snapshot's vocabulary
    json routes = json::array();
    std::string raw; // for messages
};

json addressList(const json &link, const std::string &family)
{
    json out = json::array();
    for (const auto &a : link.value("addr_info", json::array())) {
        if (a.value("family", "") == family)
            out.push_back({{"address", a.value("local", "")}, {"prefix", a.value("prefixlen", -1)}});
    }
    return out;
}

std::string routeDestination(const json &r, bool v6)
{
    std::string dst = r.value("dst", "");
    if (dst == "default" || dst.find('/') != std::string::npos)
        return dst;
    return dst + (v6 ? "/128" : "/32");
}

std::optional<IpTruth> askIp(const std::string &ns, std::string &why)
{
    IpTruth t;
    const std::vector<std::vector<std::string>> commands = {{"ip", "-n", ns, "-j", "addr", "show"},
                                                            {"ip", "-n", ns, "-j", "-4", "route", "show"},
                                                            {"ip", "-n", ns, "-j", "-6", "route", "show"}};
    for (std::size_t c = 0; c < commands.size(); ++c) {
        const auto r = run(commands[c]);
        if (r.exitCode != 0) {
            why = describe(commands[c], r);
            return std::nullopt;
        }
        t.raw += r.out + "\n";
        const json j = json::parse(r.out.empty() ? "[]" : r.out, nullptr, false);
        if (!j.is_array()) {
            why = "`" + joined(commands[c]) + "` printed no JSON array: " + r.out;
            return std::nullopt;
        }
        for (const auto &e : j) {
            if (c == 0) {
                const auto flags = e.value("flags", json::array());
                const bool up = std::find(flags.begin(), flags.end(), "UP") != flags.end();
                t.interfaces.push_back(
                    {{"name", e.value("ifname", "")},
                     {"mac", e.value("link_type", "") == "ether" ? json(e.value("address", "")) : json()},
                     {"mtu", e.value("mtu", -1)},
                     {"up", up},
                     {"ipv4", addressList(e, "inet")},
                     {"ipv6", addressList(e, "inet6")}});
            } else {
                t.routes.push_back({{"destination", routeDestination(e, c == 2)},
                                    {"gateway", e.value("gateway", "")},
                                    {"dev", e.value("dev", "")},
                                    {"source", e.value("prefsrc", "")}});
            }
        }
    }
    return t;
}

// The snapshot's interfaces and routes in the same shape (absent gateway/source are empty strings).
json snapshotInterfaces(const json &ns)
{
    json out = json::array();
    for (const auto &i : ns.value("interfaces", json::array())) {
        auto addresses = [&](const char *key) {
            json list = json::array();
            for (const auto &a : i.value(key, json::array()))
                list.push_back({{"address", a.value("address", "")}, {"prefix", a.value("prefix", -1)}});
            return list;
        };
        out.push_back({{"name", i.value("name", "")},
                       {"mac", i.contains("mac") ? i["mac"] : json()},
                       {"mtu", i.contains("mtu") ? i["mtu"] : json()},
                       {"up", i.contains("up") ? i["up"] : json()},
                       {"ipv4", addresses("ipv4")},
                       {"ipv6", addresses("ipv6")}});
    }
    return out;
}

json snapshotRoutes(const json &ns)
{
    json out = json::array();
    for (const auto &r : ns.value("routes", json::array())) {
        out.push_back({{"destination", r.value("destination", "")},
                       {"gateway", r.value("gateway", "")},
                       {"dev", r.value("dev", "")},
                       {"source", r.value("source", "")}});
    }
    return out;
}

// ---- the test

constexpr const char *kWslResolvConf =
    "# This file was automatically generated by WSL. To stop automatic generation of this file, add the "
    "following entry to /etc/wsl.conf:\n# [network]\n# generateResolvConf = false\nnameserver 172.19.128.1\n";

struct Distro
{
    std::string name;
    std::string netns;
    pid_t launcher = 0; // `ip netns exec ... unshare`, leader of its process group
    pid_t init = 0;     // the sleep: pid 1 of the distro's pid namespace
};

class NetworkKernel : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (geteuid() != 0)
            GTEST_SKIP() << "needs root (ip netns, nsenter)";
        for (const char *tool : {"ip", "unshare", "nsenter", "sleep", "sh"}) {
            if (run({"sh", "-c", std::string("command -v ") + tool}).exitCode != 0)
                GTEST_SKIP() << tool << " is not installed";
        }
        if (access(WSLATLAS_CLI, X_OK) != 0)
            FAIL() << WSLATLAS_CLI << " is not an executable";
        char dir[] = "/tmp/wslatlas-network.XXXXXX";
        ASSERT_NE(mkdtemp(dir), nullptr) << std::strerror(errno);
        m_work = dir;
    }

    void TearDown() override
    {
        // Processes first (a namespace lives as long as a process in it), each group by the id we started.
        for (const Distro &d : m_distros) {
            if (d.launcher > 0)
                kill(-d.launcher, SIGKILL);
            if (d.init > 0)
                kill(d.init, SIGKILL); // in the same group; named again in case it left it
        }
        for (const Distro &d : m_distros) {
            for (int i = 0; d.launcher > 0 && i < 300; ++i) {
                int status = 0;
                const pid_t w = waitpid(d.launcher, &status, WNOHANG);
                if (w == d.launcher || w < 0)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        for (const std::string &ns : m_netns) {
            const auto r = run({"ip", "netns", "delete", ns});
            if (r.exitCode != 0)
                ADD_FAILURE() << "cleanup: " << describe({"ip", "netns", "delete", ns}, r);
        }
        std::error_code ec;
        for (const std::string &dir : m_etcDirs)
            fs::remove_all(dir, ec);
        if (m_createdEtcNetns)
            fs::remove("/etc/netns", ec); // only if still empty
        if (!m_work.empty()) {
            if (const char *keep = getenv("WSLATLAS_KERNEL_KEEP"); keep && *keep)
                fs::copy(m_work, keep, fs::copy_options::recursive | fs::copy_options::overwrite_existing,
                         ec);
            fs::remove_all(m_work, ec);
        }
    }

    // Runs a setup command; a failure fails the test (with its stderr).
    void must(const std::vector<std::string> &argv)
    {
        const auto r = run(argv);
        ASSERT_EQ(r.exitCode, 0) << describe(argv, r);
    }

    std::string addNetns(const std::string &prefix)
    {
        const std::string name = prefix + std::to_string(getpid());
        const auto r = run({"ip", "netns", "add", name});
        if (r.exitCode != 0)
            return {};
        m_netns.push_back(name);
        return name;
    }

    // WSL's generated resolv.conf, seen only inside `ip netns exec NS` (its /etc/netns convention).
    bool addResolvConf(const std::string &ns, const std::string &text)
    {
        std::error_code ec;
        if (!fs::exists("/etc/netns", ec)) {
            if (!fs::create_directory("/etc/netns", ec))
                return false;
            m_createdEtcNetns = true;
        }
        const std::string dir = "/etc/netns/" + ns;
        if (!fs::create_directory(dir, ec))
            return false;
        m_etcDirs.push_back(dir);
        std::ofstream(dir + "/resolv.conf") << text;
        return true;
    }

    // Waits (bounded) until eth0 in ns has its IPv6 link-local address, so that nothing changes later.
    void awaitLinkLocal(const std::string &ns)
    {
        if (run({"ip", "netns", "exec", ns, "test", "-d", "/proc/sys/net/ipv6"}).exitCode != 0)
            return; // no IPv6 in this kernel
        const auto deadline = Clock::now() + std::chrono::seconds(5);
        while (Clock::now() < deadline) {
            const auto r = run({"ip", "-n", ns, "-j", "-6", "addr", "show", "dev", "eth0", "scope", "link"});
            if (r.exitCode == 0 && r.out.find("fe80::") != std::string::npos &&
                r.out.find("tentative") == std::string::npos)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ADD_FAILURE() << "eth0 in " << ns << " got no IPv6 link-local address within 5 s";
    }

    void startDistro(const std::string &name, const std::string &ns)
    {
        Distro d{name, ns};
        const auto launcher = spawnGroup({"ip", "netns", "exec", ns, "unshare", "--pid", "--fork",
                                          "--kill-child", "--mount-proc", "sleep", "120"});
        ASSERT_TRUE(launcher.has_value()) << "could not start unshare for " << name;
        d.launcher = *launcher;
        m_distros.push_back(d);
        const auto init = awaitChild(d.launcher, "sleep", std::chrono::seconds(5));
        ASSERT_TRUE(init.has_value()) << "the pid namespace of " << name << " did not start within 5 s";
        m_distros.back().init = *init;
    }

    std::string m_work;
    std::vector<std::string> m_netns;
    std::vector<Distro> m_distros;
    std::vector<std::string> m_etcDirs;
    bool m_createdEtcNetns = false;
};

TEST_F(NetworkKernel, SnapshotGroupsDistrosByNetworkNamespaceAndReportsWhatIpSees)
{
    // ---- the network
    const std::string vm = addNetns("wa-vm-");
    if (vm.empty())
        GTEST_SKIP() << "`ip netns add` does not work here";
    const std::string dd = addNetns("wa-dd-");
    ASSERT_FALSE(dd.empty());
    for (const std::string &ns : {vm, dd}) {
        // No duplicate address detection, no router solicitations: the links stay silent.
        must({"ip", "netns", "exec", ns, "sh", "-c",
              "for c in all default; do for k in accept_dad router_solicitations; do "
              "f=/proc/sys/net/ipv6/conf/$c/$k; [ -w $f ] && echo 0 > $f; done; done; exit 0"});
    }
    {
        const std::vector<std::string> veth = {
            "ip",   "link", "add",  "eth0", "netns", vm, "address", "00:15:5d:73:e1:0e", "type",
            "veth", "peer", "name", "eth0", "netns", dd, "address", "02:42:c0:a8:41:03"};
        const auto r = run(veth);
        if (r.exitCode != 0)
            GTEST_SKIP() << "no veth pairs here: " << describe(veth, r);
    }
    must({"ip", "-n", vm, "addr", "add", "172.19.132.144/20", "brd", "172.19.143.255", "dev", "eth0"});
    must({"ip", "-n", dd, "addr", "add", "192.168.65.3/24", "dev", "eth0"});
    const bool ipv6 = run({"ip", "netns", "exec", dd, "test", "-d", "/proc/sys/net/ipv6"}).exitCode == 0;
    if (ipv6)
        must({"ip", "-n", dd, "-6", "addr", "add", "fd00:5eed::3/64", "dev", "eth0", "nodad"});
    for (const std::string &ns : {vm, dd}) {
        must({"ip", "-n", ns, "link", "set", "lo", "up"});
        must({"ip", "-n", ns, "link", "set", "eth0", "up"});
    }
    // The gateway is on-link: 172.19.128.1 is inside 172.19.128.0/20.
    must(
        {"ip", "-n", vm, "route", "add", "default", "via", "172.19.128.1", "dev", "eth0", "proto", "kernel"});
    must({"ip", "-n", vm, "route", "add", "unreachable", "10.99.0.0/16"});
    must({"ip", "-n", dd, "route", "add", "default", "via", "192.168.65.1", "dev", "eth0"});
    must({"ip", "-n", dd, "route", "add", "blackhole", "10.98.0.0/16"});
    const bool resolv = addResolvConf(vm, kWslResolvConf) && addResolvConf(dd, "nameserver 192.168.65.7\n");
    awaitLinkLocal(vm);
    awaitLinkLocal(dd);

    // ---- the distros
    startDistro("Ubuntu-20.04", vm);
    startDistro("kali-linux", vm);
    startDistro("docker-desktop", dd);
    ASSERT_FALSE(HasFatalFailure());

    std::map<std::string, std::uint64_t> netInode; // netns name -> inode, as the kernel says
    for (const std::string &ns : {vm, dd}) {
        const auto inode = nsInode("/run/netns/" + ns);
        ASSERT_TRUE(inode.has_value()) << "/run/netns/" << ns;
        netInode[ns] = *inode;
    }
    for (const Distro &d : m_distros) {
        const auto inode = nsInode("/proc/" + std::to_string(d.init) + "/ns/net");
        ASSERT_TRUE(inode.has_value()) << d.name;
        ASSERT_EQ(*inode, netInode[d.netns]) << d.name << "'s sleep is not in " << d.netns;
    }
    ASSERT_NE(netInode[vm], netInode[dd]);
    ASSERT_NE(nsInode("/proc/self/ns/net"), netInode[vm]);

    std::string why;
    std::map<std::string, IpTruth> before;
    for (const std::string &ns : {vm, dd}) {
        auto t = askIp(ns, why);
        ASSERT_TRUE(t.has_value()) << why;
        before[ns] = *t;
    }

    // ---- the snapshot
    json plan = {{"vantages", json::array()}};
    for (const Distro &d : m_distros) {
        plan["vantages"].push_back(
            {{"name", d.name},
             {"role", "distro"},
             {"distro", d.name},
             {"command", {"nsenter", "-t", std::to_string(d.init), "-p", "-m", "-n", "--", "sh", "-s"}}});
    }
    const std::string planPath = m_work + "/plan.json";
    const std::string snapPath = m_work + "/snapshot.json";
    std::ofstream(planPath) << plan.dump(2);
    const std::vector<std::string> cli = {WSLATLAS_CLI, "snapshot", "--plan", planPath, "-o", snapPath};
    const auto started = Clock::now();
    const auto r = run(cli, std::chrono::seconds(40));
    ASSERT_EQ(r.exitCode, 0) << describe(cli, r);
    const auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
    EXPECT_LT(seconds, 20.0) << "the snapshot of three vantages took " << seconds << " s";

    // The network must not have changed while the snapshot ran, or the comparison would mean nothing.
    for (const std::string &ns : {vm, dd}) {
        auto t = askIp(ns, why);
        ASSERT_TRUE(t.has_value()) << why;
        ASSERT_EQ(t->interfaces, before[ns].interfaces) << ns << " changed during the snapshot";
        ASSERT_EQ(t->routes, before[ns].routes) << ns << " changed during the snapshot";
    }

    const auto text = readFile(snapPath);
    ASSERT_TRUE(text.has_value()) << snapPath;
    const json snap = json::parse(*text, nullptr, false);
    ASSERT_TRUE(snap.is_object()) << "the snapshot is not JSON";
    for (const auto &v : snap.value("vantages", json::array()))
        EXPECT_TRUE(v.value("ok", false)) << v.dump();

    // ---- the grouping
    const json namespaces = snap["network"].value("namespaces", json::array());
    ASSERT_EQ(namespaces.size(), 2u) << namespaces.dump(2);
    const std::map<std::string, std::vector<std::string>> expectedDistros = {
        {vm, {"Ubuntu-20.04", "kali-linux"}}, {dd, {"docker-desktop"}}};
    for (const std::string &ns : {vm, dd}) {
        SCOPED_TRACE(ns);
        const json *entry = nullptr;
        for (const auto &n : namespaces) {
            if (n.value("inode", std::uint64_t{0}) == netInode[ns])
                entry = &n;
        }
        ASSERT_NE(entry, nullptr) << "no namespace with inode " << netInode[ns] << " in "
                                  << namespaces.dump(2);
        EXPECT_EQ(entry->value("id", ""), "net:[" + std::to_string(netInode[ns]) + "]");
        auto distros = entry->value("distros", std::vector<std::string>{});
        std::sort(distros.begin(), distros.end());
        EXPECT_EQ(distros, expectedDistros.at(ns));

        // ---- what ip says
        EXPECT_EQ(snapshotInterfaces(*entry).dump(2), before[ns].interfaces.dump(2)) << "ip -j said:\n"
                                                                                     << before[ns].raw;
        EXPECT_EQ(snapshotRoutes(*entry).dump(2), before[ns].routes.dump(2)) << "ip -j said:\n"
                                                                             << before[ns].raw;
        if (resolv) {
            EXPECT_EQ(entry->value("nameservers", std::vector<std::string>{}),
                      std::vector<std::string>{ns == vm ? "172.19.128.1" : "192.168.65.7"});
        }
    }

    // The article's facts, spelled out (the comparison above already implies them).
    for (const auto &n : namespaces) {
        if (n.value("inode", std::uint64_t{0}) != netInode[vm])
            continue;
        bool eth0 = false, defaultRoute = false, linkRoute = false;
        for (const auto &i : n["interfaces"]) {
            if (i.value("name", "") == "eth0" && i.value("mac", json()) == "00:15:5d:73:e1:0e" &&
                i["ipv4"] == json::array({{{"address", "172.19.132.144"}, {"prefix", 20}}}) &&
                i.value("mtu", 0) == 1500)
                eth0 = true;
        }
        for (const auto &rt : n["routes"]) {
            defaultRoute =
                defaultRoute || (rt.value("destination", "") == "default" &&
                                 rt.value("gateway", "") == "172.19.128.1" && rt.value("dev", "") == "eth0");
            linkRoute =
                linkRoute || (rt.value("destination", "") == "172.19.128.0/20" &&
                              rt.value("source", "") == "172.19.132.144" && rt.value("dev", "") == "eth0");
        }
        EXPECT_TRUE(eth0) << n.dump(2);
        EXPECT_TRUE(defaultRoute) << n.dump(2);
        EXPECT_TRUE(linkRoute) << n.dump(2);
        if (ipv6) {
            bool linkLocal = false;
            for (const auto &i : n["interfaces"]) {
                for (const auto &a : i.value("ipv6", json::array()))
                    linkLocal = linkLocal || a.value("address", "") == "fe80::215:5dff:fe73:e10e";
            }
            EXPECT_TRUE(linkLocal) << "the article's fe80::215:5dff:fe73:e10e (from the MAC) is missing";
        }
    }
}

} // namespace
