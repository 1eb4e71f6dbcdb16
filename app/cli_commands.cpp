#include "cli_commands.h"

#include "capture_folder.h"
#include "capture_kinds.h"
#include "collect.h"
#include "collector_script.h"
#include "default_plan.h"
#include "file_io.h"
#include "infer.h"
#include "qprocess_runner.h"
#include "snapshot_json.h"
#include "tree_text.h"
#include "vantage_plan.h"
#include "view_export.h"
#include "windows_console.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace wslatlas::cli {

namespace {

// Everything printed as an error must stay on one line: core messages may quote raw command output.
QString oneLine(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.trimmed();
}

// On a Windows console, UTF-16 (any character shows, whatever the code page); elsewhere, and into pipes and
// files, UTF-8 (paths and names are UTF-8 in core, and the local 8-bit code page would lose them).
void writeText(bool toStderr, const QString &text)
{
    std::fflush(toStderr ? stderr : stdout);
    if (writeToConsole(toStderr, std::u16string_view(reinterpret_cast<const char16_t *>(text.utf16()),
                                                     static_cast<std::size_t>(text.size()))))
        return;
    const QByteArray bytes = text.toUtf8();
    std::FILE *stream = toStderr ? stderr : stdout;
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

void printErrorLine(const QString &line)
{
    writeText(true, programName() + QLatin1String(": ") + oneLine(line) + QLatin1Char('\n'));
}

// Progress lines share the error prefix so that a log reader can tell who spoke.
void printProgress(const QString &line)
{
    printErrorLine(line);
}

// core takes paths as UTF-8 (pathFromUtf8), on every platform.
std::string nativePath(const QString &path)
{
    return path.toStdString();
}

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// One command's options; prints its help and version itself and reports usage errors as one line.
class CommandLine
{
public:
    CommandLine(QString command, QString synopsis, const QString &description)
        : m_command(std::move(command)), m_synopsis(std::move(synopsis)),
          m_help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")),
          m_version(QStringLiteral("version"), QStringLiteral("Show the version and exit."))
    {
        m_parser.setApplicationDescription(description);
        m_parser.addOption(m_help);
        m_parser.addOption(m_version);
    }

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }

    // Parses the arguments after the command name. Returns an exit code when the command is over
    // (help, version, usage error); nullopt when it should run. positional: how many it takes,
    // missing: what to say when one is missing.
    std::optional<int> parse(const QStringList &arguments, int positional = 0, const QString &missing = {})
    {
        const bool parsed = m_parser.parse(QStringList{programName()} + arguments);
        if (m_parser.isSet(m_help)) {
            printHelp();
            return ExitOk;
        }
        if (m_parser.isSet(m_version)) {
            printText(programName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() +
                      QLatin1Char('\n'));
            return ExitOk;
        }
        if (!parsed)
            return usageError(m_parser.errorText());
        const QStringList args = m_parser.positionalArguments();
        if (args.size() < positional)
            return usageError(missing);
        if (args.size() > positional)
            return usageError(QStringLiteral("unexpected argument '%1'").arg(args.at(positional)));
        return std::nullopt;
    }

    int usageError(const QString &message) const
    {
        QString text = message.trimmed();
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        return fail(QStringLiteral("%1: %2 (see '%3 %1 --help')").arg(m_command, text, programName()));
    }

    // An error that is not about usage (unreadable input, failed write): no pointer to --help.
    int error(const QString &message) const { return fail(m_command + QLatin1String(": ") + message); }

private:
    void printHelp()
    {
        // Qt's help text starts with a usage line naming the executable's path; ours names the command.
        QString text = m_parser.helpText();
        const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
        text = QStringLiteral("Usage: %1 %2\n").arg(programName(), m_synopsis) +
               (firstBreak < 0 ? QString() : text.mid(firstBreak + 1));
        printText(text);
    }

    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
};

std::optional<QByteArray> readFile(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return std::nullopt;
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        error = file.errorString();
        return std::nullopt;
    }
    return data;
}

// Names the file unless core's message already does.
QString aboutFile(const QString &path, const std::string &coreMessage)
{
    QString message = fromUtf8(coreMessage);
    if (message.contains(path))
        return message;
    return path + QLatin1String(": ") + message;
}

