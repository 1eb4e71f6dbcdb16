// wslatlas-cli as a user runs it: exit codes, one-line errors, help, and snapshots of this machine,
// including a plan whose vantages fail in every way the runner knows.
#include <QByteArray>
#include <QColor>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include "cli_harness.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace clitest;

QJsonObject vantageNamed(const QJsonObject &snapshot, const QString &name)
{
    for (const QJsonValue &v : snapshot.value(QLatin1String("vantages")).toArray())
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject();
    ADD_FAILURE() << "no vantage " << name.toStdString() << " in the snapshot";
    return {};
}

class CliTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

TEST_F(CliTest, NoCommandIsAUsageError)
{
    expectOneLineError(cli({}));
}

TEST_F(CliTest, UnknownCommandIsAUsageError)
{
    const CliRun run = cli({QStringLiteral("frobnicate")});
    expectOneLineError(run);
    EXPECT_NE(run.err.find("frobnicate"), std::string::npos);
    EXPECT_NE(run.err.find("snapshot"), std::string::npos) << "the line should list the commands";
    expectOneLineError(cli({QStringLiteral("--bogus")}));
}

TEST_F(CliTest, HelpOnEveryCommand)
{
    const std::vector<QStringList> cases{
        {QStringLiteral("--help")},
        {QStringLiteral("-h")},
        {QStringLiteral("help")},
        {QStringLiteral("help"), QStringLiteral("snapshot")},
        {QStringLiteral("plan"), QStringLiteral("--help")},
        {QStringLiteral("snapshot"), QStringLiteral("--help")},
        {QStringLiteral("tree"), QStringLiteral("--help")},
        {QStringLiteral("export"), QStringLiteral("-h")},
        {QStringLiteral("import"), QStringLiteral("--help")},
        {QStringLiteral("parse"), QStringLiteral("--help")},
        {QStringLiteral("help"), QStringLiteral("parse")},
        // Help wins over other mistakes on the same line.
        {QStringLiteral("snapshot"), QStringLiteral("--bogus"), QStringLiteral("--help")},
    };
    for (const QStringList &arguments : cases) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const CliRun run = cli(arguments);
        EXPECT_EQ(run.exitCode, 0) << run;
        EXPECT_NE(run.out.find("Usage: wslatlas-cli"), std::string::npos) << run;
        EXPECT_TRUE(run.err.empty()) << run;
    }
    const CliRun top = cli({QStringLiteral("--help")});
    for (const char *command : {"plan", "snapshot", "import", "parse", "tree", "export"})
        EXPECT_NE(top.out.find(std::string("  ") + command), std::string::npos) << command << "\n" << top;
}

TEST_F(CliTest, VersionOnEveryCommand)
{
    for (const QString &command :
         {QString(), QStringLiteral("plan"), QStringLiteral("snapshot"), QStringLiteral("tree"),
          QStringLiteral("export"), QStringLiteral("import"), QStringLiteral("parse")}) {
        QStringList arguments;
        if (!command.isEmpty())
            arguments << command;
        arguments << QStringLiteral("--version");
        const CliRun run = cli(arguments);
        EXPECT_EQ(run.exitCode, 0) << run;
        EXPECT_EQ(run.out.rfind("wslatlas-cli ", 0), 0u) << run;
        EXPECT_EQ(lineCount(run.out), 1) << run;
    }
}

