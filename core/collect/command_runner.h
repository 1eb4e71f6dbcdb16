#pragma once
// The interface for running vantage commands. core defines it; app implements it with QProcess.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace wslatlas {

struct CommandRequest
{
    std::vector<std::string> argv; // argv[0] is the program; never passed through a shell
    std::string stdinData;
    std::chrono::milliseconds timeout{30000};
    // Per stream; beyond it the command is stopped.
    std::size_t maxOutputBytes = std::size_t{256} * 1024 * 1024;
    std::string endMarker; // when non-empty, reading stops at the first line containing it
};

struct CommandResult
{
    bool started = false;         // false: the program could not be started (missing, not executable)
    bool timedOut = false;        // killed after the timeout
    bool outputTruncated = false; // stopped at maxOutputBytes
    bool sawEndMarker = false;    // reading stopped at the end marker (the process was then stopped)
    bool crashed = false;         // ended by a signal that the runner did not send
    bool canceled = false;        // stopped, or never started, because the caller cancelled the run
    int exitCode = -1;            // meaningful when started && !timedOut && !sawEndMarker
    std::string stdoutData;
    std::string stderrData;
    std::string startError; // why it could not start, when !started
};

class CommandRunner
{
public:
    virtual ~CommandRunner() = default;
    // Called as each command ends (index into the requests), on the thread that called runAll.
    using ResultCallback = std::function<void(std::size_t index, const CommandResult &result)>;

    // Runs every request concurrently and returns results in the same order.
    virtual std::vector<CommandResult> runAll(const std::vector<CommandRequest> &requests,
                                              const ResultCallback &onResult) = 0;
    std::vector<CommandResult> runAll(const std::vector<CommandRequest> &requests)
    {
        return runAll(requests, {});
    }
};

} // namespace wslatlas