// Writes data to path atomically, or to stdout for "-".
bool writeOutput(const QString &path, std::string_view data, QString &error)
{
    if (path == QLatin1String("-")) {
        if (writeStdout(data))
            return true;
        error = QStringLiteral("cannot write to standard output");
        return false;
    }
    const std::optional<Error> failure = writeFileAtomically(nativePath(path), data);
    if (!failure)
        return true;
    error = aboutFile(path, failure->message);
    return false;
}

std::optional<Snapshot> loadSnapshot(const CommandLine &command, const QString &path, int &exitCode)
{
    Result<Snapshot> snapshot = loadSnapshotFile(nativePath(path));
    if (const Error *error = errorOf(snapshot)) {
        const QString text = fromUtf8(error->message);
        exitCode = command.error(
            text.contains(path) ? text : QStringLiteral("cannot read snapshot %1: %2").arg(path, text));
        return std::nullopt;
    }
    return std::get<Snapshot>(std::move(snapshot));
}

QString takenAtNow()
{
    // Qt::ISODate of a UTC time has whole seconds and a trailing Z: "2026-11-21T05:00:00Z".
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// Each vantage's and capture's outcome as it ends, so that a slow one does not hide the others.
void reportVantage(const VantageRun &run)
{
    const QString name = fromUtf8(run.spec.name);
    if (!run.observation && !run.note.empty())
        return; // an expected condition: reportSnapshot prints it once, as the snapshot's info finding
    if (run.observation)
        printProgress(
            QStringLiteral("vantage %1: ok, %2 processes").arg(name).arg(run.observation->processes.size()));
    else
        printProgress(QStringLiteral("vantage %1: failed: %2").arg(name, fromUtf8(run.error)));
}

void reportCapture(const ParsedCapture &capture)
{
    const QString kind = fromUtf8(capture.status.kind);
    if (capture.status.ok)
        printProgress(QStringLiteral("capture %1: ok").arg(kind));
    else
        printProgress(QStringLiteral("capture %1: failed: %2").arg(kind, fromUtf8(capture.status.error)));
}

// What inference and the network model noticed, after the per-vantage lines.
void reportSnapshot(const Snapshot &snapshot)
{
    for (const VantageReport &report : snapshot.vantages)
        for (const std::string &warning : report.warnings)
            printProgress(
                QStringLiteral("vantage %1: warning: %2").arg(fromUtf8(report.name), fromUtf8(warning)));
    for (const std::vector<Finding> *findings : {&snapshot.findings, &snapshot.network.findings})
        for (const Finding &finding : *findings)
            printProgress(QStringLiteral("%1: %2").arg(QLatin1String(toString(finding.severity)),
                                                       fromUtf8(finding.text)));
}

// Writes the snapshot (atomically, or to stdout) and returns the exit code: 1 when a vantage failed.
int writeSnapshot(const CommandLine &command, const QString &path, const Snapshot &snapshot)
{
    QString writeError;
    if (!writeOutput(path, snapshotToJson(snapshot), writeError))
        return command.error(writeError);
    if (path != QLatin1String("-"))
        printProgress(QStringLiteral("wrote %1").arg(path));
    return snapshot.partial() ? ExitPartial : ExitOk;
}

// --host and --elevated, shared by plan and snapshot (DESIGN.md, "Command line additions").
struct HostOptions
{
    QCommandLineOption host{QStringLiteral("host"),
                            QStringLiteral("Discover and capture as on this kind of host: windows (wsl.exe, "
                                           "ipconfig.exe, powershell.exe, reg.exe, hnsdiag.exe from PATH, "
                                           ".wslconfig from $USERPROFILE), linux, or auto (default: what "
                                           "this machine is)."),
                            QStringLiteral("KIND"), QStringLiteral("auto")};
    QCommandLineOption elevated{QStringLiteral("elevated"),
                                QStringLiteral("With --host windows: count as elevated (administrator), so "
                                               "that the VM root vantage and hnsdiag are planned.")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({host, elevated}); }

    // The host facts the options ask for, or the exit code of a usage error.
    std::optional<HostFacts> facts(const CommandLine &command, const QCommandLineParser &parser,
                                   int &exitCode) const
    {
        const QString name = parser.value(host);
        const std::optional<HostKind> kind = hostKindFromName(name.toStdString());
        if (!kind) {
            exitCode = command.usageError(
                QStringLiteral("unknown host kind '%1'; use --host windows, linux or auto").arg(name));
            return std::nullopt;
        }
        if (parser.isSet(elevated) && *kind != HostKind::Windows) {
            exitCode = command.usageError(QStringLiteral("--elevated applies to --host windows only"));
            return std::nullopt;
        }
        return hostFacts(*kind, parser.isSet(elevated));
    }
};

// The discovered default plan (discovery's notes go out as progress lines), or the exit code of
// its one-line error.
std::optional<VantagePlan> defaultPlan(const CommandLine &command, const HostFacts &facts,
                                       std::chrono::milliseconds timeout, int &exitCode)
{
    QProcessRunner runner;
    const PlanDiscovery discovery = discoverPlan(facts, runner, timeout);
    if (!discovery.ok) {
        exitCode = command.error(fromUtf8(discovery.error));
        return std::nullopt;
    }
    for (const std::string &note : discovery.notes)
        printProgress(QStringLiteral("plan: %1").arg(fromUtf8(note)));
    return discovery.plan;
}

QString captureKindList()
{
    QStringList kinds;
    for (const CaptureKindInfo &info : captureKinds())
        kinds << fromUtf8(std::string(info.kind));
    return kinds.join(QLatin1String(", "));
}

// snapshot's own options, beside HostOptions.
struct SnapshotOptions
{
    QCommandLineOption plan{QStringLiteral("plan"),
                            QStringLiteral("The vantage plan to run (JSON, as printed by `plan`). "
                                           "Default: the default plan."),
                            QStringLiteral("FILE")};
    QCommandLineOption local{QStringLiteral("local"),
                             QStringLiteral("Snapshot this Linux host only (the plan `plan --local`).")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Where to write the snapshot; - for standard output."),
                              QStringLiteral("SNAP.json")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Stop a vantage or capture that has not finished after "
                                              "this many seconds (default 30)."),
                               QStringLiteral("SECONDS"), QStringLiteral("30")};
    QCommandLineOption keepOutputs{
        QStringLiteral("keep-outputs"),
        QStringLiteral("Also save each vantage's collector output in DIR as vantage-NAME.txt (a capture "
                       "folder for `import`; the desktop program's elevated helper uses it)."),
        QStringLiteral("DIR")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({plan, local, output, timeout, keepOutputs});
    }
};

