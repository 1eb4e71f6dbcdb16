// wslatlas-cli parse, import, and snapshot with host captures, as a user runs them. The acceptance
// test: the seed articles' outputs imported as a capture folder give the articles' tree and network.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include "cli_harness.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace clitest;

const QString kFixtures = QStringLiteral(WSLATLAS_FIXTURES_DIR);

// The article's (000) outputs, as a Windows console prints them (CRLF).
const QByteArray kArticleIpRoute = "default via 172.19.128.1 dev eth0 proto kernel\n"
                                   "172.19.128.0/20 dev eth0 proto kernel scope link src 172.19.132.144\n";

const QByteArray kArticleIpconfig = "\r\nWindows IP Configuration\r\n\r\n\r\n"
                                    "Ethernet adapter vEthernet (WSL (Hyper-V firewall)):\r\n\r\n"
                                    "   Connection-specific DNS Suffix  . :\r\n"
                                    "   Link-local IPv6 Address . . . . . : fe80::4817:b6e:4576:c2c3%62\r\n"
                                    "   IPv4 Address. . . . . . . . . . . : 172.19.128.1\r\n"
                                    "   Subnet Mask . . . . . . . . . . . : 255.255.240.0\r\n"
                                    "   Default Gateway . . . . . . . . . :\r\n";

const QByteArray kArticleBindings =
    "\r\n"
    "Name                           DisplayName                                        ComponentID          "
    "Enabled\r\n"
    "----                           -----------                                        -----------          "
    "-------\r\n"
    "vSwitch (WSL (Hyper-V firew... Hyper-V Virtual Switch Extension Filter            vms_vsf              "
    "True\r\n"
    "vSwitch (WSL (Hyper-V firew... Microsoft Windows Filtering Platform               ms_wfplwf_vswitch    "
    "False\r\n"
    "vSwitch (WSL (Hyper-V firew... Hyper-V Virtual Switch Extension Protocol          vms_vsp              "
    "True\r\n"
    "\r\n";

const QByteArray kArticleHnsdiag = "Network : 790E58B4-7939-4434-9358-89AE7DDBE87E\r\n"
                                   "    Name             : WSL (Hyper-V firewall)\r\n"
                                   "    Type             : ICS\r\n"
                                   "    Subnet Address   : 172.19.128.0/20\r\n"
                                   "    Gateway          : 172.19.128.1\r\n"
                                   "\r\n";

const QByteArray kArticleRegistry =
    "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss\r\n"
    "    NatGatewayIpAddress    REG_SZ    172.19.128.1\r\n"
    "    NatNetwork    REG_SZ    172.19.128.0/20\r\n"
    "\r\n";

