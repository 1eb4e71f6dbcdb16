// CollectionController on real processes: plans of `cat` over seed 003's collector outputs, a failing
// vantage, unreadable plans, cancelling slow commands, this host, and discovery through a stand-in
// wsl.exe; the controller's thread keeps running its event loop all along.
#include "collection_controller.h"
#include "process_probe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using namespace wslatlas;
using namespace wslatlas::test;

namespace {

// Deadline tests: the commands would run for over two minutes; stopping them must take a small fraction of
// that, which a busy machine cannot stretch and a real wait goes far past.
constexpr std::chrono::milliseconds kNotWaited = std::chrono::seconds(15);

const QString kSeed = QStringLiteral(WSLATLAS_FIXTURES_DIR "/seed003/");

// Runs this thread's event loop until the controller's final signal; false when limitMs passed first.
bool waitForEnd(CollectionController &controller, int limitMs)
{
    if (!controller.isRunning())
        return true;
    QEventLoop loop;
    bool ended = false;
    auto end = [&] {
        ended = true;
        loop.quit();
    };
    QObject::connect(&controller, &CollectionController::finished, &loop, end);
    QObject::connect(&controller, &CollectionController::failed, &loop, end);
    QObject::connect(&controller, &CollectionController::canceled, &loop, end);
    QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
    loop.exec();
    return ended;
}

// Lets queued signals that should not come have their chance to come.
void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Every signal of one controller, in order, with where it was delivered.
struct Recorder
{
    explicit Recorder(CollectionController &c)
        : started(&c, &CollectionController::started), vantages(&c, &CollectionController::vantageFinished),
          captures(&c, &CollectionController::captureFinished), finished(&c, &CollectionController::finished),
          failed(&c, &CollectionController::failed), canceled(&c, &CollectionController::canceled),
          notes(&c, &CollectionController::note)
    {
        auto log = [this](const char *what) {
            return [this, what] {
                order.push_back(what);
                if (QThread::currentThread() != c_thread)
                    offThread = true;
            };
        };
        QObject::connect(&c, &CollectionController::started, &c, log("started"));
        QObject::connect(&c, &CollectionController::vantageFinished, &c, log("vantage"));
        QObject::connect(&c, &CollectionController::captureFinished, &c, log("capture"));
        QObject::connect(&c, &CollectionController::finished, &c, log("finished"));
        QObject::connect(&c, &CollectionController::failed, &c, log("failed"));
        QObject::connect(&c, &CollectionController::canceled, &c, log("canceled"));
    }

    std::shared_ptr<const Snapshot> snapshot() const
    {
        return finished.isEmpty() ? nullptr
                                  : finished.first().first().value<std::shared_ptr<const Snapshot>>();
    }

    QThread *c_thread = QThread::currentThread();
    QSignalSpy started, vantages, captures, finished, failed, canceled, notes;
    std::vector<std::string> order;
    bool offThread = false;
};

class CollectionControllerTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    // No command may outlive its collection, not even as a zombie.
    void TearDown() override
    {
        for (const ProcInfo &child : childrenOfThisProcess())
            ADD_FAILURE() << "child left behind: pid " << child.pid << " state " << child.state
                          << " cmdline '" << child.cmdline << "'";
    }

    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
        file.write(bytes);
        return path;
    }

    CollectionRequest planRequest(const QString &json) const
    {
        CollectionRequest request;
        request.source = SnapshotSource::PlanFile;
        request.planFile = writeFile(QStringLiteral("plan.json"), json.toUtf8());
        request.timeout = 20s;
        return request;
    }

    // Seed 003's four vantages, each printing its saved collector output; one takes its time.
    // The seed article's vantages; the WSLg one first runs `before` (a shell snippet).
    CollectionRequest seedPlan(const QString &before = QStringLiteral("true")) const
    {
        return planRequest(QStringLiteral(R"({"vantages": [
              {"name": "vm", "role": "vm", "command": ["cat", "%1vm.txt"]},
              {"name": "system:Ubuntu-20.04", "role": "system", "distro": "Ubuntu-20.04",
               "command": ["sh", "-c", "%2; exec cat \"$0\"", "%1system-ubuntu2004.txt"]},
              {"name": "Ubuntu-20.04", "role": "distro", "distro": "Ubuntu-20.04",
               "command": ["cat", "%1ubuntu2004.txt"]},
              {"name": "Ubuntu-18.04", "role": "distro", "distro": "Ubuntu-18.04",
               "command": ["cat", "%1ubuntu1804.txt"]}
            ], "captures": [
              {"kind": "resolv-conf", "command": ["sh", "-c", "echo nameserver 172.19.128.1"]}
            ]})")
                               .arg(kSeed, before));
    }

    // Vantages that never end by themselves; each sleep has its own length, to be found in /proc.
    CollectionRequest slowPlan(const std::vector<std::string> &sleeps) const
    {
        QString vantages;
        for (std::size_t i = 0; i < sleeps.size(); ++i)
            vantages +=
                QStringLiteral(R"(%1{"name": "slow%2", "role": "host", "command": ["sh", "-c", "%3"]})")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .arg(QString::fromStdString(sleeps[i]));
        return planRequest(QStringLiteral(R"({"vantages": [%1]})").arg(vantages));
    }

    QTemporaryDir m_dir;
};