TEST_F(CliTest, UsageErrorsExitTwoWithOneLine)
{
    const QString out = path(QStringLiteral("out.json"));
    const QString snap = path(QStringLiteral("snap.json")); // need not exist: usage is checked first
    const QString plan = path(QStringLiteral("plan.json"));
    const std::vector<QStringList> cases{
        {QStringLiteral("plan"), QStringLiteral("extra")},
        {QStringLiteral("plan"), QStringLiteral("--bogus")},
        {QStringLiteral("plan"), QStringLiteral("--elevated")}, // windows only
        {QStringLiteral("plan"), QStringLiteral("--host"), QStringLiteral("linux"),
         QStringLiteral("--elevated")},
        {QStringLiteral("snapshot"), QStringLiteral("--host"), QStringLiteral("mac"), QStringLiteral("-o"),
         out},
        {QStringLiteral("snapshot")},
        {QStringLiteral("snapshot"), QStringLiteral("--local")},
        {QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o")},
        {QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("--plan"), plan,
         QStringLiteral("-o"), out},
        {QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o"), out,
         QStringLiteral("--timeout"), QStringLiteral("soon")},
        {QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o"), out,
         QStringLiteral("--timeout"), QStringLiteral("0")},
        {QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o"), out,
         QStringLiteral("stray")},
        {QStringLiteral("tree")},
        {QStringLiteral("tree"), snap, snap},
        {QStringLiteral("tree"), snap, QStringLiteral("--max-processes"), QStringLiteral("many")},
        {QStringLiteral("export"), snap, QStringLiteral("--format"), QStringLiteral("jpeg"),
         QStringLiteral("-o"), path(QStringLiteral("x.png"))},
        {QStringLiteral("export"), snap, QStringLiteral("--scale"), QStringLiteral("3"), QStringLiteral("-o"),
         path(QStringLiteral("x.png"))},
        {QStringLiteral("export"), snap, QStringLiteral("--view"), QStringLiteral("network"),
         QStringLiteral("--processes-of"), QStringLiteral("pid:[1]"), QStringLiteral("-o"),
         path(QStringLiteral("x.dot"))},
        {QStringLiteral("export"), snap, QStringLiteral("--view"), QStringLiteral("bogus"),
         QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("-o"),
         path(QStringLiteral("x.dot"))},
        {QStringLiteral("export"), snap, QStringLiteral("-o"), path(QStringLiteral("x.txt"))},
        {QStringLiteral("export"), snap, QStringLiteral("--format"), QStringLiteral("dot")},
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("-o"),
         path(QStringLiteral("x.dot"))},
    };
    for (const QStringList &arguments : cases) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        expectOneLineError(cli(arguments));
    }
    EXPECT_FALSE(QFile::exists(out)) << "a usage error must not write the snapshot";
}

TEST_F(CliTest, ExportNamesWhatItSupports)
{
    const CliRun run =
        cli({QStringLiteral("export"), path(QStringLiteral("s.json")), QStringLiteral("--format"),
             QStringLiteral("gif"), QStringLiteral("-o"), path(QStringLiteral("x.gif"))});
    expectOneLineError(run);
    for (const char *word : {"png", "svg", "dot"})
        EXPECT_NE(run.err.find(word), std::string::npos) << run;
}

TEST_F(CliTest, PlanPrintsJson)
{
    for (const QStringList &arguments : {QStringList{QStringLiteral("plan")},
                                         QStringList{QStringLiteral("plan"), QStringLiteral("--local")}}) {
        const CliRun run = cli(arguments);
        ASSERT_EQ(run.exitCode, 0) << run;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(run.out), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << run;
        const QJsonArray vantages = doc.object().value(QLatin1String("vantages")).toArray();
        ASSERT_FALSE(vantages.isEmpty()) << run;
        for (const QJsonValue &v : vantages) {
            EXPECT_FALSE(v.toObject().value(QLatin1String("name")).toString().isEmpty());
            EXPECT_FALSE(v.toObject().value(QLatin1String("command")).toArray().isEmpty());
        }
    }
}

TEST_F(CliTest, MissingPlanFileExitsTwo)
{
    const QString out = path(QStringLiteral("out.json"));
    const CliRun run = cli({QStringLiteral("snapshot"), QStringLiteral("--plan"),
                            QStringLiteral("/nonexistent/plan.json"), QStringLiteral("-o"), out});
    expectOneLineError(run);
    EXPECT_NE(run.err.find("/nonexistent/plan.json"), std::string::npos) << run;
    EXPECT_FALSE(QFile::exists(out));
}

