#include "collection_controller.h"

#include "capture_parsers.h"
#include "collector_output.h"
#include "collector_script.h"
#include "default_plan.h"
#include "file_io.h"
#include "qprocess_runner.h"
#include "snapshot_json.h"
#include "windows_elevation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QMetaObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

#include <algorithm>
#include <exception>
#include <utility>
#include <variant>

namespace wslatlas {

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// As the CLI stamps its snapshots: UTC, whole seconds, a trailing Z.
std::string takenAtNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

// Windows asks the user (UAC); elsewhere WSLATLAS_RUNAS names a stand-in, which is how the tests run it.
bool elevatedHelperAvailable()
{
#ifdef Q_OS_WIN
    return true;
#else
    return !qEnvironmentVariableIsEmpty("WSLATLAS_RUNAS");
#endif
}

QString helperProgram()
{
    QString chosen = qEnvironmentVariable("WSLATLAS_HELPER_CLI"); // tests: the built wslatlas-cli
    if (!chosen.isEmpty())
        return chosen;
#ifdef Q_OS_WIN
    return QCoreApplication::applicationDirPath() + QStringLiteral("/wslatlas-cli.exe");
#else
    return QCoreApplication::applicationDirPath() + QStringLiteral("/wslatlas-cli");
#endif
}

// Runs the helper elevated and waits: ShellExecuteEx with "runas" on Windows, the stand-in elsewhere.
ElevatedRun runHelperElevated(const QStringList &arguments, std::chrono::milliseconds timeout)
{
#ifdef Q_OS_WIN
    std::vector<std::wstring> args;
    for (const QString &arg : arguments)
        args.push_back(arg.toStdWString());
    return runElevated(helperProgram().toStdWString(), args, static_cast<unsigned long>(timeout.count()));
#else
    QProcess process;
    process.start(qEnvironmentVariable("WSLATLAS_RUNAS"), QStringList{helperProgram()} + arguments);
    ElevatedRun run;
    if (!process.waitForStarted()) {
        run.error = "the elevation stand-in could not be started";
        return run;
    }
    process.waitForFinished(static_cast<int>(timeout.count()));
    run.exitCode = process.exitCode();
    // ERROR_CANCELLED (1223), as ShellExecuteEx reports a declined prompt, in a POSIX exit status's 8 bits.
    run.declined = run.exitCode == (1223 & 0xff);
    run.started = !run.declined;
    return run;
#endif
}

// The VM root through an elevated helper, for a process that is not elevated: `wslatlas-cli snapshot` on
// a plan of the VM vantage and `wsl.exe -l -v`, keeping the collector's output in a folder read here. A
// declined prompt is a note. An administrator who is another user (over-the-shoulder elevation) has other
// distros (none, usually) and another debug shell: said so, and the VM root is left out.
VantageRun vmThroughHelper(std::chrono::milliseconds timeout)
{
    VantageRun run;
    run.spec = vmRootVantage();
    QTemporaryDir dir;
    VantagePlan plan;
    plan.vantages = {vmRootVantage()};
    plan.captures = {{"wsl-list", {"wsl.exe", "-l", "-v"}}};
    const QString planPath = dir.filePath(QStringLiteral("plan.json"));
    if (!dir.isValid()) {
        run.error = "no temporary folder for the elevated helper";
        return run;
    }
    if (const std::optional<Error> error = writeFileAtomically(planPath.toStdString(), planToJson(plan))) {
        run.error = "cannot hand the plan to the elevated helper: " + error->message;
        return run;
    }
    const auto seconds =
        std::max<long long>(1, std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
    const ElevatedRun helper = runHelperElevated(
        {QStringLiteral("snapshot"), QStringLiteral("--plan"), planPath, QStringLiteral("--keep-outputs"),
         dir.path(), QStringLiteral("-o"), dir.filePath(QStringLiteral("helper.json")),
         QStringLiteral("--timeout"), QString::number(seconds)},
        timeout + std::chrono::seconds(30));
    if (helper.declined) {
        run.note = "the administrator prompt was declined, so the VM root is left out";
        run.noteCode = FindingCode::ElevationDeclined;
        return run;
    }
    if (!helper.started) {
        run.error = helper.error;
        return run;
    }
    const Result<Snapshot> seen = loadSnapshotFile(dir.filePath(QStringLiteral("helper.json")).toStdString());
    if (const auto *helperSnapshot = std::get_if<Snapshot>(&seen);
        helperSnapshot && helperSnapshot->distros.empty()) {
        run.note = "the administrator who approved the prompt is another user (over-the-shoulder "
                   "elevation): that account has no WSL distros and its own debug shell, so the VM root is "
                   "left out; run WSL Atlas as administrator from your own account instead";
        run.noteCode = FindingCode::ElevationOtherUser;
        return run;
    }
    QFile output(dir.filePath(QStringLiteral("vantage-vm.txt")));
    if (!output.open(QIODevice::ReadOnly)) {
        run.error = "the elevated helper saved no output of the VM root (exit code " +
                    std::to_string(helper.exitCode) + ")";
        return run;
    }
    auto parsed = parseCollectorOutput(output.readAll().toStdString());
    if (auto *observation = std::get_if<VantageObservation>(&parsed))
        run.observation = std::move(*observation);
    else
        run.error = std::get<Error>(parsed).message;
    return run;
}

// The plan file, parsed into plan; or why it could not be read.
std::optional<QString> readPlanFile(const QString &path, VantagePlan &plan)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return CollectionController::tr("cannot read plan %1: %2").arg(path, file.errorString());
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return CollectionController::tr("cannot read plan %1: %2").arg(path, file.errorString());
    Result<VantagePlan> parsed =
        parsePlanJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (const Error *error = errorOf(parsed))
        return CollectionController::tr("bad plan %1: %2").arg(path, fromUtf8(error->message));
    plan = std::get<VantagePlan>(std::move(parsed));
    return std::nullopt;
}

} // namespace