TEST_F(CollectionControllerTest, APlanFileOfSeedOutputsGivesTheArticlesTreeWhileTheEventLoopRuns)
{
    CollectionController controller;
    Recorder r(controller);

    // The controller's thread must keep ticking while the worker waits on the slow vantage: that vantage
    // waits for a gate file that only the 20th tick on this thread creates (and gives up after 60 s, so
    // that a blocked thread fails the test instead of hanging it).
    const QString gate = m_dir.filePath(QStringLiteral("gate"));
    int ticks = 0;
    int ticksBeforeEnd = -1;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (++ticks == 20)
            writeFile(QStringLiteral("gate"), "open");
    });
    QObject::connect(&controller, &CollectionController::finished, [&] { ticksBeforeEnd = ticks; });

    controller.start(seedPlan(QStringLiteral("i=0; while [ ! -e '%1' ] && [ $i -lt 1200 ]; do "
                                             "i=$((i + 1)); sleep 0.05; done; [ -e '%1' ]")
                                  .arg(gate)));
    EXPECT_TRUE(controller.isRunning());
    ticker.start();
    ASSERT_TRUE(waitForEnd(controller, 120000));
    ticker.stop();
    EXPECT_FALSE(controller.isRunning());

    EXPECT_GE(ticksBeforeEnd, 20) << "the controller's thread was blocked while the worker waited";
    EXPECT_FALSE(r.offThread) << "signals must arrive on the controller's thread";

    ASSERT_EQ(r.started.count(), 1);
    EXPECT_EQ(r.started.first().at(0).toInt(), 4);
    EXPECT_EQ(r.started.first().at(1).toInt(), 1);
    ASSERT_EQ(r.vantages.count(), 4);
    std::set<QString> names;
    for (int i = 0; i < r.vantages.count(); ++i) {
        const QList<QVariant> &args = r.vantages.at(i);
        names.insert(args.at(0).toString());
        EXPECT_TRUE(args.at(1).toBool()) << args.at(2).toString().toStdString();
        EXPECT_EQ(args.at(3).toInt(), i + 1) << "done counts up";
        EXPECT_EQ(args.at(4).toInt(), 4);
    }
    EXPECT_EQ(names, (std::set<QString>{QStringLiteral("vm"), QStringLiteral("system:Ubuntu-20.04"),
                                        QStringLiteral("Ubuntu-20.04"), QStringLiteral("Ubuntu-18.04")}));
    EXPECT_EQ(r.vantages.last().at(0).toString(), QStringLiteral("system:Ubuntu-20.04")) << "the slow one";
    for (const QList<QVariant> &args : r.vantages) {
        if (args.at(0).toString() == QLatin1String("Ubuntu-20.04")) {
            EXPECT_EQ(args.at(2).toString(), QStringLiteral("11 processes"));
        }
    }
    ASSERT_EQ(r.captures.count(), 1);
    EXPECT_EQ(r.captures.first().at(0).toString(), QStringLiteral("resolv-conf"));
    EXPECT_TRUE(r.captures.first().at(1).toBool());
    EXPECT_TRUE(r.captures.first().at(2).toString().isEmpty());
    EXPECT_EQ(r.failed.count(), 0);
    EXPECT_EQ(r.canceled.count(), 0);
    ASSERT_EQ(r.finished.count(), 1);
    EXPECT_EQ(r.order.front(), "started");
    EXPECT_EQ(r.order.back(), "finished");

    const std::shared_ptr<const Snapshot> snapshot = r.snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_FALSE(snapshot->partial());
    EXPECT_TRUE(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"))
                    .match(QString::fromStdString(snapshot->takenAt))
                    .hasMatch())
        << snapshot->takenAt;
    const std::vector<std::pair<std::string, std::string>> tree{
        {"pid:[4026531836]", ""},
        {"pid:[4026532245]", "pid:[4026531836]"},
        {"pid:[4026532257]", "pid:[4026532245]"},
        {"pid:[4026532771]", "pid:[4026531836]"},
        {"pid:[4026532784]", "pid:[4026532771]"},
    };
    EXPECT_EQ(snapshot->pidNamespaces.size(), tree.size());
    for (const auto &[id, parent] : tree) {
        const PidNamespace *ns = snapshot->findNamespace(id);
        ASSERT_NE(ns, nullptr) << id;
        EXPECT_EQ(ns->parent, parent) << id;
    }
}

