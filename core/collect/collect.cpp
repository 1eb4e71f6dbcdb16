#include "collect.h"

#include "finding.h"

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

// wsl.exe's answers that say the vantage has nothing to look at, by the machine's own settings: a note,
// not an error (WslClient.cpp, LxssUserSession.cpp in microsoft/WSL). Empty text when it is none of them.
struct Condition
{
    FindingCode code = FindingCode::Other;
    std::string text;
};

Condition expectedCondition(const VantageSpec &spec, const CommandResult &result)
{
    const std::string distro = spec.distro.empty() ? spec.name : spec.distro;
    for (const std::string *stream : {&result.stdoutData, &result.stderrData}) {
        auto parsed = parseWslError(*stream);
        const auto *error = std::get_if<WslError>(&parsed);
        if (error && error->token == "WSL_E_GUI_APPLICATIONS_DISABLED")
            return {FindingCode::GuiAppsOffForDistro,
                    "GUI applications are off for " + distro +
                        " (.wslconfig or its /etc/wsl.conf), so it has no WSLg system distro to look at"};
        if (error && error->token == "WSL_E_WSL2_NEEDED")
            return {FindingCode::Wsl1Distro, distro + " is a WSL 1 distro: it has no namespaces in the VM"};
    }
    // A distro that holds data only (docker-desktop-data) has no passwd entry and no shell: WSL's init
    // logs "getpwuid(0) failed" and "execvpe /bin/sh failed" (src/linux/init/init.cpp).
    for (const std::string *stream : {&result.stderrData, &result.stdoutData}) {
        const std::string text = decodeCaptureText(*stream);
        if (text.find("getpwuid(") != std::string::npos ||
            (text.find("execvpe") != std::string::npos && text.find("failed") != std::string::npos))
            return {FindingCode::DataOnlyDistro,
                    distro + " holds data only (no shell to run the collector in, like docker-desktop-data)"};
    }
    return {};
}

// Outputs that are answers though there is nothing to parse: no .wslconfig (WSL's defaults), no
// vSwitch (WSL*) adapter to list bindings of (mirrored networking), Get-VMSwitch missing (no Hyper-V).
std::optional<ParsedCapture> emptyIsAnAnswer(const std::string &kind, const std::string &output)
{
    const bool blank = output.find_first_not_of(" \t\r\n") == std::string::npos;
    ParsedCapture c;
    c.status = {kind, true, ""};
    if (kind == "wslconfig" && blank) {
        c.values.wslConfig = WslConfig{};
        return c;
    }
    if (kind == "adapter-bindings" && blank) {
        c.values.bindings = std::vector<AdapterBinding>{};
        return c;
    }
    if (kind == "vm-switch" && output.find(kNotAvailableMarker) != std::string::npos) {
        c.values.switches = std::vector<VirtualSwitch>{};
        c.noteCode = FindingCode::VmSwitchModuleMissing;
        c.note = "Get-VMSwitch is not available on this edition of Windows (no Hyper-V PowerShell module), "
                 "so the virtual switches come from hnsdiag only";
        return c;
    }
    return std::nullopt;
}

// The parts of a PowerShell batch's output: (kind, text) after each "@@WSLATLAS-CAPTURE KIND" line.
std::vector<std::pair<std::string, std::string>> splitCaptureParts(const std::string &output)
{
    std::vector<std::pair<std::string, std::string>> parts;
    std::size_t start = 0;
    while (start < output.size()) {
        std::size_t end = output.find('\n', start);
        end = end == std::string::npos ? output.size() : end + 1;
        const std::string_view line(output.data() + start, end - start);
        if (line.starts_with(kCapturePartMarker)) {
            std::string kind(line.substr(kCapturePartMarker.size()));
            while (!kind.empty() && (kind.back() == '\n' || kind.back() == '\r' || kind.back() == ' '))
                kind.pop_back();
            parts.emplace_back(std::move(kind), std::string());
        } else if (!parts.empty()) {
            parts.back().second.append(line);
        }
        start = end;
    }
    return parts;
}

// Why a command that printed no collector output failed, from its own words: wsl.exe's error code, else
// the first line it printed (decoded: wsl.exe's own text is UTF-16).
std::string failureDetail(const CommandResult &result)
{
    std::string detail = wslErrorMessage(result);
    if (detail.empty())
        detail = firstLine(decodeCaptureText(result.stderrData));
    if (detail.empty())
        detail = firstLine(decodeCaptureText(result.stdoutData));
    return detail;
}

} // namespace