// What PowerShell 5.1's `>` writes: UTF-16LE with a BOM.
QByteArray utf16le(const QByteArray &ascii)
{
    QByteArray out("\xff\xfe", 2);
    for (char c : ascii) {
        out.append(c);
        out.append('\0');
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

QJsonObject objectNamed(const QJsonArray &array, const QString &key, const QString &value)
{
    for (const QJsonValue &v : array)
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    ADD_FAILURE() << "no entry with " << key.toStdString() << " = " << value.toStdString();
    return {};
}

QJsonObject address(const char *ip, int prefix)
{
    return QJsonObject{{QStringLiteral("address"), QLatin1String(ip)}, {QStringLiteral("prefix"), prefix}};
}

class CliCaptureTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString file(const QString &name, const QByteArray &data) const
    {
        const QString p = path(name);
        writeFile(p, data);
        return p;
    }
    // A subfolder of the test's directory, created empty.
    QString folder(const QString &name) const
    {
        EXPECT_TRUE(QDir(m_dir.path()).mkpath(name));
        return path(name);
    }

    QTemporaryDir m_dir;
};

// --- parse ---

TEST_F(CliCaptureTest, ParseTheArticlesIpRoute)
{
    const CliRun run = cli({QStringLiteral("parse"), QStringLiteral("ip-route"),
                            file(QStringLiteral("route.txt"), kArticleIpRoute)});
    ASSERT_EQ(run.exitCode, 0) << run;
    EXPECT_TRUE(run.err.empty()) << run;
    const QJsonObject expected{
        {QStringLiteral("routes"),
         QJsonArray{QJsonObject{{QStringLiteral("destination"), QStringLiteral("default")},
                                {QStringLiteral("gateway"), QStringLiteral("172.19.128.1")},
                                {QStringLiteral("dev"), QStringLiteral("eth0")}},
                    QJsonObject{{QStringLiteral("destination"), QStringLiteral("172.19.128.0/20")},
                                {QStringLiteral("dev"), QStringLiteral("eth0")},
                                {QStringLiteral("source"), QStringLiteral("172.19.132.144")}}}}};
    EXPECT_EQ(jsonObject(run.out), expected) << run;
}

TEST_F(CliCaptureTest, ParseFromStandardInputTakesBytesAsTheyAre)
{
    // UTF-16LE with CRLF, as a PowerShell redirection saves it.
    CliOptions options;
    options.stdinData = utf16le(QByteArray(kArticleIpRoute).replace("\n", "\r\n"));
    const CliRun run =
        cli({QStringLiteral("parse"), QStringLiteral("ip-route"), QStringLiteral("-")}, options);
    ASSERT_EQ(run.exitCode, 0) << run;
    const CliRun fromFile = cli({QStringLiteral("parse"), QStringLiteral("ip-route"),
                                 file(QStringLiteral("route.txt"), kArticleIpRoute)});
    EXPECT_EQ(run.out, fromFile.out);
}

TEST_F(CliCaptureTest, ParseTheArticlesHostOutputs)
{
    const CliRun ipconfig = cli({QStringLiteral("parse"), QStringLiteral("ipconfig"),
                                 file(QStringLiteral("ipconfig.txt"), utf16le(kArticleIpconfig))});
    ASSERT_EQ(ipconfig.exitCode, 0) << ipconfig;
    const QJsonArray adapters = jsonObject(ipconfig.out).value(QLatin1String("host_adapters")).toArray();
    ASSERT_EQ(adapters.size(), 1) << ipconfig;
    const QJsonObject adapter = adapters.at(0).toObject();
    EXPECT_EQ(adapter.value(QLatin1String("name")).toString(),
              QLatin1String("vEthernet (WSL (Hyper-V firewall))"));
    EXPECT_TRUE(adapter.value(QLatin1String("wsl")).toBool());
    EXPECT_EQ(adapter.value(QLatin1String("ipv4")).toArray(), QJsonArray{address("172.19.128.1", 20)});

    const CliRun registry = cli({QStringLiteral("parse"), QStringLiteral("lxss-registry"),
                                 file(QStringLiteral("reg.txt"), kArticleRegistry)});
    ASSERT_EQ(registry.exitCode, 0) << registry;
    const QJsonObject nat = jsonObject(registry.out).value(QLatin1String("nat")).toObject();
    EXPECT_EQ(nat.value(QLatin1String("network")).toString(), QLatin1String("172.19.128.0/20"));
    EXPECT_EQ(nat.value(QLatin1String("gateway")).toString(), QLatin1String("172.19.128.1"));
}

TEST_F(CliCaptureTest, ParseUnknownKindListsTheKinds)
{
    const CliRun run = cli({QStringLiteral("parse"), QStringLiteral("netstat"),
                            file(QStringLiteral("route.txt"), kArticleIpRoute)});
    expectOneLineError(run);
    EXPECT_NE(run.err.find("netstat"), std::string::npos) << run;
    for (const char *kind : {"wsl-list", "ipconfig", "hnsdiag-networks", "ip-route", "resolv-conf"})
        EXPECT_NE(run.err.find(kind), std::string::npos) << kind << "\n" << run;
    // The kind is checked before the file is read.
    expectOneLineError(
        cli({QStringLiteral("parse"), QStringLiteral("netstat"), path(QStringLiteral("none"))}));
}

TEST_F(CliCaptureTest, ParseGarbageIsOneLineForEveryKind)
{
    const QString garbage = kFixtures + QStringLiteral("/collector/garbage.bin");
    const QString empty = file(QStringLiteral("empty.txt"), QByteArray());
    const QString prose = file(QStringLiteral("prose.txt"), "Hello,\nthis is not any command's output.\n");
    const CliRun help = cli({QStringLiteral("parse"), QStringLiteral("--help")});
    for (const char *kind :
         {"wsl-list", "wsl-status", "wsl-version", "wsl-error", "wslconfig", "lxss-registry", "ipconfig",
          "net-adapters", "net-ip", "adapter-bindings", "vm-switch", "hnsdiag-networks", "ip-addr",
          "ifconfig", "ip-route", "resolv-conf"}) {
        SCOPED_TRACE(kind);
        for (const QString &input : {garbage, empty, prose}) {
            SCOPED_TRACE(input.toStdString());
            const CliRun run = cli({QStringLiteral("parse"), QLatin1String(kind), input});
            expectOneLineError(run);
            EXPECT_TRUE(run.out.empty()) << run;
            EXPECT_NE(run.err.find(input.toStdString()), std::string::npos) << "the line names the input\n"
                                                                            << run;
        }
    }
}

TEST_F(CliCaptureTest, ParseUsageAndUnreadableFile)
{
    const QString route = file(QStringLiteral("route.txt"), kArticleIpRoute);
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("parse")},
          QStringList{QStringLiteral("parse"), QStringLiteral("ip-route")},
          QStringList{QStringLiteral("parse"), QStringLiteral("ip-route"), route, route},
          QStringList{QStringLiteral("parse"), QStringLiteral("--bogus")}}) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        expectOneLineError(cli(arguments));
    }
    const CliRun missing =
        cli({QStringLiteral("parse"), QStringLiteral("ip-route"), path(QStringLiteral("nope.txt"))});
    expectOneLineError(missing);
    EXPECT_NE(missing.err.find("nope.txt"), std::string::npos) << missing;
}