TEST_F(CollectionControllerTest, AFailingVantageIsReportedAndTheSnapshotStillArrives)
{
    CollectionController controller;
    Recorder r(controller);
    controller.start(planRequest(QStringLiteral(R"({"vantages": [
      {"name": "Ubuntu-20.04", "role": "distro", "distro": "Ubuntu-20.04", "command": ["cat", "%1ubuntu2004.txt"]},
      {"name": "broken", "role": "distro", "distro": "broken",
       "command": ["sh", "-c", "echo 'there is no distribution with the supplied name' >&2; exit 3"]}
    ]})")
                                     .arg(kSeed)));
    ASSERT_TRUE(waitForEnd(controller, 30000));
    ASSERT_EQ(r.vantages.count(), 2);
    bool sawBroken = false;
    for (const QList<QVariant> &args : r.vantages) {
        if (args.at(0).toString() != QLatin1String("broken"))
            continue;
        sawBroken = true;
        EXPECT_FALSE(args.at(1).toBool());
        const QString message = args.at(2).toString();
        EXPECT_TRUE(message.contains(QLatin1String("exited with code 3"))) << message.toStdString();
        EXPECT_TRUE(message.contains(QLatin1String("no distribution with the supplied name")))
            << message.toStdString();
    }
    EXPECT_TRUE(sawBroken);
    ASSERT_EQ(r.finished.count(), 1);
    EXPECT_EQ(r.failed.count(), 0);
    const std::shared_ptr<const Snapshot> snapshot = r.snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_TRUE(snapshot->partial());
    EXPECT_NE(snapshot->findNamespace("pid:[4026532257]"), nullptr);
}

TEST_F(CollectionControllerTest, AnUnreadablePlanFailsWithTheFileNamed)
{
    CollectionController controller;
    Recorder r(controller);
    CollectionRequest missing;
    missing.source = SnapshotSource::PlanFile;
    missing.planFile = m_dir.filePath(QStringLiteral("no-such-plan.json"));
    controller.start(missing);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.failed.count(), 1);
    const QString message = r.failed.first().first().toString();
    EXPECT_TRUE(message.contains(missing.planFile)) << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1Char('\n')));
    EXPECT_EQ(r.started.count(), 0);
    EXPECT_EQ(r.finished.count(), 0);

    // Not a plan: named too, and the controller takes the next request.
    CollectionRequest bad = missing;
    bad.planFile = writeFile(QStringLiteral("bad.json"), "{\"vantages\": [{\"name\": 3}");
    controller.start(bad);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.failed.count(), 2);
    EXPECT_TRUE(r.failed.last().first().toString().contains(bad.planFile))
        << r.failed.last().first().toString().toStdString();
    EXPECT_EQ(r.finished.count(), 0);
}

TEST_F(CollectionControllerTest, CancelStopsSlowCommandsPromptlyAndNothingFinishes)
{
    const std::vector<std::string> sleeps{"sleep 138.25", "sleep 138.5", "sleep 138.75"};
    CollectionController controller;
    Recorder r(controller);
    controller.start(slowPlan(sleeps));
    ASSERT_TRUE(r.started.wait(60000));
    for (const std::string &sleep : sleeps)
        EXPECT_TRUE(cameWithin(sleep, kNotWaited)) << sleep;

    controller.cancel();
    EXPECT_TRUE(controller.isRunning()) << "until canceled() is emitted";
    ASSERT_TRUE(waitForEnd(controller, kNotWaited.count())) << "cancel waited for the commands";
    EXPECT_EQ(r.canceled.count(), 1);
    EXPECT_FALSE(controller.isRunning());
    spinFor(200);
    EXPECT_EQ(r.finished.count(), 0);
    EXPECT_EQ(r.failed.count(), 0);
    EXPECT_EQ(r.vantages.count(), 0) << "the cancelled vantages are not reported one by one";
    for (const std::string &sleep : sleeps)
        EXPECT_TRUE(goneWithin(sleep, kNotWaited)) << sleep;

    // The next collection runs normally: the cancel belonged to the last one.
    controller.start(seedPlan());
    ASSERT_TRUE(waitForEnd(controller, 30000));
    EXPECT_EQ(r.finished.count(), 1);
    EXPECT_EQ(r.canceled.count(), 1);
}

