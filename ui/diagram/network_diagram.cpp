#include "network_diagram.h"

#include "address.h"
#include "diagram_support.h"
#include "model_support.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace wslatlas {

using diagram_support::joined;
using diagram_support::utf8;

namespace {

constexpr std::string_view kOtherAdaptersId = "adapters:others";
constexpr std::string_view kMirroredId = "mirrored";

std::string addressText(const Address &a)
{
    return a.prefix > 0 ? a.address + "/" + std::to_string(a.prefix) : a.address;
}

bool isLoopbackAdapter(const HostAdapter &a)
{
    return std::any_of(a.ipv4.begin(), a.ipv4.end(),
                       [](const Address &x) { return x.address.rfind("127.", 0) == 0; });
}

// Where `key` occurs in `text` as a whole word (not inside a longer name: "eth0" is not in "veth0").
std::vector<std::size_t> wordOccurrences(std::string_view text, std::string_view key)
{
    std::vector<std::size_t> at;
    if (key.empty())
        return at;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t pos = text.find(key); pos != std::string_view::npos; pos = text.find(key, pos + 1)) {
        const bool startOk = !word(key.front()) || pos == 0 || !word(text[pos - 1]);
        const std::size_t end = pos + key.size();
        const bool endOk = !word(key.back()) || end == text.size() || !word(text[end]);
        if (startOk && endOk)
            at.push_back(pos);
    }
    return at;
}

class NetworkDiagramBuilder
{
    Q_DECLARE_TR_FUNCTIONS(NetworkDiagram)

public:
    explicit NetworkDiagramBuilder(const Snapshot &snapshot) : m_snapshot(snapshot), m_net(snapshot.network)
    {}

    Diagram build();

private:
    bool has(std::string_view id) const { return m_nodeIndex.count(std::string(id)) > 0; }
    DiagramNode *node(std::string_view id);
    bool addNode(DiagramNode node, std::vector<std::string> *cluster);
    void addEdge(const std::string &from, const std::string &to, const QString &label, bool dashed);
    void addKey(const std::string &key, const std::string &nodeId) { m_keys.push_back({key, nodeId}); }

    void addEmptyNote();
    void addHostAdapters();
    void addSwitches();
    void addNat();
    void addNamespaces();
    bool isLinuxHost() const;
    static DiagramNode namespaceNode(const NetNamespace &ns);
    static DiagramNode interfaceNode(const NetInterface &i, const std::string &id);
    void addInterfaces(const NetNamespace &ns, const std::set<std::string> &linked,
                       std::vector<std::string> *cluster);
    void addNatEdges();
    void addMirrored();
    void addLinks();
    void placeFindings();

    std::vector<std::string> subnetLines(const std::string &cidrText) const;
    bool natOnSwitch(const VirtualSwitch &s) const;

    const Snapshot &m_snapshot;
    const Network &m_net;
    Diagram m_diagram;
    std::unordered_map<std::string, std::size_t> m_nodeIndex;
    std::unordered_set<std::string> m_edgeIds;
    std::vector<std::pair<std::string, std::string>> m_keys; // text naming a node in findings -> node id
    std::vector<std::string> m_adapterNodes;                 // drawn host adapters
    std::vector<std::string> m_interfaceNodes;               // drawn interfaces (not summaries)
    std::string m_natNode;                                   // the registry's NAT values drawn on their own
    bool m_mirrored = false;
};

DiagramNode *NetworkDiagramBuilder::node(std::string_view id)
{
    const auto it = m_nodeIndex.find(std::string(id));
    return it == m_nodeIndex.end() ? nullptr : &m_diagram.nodes[it->second];
}

// A node id twice (the same adapter or interface listed twice in a file) is drawn once.
bool NetworkDiagramBuilder::addNode(DiagramNode node, std::vector<std::string> *cluster)
{
    if (node.id.empty() || !m_nodeIndex.emplace(node.id, m_diagram.nodes.size()).second)
        return false;
    if (cluster)
        cluster->push_back(node.id);
    m_diagram.nodes.push_back(std::move(node));
    return true;
}

void NetworkDiagramBuilder::addEdge(const std::string &from, const std::string &to, const QString &label,
                                    bool dashed)
{
    if (!has(from) || !has(to))
        return;
    std::string id = "e:" + from + "→" + to;
    for (int n = 2; !m_edgeIds.insert(id).second; ++n)
        id = "e:" + from + "→" + to + "#" + std::to_string(n);
    m_diagram.edges.push_back({id, from, to, utf8(label), dashed});
}

