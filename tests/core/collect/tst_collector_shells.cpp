// The collector script on the real kernel (label kernel): in a fresh pid namespace that holds a known set of
// processes, dash, bash and busybox sh must report the same thing, and the script must start the same number
// of processes whether the namespace holds 50 or 2,000 of them. Needs root and unshare; skips otherwise.
#include "collector_output.h"
#include "collector_script.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

extern char **environ;

using namespace wslatlas;
using Clock = std::chrono::steady_clock;

namespace {

std::optional<std::string> findExecutable(const std::string &name)
{
    const char *path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

std::vector<char *> cArgv(std::vector<std::string> &args)
{
    std::vector<char *> out;
    for (auto &a : args)
        out.push_back(a.data());
    out.push_back(nullptr);
    return out;
}

// Reads from fd until EOF or the deadline; returns false on timeout.
bool readAll(int fd, std::string &out, Clock::time_point deadline)
{
    char buf[65536];
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            return false;
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return true;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

struct RunResult
{
    bool finished = false;
    int status = -1;
    std::string out;
};

// Runs argv (an argument list, no shell in between) with `input` on stdin, capturing stdout.
RunResult run(std::vector<std::string> args, std::string_view input, std::chrono::seconds timeout)
{
    RunResult result;
    const int in = ::memfd_create("wslatlas-stdin", MFD_CLOEXEC);
    if (in < 0 || ::write(in, input.data(), input.size()) != static_cast<ssize_t>(input.size()) ||
        ::lseek(in, 0, SEEK_SET) != 0) {
        ADD_FAILURE() << "memfd: " << std::strerror(errno);
        return result;
    }
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ADD_FAILURE() << "pipe: " << std::strerror(errno);
        ::close(in);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    auto argv = cArgv(args);
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in);
    ::close(out[1]);
    if (rc != 0) {
        ADD_FAILURE() << "spawn " << args[0] << ": " << std::strerror(rc);
        ::close(out[0]);
        return result;
    }
    result.finished = readAll(out[0], result.out, Clock::now() + timeout);
    ::close(out[0]);
    if (!result.finished)
        ::kill(pid, SIGKILL); // our own child only
    ::waitpid(pid, &result.status, 0);
    return result;
}

std::optional<int> parentOf(int pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("PPid:", 0) == 0)
            return std::atoi(line.c_str() + 5);
    return std::nullopt;
}

// A fresh pid namespace (unshare --pid --fork --mount-proc) whose init runs `script` under /bin/sh. The
// script prints "ready" on stdout once its processes are started. Destroying the object kills the
// namespace's init, which makes the kernel kill everything else in the namespace.
class PidNamespace
{
public:
    PidNamespace(const std::string &script, std::vector<std::string> scriptArgs, std::chrono::seconds timeout)
    {
        int out[2];
        if (::pipe2(out, O_CLOEXEC) != 0) {
            error_ = std::string("pipe: ") + std::strerror(errno);
            return;
        }
        const auto unshareBinary = findExecutable("unshare");
        if (!unshareBinary) {
            error_ = "unshare is not installed";
            ::close(out[0]);
            ::close(out[1]);
            return;
        }
        std::vector<std::string> args{*unshareBinary, "--pid", "--fork", "--mount-proc",  "--kill-child",
                                      "/bin/sh",      "-c",    script,   "wslatlas-pidns"};
        args.insert(args.end(), scriptArgs.begin(), scriptArgs.end());
        auto argv = cArgv(args);
        const pid_t parent = ::getpid();
        unshare_ = ::fork();
        if (unshare_ == 0) {
            // Only async-signal-safe calls here. If the test dies, unshare dies, and --kill-child then
            // kills the namespace's init.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(127);
            ::dup2(out[1], STDOUT_FILENO);
            ::dup2(out[1], STDERR_FILENO); // errors end up in error()
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        if (unshare_ < 0) {
            error_ = std::string("fork: ") + std::strerror(errno);
            ::close(out[0]);
            return;
        }
        readyPipe_ = out[0];
        std::string got;
        const auto deadline = Clock::now() + timeout;
        char c;
        while (got.find("ready\n") == std::string::npos) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            pollfd p{readyPipe_, POLLIN, 0};
            if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0 || ::read(readyPipe_, &c, 1) != 1) {
                error_ = "unshare --pid --fork --mount-proc did not start a namespace (" +
                         (got.empty() ? std::string("no output") : got) + ")";
                return;
            }
            got += c;
        }
        // The namespace's init is unshare's only child; this kernel may lack /proc/PID/task/TID/children.
        std::error_code ec;
        for (auto it = std::filesystem::directory_iterator("/proc", ec);
             !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename();
            if (name.find_first_not_of("0123456789") != std::string::npos)
                continue;
            if (parentOf(std::stoi(name)) == unshare_) {
                init_ = std::stoi(name);
                break;
            }
        }
        if (init_ <= 0)
            error_ = "could not find the namespace's init";
    }