TEST_F(CliCaptureTest, ParseHelpListsEveryKindWithItsCommand)
{
    const CliRun run = cli({QStringLiteral("parse"), QStringLiteral("--help")});
    ASSERT_EQ(run.exitCode, 0) << run;
    const std::vector<std::pair<const char *, const char *>> kinds{
        {"wsl-list", "wsl.exe -l -v"},
        {"wsl-status", "wsl.exe --status"},
        {"wsl-version", "wsl.exe --version"},
        {"wsl-error", "wsl.exe"},
        {"wslconfig", ".wslconfig"},
        {"lxss-registry", "reg query"},
        {"ipconfig", "ipconfig"},
        {"net-adapters", "Get-NetAdapter"},
        {"net-ip", "Get-NetIPAddress"},
        {"adapter-bindings", "Get-NetAdapterBinding"},
        {"vm-switch", "Get-VMSwitch"},
        {"hnsdiag-networks", "hnsdiag list networks"},
        {"ip-addr", "ip addr"},
        {"ifconfig", "ifconfig"},
        {"ip-route", "ip route"},
        {"resolv-conf", "/etc/resolv.conf"},
    };
    for (const auto &[kind, source] : kinds) {
        // One line per kind: "  KIND   SOURCE".
        const std::size_t at = run.out.find(std::string("  ") + kind + " ");
        ASSERT_NE(at, std::string::npos) << kind << "\n" << run;
        const std::string line = run.out.substr(at, run.out.find('\n', at) - at);
        EXPECT_NE(line.find(source), std::string::npos) << line;
    }
}

// Every capture fixture the parsers' tests use, through the CLI: JSON with the kind's member, or
// exit 2 with one line; never a crash, never a second line.
TEST_F(CliCaptureTest, ParseEveryCaptureFixture)
{
    // File name prefix -> kind, per fixture folder (the folders' READMEs describe the files).
    const std::map<QString, std::vector<std::pair<QString, QString>>> prefixes{
        {QStringLiteral("host"),
         {{QStringLiteral("bindings"), QStringLiteral("adapter-bindings")},
          {QStringLiteral("hnsdiag"), QStringLiteral("hnsdiag-networks")},
          {QStringLiteral("ipconfig"), QStringLiteral("ipconfig")},
          {QStringLiteral("net-adapter"), QStringLiteral("net-adapters")},
          {QStringLiteral("net-ip"), QStringLiteral("net-ip")},
          {QStringLiteral("vmswitch"), QStringLiteral("vm-switch")}}},
        {QStringLiteral("wsl"),
         {{QStringLiteral("error"), QStringLiteral("wsl-error")},
          {QStringLiteral("list"), QStringLiteral("wsl-list")},
          {QStringLiteral("lxss"), QStringLiteral("lxss-registry")},
          {QStringLiteral("status"), QStringLiteral("wsl-status")},
          {QStringLiteral("version"), QStringLiteral("wsl-version")},
          {QStringLiteral("wslconfig"), QStringLiteral("wslconfig")}}},
        {QStringLiteral("linux"),
         {{QStringLiteral("ip-route"), QStringLiteral("ip-route")},
          {QStringLiteral("article-ip-route"), QStringLiteral("ip-route")},
          {QStringLiteral("ifconfig"), QStringLiteral("ifconfig")},
          {QStringLiteral("article-ifconfig"), QStringLiteral("ifconfig")},
          {QStringLiteral("resolv-conf"), QStringLiteral("resolv-conf")},
          {QStringLiteral("ip-"), QStringLiteral("ip-addr")}}},
    };
    const std::map<QString, QString> member{
        {QStringLiteral("adapter-bindings"), QStringLiteral("bindings")},
        {QStringLiteral("hnsdiag-networks"), QStringLiteral("switches")},
        {QStringLiteral("vm-switch"), QStringLiteral("switches")},
        {QStringLiteral("ipconfig"), QStringLiteral("host_adapters")},
        {QStringLiteral("net-adapters"), QStringLiteral("host_adapters")},
        {QStringLiteral("net-ip"), QStringLiteral("host_adapters")},
        {QStringLiteral("wsl-error"), QStringLiteral("error")},
        {QStringLiteral("wsl-list"), QStringLiteral("distros")},
        {QStringLiteral("lxss-registry"), QStringLiteral("nat")},
        {QStringLiteral("wsl-status"), QStringLiteral("status")},
        {QStringLiteral("wsl-version"), QStringLiteral("version")},
        {QStringLiteral("wslconfig"), QStringLiteral("settings")},
        {QStringLiteral("ip-addr"), QStringLiteral("interfaces")},
        {QStringLiteral("ifconfig"), QStringLiteral("interfaces")},
        {QStringLiteral("ip-route"), QStringLiteral("routes")},
        {QStringLiteral("resolv-conf"), QStringLiteral("nameservers")},
    };
    int parsed = 0;
    for (const auto &[dirName, table] : prefixes) {
        const QDir dir(kFixtures + QStringLiteral("/captures/") + dirName);
        for (const QFileInfo &entry : dir.entryInfoList(QDir::Files, QDir::Name)) {
            const QString name = entry.fileName();
            if (name.endsWith(QLatin1String(".md")) || name.endsWith(QLatin1String(".py")))
                continue;
            QString kind;
            qsizetype longest = 0;
            for (const auto &[prefix, k] : table)
                if (name.startsWith(prefix) && prefix.size() > longest) {
                    kind = k;
                    longest = prefix.size();
                }
            if (kind.isEmpty())
                continue;
            SCOPED_TRACE((dirName + QLatin1Char('/') + name + QLatin1String(" as ") + kind).toStdString());
            const CliRun run = cli({QStringLiteral("parse"), kind, entry.filePath()});
            EXPECT_FALSE(run.crashed) << run;
            if (run.exitCode == 0) {
                EXPECT_TRUE(jsonObject(run.out).contains(member.at(kind))) << run;
                EXPECT_TRUE(run.err.empty()) << run;
                ++parsed;
            } else {
                expectOneLineError(run);
            }
            // The articles' own outputs must be understood.
            if (name.contains(QLatin1String("article")) && !name.contains(QLatin1String("truncated"))) {
                EXPECT_EQ(run.exitCode, 0) << run;
            }
        }
    }
    EXPECT_GT(parsed, 0) << "no capture fixture parsed";
}

