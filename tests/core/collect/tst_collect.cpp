// The mapping from a command's result to a vantage outcome, and runVantages with a scripted runner.
#include "collect.h"
#include "collector_output.h"

#include <gtest/gtest.h>

using namespace wslatlas;
using namespace std::chrono_literals;

namespace {

const VantageSpec kSpec{"Ubuntu", VantageRole::Distro, "Ubuntu", {"wsl.exe", "-d", "Ubuntu"}};

const char *kMinimalOutput = "@@WSLATLAS-BEGIN 1\n"
                             "@@WSLATLAS-SECTION self\n"
                             "Shell-Pid:\t5\nName:\tsh\nPid:\t5\nPPid:\t0\nUid:\t0\t0\t0\t0\nNSpid:\t5\n"
                             "@@WSLATLAS-SECTION status\n"
                             "/proc/1/status:Name:\tinit\n/proc/1/status:Pid:\t1\n/proc/1/status:PPid:\t0\n"
                             "/proc/1/status:NSpid:\t1\n"
                             "/proc/5/status:Name:\tsh\n/proc/5/status:Pid:\t5\n/proc/5/status:PPid:\t0\n"
                             "/proc/5/status:NSpid:\t5\n"
                             "@@WSLATLAS-SECTION ns\n"
                             "/proc/1/ns:\nlrwxrwxrwx 1 root root 0 Nov 21 05:28 pid -> pid:[4026532257]\n"
                             "/proc/5/ns:\nlrwxrwxrwx 1 root root 0 Nov 21 05:28 pid -> pid:[4026532257]\n"
                             "@@WSLATLAS-END 1\n";

CommandResult ran(std::string out, int exitCode = 0, std::string err = {})
{
    CommandResult r;
    r.started = true;
    r.exitCode = exitCode;
    r.stdoutData = std::move(out);
    r.stderrData = std::move(err);
    return r;
}

class ScriptedRunner : public CommandRunner
{
public:
    std::vector<CommandResult> results;
    std::vector<CommandRequest> seen;
    using CommandRunner::runAll;
    std::vector<CommandResult> runAll(const std::vector<CommandRequest> &requests,
                                      const ResultCallback &onResult) override
    {
        seen = requests;
        // Report the last request first, as a fast vantage would.
        for (std::size_t i = results.size(); i-- > 0;)
            if (onResult)
                onResult(i, results[i]);
        return results;
    }
};

} // namespace

TEST(Collect, MissingProgram)
{
    CommandResult r;
    r.started = false;
    r.startError = "could not start \"wsl.exe\": not found in PATH"; // as the runner words it
    const VantageRun run = vantageRunFromResult(kSpec, r, 30s);
    EXPECT_FALSE(run.observation);
    EXPECT_EQ(run.error.find("could not start \"wsl.exe\": not found in PATH; check"), 0u) << run.error;
    EXPECT_NE(run.error.find("PATH"), std::string::npos);
}

TEST(Collect, KilledBySomeoneElse)
{
    CommandResult r = ran("@@WSLATLAS-BEGIN 1\n", -1);
    r.crashed = true;
    const VantageRun run = vantageRunFromResult(kSpec, r, 30s);
    EXPECT_NE(run.error.find("killed by a signal"), std::string::npos) << run.error;
}

TEST(Collect, Timeout)
{
    CommandResult r = ran("@@WSLATLAS-BEGIN 1\n");
    r.timedOut = true;
    const VantageRun run = vantageRunFromResult(kSpec, r, 7s);
    EXPECT_NE(run.error.find("within 7 s"), std::string::npos) << run.error;
    EXPECT_NE(run.error.find("--timeout"), std::string::npos);
}

TEST(Collect, WslErrorCodeIsQuoted)
{
    const VantageRun run = vantageRunFromResult(kSpec,
                                                ran("There is no distribution with the supplied name.\r\n"
                                                    "Error code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\r\n",
                                                    -1),
                                                30s);
    EXPECT_NE(run.error.find("exited with code -1"), std::string::npos) << run.error;
    EXPECT_NE(run.error.find("WSL_E_DISTRO_NOT_FOUND"), std::string::npos) << run.error;
    // wsl.exe's own words are the whole story: no collector-parser tail quoting the raw bytes.
    EXPECT_EQ(run.error.find("did not come from"), std::string::npos) << run.error;
}

