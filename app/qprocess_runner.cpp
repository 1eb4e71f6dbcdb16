#include "qprocess_runner.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QMetaObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <string_view>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace wslatlas {

namespace {

// One request in flight. Owns its QProcess; lives until every process of the batch is done, so
// the signal handlers below may use it freely.
struct Job
{
    explicit Job(const CommandRequest &r) : request(r) {}

    const CommandRequest &request;
    std::size_t index = 0;
    CommandResult result;
    QProcess process;
    QTimer deadline;
    QTimer grace;
    QTimer linger;              // after the end marker: time to exit on its own
    std::size_t lineStart = 0;  // start of the first stdout line not yet checked for the end marker
    bool discardStdout = false; // marker seen or cap reached: keep nothing more
    bool discardStderr = false;
    bool stopping = false;
    bool done = false;
};

// Signals the whole process group first (on Unix the child leads its own group, see setPgid): a
// pipeline or nsenter's child would otherwise outlive the command and keep running.
void signalTree(Job &job, bool hard)
{
    if (job.process.state() == QProcess::NotRunning)
        return;
#ifdef Q_OS_UNIX
    // The leader is not reaped yet (state != NotRunning), so its pid still names our group.
    const qint64 pid = job.process.processId();
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), hard ? SIGKILL : SIGTERM);
#endif
    if (hard)
        job.process.kill();
    else
        job.process.terminate(); // WM_CLOSE on Windows, which console programs ignore: the grace kill follows
}

void stop(Job &job, bool hard)
{
    if (hard) {
        job.stopping = true;
        job.grace.stop();
        signalTree(job, true);
        return;
    }
    if (job.stopping)
        return;
    job.stopping = true;
    signalTree(job, false);
    job.grace.start();
}

// Cuts stdoutData after the first complete line holding the marker; true when there is one. A terminal
// (the debug shell) may print a prompt before it, so it counts anywhere in the line; collect() makes the
// marker unique per run (a nonce) so that no other process's command line in the listings can hold it.
bool cutAtEndMarker(Job &job)
{
    std::string &out = job.result.stdoutData;
    const std::string &marker = job.request.endMarker;
    for (;;) {
        const std::size_t newline = out.find('\n', job.lineStart);
        if (newline == std::string::npos)
            return false;
        const std::string_view line(out.data() + job.lineStart, newline - job.lineStart);
        if (line.find(marker) != std::string_view::npos) {
            out.resize(newline + 1);
            return true;
        }
        job.lineStart = newline + 1;
    }
}

// Appends chunk up to the cap; true when it did not fit.
bool appendCapped(std::string &target, const QByteArray &chunk, std::size_t cap)
{
    const std::size_t room = target.size() < cap ? cap - target.size() : 0;
    const std::size_t size = static_cast<std::size_t>(chunk.size());
    target.append(chunk.constData(), size < room ? size : room);
    return size > room;
}

void readStdout(Job &job)
{
    // Always drain: Qt would otherwise buffer whatever a runaway program keeps printing.
    const QByteArray chunk = job.process.readAllStandardOutput();
    if (job.discardStdout || chunk.isEmpty())
        return;
    const bool overflow = appendCapped(job.result.stdoutData, chunk, job.request.maxOutputBytes);
    if (!job.request.endMarker.empty() && cutAtEndMarker(job)) {
        job.discardStdout = true;
        job.result.sawEndMarker = true;
        job.stopping = true; // from here on, ending is our doing: not a timeout, not a crash
        job.linger.start();
        return;
    }
    if (overflow) {
        job.discardStdout = true;
        job.result.outputTruncated = true;
        stop(job, true);
    }
}

void readStderr(Job &job)
{
    const QByteArray chunk = job.process.readAllStandardError();
    if (job.discardStderr || chunk.isEmpty())
        return;
    if (appendCapped(job.result.stderrData, chunk, job.request.maxOutputBytes)) {
        job.discardStderr = true;
        job.result.outputTruncated = true;
        stop(job, true);
    }
}