TEST_F(CollectionControllerTest, StartWhileRunningIsIgnoredAndDestroyingCancels)
{
    const std::vector<std::string> sleeps{"sleep 139.25", "sleep 139.5"};
    auto controller = std::make_unique<CollectionController>();
    QSignalSpy started(controller.get(), &CollectionController::started);
    controller->start(slowPlan(sleeps));
    ASSERT_TRUE(started.wait(60000));
    CollectionRequest other;
    other.source = SnapshotSource::LocalHost;
    controller->start(other);
    spinFor(300);
    ASSERT_EQ(started.count(), 1);
    EXPECT_EQ(started.first().first().toInt(), 2) << "still the slow plan";

    QElapsedTimer clock;
    clock.start();
    controller.reset(); // from the running state: cancels and joins
    EXPECT_LT(clock.elapsed(), kNotWaited.count()) << "destroying waited for the commands";
    for (const std::string &sleep : sleeps)
        EXPECT_TRUE(goneWithin(sleep, kNotWaited)) << sleep;
    spinFor(100); // the worker's queued calls died with the controller
}

TEST_F(CollectionControllerTest, ThisLinuxHost)
{
    CollectionController controller;
    Recorder r(controller);
    CollectionRequest request;
    request.source = SnapshotSource::LocalHost;
    controller.start(request);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.finished.count(), 1) << (r.failed.isEmpty()
                                             ? std::string()
                                             : r.failed.first().first().toString().toStdString());
    ASSERT_EQ(r.vantages.count(), 1);
    EXPECT_TRUE(r.vantages.first().at(1).toBool()) << r.vantages.first().at(2).toString().toStdString();
    const std::shared_ptr<const Snapshot> snapshot = r.snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_GE(snapshot->pidNamespaces.size(), 1u);
    EXPECT_FALSE(snapshot->processes.empty());

    // Automatic is this host too where wsl.exe is not reachable.
    if (CollectionController::wslAvailable())
        GTEST_SKIP() << "wsl.exe is reachable here: Automatic means WSL";
    request.source = SnapshotSource::Automatic;
    controller.start(request);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.finished.count(), 2);
    const std::shared_ptr<const Snapshot> automatic =
        r.finished.last().first().value<std::shared_ptr<const Snapshot>>();
    ASSERT_EQ(automatic->vantages.size(), 1u);
    EXPECT_EQ(automatic->vantages.front().name, "host");
}

// Discovery through a stand-in wsl.exe on PATH (as inside a distro, where elevation is unknown).
class FakeWslControllerTest : public CollectionControllerTest
{
protected:
    void SetUp() override
    {
        CollectionControllerTest::SetUp();
        m_path = qgetenv("PATH");
        const QString script =
            writeFile(QStringLiteral("wsl.exe"), "#!/bin/sh\n"
                                                 "case \"$*\" in\n"
                                                 "  '-l -v') printf '%s' \"$WA_LIST\" ;;\n"
                                                 "  '-l --running -q') echo Ubuntu-20.04 ;;\n"
                                                 "  *'--exec sh -s') exec sh -s ;;\n"
                                                 "  *) echo \"unsupported: $*\" >&2; exit 1 ;;\n"
                                                 "esac\n");
        QFile::setPermissions(script, QFile::permissions(script) | QFileDevice::ExeOwner);
        qputenv("WA_LIST", "  NAME            STATE           VERSION\n"
                           "* Ubuntu-20.04    Running         2\n"
                           "  kali-linux      Stopped         2\n");
        qputenv("PATH", m_dir.path().toLocal8Bit() + ':' + m_path);
    }

    void TearDown() override
    {
        qputenv("PATH", m_path);
        qunsetenv("WA_LIST");
        CollectionControllerTest::TearDown();
    }

    QByteArray m_path;
};