    ~PidNamespace()
    {
        if (init_ > 0)
            ::kill(init_, SIGKILL);
        if (unshare_ > 0) {
            int status = 0;
            const auto deadline = Clock::now() + std::chrono::seconds(10);
            while (::waitpid(unshare_, &status, WNOHANG) == 0) {
                if (Clock::now() > deadline) {
                    ::kill(unshare_, SIGKILL);
                    ::waitpid(unshare_, &status, 0);
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        if (readyPipe_ >= 0)
            ::close(readyPipe_);
    }

    PidNamespace(const PidNamespace &) = delete;
    PidNamespace &operator=(const PidNamespace &) = delete;

    const std::string &error() const { return error_; }
    int init() const { return init_; } // in our pid namespace's terms

    // The collector (or any script) run inside the namespace by `shell` (an argv prefix, "-s" is added).
    RunResult runInside(const std::vector<std::string> &shell, std::string_view script) const
    {
        std::vector<std::string> args{"nsenter", "-t", std::to_string(init_), "-p", "-m", "--"};
        args.insert(args.end(), shell.begin(), shell.end());
        args.push_back("-s");
        return run(args, script, std::chrono::seconds(60));
    }

private:
    pid_t unshare_ = -1;
    int init_ = -1;
    int readyPipe_ = -1;
    std::string error_;
};

std::optional<std::string> whyNotRunnable()
{
    if (::geteuid() != 0)
        return "needs root (to create pid namespaces and enter them)";
    for (const char *tool : {"unshare", "nsenter", "dash", "bash", "busybox", "sleep"})
        if (!findExecutable(tool))
            return std::string(tool) + " is not installed";
    return std::nullopt;
}

const std::vector<std::pair<std::string, std::vector<std::string>>> &shells()
{
    static const std::vector<std::pair<std::string, std::vector<std::string>>> list{
        {"dash", {"dash"}}, {"bash", {"bash"}}, {"busybox sh", {"busybox", "sh"}}};
    return list;
}

VantageObservation parseOrFail(const RunResult &r, const std::string &what)
{
    EXPECT_TRUE(r.finished) << what << " timed out";
    auto parsed = parseCollectorOutput(r.out);
    if (auto *e = std::get_if<Error>(&parsed)) {
        ADD_FAILURE() << what << ": " << e->message;
        return {};
    }
    return std::get<VantageObservation>(parsed);
}

using ProcessKey = std::tuple<int, int, std::vector<int>, std::string, std::string, std::optional<int>,
                              NsLinks, std::optional<std::uint64_t>>;

std::vector<ProcessKey> keys(const VantageObservation &o)
{
    std::vector<ProcessKey> out;
    for (const auto &p : o.processes)
        out.emplace_back(p.pid, p.ppid, p.nspid, p.name, p.cmdline, p.uid, p.ns, p.startTicks);
    return out;
}

std::set<std::string> cmdlines(const VantageObservation &o)
{
    std::set<std::string> out;
    for (const auto &p : o.processes)
        out.insert(p.cmdline);
    return out;
}

class TempDir
{
public:
    TempDir()
    {
        std::string templ = (std::filesystem::temp_directory_path() / "wslatlas-shells-XXXXXX").string();
        if (::mkdtemp(templ.data()))
            path_ = templ;
    }
    ~TempDir()
    {
        if (!path_.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(path_, ec);
        }
    }
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

} // namespace

TEST(CollectorShells, DashBashAndBusyboxReportTheSame)
{
    if (auto why = whyNotRunnable())
        GTEST_SKIP() << *why;
    // A command name with blanks and parentheses (COMM in /proc/PID/stat) and an argument with a newline
    // (a continuation line in the cmdline section).
    TempDir tmp;
    ASSERT_FALSE(tmp.path().empty());
    const std::string oddName = tmp.path() + "/sl (x) p";
    ASSERT_EQ(::symlink(findExecutable("sleep")->c_str(), oddName.c_str()), 0);
    const std::string script = "sleep 7301 & sleep 7302 & sleep 7303 & \"$1\" 7304 &\n"
                               "sh -c 'sleep 7305; :' nl-test 'a\nb' &\n"
                               "echo ready\n"
                               "exec sleep 1000000\n";
    PidNamespace ns(script, {oddName}, std::chrono::seconds(20));
    if (!ns.error().empty())
        GTEST_SKIP() << ns.error();

    const std::set<std::string> expected{"sleep 1000000",
                                         "sleep 7301",
                                         "sleep 7302",
                                         "sleep 7303",
                                         oddName + " 7304",
                                         "sleep 7305",
                                         "sh -c sleep 7305; : nl-test a b"};
    // Wait until every background job has exec'd, so that all shells see the same state.
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    for (;;) {
        const auto o = parseOrFail(ns.runInside({"dash"}, collectorScript()), "dash");
        if (HasFailure())
            return;
        if (cmdlines(o) == expected)
            break;
        if (Clock::now() > deadline) {
            std::string seen;
            for (const auto &c : cmdlines(o))
                seen += "\n  [" + c + "]";
            FAIL() << "the namespace's processes did not settle; seen:" << seen;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    struct stat nsStat
    {};
    ASSERT_EQ(::stat(("/proc/" + std::to_string(ns.init()) + "/ns/pid").c_str(), &nsStat), 0);
    std::vector<std::vector<ProcessKey>> results;
    for (const auto &[label, shell] : shells()) {
        SCOPED_TRACE(label);
        const auto o = parseOrFail(ns.runInside(shell, collectorScript()), label);
        ASSERT_FALSE(HasFailure());
        EXPECT_EQ(cmdlines(o), expected);
        EXPECT_EQ(o.selfNspid.size(), 1u);
        EXPECT_EQ(o.selfNs.at("pid"), static_cast<std::uint64_t>(nsStat.st_ino));
        EXPECT_TRUE(o.warnings.empty());
        for (const auto &p : o.processes) {
            EXPECT_EQ(p.ns.at("pid"), static_cast<std::uint64_t>(nsStat.st_ino)) << p.cmdline;
            EXPECT_EQ(p.nspid, std::vector<int>{p.pid}) << p.cmdline;
            EXPECT_TRUE(p.startTicks.has_value()) << p.cmdline;
            if (p.cmdline == oddName + " 7304") {
                EXPECT_EQ(p.name, "sl (x) p");
            }
            if (p.cmdline == "sleep 1000000") {
                EXPECT_EQ(p.pid, 1);
            }
        }
        results.push_back(keys(o));
    }
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0], results[1]) << "dash and bash differ";
    EXPECT_EQ(results[0], results[2]) << "dash and busybox sh differ";
}

TEST(CollectorShells, SpawnsAFixedNumberOfProcesses)
{
    if (auto why = whyNotRunnable())
        GTEST_SKIP() << *why;
    // /proc/loadavg's last field is the last pid allocated in the reader's pid namespace; the shell's builtin
    // `read` takes it without starting a process, so the difference is what the collector started.
    const std::string wrapper = "read wa_1 wa_2 wa_3 wa_4 wa_before </proc/loadavg\n" +
                                std::string(collectorScript()) +
                                "\nread wa_1 wa_2 wa_3 wa_4 wa_after </proc/loadavg\n"
                                "printf 'SPAWNED %s %s\\n' \"$wa_before\" \"$wa_after\"\n";
    auto measure = [&](int sleeps) {
        std::map<std::string, int> spawned;
        const std::string script = "i=0; while [ $i -lt " + std::to_string(sleeps) +
                                   " ]; do sleep 7400 & i=$((i+1)); done\necho ready\nexec sleep 1000000\n";
        PidNamespace ns(script, {}, std::chrono::seconds(60));
        if (!ns.error().empty()) {
            ADD_FAILURE() << ns.error();
            return spawned;
        }
        for (const auto &[label, shell] : shells()) {
            const RunResult r = ns.runInside(shell, wrapper);
            const auto o = parseOrFail(r, label + " with " + std::to_string(sleeps) + " sleeps");
            EXPECT_GE(o.processes.size(), static_cast<std::size_t>(sleeps)) << label;
            const auto at = r.out.rfind("SPAWNED ");
            if (at == std::string::npos) {
                ADD_FAILURE() << label << ": no SPAWNED line";
                continue;
            }
            int before = 0, after = 0;
            std::istringstream(r.out.substr(at + 8)) >> before >> after;
            spawned[label] = after - before;
        }
        return spawned;
    };
    {
        // Skip (rather than fail) when this machine cannot make a pid namespace at all.
        PidNamespace probe("echo ready; exec sleep 1000000", {}, std::chrono::seconds(10));
        if (!probe.error().empty())
            GTEST_SKIP() << probe.error();
    }
    const auto few = measure(50);
    const auto many = measure(2000);
    ASSERT_EQ(few.size(), 3u);
    ASSERT_EQ(many.size(), 3u);
    for (const auto &[label, shell] : shells()) {
        SCOPED_TRACE(label);
        EXPECT_EQ(few.at(label), many.at(label)) << "the number of processes grows with the processes listed";
        EXPECT_GT(few.at(label), 0);
        EXPECT_LT(few.at(label), 20);
        std::cout << "[          ] " << label << " started " << few.at(label) << " processes\n";
    }
}

TEST(CollectorShells, TheShellAloneInItsNamespace)
{
    if (auto why = whyNotRunnable())
        GTEST_SKIP() << *why;
    // The shell is pid 1 and the only process: ls then lists one directory, without a header.
    for (const auto &[label, shell] : shells()) {
        SCOPED_TRACE(label);
        std::vector<std::string> args{"unshare", "--pid", "--fork", "--mount-proc"};
        args.insert(args.end(), shell.begin(), shell.end());
        args.push_back("-s");
        const RunResult r = run(args, collectorScript(), std::chrono::seconds(30));
        if (r.out.empty())
            GTEST_SKIP() << "unshare --pid --fork --mount-proc did not run";
        const auto o = parseOrFail(r, label);
        ASSERT_FALSE(HasFailure());
        EXPECT_EQ(o.selfNspid, std::vector<int>{1});
        EXPECT_TRUE(o.processes.empty());
        EXPECT_EQ(o.selfNs.count("pid"), 1u);
        EXPECT_EQ(o.selfNs.count("mnt"), 1u);
        EXPECT_TRUE(o.warnings.empty());
    }
}

TEST(CollectorShells, PastTheArgumentLimitNothingIsLost)
{
    if (auto why = whyNotRunnable())
        GTEST_SKIP() << *why;
    // The kernel caps a command's arguments at a quarter of the stack limit (128 KiB at least): with a
    // 512 KiB stack, 7,000 processes are too many for one grep/cat/ls over /proc/[0-9]*. The collector
    // must then fall back to xargs and still report every process, as it does without the cap.
    const int sleeps = 7000;
    const std::string script = "i=0; while [ $i -lt " + std::to_string(sleeps) +
                               " ]; do sleep 7400 & i=$((i+1)); done\necho ready\nexec sleep 1000000\n";
    PidNamespace ns(script, {}, std::chrono::seconds(120));
    if (!ns.error().empty())
        GTEST_SKIP() << ns.error();
    const std::string capped = "ulimit -s 512\n" + std::string(collectorScript());
    for (const auto &[label, shell] : shells()) {
        SCOPED_TRACE(label);
        const auto normal = parseOrFail(ns.runInside(shell, collectorScript()), label + " uncapped");
        const auto small = parseOrFail(ns.runInside(shell, capped), label + " capped");
        EXPECT_GE(normal.processes.size(), static_cast<std::size_t>(sleeps));
        // The same processes, with the same namespaces and command lines (the fallback's own xargs is
        // the shell's child and dropped like the collector's other helpers).
        EXPECT_EQ(keys(small), keys(normal));
        EXPECT_EQ(cmdlines(small), cmdlines(normal));
        std::size_t withPidNs = 0;
        for (const auto &p : small.processes)
            withPidNs += p.ns.count("pid");
        EXPECT_EQ(withPidNs, small.processes.size());
    }
}

namespace {

std::optional<std::string> statusField(int pid, const std::string &key)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(key + ":", 0) == 0)
            return line.substr(key.size() + 1);
    return std::nullopt;
}

// The pid, in our terms, of the process whose innermost pid is `inner` in the pid namespace `nsInode`.
std::optional<int> hostPidOf(std::uint64_t nsInode, int inner)
{
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const int pid = std::stoi(name);
        struct stat st
        {};
        if (::stat(("/proc/" + name + "/ns/pid").c_str(), &st) != 0 || st.st_ino != nsInode)
            continue;
        const auto nspid = statusField(pid, "NSpid");
        if (!nspid)
            continue;
        std::istringstream words(*nspid);
        int last = -1;
        for (int w; words >> w;)
            last = w;
        if (last == inner)
            return pid;
    }
    return std::nullopt;
}

const ProcessObservation *withCmdline(const VantageObservation &o, const std::string &cmdline)
{
    for (const auto &p : o.processes)
        if (p.cmdline == cmdline)
            return &p;
    return nullptr;
}

// A folder of links to busybox for the commands the collector runs, without getconf (busybox has none):
// a vantage that has nothing but busybox.
class BusyboxOnlyPath
{
public:
    BusyboxOnlyPath()
    {
        const auto busybox = findExecutable("busybox");
        if (!busybox || tmp_.path().empty())
            return;
        for (const char *tool : {"cat", "grep", "ls", "readlink", "tr", "xargs", "sh"})
            if (::symlink(busybox->c_str(), (tmp_.path() + "/" + tool).c_str()) != 0)
                return;
        ok_ = true;
    }
    bool ok() const { return ok_; }
    const std::string &dir() const { return tmp_.path(); }

private:
    TempDir tmp_;
    bool ok_ = false;
};

} // namespace