TEST_F(CliTest, BadPlanFileExitsTwoNamingTheFile)
{
    const QString out = path(QStringLiteral("out.json"));
    for (const QByteArray &content :
         {QByteArray("{not json"), QByteArray(R"({"vantages": []})"),
          QByteArray(R"({"vantages": [{"name": "x", "role": "host", "command": "sh -s"}]})")}) {
        SCOPED_TRACE(content.toStdString());
        const QString plan = path(QStringLiteral("bad-plan.json"));
        writeFile(plan, content);
        const CliRun run =
            cli({QStringLiteral("snapshot"), QStringLiteral("--plan"), plan, QStringLiteral("-o"), out});
        expectOneLineError(run);
        EXPECT_NE(run.err.find(plan.toStdString()), std::string::npos) << run;
    }
    EXPECT_FALSE(QFile::exists(out));
}

TEST_F(CliTest, MissingSnapshotFileExitsTwo)
{
    const QString missing = path(QStringLiteral("missing.json"));
    const CliRun run = cli({QStringLiteral("tree"), missing});
    expectOneLineError(run);
    EXPECT_NE(run.err.find("missing.json"), std::string::npos) << run;
}

TEST_F(CliTest, CorruptSnapshotExitsTwo)
{
    const std::vector<QByteArray> contents{
        QByteArray("{\"schema\": \"wslatlas.snapshot/1\", \"vantages\": [tru"),
        QByteArray("\x00\xff\xfe garbage", 12),
        QByteArray(R"({"schema": "something.else/1"})"),
        QByteArray(R"({"schema": "wslatlas.snapshot/99"})"),
        QByteArray(),
    };
    for (const QByteArray &content : contents) {
        SCOPED_TRACE(content.toStdString());
        const QString snap = path(QStringLiteral("corrupt.json"));
        writeFile(snap, content);
        const CliRun tree = cli({QStringLiteral("tree"), snap});
        expectOneLineError(tree);
        EXPECT_NE(tree.err.find("corrupt.json"), std::string::npos) << tree;
        expectOneLineError(cli({QStringLiteral("export"), snap, QStringLiteral("--view"),
                                QStringLiteral("pid"), QStringLiteral("--format"), QStringLiteral("dot"),
                                QStringLiteral("-o"), path(QStringLiteral("x.dot"))}));
        EXPECT_FALSE(QFile::exists(path(QStringLiteral("x.dot"))));
    }
}

