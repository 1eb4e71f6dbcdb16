#pragma once
// Runs a vantage plan (vantages and host captures) through a CommandRunner and turns each result
// into a VantageRun or a ParsedCapture; then the snapshot.
#include "capture_kinds.h"
#include "command_runner.h"
#include "infer.h"
#include "vantage_plan.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

struct CollectOptions
{
    std::string script; // the collector script, fed on stdin
    std::chrono::milliseconds timeout{30000};
    std::size_t maxOutputBytes = std::size_t{256} * 1024 * 1024;
    std::function<void(const VantageRun &)> onVantageDone;    // progress, as each vantage ends
    std::function<void(const ParsedCapture &)> onCaptureDone; // and as each host capture ends
    // Each vantage's raw output from this run's begin marker on (what an earlier connection of a debug
    // shell left before it is cut off): for saving it as a capture folder's vantage-NAME.txt.
    std::function<void(const VantageSpec &, const std::string &)> onVantageOutput;
};

struct Collection
{
    std::vector<VantageRun> runs;
    std::vector<ParsedCapture> captures;
};

// The whole error of a vantage or capture whose command was cancelled (CommandResult::canceled): the
// user asked for it, so there is nothing to act on and nothing more to say.
inline constexpr std::string_view kCancelledError = "cancelled";

// Pure: a command's result for one vantage -> observation, an actionable error, or a note (an
// expected condition: GUI apps off, a data-only distro, WSL 1). nonce: the run's, as fed to the
// collector (parseCollectorOutput).
VantageRun vantageRunFromResult(const VantageSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout, std::string_view nonce = {});

// Pure: a capture command's result -> its parsed values or an error. `wsl.exe -l -v` failing because no
// distro is installed is an answer (no distros), not an error.
ParsedCapture captureFromResult(const CaptureSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout);

// Pure: captureFromResult, except that a PowerShell batch (kPowerShellBatchKind) yields one capture per
// part, each parsed by its own kind; a batch that printed no part at all is one failed capture.
std::vector<ParsedCapture> capturesFromResult(const CaptureSpec &spec, const CommandResult &result,
                                              std::chrono::milliseconds timeout);

// Runs every vantage and capture of the plan at once.
Collection collect(const VantagePlan &plan, CommandRunner &runner, const CollectOptions &options);
std::vector<VantageRun> runVantages(const VantagePlan &plan, CommandRunner &runner,
                                    const CollectOptions &options);

// inferSnapshot, then buildHostNetwork: what the CLI and the GUI call.
Snapshot snapshotFrom(const Collection &collection, std::string takenAt);
Snapshot takeSnapshot(const VantagePlan &plan, CommandRunner &runner, const CollectOptions &options,
                      std::string takenAt);

} // namespace wslatlas