TEST_F(FakeWslControllerTest, TheVmRootWithoutAdministratorIsReportedAndKept)
{
    EXPECT_TRUE(CollectionController::wslAvailable());
    CollectionController controller;
    Recorder r(controller);
    CollectionRequest request;
    request.source = SnapshotSource::Wsl;
    request.includeVmRoot = true;
    controller.start(request);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.finished.count(), 1) << (r.failed.isEmpty()
                                             ? std::string()
                                             : r.failed.first().first().toString().toStdString());
    bool namedStopped = false;
    for (const QList<QVariant> &args : r.notes)
        namedStopped = namedStopped || args.first().toString().contains(QLatin1String("kali-linux"));
    EXPECT_TRUE(namedStopped) << "discovery's notes come through";

    ASSERT_EQ(r.started.count(), 1);
    EXPECT_EQ(r.started.first().at(0).toInt(), 3); // vm, system:Ubuntu-20.04, Ubuntu-20.04
    ASSERT_EQ(r.vantages.count(), 3);
    const QList<QVariant> &vm = r.vantages.first();
    EXPECT_EQ(vm.at(0).toString(), QStringLiteral("vm"));
    EXPECT_FALSE(vm.at(1).toBool());
    EXPECT_EQ(vm.at(2).toString(), QStringLiteral("needs administrator: restart WSL Atlas as administrator"));
    EXPECT_EQ(vm.at(3).toInt(), 1);
    EXPECT_EQ(vm.at(4).toInt(), 3);
    for (int i = 1; i < 3; ++i)
        EXPECT_TRUE(r.vantages.at(i).at(1).toBool()) << r.vantages.at(i).at(2).toString().toStdString();

    const std::shared_ptr<const Snapshot> snapshot = r.snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_TRUE(snapshot->partial());
    bool keptVm = false;
    for (const VantageReport &report : snapshot->vantages) {
        if (report.name != "vm")
            continue;
        keptVm = true;
        EXPECT_FALSE(report.ok);
        EXPECT_EQ(report.error, kVmRootNeedsAdministrator);
    }
    EXPECT_TRUE(keptVm);

    // Not asked for: no VM vantage at all.
    request.includeVmRoot = false;
    controller.start(request);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.started.count(), 2);
    EXPECT_EQ(r.started.last().at(0).toInt(), 2);
    ASSERT_EQ(r.finished.count(), 2);
    EXPECT_EQ(r.finished.last().first().value<std::shared_ptr<const Snapshot>>()->vantages.size(), 2u);
}

TEST_F(FakeWslControllerTest, WslWithoutWslExeFails)
{
    qputenv("PATH", m_path); // the stand-in is gone
    if (CollectionController::wslAvailable())
        GTEST_SKIP() << "a real wsl.exe is reachable here";
    CollectionController controller;
    Recorder r(controller);
    CollectionRequest request;
    request.source = SnapshotSource::Wsl;
    controller.start(request);
    ASSERT_TRUE(waitForEnd(controller, 60000));
    ASSERT_EQ(r.failed.count(), 1);
    EXPECT_TRUE(r.failed.first().first().toString().contains(QLatin1String("wsl.exe")));
    EXPECT_EQ(r.started.count(), 0);
}

} // namespace

TEST(ApplyVmRootChoice, DropsKeepsOrRefusesTheVmRoot)
{
    WslEnvironment env;
    env.elevated = true;
    env.runningWsl2Distros = {"Ubuntu"};
    const VantagePlan elevated = wslPlan(env);
    ASSERT_EQ(elevated.vantages.front().role, VantageRole::Vm);

    VantagePlan plan = elevated;
    EXPECT_FALSE(applyVmRootChoice(plan, false, true));
    EXPECT_EQ(plan.vantages.size(), elevated.vantages.size() - 1);
    for (const VantageSpec &spec : plan.vantages)
        EXPECT_NE(spec.role, VantageRole::Vm);

    plan = elevated;
    EXPECT_FALSE(applyVmRootChoice(plan, true, true));
    EXPECT_EQ(plan.vantages.size(), elevated.vantages.size());

    env.elevated = false;
    plan = wslPlan(env);
    const std::size_t before = plan.vantages.size();
    const std::optional<VantageRun> refused = applyVmRootChoice(plan, true, false);
    ASSERT_TRUE(refused);
    EXPECT_EQ(plan.vantages.size(), before) << "the plan itself is left alone";
    EXPECT_EQ(refused->spec.name, "vm");
    EXPECT_EQ(refused->spec.role, VantageRole::Vm);
    EXPECT_EQ(refused->spec.command, elevated.vantages.front().command);
    EXPECT_FALSE(refused->observation);
    EXPECT_EQ(refused->error, kVmRootNeedsAdministrator);
}
