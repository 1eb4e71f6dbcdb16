#include "default_plan.h"

#include "capture_parsers.h"
#include "collect.h"
#include "text.h"
#include "windows_elevation.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QString>

#include <algorithm>
#include <set>
#include <sstream>
#include <variant>

namespace wslatlas {

namespace {

const std::string kWsl = "wsl.exe";

using text::joined;

// `wsl.exe -l --running -q` prints one name per line (UTF-16 unless WSL_UTF8=1), nothing when none run.
std::set<std::string> namesFrom(const std::string &bytes)
{
    std::set<std::string> names;
    std::istringstream lines(decodeCaptureText(bytes));
    for (std::string line; std::getline(lines, line);) {
        const auto first = line.find_first_not_of(" \t");
        const auto last = line.find_last_not_of(" \t");
        if (first != std::string::npos)
            names.insert(line.substr(first, last - first + 1));
    }
    return names;
}

// `wsl.exe -l -v` and `wsl.exe -l --running -q`, in that order.
std::vector<CommandRequest> listingRequests(std::chrono::milliseconds timeout)
{
    std::vector<CommandRequest> requests(2);
    requests[0].argv = {kWsl, "-l", "-v"};
    requests[1].argv = {kWsl, "-l", "--running", "-q"};
    for (CommandRequest &r : requests) {
        r.timeout = timeout;
        r.maxOutputBytes = std::size_t{1024} * 1024;
    }
    return requests;
}

// The running distros' names: `wsl.exe -l --running -q`'s, or when it failed, those whose state column in
// `wsl.exe -l -v` says Running.
std::set<std::string> runningDistros(const std::vector<Distro> &distros, const CommandResult &running,
                                     std::vector<std::string> &notes)
{
    const bool runningListed = running.started && !running.timedOut && !running.outputTruncated &&
                               !running.crashed && running.exitCode == 0;
    std::set<std::string> runningNames;
    if (distros.empty()) {
        // `-l --running -q` fails the same way; there is nothing to run anyway.
        notes.push_back("WSL has no installed distributions, so the snapshot holds the Windows host's "
                        "side only; install one with wsl --install");
    } else if (runningListed) {
        runningNames = namesFrom(running.stdoutData);
    } else {
        notes.push_back("wsl.exe -l --running -q failed; running distros are taken from the state "
                        "column of wsl.exe -l -v, where only the English \"Running\" is recognised");
        for (const Distro &d : distros)
            if (d.state == "Running")
                runningNames.insert(d.name);
    }
    return runningNames;
}

// The distros the plan leaves out, by why.
struct DistroSorting
{
    std::vector<std::string> wsl1, stopped;
};

// .wslconfig's guiApplications=false turns the WSLg system vantages off.
void applyWslConfig(const std::optional<std::string> &wslConfig, WslEnvironment &env,
                    std::vector<std::string> &notes)
{
    // An empty .wslconfig means WSL's defaults, like a missing one.
    if (!wslConfig || wslConfig->find_first_not_of(" \t\r\n") == std::string::npos)
        return;
    auto config = parseWslConfig(*wslConfig);
    if (const auto *error = std::get_if<Error>(&config))
        notes.push_back(".wslconfig was not understood and is ignored: " + error->message);
    else if (const auto &gui = std::get<WslConfig>(config).guiApplications; gui && !*gui)
        env.guiApplications = false;
}

// Notes saying what the plan looks at and what it leaves out, and why.
void explainPlan(const HostFacts &host, const WslEnvironment &env, bool anyDistro,
                 const DistroSorting &sorting, std::vector<std::string> &notes)
{
    if (!env.runningWsl2Distros.empty())
        notes.push_back("running WSL 2 distros: " + joined(env.runningWsl2Distros));
    else if (anyDistro)
        notes.push_back("no WSL 2 distro is running, so neither distros nor the VM root are looked at "
                        "(the VM is not running); start one (wsl -d NAME) to see its namespaces");
    if (!sorting.stopped.empty())
        notes.push_back("not running, left alone (looking would start them): " + joined(sorting.stopped));
    if (!sorting.wsl1.empty())
        notes.push_back("WSL 1 distros, which have no namespaces in the VM: " + joined(sorting.wsl1));
    if (!env.guiApplications)
        notes.push_back("guiApplications=false in .wslconfig: no WSLg system vantages");
    if (host.windowsHost && !env.elevated && !env.runningWsl2Distros.empty())
        notes.push_back("not elevated: no VM root vantage (wsl --debug-shell needs an administrator)");
}

// %USERPROFILE%\.wslconfig. A missing file is the usual case (WSL's defaults). homeFallback: the
// home folder when USERPROFILE is unset (a real Windows process always has it).
std::optional<std::string> readWslConfig(bool homeFallback)
{
    QString profile = qEnvironmentVariable("USERPROFILE");
    if (profile.isEmpty() && homeFallback)
        profile = QDir::homePath();
    if (profile.isEmpty())
        return std::nullopt;
    QFile file(QDir(profile).filePath(QStringLiteral(".wslconfig")));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    return bytes.toStdString();
}

} // namespace

HostFacts currentHostFacts()
{
    HostFacts facts;
    facts.wslReachable = !QStandardPaths::findExecutable(QString::fromStdString(kWsl)).isEmpty();
#ifdef Q_OS_WIN
    facts.windowsHost = true;
    facts.elevated = isProcessElevated();
    facts.wslConfig = readWslConfig(true);
#else
    // Inside a distro, %USERPROFILE% is the Windows side's and elevation is not ours to check: the
    // plan then has no VM root vantage, and GUI apps are assumed on (a failing system vantage says so).
#endif
    return facts;
}

std::optional<HostKind> hostKindFromName(std::string_view name)
{
    for (HostKind kind : {HostKind::Auto, HostKind::Windows, HostKind::Linux})
        if (hostKindName(kind) == name)
            return kind;
    return std::nullopt;
}

std::string_view hostKindName(HostKind kind)
{
    switch (kind) {
    case HostKind::Windows:
        return "windows";
    case HostKind::Linux:
        return "linux";
    case HostKind::Auto:
        break;
    }
    return "auto";
}

HostFacts hostFacts(HostKind kind, bool elevated)
{
    if (kind == HostKind::Auto)
        return currentHostFacts();
    HostFacts facts;
    facts.wslReachable = !QStandardPaths::findExecutable(QString::fromStdString(kWsl)).isEmpty();
    if (kind == HostKind::Windows) {
        facts.windowsHost = true;
        facts.elevated = elevated;
        facts.wslConfig = readWslConfig(false);
    }
    return facts;
}

std::optional<HostFacts> hostFactsFromEnvironment(std::string &error)
{
    const QString name = qEnvironmentVariable(kHostEnvironmentVariable).trimmed();
    const std::optional<HostKind> kind =
        name.isEmpty() ? std::optional(HostKind::Auto) : hostKindFromName(name.toStdString());
    if (!kind) {
        error = std::string(kHostEnvironmentVariable) + "=" + name.toStdString() +
                " is not a host kind: use auto, windows or linux, or unset it";
        return std::nullopt;
    }
    const QString elevated = qEnvironmentVariable(kElevatedEnvironmentVariable);
    return hostFacts(*kind, elevated == QLatin1String("1"));
}

PlanDiscovery discoverPlan(const HostFacts &host, CommandRunner &runner, std::chrono::milliseconds timeout)
{
    PlanDiscovery out;
    if (!host.wslReachable) {
        if (host.windowsHost) {
            out.error = "wsl.exe was not found on PATH: install WSL (wsl --install), or pass --plan FILE";
            return out;
        }
        out.ok = true;
        out.plan = localPlan();
        return out;
    }

    const std::vector<CommandRequest> requests = listingRequests(timeout);
    const std::vector<CommandResult> results = runner.runAll(requests);
    if (results.size() != requests.size()) {
        out.error = "the command runner returned no result for wsl.exe -l -v";
        return out;
    }
    // captureFromResult maps start failures, timeouts and wsl.exe's error codes to one message.
    const ParsedCapture list = captureFromResult({"wsl-list", requests[0].argv}, results[0], timeout);
    if (!list.status.ok || !list.values.distros) {
        out.error = "cannot list the WSL distros (wsl.exe -l -v): " + list.status.error;
        return out;
    }
    const std::vector<Distro> &distros = *list.values.distros;
    const std::set<std::string> runningNames = runningDistros(distros, results[1], out.notes);

    WslEnvironment env;
    env.windowsHost = host.windowsHost;
    env.elevated = host.elevated;
    DistroSorting sorting;
    for (const Distro &d : distros) {
        if (!runningNames.count(d.name))
            sorting.stopped.push_back(d.name);
        else if (d.version != 2)
            sorting.wsl1.push_back(d.name);
        else
            env.runningWsl2Distros.push_back(d.name);
    }
    applyWslConfig(host.wslConfig, env, out.notes);
    explainPlan(host, env, !distros.empty(), sorting, out.notes);

    out.ok = true;
    out.plan = wslPlan(env);
    return out;
}

PlanDiscovery discoverDefaultPlan(CommandRunner &runner, std::chrono::milliseconds timeout)
{
    return discoverPlan(currentHostFacts(), runner, timeout);
}

} // namespace wslatlas
