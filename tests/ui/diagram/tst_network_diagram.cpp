// networkDiagram on the first article's network (vEthernet (WSL) → ICS switch 172.19.128.0/20 → eth0 of the
// shared namespace), and on hand-made snapshots: mirrored mode, NAT values without a switch, an empty
// network, a plain Linux host, findings that name their node or not. Every diagram must be a graph
// Graphviz lays out and dot draws.
#include "diagram_checks.h"
#include "model_fixtures.h"
#include "network_diagram.h"

#include <QLocale>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace wslatlas;
using test::clusterOf;
using test::findEdge;
using test::findNode;
using test::hasLine;

namespace {

const std::string kAdapter = "adapter:vEthernet (WSL (Hyper-V firewall))";
const std::string kSwitch = "switch:WSL (Hyper-V firewall)";
const std::string kNetNs = "net:[4026531840]";
const std::string kEth0 = "net:[4026531840]/eth0";

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

void checkGraph(const Diagram &diagram)
{
    const QString problem = test::diagramProblem(diagram);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString layout = test::layoutProblem(diagram);
    QVERIFY2(layout.isEmpty(), qPrintable(layout));
    bool skipped = false;
    const QString dot = test::dotProblem(diagram, skipped);
    QVERIFY2(dot.isEmpty(), qPrintable(dot));
}

QString linesOf(const DiagramNode &node)
{
    QStringList lines;
    for (const std::string &line : node.lines)
        lines.push_back(q(line));
    return lines.join(QLatin1Char('|'));
}

HostAdapter adapter(const std::string &name, const std::string &ipv4, int prefix, bool up, bool wsl = false)
{
    HostAdapter a;
    a.name = name;
    a.wsl = wsl;
    a.up = up;
    if (!ipv4.empty())
        a.ipv4 = {{ipv4, prefix}};
    return a;
}

NetNamespace vmNamespace(const std::string &eth0, int prefix)
{
    NetNamespace ns;
    ns.id = kNetNs;
    ns.inode = 4026531840;
    ns.distros = {"Ubuntu-22.04"};
    ns.vantages = {"Ubuntu-22.04"};
    ns.interfaces.push_back({"lo", "", 65536, true, {{"127.0.0.1", 8}}, {}});
    ns.interfaces.push_back({"eth0", "00:15:5d:00:00:01", 1500, true, {{eth0, prefix}}, {}});
    return ns;
}

} // namespace

class TestNetworkDiagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Numbers with group separators as in English: "4,096".
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_seed = test::seedSnapshot();
    }

    void articleNetwork()
    {
        const Diagram d = networkDiagram(*m_seed);
        checkGraph(d);
        QCOMPARE(d.rankdir, std::string("LR"));

        const DiagramNode *host = findNode(d, kAdapter);
        QVERIFY(host);
        QCOMPARE(toString(host->tone), toString(DiagramTone::Windows));
        QCOMPARE(q(host->title), QStringLiteral("vEthernet (WSL (Hyper-V firewall))"));
        QVERIFY(host->emphasised);
        QCOMPARE(linesOf(*host), QStringLiteral("172.19.128.1/20"));
        const DiagramCluster *windows = clusterOf(d, kAdapter);
        QVERIFY(windows);
        QCOMPARE(q(windows->title), QStringLiteral("Windows host"));
        QCOMPARE(toString(windows->tone), toString(DiagramTone::Windows));
        QVERIFY(!findNode(d, "adapters:others")); // the sample's only adapter is the WSL one

        const DiagramNode *vswitch = findNode(d, kSwitch);
        QVERIFY(vswitch);
        QCOMPARE(toString(vswitch->tone), toString(DiagramTone::Switch));
        QVERIFY(!clusterOf(d, kSwitch));
        QCOMPARE(linesOf(*vswitch),
                 QStringLiteral(
                     "type ICS|subnet 172.19.128.0/20|gateway 172.19.128.1|172.19.128.0 – 172.19.143.255|"
                     "4,096 address(es)|hosts 172.19.128.1 – 172.19.143.254|vms_vsf, vms_vsp enabled|"
                     "NatNetwork 172.19.128.0/20|NatGatewayIpAddress 172.19.128.1"));
        QVERIFY(std::none_of(d.nodes.begin(), d.nodes.end(),
                             [](const DiagramNode &n) { return n.id.rfind("nat:", 0) == 0; }));

        const DiagramNode *netns = findNode(d, kNetNs);
        QVERIFY(netns);
        QCOMPARE(toString(netns->tone), toString(DiagramTone::NetNs));
        QCOMPARE(q(netns->title), QStringLiteral("Network namespace 4026531840"));
        QVERIFY(hasLine(*netns, "shared by Ubuntu-18.04, Ubuntu-20.04"));
        QVERIFY(hasLine(*netns, "default via 172.19.128.1 (eth0)"));
        const DiagramCluster *vm = clusterOf(d, kNetNs);
        QVERIFY(vm);
        QCOMPARE(q(vm->title), QStringLiteral("WSL 2 VM"));
        QCOMPARE(toString(vm->tone), toString(DiagramTone::Vm));

        const DiagramNode *eth0 = findNode(d, kEth0);
        QVERIFY(eth0);
        QCOMPARE(toString(eth0->tone), toString(DiagramTone::Interface));
        QCOMPARE(q(eth0->title), QStringLiteral("eth0"));
        QCOMPARE(linesOf(*eth0), QStringLiteral("172.19.132.144/20|00:15:5d:73:e1:0e|MTU 1500"));
        QCOMPARE(clusterOf(d, kEth0), vm);
        QVERIFY(findEdge(d, kNetNs, kEth0));
        // lo is left out; the four interfaces that are down without an address are summed up.
        QVERIFY(!findNode(d, kNetNs + "/lo"));
        QVERIFY(!findNode(d, kNetNs + "/bond0"));
        const DiagramNode *quiet = findNode(d, "others:" + kNetNs);
        QVERIFY(quiet);
        QCOMPARE(q(quiet->title), QStringLiteral("4 other interface(s)"));
        QVERIFY(hasLine(*quiet, "bond0, dummy0, tunl0, sit0"));
        QCOMPARE(clusterOf(d, quiet->id), vm);

        // network.links as edges: the adapter is the switch's, the switch serves eth0, eth0 routes to the
        // host.
        const DiagramEdge *attached = findEdge(d, kAdapter, kSwitch);
        QVERIFY(attached);
        QCOMPARE(q(attached->label), QStringLiteral("attached"));
        QVERIFY(!attached->dashed);
        const DiagramEdge *serves = findEdge(d, kSwitch, kEth0);
        QVERIFY(serves);
        QCOMPARE(q(serves->label), QStringLiteral("serves"));
        // The default route eth0 → adapter is drawn from the gateway, so that the picture reads host → VM.
        QVERIFY(!findEdge(d, kEth0, kAdapter));
        const DiagramEdge *route = findEdge(d, kAdapter, kEth0);
        QVERIFY(route);
        QCOMPARE(q(route->label), QStringLiteral("default gateway"));
        QVERIFY(route->dashed);
        QCOMPARE(d.edges.size(), std::size_t(5)); // the three links, netns → eth0, netns → the others

        // Both findings name their node first: the shared namespace, and eth0.
        QVERIFY(d.notes.empty());
        QCOMPARE(netns->badges.size(), std::size_t(1));
        QVERIFY(q(netns->badges[0].text).startsWith(QStringLiteral("Ubuntu-18.04, Ubuntu-20.04 share")));
        QCOMPARE(eth0->badges.size(), std::size_t(1));
        QVERIFY(
            q(eth0->badges[0].text).contains(QStringLiteral("is inside the NAT network 172.19.128.0/20")));
        QVERIFY(eth0->badges[0].severity == Severity::Info);
    }

    void mirroredMode()
    {
        Snapshot s;
        Network &net = s.network;
        net.mode = "mirrored";
        net.hostAdapters = {adapter("Ethernet", "192.168.1.20", 24, true), adapter("Wi-Fi", "", 0, false),
                            adapter("Loopback Pseudo-Interface 1", "127.0.0.1", 8, true),
                            adapter("Bluetooth Network Connection", "", 0, false)};
        net.hostAdapters[0].mac = "00:11:22:33:44:55";
        net.hostAdapters[0].description = "Intel(R) Ethernet Connection";
        VirtualSwitch stale; // a switch left from NAT days: mirrored mode does not use it
        stale.name = "WSL";
        stale.subnet = "172.19.128.0/20";
        net.switches = {stale};
        net.nat = NatConfig{"172.19.128.0/20", "172.19.128.1", ""};
        net.namespaces = {vmNamespace("192.168.1.20", 24)};
        net.findings = {{Severity::Info,
                         "mirrored mode: there is no vEthernet (WSL) adapter, by design; the VM shares "
                         "the host's adapters"}};
        const Diagram d = networkDiagram(s);
        checkGraph(d);

        const DiagramNode *mirrored = findNode(d, "mirrored");
        QVERIFY(mirrored);
        QCOMPARE(toString(mirrored->tone), toString(DiagramTone::Mirrored));
        QCOMPARE(q(mirrored->title), QStringLiteral("Mirrored networking"));
        QVERIFY(q(mirrored->lines.back()).contains(QStringLiteral("no vEthernet (WSL) adapter")));
        QVERIFY(!clusterOf(d, "mirrored"));
        // No switch, no NAT in mirrored mode.
        QVERIFY(std::none_of(d.nodes.begin(), d.nodes.end(),
                             [](const DiagramNode &n) { return n.tone == DiagramTone::Switch; }));
        // The connected adapter is drawn and mirrored into the VM's eth0; the others are summed up.
        const DiagramNode *ethernet = findNode(d, "adapter:Ethernet");
        QVERIFY(ethernet);
        QCOMPARE(linesOf(*ethernet),
                 QStringLiteral("192.168.1.20/24|00:11:22:33:44:55|Intel(R) Ethernet Connection"));
        QVERIFY(!ethernet->emphasised);
        const DiagramNode *others = findNode(d, "adapters:others");
        QVERIFY(others);
        QCOMPARE(q(others->title), QStringLiteral("3 other adapter(s)"));
        QCOMPARE(q(others->lines[0]),
                 QStringLiteral("Wi-Fi, Loopback Pseudo-Interface 1, Bluetooth Network Connection"));
        QCOMPARE(clusterOf(d, "adapters:others"), clusterOf(d, "adapter:Ethernet"));
        const DiagramEdge *in = findEdge(d, "adapter:Ethernet", "mirrored");
        QVERIFY(in);
        QCOMPARE(q(in->label), QStringLiteral("mirrored"));
        const DiagramEdge *out = findEdge(d, "mirrored", kEth0);
        QVERIFY(out);
        QCOMPARE(q(out->label), QStringLiteral("mirrored"));
        QVERIFY(!findNode(d, kNetNs + "/lo"));
        QCOMPARE(d.notes.size(), std::size_t(1)); // the finding names no node
    }

    void natWithoutSwitch()
    {
        // ipconfig and the registry only: the NAT values get a node tied to the adapter and to eth0.
        Snapshot s;
        s.network.mode = "nat";
        s.network.hostAdapters = {adapter("vEthernet (WSL)", "172.19.128.1", 20, true, true),
                                  adapter("Ethernet", "192.168.1.20", 24, true),
                                  adapter("Ethernet 2", "", 0, false)};
        s.network.nat = NatConfig{"172.19.128.0/20", "172.19.128.1", ""};
        s.network.subnets = {
            {"172.19.128.0/20", "172.19.128.0", "172.19.143.255", "172.19.128.1", "172.19.143.254", 4096}};
        s.network.namespaces = {vmNamespace("172.19.140.2", 20)};
        s.network.findings = {
            {Severity::Warning, "vEthernet (WSL) has 172.19.128.1, not the registry's value"},
            {Severity::Info, "Ethernet 2 is disconnected"},
            {Severity::Info, "a sentence about nothing drawn"}};
        const Diagram d = networkDiagram(s);
        checkGraph(d);
        const DiagramNode *nat = findNode(d, "nat:172.19.128.0/20");
        QVERIFY(nat);
        QCOMPARE(toString(nat->tone), toString(DiagramTone::Switch));
        QCOMPARE(linesOf(*nat), QStringLiteral("NatNetwork 172.19.128.0/20|NatGatewayIpAddress 172.19.128.1|"
                                               "172.19.128.0 – 172.19.143.255|4,096 address(es)|"
                                               "hosts 172.19.128.1 – 172.19.143.254"));
        const DiagramEdge *gateway = findEdge(d, "adapter:vEthernet (WSL)", nat->id);
        QVERIFY(gateway);
        QVERIFY(gateway->dashed);
        QVERIFY(findEdge(d, nat->id, kEth0));
        QVERIFY(findNode(d, "adapter:vEthernet (WSL)")->emphasised);
        // A finding about the WSL adapter becomes its badge; "Ethernet 2 is disconnected" draws that adapter
        // with its badge, not "Ethernet" (neither WSL's nor linked nor named: summed up).
        QCOMPARE(findNode(d, "adapter:vEthernet (WSL)")->badges.size(), std::size_t(1));
        QVERIFY(findNode(d, "adapter:vEthernet (WSL)")->badges[0].severity == Severity::Warning);
        const DiagramNode *ethernet2 = findNode(d, "adapter:Ethernet 2");
        QVERIFY(ethernet2);
        QCOMPARE(ethernet2->badges.size(), std::size_t(1));
        QVERIFY(hasLine(*ethernet2, "down"));
        QVERIFY(!findNode(d, "adapter:Ethernet"));
        QCOMPARE(q(findNode(d, "adapters:others")->title), QStringLiteral("1 other adapter(s)"));
        QCOMPARE(d.notes.size(), std::size_t(1));
        QCOMPARE(d.notes[0].text, std::string("a sentence about nothing drawn"));
    }

    void findingsPlacement()
    {
        // Two namespaces with an eth0 each: "eth0 …" is not plain, a note; a namespace's id is. A finding
        // naming an adapter that would be summed up draws it.
        Snapshot s;
        NetNamespace a = vmNamespace("172.19.140.2", 20);
        NetNamespace b = vmNamespace("172.19.140.3", 20);
        b.id = "net:[4026532999]";
        b.inode = 4026532999;
        s.network.namespaces = {a, b};
        s.network.hostAdapters = {adapter("Ethernet", "192.168.1.20", 24, true),
                                  adapter("Wi-Fi", "192.168.1.30", 24, true)};
        s.network.findings = {{Severity::Warning, "eth0 got an odd address"},
                              {Severity::Error, "only a loopback interface in net:[4026532999] (x)"},
                              {Severity::Warning, "Wi-Fi is metered"},
                              {Severity::Info, "nothing to see in veth0"}};
        const Diagram d = networkDiagram(s);
        checkGraph(d);
        QCOMPARE(d.notes.size(), std::size_t(2));
        QCOMPARE(d.notes[0].text, std::string("eth0 got an odd address"));
        QCOMPARE(d.notes[1].text, std::string("nothing to see in veth0"));
        QCOMPARE(findNode(d, "net:[4026532999]")->badges.size(), std::size_t(1));
        QVERIFY(findNode(d, "net:[4026532999]")->badges[0].severity == Severity::Error);
        QVERIFY(findNode(d, "adapter:Wi-Fi"));
        QCOMPARE(findNode(d, "adapter:Wi-Fi")->badges.size(), std::size_t(1));
        QVERIFY(!findNode(d, "adapter:Ethernet"));
        QCOMPARE(q(findNode(d, "adapters:others")->title), QStringLiteral("1 other adapter(s)"));
    }

    void emptyNetwork()
    {
        const Diagram d = networkDiagram(Snapshot{});
        QCOMPARE(d.nodes.size(), std::size_t(1));
        QCOMPARE(toString(d.nodes[0].tone), toString(DiagramTone::Note));
        QVERIFY(q(d.nodes[0].lines.back()).contains(QStringLiteral("ipconfig /all, hnsdiag list networks")));
        QVERIFY(d.edges.empty());
        QVERIFY(d.clusters.empty());
        checkGraph(d);
        // The synthetic snapshot has no network either.
        const Diagram synthetic = networkDiagram(*test::syntheticSnapshot(10000));
        QCOMPARE(synthetic.nodes.size(), std::size_t(1));
        checkGraph(synthetic);
    }

    void linuxHost()
    {
        Snapshot s;
        VantageReport host;
        host.name = "host";
        host.role = VantageRole::Host;
        s.vantages = {host};
        NetNamespace ns = vmNamespace("10.0.0.5", 8);
        ns.distros.clear();
        ns.interfaces.resize(1); // only lo: drawn, since it is all there is
        s.network.namespaces = {ns};
        const Diagram d = networkDiagram(s);
        checkGraph(d);
        QCOMPARE(q(clusterOf(d, kNetNs)->title), QStringLiteral("Linux host"));
        QCOMPARE(toString(clusterOf(d, kNetNs)->tone), toString(DiagramTone::Host));
        QVERIFY(findNode(d, kNetNs + "/lo"));
    }

private:
    std::shared_ptr<const Snapshot> m_seed;
};

QTEST_MAIN(TestNetworkDiagram)
#include "tst_network_diagram.moc"
