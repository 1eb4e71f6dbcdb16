#pragma once
// CommandRunner on QProcess: every request runs at once, the collector goes in on stdin, output is
// captured up to a cap, each command has a timeout, and reading stops at the end marker (the debug
// shell never exits by itself). Nothing passes through a shell: argv goes to QProcess as a list.
#include "command_runner.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

namespace wslatlas {

class QProcessRunner final : public CommandRunner
{
public:
    // How long a process may take to exit after a polite stop (end marker seen) before it is killed.
    static constexpr std::chrono::milliseconds kTerminateGrace{300};
    // After the end marker a command whose stdin is closed (sh -s) exits by itself; signalling it at
    // once would kill nsenter before it reaps its shell and leave a zombie. The debug shell does not
    // exit, so it is asked to stop after this wait.
    static constexpr std::chrono::milliseconds kExitAfterMarker{500};

    // Needs a QCoreApplication; blocks the calling thread (never the GUI thread) until all are done.
    // Safe to call repeatedly and from any thread that Qt knows (it runs a local event loop). On Unix
    // each command gets its own process group, so stopping it also stops what it started (a pipeline,
    // nsenter's child). A non-positive timeout means none.
    using CommandRunner::runAll;
    std::vector<CommandResult> runAll(const std::vector<CommandRequest> &requests,
                                      const ResultCallback &onResult) override;

    // Cancels the runner, from any thread: every command of the runAll calls in progress is stopped
    // at once (its process group killed, as a timeout does) and every later runAll returns without
    // starting anything, until resetCancel(). Sticky on purpose: a caller that runs several batches
    // (discovery, then the collection) stops after the current one without checking between them.
    // A command stopped or never started this way has CommandResult::canceled set; one that had
    // already ended, or printed its end marker, keeps its result. runAll still returns a result per request.
    void cancel();
    // Lets later runAll calls run again. Does not touch a runAll in progress.
    void resetCancel();
    bool isCanceled() const;

private:
    struct ActiveRun;
    std::atomic<bool> m_canceled{false};
    std::mutex m_mutex;                // guards m_active
    std::vector<ActiveRun *> m_active; // the runAll calls in progress, on whatever threads
};

} // namespace wslatlas
