// parseCollectorOutput on fixtures (hand-written seed vantages, error cases, real captures) and on small
// inline outputs, one rule per test; then a bounded fuzz loop over mutations of a real capture.
#include "collector_output.h"
#include "collector_script.h"
#include "gtest_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

using namespace wslatlas;

namespace {

std::string readFixture(const std::string &relative)
{
    return test::expectFixture(relative);
}

VantageObservation parseOk(std::string_view text)
{
    auto result = parseCollectorOutput(text);
    if (auto *error = std::get_if<Error>(&result)) {
        ADD_FAILURE() << "unexpected error: " << error->message;
        return {};
    }
    return std::get<VantageObservation>(result);
}

std::string parseError(std::string_view text)
{
    auto result = parseCollectorOutput(text);
    if (auto *error = std::get_if<Error>(&result))
        return error->message;
    ADD_FAILURE() << "expected an error";
    return {};
}

bool contains(const std::string &haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80             ? 1
                          : (c & 0xE0) == 0xC0 ? 2
                          : (c & 0xF0) == 0xE0 ? 3
                          : (c & 0xF8) == 0xF0 ? 4
                                               : 0;
        if (len == 0 || i + len > s.size())
            return false;
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const std::uint32_t min = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

// Every string an observation keeps, for the UTF-8 and no-CR checks.
std::vector<std::string> allStrings(const VantageObservation &o)
{
    std::vector<std::string> out{o.kernel, o.hostname, o.networkingMode};
    for (const auto &[k, v] : o.osRelease) {
        out.push_back(k);
        out.push_back(v);
    }
    for (const auto &p : o.processes) {
        out.push_back(p.name);
        out.push_back(p.cmdline);
        for (const auto &[k, v] : p.ns)
            out.push_back(k);
    }
    for (const auto &i : o.interfaces) {
        out.push_back(i.name);
        out.push_back(i.mac);
        for (const auto &a : i.ipv4)
            out.push_back(a.address);
        for (const auto &a : i.ipv6)
            out.push_back(a.address);
    }
    for (const auto &r : o.routes) {
        out.push_back(r.destination);
        out.push_back(r.gateway);
        out.push_back(r.dev);
        out.push_back(r.source);
    }
    for (const auto &n : o.nameservers)
        out.push_back(n);
    for (const auto &w : o.warnings)
        out.push_back(w);
    return out;
}

const ProcessObservation *findPid(const VantageObservation &o, int pid)
{
    for (const auto &p : o.processes)
        if (p.pid == pid)
            return &p;
    return nullptr;
}

const InterfaceObservation *findInterface(const VantageObservation &o, std::string_view name)
{
    for (const auto &i : o.interfaces)
        if (i.name == name)
            return &i;
    return nullptr;
}

// A well-formed output from (name, body) sections, framed by the markers.
std::string output(std::initializer_list<std::pair<std::string, std::string>> sections)
{
    std::string s = "\n@@WSLATLAS-BEGIN 1\n";
    for (const auto &[name, body] : sections) {
        s += "@@WSLATLAS-SECTION " + name + "\n" + body;
        if (!body.empty() && body.back() != '\n')
            s += '\n';
    }
    return s + "@@WSLATLAS-END 1\n";
}

const std::string kSelf = "Shell-Pid:\t50\nName:\tsh\nPid:\t50\nPPid:\t1\nUid:\t0\t0\t0\t0\nNSpid:\t50\n";
const std::string kShellNs =
    "/proc/50/ns:\ntotal 0\nlrwxrwxrwx 1 root root 0 Nov 21 05:42 pid -> pid:[4026532178]\n\n";

std::string status(int pid, const std::string &name, int ppid, int uid, const std::string &nspid)
{
    const std::string p = "/proc/" + std::to_string(pid) + "/status:";
    std::string s = p + "Name:\t" + name + "\n" + p + "Pid:\t" + std::to_string(pid) + "\n" + p + "PPid:\t" +
                    std::to_string(ppid) + "\n";
    const std::string u = std::to_string(uid);
    s += p + "Uid:\t" + u + "\t" + u + "\t" + u + "\t" + u + "\n";
    if (!nspid.empty())
        s += p + "NSpid:\t" + nspid + "\n";
    return s;
}

// The collector's shell (50) and init (1) plus whatever a test adds.
std::string withProcesses(const std::string &extraStatus, const std::string &stat = {},
                          const std::string &cmdline = {}, const std::string &ns = {},
                          const std::string &more = {})
{
    std::string s =
        output({{"self", kSelf},
                {"status", status(1, "init", 0, 0, "1") + status(50, "sh", 1, 0, "50") + extraStatus},
                {"stat", stat},
                {"cmdline", cmdline},
                {"ns", kShellNs + ns}});
    if (!more.empty())
        s.insert(s.rfind("@@WSLATLAS-END"), more);
    return s;
}

// ---- errors

TEST(CollectorErrors, EmptyOutput)
{
    for (const std::string &text : {readFixture("collector/empty.txt"), std::string("\r\n  \n\t")}) {
        const auto m = parseError(text);
        EXPECT_TRUE(contains(m, "printed nothing")) << m;
        EXPECT_TRUE(contains(m, "sh -s")) << m;
    }
}

TEST(CollectorErrors, BinaryNoiseIsQuotedEscaped)
{
    const auto m = parseError(readFixture("collector/garbage.bin"));
    EXPECT_TRUE(contains(m, "did not come from the WSL Atlas collector")) << m;
    EXPECT_TRUE(contains(m, "\\x")) << m; // bytes shown escaped
    EXPECT_TRUE(validUtf8(m));
    EXPECT_LT(m.size(), 300u);
    EXPECT_EQ(m.find('\n'), std::string::npos);
}

TEST(CollectorErrors, ForeignTextIsQuoted)
{
    const auto m = parseError("\n\nbash: line 1: sh: command not found\nmore\n");
    EXPECT_TRUE(contains(m, "did not come from the WSL Atlas collector")) << m;
    EXPECT_TRUE(contains(m, "bash: line 1: sh: command not found")) << m;
    // A long first line is cut to about 60 characters.
    const auto longLine = parseError(std::string(500, 'x'));
    EXPECT_TRUE(contains(longLine, std::string(60, 'x') + "...")) << longLine;
    EXPECT_FALSE(contains(longLine, std::string(70, 'x')));
}

TEST(CollectorErrors, EchoedScriptThatNeverRan)
{
    const auto m = parseError(std::string(collectorScript()));
    EXPECT_TRUE(contains(m, "echoed")) << m;
}

TEST(CollectorErrors, UnknownVersion)
{
    const auto newer = parseError("@@WSLATLAS-BEGIN 2\n@@WSLATLAS-SECTION self\n@@WSLATLAS-END 2\n");
    EXPECT_TRUE(contains(newer, "newer")) << newer;
    EXPECT_TRUE(contains(newer, "update")) << newer;
    const auto older = parseError("@@WSLATLAS-BEGIN 0\n@@WSLATLAS-END 0\n");
    EXPECT_TRUE(contains(older, "older")) << older;
    const auto junk = parseError("@@WSLATLAS-BEGIN one\n@@WSLATLAS-END 1\n");
    EXPECT_TRUE(contains(junk, "unreadable format version")) << junk;
}

TEST(CollectorErrors, Truncated)
{
    const auto m = parseError(readFixture("collector/truncated.txt"));
    EXPECT_TRUE(contains(m, "stopped after section \"ns\"")) << m;
    EXPECT_TRUE(contains(m, "run it again")) << m;
    const auto atBegin = parseError("prompt$ \n@@WSLATLAS-BEGIN 1\n");
    EXPECT_TRUE(contains(atBegin, "right after its begin marker")) << atBegin;
}

TEST(CollectorErrors, Wsl1HasNoNspid)
{
    const auto m = parseError(readFixture("collector/wsl1.txt"));
    EXPECT_TRUE(contains(m, "NSpid")) << m;
    EXPECT_TRUE(contains(m, "WSL 1")) << m;
    EXPECT_TRUE(contains(m, "4.1")) << m;
    EXPECT_TRUE(contains(m, "wsl --set-version NAME 2")) << m;
}

TEST(CollectorErrors, MissingSelfSectionIsTheNoNspidCase)
{
    const auto m =
        parseError(output({{"kernel", "4.4.0-19041-Microsoft"}, {"status", status(1, "init", 0, 0, "")}}));
    EXPECT_TRUE(contains(m, "WSL 1")) << m;
}

TEST(CollectorErrors, ShellNotInProc)
{
    const auto m = parseError(readFixture("collector/no-self.txt"));
    EXPECT_TRUE(contains(m, "does not contain this shell")) << m;
    EXPECT_TRUE(contains(m, "nsenter -m")) << m;
}

TEST(CollectorErrors, NoProcesses)
{
    const auto m = parseError(output({{"self", kSelf}, {"status", ""}, {"ns", ""}}));
    EXPECT_TRUE(contains(m, "no processes")) << m;
    EXPECT_TRUE(contains(m, "/proc")) << m;
}

TEST(CollectorErrors, EachCaseHasItsOwnOneSentenceMessage)
{
    const std::vector<std::string> messages{
        parseError(""),
        parseError("garbage\n"),
        parseError(std::string(collectorScript())),
        parseError("@@WSLATLAS-BEGIN 9\n"),
        parseError(readFixture("collector/truncated.txt")),
        parseError(readFixture("collector/wsl1.txt")),
        parseError(readFixture("collector/no-self.txt")),
        parseError(output({{"self", kSelf}})),
    };
    const std::set<std::string> distinct(messages.begin(), messages.end());
    EXPECT_EQ(distinct.size(), messages.size());
    for (const auto &m : messages) {
        EXPECT_EQ(m.find('\n'), std::string::npos) << m;
        ASSERT_FALSE(m.empty());
        EXPECT_EQ(m.back(), '.') << m;
        EXPECT_TRUE(validUtf8(m)) << m;
    }
}

// ---- framing

TEST(CollectorFraming, CrlfPromptsAndEchoBeforeTheBeginMarker)
{
    const auto o = parseOk(readFixture("collector/crlf-prompts.txt"));
    EXPECT_EQ(o.kernel, "5.15.146.1-microsoft-standard-WSL2");
    EXPECT_EQ(o.hostname, "localhost");
    EXPECT_EQ(o.osRelease.at("NAME"), "Common Base Linux Mariner"); // single quotes stripped
    EXPECT_EQ(o.osRelease.at("VERSION_ID"), "2.0");
    EXPECT_EQ(o.shellPid, 3288);
    EXPECT_EQ(o.selfProcPid, 3288);
    EXPECT_EQ(o.selfPpid, 1);
    // The shell and the job the user left running in it (PPid = the shell) are gone.
    std::vector<int> pids;
    for (const auto &p : o.processes)
        pids.push_back(p.pid);
    EXPECT_EQ(pids, (std::vector<int>{1, 221}));
    EXPECT_EQ(o.selfNs.at("pid"), 4026531836u);
    EXPECT_EQ(findPid(o, 221)->ns.at("pid"), 4026532245u); // quoted target
    EXPECT_EQ(findPid(o, 221)->nspid, (std::vector<int>{221, 1}));
    for (const auto &s : allStrings(o))
        EXPECT_EQ(s.find('\r'), std::string::npos) << s;
}

TEST(CollectorFraming, TextAroundTheMarkersIsIgnored)
{
    std::string text = "@@WSLATLAS-SECTION status\n/proc/999/status:Name:\tfake\n" +
                       withProcesses(status(7, "sleep", 1, 0, "7")) + "@@WSLATLAS-SECTION status\n" +
                       status(8, "late", 1, 0, "8");
    const auto o = parseOk(text);
    ASSERT_EQ(o.processes.size(), 2u);
    EXPECT_EQ(o.processes[0].pid, 1);
    EXPECT_EQ(o.processes[1].pid, 7);
}

TEST(CollectorFraming, AnInterruptedEarlierRunIsSkipped)
{
    // The debug shell's scrollback may hold a run cut short (Ctrl-C) before the complete one.
    const std::string complete = withProcesses(status(7, "second", 1, 0, "7"));
    const std::string interrupted = "\n@@WSLATLAS-BEGIN 1\n@@WSLATLAS-SECTION self\nShell-Pid:\t40\n"
                                    "@@WSLATLAS-SECTION status\n" +
                                    status(6, "first", 1, 0, "6") + "^C\nroot [ / ]# ";
    const auto o = parseOk(interrupted + complete);
    ASSERT_EQ(o.processes.size(), 2u);
    EXPECT_EQ(o.processes[1].name, "second");
    EXPECT_EQ(o.shellPid, 50);
}

TEST(CollectorFraming, AMarkerQuotedInAListingIsData)
{
    const auto o = parseOk(withProcesses(status(7, "grep", 1, 0, "7"), "",
                                         "/proc/7/cmdline:grep @@WSLATLAS-BEGIN 1\n"
                                         "/proc/7/cmdline:@@WSLATLAS-BEGIN 1 \n"));
    EXPECT_EQ(findPid(o, 7)->cmdline, "grep @@WSLATLAS-BEGIN 1 @@WSLATLAS-BEGIN 1");
}

TEST(CollectorFraming, VersionLineToleratesTrailingBlanks)
{
    std::string text = withProcesses("");
    text.replace(text.find("BEGIN 1\n"), 8, "BEGIN 1 \r\n");
    parseOk(text);
}

TEST(CollectorFraming, UnknownSectionsAreIgnored)
{
    const auto o =
        parseOk(withProcesses("", "", "", "", "@@WSLATLAS-SECTION from-the-future\nanything: at all\n"));
    EXPECT_EQ(o.processes.size(), 1u);
}

// ---- processes

TEST(CollectorProcesses, MergesStatusStatCmdlineAndNs)
{
    const std::string stat =
        "7 (sleep) S 1 7 7 0 -1 4194304 116 0 0 0 0 0 0 0 20 0 1 0 85997 2990080 415 0 0\n";
    const std::string cmdline = "/proc/7/cmdline:sleep 3600 \n";
    const std::string ns = "/proc/7/ns:\ntotal 0\n"
                           "lrwxrwxrwx 1 root root 0 Nov 21 05:42 cgroup -> cgroup:[4026531835]\n"
                           "lrwxrwxrwx 1 root root 0 Nov 21 05:42 pid -> 'pid:[4026532178]'\n"
                           "lrwxrwxrwx 1 root root 0 Nov 21 05:42 pid_for_children -> 'pid:[4026532999]'\n"
                           "lrwxrwxrwx 1 root root 0 Nov 21 05:42 time -> time:[4026531834]\n"
                           "lrwxrwxrwx 1 root root 0 Nov 21 05:42 time_for_children -> time:[4026531834]\n"
                           "lrwxrwxrwx 1 root root 0 Nov 21 05:42 future -> future:[4026539999]\n";
    const auto o = parseOk(withProcesses(status(7, "sleep", 1, 1000, "7\t3"), stat, cmdline, ns));
    const auto *p = findPid(o, 7);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->ppid, 1);
    EXPECT_EQ(p->nspid, (std::vector<int>{7, 3}));
    EXPECT_EQ(p->level(), 1);
    EXPECT_EQ(p->innermostPid(), 3);
    EXPECT_EQ(p->name, "sleep");
    EXPECT_EQ(p->uid, 1000);
    EXPECT_EQ(p->startTicks, 85997u);
    EXPECT_EQ(p->cmdline, "sleep 3600");
    EXPECT_EQ(p->ns, (NsLinks{{"cgroup", 4026531835u}, {"pid", 4026532178u}, {"time", 4026531834u}}));
    EXPECT_TRUE(o.warnings.empty());
}

TEST(CollectorProcesses, StatFieldsCountFromTheLastParenthesis)
{
    // COMM "a) S 9 (b" would shift every field if it were split on the first ')'.
    const std::string stat = "7 (a) S 9 (b) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 4242 0 0 0\n"
                             "8 (x\ny) R 1 8 8 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 4343 0 0 0\n";
    // 7's status has no PPid line: stat's is the fallback.
    const std::string st =
        "/proc/7/status:Name:\ta) S 9 (b\n/proc/7/status:NSpid:\t7\n" + status(8, "x\\ny", 1, 0, "8");
    const auto o = parseOk(withProcesses(st, stat));
    ASSERT_NE(findPid(o, 7), nullptr);
    EXPECT_EQ(findPid(o, 7)->ppid, 1);
    EXPECT_EQ(findPid(o, 7)->startTicks, 4242u);
    EXPECT_EQ(findPid(o, 7)->name, "a) S 9 (b");
    ASSERT_NE(findPid(o, 8), nullptr);
    EXPECT_EQ(findPid(o, 8)->startTicks, 4343u); // a newline in COMM splits the stat record
    EXPECT_EQ(findPid(o, 8)->name, "x\ny");
}

TEST(CollectorProcesses, ResourceUseFromTheStatLine)
{
    // Fields 14 (utime), 15 (stime) and 24 (rss), counted from the last ')'; a stat line cut before rss
    // (an older or odd kernel) keeps the rest.
    const std::string stat =
        "7 (a) b) S 1 7 7 0 -1 4194304 116 0 0 0 250 31 0 0 20 0 1 0 85997 2990080 415 0 0\n"
        "8 (short) S 1 8 8 0 -1 0 0 0 0 0 12 3 0 0 20 0 1 0 4343\n"
        "9 (bad) S 1 9 9 0 -1 0 0 0 0 0 x y 0 0 20 0 1 0 4444 0 z 0\n";
    const auto o = parseOk(withProcesses(
        status(7, "a) b", 1, 0, "7") + status(8, "short", 1, 0, "8") + status(9, "bad", 1, 0, "9"), stat));
    const auto *p = findPid(o, 7);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->utimeTicks, 250u);
    EXPECT_EQ(p->stimeTicks, 31u);
    EXPECT_EQ(p->rssPages, 415u);
    EXPECT_EQ(p->startTicks, 85997u);
    ASSERT_NE(findPid(o, 8), nullptr);
    EXPECT_EQ(findPid(o, 8)->utimeTicks, 12u);
    EXPECT_EQ(findPid(o, 8)->stimeTicks, 3u);
    EXPECT_FALSE(findPid(o, 8)->rssPages.has_value());
    EXPECT_EQ(findPid(o, 8)->startTicks, 4343u);
    ASSERT_NE(findPid(o, 9), nullptr);
    EXPECT_FALSE(findPid(o, 9)->utimeTicks.has_value());
    EXPECT_FALSE(findPid(o, 9)->rssPages.has_value());
    EXPECT_EQ(findPid(o, 9)->startTicks, 4444u);
}

