// QProcessRunner against real programs (sh, cat, sleep, yes): parallelism, stdin, separate channels,
// failures to start, timeouts, the end marker, output caps, stubborn programs, cancelling, and clean-up.
#include "process_probe.h"
#include "qprocess_runner.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace std::chrono_literals;
using wslatlas::CommandRequest;
using wslatlas::CommandResult;
using wslatlas::QProcessRunner;
using namespace wslatlas::test;

namespace {

// Deadline tests: the children would hang for two minutes or more, and the runner must be done within this
// small fraction of that. A busy machine cannot stretch a real stop this far, and a real wait goes far past.
constexpr std::chrono::milliseconds kNotWaited = 15s;

CommandRequest request(std::vector<std::string> argv, std::chrono::milliseconds timeout = 20s)
{
    CommandRequest r;
    r.argv = std::move(argv);
    r.timeout = timeout;
    return r;
}

CommandRequest shell(const std::string &script, std::chrono::milliseconds timeout = 20s)
{
    return request({"sh", "-c", script}, timeout);
}

CommandResult runOne(const CommandRequest &r)
{
    QProcessRunner runner;
    std::vector<CommandResult> results = runner.runAll({r});
    EXPECT_EQ(results.size(), 1u);
    return results.empty() ? CommandResult{} : results.front();
}

std::size_t openFileDescriptors()
{
    std::size_t count = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++count;
    return count;
}

class QProcessRunnerTest : public ::testing::Test
{
protected:
    // Every test must leave no child behind: neither running nor a zombie.
    void TearDown() override
    {
        for (const ProcInfo &child : childrenOfThisProcess())
            ADD_FAILURE() << "child left behind: pid " << child.pid << " state " << child.state
                          << " cmdline '" << child.cmdline << "'";
    }
};

TEST_F(QProcessRunnerTest, EmptyRequestListGivesNoResults)
{
    QProcessRunner runner;
    EXPECT_TRUE(runner.runAll({}).empty());
}

TEST_F(QProcessRunnerTest, RunsRequestsInParallel)
{
    // A barrier, not a stopwatch: each command marks itself started, then waits until all three have.
    // Run one after another, the first would wait for the others in vain (and fail after 60 s).
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string barrier = dir.path().toStdString();
    const std::string wait = "touch \"$0/$1\"; i=0; while [ \"$(ls \"$0\" | wc -l)\" -lt 3 ]; do "
                             "i=$((i + 1)); [ $i -lt 1200 ] || exit 7; sleep 0.05; done";
    auto member = [&](const char *name) { return request({"sh", "-c", wait, barrier, name}, 120s); };
    QProcessRunner runner;
    const std::vector<CommandResult> results = runner.runAll({member("a"), member("b"), member("c")});
    ASSERT_EQ(results.size(), 3u);
    for (const CommandResult &r : results) {
        EXPECT_TRUE(r.started);
        EXPECT_FALSE(r.timedOut);
        EXPECT_EQ(r.exitCode, 0) << "a command waited for the others in vain: they did not run beside it";
    }
}

TEST_F(QProcessRunnerTest, ReturnsResultsInRequestOrder)
{
    QProcessRunner runner;
    const std::vector<CommandResult> results =
        runner.runAll({shell("sleep 0.3; echo first"), shell("echo second"), request({"/nonexistent/x"})});
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].stdoutData, "first\n");
    EXPECT_EQ(results[1].stdoutData, "second\n");
    EXPECT_FALSE(results[2].started);
}

TEST_F(QProcessRunnerTest, FeedsStdin)
{
    CommandRequest r = request({"cat"});
    r.stdinData = "hello\nworld\n";
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.started);
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.stdoutData, "hello\nworld\n");
    EXPECT_TRUE(result.stderrData.empty());
}