// Why program cannot be started, or empty when it looks startable. Qt 6.4 on Unix leaks a pipe
// descriptor for every failed exec (checked on 6.4.2), and a missing wsl.exe is the common case of a
// vantage that fails on every refresh: catch it before QProcess does. On Windows QProcess searches
// more places than PATH, so it decides there.
std::string whyNotStartable(const QString &program)
{
#ifdef Q_OS_UNIX
    if (!program.contains(QLatin1Char('/'))) {
        if (QStandardPaths::findExecutable(program).isEmpty())
            return "not found in PATH";
        return {};
    }
    const QFileInfo info(program);
    if (!info.exists())
        return "no such file";
    if (info.isDir() || !info.isExecutable())
        return "not an executable file";
#else
    Q_UNUSED(program);
#endif
    return {};
}

using FinishJob = std::function<void(Job &)>;

// Why the job cannot start at all (empty when it can): the runner was cancelled, the command is empty, or
// its program is not there. Sets canceled for the first.
std::string refuseBeforeStart(Job &job, bool canceled)
{
    if (canceled) {
        job.result.canceled = true;
        return {};
    }
    if (job.request.argv.empty() || job.request.argv.front().empty())
        return "no program to run (the command is empty)";
    const QString program = QString::fromStdString(job.request.argv.front());
    if (const std::string why = whyNotStartable(program); !why.empty())
        return "could not start \"" + job.request.argv.front() + "\": " + why;
    return {};
}

// The program, its arguments, its own process group or console, and the job's timers (not started).
void configureJob(Job &job)
{
    QProcess &process = job.process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setProgram(QString::fromStdString(job.request.argv.front()));
    QStringList arguments;
    for (std::size_t i = 1; i < job.request.argv.size(); ++i)
        arguments.append(QString::fromStdString(job.request.argv[i]));
    process.setArguments(arguments);
#ifdef Q_OS_UNIX
    // Its own process group, so that stopping it reaches its children too (async-signal-safe).
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
#endif
#ifdef Q_OS_WIN
    // A console of its own, never shown: wsl.exe switches its console to raw VT input and code page
    // 65001 and a killed debug shell never switches it back (windows_console.h). Untested on Windows.
    process.setCreateProcessArgumentsModifier(
        [](QProcess::CreateProcessArguments *args) { args->flags |= CREATE_NO_WINDOW; });
#endif

    job.deadline.setSingleShot(true);
    job.deadline.setTimerType(Qt::PreciseTimer);
    job.grace.setSingleShot(true);
    job.grace.setInterval(QProcessRunner::kTerminateGrace);
    job.linger.setSingleShot(true);
    job.linger.setInterval(QProcessRunner::kExitAfterMarker);
}

// The process's and the timers' handlers; finish is called once the job's result is final. Both the job
// and finish outlive every handler (runAll disconnects them before returning).
void connectJob(Job &job, const FinishJob &finish)
{
    QProcess &process = job.process;
    QObject::connect(&process, &QProcess::started, &process, [&job] {
        job.result.started = true;
        // A program that closes stdin early makes these writes fail; Qt reports that as a
        // WriteError (ignored below) without raising SIGPIPE in this process.
        if (!job.request.stdinData.empty())
            job.process.write(job.request.stdinData.data(),
                              static_cast<qint64>(job.request.stdinData.size()));
        job.process.closeWriteChannel(); // takes effect once the buffered data is written
    });
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [&job] { readStdout(job); });
    QObject::connect(&process, &QProcess::readyReadStandardError, &process, [&job] { readStderr(job); });
    QObject::connect(&process, &QProcess::errorOccurred, &process, [&job, &finish](QProcess::ProcessError e) {
        // Crashed, WriteError, ReadError are followed by finished(); only a failed start is final.
        if (e != QProcess::FailedToStart)
            return;
        job.result.started = false;
        job.result.startError = "could not start \"" + job.request.argv.front() +
                                "\": " + job.process.errorString().toStdString();
        finish(job);
    });
    QObject::connect(&process, &QProcess::finished, &process,
                     [&job, &finish](int exitCode, QProcess::ExitStatus status) {
                         readStdout(job);
                         readStderr(job);
                         job.result.exitCode = status == QProcess::NormalExit ? exitCode : -1;
                         // Our own stop (timeout, cap, end marker) is not a crash.
                         job.result.crashed = status == QProcess::CrashExit && !job.stopping;
                         finish(job);
                     });
    QObject::connect(&job.deadline, &QTimer::timeout, &process, [&job] {
        if (job.done)
            return;
        // A command already being stopped after its end marker did not time out.
        if (!job.stopping)
            job.result.timedOut = true;
        stop(job, true);
    });
    QObject::connect(&job.grace, &QTimer::timeout, &process, [&job] { signalTree(job, true); });
    QObject::connect(&job.linger, &QTimer::timeout, &process, [&job] {
        signalTree(job, false);
        job.grace.start();
    });
}