// --- import ---

// The articles' facts (000 and 003), exactly: the snapshot a user gets from the sample folder.
void expectTheArticles(const QJsonObject &snapshot)
{
    // The pid tree of article 003.
    std::map<QString, std::pair<QString, QString>> tree;
    for (const QJsonValue &v : snapshot.value(QLatin1String("pid_namespaces")).toArray()) {
        const QJsonObject ns = v.toObject();
        tree[ns.value(QLatin1String("id")).toString()] = {ns.value(QLatin1String("parent")).toString(),
                                                          ns.value(QLatin1String("role")).toString()};
    }
    const std::map<QString, std::pair<QString, QString>> expectedTree{
        {QStringLiteral("pid:[4026531836]"), {QString(), QStringLiteral("vm")}},
        {QStringLiteral("pid:[4026532245]"), {QStringLiteral("pid:[4026531836]"), QStringLiteral("wslg")}},
        {QStringLiteral("pid:[4026532257]"), {QStringLiteral("pid:[4026532245]"), QStringLiteral("distro")}},
        {QStringLiteral("pid:[4026532771]"),
         {QStringLiteral("pid:[4026531836]"), QStringLiteral("isolation")}},
        {QStringLiteral("pid:[4026532784]"), {QStringLiteral("pid:[4026532771]"), QStringLiteral("distro")}},
    };
    EXPECT_EQ(tree, expectedTree);
    auto chainOf = [&](const char *cmdline) {
        QJsonArray chain;
        for (const QJsonValue &v : snapshot.value(QLatin1String("processes")).toArray())
            if (v.toObject().value(QLatin1String("cmdline")).toString() == QLatin1String(cmdline))
                chain = v.toObject().value(QLatin1String("chain")).toArray();
        return chain;
    };
    auto link = [](const char *ns, int pid) {
        return QJsonObject{{QStringLiteral("ns"), QLatin1String(ns)}, {QStringLiteral("pid"), pid}};
    };
    EXPECT_EQ(chainOf("sleep 680001"),
              (QJsonArray{link("pid:[4026531836]", 48950), link("pid:[4026532245]", 4578),
                          link("pid:[4026532257]", 4419)}));
    EXPECT_EQ(chainOf("sleep 180000"),
              (QJsonArray{link("pid:[4026531836]", 56564), link("pid:[4026532771]", 87),
                          link("pid:[4026532784]", 32)}));
    for (const QJsonValue &v : snapshot.value(QLatin1String("vantages")).toArray())
        EXPECT_TRUE(v.toObject().value(QLatin1String("ok")).toBool())
            << v.toObject().value(QLatin1String("name")).toString().toStdString();
    EXPECT_EQ(snapshot.value(QLatin1String("vantages")).toArray().size(), 4);

    // Each capture was read.
    std::multiset<QString> captures;
    for (const QJsonValue &v : snapshot.value(QLatin1String("captures")).toArray()) {
        captures.insert(v.toObject().value(QLatin1String("kind")).toString());
        EXPECT_TRUE(v.toObject().value(QLatin1String("ok")).toBool())
            << v.toObject().value(QLatin1String("error")).toString().toStdString();
    }
    EXPECT_EQ(captures,
              (std::multiset<QString>{QStringLiteral("adapter-bindings"), QStringLiteral("hnsdiag-networks"),
                                      QStringLiteral("ipconfig"), QStringLiteral("lxss-registry")}));

    // The network of article 000.
    const QJsonObject net = snapshot.value(QLatin1String("network")).toObject();
    EXPECT_EQ(net.value(QLatin1String("mode")).toString(), QLatin1String("nat"));

    const QJsonArray adapters = net.value(QLatin1String("host_adapters")).toArray();
    ASSERT_EQ(adapters.size(), 1);
    const QJsonObject adapter = adapters.at(0).toObject();
    EXPECT_EQ(adapter.value(QLatin1String("name")).toString(),
              QLatin1String("vEthernet (WSL (Hyper-V firewall))"));
    EXPECT_TRUE(adapter.value(QLatin1String("wsl")).toBool());
    EXPECT_EQ(adapter.value(QLatin1String("ipv4")).toArray(), QJsonArray{address("172.19.128.1", 20)});
    EXPECT_EQ(adapter.value(QLatin1String("ipv6")).toArray(),
              QJsonArray{address("fe80::4817:b6e:4576:c2c3", 64)});

    const QJsonArray switches = net.value(QLatin1String("switches")).toArray();
    ASSERT_EQ(switches.size(), 1);
    const QJsonObject vswitch = switches.at(0).toObject();
    EXPECT_EQ(vswitch.value(QLatin1String("name")).toString(), QLatin1String("WSL (Hyper-V firewall)"));
    EXPECT_EQ(vswitch.value(QLatin1String("type")).toString(), QLatin1String("ICS"));
    EXPECT_EQ(vswitch.value(QLatin1String("subnet")).toString(), QLatin1String("172.19.128.0/20"));
    EXPECT_EQ(vswitch.value(QLatin1String("gateway")).toString(), QLatin1String("172.19.128.1"));
    std::vector<std::pair<QString, bool>> bindings;
    for (const QJsonValue &b : vswitch.value(QLatin1String("bindings")).toArray())
        bindings.emplace_back(b.toObject().value(QLatin1String("component")).toString(),
                              b.toObject().value(QLatin1String("enabled")).toBool());
    EXPECT_EQ(bindings, (std::vector<std::pair<QString, bool>>{{QStringLiteral("vms_vsf"), true},
                                                               {QStringLiteral("ms_wfplwf_vswitch"), false},
                                                               {QStringLiteral("vms_vsp"), true}}));

    EXPECT_EQ(net.value(QLatin1String("nat")).toObject(),
              (QJsonObject{{QStringLiteral("network"), QStringLiteral("172.19.128.0/20")},
                           {QStringLiteral("gateway"), QStringLiteral("172.19.128.1")},
                           {QStringLiteral("address"), QJsonValue::Null}}));
    EXPECT_EQ(net.value(QLatin1String("subnets")).toArray(),
              QJsonArray{(QJsonObject{{QStringLiteral("cidr"), QStringLiteral("172.19.128.0/20")},
                                      {QStringLiteral("network"), QStringLiteral("172.19.128.0")},
                                      {QStringLiteral("broadcast"), QStringLiteral("172.19.143.255")},
                                      {QStringLiteral("first_host"), QStringLiteral("172.19.128.1")},
                                      {QStringLiteral("last_host"), QStringLiteral("172.19.143.254")},
                                      {QStringLiteral("addresses"), 4096}})});

    // One network namespace shared by both distros, eth0 inside the NAT network.
    const QJsonArray namespaces = net.value(QLatin1String("namespaces")).toArray();
    ASSERT_EQ(namespaces.size(), 1);
    const QJsonObject ns = namespaces.at(0).toObject();
    EXPECT_EQ(ns.value(QLatin1String("id")).toString(), QLatin1String("net:[4026531840]"));
    std::set<QString> distros;
    for (const QJsonValue &d : ns.value(QLatin1String("distros")).toArray())
        distros.insert(d.toString());
    EXPECT_EQ(distros, (std::set<QString>{QStringLiteral("Ubuntu-18.04"), QStringLiteral("Ubuntu-20.04")}));
    const QJsonObject eth0 = objectNamed(ns.value(QLatin1String("interfaces")).toArray(),
                                         QStringLiteral("name"), QStringLiteral("eth0"));
    EXPECT_EQ(eth0.value(QLatin1String("ipv4")).toArray(), QJsonArray{address("172.19.132.144", 20)});
    const QJsonObject defaultRoute = objectNamed(ns.value(QLatin1String("routes")).toArray(),
                                                 QStringLiteral("destination"), QStringLiteral("default"));
    EXPECT_EQ(defaultRoute.value(QLatin1String("gateway")).toString(), QLatin1String("172.19.128.1"));

    // The article's conclusion, and nothing alarming.
    int inside = 0;
    for (const QJsonValue &v : net.value(QLatin1String("findings")).toArray()) {
        const QJsonObject finding = v.toObject();
        const QString text = finding.value(QLatin1String("text")).toString();
        EXPECT_EQ(finding.value(QLatin1String("severity")).toString(), QLatin1String("info"))
            << text.toStdString();
        if (text.contains(QLatin1String("172.19.132.144 is inside the NAT network 172.19.128.0/20")))
            ++inside;
    }
    EXPECT_EQ(inside, 1);
}