void NetworkDiagramBuilder::addEmptyNote()
{
    DiagramNode note;
    note.id = "note:no-network";
    note.tone = DiagramTone::Note;
    note.title = utf8(tr("No network data in this snapshot"));
    note.lines = {utf8(tr("Take a snapshot on Windows: it captures the host's adapters, the Hyper-V switch "
                          "and the VM's interfaces.")),
                  utf8(tr("Or import a capture folder with saved outputs: ipconfig /all, hnsdiag list "
                          "networks, Get-NetAdapter, and ip addr from a distro."))};
    addNode(std::move(note), nullptr);
}

void NetworkDiagramBuilder::addHostAdapters()
{
    std::set<std::string> linked;
    for (const NetLink &link : m_net.links)
        for (const std::string *end : {&link.from, &link.to})
            if (end->rfind("adapter:", 0) == 0)
                linked.insert(end->substr(8));
    // "Ethernet" is not named by "Ethernet 2 is down" when there is an adapter "Ethernet 2".
    auto namedByFinding = [&](const std::string &name) {
        return std::any_of(m_net.findings.begin(), m_net.findings.end(), [&](const Finding &f) {
            for (std::size_t pos : wordOccurrences(f.text, name)) {
                const bool inLonger = std::any_of(
                    m_net.hostAdapters.begin(), m_net.hostAdapters.end(), [&](const HostAdapter &other) {
                        if (other.name.size() <= name.size())
                            return false;
                        for (std::size_t at : wordOccurrences(f.text, other.name))
                            if (at <= pos && pos + name.size() <= at + other.name.size())
                                return true;
                        return false;
                    });
                if (!inLonger)
                    return true;
            }
            return false;
        });
    };

    DiagramCluster cluster{"cluster:windows", utf8(tr("Windows host")), DiagramTone::Windows, {}};
    std::vector<std::string> others;
    for (const HostAdapter &a : m_net.hostAdapters) {
        // In mirrored mode the VM sees the host's connected adapters: those are the ones that matter.
        const bool mirroredIn = m_mirrored && !a.ipv4.empty() && a.up.value_or(true) && !isLoopbackAdapter(a);
        if (!a.wsl && !linked.count(a.name) && !mirroredIn && !namedByFinding(a.name)) {
            others.push_back(a.name);
            continue;
        }
        DiagramNode n;
        n.id = "adapter:" + a.name;
        n.tone = DiagramTone::Windows;
        n.title = a.name.empty() ? a.description : a.name;
        for (const Address &x : a.ipv4)
            n.lines.push_back(addressText(x));
        if (!a.mac.empty())
            n.lines.push_back(a.mac);
        if (!a.description.empty() && a.description != n.title)
            n.lines.push_back(a.description);
        if (a.up && !*a.up)
            n.lines.push_back(utf8(tr("down")));
        n.emphasised = a.wsl;
        const std::string id = n.id;
        if (addNode(std::move(n), &cluster.nodes)) {
            m_adapterNodes.push_back(id);
            addKey(a.name, id);
        }
    }
    if (!others.empty()) {
        DiagramNode n;
        n.id = std::string(kOtherAdaptersId);
        n.tone = DiagramTone::Windows;
        n.title = utf8(
            tr("%n other adapter(s)", "host adapters not drawn one by one", static_cast<int>(others.size())));
        const std::size_t listed = std::min<std::size_t>(others.size(), 3);
        std::string names = joined(
            std::vector<std::string>(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(listed)));
        if (listed < others.size())
            names += ", …";
        n.lines.push_back(names);
        addNode(std::move(n), &cluster.nodes);
    }
    if (!cluster.nodes.empty())
        m_diagram.clusters.push_back(std::move(cluster));
}

// The arithmetic of a subnet, from network.subnets when it is there (else computed): range, count, hosts.
std::vector<std::string> NetworkDiagramBuilder::subnetLines(const std::string &cidrText) const
{
    const std::optional<Ipv4Cidr> cidr = parseIpv4Cidr(cidrText);
    if (!cidr)
        return {};
    Subnet subnet = computeSubnet(*cidr);
    for (const Subnet &s : m_net.subnets)
        if (s.cidr == subnet.cidr)
            subnet = s;
    const QLocale locale;
    std::vector<std::string> lines;
    lines.push_back(utf8(tr("%1 – %2", "a subnet's first and last address")
                             .arg(toQString(subnet.network), toQString(subnet.broadcast))));
    lines.push_back(subnet.addresses <= static_cast<std::uint64_t>(INT_MAX)
                        ? utf8(tr("%Ln address(es)", "size of a subnet", static_cast<int>(subnet.addresses)))
                        : utf8(tr("%1 addresses", "size of a large subnet")
                                   .arg(locale.toString(static_cast<qulonglong>(subnet.addresses)))));
    lines.push_back(utf8(tr("hosts %1 – %2", "a subnet's first and last host address")
                             .arg(toQString(subnet.firstHost), toQString(subnet.lastHost))));
    return lines;
}

