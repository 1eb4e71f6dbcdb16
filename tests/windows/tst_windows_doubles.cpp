// The Windows path end to end on Linux: wslatlas-cli `snapshot --host windows` and the GUI's
// CollectionController (WSLATLAS_HOST=windows) run against the test doubles of wsl.exe, powershell.exe,
// ipconfig.exe, reg.exe and hnsdiag.exe (doubles/, README.md), which stand over a WSL-shaped pid-namespace
// tree built with unshare (wsl_tree.sh). kernel_truth judges every namespace parent and chain against the
// kernel's NS_GET_PARENT; the doubles' call logs say which wsl.exe calls were made. Needs root: skipped
// otherwise.
#include "cli_harness.h"
#include "collection_controller.h"
#include "snapshot_json.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace clitest;

namespace {

const QString kDoubles = QStringLiteral(WSLATLAS_SOURCE_DIR "/tests/windows/doubles");
const QString kTreeScript = QStringLiteral(WSLATLAS_SOURCE_DIR "/tests/windows/wsl_tree.sh");
const QString kTruth = QStringLiteral(KERNEL_TRUTH);
const QString kCollector = QStringLiteral(WSLATLAS_SOURCE_DIR "/resources/collector.sh");

std::string readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// One vantage as the kernel judge sees it: where its command lands (the init of a tree namespace).
struct Landing
{
    const char *name;
    const char *role;
    const char *ns;
    const char *distro;
};

using Calls = std::vector<QStringList>;

class WindowsDoubles : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_state = std::make_unique<QTemporaryDir>();
        QProcess tree;
        tree.start(QStringLiteral("bash"), {kTreeScript, QStringLiteral("start"), s_state->filePath("tree")});
        tree.waitForFinished(60000);
        if (tree.exitCode() == 77) {
            s_skip = tree.readAllStandardOutput().trimmed().toStdString();
            return;
        }
        ASSERT_EQ(tree.exitCode(), 0) << tree.readAllStandardError().toStdString();
        const QStringList lines = QString::fromUtf8(readText(s_state->filePath("tree")))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QStringList fields = line.split(QLatin1Char(' '));
            if (fields.size() == 3)
                s_init[fields[0].toStdString()] = fields[1].toInt();
        }
    }

    static void TearDownTestSuite()
    {
        if (s_state && s_skip.empty()) {
            QProcess tree;
            tree.start(QStringLiteral("bash"),
                       {kTreeScript, QStringLiteral("stop"), s_state->filePath("tree")});
            tree.waitForFinished(30000);
        }
        s_state.reset();
    }

    void SetUp() override
    {
        if (!s_skip.empty())
            GTEST_SKIP() << s_skip;
        ASSERT_TRUE(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("state"));
        QDir(m_dir.path()).mkpath(QStringLiteral("profile"));
        m_scenario = fullScenario();
    }

    static int init(const char *name) { return s_init.at(name); }

    // Every awkward case at once: Ubuntu with WSLg; Alpine and docker-desktop with GUI apps off in their
    // /etc/wsl.conf; docker-desktop-data holding data only; kali-linux stopped; Legacy a running WSL 1.
    QJsonObject fullScenario() const
    {
        const QString guiOff = QStringLiteral("[general]\nguiApplications=false\n");
        auto distro = [](const char *name, const char *state, int version) {
            return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                               {QStringLiteral("state"), QLatin1String(state)},
                               {QStringLiteral("version"), version}};
        };
        QJsonObject ubuntu = distro("Ubuntu", "Running", 2);
        ubuntu[QStringLiteral("default")] = true;
        ubuntu[QStringLiteral("pid")] = init("D1");
        ubuntu[QStringLiteral("system_pid")] = init("W1");
        QJsonObject alpine = distro("Alpine", "Running", 2);
        alpine[QStringLiteral("pid")] = init("D3");
        alpine[QStringLiteral("wsl_conf")] = guiOff;
        QJsonObject docker = distro("docker-desktop", "Running", 2);
        docker[QStringLiteral("pid")] = init("D4");
        docker[QStringLiteral("wsl_conf")] = guiOff;
        QJsonObject data = distro("docker-desktop-data", "Running", 2);
        data[QStringLiteral("data_only")] = true;
        data[QStringLiteral("system_pid")] = init("W5");
        return QJsonObject{{QStringLiteral("state_dir"), path(QStringLiteral("state"))},
                           {QStringLiteral("elevated"), true},
                           {QStringLiteral("vm_pid"), init("R")},
                           {QStringLiteral("edition"), QStringLiteral("pro")},
                           {QStringLiteral("networking"), QStringLiteral("nat")},
                           {QStringLiteral("distros"),
                            QJsonArray{ubuntu, alpine, docker, data, distro("kali-linux", "Stopped", 2),
                                       distro("Legacy", "Running", 1)}}};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void writeScenario()
    {
        writeFile(path(QStringLiteral("scenario.json")), QJsonDocument(m_scenario).toJson());
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), kDoubles + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("WSLATLAS_SCENARIO"), path(QStringLiteral("scenario.json")));
        env.insert(QStringLiteral("USERPROFILE"), path(QStringLiteral("profile")));
        env.remove(QStringLiteral("WSL_UTF8"));
        return env;
    }

    // wslatlas-cli snapshot --host windows [--elevated] over the scenario.
    CliRun snapshot(bool elevated)
    {
        writeScenario();
        QStringList arguments{QStringLiteral("snapshot"), QStringLiteral("--host"), QStringLiteral("windows"),
                              QStringLiteral("-o"), path(QStringLiteral("snap.json"))};
        if (elevated)
            arguments << QStringLiteral("--elevated");
        CliOptions options;
        options.environment = environment();
        return cli(arguments, options);
    }

    Calls calls(const char *program) const
    {
        Calls out;
        const std::string log = readText(path(QStringLiteral("state/calls.log")));
        for (const QByteArray &line : QByteArray::fromStdString(log).split('\n')) {
            const QJsonArray call = QJsonDocument::fromJson(line).array();
            if (call.isEmpty() || call.at(0).toString() != QLatin1String(program))
                continue;
            QStringList argv;
            for (qsizetype i = 1; i < call.size(); ++i)
                argv << call.at(i).toString();
            out.push_back(argv);
        }
        return out;
    }

    // The distros named with -d in wsl.exe calls, with or without --system.
    std::set<std::string> distroCalls(bool system) const
    {
        std::set<std::string> out;
        for (const QStringList &argv : calls("wsl.exe")) {
            const qsizetype d = argv.indexOf(QStringLiteral("-d"));
            if (d >= 0 && d + 1 < argv.size() && argv.contains(QStringLiteral("--system")) == system)
                out.insert(argv.at(d + 1).toStdString());
        }
        return out;
    }

    std::string started() const { return readText(path(QStringLiteral("state/started.log"))); }

    // kernel_truth verify: the snapshot against the kernel, for the vantages that landed somewhere.
    void expectKernelAgrees(const std::vector<Landing> &landings, const QStringList &expectNs,
                            const QString &snapshotPath = {})
    {
        QJsonArray vantages;
        for (const Landing &l : landings)
            vantages.append(QJsonObject{
                {QStringLiteral("name"), QLatin1String(l.name)},
                {QStringLiteral("role"), QLatin1String(l.role)},
                {QStringLiteral("distro"), QLatin1String(l.distro)},
                {QStringLiteral("command"),
                 QJsonArray{QStringLiteral("nsenter"), QStringLiteral("-t"), QString::number(init(l.ns))}}});
        const QString plan = path(QStringLiteral("truth-plan.json"));
        writeFile(plan, QJsonDocument(QJsonObject{{QStringLiteral("vantages"), vantages}}).toJson());
        QStringList arguments{QStringLiteral("verify"), QStringLiteral("--snapshot"),
                              snapshotPath.isEmpty() ? path(QStringLiteral("snap.json")) : snapshotPath,
                              QStringLiteral("--plan"), plan};
        for (const QString &ns : expectNs) {
            const QStringList parts = ns.split(QLatin1Char('='));
            arguments << QStringLiteral("--expect-ns")
                      << QStringLiteral("%1=%2").arg(init(parts[0].toLatin1().constData())).arg(parts[1]);
        }
        QProcess truth;
        truth.start(kTruth, arguments);
        ASSERT_TRUE(truth.waitForFinished(60000));
        EXPECT_EQ(truth.exitCode(), 0)
            << truth.readAllStandardOutput().toStdString() << truth.readAllStandardError().toStdString();
    }

    // The landings of the full scenario, elevated.
    static std::vector<Landing> fullLandings()
    {
        return {{"vm", "vm", "R", ""},
                {"system:Ubuntu", "system", "W1", "Ubuntu"},
                {"Ubuntu", "distro", "D1", "Ubuntu"},
                {"Alpine", "distro", "D3", "Alpine"},
                {"docker-desktop", "distro", "D4", "docker-desktop"},
                {"system:docker-desktop-data", "system", "W5", "docker-desktop-data"}};
    }

    static QStringList fullExpectations()
    {
        return {QStringLiteral("R=vm"),      QStringLiteral("W1=wslg"),   QStringLiteral("D1=distro"),
                QStringLiteral("D3=distro"), QStringLiteral("D4=distro"), QStringLiteral("I=isolation")};
    }

    // Text of a debug-shell connection that sends input and stops once `until` shows in its output.
    std::string debugShell(const QByteArray &input, const QByteArray &until)
    {
        QProcess shell;
        shell.setProcessEnvironment(environment());
        shell.start(kDoubles + QStringLiteral("/wsl.exe"), {QStringLiteral("--debug-shell")});
        shell.write(input);
        // Bounded by time, not by reads: the echo of a long input comes in many small reads.
        QByteArray out;
        const QDeadlineTimer deadline(std::chrono::minutes(2));
        while (!out.contains(until) && !deadline.hasExpired()) {
            shell.waitForReadyRead(100);
            out += shell.readAllStandardOutput();
        }
        shell.kill(); // a debug shell never ends by itself
        shell.waitForFinished();
        EXPECT_TRUE(out.contains(until)) << out.toStdString();
        return out.toStdString();
    }

    // Every line the CLI printed is readable: no wsl.exe UTF-16 or raw bytes quoted into it.
    static void expectReadableLines(const CliRun &run)
    {
        EXPECT_FALSE(contains(run.err, std::string(1, '\0'))) << run;
        EXPECT_FALSE(contains(run.err, "\\x00")) << run;
        EXPECT_FALSE(contains(run.err, "did not come from the WSL Atlas collector")) << run;
    }

    QTemporaryDir m_dir;
    QJsonObject m_scenario;
    static inline std::unique_ptr<QTemporaryDir> s_state;
    static inline std::map<std::string, int> s_init;
    static inline std::string s_skip;
};

