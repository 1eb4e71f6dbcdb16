// Default plan discovery with canned wsl.exe answers: which distros get vantages, what the host
// facts change, and how wsl.exe's failures read.
#include "default_plan.h"
#include "windows_elevation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

using namespace wslatlas;

namespace {

// Answers each request from a function of its argv; records what was asked.
class FakeRunner final : public CommandRunner
{
public:
    explicit FakeRunner(std::function<CommandResult(const std::vector<std::string> &)> answer)
        : m_answer(std::move(answer))
    {}

    using CommandRunner::runAll;
    std::vector<CommandResult> runAll(const std::vector<CommandRequest> &requests,
                                      const ResultCallback &) override
    {
        std::vector<CommandResult> results;
        for (const CommandRequest &r : requests) {
            asked.push_back(r);
            results.push_back(m_answer(r.argv));
        }
        return results;
    }

    std::vector<CommandRequest> asked;

private:
    std::function<CommandResult(const std::vector<std::string> &)> m_answer;
};

std::string utf16le(const std::string &ascii)
{
    std::string out("\xff\xfe", 2);
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

CommandResult exited(int code, std::string out)
{
    CommandResult r;
    r.started = true;
    r.exitCode = code;
    r.stdoutData = std::move(out);
    return r;
}

const std::string kList = utf16le("  NAME            STATE           VERSION\r\n"
                                  "* Ubuntu-20.04    Running         2\r\n"
                                  "  Ubuntu-18.04    Running         2\r\n"
                                  "  kali-linux      Stopped         2\r\n"
                                  "  Legacy          Running         1\r\n");
const std::string kRunning = utf16le("Ubuntu-20.04\r\nUbuntu-18.04\r\nLegacy\r\n");

bool isList(const std::vector<std::string> &argv)
{
    return argv == std::vector<std::string>{"wsl.exe", "-l", "-v"};
}

FakeRunner answering(std::string list, CommandResult running)
{
    return FakeRunner([list, running](const std::vector<std::string> &argv) {
        return isList(argv) ? exited(0, list) : running;
    });
}

std::vector<std::string> vantageNames(const VantagePlan &plan)
{
    std::vector<std::string> names;
    for (const VantageSpec &v : plan.vantages)
        names.push_back(v.name);
    return names;
}

std::vector<std::string> captureKinds(const VantagePlan &plan)
{
    std::vector<std::string> kinds;
    for (const CaptureSpec &c : plan.captures)
        kinds.push_back(c.kind);
    return kinds;
}

bool anyNoteContains(const PlanDiscovery &d, const std::string &text)
{
    return std::any_of(d.notes.begin(), d.notes.end(),
                       [&](const std::string &n) { return n.find(text) != std::string::npos; });
}

using Names = std::vector<std::string>;

} // namespace

TEST(DefaultPlan, WithoutWslExeLinuxGetsTheLocalPlan)
{
    FakeRunner runner([](const auto &) { return CommandResult{}; });
    const PlanDiscovery d = discoverPlan(HostFacts{}, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(vantageNames(d.plan), Names{"host"});
    EXPECT_TRUE(runner.asked.empty());
}

TEST(DefaultPlan, WithoutWslExeWindowsIsAnError)
{
    FakeRunner runner([](const auto &) { return CommandResult{}; });
    HostFacts host;
    host.windowsHost = true;
    const PlanDiscovery d = discoverPlan(host, runner);
    EXPECT_FALSE(d.ok);
    EXPECT_NE(d.error.find("wsl.exe"), std::string::npos) << d.error;
    EXPECT_TRUE(runner.asked.empty());
}

TEST(DefaultPlan, RunningWsl2DistrosOnlyInsideADistro)
{
    FakeRunner runner = answering(kList, exited(0, kRunning));
    HostFacts host;
    host.wslReachable = true;
    const PlanDiscovery d = discoverPlan(host, runner, std::chrono::milliseconds(1234));
    ASSERT_TRUE(d.ok) << d.error;
    // Stopped kali-linux is not started; WSL 1 Legacy has nothing to look at; no VM root unelevated.
    EXPECT_EQ(vantageNames(d.plan),
              (Names{"system:Ubuntu-20.04", "Ubuntu-20.04", "system:Ubuntu-18.04", "Ubuntu-18.04"}));
    EXPECT_EQ(captureKinds(d.plan), (Names{"wsl-list", "wsl-status", "wsl-version"}));
    EXPECT_TRUE(anyNoteContains(d, "kali-linux"));
    EXPECT_TRUE(anyNoteContains(d, "Legacy"));
    // Both listings, each with the timeout.
    ASSERT_EQ(runner.asked.size(), 2u);
    EXPECT_EQ(runner.asked[1].argv, (Names{"wsl.exe", "-l", "--running", "-q"}));
    for (const CommandRequest &r : runner.asked)
        EXPECT_EQ(r.timeout, std::chrono::milliseconds(1234));
}

TEST(DefaultPlan, ElevatedWindowsHostAddsTheVmAndHostCaptures)
{
    FakeRunner runner = answering(kList, exited(0, kRunning));
    HostFacts host;
    host.wslReachable = true;
    host.windowsHost = true;
    host.elevated = true;
    const PlanDiscovery d = discoverPlan(host, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(vantageNames(d.plan).front(), "vm");
    const Names kinds = captureKinds(d.plan);
    for (const char *kind : {"ipconfig", "hnsdiag-networks", "lxss-registry", "host-powershell"})
        EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
}

TEST(DefaultPlan, UnelevatedWindowsHostSaysWhyThereIsNoVm)
{
    FakeRunner runner = answering(kList, exited(0, kRunning));
    HostFacts host;
    host.wslReachable = true;
    host.windowsHost = true;
    const PlanDiscovery d = discoverPlan(host, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(vantageNames(d.plan).front(), "system:Ubuntu-20.04");
    EXPECT_TRUE(anyNoteContains(d, "elevated"));
}

TEST(DefaultPlan, GuiApplicationsOffDropsTheSystemVantages)
{
    FakeRunner runner = answering(kList, exited(0, kRunning));
    HostFacts host;
    host.wslReachable = true;
    host.windowsHost = true;
    host.wslConfig = "[wsl2]\r\nguiApplications=false\r\n";
    const PlanDiscovery d = discoverPlan(host, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(vantageNames(d.plan), (Names{"Ubuntu-20.04", "Ubuntu-18.04"}));

    // An empty .wslconfig is WSL's defaults; an unreadable one is ignored, and said to be.
    for (const std::string &config : {std::string("\r\n"), std::string("\x01\x02garbage[", 10)}) {
        host.wslConfig = config;
        const PlanDiscovery other = discoverPlan(host, runner);
        ASSERT_TRUE(other.ok) << other.error;
        EXPECT_EQ(other.plan.vantages.size(), 4u);
    }
}

TEST(DefaultPlan, RunningNamesDoNotDependOnTheStateColumn)
{
    // An older wsl.exe translates the state column; --running -q says which run.
    const std::string german = utf16le("  NAME            STATUS                VERSION\r\n"
                                       "* Ubuntu-20.04    Wird ausgef\xfchrt       2\r\n"
                                       "  Debian          Beendet               2\r\n");
    FakeRunner runner = answering(german, exited(0, utf16le("Ubuntu-20.04\r\n")));
    HostFacts host;
    host.wslReachable = true;
    const PlanDiscovery d = discoverPlan(host, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(vantageNames(d.plan), (Names{"system:Ubuntu-20.04", "Ubuntu-20.04"}));
}

TEST(DefaultPlan, WithoutRunningListTheEnglishStateIsUsed)
{
    FakeRunner runner = answering(kList, exited(-1, utf16le("Invalid command line argument: --running\r\n")));
    HostFacts host;
    host.wslReachable = true;
    const PlanDiscovery d = discoverPlan(host, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(vantageNames(d.plan),
              (Names{"system:Ubuntu-20.04", "Ubuntu-20.04", "system:Ubuntu-18.04", "Ubuntu-18.04"}));
    EXPECT_TRUE(anyNoteContains(d, "Running"));
}

TEST(DefaultPlan, NothingRunningGivesCapturesOnly)
{
    FakeRunner runner = answering(kList, exited(0, ""));
    HostFacts host;
    host.wslReachable = true;
    const PlanDiscovery d = discoverPlan(host, runner);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_TRUE(d.plan.vantages.empty());
    EXPECT_FALSE(d.plan.captures.empty());
    EXPECT_TRUE(anyNoteContains(d, "no WSL 2 distro is running"));
}

TEST(DefaultPlan, ListingFailuresAreOneActionableLine)
{
    HostFacts host;
    host.wslReachable = true;

    const std::string serviceDown = utf16le("The service cannot be started, either because it is disabled or "
                                            "because it has no enabled devices associated with it.\r\n"
                                            "Error code: Wsl/0x80070422\r\n");
    FakeRunner failing([&](const auto &) { return exited(-1, serviceDown); });
    const PlanDiscovery d = discoverPlan(host, failing);
    EXPECT_FALSE(d.ok);
    EXPECT_NE(d.error.find("0x80070422"), std::string::npos) << d.error;
    EXPECT_EQ(d.error.find('\n'), std::string::npos) << d.error;

    FakeRunner missing([](const auto &) {
        CommandResult r;
        r.startError = "could not start \"wsl.exe\": not found in PATH";
        return r;
    });
    const PlanDiscovery m = discoverPlan(host, missing);
    EXPECT_FALSE(m.ok);
    EXPECT_NE(m.error.find("not found"), std::string::npos) << m.error;

    FakeRunner hangs([](const auto &) {
        CommandResult r;
        r.started = true;
        r.timedOut = true;
        return r;
    });
    const PlanDiscovery h = discoverPlan(host, hangs, std::chrono::milliseconds(5000));
    EXPECT_FALSE(h.ok);
    EXPECT_NE(h.error.find("5 s"), std::string::npos) << h.error;
}

TEST(DefaultPlan, NoDistroInstalledIsAPlanOfHostCapturesWithANote)
{
    // Current WSL prints no Error code line for WSL_E_DEFAULT_DISTRO_NOT_FOUND (WslClient.cpp); older
    // versions did. `-l --running -q` prints nothing and succeeds (quiet skips the check).
    const std::string message =
        "Windows Subsystem for Linux has no installed distributions.\r\n"
        "You can resolve this by installing a distribution with the instructions below:\r\n";
    for (const std::string &answer :
         {message, message + "Error code: Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND\r\n"}) {
        FakeRunner runner([&](const std::vector<std::string> &argv) {
            return isList(argv) ? exited(-1, utf16le(answer)) : exited(0, "");
        });
        HostFacts host;
        host.wslReachable = true;
        host.windowsHost = true;
        host.elevated = true;
        const PlanDiscovery d = discoverPlan(host, runner);
        ASSERT_TRUE(d.ok) << d.error;
        EXPECT_TRUE(d.plan.vantages.empty()); // no distro, no VM: the debug shell would fail
        const Names kinds = captureKinds(d.plan);
        EXPECT_NE(std::find(kinds.begin(), kinds.end(), "ipconfig"), kinds.end());
        EXPECT_TRUE(anyNoteContains(d, "no installed distributions"));
        EXPECT_FALSE(anyNoteContains(d, "--running -q failed"));
    }
}

TEST(WindowsCommandLine, SplitsBackIntoTheSameArguments)
{
    // The elevated helper's parameters for ShellExecuteEx, by CommandLineToArgvW's rules.
    EXPECT_EQ(windowsCommandLine({L"snapshot", L"--plan", L"C:\\Users\\A B\\plan.json"}),
              L"snapshot --plan \"C:\\Users\\A B\\plan.json\"");
    EXPECT_EQ(windowsCommandLine({L"a\"b", L""}), L"\"a\\\"b\" \"\"");
    EXPECT_EQ(windowsCommandLine({L"C:\\dir with space\\"}), L"\"C:\\dir with space\\\\\"");
}