static std::string utf16le(const std::string &ascii)
{
    std::string out;
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

TEST(Collect, ExpectedConditionsAreNotesNotFailures)
{
    const VantageSpec system{"system:Alpine", VantageRole::System, "Alpine", {"wsl.exe", "--system"}};
    // wsl.exe's own text is UTF-16LE: the note must still be read from it, and no raw bytes quoted.
    VantageRun run = vantageRunFromResult(
        system,
        ran(utf16le("GUI application support is disabled via C:\\Users\\u\\.wslconfig or /etc/wsl.conf.\r\n"
                    "Error code: Wsl/Service/CreateInstance/WSL_E_GUI_APPLICATIONS_DISABLED\r\n"),
            -1),
        30s);
    EXPECT_FALSE(run.observation);
    EXPECT_TRUE(run.error.empty()) << run.error;
    EXPECT_NE(run.note.find("GUI applications are off for Alpine"), std::string::npos) << run.note;

    run = vantageRunFromResult(
        system,
        ran(utf16le(
                "This operation is only supported by WSL2.\r\nError code: Wsl/Service/WSL_E_WSL2_NEEDED\r\n"),
            -1),
        30s);
    EXPECT_NE(run.note.find("WSL 1"), std::string::npos) << run.note << run.error;

    const VantageSpec data{"docker-desktop-data", VantageRole::Distro, "docker-desktop-data", {"wsl.exe"}};
    run = vantageRunFromResult(
        data,
        ran("", 1,
            "<3>WSL (28) ERROR: CreateProcessEntryCommon:351: getpwuid(0) failed 2\n"
            "<3>WSL (28) ERROR: CreateProcessEntryCommon:562: execvpe /bin/sh failed 2\n"),
        30s);
    EXPECT_TRUE(run.error.empty()) << run.error;
    EXPECT_NE(run.note.find("docker-desktop-data holds data only"), std::string::npos) << run.note;

    // A note is a finding of the snapshot, not a failed vantage.
    const Snapshot s = inferSnapshot({run}, "2026-11-21T06:00:00Z");
    EXPECT_FALSE(s.partial());
    EXPECT_TRUE(s.vantages.empty());
    ASSERT_EQ(s.findings.size(), 1u);
    EXPECT_EQ(s.findings[0].severity, Severity::Info);
}

// kMinimalOutput as a run with that nonce prints it, its one namespace numbered inode.
static std::string outputOfRun(const std::string &nonce, const std::string &inode)
{
    std::string out = kMinimalOutput;
    out.replace(out.find("BEGIN 1"), 7, "BEGIN 1 " + nonce);
    out.replace(out.find("END 1"), 5, "END 1 " + nonce);
    for (std::size_t at = out.find("4026532257"); at != std::string::npos;
         at = out.find("4026532257", at + 10))
        out.replace(at, 10, inode);
    return out;
}

TEST(Collect, OnlyThisRunsBlockCountsAndStaleOnesAreDroppedWithAWarning)
{
    // The debug shell outlived an earlier, killed connection: that run's output arrives first, whole.
    const std::string stale = outputOfRun("0123456789abcdef", "4026530001");
    const std::string mine = outputOfRun("fedcba9876543210", "4026532257");
    const VantageSpec vm{"vm", VantageRole::Vm, "", {"wsl.exe", "--debug-shell"}};
    CommandResult r = ran("root [ / ]# " + stale + "root [ / ]# " + mine);
    r.sawEndMarker = true;
    const VantageRun run = vantageRunFromResult(vm, r, 30s, "fedcba9876543210");
    ASSERT_TRUE(run.observation) << run.error;
    EXPECT_EQ(run.observation->selfNs.at("pid"), 4026532257u);
    ASSERT_EQ(run.observation->warnings.size(), 1u);
    EXPECT_NE(run.observation->warnings[0].find("earlier connection"), std::string::npos);

    // Only another run's block: an error, not that run's namespaces.
    const VantageRun onlyStale = vantageRunFromResult(vm, ran(stale), 30s, "fedcba9876543210");
    EXPECT_FALSE(onlyStale.observation);
    EXPECT_NE(onlyStale.error.find("earlier run"), std::string::npos) << onlyStale.error;

    // Without a nonce (a saved output), the first complete block is read as before.
    const VantageRun saved = vantageRunFromResult(vm, ran(stale + mine), 30s);
    ASSERT_TRUE(saved.observation) << saved.error;
    EXPECT_EQ(saved.observation->selfNs.at("pid"), 4026530001u);
}

TEST(Collect, NoDistroInstalledIsAnEmptyListNotAFailure)
{
    for (const char *text : {"Windows Subsystem for Linux has no installed distributions.\r\n",
                             "Windows Subsystem for Linux has no installed distributions.\r\n"
                             "Error code: Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND\r\n"}) {
        const ParsedCapture c =
            captureFromResult({"wsl-list", {"wsl.exe", "-l", "-v"}}, ran(utf16le(text), -1), 30s);
        EXPECT_TRUE(c.status.ok) << c.status.error;
        ASSERT_TRUE(c.values.distros);
        EXPECT_TRUE(c.values.distros->empty());
    }
    // Any other failure of the listing stays one.
    const ParsedCapture other = captureFromResult(
        {"wsl-list", {"wsl.exe", "-l", "-v"}},
        ran(utf16le("The service cannot be started.\r\nError code: Wsl/0x80070422\r\n"), -1), 30s);
    EXPECT_FALSE(other.status.ok);
}

TEST(Collect, CompleteOutputWithStderrIsAWarningNotAFailure)
{
    const VantageRun run = vantageRunFromResult(kSpec, ran(kMinimalOutput, 0, "sh: 1: ip: not found\n"), 30s);
    ASSERT_TRUE(run.observation) << run.error;
    ASSERT_EQ(run.warnings.size(), 1u);
    EXPECT_NE(run.warnings[0].find("ip: not found"), std::string::npos);
}

TEST(Collect, EndMarkerStopIsSuccess)
{
    CommandResult r = ran(kMinimalOutput, -1);
    r.sawEndMarker = true; // the debug shell was stopped after the marker
    const VantageRun run = vantageRunFromResult(kSpec, r, 30s);
    EXPECT_TRUE(run.observation) << run.error;
    EXPECT_TRUE(run.warnings.empty());
}

TEST(Collect, RunVantagesFeedsTheScriptAndKeepsOrder)
{
    ScriptedRunner runner;
    CommandResult missing;
    missing.startError = "not found";
    runner.results = {missing, ran(kMinimalOutput)};
    VantagePlan plan;
    plan.vantages = {{"a", VantageRole::Vm, "", {"/nonexistent"}}, kSpec};
    std::vector<std::string> progress;
    CollectOptions options{"SCRIPT", 5s, 1000, {}, {}, {}};
    options.onVantageDone = [&](const VantageRun &run) { progress.push_back(run.spec.name); };
    const auto runs = runVantages(plan, runner, options);
    EXPECT_EQ(progress, (std::vector<std::string>{"Ubuntu", "a"}));
    ASSERT_EQ(runner.seen.size(), 2u);
    EXPECT_EQ(runner.seen[1].argv, kSpec.command);
    // The script, after a line that ends by setting this run's nonce, which the end marker carries.
    const std::string &stdinData = runner.seen[1].stdinData;
    const std::size_t at = stdinData.find("wa_nonce=");
    ASSERT_LT(at, stdinData.find('\n'));
    const std::string nonce = stdinData.substr(at + 9, stdinData.find('\n') - at - 9);
    EXPECT_EQ(nonce.size(), 16u);
    EXPECT_EQ(stdinData.substr(stdinData.find('\n') + 1), "SCRIPT");
    EXPECT_EQ(runner.seen[1].timeout, 5s);
    EXPECT_EQ(runner.seen[1].endMarker, std::string(kCollectorEndMarker) + " 1 " + nonce);
    EXPECT_NE(runner.seen[0].endMarker, runner.seen[1].endMarker.substr(0, 15)); // not the bare marker
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_FALSE(runs[0].observation);
    EXPECT_TRUE(runs[1].observation) << runs[1].error;
}

TEST(Collect, CaptureResults)
{
    const CaptureSpec spec{"ip-route", {"ip", "route"}};
    ParsedCapture c = captureFromResult(spec, ran("default via 172.19.128.1 dev eth0 proto kernel\n"), 30s);
    ASSERT_TRUE(c.status.ok) << c.status.error;
    ASSERT_TRUE(c.values.routes);
    EXPECT_EQ(c.values.routes->at(0).gateway, "172.19.128.1");

    CommandResult missing;
    missing.startError = "could not start \"hnsdiag.exe\": not found in PATH";
    c = captureFromResult({"hnsdiag-networks", {"hnsdiag.exe"}}, missing, 30s);
    EXPECT_FALSE(c.status.ok);
    EXPECT_EQ(c.status.error, missing.startError);

    c = captureFromResult({"vm-switch", {"powershell.exe"}},
                          ran("", 1, "Get-VMSwitch : The term is not recognized\n"), 30s);
    EXPECT_FALSE(c.status.ok);
    EXPECT_NE(c.status.error.find("exited with code 1: Get-VMSwitch : The term"), std::string::npos)
        << c.status.error;

    // No .wslconfig: WSL's defaults, not a failure.
    c = captureFromResult({"wslconfig", {"powershell.exe"}}, ran("\r\n"), 30s);
    EXPECT_TRUE(c.status.ok);
    ASSERT_TRUE(c.values.wslConfig);
    EXPECT_FALSE(c.values.wslConfig->guiApplications);
}

TEST(Collect, CollectRunsVantagesAndCapturesTogether)
{
    ScriptedRunner runner;
    runner.results = {ran(kMinimalOutput), ran("nameserver 172.19.128.1\n")};
    VantagePlan plan;
    plan.vantages = {kSpec};
    plan.captures = {{"resolv-conf", {"cat", "/etc/resolv.conf"}}};
    std::vector<std::string> done;
    CollectOptions options{"SCRIPT", 5s, 1000, {}, {}, {}};
    options.onCaptureDone = [&](const ParsedCapture &c) { done.push_back(c.status.kind); };
    const Collection collection = collect(plan, runner, options);
    ASSERT_EQ(runner.seen.size(), 2u);
    EXPECT_TRUE(runner.seen[1].stdinData.empty()); // captures get no script
    EXPECT_TRUE(runner.seen[1].endMarker.empty());
    EXPECT_EQ(done, std::vector<std::string>{"resolv-conf"});
    ASSERT_EQ(collection.captures.size(), 1u);
    EXPECT_TRUE(collection.captures[0].status.ok) << collection.captures[0].status.error;
    const Snapshot s = snapshotFrom(collection, "2026-11-21T06:00:00Z");
    ASSERT_EQ(s.captures.size(), 1u);
    EXPECT_TRUE(s.captures[0].ok);
    EXPECT_EQ(s.pidNamespaces.size(), 1u);
}

TEST(Collect, CancelledIsTheWholeError)
{
    // However the cancelled command looks otherwise (killed, cut off, never started), the user asked.
    CommandResult killed = ran("@@WSLATLAS-BEGIN 1\n@@WSLATLAS-SECTION self\n", -1);
    killed.canceled = true;
    killed.crashed = true;
    CommandResult unstarted;
    unstarted.canceled = true;
    for (const CommandResult &r : {killed, unstarted}) {
        const VantageRun run = vantageRunFromResult(kSpec, r, 30s);
        EXPECT_FALSE(run.observation);
        EXPECT_EQ(run.error, "cancelled");
        const ParsedCapture c = captureFromResult({"ipconfig", {"ipconfig.exe", "/all"}}, r, 30s);
        EXPECT_FALSE(c.status.ok);
        EXPECT_EQ(c.status.error, kCancelledError);
    }
    // A complete output that was not cancelled still counts.
    EXPECT_TRUE(vantageRunFromResult(kSpec, ran(kMinimalOutput), 30s).observation);
}