TEST(CollectorProcesses, ContainersFromTheCgroupSection)
{
    const std::string id = "9ec39b91f3d70e1beff50a308f77067065ea6be0d91a3378375056cd4422cf3d";
    const std::string other = "31cb02944da7a12196a193cf0e0f6c226d7c453a1db62e65ba98287593a2ee30";
    // 7: v1 lines only; 8: a v1 line naming one container and the v2 line another (v2 wins); 9: lxc's
    // monitor, no container; 60: not in the status listing.
    const std::string cgroup =
        "@@WSLATLAS-SECTION cgroup\n"
        "/proc/7/cgroup:4:memory:/docker/" +
        id + "\n/proc/7/cgroup:1:name=systemd:/docker/" + id + "\n/proc/8/cgroup:4:memory:/docker/" + other +
        "\n/proc/8/cgroup:0::/system.slice/docker-" + id +
        ".scope\n/proc/9/cgroup:0::/lxc.monitor.web\n/proc/60/cgroup:0::/docker/" + id + "\n";
    const auto o = parseOk(withProcesses(status(7, "a", 1, 0, "7") + status(8, "b", 1, 0, "8") +
                                             status(9, "c", 1, 0, "9") + status(10, "d", 1, 0, "10"),
                                         {}, {}, {}, cgroup));
    ASSERT_NE(findPid(o, 7), nullptr);
    EXPECT_EQ(findPid(o, 7)->container, (ContainerRef{ContainerEngine::Docker, id}));
    EXPECT_EQ(findPid(o, 8)->container, (ContainerRef{ContainerEngine::Docker, id}));
    EXPECT_FALSE(findPid(o, 9)->container.has_value());
    EXPECT_FALSE(findPid(o, 10)->container.has_value());
    EXPECT_FALSE(findPid(o, 1)->container.has_value());
}

