#include "collect.h"

#include "collector_output.h"
#include "network_model.h"

#include <cstdint>
#include <random>
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

// The program of a command, quoted, for messages: "wsl.exe".
std::string quotedProgram(const std::vector<std::string> &command)
{
    return "\"" + (command.empty() ? std::string("(no command)") : command.front()) + "\"";
}

std::string didNotFinish(const std::string &program, std::chrono::milliseconds timeout)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
    return program + " did not finish within " + std::to_string(seconds) + " s and was stopped";
}

// wsl.exe ends its failures with an untranslated "Error code: Wsl/.../TOKEN" line (in UTF-16 unless
// WSL_UTF8=1); the wsl-error parser maps the token to what to do.
std::string wslErrorMessage(const CommandResult &result)
{
    for (const std::string *stream : {&result.stdoutData, &result.stderrData}) {
        auto parsed = parseWslError(*stream);
        if (const auto *error = std::get_if<WslError>(&parsed))
            return error->message + " (" + error->code + ")";
    }
    return {};
}

} // namespace

VantageRun vantageRunFromResult(const VantageSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout)
{
    VantageRun run;
    run.spec = spec;
    const std::string program = quotedProgram(spec.command);
    // Before everything else: a cancelled command may also look unstarted, killed or cut off.
    if (result.canceled) {
        run.error = std::string(kCancelledError);
        return run;
    }
    if (!result.started) {
        // The runner's startError names the program already.
        run.error = (result.startError.empty() ? program + " could not be started" : result.startError) +
                    "; check that it is installed and on PATH, or fix the vantage's command in the plan";
        return run;
    }
    if (result.timedOut && !result.sawEndMarker) {
        run.error = didNotFinish(program, timeout) +
                    "; raise --timeout, or check that the command does not wait for input";
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
            std::string detail = wslErrorMessage(result);
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

ParsedCapture captureFromResult(const CaptureSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout)
{
    const std::string program = quotedProgram(spec.command);
    auto failed = [&](std::string why) {
        ParsedCapture c;
        c.status = {spec.kind, false, std::move(why)};
        return c;
    };
    if (result.canceled)
        return failed(std::string(kCancelledError));
    if (!result.started)
        return failed(result.startError.empty() ? program + " could not be started" : result.startError);
    if (result.timedOut)
        return failed(didNotFinish(program, timeout));
    if (result.outputTruncated)
        return failed(program + " printed more output than the limit");
    if (result.exitCode != 0) {
        std::string why = program + " exited with code " + std::to_string(result.exitCode);
        if (const std::string wsl = wslErrorMessage(result); !wsl.empty())
            why += ": " + wsl;
        else if (const std::string err = firstLine(result.stderrData); !err.empty())
            why += ": " + err;
        else if (const std::string out = firstLine(result.stdoutData); !out.empty())
            why += ": " + out;
        return failed(why);
    }
    // No .wslconfig is the usual case, not a failure: WSL's defaults apply.
    if (spec.kind == "wslconfig" && result.stdoutData.find_first_not_of(" \t\r\n") == std::string::npos) {
        ParsedCapture c;
        c.status = {spec.kind, true, ""};
        c.values.wslConfig = WslConfig{};
        return c;
    }
    return parseCapture(spec.kind, result.stdoutData);
}

namespace {

// A value no process on the machine can have in its command line: the end marker carries it, so a
// listing that quotes "@@WSLATLAS-END" (someone's grep, another WSL Atlas run) cannot end a read early.
std::string runNonce()
{
    std::random_device random;
    const std::uint64_t value = (std::uint64_t{random()} << 32) ^ random();
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (int shift = 60; shift >= 0; shift -= 4)
        out += hex[(value >> shift) & 0xf];
    return out;
}

} // namespace

Collection collect(const VantagePlan &plan, CommandRunner &runner, const CollectOptions &options)
{
    const std::string nonce = runNonce();
    std::vector<CommandRequest> requests;
    requests.reserve(plan.vantages.size() + plan.captures.size());
    for (const VantageSpec &spec : plan.vantages) {
        CommandRequest request;
        request.argv = spec.command;
        request.stdinData = "wa_nonce=" + nonce + "\n" + options.script;
        request.timeout = options.timeout;
        request.maxOutputBytes = options.maxOutputBytes;
        request.endMarker = std::string(kCollectorEndMarker) + " 1 " + nonce;
        requests.push_back(std::move(request));
    }
    for (const CaptureSpec &spec : plan.captures) {
        CommandRequest request;
        request.argv = spec.command;
        request.timeout = options.timeout;
        request.maxOutputBytes = options.maxOutputBytes;
        requests.push_back(std::move(request));
    }
    const std::size_t vantageCount = plan.vantages.size();
    std::vector<std::optional<VantageRun>> runs(vantageCount);
    std::vector<std::optional<ParsedCapture>> captures(plan.captures.size());
    auto record = [&](std::size_t index, const CommandResult &result) {
        if (index < vantageCount) {
            if (runs[index])
                return;
            runs[index] = vantageRunFromResult(plan.vantages[index], result, options.timeout);
            if (options.onVantageDone)
                options.onVantageDone(*runs[index]);
        } else if (index - vantageCount < captures.size()) {
            auto &slot = captures[index - vantageCount];
            if (slot)
                return;
            slot = captureFromResult(plan.captures[index - vantageCount], result, options.timeout);
            if (options.onCaptureDone)
                options.onCaptureDone(*slot);
        }
    };
    const std::vector<CommandResult> results = runner.runAll(requests, record);
    for (std::size_t i = 0; i < results.size(); ++i)
        record(i, results[i]); // for runners that do not report as they go
    Collection out;
    for (std::size_t i = 0; i < vantageCount; ++i) {
        if (runs[i]) {
            out.runs.push_back(std::move(*runs[i]));
        } else {
            VantageRun missing;
            missing.spec = plan.vantages[i];
            missing.error = "the runner returned no result for this vantage";
            out.runs.push_back(std::move(missing));
        }
    }
    for (std::size_t i = 0; i < captures.size(); ++i) {
        if (captures[i]) {
            out.captures.push_back(std::move(*captures[i]));
        } else {
            ParsedCapture missing;
            missing.status = {plan.captures[i].kind, false, "the runner returned no result for this capture"};
            out.captures.push_back(std::move(missing));
        }
    }
    return out;
}

std::vector<VantageRun> runVantages(const VantagePlan &plan, CommandRunner &runner,
                                    const CollectOptions &options)
{
    VantagePlan vantagesOnly;
    vantagesOnly.vantages = plan.vantages;
    return collect(vantagesOnly, runner, options).runs;
}

Snapshot snapshotFrom(const Collection &collection, std::string takenAt)
{
    Snapshot snapshot = inferSnapshot(collection.runs, std::move(takenAt));
    buildHostNetwork(snapshot, collection.captures);
    return snapshot;
}

Snapshot takeSnapshot(const VantagePlan &plan, CommandRunner &runner, const CollectOptions &options,
                      std::string takenAt)
{
    return snapshotFrom(collect(plan, runner, options), std::move(takenAt));
}

} // namespace wslatlas