bool NetworkDiagramBuilder::natOnSwitch(const VirtualSwitch &s) const
{
    if (!m_net.nat || m_net.nat->network.empty())
        return false;
    const auto a = parseIpv4Cidr(s.subnet);
    const auto b = parseIpv4Cidr(m_net.nat->network);
    return a && b && computeSubnet(*a).cidr == computeSubnet(*b).cidr;
}

void NetworkDiagramBuilder::addSwitches()
{
    for (const VirtualSwitch &s : m_net.switches) {
        DiagramNode n;
        n.id = "switch:" + s.name;
        n.tone = DiagramTone::Switch;
        n.title = s.name;
        if (!s.type.empty())
            n.lines.push_back(
                utf8(tr("type %1", "a Hyper-V switch's type (ICS, NAT, Internal)").arg(toQString(s.type))));
        if (!s.subnet.empty())
            n.lines.push_back(utf8(tr("subnet %1").arg(toQString(s.subnet))));
        if (!s.gateway.empty())
            n.lines.push_back(utf8(tr("gateway %1").arg(toQString(s.gateway))));
        for (std::string &line : subnetLines(s.subnet))
            n.lines.push_back(std::move(line));
        std::vector<std::string> vms;
        for (const AdapterBinding &b : s.bindings)
            if (b.enabled && b.component.rfind("vms_", 0) == 0)
                vms.push_back(b.component);
        if (!vms.empty())
            n.lines.push_back(utf8(tr("%1 enabled", "Hyper-V switch components bound to the switch's adapter")
                                       .arg(toQString(joined(vms)))));
        else if (!s.bindings.empty())
            n.lines.push_back(
                utf8(tr("%n binding(s)", "adapter bindings", static_cast<int>(s.bindings.size()))));
        if (natOnSwitch(s)) {
            n.lines.push_back(utf8(tr("NatNetwork %1").arg(toQString(m_net.nat->network))));
            if (!m_net.nat->gateway.empty())
                n.lines.push_back(utf8(tr("NatGatewayIpAddress %1").arg(toQString(m_net.nat->gateway))));
            if (!m_net.nat->address.empty())
                n.lines.push_back(utf8(tr("NatIpAddress %1").arg(toQString(m_net.nat->address))));
        }
        const std::string id = n.id;
        if (addNode(std::move(n), nullptr))
            addKey(s.name, id);
    }
}

// The registry's NAT values when no switch carries them (no switch captured, or a different subnet): a
// node of its own, tied by address to the adapter holding its gateway and the interfaces inside it.
void NetworkDiagramBuilder::addNat()
{
    if (!m_net.nat || std::any_of(m_net.switches.begin(), m_net.switches.end(),
                                  [&](const VirtualSwitch &s) { return natOnSwitch(s); }))
        return;
    const NatConfig &nat = *m_net.nat;
    DiagramNode n;
    n.id = "nat:" + (nat.network.empty() ? std::string("registry") : nat.network);
    n.tone = DiagramTone::Switch;
    n.title = utf8(tr("NAT network (registry)"));
    if (!nat.network.empty())
        n.lines.push_back(utf8(tr("NatNetwork %1").arg(toQString(nat.network))));
    if (!nat.gateway.empty())
        n.lines.push_back(utf8(tr("NatGatewayIpAddress %1").arg(toQString(nat.gateway))));
    if (!nat.address.empty())
        n.lines.push_back(utf8(tr("NatIpAddress %1").arg(toQString(nat.address))));
    for (std::string &line : subnetLines(nat.network))
        n.lines.push_back(std::move(line));
    m_natNode = n.id;
    if (!addNode(std::move(n), nullptr)) {
        m_natNode.clear();
        return;
    }
    if (!nat.network.empty())
        addKey(nat.network, m_natNode);
}

// After the namespaces, so that the interfaces exist.
void NetworkDiagramBuilder::addNatEdges()
{
    if (m_natNode.empty())
        return;
    const NatConfig &nat = *m_net.nat;
    const std::string &id = m_natNode;
    for (const HostAdapter &a : m_net.hostAdapters)
        for (const Address &x : a.ipv4)
            if (!nat.gateway.empty() && x.address == nat.gateway)
                addEdge("adapter:" + a.name, id, tr("gateway"), true);
    const auto cidr = parseIpv4Cidr(nat.network);
    if (!cidr)
        return;
    for (const NetNamespace &ns : m_net.namespaces)
        for (const NetInterface &i : ns.interfaces)
            for (const Address &x : i.ipv4) {
                const auto address = parseIpv4(x.address);
                if (address && subnetContains(*cidr, *address))
                    addEdge(id, ns.id + "/" + i.name, tr("in subnet"), true);
            }
}