TEST_F(CliCaptureTest, ImportTheArticleSample)
{
    const QString snap = path(QStringLiteral("article.json"));
    const QString sample = kFixtures + QStringLiteral("/captures/import-article");
    const CliRun run = cli({QStringLiteral("import"), sample, QStringLiteral("-o"), snap});
    ASSERT_EQ(run.exitCode, 0) << run;
    for (const char *line :
         {"vantage vm: ok", "vantage system:Ubuntu-20.04: ok", "vantage Ubuntu-20.04: ok",
          "vantage Ubuntu-18.04: ok", "capture ipconfig: ok", "capture adapter-bindings: ok",
          "capture hnsdiag-networks: ok", "capture lxss-registry: ok", "wrote "})
        EXPECT_NE(run.err.find(line), std::string::npos) << line << "\n" << run;
    // The sample's README is not a capture: named, and left alone.
    EXPECT_NE(run.err.find("warning: ignored README.md"), std::string::npos) << run;
    expectTheArticles(readJsonObject(snap));
}

// The same facts from a folder built here: seed 003's collector outputs under the vantage names, the
// article's host outputs in the encodings Windows saves them in.
TEST_F(CliCaptureTest, ImportAFolderBuiltFromTheSeeds)
{
    const QString dir = folder(QStringLiteral("capture"));
    const QString seed = kFixtures + QStringLiteral("/seed003/");
    const std::vector<std::pair<QString, QString>> vantages{
        {QStringLiteral("vm.txt"), QStringLiteral("vantage-vm.txt")},
        {QStringLiteral("system-ubuntu2004.txt"), QStringLiteral("vantage-system-Ubuntu-20.04.txt")},
        {QStringLiteral("ubuntu2004.txt"), QStringLiteral("vantage-Ubuntu-20.04.txt")},
        {QStringLiteral("ubuntu1804.txt"), QStringLiteral("vantage-Ubuntu-18.04.txt")},
    };
    for (const auto &[from, to] : vantages)
        writeFile(dir + QLatin1Char('/') + to, readAll(seed + from));
    writeFile(dir + QStringLiteral("/ipconfig.txt"), utf16le(kArticleIpconfig));
    writeFile(dir + QStringLiteral("/adapter-bindings.txt"), utf16le(kArticleBindings));
    writeFile(dir + QStringLiteral("/hnsdiag-networks.txt"), kArticleHnsdiag);
    writeFile(dir + QStringLiteral("/lxss-registry.hklm.txt"), kArticleRegistry);
    writeFile(dir + QStringLiteral("/notes.txt"), "what I did\n");

    const QString snap = path(QStringLiteral("built.json"));
    const CliRun run = cli({QStringLiteral("import"), dir, QStringLiteral("-o"), snap});
    ASSERT_EQ(run.exitCode, 0) << run;
    EXPECT_NE(run.err.find("warning: ignored notes.txt"), std::string::npos) << run;
    expectTheArticles(readJsonObject(snap));

    // To standard output, the same document.
    const CliRun out = cli({QStringLiteral("import"), dir, QStringLiteral("-o"), QStringLiteral("-")});
    ASSERT_EQ(out.exitCode, 0) << out;
    expectTheArticles(jsonObject(out.out));
}