TEST_F(QProcessRunnerTest, FeedsLargeStdinWhileReadingLargeStdout)
{
    // Far beyond the pipe buffers: writing and reading must interleave, or both ends block.
    CommandRequest r = request({"cat"});
    r.stdinData.reserve(8u << 20);
    for (int i = 0; r.stdinData.size() < (8u << 20); ++i)
        r.stdinData += "line " + std::to_string(i) + "\n";
    const CommandResult result = runOne(r);
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.stdoutData == r.stdinData)
        << "got " << result.stdoutData.size() << " bytes of " << r.stdinData.size();
}

TEST_F(QProcessRunnerTest, ClosesStdinSoThatTheProgramSeesEndOfFile)
{
    CommandRequest r = shell("wc -l");
    r.stdinData = "a\nb\nc\n";
    const CommandResult result = runOne(r);
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.stdoutData.find('3'), std::string::npos) << result.stdoutData;
}

TEST_F(QProcessRunnerTest, KeepsStderrSeparate)
{
    const CommandResult result = runOne(shell("echo out; echo err >&2; echo out2"));
    EXPECT_EQ(result.stdoutData, "out\nout2\n");
    EXPECT_EQ(result.stderrData, "err\n");
}

TEST_F(QProcessRunnerTest, ReportsExitCode)
{
    const CommandResult result = runOne(shell("echo partial; exit 3"));
    EXPECT_TRUE(result.started);
    EXPECT_FALSE(result.timedOut);
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_EQ(result.stdoutData, "partial\n");
}

TEST_F(QProcessRunnerTest, ReportsCrashAsNoExitCode)
{
    const CommandResult result = runOne(shell("kill -9 $$"));
    EXPECT_TRUE(result.started);
    EXPECT_EQ(result.exitCode, -1);
}

TEST_F(QProcessRunnerTest, MissingExecutableDoesNotStart)
{
    const std::string program = "/nonexistent/wslatlas-no-such-program";
    const CommandResult result = runOne(request({program, "--flag"}));
    EXPECT_FALSE(result.started);
    EXPECT_FALSE(result.timedOut);
    EXPECT_NE(result.startError.find(program), std::string::npos) << result.startError;
}

TEST_F(QProcessRunnerTest, ProgramNotInPathOrNotExecutableDoesNotStart)
{
    QProcessRunner runner;
    const std::vector<CommandResult> results = runner.runAll(
        {request({"wslatlas-no-such-program-in-path"}), request({"/etc/hostname"}), request({"/"})});
    ASSERT_EQ(results.size(), 3u);
    EXPECT_FALSE(results[0].started);
    EXPECT_NE(results[0].startError.find("wslatlas-no-such-program-in-path"), std::string::npos);
    EXPECT_FALSE(results[1].started);
    EXPECT_NE(results[1].startError.find("/etc/hostname"), std::string::npos);
    EXPECT_FALSE(results[2].started);
}

TEST_F(QProcessRunnerTest, EmptyCommandDoesNotStart)
{
    const CommandResult result = runOne(request({}));
    EXPECT_FALSE(result.started);
    EXPECT_FALSE(result.startError.empty());
}

TEST_F(QProcessRunnerTest, ArgumentsAreNotInterpretedByAShell)
{
    const CommandResult result = runOne(request({"printf", "%s|", "a b", "$HOME", "; echo no", "*"}));
    EXPECT_EQ(result.stdoutData, "a b|$HOME|; echo no|*|");
}

TEST_F(QProcessRunnerTest, TimesOut)
{
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = runOne(request({"sleep", "120"}, 300ms));
    EXPECT_LT(clock.elapsed(), kNotWaited.count()) << "the runner waited for the sleep";
    EXPECT_TRUE(result.started);
    EXPECT_TRUE(result.timedOut);
    EXPECT_FALSE(result.sawEndMarker);
}

TEST_F(QProcessRunnerTest, TimeoutKeepsOutputSoFar)
{
    const CommandResult result = runOne(shell("echo before; echo warn >&2; sleep 30", 500ms));
    EXPECT_TRUE(result.timedOut);
    EXPECT_EQ(result.stdoutData, "before\n");
    EXPECT_EQ(result.stderrData, "warn\n");
}