TEST(CollectorShells, ResidentMemoryAndTheStatUnits)
{
    if (auto why = whyNotRunnable())
        GTEST_SKIP() << *why;
    for (const char *tool : {"head", "tail"})
        if (!findExecutable(tool))
            GTEST_SKIP() << tool << " is not installed";
    // tail holds a line until its end: 300 MiB of zeros without a newline, and a writer that never closes
    // the pipe, keep 300 MiB resident in tail.
    const std::string script = "{ head -c 300M /dev/zero; exec sleep 1000000; } | tail -n 1 &\n"
                               "echo ready\nexec sleep 1000001\n";
    PidNamespace ns(script, {}, std::chrono::seconds(20));
    if (!ns.error().empty())
        GTEST_SKIP() << ns.error();
    struct stat nsStat
    {};
    ASSERT_EQ(::stat(("/proc/" + std::to_string(ns.init()) + "/ns/pid").c_str(), &nsStat), 0);

    // Wait until tail has read it all.
    std::optional<int> tailPid;
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    for (;;) {
        const auto o = parseOrFail(ns.runInside({"dash"}, collectorScript()), "dash");
        ASSERT_FALSE(HasFailure());
        if (const auto *p = withCmdline(o, "tail -n 1"); p && !tailPid)
            tailPid = hostPidOf(nsStat.st_ino, p->pid);
        if (tailPid) {
            const auto rss = statusField(*tailPid, "VmRSS");
            if (rss && std::stoull(*rss) >= 300ull * 1024)
                break;
        }
        ASSERT_LT(Clock::now(), deadline) << "tail never held 300 MiB";
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }

    const auto pageSize = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const auto clockTick = static_cast<std::uint64_t>(::sysconf(_SC_CLK_TCK));
    for (const auto &[label, shell] : shells()) {
        SCOPED_TRACE(label);
        const auto o = parseOrFail(ns.runInside(shell, collectorScript()), label);
        ASSERT_FALSE(HasFailure());
        const auto vmRss = statusField(*tailPid, "VmRSS"); // "  307452 kB"
        ASSERT_TRUE(vmRss.has_value());
        const double expected = std::stod(*vmRss) * 1024;
        const auto *tail = withCmdline(o, "tail -n 1");
        ASSERT_NE(tail, nullptr);
        ASSERT_TRUE(tail->rssPages.has_value());
        ASSERT_EQ(o.pageSize, pageSize);
        const double seen = static_cast<double>(*tail->rssPages * *o.pageSize);
        EXPECT_NEAR(seen, expected, expected * 0.05) << "rss " << seen << " bytes, VmRSS " << expected;
        EXPECT_GE(seen, 300.0 * 1024 * 1024 * 0.95);
        EXPECT_EQ(o.clockTicksPerSecond, clockTick); // getconf is on this PATH
        EXPECT_TRUE(tail->utimeTicks.has_value());
        EXPECT_TRUE(tail->stimeTicks.has_value());
        ASSERT_TRUE(o.memory.has_value());
        EXPECT_GT(o.memory->totalBytes, o.memory->availableBytes);
        EXPECT_GT(o.memory->totalBytes, *tail->rssPages * *o.pageSize);
    }

    // A vantage with busybox alone (no getconf, a readlink of one link at a time): the page size from smaps,
    // no clock tick, and the namespace links from `ls -l`.
    BusyboxOnlyPath bb;
    ASSERT_TRUE(bb.ok());
    const auto o =
        parseOrFail(ns.runInside({"env", "PATH=" + bb.dir(), "sh"}, collectorScript()), "busybox alone");
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(o.pageSize, pageSize);
    EXPECT_FALSE(o.clockTicksPerSecond.has_value());
    const auto *tail = withCmdline(o, "tail -n 1");
    ASSERT_NE(tail, nullptr);
    EXPECT_TRUE(tail->rssPages.has_value());
    EXPECT_EQ(tail->ns.at("pid"), static_cast<std::uint64_t>(nsStat.st_ino));
    EXPECT_EQ(o.selfNs.at("pid"), static_cast<std::uint64_t>(nsStat.st_ino));
}