// The plan file --plan names, parsed, or the exit code of its one-line error.
std::optional<VantagePlan> readPlan(const CommandLine &command, const QString &path, int &exitCode)
{
    QString readError;
    const std::optional<QByteArray> text = readFile(path, readError);
    if (!text) {
        exitCode = command.error(QStringLiteral("cannot read plan %1: %2").arg(path, readError));
        return std::nullopt;
    }
    Result<VantagePlan> plan =
        parsePlanJson(std::string_view(text->constData(), static_cast<std::size_t>(text->size())));
    if (const Error *error = errorOf(plan)) {
        exitCode = command.error(QStringLiteral("bad plan %1: %2").arg(path, fromUtf8(error->message)));
        return std::nullopt;
    }
    return std::get<VantagePlan>(std::move(plan));
}

// The plan snapshot runs: --plan's file, --local's plan or the discovered default one; or the exit code of
// the one-line error.
std::optional<VantagePlan> snapshotPlan(const CommandLine &command, const SnapshotOptions &options,
                                        const HostFacts &facts, std::chrono::milliseconds timeout,
                                        int &exitCode)
{
    const QCommandLineParser &parser = command.parser();
    if (parser.isSet(options.plan))
        return readPlan(command, parser.value(options.plan), exitCode);
    if (parser.isSet(options.local))
        return localPlan();
    return defaultPlan(command, facts, timeout, exitCode);
}