TEST_F(CliCaptureTest, ImportWithABrokenVantageIsPartial)
{
    const QString dir = folder(QStringLiteral("partial"));
    writeFile(dir + QStringLiteral("/vantage-Ubuntu-20.04.txt"),
              readAll(kFixtures + QStringLiteral("/seed003/ubuntu2004.txt")));
    writeFile(dir + QStringLiteral("/vantage-Ubuntu-18.04.txt"),
              readAll(kFixtures + QStringLiteral("/collector/truncated.txt")));
    const QString snap = path(QStringLiteral("partial.json"));
    const CliRun run = cli({QStringLiteral("import"), dir, QStringLiteral("-o"), snap});
    EXPECT_EQ(run.exitCode, 1) << run;
    EXPECT_NE(run.err.find("vantage Ubuntu-18.04: failed: vantage-Ubuntu-18.04.txt"), std::string::npos)
        << run;
    const QJsonObject json = readJsonObject(snap);
    const QJsonObject broken = objectNamed(json.value(QLatin1String("vantages")).toArray(),
                                           QStringLiteral("name"), QStringLiteral("Ubuntu-18.04"));
    EXPECT_FALSE(broken.value(QLatin1String("ok")).toBool(true));
    EXPECT_FALSE(broken.value(QLatin1String("error")).toString().isEmpty());
}

TEST_F(CliCaptureTest, ImportWithABrokenCaptureIsNotPartial)
{
    const QString dir = folder(QStringLiteral("capture-broken"));
    writeFile(dir + QStringLiteral("/vantage-Ubuntu-20.04.txt"),
              readAll(kFixtures + QStringLiteral("/seed003/ubuntu2004.txt")));
    writeFile(dir + QStringLiteral("/ipconfig.txt"), "this is not ipconfig\n");
    writeFile(dir + QStringLiteral("/ip-route.txt"), kArticleIpRoute);
    const QString snap = path(QStringLiteral("capture-broken.json"));
    const CliRun run = cli({QStringLiteral("import"), dir, QStringLiteral("-o"), snap});
    EXPECT_EQ(run.exitCode, 0) << run;
    EXPECT_NE(run.err.find("capture ipconfig: failed: ipconfig.txt: "), std::string::npos) << run;
    EXPECT_NE(run.err.find("capture ip-route: ok"), std::string::npos) << run;
    const QJsonArray captures = readJsonObject(snap).value(QLatin1String("captures")).toArray();
    const QJsonObject ipconfig = objectNamed(captures, QStringLiteral("kind"), QStringLiteral("ipconfig"));
    EXPECT_FALSE(ipconfig.value(QLatin1String("ok")).toBool(true));
    EXPECT_TRUE(
        ipconfig.value(QLatin1String("error")).toString().startsWith(QLatin1String("ipconfig.txt: ")));
}

TEST_F(CliCaptureTest, ImportRefusesWhatHoldsNothingUsable)
{
    const QString out = path(QStringLiteral("out.json"));
    const QString empty = folder(QStringLiteral("empty"));
    const QString notes = folder(QStringLiteral("notes"));
    writeFile(notes + QStringLiteral("/README.md"), "# notes\n");
    writeFile(notes + QStringLiteral("/netstat.txt"), "Active Connections\n");
    const QString broken = folder(QStringLiteral("broken"));
    writeFile(broken + QStringLiteral("/vantage-vm.txt"), "garbage\n");
    writeFile(broken + QStringLiteral("/ipconfig.txt"), "garbage\n");
    const QString plainFile = file(QStringLiteral("file.txt"), "x");

    const std::vector<QStringList> cases{
        {QStringLiteral("import"), path(QStringLiteral("missing")), QStringLiteral("-o"), out},
        {QStringLiteral("import"), plainFile, QStringLiteral("-o"), out},
        {QStringLiteral("import"), empty, QStringLiteral("-o"), out},
        {QStringLiteral("import"), notes, QStringLiteral("-o"), out},
        {QStringLiteral("import"), broken, QStringLiteral("-o"), out},
        // Usage.
        {QStringLiteral("import")},
        {QStringLiteral("import"), empty},
        {QStringLiteral("import"), empty, empty, QStringLiteral("-o"), out},
        {QStringLiteral("import"), QStringLiteral("-o"), out},
    };
    for (const QStringList &arguments : cases) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const CliRun run = cli(arguments);
        expectOneLineError(run);
    }
    EXPECT_FALSE(QFile::exists(out));
    const CliRun missing =
        cli({QStringLiteral("import"), path(QStringLiteral("missing")), QStringLiteral("-o"), out});
    EXPECT_NE(missing.err.find("missing"), std::string::npos) << missing;
}