TEST_F(WindowsDoubles, ElevatedSnapshotAgreesWithTheKernelAndStartsNothing)
{
    const CliRun run = snapshot(true);
    // GUI apps off for two distros, a data-only distro, a WSL 1 distro: notes, not failures.
    EXPECT_EQ(run.exitCode, 0) << run;
    expectKernelAgrees(fullLandings(), fullExpectations());
    for (const char *line :
         {"info: vantage system:Alpine: GUI applications are off for Alpine",
          "info: vantage system:docker-desktop: GUI applications are off for docker-desktop",
          "info: vantage docker-desktop-data: docker-desktop-data holds data only",
          "WSL 1 distros, which have no namespaces in the VM: Legacy",
          "not running, left alone (looking would start them): kali-linux"})
        EXPECT_TRUE(contains(run.err, line)) << line << "\n" << run;
    expectReadableLines(run);

    // Never a stopped distro, never the WSL 1 one; one debug shell.
    EXPECT_EQ(started(), "");
    const std::set<std::string> running{"Alpine", "Ubuntu", "docker-desktop", "docker-desktop-data"};
    EXPECT_EQ(distroCalls(false), running);
    EXPECT_EQ(distroCalls(true), running);
    int debugShells = 0;
    for (const QStringList &argv : calls("wsl.exe"))
        debugShells += argv == QStringList{QStringLiteral("--debug-shell")};
    EXPECT_EQ(debugShells, 1);
    // Elevated: hnsdiag and the guarded Get-VMSwitch are planned.
    EXPECT_EQ(calls("hnsdiag.exe").size(), 1u);
}