std::optional<VantageRun> applyVmRootChoice(VantagePlan &plan, bool includeVmRoot, bool elevated)
{
    auto isVm = [](const VantageSpec &spec) { return spec.role == VantageRole::Vm; };
    if (!includeVmRoot) {
        std::erase_if(plan.vantages, isVm);
        return std::nullopt;
    }
    // Nothing planned at all: no WSL 2 distro runs, so there is no VM to look into either.
    if (elevated || plan.vantages.empty() || std::any_of(plan.vantages.begin(), plan.vantages.end(), isVm))
        return std::nullopt;
    // The vantage an elevated discovery would have planned, so that the report names the real command.
    VantageRun refused;
    refused.spec = vmRootVantage();
    refused.error = std::string(kVmRootNeedsAdministrator);
    return refused;
}

// One start(): shared by the controller and its worker. The outcome is written by the worker before it
// ends and read on the controller's thread after QThread::finished, which orders the two.
struct CollectionController::Run
{
    enum class End
    {
        Finished,
        Failed,
        Canceled
    };

    QProcessRunner runner; // cancel() reaches it from the controller's thread
    End end = End::Failed;
    std::shared_ptr<const Snapshot> snapshot;
    std::shared_ptr<const SnapshotAnalysis> analysis;
    QString message;

    void fail(QString why)
    {
        end = End::Failed;
        message = std::move(why);
    }
    // True, and the run canceled, once cancel() has reached the runner.
    bool canceledNow()
    {
        if (!runner.isCanceled())
            return false;
        end = End::Canceled;
        return true;
    }
};

CollectionController::CollectionController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const Snapshot>>();
    qRegisterMetaType<std::shared_ptr<const SnapshotAnalysis>>();
    qRegisterMetaType<CollectionRequest>();
}

CollectionController::~CollectionController()
{
    if (m_check) { // killed and waited for by its destructor, with nothing emitted
        m_check->disconnect(this);
        delete std::exchange(m_check, nullptr);
    }
    if (!m_thread)
        return;
    // Nothing more is emitted: the worker's queued calls die with this object.
    m_thread->disconnect(this);
    m_run->runner.cancel();
    m_thread->wait(); // the commands are being killed: this is short
    delete m_thread;
}