TEST(CollectorVantage, UnitsAndMemory)
{
    const std::string more = "@@WSLATLAS-SECTION units\nPAGESIZE:\t4096\nCLK_TCK:\t100\n"
                             "KernelPageSize:        4 kB\n"
                             "@@WSLATLAS-SECTION meminfo\n"
                             "MemTotal:        8039596 kB\nMemFree:         5203400 kB\n"
                             "MemAvailable:    7000000 kB\nBuffers:           10000 kB\n"
                             "Cached:          1500000 kB\nSwapCached:            0 kB\n"
                             "SwapTotal:       2097152 kB\nSwapFree:        2000000 kB\n";
    const auto o = parseOk(withProcesses({}, {}, {}, {}, more));
    EXPECT_EQ(o.pageSize, 4096u);
    EXPECT_EQ(o.clockTicksPerSecond, 100u);
    ASSERT_TRUE(o.memory.has_value());
    EXPECT_EQ(o.memory->totalBytes, 8039596ull * 1024);
    EXPECT_EQ(o.memory->freeBytes, 5203400ull * 1024);
    EXPECT_EQ(o.memory->availableBytes, 7000000ull * 1024);
    EXPECT_EQ(o.memory->cachedBytes, 1510000ull * 1024); // Cached + Buffers, not SwapCached
    EXPECT_EQ(o.memory->swapTotalBytes, 2097152ull * 1024);
    EXPECT_EQ(o.memory->swapFreeBytes, 2000000ull * 1024);
}