namespace {

// A cgroup folder shaped like docker's systemd driver (TEST.slice/docker-ID.scope) in the first writable
// cgroup hierarchy (v2 preferred), with one process moved in. The destructor moves the process back to the
// hierarchy's root and removes the folders, whatever happened.
class DockerShapedCgroup
{
public:
    DockerShapedCgroup(const std::string &id, int pid)
    {
        for (const std::string &root : hierarchies()) {
            const std::string slice = root + "/wslatlas-test-" + std::to_string(::getpid()) + ".slice";
            if (::mkdir(slice.c_str(), 0755) != 0)
                continue;
            const std::string scope = slice + "/docker-" + id + ".scope";
            if (::mkdir(scope.c_str(), 0755) != 0) {
                ::rmdir(slice.c_str());
                continue;
            }
            root_ = root;
            slice_ = slice;
            scope_ = scope;
            if (!writeTo(scope_ + "/cgroup.procs", pid)) {
                why_ = "could not move pid " + std::to_string(pid) + " into " + scope_ + ": " +
                       std::strerror(errno);
                continue; // the destructor's cleanup for this one happens below
            }
            pid_ = pid;
            return;
        }
        if (why_.empty())
            why_ = "no writable cgroup hierarchy (mkdir under /sys/fs/cgroup failed)";
    }