TEST_F(WindowsDoubles, DebugShellKeepsNothingOfTheCollector)
{
    const CliRun run = snapshot(true);
    ASSERT_EQ(run.exitCode, 0) << run;
    // The same (persistent) shell, asked what is left: variables, the function, LC_ALL, and history lines
    // of the prologue or the script (patterns that this probe's own line does not hold).
    const std::string out = debugShell("echo \"V[${wa_m-}${wa_l-}${wa_nonce-}${wa_h-}${wa_lc-}${wa_lcs-}]\" "
                                       "\"F[$(declare -F wa_s)]\" \"L[${LC_ALL-unset}]\" \"H[$(history | "
                                       "grep -c 'WSLATL[A]S\\|wa_[h]=1\\|wa_[l]cs=')]\"\n"
                                       "echo \"probe-$((40 + 2))\"\n",
                                       "probe-42\r\n");
    EXPECT_TRUE(contains(out, "V[] F[] L[unset] H[0]")) << out;
}

TEST_F(WindowsDoubles, StaleDebugShellOutputOfAnEarlierConnectionIsDropped)
{
    writeScenario();
    // An earlier connection ran the collector with another nonce inside Ubuntu's WSLg namespace, and was
    // killed once its input was in: the shell runs it anyway, and its output waits for the next connection.
    const QByteArray script = QByteArray::fromStdString(readText(kCollector));
    // The debug shell sees the VM root's /proc: W1's init by its pid there, the second NSpid value.
    QByteArray inRoot;
    for (const QByteArray &line :
         QByteArray::fromStdString(readText(QStringLiteral("/proc/%1/status").arg(init("W1")))).split('\n'))
        if (line.startsWith("NSpid:"))
            inRoot = line.mid(6).simplified().split(' ').value(1);
    ASSERT_FALSE(inRoot.isEmpty());
    // The old run starts once the daemon has seen its connection go (a gate file): what it prints while a
    // dead connection is still open would be lost with that connection, as on a broken pipe, and the
    // test would depend on which comes first on a busy machine.
    const QByteArray gate = path(QStringLiteral("gate")).toUtf8();
    debugShell("while [ ! -e '" + gate + "' ]; do sleep 0.05; done; nsenter -t " + inRoot +
                   " -p -m -n -- sh -s <<'WSLATLAS_OLD'\nwa_nonce=0123456789abcdef\n" + script +
                   "WSLATLAS_OLD\n",
               "WSLATLAS_OLD\r\n");
    const QString events = path(QStringLiteral("state/debug-shell.events"));
    const QDeadlineTimer deadline(std::chrono::minutes(2));
    while (!contains(readText(events), "dropped") && !deadline.hasExpired())
        QThread::msleep(20);
    ASSERT_TRUE(contains(readText(events), "dropped")) << "the debug shell never saw the connection go";
    writeFile(QString::fromUtf8(gate), "");
    const CliRun run = snapshot(true);
    EXPECT_EQ(run.exitCode, 0) << run;
    EXPECT_TRUE(contains(run.err, "vantage vm: warning: Dropped 1 block")) << run;
    // The VM vantage is the VM root's view, not the WSLg namespace's: the kernel says where it landed.
    expectKernelAgrees(fullLandings(), fullExpectations());
}