TEST(CollectorVantage, WithoutGetconfThePageSizeComesFromSmapsAndNoClockTick)
{
    // busybox without getconf: the first KernelPageSize line; the clock tick stays unknown.
    const auto o = parseOk(withProcesses(
        {}, {}, {}, {},
        "@@WSLATLAS-SECTION units\nKernelPageSize:       16 kB\nKernelPageSize:     2048 kB\n"));
    EXPECT_EQ(o.pageSize, 16384u);
    EXPECT_FALSE(o.clockTicksPerSecond.has_value());
    // getconf failing prints its labels with nothing after them.
    const auto failed = parseOk(withProcesses(
        {}, {}, {}, {}, "@@WSLATLAS-SECTION units\nPAGESIZE:\t\nCLK_TCK:\t\nKernelPageSize:        4 kB\n"));
    EXPECT_EQ(failed.pageSize, 4096u);
    EXPECT_FALSE(failed.clockTicksPerSecond.has_value());
}

TEST(CollectorVantage, OlderOutputsHaveNoResourceFields)
{
    const std::string stat = "7 (sleep) S 1 7 7 0 -1 4194304 116 0 0 0 0 0 0 0 20 0 1 0 85997\n";
    const auto o = parseOk(withProcesses(status(7, "sleep", 1, 0, "7"), stat));
    EXPECT_FALSE(o.pageSize.has_value());
    EXPECT_FALSE(o.clockTicksPerSecond.has_value());
    EXPECT_FALSE(o.memory.has_value());
    ASSERT_NE(findPid(o, 7), nullptr);
    EXPECT_FALSE(findPid(o, 7)->container.has_value());
    EXPECT_FALSE(findPid(o, 7)->rssPages.has_value());
    // A meminfo section without MemTotal is no memory reading.
    EXPECT_FALSE(parseOk(withProcesses({}, {}, {}, {}, "@@WSLATLAS-SECTION meminfo\nMemFree: 5 kB\n"))
                     .memory.has_value());
}

namespace {

// The ns-paths and ns-links sections of GNU readlink: `paths` for each pid, and the targets readlink printed.
std::string readlinkSections(const std::string &paths, const std::string &links)
{
    return "@@WSLATLAS-SECTION ns-paths\n" + paths + "@@WSLATLAS-SECTION ns-links\n" + links;
}

std::string nsPaths(int pid, std::initializer_list<const char *> types)
{
    std::string s;
    for (const char *t : types)
        s += "/proc/" + std::to_string(pid) + "/ns/" + t + "\n";
    return s;
}

} // namespace

TEST(CollectorProcesses, ReadlinkTargetsPairWithTheirPaths)
{
    // 50 is the shell; 7 exited after its mnt link was read; 8 is not readable at all; 9 has a
    // pid_for_children link (another collector's glob) and a link of a type this program does not keep.
    const std::string paths = nsPaths(50, {"mnt", "pid"}) + nsPaths(7, {"cgroup", "mnt", "net", "pid"}) +
                              nsPaths(8, {"mnt", "net", "pid"}) +
                              nsPaths(9, {"mnt", "pid", "pid_for_children", "future", "uts"});
    const std::string links = "mnt:[4026531001]\npid:[4026532178]\n"
                              "cgroup:[4026531835]\nmnt:[4026531002]\n"
                              "readlink: /proc/7/ns/net: No such file or directory\n"
                              "readlink: /proc/7/ns/pid: No such file or directory\n"
                              "readlink: /proc/8/ns/mnt: Permission denied\n"
                              "readlink: /proc/8/ns/net: Permission denied\n"
                              "readlink: /proc/8/ns/pid: Permission denied\n"
                              "mnt:[4026531003]\npid:[4026532300]\npid:[4026532301]\nfuture:[4026539999]\n"
                              "uts:[4026531838]\n";
    std::string out = output(
        {{"self", kSelf},
         {"status", status(1, "init", 0, 0, "1") + status(50, "sh", 1, 0, "50") + status(7, "a", 1, 0, "7") +
                        status(8, "b", 1, 1000, "8") + status(9, "c", 1, 0, "9")}});
    out.insert(out.rfind("@@WSLATLAS-END"), readlinkSections(paths, links));
    const auto o = parseOk(out);
    EXPECT_EQ(o.selfNs, (NsLinks{{"mnt", 4026531001u}, {"pid", 4026532178u}}));
    ASSERT_NE(findPid(o, 7), nullptr);
    EXPECT_EQ(findPid(o, 7)->ns, (NsLinks{{"cgroup", 4026531835u}, {"mnt", 4026531002u}}));
    EXPECT_TRUE(findPid(o, 8)->ns.empty());
    EXPECT_EQ(findPid(o, 9)->ns, (NsLinks{{"mnt", 4026531003u}, {"pid", 4026532300u}, {"uts", 4026531838u}}));
    // 7 and 8 were listed but their pid links unreadable: counted in one warning.
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_TRUE(contains(o.warnings[0], "2 processes")) << o.warnings[0];
}

TEST(CollectorProcesses, ReadlinkSectionsWinOverAnLsListingAndToleratesNoise)
{
    // The shell's message when readlink could not start (then xargs runs it) pairs with no path; a target
    // of the wrong type (lines out of step) is not taken. The ns section is not read when these are there.
    const std::string paths = nsPaths(50, {"pid"}) + nsPaths(7, {"net", "pid", "uts"});
    const std::string links = "dash: 1: readlink: Argument list too long\npid:[4026532178]\r\n"
                              "net:[4026531833]\npid:[4026532178]\nipc:[4026531839]\n";
    const auto o = parseOk(withProcesses(status(7, "a", 1, 0, "7"), {}, {},
                                         "/proc/7/ns:\ntotal 0\nlrwxrwxrwx 1 root root 0 Nov 21 05:42 pid -> "
                                         "pid:[1]\n",
                                         readlinkSections(paths, links)));
    ASSERT_NE(findPid(o, 7), nullptr);
    EXPECT_EQ(findPid(o, 7)->ns, (NsLinks{{"net", 4026531833u}, {"pid", 4026532178u}}));
    EXPECT_EQ(o.selfNs.at("pid"), 4026532178u);
    EXPECT_TRUE(o.warnings.empty());
}

TEST(CollectorProcesses, StatusNameIsUnescaped)
{
    const auto o =
        parseOk(withProcesses(status(7, "two\\nlines", 1, 0, "7") + status(8, "back\\\\slash", 1, 0, "8") +
                              status(9, " lead and trail ", 1, 0, "9")));
    EXPECT_EQ(findPid(o, 7)->name, "two\nlines");
    EXPECT_EQ(findPid(o, 8)->name, "back\\slash");
    EXPECT_EQ(findPid(o, 9)->name, " lead and trail ");
}

