#include "network_model.h"

#include "address.h"
#include "finding.h"
#include "text.h"

#include <algorithm>
#include <map>
#include <set>

namespace wslatlas {

namespace {

bool isWslAdapterName(const std::string &name)
{
    return name.rfind("vEthernet (WSL", 0) == 0;
}

// "vEthernet (WSL (Hyper-V firewall))" -> "WSL (Hyper-V firewall)"; "vSwitch (X)" -> "X".
std::string innerName(const std::string &name, const std::string &prefix)
{
    if (name.rfind(prefix, 0) != 0 || name.size() <= prefix.size() + 1)
        return {};
    std::string inner = name.substr(prefix.size());
    if (inner.back() == ')')
        inner.pop_back();
    return inner;
}

template <typename T> void addUnique(std::vector<T> &to, const std::vector<T> &from)
{
    for (const T &x : from)
        if (std::find(to.begin(), to.end(), x) == to.end())
            to.push_back(x);
}

void mergeAddresses(std::vector<Address> &to, const std::vector<Address> &from)
{
    for (const Address &a : from) {
        auto same = [&](const Address &b) { return b.address == a.address; };
        if (std::none_of(to.begin(), to.end(), same))
            to.push_back(a);
    }
}

// Get-NetAdapter, ipconfig and Get-NetIPAddress each know part of an adapter: one entry per name.
void mergeAdapter(std::vector<HostAdapter> &adapters, const HostAdapter &in)
{
    auto it = std::find_if(adapters.begin(), adapters.end(), [&](const HostAdapter &a) {
        return a.name == in.name || (a.ifIndex && in.ifIndex && *a.ifIndex == *in.ifIndex);
    });
    if (it == adapters.end()) {
        adapters.push_back(in);
        adapters.back().wsl = adapters.back().wsl || isWslAdapterName(in.name);
        return;
    }
    HostAdapter &a = *it;
    if (a.description.empty())
        a.description = in.description;
    if (a.mac.empty())
        a.mac = in.mac;
    if (!a.ifIndex)
        a.ifIndex = in.ifIndex;
    if (!a.up)
        a.up = in.up;
    if (!a.mtu)
        a.mtu = in.mtu;
    a.wsl = a.wsl || in.wsl || isWslAdapterName(in.name);
    mergeAddresses(a.ipv4, in.ipv4);
    mergeAddresses(a.ipv6, in.ipv6);
    addUnique(a.gateways, in.gateways);
    addUnique(a.dnsServers, in.dnsServers);
}

void mergeSwitch(std::vector<VirtualSwitch> &switches, const VirtualSwitch &in)
{
    auto it = std::find_if(switches.begin(), switches.end(), [&](const VirtualSwitch &s) {
        return s.name == in.name || (!s.id.empty() && !in.id.empty() && s.id == in.id);
    });
    if (it == switches.end()) {
        switches.push_back(in);
        return;
    }
    // hnsdiag's type (ICS, NAT) says more than Get-VMSwitch's (Internal): keep the first non-empty.
    if (it->id.empty())
        it->id = in.id;
    if (it->type.empty())
        it->type = in.type;
    if (it->subnet.empty())
        it->subnet = in.subnet;
    if (it->gateway.empty())
        it->gateway = in.gateway;
}

// Get-NetAdapterBinding names the switch's own adapter "vSwitch (NAME)", cut with "..." in tables.
VirtualSwitch *switchForBinding(std::vector<VirtualSwitch> &switches, const AdapterBinding &b)
{
    std::string inner = innerName(b.adapter, "vSwitch (");
    if (inner.empty())
        return nullptr;
    const bool cut = inner.size() >= 3 && inner.compare(inner.size() - 3, 3, "...") == 0;
    if (cut)
        inner.resize(inner.size() - 3);
    for (VirtualSwitch &s : switches)
        if (cut ? s.name.rfind(inner, 0) == 0 : s.name == inner)
            return &s;
    return nullptr;
}

struct Ipv4Interface
{
    std::string where; // "net:[INODE]/eth0"
    std::string label; // "eth0" or "eth0 in Ubuntu-20.04"
    std::uint32_t address;
    std::string text;
    int prefix; // as written beside the address
};

using text::joined;

// What the captures say that is not a field of the snapshot yet: merged in the steps below.
struct Gathered
{
    std::vector<Distro> listed, registry;
    std::optional<WslConfig> wslConfig;
    std::vector<VirtualSwitch> switches;
    std::vector<AdapterBinding> bindings;
    NetNamespace pasted; // ip-addr/ifconfig/ip-route/resolv-conf pasted without a vantage
};

// Adapters: Get-NetAdapter first (it names them all, with index and state), then the others.
std::vector<const ParsedCapture *> adapterListFirst(const std::vector<ParsedCapture> &captures)
{
    std::vector<const ParsedCapture *> ordered;
    for (const ParsedCapture &c : captures)
        if (c.status.kind == "net-adapters")
            ordered.push_back(&c);
    for (const ParsedCapture &c : captures)
        if (c.status.kind != "net-adapters")
            ordered.push_back(&c);
    return ordered;
}

// One capture's values: adapters and NAT values go into net at once, the rest into gathered.
void gatherCapture(const ParsedCapture &c, Network &net, Gathered &gathered)
{
    const CaptureValues &v = c.values;
    if (v.hostAdapters)
        for (const HostAdapter &a : *v.hostAdapters)
            mergeAdapter(net.hostAdapters, a);
    if (v.distros) {
        // HKLM and HKCU are two captures of one kind: gather both.
        auto &into = c.status.kind == "lxss-registry" ? gathered.registry : gathered.listed;
        into.insert(into.end(), v.distros->begin(), v.distros->end());
    }
    if (v.nat && *v.nat)
        net.nat = **v.nat;
    if (v.switches)
        for (const VirtualSwitch &s : *v.switches)
            mergeSwitch(gathered.switches, s);
    if (v.bindings)
        addUnique(gathered.bindings, *v.bindings);
    if (v.wslConfig)
        gathered.wslConfig = v.wslConfig;
    if (v.error)
        net.findings.push_back(makeFinding(Severity::Error, FindingCode::WslError,
                                           {{"message", v.error->message}, {"code", v.error->code}}));
    if (v.interfaces)
        for (const NetInterface &i : *v.interfaces)
            gathered.pasted.interfaces.push_back(i);
    if (v.routes)
        addUnique(gathered.pasted.routes, *v.routes);
    if (v.nameservers)
        addUnique(gathered.pasted.nameservers, *v.nameservers);
}

// Every capture's status goes into the snapshot; only the ones that succeeded have values.
Gathered gatherCaptures(Snapshot &snapshot, const std::vector<ParsedCapture> &captures)
{
    Gathered gathered;
    for (const ParsedCapture *c : adapterListFirst(captures)) {
        snapshot.captures.push_back(c->status);
        if (c->status.ok)
            gatherCapture(*c, snapshot.network, gathered);
    }
    return gathered;
}

// Outputs pasted without a vantage (ip addr, ifconfig, ip route, resolv.conf): one namespace of their own.
void addPastedNamespace(Network &net, NetNamespace pasted)
{
    if (pasted.interfaces.empty() && pasted.routes.empty() && pasted.nameservers.empty())
        return;
    pasted.id = "net:[?pasted]";
    pasted.vantages = {"pasted outputs"};
    net.namespaces.push_back(std::move(pasted));
}

// Distros: wsl -l -v says state and default; the registry adds ids and paths (and a default when
// WSL 2.4.4's list lacks the marker).
std::vector<Distro> mergeDistros(const std::vector<Distro> &listed, const std::vector<Distro> &registry)
{
    std::vector<Distro> distros = listed.empty() ? registry : listed;
    for (Distro &d : distros) {
        auto r =
            std::find_if(registry.begin(), registry.end(), [&](const Distro &x) { return x.name == d.name; });
        if (r == registry.end())
            continue;
        d.id = r->id;
        d.basePath = r->basePath;
        d.flags = r->flags;
        if (!d.version)
            d.version = r->version;
    }
    const bool anyDefault =
        std::any_of(distros.begin(), distros.end(), [](const Distro &d) { return d.isDefault; });
    if (!anyDefault)
        for (Distro &d : distros)
            for (const Distro &r : registry)
                if (r.name == d.name && r.isDefault)
                    d.isDefault = true;
    return distros;
}

// Each binding goes to its switch; a binding for a switch no capture named creates it.
std::vector<VirtualSwitch> bindSwitches(std::vector<VirtualSwitch> switches,
                                        const std::vector<AdapterBinding> &bindings)
{
    for (const AdapterBinding &b : bindings) {
        VirtualSwitch *s = switchForBinding(switches, b);
        if (!s) {
            // The switch still exists; keep its name as seen.
            VirtualSwitch created;
            created.name = innerName(b.adapter, "vSwitch (");
            if (created.name.empty())
                continue;
            switches.push_back(created);
            s = &switches.back();
        }
        s->bindings.push_back(b);
    }
    return switches;
}

bool anyWslAdapter(const Network &net)
{
    return std::any_of(net.hostAdapters.begin(), net.hostAdapters.end(),
                       [](const HostAdapter &a) { return a.wsl; });
}

// The mode: what wslinfo reported inside (already in net.mode) beats .wslconfig.
void settleMode(Network &net, const std::optional<WslConfig> &wslConfig)
{
    if (net.mode.empty() && wslConfig && !wslConfig->networkingMode.empty())
        net.mode = wslConfig->networkingMode;
    if (net.mode.empty() && (net.nat || anyWslAdapter(net)))
        net.mode = "nat"; // WSL's default, and what a vEthernet (WSL) adapter or NAT values mean
}

// The namespaces' IPv4 addresses, loopback left out: what the subnets, links and findings look at.
std::vector<Ipv4Interface> interfacesInside(const std::vector<NetNamespace> &namespaces)
{
    std::vector<Ipv4Interface> inside;
    for (const NetNamespace &ns : namespaces) {
        for (const NetInterface &i : ns.interfaces) {
            for (const Address &x : i.ipv4) {
                const auto address = parseIpv4(x.address);
                if (!address || (*address >> 24) == 127)
                    continue;
                const std::string who = ns.distros.empty() ? std::string() : " (" + joined(ns.distros) + ")";
                inside.push_back({ns.id + "/" + i.name, i.name + who, *address, x.address, x.prefix});
            }
        }
    }
    return inside;
}

// Adds the network c lies in, once.
void addCidr(std::vector<Ipv4Cidr> &cidrs, const std::optional<Ipv4Cidr> &c)
{
    if (!c)
        return;
    const Ipv4Cidr n{c->address & prefixToMask(c->prefix), c->prefix};
    if (std::none_of(cidrs.begin(), cidrs.end(),
                     [&](const Ipv4Cidr &x) { return x.address == n.address && x.prefix == n.prefix; }))
        cidrs.push_back(n);
}

// Subnets: the NAT network, the switches' subnets, the WSL adapters' and the namespaces' addresses.
void addSubnets(Network &net, const std::vector<Ipv4Interface> &inside)
{
    std::vector<Ipv4Cidr> cidrs;
    if (net.nat)
        addCidr(cidrs, parseIpv4Cidr(net.nat->network));
    for (const VirtualSwitch &s : net.switches)
        addCidr(cidrs, parseIpv4Cidr(s.subnet));
    for (const HostAdapter &a : net.hostAdapters)
        if (a.wsl)
            for (const Address &x : a.ipv4)
                addCidr(cidrs, parseIpv4Cidr(x.address + "/" + std::to_string(x.prefix)));
    for (const Ipv4Interface &i : inside)
        addCidr(cidrs, parseIpv4Cidr(i.text + "/" + std::to_string(i.prefix)));
    for (const Ipv4Cidr &c : cidrs)
        net.subnets.push_back(computeSubnet(c));
}

// Adapter <-> switch by name ("vEthernet (NAME)") or by the switch's gateway on the adapter.
void linkAdaptersToSwitches(Network &net)
{
    for (const HostAdapter &a : net.hostAdapters) {
        const std::string inner = innerName(a.name, "vEthernet (");
        for (const VirtualSwitch &s : net.switches) {
            const bool byName = !inner.empty() && inner == s.name;
            const bool byGateway = std::any_of(a.ipv4.begin(), a.ipv4.end(), [&](const Address &x) {
                return !s.gateway.empty() && x.address == s.gateway;
            });
            if (byName || byGateway)
                net.links.push_back({"adapter:" + a.name, "switch:" + s.name, LinkKind::Attached,
                                     byName ? "the host's vEthernet adapter of switch " + s.name
                                            : a.name + " holds the switch's gateway " + s.gateway});
        }
    }
}

void linkSwitchesToInterfaces(Network &net, const std::vector<Ipv4Interface> &inside)
{
    for (const VirtualSwitch &s : net.switches) {
        const auto subnet = parseIpv4Cidr(s.subnet);
        if (!subnet)
            continue;
        for (const Ipv4Interface &i : inside)
            if (subnetContains(*subnet, i.address))
                net.links.push_back(
                    {"switch:" + s.name, i.where, LinkKind::Serves, i.text + " is in " + s.subnet});
    }
}

// A namespace's default route -> the host adapter that holds its gateway.
void linkDefaultRoutes(Network &net)
{
    for (const NetNamespace &ns : net.namespaces) {
        for (const Route &r : ns.routes) {
            if (r.destination != "default" || r.gateway.empty())
                continue;
            for (const HostAdapter &a : net.hostAdapters)
                for (const Address &x : a.ipv4)
                    if (x.address == r.gateway)
                        net.links.push_back({ns.id + "/" + r.dev, "adapter:" + a.name, LinkKind::DefaultRoute,
                                             "default via " + r.gateway + " (" + a.name + ")"});
        }
    }
}

bool isNatSwitch(const VirtualSwitch &s)
{
    return s.type == "ICS" || s.type == "NAT";
}

// The NAT network: the registry's value, else the first readable subnet of an ICS or NAT switch.
std::optional<Ipv4Cidr> natNetwork(const Network &net)
{
    auto natCidr = net.nat ? parseIpv4Cidr(net.nat->network) : std::nullopt;
    if (!natCidr)
        for (const VirtualSwitch &s : net.switches)
            if (!natCidr && isNatSwitch(s))
                natCidr = parseIpv4Cidr(s.subnet);
    return natCidr;
}

// The NAT gateway: the registry's value, else the first one named by a switch on the NAT network.
std::string natGateway(const Network &net, const std::optional<Ipv4Cidr> &natCidr)
{
    std::string gateway = net.nat ? net.nat->gateway : std::string();
    for (const VirtualSwitch &s : net.switches) {
        const auto subnet = parseIpv4Cidr(s.subnet);
        if (gateway.empty() && natCidr && subnet && subnet->address == natCidr->address)
            gateway = s.gateway;
    }
    return gateway;
}

// Where each address inside sits in the NAT network (not in mirrored mode, which has none).
void addAddressFindings(Network &net, const std::vector<Ipv4Interface> &inside)
{
    const std::optional<Ipv4Cidr> natCidr = natNetwork(net);
    const std::string gateway = natGateway(net, natCidr);
    for (const Ipv4Interface &i : inside) {
        if (!natCidr || net.mode == "mirrored")
            continue;
        const Subnet sub = computeSubnet(*natCidr);
        const std::string cidr = sub.cidr;
        std::map<std::string, std::string> where{{"interface", i.label}, {"address", i.text}, {"cidr", cidr}};
        if (!subnetContains(*natCidr, i.address)) {
            net.findings.push_back(makeFinding(Severity::Warning, FindingCode::OutsideNat, where));
        } else if (i.text == sub.broadcast) {
            net.findings.push_back(makeFinding(Severity::Error, FindingCode::BroadcastAddress, where));
        } else if (i.text == sub.network) {
            net.findings.push_back(makeFinding(Severity::Error, FindingCode::NetworkAddress, where));
        } else {
            where["gateway"] = gateway;
            net.findings.push_back(makeFinding(Severity::Info, FindingCode::InsideNat, where));
        }
    }
}

// A mode without the host adapter it comes with.
void addModeFindings(Network &net)
{
    const bool wslAdapter = anyWslAdapter(net);
    if (net.mode == "mirrored" && !wslAdapter)
        net.findings.push_back(makeFinding(Severity::Info, FindingCode::MirroredNoAdapter, {}));
    if (net.mode == "nat" && !wslAdapter && !net.hostAdapters.empty())
        net.findings.push_back(makeFinding(Severity::Warning, FindingCode::NatNoAdapter, {}));
}

// The registry's NAT network against the ICS or NAT switches' subnets.
void addNatNetworkFindings(Network &net)
{
    if (!net.nat || net.nat->network.empty())
        return;
    for (const VirtualSwitch &s : net.switches)
        if (!s.subnet.empty() && isNatSwitch(s) && s.subnet != net.nat->network)
            net.findings.push_back(
                makeFinding(Severity::Warning, FindingCode::NatNetworkDiffers,
                            {{"registry", net.nat->network}, {"switch", s.name}, {"subnet", s.subnet}}));
}

// The registry's NAT gateway against the addresses the WSL adapters hold.
void addNatGatewayFindings(Network &net)
{
    if (!net.nat || net.nat->gateway.empty())
        return;
    for (const HostAdapter &a : net.hostAdapters)
        if (a.wsl && !a.ipv4.empty() && std::none_of(a.ipv4.begin(), a.ipv4.end(), [&](const Address &x) {
                return x.address == net.nat->gateway;
            }))
            net.findings.push_back(makeFinding(
                Severity::Warning, FindingCode::GatewayDiffers,
                {{"adapter", a.name}, {"address", a.ipv4.front().address}, {"gateway", net.nat->gateway}}));
}

void addLoopbackFindings(Network &net)
{
    for (const NetNamespace &ns : net.namespaces) {
        const bool onlyLoopback =
            !ns.interfaces.empty() &&
            std::all_of(ns.interfaces.begin(), ns.interfaces.end(), [](const NetInterface &i) {
                return i.name == "lo" || i.name.rfind("loopback", 0) == 0;
            });
        if (onlyLoopback)
            net.findings.push_back(makeFinding(Severity::Error, FindingCode::OnlyLoopback,
                                               {{"net", ns.id}, {"distros", joined(ns.distros)}}));
    }
}

void addConfigFindings(Network &net, const std::optional<WslConfig> &wslConfig)
{
    if (wslConfig && wslConfig->guiApplications && !*wslConfig->guiApplications)
        net.findings.push_back(makeFinding(Severity::Info, FindingCode::GuiAppsOff, {}));
}

} // namespace

void buildHostNetwork(Snapshot &snapshot, const std::vector<ParsedCapture> &captures)
{
    Network &net = snapshot.network;
    Gathered gathered = gatherCaptures(snapshot, captures);
    addPastedNamespace(net, std::move(gathered.pasted));
    snapshot.distros = mergeDistros(gathered.listed, gathered.registry);
    net.switches = bindSwitches(std::move(gathered.switches), gathered.bindings);
    settleMode(net, gathered.wslConfig);

    const std::vector<Ipv4Interface> inside = interfacesInside(net.namespaces);
    addSubnets(net, inside);
    linkAdaptersToSwitches(net);
    linkSwitchesToInterfaces(net, inside);
    linkDefaultRoutes(net);

    // Findings (codes and parameters; ui words them), in the order they are listed.
    addAddressFindings(net, inside);
    addModeFindings(net);
    addNatNetworkFindings(net);
    addNatGatewayFindings(net);
    addLoopbackFindings(net);
    addConfigFindings(net, gathered.wslConfig);
}

} // namespace wslatlas