// Saves each vantage's collector output in dir under the capture folder's names (capture_folder.h):
// vantage-vm, vantage-system-DISTRO, vantage-DISTRO. A failed write is a warning line.
std::function<void(const VantageSpec &, const std::string &)> keepOutputsIn(const QDir &dir)
{
    return [dir](const VantageSpec &spec, const std::string &text) {
        QString name = fromUtf8(spec.name);
        name.replace(QLatin1Char(':'), QLatin1Char('-'));
        if (const std::optional<Error> error = writeFileAtomically(
                nativePath(dir.filePath(QStringLiteral("vantage-%1.txt").arg(name))), text))
            printProgress(QStringLiteral("vantage %1: warning: output not kept: %2")
                              .arg(name, fromUtf8(error->message)));
    };
}

// export's options.
struct ExportOptions
{
    QCommandLineOption view{QStringLiteral("view"),
                            QStringLiteral("The view: pid (the namespace graph, default) or network."),
                            QStringLiteral("VIEW"), QStringLiteral("pid")};
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("png, svg or dot (default: from the file name)."),
                              QStringLiteral("FORMAT")};
    QCommandLineOption scale{QStringLiteral("scale"),
                             QStringLiteral("PNG pixels per point: 1 (default) or 2 for high-DPI."),
                             QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption dark{QStringLiteral("dark"), QStringLiteral("Use the dark palette's colours.")};
    QCommandLineOption expand{
        QStringLiteral("processes-of"),
        QStringLiteral("pid view: also draw this namespace's processes (an id like pid:[4026532257])."),
        QStringLiteral("NS")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Where to write; - for standard output."),
                              QStringLiteral("FILE")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({view, format, scale, dark, expand, output});
    }
};

// The export the options ask for, and where to write it (path), or the exit code of a usage error.
std::optional<ExportRequest> exportRequest(const CommandLine &command, const ExportOptions &options,
                                           QString &path, int &exitCode)
{
    const QCommandLineParser &parser = command.parser();
    const auto usageError = [&](const QString &message) {
        exitCode = command.usageError(message);
        return std::optional<ExportRequest>();
    };
    ExportRequest request;
    const QString viewName = parser.value(options.view);
    if (const auto kind = diagramKindFromName(viewName))
        request.kind = *kind;
    else
        return usageError(
            QStringLiteral("unknown view '%1'; use --view pid or --view network").arg(viewName));
    if (!parser.isSet(options.output) || parser.value(options.output).isEmpty())
        return usageError(QStringLiteral("missing -o FILE (- for standard output)"));
    path = parser.value(options.output);

    const QString formatName = parser.value(options.format);
    if (!formatName.isEmpty()) {
        const auto chosen = exportFormatFromName(formatName);
        if (!chosen)
            return usageError(
                QStringLiteral("unknown format '%1'; use --format png, svg or dot").arg(formatName));
        request.format = *chosen;
    } else if (const auto byName = exportFormatFromPath(path)) {
        request.format = *byName;
    } else {
        return usageError(
            QStringLiteral("missing --format, and '%1' does not end in .png, .svg or .dot").arg(path));
    }
    const QString scaleText = parser.value(options.scale);
    if (scaleText == QLatin1String("1") || scaleText == QLatin1String("2"))
        request.scale = scaleText.toInt();
    else
        return usageError(QStringLiteral("--scale must be 1 or 2, not '%1'").arg(scaleText));
    request.dark = parser.isSet(options.dark);
    if (parser.isSet(options.expand)) {
        if (request.kind != DiagramKind::Namespaces)
            return usageError(QStringLiteral("--processes-of applies to --view pid only"));
        request.expandNamespace = parser.value(options.expand).toStdString();
    }
    return request;
}

// Writes the exported view to path, or to stdout for "-"; returns the exit code.
int writeExport(const CommandLine &command, const SnapshotAnalysis &analysis, const ExportRequest &request,
                const QString &path)
{
    QString exportError;
    if (path == QLatin1String("-")) {
        const std::optional<QByteArray> bytes = exportSnapshotViewData(analysis, request, &exportError);
        if (!bytes)
            return command.error(exportError);
        if (!writeStdout(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size()))))
            return command.error(QStringLiteral("cannot write to standard output"));
        return ExitOk;
    }
    if (!exportSnapshotView(analysis, request, path, &exportError))
        return command.error(exportError);
    return ExitOk;
}