// --- snapshot with host captures ---

// The full path a Windows plan takes: spawn, capture bytes (UTF-16 too), decode, parse, merge.
TEST_F(CliCaptureTest, SnapshotRunsThePlansCaptures)
{
    const QString route = file(QStringLiteral("route.txt"), kArticleIpRoute);
    const QString ipconfig = file(QStringLiteral("ipconfig.txt"), utf16le(kArticleIpconfig));
    const QString registry = file(QStringLiteral("reg.txt"), kArticleRegistry);
    const QByteArray plan = QStringLiteral(R"({"vantages": [
      {"name": "host", "role": "host", "command": ["sh", "-s"]}
    ], "captures": [
      {"kind": "ip-route", "command": ["cat", "%1"]},
      {"kind": "ipconfig", "command": ["cat", "%2"]},
      {"kind": "lxss-registry", "command": ["cat", "%3"]},
      {"kind": "resolv-conf", "command": ["sh", "-c", "echo 'cannot open resolv.conf' >&2; exit 3"]},
      {"kind": "wsl-list", "command": ["/nonexistent/wsl.exe", "-l", "-v"]}
    ]})")
                                .arg(route, ipconfig, registry)
                                .toUtf8();
    const QString planPath = file(QStringLiteral("plan.json"), plan);
    const QString snap = path(QStringLiteral("snap.json"));
    const CliRun run =
        cli({QStringLiteral("snapshot"), QStringLiteral("--plan"), planPath, QStringLiteral("-o"), snap});
    EXPECT_EQ(run.exitCode, 0) << "failed captures alone do not make the snapshot partial\n" << run;
    for (const char *line :
         {"vantage host: ok", "capture ip-route: ok", "capture ipconfig: ok", "capture lxss-registry: ok",
          "capture resolv-conf: failed: ", "capture wsl-list: failed: "})
        EXPECT_NE(run.err.find(line), std::string::npos) << line << "\n" << run;
    EXPECT_NE(run.err.find("cannot open resolv.conf"), std::string::npos) << "the command's own words\n"
                                                                          << run;

    const QJsonObject json = readJsonObject(snap);
    const QJsonArray captures = json.value(QLatin1String("captures")).toArray();
    EXPECT_EQ(captures.size(), 5);
    for (const char *kind : {"ip-route", "ipconfig", "lxss-registry"})
        EXPECT_TRUE(objectNamed(captures, QStringLiteral("kind"), QLatin1String(kind))
                        .value(QLatin1String("ok"))
                        .toBool())
            << kind;
    for (const char *kind : {"resolv-conf", "wsl-list"}) {
        const QJsonObject failed = objectNamed(captures, QStringLiteral("kind"), QLatin1String(kind));
        EXPECT_FALSE(failed.value(QLatin1String("ok")).toBool(true)) << kind;
        EXPECT_FALSE(failed.value(QLatin1String("error")).toString().isEmpty()) << kind;
    }
    const QJsonObject net = json.value(QLatin1String("network")).toObject();
    EXPECT_EQ(net.value(QLatin1String("nat")).toObject().value(QLatin1String("network")).toString(),
              QLatin1String("172.19.128.0/20"));
    const QJsonObject adapter =
        objectNamed(net.value(QLatin1String("host_adapters")).toArray(), QStringLiteral("name"),
                    QStringLiteral("vEthernet (WSL (Hyper-V firewall))"));
    EXPECT_EQ(adapter.value(QLatin1String("ipv4")).toArray(), QJsonArray{address("172.19.128.1", 20)});
    // A pasted ip-route has no vantage: it lands in a namespace of its own.
    const QJsonObject pasted = objectNamed(net.value(QLatin1String("namespaces")).toArray(),
                                           QStringLiteral("id"), QStringLiteral("net:[?pasted]"));
    EXPECT_EQ(pasted.value(QLatin1String("routes")).toArray().size(), 2);
}

TEST_F(CliCaptureTest, SnapshotOfCapturesOnly)
{
    const QString planPath = file(QStringLiteral("plan.json"), R"({"vantages": [], "captures": [
      {"kind": "resolv-conf", "command": ["sh", "-c", "echo nameserver 172.19.128.1"]}
    ]})");
    const QString snap = path(QStringLiteral("snap.json"));
    const CliRun run =
        cli({QStringLiteral("snapshot"), QStringLiteral("--plan"), planPath, QStringLiteral("-o"), snap});
    EXPECT_EQ(run.exitCode, 0) << run;
    EXPECT_NE(run.err.find("capture resolv-conf: ok"), std::string::npos) << run;
    EXPECT_TRUE(QFile::exists(snap));
}

// --- the default plan, discovered from a stand-in wsl.exe on PATH (as inside a distro) ---

