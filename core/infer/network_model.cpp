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
};

using text::joined;

} // namespace

void buildHostNetwork(Snapshot &snapshot, const std::vector<ParsedCapture> &captures)
{
    Network &net = snapshot.network;
    std::vector<Distro> listed, registry;
    std::optional<WslConfig> wslConfig;
    std::vector<VirtualSwitch> switches;
    std::vector<AdapterBinding> bindings;
    NetNamespace pasted; // ip-addr/ifconfig/ip-route/resolv-conf pasted without a vantage
    // Adapters: Get-NetAdapter first (it names them all, with index and state), then the others.
    std::vector<const ParsedCapture *> ordered;
    for (const ParsedCapture &c : captures)
        if (c.status.kind == "net-adapters")
            ordered.push_back(&c);
    for (const ParsedCapture &c : captures)
        if (c.status.kind != "net-adapters")
            ordered.push_back(&c);

    for (const ParsedCapture *c : ordered) {
        snapshot.captures.push_back(c->status);
        if (!c->status.ok)
            continue;
        const CaptureValues &v = c->values;
        if (v.hostAdapters)
            for (const HostAdapter &a : *v.hostAdapters)
                mergeAdapter(net.hostAdapters, a);
        if (v.distros) {
            // HKLM and HKCU are two captures of one kind: gather both.
            auto &into = c->status.kind == "lxss-registry" ? registry : listed;
            into.insert(into.end(), v.distros->begin(), v.distros->end());
        }
        if (v.nat && *v.nat)
            net.nat = **v.nat;
        if (v.switches)
            for (const VirtualSwitch &s : *v.switches)
                mergeSwitch(switches, s);
        if (v.bindings)
            addUnique(bindings, *v.bindings);
        if (v.wslConfig)
            wslConfig = v.wslConfig;
        if (v.error)
            net.findings.push_back(makeFinding(Severity::Error, FindingCode::WslError,
                                               {{"message", v.error->message}, {"code", v.error->code}}));
        if (v.interfaces)
            for (const NetInterface &i : *v.interfaces)
                pasted.interfaces.push_back(i);
        if (v.routes)
            addUnique(pasted.routes, *v.routes);
        if (v.nameservers)
            addUnique(pasted.nameservers, *v.nameservers);
    }
    if (!pasted.interfaces.empty() || !pasted.routes.empty() || !pasted.nameservers.empty()) {
        pasted.id = "net:[?pasted]";
        pasted.vantages = {"pasted outputs"};
        net.namespaces.push_back(std::move(pasted));
    }

    // Distros: wsl -l -v says state and default; the registry adds ids and paths (and a default when
    // WSL 2.4.4's list lacks the marker).
    snapshot.distros = listed.empty() ? registry : listed;
    for (Distro &d : snapshot.distros) {
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
    const bool anyDefault = std::any_of(snapshot.distros.begin(), snapshot.distros.end(),
                                        [](const Distro &d) { return d.isDefault; });
    if (!anyDefault)
        for (Distro &d : snapshot.distros)
            for (const Distro &r : registry)
                if (r.name == d.name && r.isDefault)
                    d.isDefault = true;

    // Switches and their bindings.
    for (const AdapterBinding &b : bindings) {
        VirtualSwitch *s = switchForBinding(switches, b);
        if (!s) {
            // A binding for a switch no capture named: the switch still exists; keep its name as seen.
            VirtualSwitch created;
            created.name = innerName(b.adapter, "vSwitch (");
            if (created.name.empty())
                continue;
            switches.push_back(created);
            s = &switches.back();
        }
        s->bindings.push_back(b);
    }
    net.switches = std::move(switches);

    // The mode: what wslinfo reported inside (already in net.mode) beats .wslconfig.
    if (net.mode.empty() && wslConfig && !wslConfig->networkingMode.empty())
        net.mode = wslConfig->networkingMode;
    const bool anyWslAdapter = std::any_of(net.hostAdapters.begin(), net.hostAdapters.end(),
                                           [](const HostAdapter &a) { return a.wsl; });
    if (net.mode.empty() && (net.nat || anyWslAdapter))
        net.mode = "nat"; // WSL's default, and what a vEthernet (WSL) adapter or NAT values mean

    // Subnets: the NAT network, the switches' subnets, the WSL adapters' and the namespaces' addresses.
    std::vector<Ipv4Cidr> cidrs;
    auto addCidr = [&](const std::optional<Ipv4Cidr> &c) {
        if (!c)
            return;
        const Ipv4Cidr n{c->address & prefixToMask(c->prefix), c->prefix};
        if (std::none_of(cidrs.begin(), cidrs.end(),
                         [&](const Ipv4Cidr &x) { return x.address == n.address && x.prefix == n.prefix; }))
            cidrs.push_back(n);
    };
    if (net.nat)
        addCidr(parseIpv4Cidr(net.nat->network));
    for (const VirtualSwitch &s : net.switches)
        addCidr(parseIpv4Cidr(s.subnet));
    for (const HostAdapter &a : net.hostAdapters)
        if (a.wsl)
            for (const Address &x : a.ipv4)
                addCidr(parseIpv4Cidr(x.address + "/" + std::to_string(x.prefix)));
    std::vector<Ipv4Interface> inside;
    for (const NetNamespace &ns : net.namespaces) {
        for (const NetInterface &i : ns.interfaces) {
            for (const Address &x : i.ipv4) {
                const auto address = parseIpv4(x.address);
                if (!address || (*address >> 24) == 127)
                    continue;
                addCidr(parseIpv4Cidr(x.address + "/" + std::to_string(x.prefix)));
                const std::string who = ns.distros.empty() ? std::string() : " (" + joined(ns.distros) + ")";
                inside.push_back({ns.id + "/" + i.name, i.name + who, *address, x.address});
            }
        }
    }
    for (const Ipv4Cidr &c : cidrs)
        net.subnets.push_back(computeSubnet(c));

    // Links: adapter <-> switch by name or gateway; switch -> interfaces in its subnet; default routes.
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
    for (const VirtualSwitch &s : net.switches) {
        const auto subnet = parseIpv4Cidr(s.subnet);
        if (!subnet)
            continue;
        for (const Ipv4Interface &i : inside)
            if (subnetContains(*subnet, i.address))
                net.links.push_back(
                    {"switch:" + s.name, i.where, LinkKind::Serves, i.text + " is in " + s.subnet});
    }
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

    // Findings, in plain language.
    auto natCidr = net.nat ? parseIpv4Cidr(net.nat->network) : std::nullopt;
    if (!natCidr)
        for (const VirtualSwitch &s : net.switches)
            if (!natCidr && (s.type == "ICS" || s.type == "NAT"))
                natCidr = parseIpv4Cidr(s.subnet);
    std::string natGateway = net.nat ? net.nat->gateway : std::string();
    for (const VirtualSwitch &s : net.switches) {
        const auto subnet = parseIpv4Cidr(s.subnet);
        if (natGateway.empty() && natCidr && subnet && subnet->address == natCidr->address)
            natGateway = s.gateway;
    }
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
            where["gateway"] = natGateway;
            net.findings.push_back(makeFinding(Severity::Info, FindingCode::InsideNat, where));
        }
    }
    if (net.mode == "mirrored" && !anyWslAdapter)
        net.findings.push_back(makeFinding(Severity::Info, FindingCode::MirroredNoAdapter, {}));
    if (net.mode == "nat" && !anyWslAdapter && !net.hostAdapters.empty())
        net.findings.push_back(makeFinding(Severity::Warning, FindingCode::NatNoAdapter, {}));
    if (net.nat && !net.nat->network.empty())
        for (const VirtualSwitch &s : net.switches)
            if (!s.subnet.empty() && (s.type == "ICS" || s.type == "NAT") && s.subnet != net.nat->network)
                net.findings.push_back(
                    makeFinding(Severity::Warning, FindingCode::NatNetworkDiffers,
                                {{"registry", net.nat->network}, {"switch", s.name}, {"subnet", s.subnet}}));
    if (net.nat && !net.nat->gateway.empty())
        for (const HostAdapter &a : net.hostAdapters)
            if (a.wsl && !a.ipv4.empty() && std::none_of(a.ipv4.begin(), a.ipv4.end(), [&](const Address &x) {
                    return x.address == net.nat->gateway;
                }))
                net.findings.push_back(makeFinding(Severity::Warning, FindingCode::GatewayDiffers,
                                                   {{"adapter", a.name},
                                                    {"address", a.ipv4.front().address},
                                                    {"gateway", net.nat->gateway}}));
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
    if (wslConfig && wslConfig->guiApplications && !*wslConfig->guiApplications)
        net.findings.push_back(makeFinding(Severity::Info, FindingCode::GuiAppsOff, {}));
}

} // namespace wslatlas