    ~DockerShapedCgroup()
    {
        if (scope_.empty())
            return;
        if (pid_ > 0)
            writeTo(root_ + "/cgroup.procs", pid_); // it may be gone already
        for (int tries = 0; tries < 100; ++tries) {
            if (::rmdir(scope_.c_str()) == 0 || errno == ENOENT)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50)); // a dying process still in it
        }
        ::rmdir(slice_.c_str());
    }

    DockerShapedCgroup(const DockerShapedCgroup &) = delete;
    DockerShapedCgroup &operator=(const DockerShapedCgroup &) = delete;

    bool ok() const { return pid_ > 0; }
    const std::string &why() const { return why_; }
    const std::string &path() const { return scope_; }

private:
    // cgroup2 mounts first, then the v1 hierarchies (name=systemd first), from /proc/self/mountinfo.
    static std::vector<std::string> hierarchies()
    {
        std::vector<std::string> v2, v1;
        std::ifstream mountinfo("/proc/self/mountinfo");
        std::string line;
        while (std::getline(mountinfo, line)) {
            std::istringstream words(line);
            std::vector<std::string> w;
            for (std::string s; words >> s;)
                w.push_back(s);
            const auto dash = std::find(w.begin(), w.end(), "-");
            if (w.size() < 5 || dash == w.end() || dash + 1 == w.end())
                continue;
            if (*(dash + 1) == "cgroup2")
                v2.push_back(w[4]);
            else if (*(dash + 1) == "cgroup" && line.find("name=systemd") != std::string::npos)
                v1.insert(v1.begin(), w[4]);
            else if (*(dash + 1) == "cgroup")
                v1.push_back(w[4]);
        }
        v2.insert(v2.end(), v1.begin(), v1.end());
        return v2;
    }

    static bool writeTo(const std::string &file, int pid)
    {
        const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const std::string text = std::to_string(pid) + "\n";
        const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        return ok;
    }

    std::string root_, slice_, scope_, why_;
    int pid_ = -1;
};

} // namespace