// The capture folder as a readable QDir, or the exit code of its one-line error.
std::optional<QDir> captureFolder(const CommandLine &command, const QString &folder, int &exitCode)
{
    const QFileInfo info(folder);
    if (!info.exists()) {
        exitCode = command.error(QStringLiteral("no such folder %1").arg(folder));
        return std::nullopt;
    }
    if (!info.isDir()) {
        exitCode = command.error(QStringLiteral("%1 is not a folder").arg(folder));
        return std::nullopt;
    }
    QDir dir(folder);
    if (!dir.isReadable()) {
        exitCode = command.error(QStringLiteral("cannot read folder %1").arg(folder));
        return std::nullopt;
    }
    return dir;
}

// Every file of the folder, by name; those too large or unreadable go to ignored with the reason.
std::vector<FolderFile> readFolderFiles(const QDir &dir, std::vector<std::string> &ignored)
{
    // A collector output is a few MB even on a busy machine; anything far larger is not a capture.
    constexpr qint64 maxFileBytes = 256LL * 1024 * 1024;
    std::vector<FolderFile> files;
    for (const QFileInfo &entry : dir.entryInfoList(QDir::Files, QDir::Name)) {
        const std::string name = entry.fileName().toStdString();
        if (entry.size() > maxFileBytes) {
            ignored.push_back(name + ": larger than 256 MB");
            continue;
        }
        QString readError;
        std::optional<QByteArray> data = readFile(entry.filePath(), readError);
        if (!data) {
            ignored.push_back(name + ": cannot be read: " + readError.toStdString());
            continue;
        }
        files.push_back({name, data->toStdString()});
    }
    return files;
}

// The one error line when the folder holds nothing usable (no snapshot is written then), else nullopt.
std::optional<int> unusableFolder(const CommandLine &command, const Collection &collection,
                                  const QString &folder, std::size_t ignoredCount)
{
    if (collection.runs.empty() && collection.captures.empty())
        return command.error(QStringLiteral("%1 holds no capture files (vantage-NAME.txt, KIND.txt; "
                                            "%2 other files ignored; see 'wslatlas-cli import --help')")
                                 .arg(folder)
                                 .arg(ignoredCount));
    const bool anyRun = std::any_of(collection.runs.begin(), collection.runs.end(),
                                    [](const VantageRun &r) { return r.observation.has_value(); });
    const bool anyCapture = std::any_of(collection.captures.begin(), collection.captures.end(),
                                        [](const ParsedCapture &c) { return c.status.ok; });
    if (anyRun || anyCapture)
        return std::nullopt;
    const std::string first =
        collection.runs.empty() ? collection.captures.front().status.error : collection.runs.front().error;
    return command.error(QStringLiteral("none of the %1 capture files in %2 could be read; the first: %3")
                             .arg(collection.runs.size() + collection.captures.size())
                             .arg(folder, fromUtf8(first)));
}

} // namespace

int fail(const QString &message)
{
    printErrorLine(message);
    return ExitFailure;
}

void printText(const QString &text)
{
    writeText(false, text);
}

bool writeStdout(std::string_view data)
{
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size())
        return false;
    return std::fflush(stdout) == 0;
}

