#pragma once
// CommandRunner on QProcess: every request runs at once, the collector goes in on stdin, output is
// captured up to a cap, each command has a timeout, and reading stops at the end marker (the debug
// shell never exits by itself). Nothing passes through a shell: argv goes to QProcess as a list.
#include "command_runner.h"

#include <chrono>

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
};

} // namespace wslatlas