// Needs core's collector parser and inference.
TEST_F(CliTest, SnapshotOfThisMachine)
{
    const QString snap = path(QStringLiteral("local.json"));
    const CliRun run =
        cli({QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o"), snap});
    ASSERT_EQ(run.exitCode, 0) << run;
    EXPECT_NE(run.err.find("vantage host: ok"), std::string::npos) << run;
    const QJsonObject json = readJsonObject(snap);
    EXPECT_EQ(json.value(QLatin1String("schema")).toString(), QLatin1String("wslatlas.snapshot/1"));
    EXPECT_FALSE(json.value(QLatin1String("processes")).toArray().isEmpty());
    EXPECT_FALSE(json.value(QLatin1String("pid_namespaces")).toArray().isEmpty());
    EXPECT_TRUE(vantageNamed(json, QStringLiteral("host")).value(QLatin1String("ok")).toBool());
    EXPECT_TRUE(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"))
                    .match(json.value(QLatin1String("taken_at")).toString())
                    .hasMatch())
        << json.value(QLatin1String("taken_at")).toString().toStdString();

    const CliRun tree = cli({QStringLiteral("tree"), snap});
    EXPECT_EQ(tree.exitCode, 0) << tree;
    EXPECT_FALSE(tree.out.empty());
    const CliRun bare = cli({QStringLiteral("tree"), snap, QStringLiteral("--no-processes")});
    EXPECT_EQ(bare.exitCode, 0) << bare;
    EXPECT_LT(bare.out.size(), tree.out.size());
    EXPECT_EQ(
        cli({QStringLiteral("tree"), snap, QStringLiteral("--max-processes"), QStringLiteral("2")}).exitCode,
        0);

    const QString dot = path(QStringLiteral("pid.dot"));
    const CliRun exported =
        cli({QStringLiteral("export"), snap, QStringLiteral("--view"), QStringLiteral("pid"),
             QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("-o"), dot});
    EXPECT_EQ(exported.exitCode, 0) << exported;
    QFile dotFile(dot);
    ASSERT_TRUE(dotFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(dotFile.readAll().contains("digraph"));
    // The format follows from the file name when not given.
    const CliRun byName =
        cli({QStringLiteral("export"), snap, QStringLiteral("-o"), path(QStringLiteral("pid.gv"))});
    EXPECT_EQ(byName.exitCode, 0) << byName;
}

// The sample through `export`, as a user without a display runs it: no QT_QPA_PLATFORM, no DISPLAY.
TEST_F(CliTest, ExportDrawsBothViewsWithoutADisplay)
{
    const QString sample = QStringLiteral(WSLATLAS_SOURCE_DIR "/resources/samples/article-sample.json");
    CliOptions options;
    options.environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    options.environment.remove(QStringLiteral("DISPLAY"));
    options.environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    options.environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    auto run = [&](const QStringList &arguments) {
        const CliRun result = cli(QStringList{QStringLiteral("export"), sample} + arguments, options);
        EXPECT_EQ(result.exitCode, 0) << result;
        EXPECT_TRUE(result.err.empty()) << result;
    };
    const QString one = path(QStringLiteral("pid.png")), two = path(QStringLiteral("pid2.png"));
    run({QStringLiteral("--view"), QStringLiteral("pid"), QStringLiteral("-o"), one});
    run({QStringLiteral("--view"), QStringLiteral("pid"), QStringLiteral("--scale"), QStringLiteral("2"),
         QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("-o"), two});
    const QImage small(one), large(two);
    ASSERT_FALSE(small.isNull());
    ASSERT_FALSE(large.isNull());
    EXPECT_GT(small.width(), 200);
    EXPECT_LE(std::abs(large.width() - 2 * small.width()), 1);
    EXPECT_LE(std::abs(large.height() - 2 * small.height()), 1);
    // The VM node's fill (toneColors(Vm, light) = #dbe7f7) is in the picture.
    bool vmFill = false;
    for (int y = 0; y < small.height() && !vmFill; ++y)
        for (int x = 0; x < small.width() && !vmFill; ++x)
            vmFill = small.pixelColor(x, y) == QColor(0xdb, 0xe7, 0xf7);
    EXPECT_TRUE(vmFill);

    const QString svg = path(QStringLiteral("net.svg"));
    run({QStringLiteral("--view"), QStringLiteral("network"), QStringLiteral("-o"), svg});
    QSvgRenderer renderer(svg);
    EXPECT_TRUE(renderer.isValid());
    QFile svgFile(svg);
    ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    EXPECT_TRUE(svgText.contains("172.19.128.0/20")) << "the NAT subnet is drawn";
    EXPECT_TRUE(svgText.contains("4,096 addresses")) << "English plurals come from the bundled translation";

    const QString dot = path(QStringLiteral("expanded.dot"));
    run({QStringLiteral("--processes-of"), QStringLiteral("pid:[4026532257]"), QStringLiteral("-o"), dot});
    QFile dotFile(dot);
    ASSERT_TRUE(dotFile.open(QIODevice::ReadOnly));
    const QByteArray dotText = dotFile.readAll();
    EXPECT_TRUE(dotText.startsWith("digraph")) << dotText.left(80).toStdString();
    EXPECT_TRUE(dotText.contains("48950")) << "the sleep's chain is drawn with its processes";

    const CliRun unknown =
        cli({QStringLiteral("export"), sample, QStringLiteral("--processes-of"), QStringLiteral("pid:[1]"),
             QStringLiteral("-o"), path(QStringLiteral("x.png"))},
            options);
    expectOneLineError(unknown);
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("x.png"))));
}