TEST_F(WindowsDoubles, NotElevatedWithGuiAppsOffPlansNoVmNoSystemNoAdministratorCaptures)
{
    writeFile(path(QStringLiteral("profile/.wslconfig")), "[wsl2]\r\nguiApplications=false\r\n");
    m_scenario[QStringLiteral("elevated")] = false;
    const CliRun run = snapshot(false);
    EXPECT_EQ(run.exitCode, 0) << run;
    expectKernelAgrees({{"Ubuntu", "distro", "D1", "Ubuntu"},
                        {"Alpine", "distro", "D3", "Alpine"},
                        {"docker-desktop", "distro", "D4", "docker-desktop"}},
                       {QStringLiteral("D1=distro"), QStringLiteral("D4=distro")});
    EXPECT_TRUE(distroCalls(true).empty());
    for (const QStringList &argv : calls("wsl.exe"))
        EXPECT_NE(argv, QStringList{QStringLiteral("--debug-shell")});
    EXPECT_TRUE(calls("hnsdiag.exe").empty());
    for (const QStringList &argv : calls("powershell.exe"))
        EXPECT_FALSE(argv.join(QLatin1Char(' ')).contains(QLatin1String("Get-VMSwitch")))
            << argv.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(started(), "");
    expectReadableLines(run);
}