TEST_F(QProcessRunnerTest, TimeoutKillsProgramIgnoringSigterm)
{
    const std::string sleeper = "sleep 131.25";
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = runOne(shell("trap '' TERM; " + sleeper + "; echo survived", 300ms));
    EXPECT_LT(clock.elapsed(), kNotWaited.count()) << "the runner waited for the sleep";
    EXPECT_TRUE(result.timedOut);
    EXPECT_EQ(result.stdoutData.find("survived"), std::string::npos);
    // The grandchild went down with its process group.
    EXPECT_TRUE(goneWithin(sleeper, kNotWaited));
}

TEST_F(QProcessRunnerTest, StopsAtEndMarker)
{
    CommandRequest r = shell("echo a; echo @@WSLATLAS-END 1; echo after; sleep 120", 180s);
    r.endMarker = "@@WSLATLAS-END";
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = runOne(r);
    EXPECT_LT(clock.elapsed(), kNotWaited.count()) << "the runner waited for the sleep";
    EXPECT_TRUE(result.started);
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_FALSE(result.timedOut);
    EXPECT_FALSE(result.outputTruncated);
    EXPECT_EQ(result.stdoutData, "a\n@@WSLATLAS-END 1\n");
}

TEST_F(QProcessRunnerTest, EndMarkerSplitAcrossReads)
{
    CommandRequest r = shell("printf 'a\\n@@WSLATLAS-'; sleep 0.3; printf 'END 1\\r\\nmore\\r\\n'; sleep 30");
    r.endMarker = "@@WSLATLAS-END";
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_FALSE(result.timedOut);
    EXPECT_EQ(result.stdoutData, "a\n@@WSLATLAS-END 1\r\n");
}

TEST_F(QProcessRunnerTest, EndMarkerCountsOnlyOnACompleteLine)
{
    // The debug shell may put a prompt before the marker and more text after it on the same line.
    CommandRequest r =
        shell("printf 'prompt# @@WSLATLAS-END 1'; sleep 0.3; printf ' tail\\nnext\\n'; sleep 30");
    r.endMarker = "@@WSLATLAS-END";
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_EQ(result.stdoutData, "prompt# @@WSLATLAS-END 1 tail\n");
}

TEST_F(QProcessRunnerTest, MarkerIsOrdinaryTextWithoutEndMarker)
{
    const CommandResult result = runOne(shell("echo @@WSLATLAS-END 1; echo b"));
    EXPECT_FALSE(result.sawEndMarker);
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.stdoutData, "@@WSLATLAS-END 1\nb\n");
}

TEST_F(QProcessRunnerTest, EndMarkerStopsProgramIgnoringSigterm)
{
    const std::string sleeper = "sleep 132.25";
    CommandRequest r = shell("trap '' TERM; echo @@WSLATLAS-END 1; " + sleeper, 180s);
    r.endMarker = "@@WSLATLAS-END";
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = runOne(r);
    EXPECT_LT(clock.elapsed(), kNotWaited.count()) << "the runner waited for the sleep";
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_FALSE(result.timedOut);
    EXPECT_TRUE(goneWithin(sleeper, kNotWaited));
}

TEST_F(QProcessRunnerTest, CapsStdout)
{
    CommandRequest r = request({"yes"}, 180s); // never ends by itself: the cap must stop it
    r.maxOutputBytes = 1u << 20;
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.outputTruncated);
    EXPECT_FALSE(result.timedOut);
    EXPECT_EQ(result.stdoutData.size(), r.maxOutputBytes);
    EXPECT_EQ(result.stdoutData.substr(0, 4), "y\ny\n");
}

TEST_F(QProcessRunnerTest, CapsStderr)
{
    CommandRequest r = shell("yes >&2");
    r.maxOutputBytes = 256u << 10;
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.outputTruncated);
    EXPECT_FALSE(result.timedOut);
    EXPECT_EQ(result.stderrData.size(), r.maxOutputBytes);
    EXPECT_TRUE(result.stdoutData.empty());
}

TEST_F(QProcessRunnerTest, EndMarkerWithinCapWins)
{
    CommandRequest r = shell("echo @@WSLATLAS-END 1; yes");
    r.endMarker = "@@WSLATLAS-END";
    r.maxOutputBytes = 1u << 20;
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_EQ(result.stdoutData, "@@WSLATLAS-END 1\n");
}