// A plain Linux host has network namespaces but no VM: say so rather than drawing a "WSL 2 VM".
bool NetworkDiagramBuilder::isLinuxHost() const
{
    const auto &vantages = m_snapshot.vantages;
    return m_net.hostAdapters.empty() && m_net.switches.empty() && !m_net.nat &&
           std::any_of(vantages.begin(), vantages.end(),
                       [](const VantageReport &v) { return v.role == VantageRole::Host; }) &&
           std::all_of(vantages.begin(), vantages.end(),
                       [](const VantageReport &v) { return v.role == VantageRole::Host; });
}

DiagramNode NetworkDiagramBuilder::namespaceNode(const NetNamespace &ns)
{
    DiagramNode n;
    n.id = ns.id;
    n.tone = DiagramTone::NetNs;
    n.title = ns.inode ? utf8(tr("Network namespace %1").arg(ns.inode)) : ns.id;
    if (ns.distros.size() > 1)
        n.lines.push_back(utf8(tr("shared by %1").arg(toQString(joined(ns.distros)))));
    else if (ns.distros.size() == 1)
        n.lines.push_back(utf8(tr("used by %1").arg(toQString(ns.distros.front()))));
    if (!ns.vantages.empty())
        n.lines.push_back(utf8(tr("seen from %1").arg(toQString(joined(ns.vantages)))));
    for (const Route &r : ns.routes)
        if (r.destination == "default" && !r.gateway.empty())
            n.lines.push_back(utf8(tr("default via %1 (%2)").arg(toQString(r.gateway), toQString(r.dev))));
    if (!ns.nameservers.empty())
        n.lines.push_back(utf8(tr("DNS %1").arg(toQString(joined(ns.nameservers)))));
    return n;
}

DiagramNode NetworkDiagramBuilder::interfaceNode(const NetInterface &i, const std::string &id)
{
    DiagramNode in;
    in.id = id;
    in.tone = DiagramTone::Interface;
    in.title = i.name;
    for (const Address &x : i.ipv4)
        in.lines.push_back(addressText(x));
    if (!i.mac.empty())
        in.lines.push_back(i.mac);
    if (i.mtu)
        in.lines.push_back(utf8(tr("MTU %1").arg(*i.mtu)));
    if (i.up && !*i.up)
        in.lines.push_back(utf8(tr("down")));
    return in;
}

// The namespace's interfaces, each linked to it; loopback and the quiet ones (down, without an IPv4 address)
// are left out unless a link names them, the quiet ones summed up in one node.
void NetworkDiagramBuilder::addInterfaces(const NetNamespace &ns, const std::set<std::string> &linked,
                                          std::vector<std::string> *cluster)
{
    std::vector<std::string> quiet;
    for (const NetInterface &i : ns.interfaces) {
        const std::string id = ns.id + "/" + i.name;
        const bool named = linked.count(id) > 0;
        if (i.name == "lo" && ns.interfaces.size() > 1 && !named)
            continue;
        if (!named && i.ipv4.empty() && !i.up.value_or(true) && ns.interfaces.size() > 1) {
            quiet.push_back(i.name);
            continue;
        }
        if (!addNode(interfaceNode(i, id), cluster))
            continue;
        m_interfaceNodes.push_back(id);
        addEdge(ns.id, id, {}, false);
        // "eth0" names this interface in a finding only when no other namespace has one of that name.
        addKey(i.name, id);
    }
    if (quiet.empty())
        return;
    DiagramNode q;
    q.id = "others:" + ns.id;
    q.tone = DiagramTone::Interface;
    q.title =
        utf8(tr("%n other interface(s)", "interfaces not drawn one by one", static_cast<int>(quiet.size())));
    q.lines.push_back(utf8(diagram_support::shortened(toQString(joined(quiet)), 40)));
    q.lines.push_back(utf8(tr("down, no IPv4 address")));
    const std::string id = q.id;
    if (addNode(std::move(q), cluster))
        addEdge(ns.id, id, {}, false);
}