TEST_F(WindowsDoubles, ElevatedOnlyOnTheCommandLineIsOneReadableLine)
{
    m_scenario[QStringLiteral("elevated")] = false; // wsl.exe itself is not elevated
    const CliRun run = snapshot(true);
    EXPECT_EQ(run.exitCode, 1) << run;
    EXPECT_TRUE(contains(run.err,
                         "vantage vm: failed: \"wsl.exe\" exited with code 1: Running the debug shell "
                         "requires running wsl.exe as Administrator.\n"))
        << run;
    expectReadableLines(run);
}

class ZeroDistros : public WindowsDoubles, public ::testing::WithParamInterface<const char *>
{};

TEST_P(ZeroDistros, SnapshotHasTheHostCapturesAndANote)
{
    m_scenario[QStringLiteral("distros")] = QJsonArray();
    m_scenario[QStringLiteral("no_distros")] = QLatin1String(GetParam());
    const CliRun run = snapshot(true);
    EXPECT_EQ(run.exitCode, 0) << run;
    EXPECT_TRUE(contains(run.err, "plan: WSL has no installed distributions")) << run;
    EXPECT_TRUE(contains(run.err, "capture wsl-list: ok")) << run;
    EXPECT_TRUE(contains(run.err, "capture ipconfig: ok")) << run;
    const QJsonObject json = readJsonObject(path(QStringLiteral("snap.json")));
    EXPECT_TRUE(json.value(QLatin1String("vantages")).toArray().isEmpty());
    EXPECT_TRUE(json.value(QLatin1String("distros")).toArray().isEmpty());
    for (const QStringList &argv : calls("wsl.exe"))
        EXPECT_NE(argv, QStringList{QStringLiteral("--debug-shell")});
    expectReadableLines(run);
}

INSTANTIATE_TEST_SUITE_P(Wording, ZeroDistros, ::testing::Values("current", "older"));

TEST_F(WindowsDoubles, NoWsl2DistroRunningPlansNoVmVantage)
{
    QJsonArray distros;
    for (const QJsonValue &d : m_scenario.value(QLatin1String("distros")).toArray()) {
        QJsonObject o = d.toObject();
        if (o.value(QLatin1String("version")).toInt() == 2)
            o[QStringLiteral("state")] = QStringLiteral("Stopped");
        distros.append(o);
    }
    m_scenario[QStringLiteral("distros")] = distros;
    const CliRun run = snapshot(true);
    EXPECT_EQ(run.exitCode, 0) << run;
    EXPECT_TRUE(contains(run.err, "no WSL 2 distro is running")) << run;
    EXPECT_TRUE(calls("wsl.exe").size() >= 2u);
    for (const QStringList &argv : calls("wsl.exe"))
        EXPECT_FALSE(argv.contains(QStringLiteral("--debug-shell")) || argv.contains(QStringLiteral("-d")))
            << argv.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(started(), "");
}

