#pragma once
// Runs a vantage plan through a CommandRunner and turns each result into a VantageRun.
#include "command_runner.h"
#include "infer.h"
#include "vantage_plan.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wslatlas {

struct CollectOptions
{
    std::string script; // the collector script, fed on stdin
    std::chrono::milliseconds timeout{30000};
    std::size_t maxOutputBytes = 256u * 1024u * 1024u;
    std::function<void(const VantageRun &)> onVantageDone; // progress, as each vantage ends
};

// Pure: a command's result for one vantage -> observation or an actionable error.
VantageRun vantageRunFromResult(const VantageSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout);

std::vector<VantageRun> runVantages(const VantagePlan &plan, CommandRunner &runner,
                                    const CollectOptions &options);

} // namespace wslatlas