TEST(CollectorProcesses, CmdlineContinuationLines)
{
    // grep -H prefixes every piece of a command line that an argument's newline split (what the real
    // collector prints, see tst_collector_shells); a bare continuation line is accepted too.
    const std::string cmdline = "/proc/7/cmdline:sh -c echo first\n"
                                "/proc/7/cmdline:second\n"
                                "/proc/7/cmdline:line \n"
                                "/proc/8/cmdline:spaces at end   \n"
                                "/proc/9/cmdline:sshd: user@pts/0\n"
                                "/proc/10/cmdline:bare\n"
                                "continuation \n";
    const auto o = parseOk(withProcesses(status(7, "sh", 1, 0, "7") + status(8, "x", 1, 0, "8") +
                                             status(9, "sshd", 1, 0, "9") + status(10, "b", 1, 0, "10"),
                                         "", cmdline));
    EXPECT_EQ(findPid(o, 7)->cmdline, "sh -c echo first second line");
    EXPECT_EQ(findPid(o, 10)->cmdline, "bare continuation");
    EXPECT_EQ(findPid(o, 8)->cmdline, "spaces at end  "); // only the final NUL's space goes
    EXPECT_EQ(findPid(o, 9)->cmdline, "sshd: user@pts/0");
    EXPECT_EQ(findPid(o, 1)->cmdline, ""); // kernel threads and the like print nothing
}

TEST(CollectorProcesses, ExitedProcessesAreDroppedSilently)
{
    // 7 exited before the status listing but shows in the later ones.
    const auto o = parseOk(withProcesses("", "7 (gone) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 0\n",
                                         "/proc/7/cmdline:gone \n", "/proc/7/ns:\ntotal 0\n"));
    EXPECT_EQ(findPid(o, 7), nullptr);
    EXPECT_TRUE(o.warnings.empty());
}

TEST(CollectorProcesses, MissingNspidIsDroppedWithAWarning)
{
    const auto o = parseOk(withProcesses(status(7, "odd", 1, 0, "") + status(8, "fine", 1, 0, "8")));
    EXPECT_EQ(findPid(o, 7), nullptr);
    EXPECT_NE(findPid(o, 8), nullptr);
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_TRUE(contains(o.warnings[0], "NSpid")) << o.warnings[0];
    EXPECT_TRUE(contains(o.warnings[0], "7")) << o.warnings[0];
}

TEST(CollectorProcesses, TheCollectorsOwnProcessesAreRemoved)
{
    // 60 and 61 are the shell's children (grep, tr); 70 is a grandchild and stays, as does the shell's
    // parent.
    const auto o = parseOk(withProcesses(status(60, "grep", 50, 0, "60") + status(61, "tr", 50, 0, "61") +
                                             status(70, "helper", 60, 0, "70"),
                                         "", "",
                                         "/proc/50/ns:\ntotal 0\n"
                                         "lrwxrwxrwx 1 root root 0 Nov 21 05:42 pid -> pid:[4026532178]\n"
                                         "lrwxrwxrwx 1 root root 0 Nov 21 05:42 net -> net:[4026531833]\n"));
    std::vector<int> pids;
    for (const auto &p : o.processes)
        pids.push_back(p.pid);
    EXPECT_EQ(pids, (std::vector<int>{1, 70}));
    EXPECT_EQ(o.selfNs, (NsLinks{{"net", 4026531833u}, {"pid", 4026532178u}}));
    EXPECT_EQ(o.selfNspid, (std::vector<int>{50}));
    EXPECT_EQ(o.selfProcPid, 50);
}

TEST(CollectorProcesses, SelfPidFallsBackToNspid)
{
    // Without a Pid line the first NSpid entry is the shell's pid in /proc's terms.
    std::string text = withProcesses(status(60, "grep", 50, 0, "60"));
    text.erase(text.find("Pid:\t50\nPPid"), 8);
    const auto o = parseOk(text);
    EXPECT_EQ(o.selfProcPid, 50);
    EXPECT_EQ(findPid(o, 60), nullptr);
}

TEST(CollectorProcesses, ProcessesAreSortedByPid)
{
    // The glob lists /proc/10 before /proc/9.
    const auto o = parseOk(withProcesses(status(10, "b", 1, 0, "10") + status(9, "a", 1, 0, "9")));
    std::vector<int> pids;
    for (const auto &p : o.processes)
        pids.push_back(p.pid);
    EXPECT_EQ(pids, (std::vector<int>{1, 9, 10}));
}

TEST(CollectorProcesses, TheShellAloneInItsNamespace)
{
    // `unshare --pid --fork --mount-proc dash -s`: the shell is pid 1 and alone, so ls lists one directory
    // and prints no header; the links are the shell's.
    const auto o = parseOk(readFixture("collector/real-shell-alone.txt"));
    EXPECT_TRUE(o.processes.empty());
    EXPECT_EQ(o.selfNspid, (std::vector<int>{1}));
    EXPECT_EQ(o.selfNs.size(), 8u);
    EXPECT_EQ(o.selfNs.count("pid"), 1u);
    EXPECT_TRUE(o.warnings.empty());
}

TEST(CollectorProcesses, TheShellsOwnLinksMissing)
{
    const auto o = parseOk(output({{"self", kSelf},
                                   {"status", status(1, "init", 0, 0, "1") + status(50, "sh", 1, 0, "50")},
                                   {"ns", "/proc/1/ns:\ntotal 0\n"}}));
    EXPECT_TRUE(o.selfNs.empty());
    ASSERT_EQ(o.warnings.size(), 2u); // and pid 1's are unreadable
    EXPECT_TRUE(contains(o.warnings[0], "own namespace links")) << o.warnings[0];
}

TEST(CollectorProcesses, UnreadableLinksAreCountedOnce)
{
    const auto o = parseOk(readFixture("collector/unreadable-links.txt"));
    std::vector<int> pids;
    for (const auto &p : o.processes)
        pids.push_back(p.pid);
    EXPECT_EQ(pids, (std::vector<int>{1, 5, 11, 32, 38}));
    for (int pid : {1, 5, 38})
        EXPECT_EQ(findPid(o, pid)->ns.count("pid"), 0u) << pid;
    EXPECT_EQ(findPid(o, 32)->ns.at("pid"), 4026532784u);
    EXPECT_EQ(o.selfNs.at("pid"), 4026532784u);
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_TRUE(contains(o.warnings[0], "3 processes")) << o.warnings[0];
    EXPECT_TRUE(contains(o.warnings[0], "not readable")) << o.warnings[0];
    EXPECT_TRUE(contains(o.warnings[0], "root")) << o.warnings[0];
}