TEST_F(WindowsDoubles, HomeEditionInMirroredModeWithANonAsciiAdapter)
{
    m_scenario[QStringLiteral("edition")] = QStringLiteral("home");
    m_scenario[QStringLiteral("networking")] = QStringLiteral("mirrored");
    m_scenario[QStringLiteral("adapter_name")] = QStringLiteral("WLAN \u00dcberall \u548c");
    const CliRun run = snapshot(true);
    EXPECT_EQ(run.exitCode, 0) << run;
    // No Hyper-V module: an info note, not a failed capture. No vSwitch (WSL*) adapter: no bindings.
    EXPECT_TRUE(contains(run.err, "capture vm-switch: ok")) << run;
    EXPECT_TRUE(contains(run.err, "not available on this edition")) << run;
    EXPECT_TRUE(contains(run.err, "capture adapter-bindings: ok")) << run;
    EXPECT_FALSE(contains(run.err, "input is empty")) << run;
    // PowerShell's output is UTF-8: the adapter's name survives.
    EXPECT_TRUE(contains(readText(path(QStringLiteral("snap.json"))), "WLAN \u00dcberall \u548c"));
    // One powershell.exe for all the PowerShell captures, its script passed encoded.
    EXPECT_EQ(calls("powershell.exe").size(), 1u);
    expectReadableLines(run);
}

// Sets the doubles' environment in this process (the controller runs wsl.exe itself); undone at the end.
class DoublesInThisProcess
{
public:
    explicit DoublesInThisProcess(const QProcessEnvironment &env) : m_path(qgetenv("PATH"))
    {
        for (const char *name : {"PATH", "WSLATLAS_SCENARIO", "USERPROFILE"})
            qputenv(name, env.value(QLatin1String(name)).toUtf8());
        qputenv("WSLATLAS_HOST", "windows");
        qputenv("WSLATLAS_ELEVATED", "1");
    }
    ~DoublesInThisProcess()
    {
        qputenv("PATH", m_path);
        for (const char *name : {"WSLATLAS_SCENARIO", "USERPROFILE", "WSLATLAS_HOST", "WSLATLAS_ELEVATED"})
            qunsetenv(name);
    }

private:
    QByteArray m_path;
};

// Between full refreshes the GUI asks only which distros run: nothing is started or kept awake.
TEST_F(WindowsDoubles, TheLightCheckOnlyListsTheRunningDistros)
{
    writeScenario();
    const DoublesInThisProcess doubles(environment());
    wslatlas::CollectionController controller;
    QSignalSpy checked(&controller, &wslatlas::CollectionController::runningChecked);
    controller.checkRunning();
    ASSERT_TRUE(checked.wait(30000));
    EXPECT_TRUE(checked.at(0).at(1).toBool());
    EXPECT_EQ(checked.at(0).at(0).toStringList(),
              (QStringList{QStringLiteral("Alpine"), QStringLiteral("Legacy"), QStringLiteral("Ubuntu"),
                           QStringLiteral("docker-desktop"), QStringLiteral("docker-desktop-data")}));
    EXPECT_EQ(calls("wsl.exe"),
              (Calls{{QStringLiteral("-l"), QStringLiteral("--running"), QStringLiteral("-q")}}));
    EXPECT_TRUE(calls("powershell.exe").empty());
    EXPECT_EQ(started(), "");
}