int runPlan(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("plan"), QStringLiteral("plan [--local] [--host windows|linux|auto [--elevated]]"),
        QStringLiteral("Print the default vantage plan as JSON: the commands that `snapshot` runs\n"
                       "the collector through, and the host captures it runs beside them. Edit it and\n"
                       "pass it to `snapshot --plan`.\n"
                       "\n"
                       "Where wsl.exe is reachable (Windows, or a distro through interop) the plan is\n"
                       "discovered from `wsl.exe -l -v` and `wsl.exe -l --running -q`: a vantage per\n"
                       "running WSL 2 distro, its WSLg system distro unless .wslconfig turns GUI apps\n"
                       "off, and the VM root when elevated; stopped distros are left alone. Elsewhere\n"
                       "it is the local plan. Exits 2 when wsl.exe cannot list the distros."));
    const QCommandLineOption local(QStringLiteral("local"),
                                   QStringLiteral("Print the plan for this Linux host instead (one \"host\" "
                                                  "vantage running `sh -s`)."));
    command.parser().addOption(local);
    const HostOptions hostOptions;
    hostOptions.addTo(command.parser());
    if (const auto done = command.parse(arguments))
        return *done;

    int exitCode = ExitOk;
    const std::optional<HostFacts> facts = hostOptions.facts(command, command.parser(), exitCode);
    if (!facts)
        return exitCode;
    VantagePlan plan = localPlan();
    if (!command.parser().isSet(local)) {
        std::optional<VantagePlan> discovered = defaultPlan(command, *facts, kDiscoveryTimeout, exitCode);
        if (!discovered)
            return exitCode;
        plan = std::move(*discovered);
    }
    if (!writeStdout(planToJson(plan)))
        return command.error(QStringLiteral("cannot write to standard output"));
    return ExitOk;
}

int runSnapshot(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("snapshot"),
        QStringLiteral("snapshot [--plan FILE | --local] -o SNAP.json [--timeout SECONDS] "
                       "[--host windows|linux|auto [--elevated]]"),
        QStringLiteral("Run the collector through every vantage of a plan at once, and the plan's host\n"
                       "captures beside them, and write the snapshot. Prints a line per vantage and per\n"
                       "capture as each ends. Exits 1 when some vantage failed (the snapshot is still\n"
                       "written, with the errors in it). A failed capture is reported and recorded in\n"
                       "the snapshot's \"captures\" but does not make the snapshot partial."));
    const SnapshotOptions snapshotOptions;
    snapshotOptions.addTo(command.parser());
    const HostOptions hostOptions;
    hostOptions.addTo(command.parser());
    if (const auto done = command.parse(arguments))
        return *done;

    QCommandLineParser &parser = command.parser();
    int exitCode = ExitOk;
    const std::optional<HostFacts> facts = hostOptions.facts(command, parser, exitCode);
    if (!facts)
        return exitCode;
    if (parser.isSet(snapshotOptions.plan) && parser.isSet(snapshotOptions.local))
        return command.usageError(QStringLiteral("--plan and --local exclude each other"));
    if (!parser.isSet(snapshotOptions.output) || parser.value(snapshotOptions.output).isEmpty())
        return command.usageError(QStringLiteral("missing -o SNAP.json (- for standard output)"));
    bool numeric = false;
    const double seconds = parser.value(snapshotOptions.timeout).toDouble(&numeric);
    if (!numeric || !std::isfinite(seconds) || seconds <= 0 || seconds > 24 * 3600)
        return command.usageError(QStringLiteral("--timeout wants a number of seconds above 0, not '%1'")
                                      .arg(parser.value(snapshotOptions.timeout)));

    const auto timeoutMs = std::chrono::milliseconds(std::llround(seconds * 1000));
    const std::optional<VantagePlan> plan =
        snapshotPlan(command, snapshotOptions, *facts, timeoutMs, exitCode);
    if (!plan)
        return exitCode;

    CollectOptions options;
    options.script = std::string(collectorScript());
    options.timeout = timeoutMs;
    options.onVantageDone = reportVantage;
    options.onCaptureDone = reportCapture;
    if (parser.isSet(snapshotOptions.keepOutputs))
        options.onVantageOutput = keepOutputsIn(QDir(parser.value(snapshotOptions.keepOutputs)));
    QProcessRunner runner;
    const Snapshot snapshot = takeSnapshot(*plan, runner, options, takenAtNow().toStdString());
    reportSnapshot(snapshot);
    return writeSnapshot(command, parser.value(snapshotOptions.output), snapshot);
}