TEST_F(QProcessRunnerTest, SurvivesProgramClosingStdinEarly)
{
    std::string big(4u << 20, 'x');
    CommandRequest closes = shell("exec 0<&-; sleep 0.2; echo done");
    closes.stdinData = big;
    CommandRequest ignores = request({"true"});
    ignores.stdinData = big;
    QProcessRunner runner;
    const std::vector<CommandResult> results = runner.runAll({closes, ignores});
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].stdoutData, "done\n");
    EXPECT_EQ(results[0].exitCode, 0);
    EXPECT_EQ(results[1].exitCode, 0);
}

TEST_F(QProcessRunnerTest, RepeatedCallsLeakNothing)
{
    QProcessRunner runner;
    const std::vector<CommandRequest> batch{shell("echo 1"), shell("echo 2 >&2"), request({"/nonexistent/y"}),
                                            request({"sleep", "5"}, 50ms)};
    runner.runAll(batch); // warm-up: Qt opens its child-watching descriptors once
    const std::size_t before = openFileDescriptors();
    for (int round = 0; round < 15; ++round) {
        const std::vector<CommandResult> results = runner.runAll(batch);
        ASSERT_EQ(results.size(), batch.size());
        EXPECT_EQ(results[0].stdoutData, "1\n");
        EXPECT_EQ(results[1].stderrData, "2\n");
        EXPECT_FALSE(results[2].started);
        EXPECT_TRUE(results[3].timedOut);
    }
    EXPECT_EQ(openFileDescriptors(), before);
}

TEST_F(QProcessRunnerTest, RunsOnAWorkerThread)
{
    std::vector<CommandResult> results;
    QThread *worker = QThread::create([&results] {
        CommandRequest r = request({"cat"});
        r.stdinData = "from a worker\n";
        QProcessRunner runner;
        results = runner.runAll({r, request({"sleep", "30"}, 200ms)});
    });
    worker->start();
    ASSERT_TRUE(worker->wait(10000));
    delete worker;
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].stdoutData, "from a worker\n");
    EXPECT_TRUE(results[1].timedOut);
}

} // namespace

TEST(QProcessRunner, ReportsEachResultAsItEnds)
{
    QProcessRunner runner;
    std::vector<std::size_t> order;
    std::vector<std::string> outputs;
    const std::vector<CommandResult> results =
        runner.runAll({shell("sleep 0.4; echo slow"), shell("echo fast"), request({"/nonexistent/x"})},
                      [&](std::size_t index, const CommandResult &result) {
                          order.push_back(index);
                          outputs.push_back(result.stdoutData);
                      });
    ASSERT_EQ(order.size(), 3u);
    EXPECT_EQ(order.back(), 0u); // the slow one last
    EXPECT_EQ(outputs.back(), "slow\n");
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].stdoutData, "slow\n");
}

TEST(QProcessRunner, KilledBySomeoneElseIsACrash)
{
    const CommandResult killed = runOne(shell("kill -KILL $$"));
    EXPECT_TRUE(killed.started);
    EXPECT_TRUE(killed.crashed);
    // A timeout is the runner's own stop, not a crash.
    const CommandResult timedOut = runOne(request({"sleep", "30"}, 200ms));
    EXPECT_TRUE(timedOut.timedOut);
    EXPECT_FALSE(timedOut.crashed);
}

TEST(QProcessRunner, ACommandThatEndsAfterTheMarkerIsLetEnd)
{
    // nsenter-like: a parent waits for the shell that reads the script. Signalling at the marker would
    // kill the parent before it reaps the shell (a zombie); a closed stdin lets both end by themselves.
    CommandRequest r = shell("sh -s; echo reaped >&2");
    r.stdinData = "echo @@WSLATLAS-END 1\n";
    r.endMarker = "@@WSLATLAS-END";
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_FALSE(result.crashed);
    EXPECT_EQ(result.stderrData, "reaped\n");
    EXPECT_EQ(result.exitCode, 0);
}