VantageRun vantageRunFromResult(const VantageSpec &spec, const CommandResult &result,
                                std::chrono::milliseconds timeout, std::string_view nonce)
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
    auto parsed = parseCollectorOutput(result.stdoutData, nonce);
    const bool exitedBadly = !result.sawEndMarker && result.exitCode != 0;
    if (auto *error = std::get_if<Error>(&parsed)) {
        std::string message;
        if (exitedBadly) {
            if (Condition note = expectedCondition(spec, result); !note.text.empty()) {
                run.note = std::move(note.text);
                run.noteCode = note.code;
                return run;
            }
            // The command's own words say what went wrong; the collector parser's view of its output
            // (which quotes its raw bytes) only when it said nothing.
            message = program + " exited with code " + std::to_string(result.exitCode);
            if (const std::string detail = failureDetail(result); !detail.empty())
                message += ": " + detail;
            else
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
    if (result.exitCode != 0 && spec.kind == "wsl-list") {
        // No distro installed: wsl.exe fails with a message the wsl-list parser reads as an empty list.
        ParsedCapture none = parseCapture(spec.kind, result.stdoutData);
        if (none.status.ok && none.values.distros && none.values.distros->empty())
            return none;
    }
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
    if (std::optional<ParsedCapture> answer = emptyIsAnAnswer(spec.kind, result.stdoutData))
        return std::move(*answer);
    return parseCapture(spec.kind, result.stdoutData);
}

std::vector<ParsedCapture> capturesFromResult(const CaptureSpec &spec, const CommandResult &result,
                                              std::chrono::milliseconds timeout)
{
    if (spec.kind != kPowerShellBatchKind)
        return {captureFromResult(spec, result, timeout)};
    // PowerShell's exit code is its last command's: one part's failure must not fail the others. When no
    // part marker came out at all, the batch itself failed (powershell.exe missing, stopped, refusing).
    std::vector<std::pair<std::string, std::string>> parts = splitCaptureParts(result.stdoutData);
    if (parts.empty() || result.canceled || !result.started || result.timedOut || result.outputTruncated) {
        ParsedCapture failed = captureFromResult(spec, result, timeout);
        if (failed.status.ok) { // exited 0 without a part: say so, do not show the parser's refusal
            failed.status.ok = false;
            failed.status.error = "\"" + spec.command.front() + "\" printed none of its captures";
        }
        return {std::move(failed)};
    }
    std::vector<ParsedCapture> out;
    for (auto &[kind, text] : parts) {
        CommandResult part;
        part.started = true;
        part.exitCode = 0;
        part.stdoutData = std::move(text);
        out.push_back(isCaptureKind(kind) && kind != kPowerShellBatchKind
                          ? captureFromResult({kind, spec.command}, part, timeout)
                          : ParsedCapture{{kind, false, "not a capture kind this program knows"}, {}, {}});
    }
    return out;
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

// The output from the line holding this run's begin marker on; all of it when there is none.
std::string thisRunsOutput(const std::string &output, const std::string &nonce)
{
    const std::size_t at = output.find("@@WSLATLAS-BEGIN 1 " + nonce);
    if (at == std::string::npos)
        return output;
    const std::size_t lineStart = output.rfind('\n', at);
    return output.substr(lineStart == std::string::npos ? 0 : lineStart + 1);
}

// The line a vantage's shell reads before the collector script: the run's nonce, and, on an
// interactive bash (the debug shell, which persists between connections), history switched off for the
// rest of the input and this line itself taken out of it; the script's last line switches it back on.
// Other shells skip the bash part. Fixed text: no data but the nonce (hex digits) goes into it.
std::string collectorPrologue(const std::string &nonce)
{
    return "case ${BASH_VERSION-} in ?*) case :${SHELLOPTS-}: in *:history:*) wa_h=1; set +o history; "
           "history -d -1 2>/dev/null ;; esac ;; esac; wa_nonce=" +
           nonce + "\n";
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
        request.stdinData = collectorPrologue(nonce) + options.script;
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
    std::vector<std::optional<std::vector<ParsedCapture>>> captures(plan.captures.size());
    auto record = [&](std::size_t index, const CommandResult &result) {
        if (index < vantageCount) {
            if (runs[index])
                return;
            runs[index] = vantageRunFromResult(plan.vantages[index], result, options.timeout, nonce);
            if (options.onVantageOutput)
                options.onVantageOutput(plan.vantages[index], thisRunsOutput(result.stdoutData, nonce));
            if (options.onVantageDone)
                options.onVantageDone(*runs[index]);
        } else if (index - vantageCount < captures.size()) {
            auto &slot = captures[index - vantageCount];
            if (slot)
                return;
            slot = capturesFromResult(plan.captures[index - vantageCount], result, options.timeout);
            if (options.onCaptureDone)
                for (const ParsedCapture &capture : *slot)
                    options.onCaptureDone(capture);
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
            for (ParsedCapture &capture : *captures[i])
                out.captures.push_back(std::move(capture));
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
    for (const ParsedCapture &capture : collection.captures)
        if (capture.status.ok && !capture.note.empty()) {
            Finding note = makeFinding(Severity::Info, capture.noteCode, {{"capture", capture.status.kind}});
            if (note.text.empty())
                note = {Severity::Info,
                        "capture " + capture.status.kind + ": " + capture.note,
                        FindingCode::Other,
                        {}};
            snapshot.findings.push_back(std::move(note));
        }
    return snapshot;
}

Snapshot takeSnapshot(const VantagePlan &plan, CommandRunner &runner, const CollectOptions &options,
                      std::string takenAt)
{
    return snapshotFrom(collect(plan, runner, options), std::move(takenAt));
}

} // namespace wslatlas