int runTree(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("tree"),
                        QStringLiteral("tree SNAP.json [--no-processes] [--max-processes N] [--rss]"),
                        QStringLiteral("Print a snapshot's pid-namespace tree as text."));
    command.parser().addPositionalArgument(QStringLiteral("SNAP.json"),
                                           QStringLiteral("The snapshot to draw."));
    const QCommandLineOption noProcesses(QStringLiteral("no-processes"),
                                         QStringLiteral("Show the namespaces only."));
    const QCommandLineOption maxProcesses(QStringLiteral("max-processes"),
                                          QStringLiteral("List at most N processes per namespace."),
                                          QStringLiteral("N"));
    const QCommandLineOption rss(
        QStringLiteral("rss"),
        QStringLiteral(
            "Show resident memory per namespace (own and subtree) and per process, when collected."));
    command.parser().addOptions({noProcesses, maxProcesses, rss});
    if (const auto done =
            command.parse(arguments, 1, QStringLiteral("missing the snapshot file (SNAP.json)")))
        return *done;

    QCommandLineParser &parser = command.parser();
    TreeTextOptions options;
    options.processes = !parser.isSet(noProcesses);
    options.usage = parser.isSet(rss);
    if (parser.isSet(maxProcesses)) {
        bool numeric = false;
        options.maxProcesses = parser.value(maxProcesses).toInt(&numeric);
        if (!numeric || options.maxProcesses < 0)
            return command.usageError(
                QStringLiteral("--max-processes wants a whole number of 0 or more, not '%1'")
                    .arg(parser.value(maxProcesses)));
    }

    int exitCode = ExitOk;
    std::optional<Snapshot> snapshot =
        loadSnapshot(command, parser.positionalArguments().constFirst(), exitCode);
    if (!snapshot)
        return exitCode;
    if (!writeStdout(
            renderPidTree(SnapshotAnalysis(std::make_shared<const Snapshot>(std::move(*snapshot))), options)))
        return command.error(QStringLiteral("cannot write to standard output"));
    return ExitOk;
}

int runExport(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("export"),
        QStringLiteral("export SNAP.json --view pid|network --format png|svg|dot -o FILE"),
        QStringLiteral("Draw a view of a snapshot as the desktop program does, without a display (Qt's\n"
                       "offscreen platform), and write it as PNG, SVG or Graphviz DOT."));
    command.parser().addPositionalArgument(QStringLiteral("SNAP.json"),
                                           QStringLiteral("The snapshot to export."));
    const ExportOptions exportOptions;
    exportOptions.addTo(command.parser());
    if (const auto done =
            command.parse(arguments, 1, QStringLiteral("missing the snapshot file (SNAP.json)")))
        return *done;

    int exitCode = ExitOk;
    QString path;
    const std::optional<ExportRequest> request = exportRequest(command, exportOptions, path, exitCode);
    if (!request)
        return exitCode;
    std::optional<Snapshot> snapshot =
        loadSnapshot(command, command.parser().positionalArguments().constFirst(), exitCode);
    if (!snapshot)
        return exitCode;
    if (!request->expandNamespace.empty() && !snapshot->findNamespace(request->expandNamespace))
        return command.usageError(
            QStringLiteral("the snapshot has no pid namespace '%1'").arg(fromUtf8(request->expandNamespace)));

    const SnapshotAnalysis analysis(std::make_shared<const Snapshot>(std::move(*snapshot)));
    return writeExport(command, analysis, *request, path);
}