TEST(CollectorShells, AProcessInADockerShapedCgroupIsInThatContainer)
{
    if (auto why = whyNotRunnable())
        GTEST_SKIP() << *why;
    // A nested pid namespace (a container's shape: its own pid 1) inside the test's namespace.
    const std::string script = "unshare --pid --fork --mount-proc sleep 7601 &\n"
                               "sleep 7602 &\necho ready\nexec sleep 1000000\n";
    PidNamespace ns(script, {}, std::chrono::seconds(20));
    if (!ns.error().empty())
        GTEST_SKIP() << ns.error();

    // The nested sleep, in our terms: its NSpid has three pids (ours, the test namespace's, its own 1).
    std::optional<int> nested;
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (!nested && Clock::now() < deadline) {
        std::error_code ec;
        for (auto it = std::filesystem::directory_iterator("/proc", ec);
             !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename();
            if (name.find_first_not_of("0123456789") != std::string::npos)
                continue;
            std::ifstream cmdline("/proc/" + name + "/cmdline");
            std::string text((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
            const auto nspid = statusField(std::stoi(name), "NSpid");
            std::istringstream words(nspid.value_or(""));
            std::size_t levels = 0;
            for (std::string w; words >> w;)
                ++levels;
            if (text == std::string("sleep\0"
                                    "7601\0",
                                    11) &&
                levels == 3) {
                nested = std::stoi(name);
                break;
            }
        }
        if (!nested)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(nested.has_value()) << "the nested namespace's sleep did not start";

    const std::string id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    DockerShapedCgroup cgroup(id, *nested);
    if (!cgroup.ok())
        GTEST_SKIP() << "cgroups are not writable here: " << cgroup.why();

    for (const auto &[label, shell] : shells()) {
        SCOPED_TRACE(label + " (" + cgroup.path() + ")");
        const auto o = parseOrFail(ns.runInside(shell, collectorScript()), label);
        ASSERT_FALSE(HasFailure());
        const auto *inside = withCmdline(o, "sleep 7601");
        ASSERT_NE(inside, nullptr);
        EXPECT_EQ(inside->nspid.size(), 2u); // the test namespace's pid, then its own 1
        EXPECT_EQ(inside->container, (ContainerRef{ContainerEngine::Docker, id}));
        const auto *outside = withCmdline(o, "sleep 7602");
        ASSERT_NE(outside, nullptr);
        EXPECT_FALSE(outside->container.has_value());
    }
}