// The GUI's refresh path: the same seam through WSLATLAS_HOST and WSLATLAS_ELEVATED.
TEST_F(WindowsDoubles, CollectionControllerTakesTheWindowsPath)
{
    writeScenario();
    std::shared_ptr<const wslatlas::Snapshot> snapshot;
    {
        const DoublesInThisProcess doubles(environment());
        wslatlas::CollectionController controller;
        QSignalSpy finished(&controller, &wslatlas::CollectionController::finished);
        QSignalSpy notes(&controller, &wslatlas::CollectionController::note);
        wslatlas::CollectionRequest request;
        request.includeVmRoot = true;
        controller.start(request);
        EXPECT_TRUE(finished.wait(120000));
        if (!finished.isEmpty())
            snapshot = finished.at(0).at(0).value<std::shared_ptr<const wslatlas::Snapshot>>();
        EXPECT_GE(notes.size(), 1);
    }
    ASSERT_TRUE(snapshot);
    EXPECT_FALSE(snapshot->partial());
    const QString written = path(QStringLiteral("controller.json"));
    writeFile(written, QByteArray::fromStdString(wslatlas::snapshotToJson(*snapshot)));
    expectKernelAgrees(fullLandings(), fullExpectations(), written);
    EXPECT_EQ(started(), "");
}

// Include the VM root, not elevated: the elevated helper (wslatlas-cli through the UAC prompt; here the
// runas stand-in) collects the VM root, and the snapshot merges it; a declined prompt and over-the-shoulder
// elevation are notes.
class ElevatedHelper : public WindowsDoubles, public ::testing::WithParamInterface<const char *>
{};

TEST_P(ElevatedHelper, TheVmRootComesFromTheHelperOrANoteSaysWhy)
{
    const std::string answer = GetParam();
    m_scenario[QStringLiteral("elevated")] = false;
    m_scenario[QStringLiteral("uac")] = QLatin1String(GetParam());
    writeScenario();
    std::shared_ptr<const wslatlas::Snapshot> snapshot;
    {
        const DoublesInThisProcess doubles(environment());
        qputenv("WSLATLAS_ELEVATED", "0");
        qputenv("WSLATLAS_RUNAS", (kDoubles + QStringLiteral("/runas")).toUtf8());
        qputenv("WSLATLAS_HELPER_CLI", WSLATLAS_CLI);
        wslatlas::CollectionController controller;
        QSignalSpy finished(&controller, &wslatlas::CollectionController::finished);
        wslatlas::CollectionRequest request;
        request.includeVmRoot = true;
        controller.start(request);
        EXPECT_TRUE(finished.wait(120000));
        if (!finished.isEmpty())
            snapshot = finished.at(0).at(0).value<std::shared_ptr<const wslatlas::Snapshot>>();
        qunsetenv("WSLATLAS_RUNAS");
        qunsetenv("WSLATLAS_HELPER_CLI");
    }
    ASSERT_TRUE(snapshot);
    EXPECT_FALSE(snapshot->partial());
    EXPECT_EQ(calls("runas").size(), 1u);
    std::string findings;
    for (const wslatlas::Finding &f : snapshot->findings)
        findings += std::string(wslatlas::toString(f.severity)) + ": " + f.text + "\n";
    const QString written = path(QStringLiteral("controller.json"));
    writeFile(written, QByteArray::fromStdString(wslatlas::snapshotToJson(*snapshot)));
    if (answer == "accept") {
        expectKernelAgrees(fullLandings(), fullExpectations(), written);
    } else {
        EXPECT_TRUE(contains(findings, answer == "decline"
                                           ? "info: vantage vm: the administrator prompt was declined"
                                           : "info: vantage vm: the administrator who approved "
                                             "the prompt is another user"))
            << findings;
        std::vector<Landing> withoutVm = fullLandings();
        withoutVm.erase(withoutVm.begin());
        expectKernelAgrees(withoutVm, {QStringLiteral("W1=wslg"), QStringLiteral("D1=distro")}, written);
    }
    EXPECT_EQ(started(), "");
}

INSTANTIATE_TEST_SUITE_P(Uac, ElevatedHelper, ::testing::Values("accept", "decline", "other-user"));

} // namespace