int runParse(const QStringList &arguments)
{
    QString kinds;
    for (const CaptureKindInfo &info : captureKinds())
        kinds += QStringLiteral("  %1%2\n")
                     .arg(fromUtf8(std::string(info.kind)), -20)
                     .arg(fromUtf8(std::string(info.source)));
    kinds.chop(1); // Qt's help adds its own blank line
    CommandLine command(
        QStringLiteral("parse"), QStringLiteral("parse KIND FILE"),
        QStringLiteral("Run one capture parser on one saved command output and print, as JSON, what\n"
                       "WSL Atlas understood from it (the snapshot's vocabulary). Paste an output into a\n"
                       "file to see how the program reads your machine. Exits 2, with one line saying\n"
                       "why, when the file cannot be read as that kind.\n"
                       "\n"
                       "Kinds, and the command whose output each reads:\n") +
            kinds);
    command.parser().addPositionalArgument(QStringLiteral("KIND"), QStringLiteral("The kind of output."));
    command.parser().addPositionalArgument(QStringLiteral("FILE"),
                                           QStringLiteral("The saved output; - for standard input."));
    if (const auto done = command.parse(arguments, 2, QStringLiteral("needs a KIND and a FILE")))
        return *done;

    const QStringList args = command.parser().positionalArguments();
    const QString &kind = args.at(0);
    const QString &path = args.at(1);
    if (!isCaptureKind(kind.toStdString()))
        return command.usageError(
            QStringLiteral("unknown capture kind '%1'; kinds: %2").arg(kind, captureKindList()));

    // Bytes as they are: the parsers detect UTF-16 and code pages themselves.
    QByteArray bytes;
    const bool fromStdin = path == QLatin1String("-");
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return command.error(QStringLiteral("cannot read standard input: %1").arg(in.errorString()));
        bytes = in.readAll();
    } else {
        QString readError;
        std::optional<QByteArray> data = readFile(path, readError);
        if (!data)
            return command.error(QStringLiteral("cannot read %1: %2").arg(path, readError));
        bytes = std::move(*data);
    }

    const ParsedCapture parsed = parseCapture(
        kind.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!parsed.status.ok)
        return command.error(QStringLiteral("%1: %2").arg(fromStdin ? QStringLiteral("standard input") : path,
                                                          fromUtf8(parsed.status.error)));
    if (!writeStdout(captureValuesToJson(parsed.values)))
        return command.error(QStringLiteral("cannot write to standard output"));
    return ExitOk;
}

int runImport(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("import"), QStringLiteral("import CAPTURE_DIR -o SNAP.json"),
        QStringLiteral("Make a snapshot from a capture folder: command outputs saved one per file (by\n"
                       "resources/capture-wsl.ps1, or by hand), instead of running anything. Names:\n"
                       "  vantage-vm.txt               the collector through wsl --debug-shell\n"
                       "  vantage-system-DISTRO.txt    the collector in DISTRO's WSLg system distro\n"
                       "  vantage-DISTRO.txt           the collector in DISTRO\n"
                       "  vantage-host.txt             the collector on a plain Linux host\n"
                       "  KIND.txt, KIND.LABEL.txt     a host capture (kinds: see 'parse --help'),\n"
                       "                               e.g. lxss-registry.hklm.txt\n"
                       "Other files are ignored with a warning. Exits 1 when some vantage file could\n"
                       "not be read (the snapshot is still written), 2 when the folder is missing or\n"
                       "holds nothing usable. A capture file that cannot be read is reported but does\n"
                       "not make the snapshot partial."));
    command.parser().addPositionalArgument(QStringLiteral("CAPTURE_DIR"),
                                           QStringLiteral("The folder of saved outputs."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Where to write the snapshot; - for standard output."),
                                    QStringLiteral("SNAP.json"));
    command.parser().addOption(output);
    if (const auto done =
            command.parse(arguments, 1, QStringLiteral("missing the capture folder (CAPTURE_DIR)")))
        return *done;
    QCommandLineParser &parser = command.parser();
    if (!parser.isSet(output) || parser.value(output).isEmpty())
        return command.usageError(QStringLiteral("missing -o SNAP.json (- for standard output)"));

    const QString folder = parser.positionalArguments().constFirst();
    int exitCode = ExitOk;
    const std::optional<QDir> dir = captureFolder(command, folder, exitCode);
    if (!dir)
        return exitCode;
    std::vector<std::string> ignored;
    const std::vector<FolderFile> files = readFolderFiles(*dir, ignored);
    const Collection collection = collectionFromFolder(files, ignored);
    if (const std::optional<int> failed = unusableFolder(command, collection, folder, ignored.size()))
        return *failed;

    for (const std::string &why : ignored)
        printProgress(QStringLiteral("warning: ignored %1").arg(fromUtf8(why)));
    for (const VantageRun &run : collection.runs)
        reportVantage(run);
    for (const ParsedCapture &capture : collection.captures)
        reportCapture(capture);
    const Snapshot snapshot = snapshotFrom(collection, takenAtNow().toStdString());
    reportSnapshot(snapshot);
    return writeSnapshot(command, parser.value(output), snapshot);
}

} // namespace wslatlas::cli