TEST_F(CliTest, SnapshotToStandardOutput)
{
    const CliRun run = cli(
        {QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o"), QStringLiteral("-")});
    ASSERT_EQ(run.exitCode, 0) << run;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(run.out), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << run;
    EXPECT_EQ(doc.object().value(QLatin1String("schema")).toString(), QLatin1String("wslatlas.snapshot/1"));
}

// A plan whose vantages fail in every way the runner distinguishes; the healthy one still counts.
TEST_F(CliTest, FaultyVantagesMakeAPartialSnapshot)
{
    const QByteArray planText = R"({"vantages": [
      {"name": "healthy", "role": "host", "command": ["sh", "-s"]},
      {"name": "missing", "role": "host", "command": ["/nonexistent/wsl.exe", "--debug-shell"]},
      {"name": "hangs",   "role": "host", "command": ["sh", "-c", "sleep 600"]},
      {"name": "noise",   "role": "host", "command": ["sh", "-c", "head -c 4096 /dev/urandom"]},
      {"name": "cut",     "role": "host", "command": ["sh", "-c", "sh -s | head -n 40"]}
    ]})";
    const QString plan = path(QStringLiteral("faults.json"));
    writeFile(plan, planText);
    const QString snap = path(QStringLiteral("faults-snapshot.json"));

    QElapsedTimer clock;
    clock.start();
    // Ten seconds, not one: the healthy collector must finish in time on a loaded test machine. The hanging
    // vantage sleeps for ten minutes; the whole run must take a small fraction of that.
    const CliRun run = cli({QStringLiteral("snapshot"), QStringLiteral("--plan"), plan, QStringLiteral("-o"),
                            snap, QStringLiteral("--timeout"), QStringLiteral("10")});
    EXPECT_LT(clock.elapsed(), 60000) << "nothing may wait for the hanging vantage's sleep";
    EXPECT_EQ(run.exitCode, 1) << run;
    ASSERT_TRUE(QFile::exists(snap)) << run;
    for (const char *name : {"missing", "hangs", "noise", "cut"})
        EXPECT_NE(run.err.find(std::string("vantage ") + name + ": failed"), std::string::npos) << run;
    EXPECT_NE(run.err.find("vantage healthy: ok"), std::string::npos) << run;

    const QJsonObject json = readJsonObject(snap);
    EXPECT_EQ(json.value(QLatin1String("schema")).toString(), QLatin1String("wslatlas.snapshot/1"));
    EXPECT_FALSE(json.value(QLatin1String("processes")).toArray().isEmpty());
    EXPECT_TRUE(vantageNamed(json, QStringLiteral("healthy")).value(QLatin1String("ok")).toBool());

    // Each failure says why, in words a person can act on.
    const std::vector<std::pair<QString, QString>> expected{
        {QStringLiteral("missing"), QStringLiteral("start|not found|no such")},
        {QStringLiteral("hangs"), QStringLiteral("time")},
        {QStringLiteral("noise"), QStringLiteral("collector|output|marker")},
        {QStringLiteral("cut"), QStringLiteral("truncat|incomplete|end marker|cut|ended|stopped")},
    };
    for (const auto &[name, why] : expected) {
        SCOPED_TRACE(name.toStdString());
        const QJsonObject vantage = vantageNamed(json, name);
        EXPECT_FALSE(vantage.value(QLatin1String("ok")).toBool(true));
        const QString error = vantage.value(QLatin1String("error")).toString();
        EXPECT_TRUE(
            QRegularExpression(why, QRegularExpression::CaseInsensitiveOption).match(error).hasMatch())
            << error.toStdString();
    }
}

TEST_F(CliTest, AllVantagesFailedStillWritesTheSnapshot)
{
    const QString plan = path(QStringLiteral("all-fail.json"));
    writeFile(plan, R"({"vantages": [
      {"name": "missing", "role": "host", "command": ["/nonexistent/wsl.exe"]},
      {"name": "silent",  "role": "host", "command": ["true"]}
    ]})");
    const QString snap = path(QStringLiteral("all-fail-snapshot.json"));
    const CliRun run =
        cli({QStringLiteral("snapshot"), QStringLiteral("--plan"), plan, QStringLiteral("-o"), snap});
    EXPECT_EQ(run.exitCode, 1) << run;
    ASSERT_TRUE(QFile::exists(snap)) << run;
    const QJsonObject json = readJsonObject(snap);
    for (const QString &name : {QStringLiteral("missing"), QStringLiteral("silent")}) {
        const QJsonObject vantage = vantageNamed(json, name);
        EXPECT_FALSE(vantage.value(QLatin1String("ok")).toBool(true)) << name.toStdString();
        EXPECT_FALSE(vantage.value(QLatin1String("error")).toString().isEmpty()) << name.toStdString();
    }
}

} // namespace
