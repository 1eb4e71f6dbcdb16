#pragma once
// Takes a snapshot for the GUI without blocking it: discovery (or reading a plan file) and the
// collection run on a worker QThread with a QProcessRunner; progress and the outcome come back as
// signals, queued to the controller's own thread. Qt Core only.
#include "analysis.h"
#include "collect.h"
#include "snapshot.h"
#include "vantage_plan.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

QT_BEGIN_NAMESPACE
class QProcess;
class QThread;
QT_END_NAMESPACE

namespace wslatlas {

enum class SnapshotSource
{
    Automatic, // WSL when wsl.exe is reachable, else this Linux host
    Wsl,       // the plan discovered from wsl.exe; fails when wsl.exe is not reachable
    LocalHost, // localPlan(): `sh -s` on this host
    PlanFile   // CollectionRequest::planFile, used as it is
};

struct CollectionRequest
{
    SnapshotSource source = SnapshotSource::Automatic;
    QString planFile; // for PlanFile: a plan JSON as `wslatlas-cli plan` writes
    // For a discovered WSL plan only (Automatic or Wsl): add the VM root vantage (wsl --debug-shell),
    // which needs administrator rights. When false, a VM vantage that discovery planned is dropped.
    bool includeVmRoot = false;
    std::chrono::milliseconds timeout{30000}; // per command, for discovery and for the collection
};

// The error of the VM root vantage when it was asked for without administrator rights.
inline constexpr std::string_view kVmRootNeedsAdministrator =
    "needs administrator: restart WSL Atlas as administrator";

// Applies the "include the VM root" choice to a discovered WSL plan. Not wanted: the plan's VM vantage
// goes. Wanted but not possible (not elevated, so discovery planned none): returns the VM vantage as a
// failed run (kVmRootNeedsAdministrator) for the caller to report and keep in the snapshot.
std::optional<VantageRun> applyVmRootChoice(VantagePlan &plan, bool includeVmRoot, bool elevated);

// One collection at a time. After start() exactly one of finished(), failed() or canceled() follows;
// before it, note() (discovery's findings), started(), then vantageFinished() and captureFinished()
// as each command ends. After cancel() nothing but canceled() is emitted. The VM root asked for but
// not possible counts as a vantage: it is reported first, failed, and kept in the (partial) snapshot.
class CollectionController : public QObject
{
    Q_OBJECT
public:
    explicit CollectionController(QObject *parent = nullptr);
    ~CollectionController() override; // cancels and joins the worker; emits nothing more

    // From start() until its final signal is emitted.
    bool isRunning() const;
    static bool wslAvailable(); // wsl.exe reachable (hostFactsFromEnvironment: WSLATLAS_HOST)

public slots:
    void start(const wslatlas::CollectionRequest &request); // ignored while running
    // Stops every command at once (their process groups are killed); canceled() follows as soon as
    // the worker has unwound, without the GUI thread waiting for it. Does nothing when not running.
    void cancel();
    // The light check between full refreshes: `wsl.exe -l --running -q` only. Listing wakes nothing,
    // while a full refresh runs a command in every running distro and so keeps them (idle timeout 15 s)
    // and the VM (60 s, WslCoreConfig.h in microsoft/WSL) running. runningChecked() follows; ignored
    // while a check is under way. Independent of start().
    void checkRunning();

signals:
    void note(const QString &message); // what discovery found and left out (stopped distros...)
    void started(int vantageCount, int captureCount); // after discovery
    // message: the error when !ok, else "N processes", or the note of a vantage that had nothing to show
    // for an expected reason (GUI apps off for the distro, a data-only distro). done counts up from 1 to
    // total.
    void vantageFinished(const QString &name, bool ok, const QString &message, int done, int total);
    void captureFinished(const QString &kind, bool ok, const QString &message); // message empty when ok
    // Complete, maybe partial; the analysis (of that snapshot) was built on the worker thread.
    void finished(std::shared_ptr<const wslatlas::Snapshot> snapshot,
                  std::shared_ptr<const wslatlas::SnapshotAnalysis> analysis);
    void failed(const QString &message); // no snapshot: one line saying what to do
    void canceled();
    // The running distros, sorted; ok false when wsl.exe is not reachable or failed.
    void runningChecked(const QStringList &names, bool ok);

private:
    struct Run;
    void post(std::function<void()> emitter); // from the worker: runs emitter on this thread
    void work(Run &run, const CollectionRequest &request);
    // work's steps. choosePlan and discoverWslPlan return false when the run ended there (failed, canceled).
    bool choosePlan(Run &run, const CollectionRequest &request, VantagePlan &plan,
                    std::optional<VantageRun> &refusedVm);
    bool discoverWslPlan(Run &run, const CollectionRequest &request, VantagePlan &plan,
                         std::optional<VantageRun> &refusedVm);
    void collectPlan(Run &run, const CollectionRequest &request, const VantagePlan &plan,
                     std::optional<VantageRun> refusedVm);
    void workerEnded();

    QProcess *m_check = nullptr; // the light check under way
    QThread *m_thread = nullptr;
    std::shared_ptr<Run> m_run;
    bool m_cancelRequested = false; // this thread only
};

} // namespace wslatlas

Q_DECLARE_METATYPE(wslatlas::CollectionRequest)
Q_DECLARE_METATYPE(std::shared_ptr<const wslatlas::Snapshot>)
Q_DECLARE_METATYPE(std::shared_ptr<const wslatlas::SnapshotAnalysis>)