class FakeWslTest : public CliCaptureTest
{
protected:
    void SetUp() override
    {
        CliCaptureTest::SetUp();
        m_bin = folder(QStringLiteral("bin"));
        // Answers the two listings from files beside it and runs every vantage with `sh -s`.
        const QString script = m_bin + QStringLiteral("/wsl.exe");
        writeFile(script, "#!/bin/sh\n"
                          "here=$(dirname \"$0\")\n"
                          "case \"$*\" in\n"
                          "  '-l -v') cat \"$here/list.txt\"; exit \"$(cat \"$here/list.exit\")\" ;;\n"
                          "  '-l --running -q') cat \"$here/running.txt\" ;;\n"
                          "  *'--exec sh -s') exec sh -s ;;\n"
                          "  *) echo \"unsupported: $*\" >&2; exit 1 ;;\n"
                          "esac\n");
        QFile::setPermissions(script, QFile::permissions(script) | QFileDevice::ExeOwner);
        answer(utf16le("  NAME            STATE           VERSION\r\n"
                       "* Ubuntu-20.04    Running         2\r\n"
                       "  Ubuntu-18.04    Running         2\r\n"
                       "  kali-linux      Stopped         2\r\n"),
               0, utf16le("Ubuntu-20.04\r\nUbuntu-18.04\r\n"));
        m_options.environment.insert(QStringLiteral("PATH"),
                                     m_bin + QLatin1Char(':') +
                                         m_options.environment.value(QStringLiteral("PATH")));
    }

    void answer(const QByteArray &list, int exitCode, const QByteArray &running) const
    {
        writeFile(m_bin + QStringLiteral("/list.txt"), list);
        writeFile(m_bin + QStringLiteral("/list.exit"), QByteArray::number(exitCode));
        writeFile(m_bin + QStringLiteral("/running.txt"), running);
    }

    QString m_bin;
    CliOptions m_options;
};

TEST_F(FakeWslTest, PlanHasTheRunningWsl2Distros)
{
    const CliRun run = cli({QStringLiteral("plan")}, m_options);
    ASSERT_EQ(run.exitCode, 0) << run;
    const QJsonObject plan = jsonObject(run.out);
    QStringList vantages;
    for (const QJsonValue &v : plan.value(QLatin1String("vantages")).toArray())
        vantages << v.toObject().value(QLatin1String("name")).toString();
    EXPECT_EQ(vantages, (QStringList{QStringLiteral("system:Ubuntu-20.04"), QStringLiteral("Ubuntu-20.04"),
                                     QStringLiteral("system:Ubuntu-18.04"), QStringLiteral("Ubuntu-18.04")}));
    EXPECT_FALSE(plan.value(QLatin1String("captures")).toArray().isEmpty());
    EXPECT_NE(run.err.find("plan: running WSL 2 distros: Ubuntu-20.04, Ubuntu-18.04"), std::string::npos)
        << run;
    EXPECT_NE(run.err.find("kali-linux"), std::string::npos) << "the stopped distro is named\n" << run;

    const CliRun local = cli({QStringLiteral("plan"), QStringLiteral("--local")}, m_options);
    ASSERT_EQ(local.exitCode, 0) << local;
    EXPECT_EQ(jsonObject(local.out).value(QLatin1String("vantages")).toArray().size(), 1);
}

TEST_F(FakeWslTest, AListingFailureStopsPlanAndSnapshot)
{
    // wsl.exe's own failure: exit -1, UTF-16, the error code on the last line. (No distro installed is
    // not one: tests/windows covers it.)
    answer(utf16le("The service cannot be started, either because it is disabled or because it has no "
                   "enabled devices associated with it.\r\nError code: Wsl/0x80070422\r\n"),
           255, QByteArray());
    const QString out = path(QStringLiteral("out.json"));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("plan")},
          QStringList{QStringLiteral("snapshot"), QStringLiteral("-o"), out}}) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const CliRun run = cli(arguments, m_options);
        expectOneLineError(run);
        EXPECT_NE(run.err.find("0x80070422"), std::string::npos) << run;
    }
    EXPECT_FALSE(QFile::exists(out));
    // --local does not ask wsl.exe.
    const CliRun local =
        cli({QStringLiteral("snapshot"), QStringLiteral("--local"), QStringLiteral("-o"), out}, m_options);
    EXPECT_EQ(local.exitCode, 0) << local;
}

TEST_F(FakeWslTest, SnapshotRunsTheDiscoveredPlan)
{
    const QString snap = path(QStringLiteral("snap.json"));
    const CliRun run = cli({QStringLiteral("snapshot"), QStringLiteral("-o"), snap}, m_options);
    // The stand-in does not know --status and --version: those captures fail, the snapshot is whole.
    EXPECT_EQ(run.exitCode, 0) << run;
    for (const char *line :
         {"vantage Ubuntu-20.04: ok", "vantage system:Ubuntu-18.04: ok", "capture wsl-list: ok",
          "capture wsl-status: failed: ", "capture wsl-version: failed: "})
        EXPECT_NE(run.err.find(line), std::string::npos) << line << "\n" << run;
    const QJsonObject json = readJsonObject(snap);
    EXPECT_EQ(json.value(QLatin1String("vantages")).toArray().size(), 4);
    QStringList distros;
    for (const QJsonValue &d : json.value(QLatin1String("distros")).toArray())
        distros << d.toObject().value(QLatin1String("name")).toString();
    EXPECT_EQ(distros, (QStringList{QStringLiteral("Ubuntu-20.04"), QStringLiteral("Ubuntu-18.04"),
                                    QStringLiteral("kali-linux")}));
}

} // namespace