TEST(QProcessRunner, OnlyTheWholeMarkerEndsTheReading)
{
    // The collector's listings quote other processes' command lines, and one may hold the marker's
    // text (a test running `echo @@WSLATLAS-END 1`, anyone's grep): collect() adds a per-run nonce to
    // the marker, so only the collector's own line ends the reading, prompt or not.
    CommandRequest r = shell("echo '/proc/42/cmdline:sh -c echo @@WSLATLAS-END 1'; echo more; "
                             "echo 'prompt# @@WSLATLAS-END 1 0123456789abcdef'; sleep 30");
    r.endMarker = "@@WSLATLAS-END 1 0123456789abcdef";
    const CommandResult result = runOne(r);
    EXPECT_TRUE(result.sawEndMarker);
    EXPECT_EQ(
        result.stdoutData,
        "/proc/42/cmdline:sh -c echo @@WSLATLAS-END 1\nmore\nprompt# @@WSLATLAS-END 1 0123456789abcdef\n");
}

// --- cancel(): from another thread, sticky until resetCancel() ---

namespace {

// Cancels runner from a plain thread once `ready` holds (or after kNotWaited in any case); joined on
// destruction.
class CancelWhen
{
public:
    CancelWhen(QProcessRunner &runner, std::function<bool()> ready)
        : m_thread([this, &runner, ready = std::move(ready)] {
              m_ready = holdsWithin(kNotWaited, ready);
              runner.cancel();
          })
    {}
    ~CancelWhen() { m_thread.join(); }
    bool wasReady() const { return m_ready; } // whether the condition held before the cancel

private:
    std::atomic<bool> m_ready{false};
    std::thread m_thread;
};

TEST_F(QProcessRunnerTest, CancelFromAnotherThreadStopsEveryCommandAndItsChildren)
{
    const std::string grandchild = "sleep 135.25"; // started by a shell: must go with the process group
    const std::string stubborn = "sleep 135.5";    // under a shell that ignores SIGTERM
    QProcessRunner runner;
    QElapsedTimer clock;
    clock.start();
    std::vector<CommandResult> results;
    std::atomic<bool> quickDone{false};
    {
        // Once all three sleeps run and the quick command has ended.
        CancelWhen canceler(runner, [&] {
            return quickDone && liveProcessRunning(grandchild) && liveProcessRunning(stubborn) &&
                   liveProcessRunning("sleep 135.75");
        });
        results =
            runner.runAll({shell(grandchild + " & echo $!; wait", 180s), request({"sleep", "135.75"}, 180s),
                           shell("trap '' TERM; " + stubborn, 180s), shell("echo quick")},
                          [&quickDone](std::size_t index, const CommandResult &) {
                              if (index == 3)
                                  quickDone = true;
                          });
        EXPECT_TRUE(canceler.wasReady()) << "the commands never all ran before the cancel";
    }
    EXPECT_LT(clock.elapsed(), kNotWaited.count() * 2) << "cancel must not wait for the commands";
    ASSERT_EQ(results.size(), 4u);
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(i);
        EXPECT_TRUE(results[i].started);
        EXPECT_TRUE(results[i].canceled);
        EXPECT_FALSE(results[i].timedOut);
        EXPECT_FALSE(results[i].crashed) << "our own stop is not a crash";
    }
    // The command that had ended keeps its result.
    EXPECT_FALSE(results[3].canceled);
    EXPECT_EQ(results[3].exitCode, 0);
    EXPECT_EQ(results[3].stdoutData, "quick\n");