TEST(CollectorProcesses, InvalidUtf8IsReplaced)
{
    const std::string bad = "\xff\xfe";
    const std::string overlong = "\xc0\xaf";
    const std::string truncated = "ok\xe2\x82";
    const auto o = parseOk(output({{"self", kSelf},
                                   {"hostname", "host" + bad},
                                   {"os-release", "NAME=\"Dist" + overlong + "\"\nID=" + truncated},
                                   {"status", status(1, "in\xe9t", 0, 0, "1") + status(50, "sh", 1, 0, "50")},
                                   {"cmdline", "/proc/1/cmdline:/init \xed\xa0\x80 caf\xc3\xa9 \n"}}));
    for (const auto &s : allStrings(o))
        EXPECT_TRUE(validUtf8(s)) << s;
    EXPECT_EQ(o.hostname, "host\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(findPid(o, 1)->name, "in\xEF\xBF\xBDt");
    EXPECT_TRUE(contains(findPid(o, 1)->cmdline, "caf\xc3\xa9")) << "valid UTF-8 is kept";
    EXPECT_TRUE(contains(o.osRelease.at("NAME"), "\xEF\xBF\xBD"));
    // A sequence cut short is one U+FFFD (Unicode's maximal subpart), as decodeCaptureText() does too.
    EXPECT_EQ(o.osRelease.at("ID"), "ok\xEF\xBF\xBD");
}

// ---- vantage facts and network

TEST(CollectorVantage, OsReleaseQuoting)
{
    const auto o = parseOk(output({{"self", kSelf},
                                   {"os-release", "# comment\nNAME=\"Ubuntu\"\nID=ubuntu\nQ='single'\n"
                                                  "ESC=\"say \\\"hi\\\" \\$HOME\"\n\nNOEQUALS\n"},
                                   {"status", status(1, "init", 0, 0, "1")}}));
    EXPECT_EQ(o.osRelease,
              (std::map<std::string, std::string>{
                  {"NAME", "Ubuntu"}, {"ID", "ubuntu"}, {"Q", "single"}, {"ESC", "say \"hi\" $HOME"}}));
}

TEST(CollectorNetwork, IpCommands)
{
    const auto o = parseOk(output(
        {{"self", kSelf},
         {"status", status(1, "init", 0, 0, "1")},
         {"ip-link",
          "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default "
          "qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
          "4: tunl0@NONE: <NOARP> mtu 1480 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    "
          "link/ipip 0.0.0.0 brd 0.0.0.0\n"
          "12: eth0@if13: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT "
          "group default qlen 1000\\    link/ether 00:15:5d:73:e1:0e brd ff:ff:ff:ff:ff:ff link-netnsid 0\n"},
         {"ip-addr",
          "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n"
          "12: eth0    inet 172.19.132.144/20 brd 172.19.143.255 scope global eth0\\       valid_lft "
          "forever preferred_lft forever\n"
          "12: eth0    inet6 fe80::215:5dff:fe73:e10e/64 scope link \\       valid_lft forever "
          "preferred_lft forever\n"
          "13: wg0    inet 10.8.0.2 peer 10.8.0.1/32 scope global wg0\n"},
         {"ip-route", "default via 172.19.128.1 dev eth0 proto kernel \n"
                      "172.19.128.0/20 dev eth0 proto kernel scope link src 172.19.132.144 \n"
                      "unreachable 10.99.0.0/16 \n"
                      "fe80::/64 dev eth0 proto kernel metric 256 pref medium\n"
                      "default via fe80::1 dev eth0 metric 1024 pref medium\n"},
         {"net-route", "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                       "eth9\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\n"},
         {"resolv-conf", "# generated\nnameserver 172.19.128.1\nnameserver  fe80::1 \nsearch example\n"},
         {"wslinfo-networking-mode", "\n nat \r\n"}}));
    ASSERT_EQ(o.interfaces.size(), 4u);
    const auto *eth0 = findInterface(o, "eth0");
    ASSERT_NE(eth0, nullptr);
    EXPECT_EQ(eth0->mac, "00:15:5d:73:e1:0e");
    EXPECT_EQ(eth0->mtu, 1500);
    EXPECT_EQ(eth0->up, true);
    ASSERT_EQ(eth0->ipv4.size(), 1u);
    EXPECT_EQ(eth0->ipv4[0].address, "172.19.132.144");
    EXPECT_EQ(eth0->ipv4[0].prefix, 20);
    ASSERT_EQ(eth0->ipv6.size(), 1u);
    EXPECT_EQ(eth0->ipv6[0].address, "fe80::215:5dff:fe73:e10e");
    EXPECT_EQ(eth0->ipv6[0].prefix, 64);
    const auto *tunl0 = findInterface(o, "tunl0");
    ASSERT_NE(tunl0, nullptr);
    EXPECT_EQ(tunl0->up, false);
    EXPECT_EQ(tunl0->mac, "");
    EXPECT_EQ(findInterface(o, "lo")->up, true);
    EXPECT_EQ(findInterface(o, "lo")->mac, ""); // loopback has no MAC worth showing
    EXPECT_EQ(findInterface(o, "wg0")->ipv4.at(0).prefix, 32);

    ASSERT_EQ(o.routes.size(), 5u); // ip-route present: net-route is not used
    EXPECT_EQ(o.routes[0].destination, "default");
    EXPECT_EQ(o.routes[0].gateway, "172.19.128.1");
    EXPECT_EQ(o.routes[0].dev, "eth0");
    EXPECT_EQ(o.routes[1].destination, "172.19.128.0/20");
    EXPECT_EQ(o.routes[1].gateway, "");
    EXPECT_EQ(o.routes[1].source, "172.19.132.144");
    EXPECT_EQ(o.routes[2].destination, "10.99.0.0/16");
    EXPECT_EQ(o.routes[2].dev, "");
    EXPECT_EQ(o.routes[3].destination, "fe80::/64");
    EXPECT_EQ(o.routes[4].gateway, "fe80::1");
    EXPECT_EQ(o.nameservers, (std::vector<std::string>{"172.19.128.1", "fe80::1"}));
    EXPECT_EQ(o.networkingMode, "nat");
}

TEST(CollectorNetwork, ProcFallbacks)
{
    const auto o = parseOk(output(
        {{"self", kSelf},
         {"status", status(1, "init", 0, 0, "1")},
         {"net-dev",
          "Inter-|   Receive                                                |  Transmit\n"
          " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop "
          "fifo colls carrier compressed\n"
          "    lo:    4126      52    0    0    0     0          0         0     4126      52    0    0    "
          "0     0       0          0\n"
          "  eth0: 48211735   36271    0    0    0     0          0       412  2846019   21554    0    0 "
          "   0     0       0          0\n"},
         {"net-route",
          "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT    \n"
          "eth0\t00000000\t018013AC\t0003\t0\t0\t0\t00000000\t0\t0\t0      \n"
          "eth0\t008013AC\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0      \n"
          "eth0\t0000A8C0\t00000000\t0000\t0\t0\t0\t00FFFFFF\t0\t0\t0      \n"},
         {"net-if-inet6", "00000000000000000000000000000001 01 80 10 80       lo\n"
                          "fe8000000000000002155dfffe73e10e 06 40 20 80     eth0\n"
                          "20010db8000000000001000000000001 06 30 00 00     eth0\n"
                          "zz 06 40 20 80 eth0\n"}}));
    std::vector<std::string> names;
    for (const auto &i : o.interfaces)
        names.push_back(i.name);
    EXPECT_EQ(names, (std::vector<std::string>{"lo", "eth0"}));
    const auto *eth0 = findInterface(o, "eth0");
    EXPECT_FALSE(eth0->up.has_value());
    ASSERT_EQ(eth0->ipv6.size(), 2u);
    EXPECT_EQ(eth0->ipv6[0].address, "fe80::215:5dff:fe73:e10e");
    EXPECT_EQ(eth0->ipv6[0].prefix, 64);
    EXPECT_EQ(eth0->ipv6[1].address, "2001:db8::1:0:0:1"); // of two equal zero runs the first is compressed
    EXPECT_EQ(eth0->ipv6[1].prefix, 48);
    EXPECT_EQ(findInterface(o, "lo")->ipv6.at(0).address, "::1");

    ASSERT_EQ(o.routes.size(), 2u); // the third is not up
    EXPECT_EQ(o.routes[0].destination, "default");
    EXPECT_EQ(o.routes[0].gateway, "172.19.128.1");
    EXPECT_EQ(o.routes[0].dev, "eth0");
    EXPECT_EQ(o.routes[1].destination, "172.19.128.0/20");
    EXPECT_EQ(o.routes[1].gateway, "");
}

// ---- seed 003: the article's vantages

constexpr std::uint64_t kVmPid = 4026531836, kWslgPid = 4026532245, kU20Pid = 4026532257;
constexpr std::uint64_t kIso18Pid = 4026532771, kU18Pid = 4026532784;
constexpr std::uint64_t kNet = 4026531840, kUser = 4026531837, kCgroup = 4026531835;

struct Expected
{
    int pid;
    int ppid;
    std::vector<int> nspid;
    std::uint64_t pidNs;
    std::string cmdline;
};

void expectProcess(const VantageObservation &o, const Expected &e)
{
    SCOPED_TRACE("pid " + std::to_string(e.pid));
    const auto *p = findPid(o, e.pid);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->ppid, e.ppid);
    EXPECT_EQ(p->nspid, e.nspid);
    EXPECT_EQ(p->ns.at("pid"), e.pidNs);
    EXPECT_EQ(p->cmdline, e.cmdline);
}

void expectSharedNamespaces(const VantageObservation &o)
{
    // Article 000: distros share the VM's user, network and cgroup namespaces.
    for (const auto &p : o.processes) {
        EXPECT_EQ(p.ns.at("net"), kNet) << p.pid;
        EXPECT_EQ(p.ns.at("user"), kUser) << p.pid;
        EXPECT_EQ(p.ns.at("cgroup"), kCgroup) << p.pid;
        EXPECT_EQ(p.ns.count("pid_for_children"), 0u);
    }
    EXPECT_TRUE(o.warnings.empty());
    for (const auto &p : o.processes) {
        EXPECT_NE(p.name, "grep");
        EXPECT_NE(p.name, "tr");
    }
    EXPECT_EQ(o.kernel, "5.15.146.1-microsoft-standard-WSL2");
}

TEST(Seed003, VmVantage)
{
    const auto o = parseOk(readFixture("seed003/vm.txt"));
    EXPECT_EQ(o.selfNspid, (std::vector<int>{57112}));
    EXPECT_EQ(o.selfNs.at("pid"), kVmPid);
    EXPECT_EQ(o.osRelease.at("ID"), "mariner");
    EXPECT_EQ(o.hostname, "localhost");
    EXPECT_EQ(findPid(o, 57112), nullptr); // the debug shell itself
    expectProcess(o, {1, 0, {1}, kVmPid, "/init"});
    expectProcess(o, {221, 1, {221, 1}, kWslgPid, "/init"});
    expectProcess(o, {226, 221, {226, 6, 1}, kU20Pid, "/sbin/init"});
    expectProcess(o, {227, 226, {227, 7, 2}, kU20Pid, "/init"});
    expectProcess(
        o, {248, 227, {248, 28, 9}, kU20Pid, "plan9 --control-socket 6 --log-level 4 --server-fd 7 --pipe"});
    expectProcess(o, {939, 227, {939, 719, 612}, kU20Pid, "/bin/login -f"});
    expectProcess(o, {1132, 939, {1132, 912, 805}, kU20Pid, "-bash"});
    expectProcess(o, {1363, 227, {1363, 1143, 1036}, kU20Pid, "/init"});
    expectProcess(o, {48950, 1132, {48950, 4578, 4419}, kU20Pid, "sleep 680001"});
    expectProcess(o, {56291, 1, {56291, 1}, kIso18Pid, "/init"});
    expectProcess(o, {56297, 56291, {56297, 2, 1}, kU18Pid, "/init"});
    expectProcess(o, {56336, 56297, {56336, 45, 11}, kU18Pid, "-bash"});
    expectProcess(o, {56564, 56336, {56564, 87, 32}, kU18Pid, "sleep 180000"});
    EXPECT_EQ(findPid(o, 48950)->uid, 1000);
    EXPECT_EQ(findPid(o, 48950)->name, "sleep");
    EXPECT_EQ(findPid(o, 1132)->uid, 0); // lsns shows root
    EXPECT_EQ(findPid(o, 952)->name, "(sd-pam)");
    EXPECT_EQ(findPid(o, 952)->ppid, 951);
    EXPECT_EQ(findPid(o, 2)->cmdline, ""); // a kernel thread
    // Each distro owns its mount, UTS and IPC namespaces.
    EXPECT_NE(findPid(o, 48950)->ns.at("mnt"), findPid(o, 1)->ns.at("mnt"));
    EXPECT_NE(findPid(o, 48950)->ns.at("mnt"), findPid(o, 56564)->ns.at("mnt"));
    EXPECT_NE(findPid(o, 48950)->ns.at("uts"), findPid(o, 221)->ns.at("uts"));
    expectSharedNamespaces(o);

    const auto *eth0 = findInterface(o, "eth0");
    ASSERT_NE(eth0, nullptr);
    EXPECT_EQ(eth0->mac, "00:15:5d:73:e1:0e");
    EXPECT_EQ(eth0->ipv4.at(0).address, "172.19.132.144");
    EXPECT_EQ(eth0->ipv4.at(0).prefix, 20);
    ASSERT_NE(findInterface(o, "tunl0"), nullptr);
    ASSERT_GE(o.routes.size(), 2u);
    EXPECT_EQ(o.routes[0].destination, "default");
    EXPECT_EQ(o.routes[0].gateway, "172.19.128.1");
    EXPECT_EQ(o.routes[1].destination, "172.19.128.0/20");
    EXPECT_EQ(o.routes[1].source, "172.19.132.144");
    EXPECT_EQ(o.nameservers, (std::vector<std::string>{"172.19.128.1"}));
    EXPECT_EQ(o.networkingMode, "");
}

TEST(Seed003, SystemVantage)
{
    const auto o = parseOk(readFixture("seed003/system-ubuntu2004.txt"));
    EXPECT_EQ(o.selfNspid.size(), 1u);
    EXPECT_EQ(o.selfNs.at("pid"), kWslgPid);
    expectProcess(o, {1, 0, {1}, kWslgPid, "/init"});
    expectProcess(o, {6, 1, {6, 1}, kU20Pid, "/sbin/init"});
    expectProcess(o, {912, 719, {912, 805}, kU20Pid, "-bash"});
    expectProcess(o, {4578, 912, {4578, 4419}, kU20Pid, "sleep 680001"});
    EXPECT_EQ(findPid(o, 4578)->uid, 1000);
    for (const auto &p : o.processes)
        EXPECT_NE(p.cmdline, "sleep 180000") << "Ubuntu-18.04 is not under the WSLg namespace";
    expectSharedNamespaces(o);
    // No ip here: interfaces, IPv6 and routes come from /proc/net.
    const auto *eth0 = findInterface(o, "eth0");
    ASSERT_NE(eth0, nullptr);
    EXPECT_EQ(eth0->ipv6.at(0).address, "fe80::215:5dff:fe73:e10e");
    ASSERT_EQ(o.routes.size(), 2u);
    EXPECT_EQ(o.routes[0].gateway, "172.19.128.1");
    EXPECT_EQ(o.routes[1].destination, "172.19.128.0/20");
}

TEST(Seed003, Ubuntu2004Vantage)
{
    const auto o = parseOk(readFixture("seed003/ubuntu2004.txt"));
    EXPECT_EQ(o.selfNspid.size(), 1u);
    EXPECT_EQ(o.selfNs.at("pid"), kU20Pid);
    expectProcess(o, {1, 0, {1}, kU20Pid, "/sbin/init"});
    expectProcess(o, {4419, 805, {4419}, kU20Pid, "sleep 680001"});
    EXPECT_EQ(o.osRelease.at("VERSION_ID"), "20.04");
    EXPECT_EQ(o.networkingMode, "nat");
    expectSharedNamespaces(o);
}

TEST(Seed003, Ubuntu1804Vantage)
{
    const auto o = parseOk(readFixture("seed003/ubuntu1804.txt"));
    EXPECT_EQ(o.selfNspid, (std::vector<int>{39}));
    EXPECT_EQ(o.selfNs.at("pid"), kU18Pid);
    expectProcess(o, {1, 0, {1}, kU18Pid, "/init"});
    expectProcess(o, {11, 1, {11}, kU18Pid, "-bash"});
    expectProcess(o, {32, 11, {32}, kU18Pid, "sleep 180000"});
    EXPECT_EQ(o.osRelease.at("VERSION_ID"), "18.04");
    expectSharedNamespaces(o);
}

TEST(Seed003, TheFilesAgreeWithEachOther)
{
    // A process is the same in every vantage that sees it: same (pid ns, innermost pid), start time, name and
    // command line, and the VM's NSpid ends with the inner vantage's NSpid.
    const auto vm = parseOk(readFixture("seed003/vm.txt"));
    std::map<std::pair<std::uint64_t, int>, const ProcessObservation *> byIdentity;
    for (const auto &p : vm.processes)
        byIdentity[{p.ns.at("pid"), p.innermostPid()}] = &p;
    for (const char *file :
         {"seed003/system-ubuntu2004.txt", "seed003/ubuntu2004.txt", "seed003/ubuntu1804.txt"}) {
        const auto o = parseOk(readFixture(file));
        int matched = 0;
        for (const auto &p : o.processes) {
            auto it = byIdentity.find({p.ns.at("pid"), p.innermostPid()});
            if (it == byIdentity.end())
                continue; // the vantage's own session relay, started after the VM was listed
            ++matched;
            const auto &v = *it->second;
            SCOPED_TRACE(std::string(file) + " pid " + std::to_string(p.pid));
            EXPECT_EQ(v.startTicks, p.startTicks);
            EXPECT_EQ(v.name, p.name);
            EXPECT_EQ(v.cmdline, p.cmdline);
            ASSERT_GE(v.nspid.size(), p.nspid.size());
            EXPECT_TRUE(std::equal(p.nspid.begin(), p.nspid.end(), v.nspid.end() - p.nspid.size()));
        }
        EXPECT_EQ(matched + 1, static_cast<int>(o.processes.size())) << file;
    }
}

// ---- real captures

TEST(RealCapture, DebianDash)
{
    const auto o = parseOk(readFixture("collector/real-debian-dash.txt"));
    EXPECT_EQ(o.selfNspid, (std::vector<int>{5}));
    EXPECT_EQ(o.osRelease.at("ID"), "debian");
    std::vector<std::string> cmdlines;
    for (const auto &p : o.processes)
        cmdlines.push_back(p.cmdline);
    EXPECT_EQ(o.processes.size(), 4u); // bash (pid 1) and three sleeps; dash, grep and tr are gone
    EXPECT_NE(std::find(cmdlines.begin(), cmdlines.end(), "sleep 3600"), cmdlines.end());
    EXPECT_NE(std::find(cmdlines.begin(), cmdlines.end(), "sleep-with space 3602"), cmdlines.end());
    for (const auto &p : o.processes) {
        EXPECT_EQ(p.ns.at("pid"), o.selfNs.at("pid"));
        EXPECT_TRUE(p.startTicks.has_value());
    }
    EXPECT_TRUE(o.warnings.empty());
    EXPECT_NE(findInterface(o, "eth0"), nullptr);
    EXPECT_FALSE(o.routes.empty());
}

TEST(RealCapture, BusyboxAsNobodySeesNoRootLinks)
{
    const auto o = parseOk(readFixture("collector/real-busybox-nobody.txt"));
    EXPECT_EQ(o.processes.size(), 3u);
    EXPECT_EQ(o.selfNs.count("pid"), 1u); // its own links are readable
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_TRUE(contains(o.warnings[0], "3 processes")) << o.warnings[0];
    EXPECT_FALSE(o.routes.empty()); // no ip: from /proc/net/route
}

// ---- robustness

void checkAnyResult(std::string_view text)
{
    auto result = parseCollectorOutput(text);
    if (auto *e = std::get_if<Error>(&result)) {
        ASSERT_FALSE(e->message.empty());
        ASSERT_TRUE(validUtf8(e->message)) << e->message;
    } else {
        for (const auto &s : allStrings(std::get<VantageObservation>(result)))
            ASSERT_TRUE(validUtf8(s)) << s;
    }
}

TEST(CollectorFuzz, MutationsAndTruncationsNeverCrash)
{
    const std::string base = readFixture("collector/real-debian-dash.txt");
    const std::string seed = readFixture("seed003/vm.txt");
    ASSERT_FALSE(base.empty());
    std::mt19937 rng(12345);
    auto pick = [&](std::size_t n) {
        return n == 0 ? std::size_t{0} : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const std::string interesting[] = {"\n",
                                       "\r",
                                       "\0",
                                       ")",
                                       "(",
                                       "->",
                                       " -> '",
                                       ":[",
                                       "/proc/",
                                       "/proc/1/status:",
                                       "/proc/2/ns:",
                                       "NSpid:\t",
                                       "@@WSLATLAS-SECTION ",
                                       "@@WSLATLAS-END 1",
                                       "@@WSLATLAS-BEGIN 1\n",
                                       "\xff",
                                       "\xc3",
                                       "99999999999999999999",
                                       "-1",
                                       "\t"};
    for (int iteration = 0; iteration < 3000; ++iteration) {
        std::string text = iteration % 5 == 0 ? seed : base;
        const int edits = 1 + static_cast<int>(pick(8));
        for (int e = 0; e < edits && !text.empty(); ++e) {
            switch (pick(6)) {
            case 0: // flip a byte
                text[pick(text.size())] = static_cast<char>(pick(256));
                break;
            case 1: // truncate
                text.resize(pick(text.size()));
                break;
            case 2: { // delete a range
                const std::size_t at = pick(text.size());
                text.erase(at, pick(200));
                break;
            }
            case 3: { // insert something the parser looks for
                const auto &s = interesting[pick(std::size(interesting))];
                text.insert(pick(text.size()), s.empty() ? std::string(1, '\0') : s);
                break;
            }
            case 4: { // duplicate a chunk
                const std::size_t at = pick(text.size());
                const std::string chunk = text.substr(at, pick(300));
                text.insert(pick(text.size()), chunk);
                break;
            }
            default: { // random bytes
                std::string noise(pick(40), '\0');
                for (auto &c : noise)
                    c = static_cast<char>(pick(256));
                text.insert(pick(text.size()), noise);
            }
            }
        }
        SCOPED_TRACE("iteration " + std::to_string(iteration));
        checkAnyResult(text);
        if (HasFatalFailure())
            return;
    }
}

TEST(CollectorFuzz, EveryPrefixOfARealCapture)
{
    const std::string base = readFixture("collector/real-debian-dash.txt");
    for (std::size_t n = 0; n <= base.size(); n += 7)
        checkAnyResult(std::string_view(base).substr(0, n));
    checkAnyResult(base);
}

} // namespace