bool CollectionController::isRunning() const
{
    return m_thread != nullptr;
}

bool CollectionController::wslAvailable()
{
    std::string error;
    const std::optional<HostFacts> facts = hostFactsFromEnvironment(error);
    return facts && facts->wslReachable;
}

void CollectionController::start(const CollectionRequest &request)
{
    if (m_thread)
        return;
    m_cancelRequested = false;
    m_run = std::make_shared<Run>();
    // The worker holds the Run too: it outlives the controller's reference if the controller lets go first.
    m_thread = QThread::create([this, run = m_run, request] {
        try {
            work(*run, request);
        } catch (const std::exception &e) {
            run->end = Run::End::Failed;
            run->message =
                tr("the collection stopped on an internal error: %1").arg(QString::fromUtf8(e.what()));
        }
    });
    m_thread->setObjectName(QStringLiteral("wslatlas-collection"));
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &CollectionController::workerEnded, Qt::QueuedConnection);
    m_thread->start();
}

void CollectionController::cancel()
{
    if (!m_thread || m_cancelRequested)
        return;
    m_cancelRequested = true;
    m_run->runner.cancel();
}

void CollectionController::checkRunning()
{
    if (m_check)
        return;
    std::string hostError;
    const std::optional<HostFacts> facts = hostFactsFromEnvironment(hostError);
    if (!facts || !facts->wslReachable) {
        QMetaObject::invokeMethod(
            this, [this] { emit runningChecked({}, false); }, Qt::QueuedConnection);
        return;
    }
    m_check = new QProcess(this);
    m_check->setProgram(QStringLiteral("wsl.exe"));
    m_check->setArguments({QStringLiteral("-l"), QStringLiteral("--running"), QStringLiteral("-q")});
    m_check->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_WIN
    m_check->setCreateProcessArgumentsModifier(
        [](QProcess::CreateProcessArguments *args) { args->flags |= CREATE_NO_WINDOW; });
#endif
    auto done = [this](bool ok) {
        QProcess *process = std::exchange(m_check, nullptr);
        const QByteArray out = process->readAllStandardOutput();
        process->deleteLater();
        QStringList names;
        const std::string text =
            decodeCaptureText(std::string_view(out.constData(), static_cast<std::size_t>(out.size())));
        for (const QString &line : fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (const QString name = line.trimmed(); !name.isEmpty())
                names << name;
        names.sort();
        emit runningChecked(names, ok);
    };
    connect(m_check, &QProcess::finished, this, [done](int code, QProcess::ExitStatus status) {
        done(status == QProcess::NormalExit && code == 0);
    });
    connect(m_check, &QProcess::errorOccurred, this, [done](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done(false);
    });
    QTimer::singleShot(kDiscoveryTimeout, m_check, [process = m_check] { process->kill(); });
    m_check->start(QIODevice::ReadOnly);
}

void CollectionController::post(std::function<void()> emitter)
{
    // Queued to this object's thread; dropped once cancel() was asked for, so that canceled() comes alone.
    QMetaObject::invokeMethod(
        this,
        [this, emitter = std::move(emitter)] {
            if (!m_cancelRequested)
                emitter();
        },
        Qt::QueuedConnection);
}

// On the worker thread. Emits only through post().
void CollectionController::work(Run &run, const CollectionRequest &request)
{
    VantagePlan plan;
    std::optional<VantageRun> refusedVm;
    if (!choosePlan(run, request, plan, refusedVm) || run.canceledNow())
        return;
    collectPlan(run, request, plan, std::move(refusedVm));
}

bool CollectionController::choosePlan(Run &run, const CollectionRequest &request, VantagePlan &plan,
                                      std::optional<VantageRun> &refusedVm)
{
    switch (request.source) {
    case SnapshotSource::PlanFile:
        if (std::optional<QString> error = readPlanFile(request.planFile, plan)) {
            run.fail(std::move(*error));
            return false;
        }
        return true;
    case SnapshotSource::LocalHost:
        plan = localPlan();
        return true;
    case SnapshotSource::Automatic:
    case SnapshotSource::Wsl:
        return discoverWslPlan(run, request, plan, refusedVm);
    }
    return true;
}

bool CollectionController::discoverWslPlan(Run &run, const CollectionRequest &request, VantagePlan &plan,
                                           std::optional<VantageRun> &refusedVm)
{
    // WSLATLAS_HOST and WSLATLAS_ELEVATED: the seam the CLI's --host opens (default_plan.h).
    std::string hostError;
    const std::optional<HostFacts> hostFacts = hostFactsFromEnvironment(hostError);
    if (!hostFacts) {
        run.fail(fromUtf8(hostError));
        return false;
    }
    const HostFacts &facts = *hostFacts;
    if (request.source == SnapshotSource::Wsl && !facts.wslReachable) {
        run.fail(tr("wsl.exe was not found on PATH: install WSL (wsl --install), or collect from this "
                    "host or a plan file instead"));
        return false;
    }
    const PlanDiscovery discovery = discoverPlan(facts, run.runner, request.timeout);
    if (run.canceledNow())
        return false;
    if (!discovery.ok) {
        run.fail(fromUtf8(discovery.error));
        return false;
    }
    for (const std::string &text : discovery.notes)
        post([this, message = fromUtf8(text)] { emit note(message); });
    plan = discovery.plan;
    if (facts.wslReachable) // the local fallback has no VM root to choose
        refusedVm = applyVmRootChoice(plan, request.includeVmRoot, facts.elevated);
    if (refusedVm && facts.windowsHost && elevatedHelperAvailable()) // ask for elevation separately
        refusedVm = vmThroughHelper(request.timeout);
    return true;
}

void CollectionController::collectPlan(Run &run, const CollectionRequest &request, const VantagePlan &plan,
                                       std::optional<VantageRun> refusedVm)
{
    const int total = static_cast<int>(plan.vantages.size()) + (refusedVm ? 1 : 0);
    post([this, total, captures = static_cast<int>(plan.captures.size())] { emit started(total, captures); });

    int done = 0;
    auto reportVantage = [this, &done, total](const VantageRun &vantage) {
        ++done;
        // A note (GUI apps off, a data-only distro) is no failure: ok, with the note as the message.
        const QString message = vantage.observation
                                    ? tr("%1 processes").arg(vantage.observation->processes.size())
                                : vantage.note.empty() ? fromUtf8(vantage.error)
                                                       : fromUtf8(vantage.note);
        const bool ok = vantage.observation.has_value() || !vantage.note.empty();
        post([this, name = fromUtf8(vantage.spec.name), ok, message, done = done, total] {
            emit vantageFinished(name, ok, message, done, total);
        });
    };
    if (refusedVm)
        reportVantage(*refusedVm);

    CollectOptions options;
    options.script = std::string(collectorScript());
    options.timeout = request.timeout;
    options.onVantageDone = reportVantage;
    options.onCaptureDone = [this](const ParsedCapture &capture) {
        post([this, kind = fromUtf8(capture.status.kind), ok = capture.status.ok,
              message = capture.status.ok ? QString() : fromUtf8(capture.status.error)] {
            emit captureFinished(kind, ok, message);
        });
    };
    Collection collection = collect(plan, run.runner, options);
    if (run.canceledNow())
        return;
    if (refusedVm)
        collection.runs.insert(collection.runs.begin(), std::move(*refusedVm));
    run.snapshot = std::make_shared<const Snapshot>(snapshotFrom(collection, takenAtNow()));
    run.analysis = analyze(run.snapshot); // here, off the GUI thread
    run.end = Run::End::Finished;
}

void CollectionController::workerEnded()
{
    // QThread::finished comes after every call the worker queued, so the outcome is the last word.
    QThread *thread = std::exchange(m_thread, nullptr);
    thread->deleteLater();
    const std::shared_ptr<Run> run = std::exchange(m_run, nullptr);
    const bool wasCanceled = m_cancelRequested || run->end == Run::End::Canceled;
    m_cancelRequested = false;
    if (wasCanceled)
        emit canceled();
    else if (run->end == Run::End::Failed)
        emit failed(run->message);
    else
        emit finished(run->snapshot, run->analysis);
}

} // namespace wslatlas