    // The shell printed its child's pid before the cancel: that process is gone too.
    const int childPid = std::atoi(results[0].stdoutData.c_str());
    ASSERT_GT(childPid, 0) << results[0].stdoutData;
    const auto end = std::chrono::steady_clock::now() + kNotWaited;
    while (pidAlive(childPid) && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(pidAlive(childPid));
    EXPECT_TRUE(goneWithin(grandchild, kNotWaited));
    EXPECT_TRUE(goneWithin(stubborn, kNotWaited));
    EXPECT_TRUE(goneWithin("sleep 135.75", kNotWaited));
}

TEST_F(QProcessRunnerTest, CancelReachesARunOnAWorkerThreadFromTheMainThread)
{
    // The GUI's case: runAll blocks a worker; the GUI thread cancels and never waits on a process.
    QProcessRunner runner;
    std::vector<CommandResult> results;
    QThread *worker = QThread::create([&runner, &results] {
        results = runner.runAll({request({"sleep", "136.25"}, 180s), shell("sleep 136.5", 180s)});
    });
    worker->start();
    // Both commands are running (a condition, not a fixed sleep), then the cancel.
    ASSERT_TRUE(cameWithin("sleep 136.25", kNotWaited) && cameWithin("sleep 136.5", kNotWaited));
    runner.cancel();
    ASSERT_TRUE(worker->wait(static_cast<unsigned long>(kNotWaited.count())))
        << "the worker still waits for the commands";
    delete worker;
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].canceled);
    EXPECT_TRUE(results[1].canceled);
    EXPECT_TRUE(goneWithin("sleep 136.25", kNotWaited));
    EXPECT_TRUE(goneWithin("sleep 136.5", kNotWaited));
}

TEST_F(QProcessRunnerTest, CancelIsStickyUntilReset)
{
    QProcessRunner runner;
    EXPECT_FALSE(runner.isCanceled());
    runner.cancel(); // before any run: nothing in progress, the next run starts nothing
    EXPECT_TRUE(runner.isCanceled());
    QElapsedTimer clock;
    clock.start();
    std::vector<std::size_t> reported;
    std::vector<CommandResult> results =
        runner.runAll({request({"sleep", "120"}, 180s), shell("echo never")},
                      [&reported](std::size_t index, const CommandResult &) { reported.push_back(index); });
    EXPECT_LT(clock.elapsed(), kNotWaited.count()) << "a cancelled runner started the sleep";
    ASSERT_EQ(results.size(), 2u);
    for (const CommandResult &r : results) {
        EXPECT_TRUE(r.canceled);
        EXPECT_FALSE(r.started);
        EXPECT_TRUE(r.stdoutData.empty());
    }
    EXPECT_EQ(reported, (std::vector<std::size_t>{0, 1})) << "every result is still reported";

    runner.resetCancel();
    EXPECT_FALSE(runner.isCanceled());
    results = runner.runAll({shell("echo again")});
    ASSERT_EQ(results.size(), 1u);
    EXPECT_FALSE(results[0].canceled);
    EXPECT_EQ(results[0].stdoutData, "again\n");
}

TEST_F(QProcessRunnerTest, CancelKeepsAnOutputPastItsEndMarker)
{
    // A debug-shell-like command: whole output, then it lingers until stopped.
    CommandRequest lingering = shell("trap '' TERM; echo @@WSLATLAS-END 1; sleep 137.25", 180s);
    lingering.endMarker = "@@WSLATLAS-END";
    QProcessRunner runner;
    std::vector<CommandResult> results;
    {
        // Once its sleep runs, the marker was written; the cancel comes within kExitAfterMarker +
        // kTerminateGrace (800 ms) of it. 100 ms lets the runner's loop read the marker first. A cancel
        // later than that window finds the command ended, and the test still holds.
        CancelWhen canceler(runner, [] {
            if (!liveProcessRunning("sleep 137.25"))
                return false;
            std::this_thread::sleep_for(100ms);
            return true;
        });
        results = runner.runAll({lingering, request({"sleep", "137.5"}, 180s)});
        EXPECT_TRUE(canceler.wasReady());
    }
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].sawEndMarker);
    EXPECT_FALSE(results[0].canceled);
    EXPECT_EQ(results[0].stdoutData, "@@WSLATLAS-END 1\n");
    EXPECT_TRUE(results[1].canceled);
    EXPECT_TRUE(goneWithin("sleep 137.25", kNotWaited));
    EXPECT_TRUE(goneWithin("sleep 137.5", kNotWaited));
}

} // namespace
