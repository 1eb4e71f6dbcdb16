#include "collect.h"

#include "collector_output.h"

#include <variant>

namespace wslatlas {

namespace {

// First line of a stream, printable ASCII only, shortened: safe to show in one error line.
std::string firstLine(const std::string &text, std::size_t max = 200)
{
    std::string out;
    for (char c : text) {
        if (c == '\n' && !out.empty())
            break;
        if (c == '\r' || c == '\n' || c == '\0')
            continue;
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7f) ? c : '?';
        if (out.size() >= max) {
            out += "...";
            break;
        }
    }
    return out;
}

std::string programOf(const VantageSpec &spec)
{
    return spec.command.empty() ? std::string("(no command)") : spec.command.front();
}

// wsl.exe ends its failures with an untranslated "Error code: Wsl/.../TOKEN" line.
std::string wslErrorLine(const std::string &text)
{
    const auto at = text.find("Error code:");
    return at == std::string::npos ? std::string() : firstLine(text.substr(at));
}

} // namespace

VantageRun vantageRunFromResult(const VantageSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout)
{
    VantageRun run;
    run.spec = spec;
    const std::string program = "\"" + programOf(spec) + "\"";
    if (!result.started) {
        // The runner's startError names the program already.
        run.error = (result.startError.empty() ? program + " could not be started" : result.startError) +
                    "; check that it is installed and on PATH, or fix the vantage's command in the plan";
        return run;
    }
    if (result.timedOut && !result.sawEndMarker) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
        run.error = program + " did not finish within " + std::to_string(seconds) +
                    " s and was stopped; raise --timeout, or check that the command does not wait for input";
        return run;
    }
    if (result.outputTruncated) {
        run.error = program +
                    " printed more output than the limit and was stopped; check that the command runs "
                    "the collector and nothing else";
        return run;
    }
    if (result.crashed && !result.sawEndMarker) {
        run.error = program + " was killed by a signal before the collector finished";
        if (const std::string err = firstLine(result.stderrData); !err.empty())
            run.error += " (stderr: " + err + ")";
        return run;
    }
    auto parsed = parseCollectorOutput(result.stdoutData);
    const bool exitedBadly = !result.sawEndMarker && result.exitCode != 0;
    if (auto *error = std::get_if<CollectorParseError>(&parsed)) {
        std::string message;
        if (exitedBadly) {
            message = program + " exited with code " + std::to_string(result.exitCode);
            std::string detail = wslErrorLine(result.stdoutData);
            if (detail.empty())
                detail = firstLine(result.stderrData);
            if (detail.empty())
                detail = firstLine(result.stdoutData);
            if (!detail.empty())
                message += ": " + detail;
            message += " (" + error->message + ")";
        } else {
            message = error->message;
            if (const std::string err = firstLine(result.stderrData); !err.empty())
                message += " (stderr: " + err + ")";
        }
        run.error = std::move(message);
        return run;
    }
    run.observation = std::move(std::get<VantageObservation>(parsed));
    if (exitedBadly)
        run.warnings.push_back(program + " exited with code " + std::to_string(result.exitCode) +
                               " after a complete output");
    if (const std::string err = firstLine(result.stderrData); !err.empty())
        run.warnings.push_back("the command printed on stderr: " + err);
    return run;
}

std::vector<VantageRun> runVantages(const VantagePlan &plan, CommandRunner &runner,
                                    const CollectOptions &options)
{
    std::vector<CommandRequest> requests;
    requests.reserve(plan.vantages.size());
    for (const VantageSpec &spec : plan.vantages) {
        CommandRequest request;
        request.argv = spec.command;
        request.stdinData = options.script;
        request.timeout = options.timeout;
        request.maxOutputBytes = options.maxOutputBytes;
        request.endMarker = std::string(kCollectorEndMarker);
        requests.push_back(std::move(request));
    }
    std::vector<std::optional<VantageRun>> done(plan.vantages.size());
    const std::vector<CommandResult> results =
        runner.runAll(requests, [&](std::size_t index, const CommandResult &result) {
            if (index >= done.size() || done[index])
                return;
            done[index] = vantageRunFromResult(plan.vantages[index], result, options.timeout);
            if (options.onVantageDone)
                options.onVantageDone(*done[index]);
        });
    std::vector<VantageRun> runs;
    runs.reserve(plan.vantages.size());
    for (std::size_t i = 0; i < plan.vantages.size(); ++i) {
        if (done[i]) {
            runs.push_back(std::move(*done[i]));
        } else if (i < results.size()) {
            runs.push_back(vantageRunFromResult(plan.vantages[i], results[i], options.timeout));
            if (options.onVantageDone)
                options.onVantageDone(runs.back());
        } else {
            VantageRun missing;
            missing.spec = plan.vantages[i];
            missing.error = "the runner returned no result for this vantage";
            runs.push_back(std::move(missing));
        }
    }
    return runs;
}

} // namespace wslatlas