void NetworkDiagramBuilder::addNamespaces()
{
    const bool wsl = !isLinuxHost();
    DiagramCluster cluster{"cluster:vm",
                           wsl ? utf8(tr("WSL 2 VM")) : utf8(tr("Linux host")),
                           wsl ? DiagramTone::Vm : DiagramTone::Host,
                           {}};
    std::set<std::string> linked;
    for (const NetLink &link : m_net.links) {
        linked.insert(link.from);
        linked.insert(link.to);
    }
    for (const NetNamespace &ns : m_net.namespaces) {
        if (!addNode(namespaceNode(ns), &cluster.nodes))
            continue;
        addKey(ns.id, ns.id);
        addInterfaces(ns, linked, &cluster.nodes);
    }
    if (!cluster.nodes.empty())
        m_diagram.clusters.push_back(std::move(cluster));
}

void NetworkDiagramBuilder::addMirrored()
{
    DiagramNode n;
    n.id = std::string(kMirroredId);
    n.tone = DiagramTone::Mirrored;
    n.title = utf8(tr("Mirrored networking"));
    n.lines = {utf8(tr("the VM sees the host's adapters as its own")),
               utf8(tr("no vEthernet (WSL) adapter and no NAT, by design"))};
    addNode(std::move(n), nullptr);
    const std::string id(kMirroredId);
    for (const std::string &adapter : m_adapterNodes)
        addEdge(adapter, id, tr("mirrored"), false);
    if (m_adapterNodes.empty() && has(kOtherAdaptersId))
        addEdge(std::string(kOtherAdaptersId), id, tr("mirrored"), false);
    for (const std::string &interface : m_interfaceNodes)
        addEdge(id, interface, tr("mirrored"), false);
}

void NetworkDiagramBuilder::addLinks()
{
    for (const NetLink &link : m_net.links) {
        switch (link.kind) {
        case LinkKind::Attached:
            addEdge(link.from, link.to, tr("attached", "a host adapter is the switch's own adapter"), false);
            break;
        case LinkKind::Serves:
            addEdge(link.from, link.to, tr("serves", "a switch serves an interface in its subnet"), false);
            break;
        case LinkKind::DefaultRoute:
            // Drawn from the gateway to the interface that routes to it, so that everything reads from the
            // host towards the VM (an edge back would turn the layout around).
            addEdge(link.to, link.from,
                    tr("default gateway", "a host adapter is an interface's default gateway"), true);
            break;
        }
    }
}

// A finding goes on the node it is about when that is plain: the first node the text names (names inside a
// longer name that is also mentioned do not count), and only when that name means one node.
void NetworkDiagramBuilder::placeFindings()
{
    for (const Finding &finding : m_net.findings) {
        struct Match
        {
            std::size_t pos;
            std::size_t end;
            const std::string *node;
        };
        std::vector<Match> matches;
        for (const auto &[key, id] : m_keys)
            for (std::size_t pos : wordOccurrences(finding.text, key))
                matches.push_back({pos, pos + key.size(), &id});
        std::vector<Match> outer;
        for (const Match &m : matches) {
            const bool inside = std::any_of(matches.begin(), matches.end(), [&](const Match &o) {
                return o.pos <= m.pos && m.end <= o.end && (o.end - o.pos) > (m.end - m.pos);
            });
            if (!inside)
                outer.push_back(m);
        }
        std::sort(outer.begin(), outer.end(), [](const Match &a, const Match &b) { return a.pos < b.pos; });
        const bool plain =
            !outer.empty() && std::none_of(outer.begin() + 1, outer.end(), [&](const Match &m) {
                return m.pos == outer.front().pos && *m.node != *outer.front().node;
            });
        DiagramNode *target = plain ? node(*outer.front().node) : nullptr;
        if (target)
            target->badges.push_back(diagram_support::badgeOf(finding));
        else
            m_diagram.notes.push_back(diagram_support::badgeOf(finding));
    }
}

Diagram NetworkDiagramBuilder::build()
{
    m_diagram.title = utf8(tr("Network"));
    m_diagram.rankdir = "LR";
    m_mirrored = m_net.mode == "mirrored";
    if (m_net.hostAdapters.empty() && m_net.switches.empty() && !m_net.nat && m_net.namespaces.empty()) {
        addEmptyNote();
        for (const Finding &finding : m_net.findings)
            m_diagram.notes.push_back(diagram_support::badgeOf(finding));
        return std::move(m_diagram);
    }
    addHostAdapters();
    if (!m_mirrored) {
        addSwitches();
        addNat();
    }
    addNamespaces();
    addNatEdges();
    if (m_mirrored)
        addMirrored();
    addLinks();
    placeFindings();
    return std::move(m_diagram);
}

} // namespace

Diagram networkDiagram(const Snapshot &snapshot)
{
    return NetworkDiagramBuilder(snapshot).build();
}

} // namespace wslatlas