// Starts the job's process with its deadline; or, when canceled or not startable, finishes it at once.
void startJob(Job &job, const FinishJob &finish, bool canceled)
{
    if (std::string why = refuseBeforeStart(job, canceled); canceled || !why.empty()) {
        job.result.startError = std::move(why);
        finish(job);
        return;
    }
    configureJob(job);
    connectJob(job, finish);
    if (job.request.timeout.count() > 0) {
        job.deadline.setInterval(job.request.timeout);
        job.deadline.start();
    }
    job.process.start(QIODevice::ReadWrite);
}

// The results in the requests' order, once every job is done; the processes say nothing more.
std::vector<CommandResult> takeResults(std::vector<std::unique_ptr<Job>> &jobs)
{
    std::vector<CommandResult> results;
    results.reserve(jobs.size());
    for (const auto &job : jobs) {
        job->process.disconnect();
        results.push_back(std::move(job->result));
    }
    return results;
}

} // namespace

// One runAll call in progress, as cancel() sees it: an object living on the runAll thread, whose
// queued calls run inside that call's event loop, and what stops the call's commands.
struct QProcessRunner::ActiveRun
{
    QObject context;
    std::function<void()> stopAll;
};

void QProcessRunner::cancel()
{
    m_canceled.store(true);
    // Under the lock, so that runAll cannot deregister (and destroy the context) meanwhile. Events still
    // pending when a context is destroyed are dropped with it.
    const std::lock_guard lock(m_mutex);
    for (ActiveRun *run : m_active)
        QMetaObject::invokeMethod(
            &run->context, [run] { run->stopAll(); }, Qt::QueuedConnection);
}

void QProcessRunner::resetCancel()
{
    m_canceled.store(false);
}

bool QProcessRunner::isCanceled() const
{
    return m_canceled.load();
}

std::vector<CommandResult> QProcessRunner::runAll(const std::vector<CommandRequest> &requests,
                                                  const ResultCallback &onResult)
{
    // Declared before the jobs so that it outlives them: their handlers refer to it and to finish.
    QEventLoop loop;
    std::size_t remaining = requests.size();
    const FinishJob finish = [&](Job &job) {
        if (job.done)
            return;
        job.done = true;
        job.deadline.stop();
        job.grace.stop();
        job.linger.stop();
        if (onResult)
            onResult(job.index, job.result);
        if (--remaining == 0)
            loop.quit();
    };

    std::vector<std::unique_ptr<Job>> jobs;
    jobs.reserve(requests.size());
    for (const CommandRequest &request : requests) {
        jobs.push_back(std::make_unique<Job>(request));
        jobs.back()->index = jobs.size() - 1;
    }

    // Declared after the jobs, which its stopAll refers to: destroyed first, with any cancel() still queued.
    ActiveRun active;
    active.stopAll = [&jobs] {
        for (const auto &owned : jobs) {
            if (owned->done)
                continue;
            // Past its end marker the output is whole: only the lingering process goes.
            if (!owned->result.sawEndMarker)
                owned->result.canceled = true;
            stop(*owned, true); // not a crash: stop() marks the ending as ours
        }
    };
    {
        const std::lock_guard lock(m_mutex);
        m_active.push_back(&active);
    }
    struct Deregister
    {
        QProcessRunner &runner;
        ActiveRun *run;
        ~Deregister()
        {
            const std::lock_guard lock(runner.m_mutex);
            runner.m_active.erase(std::find(runner.m_active.begin(), runner.m_active.end(), run));
        }
    } deregister{*this, &active};

    // Checked after registering: a cancel() from now on also reaches the commands started below.
    for (const auto &owned : jobs)
        startJob(*owned, finish, m_canceled.load());

    // Every running process ends in finished() (a kill always ends it), so the loop always returns.
    if (remaining > 0)
        loop.exec();

    return takeResults(jobs);
}

} // namespace wslatlas
