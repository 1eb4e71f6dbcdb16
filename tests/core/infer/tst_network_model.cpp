// The network model on article 000's network: host adapter, switch with bindings, registry NAT values,
// the VM's eth0 and routes; and the findings users need (mirrored mode, broadcast address, only lo).
#include "network_model.h"

#include <gtest/gtest.h>

using namespace wslatlas;

namespace {

ParsedCapture ok(const char *kind, CaptureValues values)
{
    ParsedCapture c;
    c.status = {kind, true, ""};
    c.values = std::move(values);
    return c;
}

std::vector<ParsedCapture> articleCaptures()
{
    HostAdapter wsl;
    wsl.name = "vEthernet (WSL (Hyper-V firewall))";
    wsl.ipv4 = {{"172.19.128.1", 20}};
    wsl.ipv6 = {{"fe80::4817:b6e:4576:c2c3", 64}};
    HostAdapter fromNetAdapter;
    fromNetAdapter.name = "vEthernet (WSL (Hyper-V firewall))";
    fromNetAdapter.mac = "00:15:5d:2a:3b:4c";
    fromNetAdapter.ifIndex = 62;
    fromNetAdapter.up = true;
    VirtualSwitch hns;
    hns.id = "790E58B4-7939-4434-9358-89AE7DDBE87E";
    hns.name = "WSL (Hyper-V firewall)";
    hns.type = "ICS";
    hns.subnet = "172.19.128.0/20";
    hns.gateway = "172.19.128.1";
    const std::string cut = "vSwitch (WSL (Hyper-V firew...";
    std::vector<AdapterBinding> bindings{
        {cut, "vms_vsf", "Hyper-V Virtual Switch Extension Filter", true},
        {cut, "ms_wfplwf_vswitch", "Microsoft Windows Filtering Platform", false},
        {cut, "vms_vsp", "Hyper-V Virtual Switch Extension Protocol", true}};
    CaptureValues ipconfig, netAdapters, hnsdiag, binding, lxss;
    ipconfig.hostAdapters = std::vector<HostAdapter>{wsl};
    netAdapters.hostAdapters = std::vector<HostAdapter>{fromNetAdapter};
    hnsdiag.switches = std::vector<VirtualSwitch>{hns};
    binding.bindings = bindings;
    lxss.nat = std::optional<NatConfig>(NatConfig{"172.19.128.0/20", "172.19.128.1", ""});
    lxss.distros = std::vector<Distro>{};
    return {ok("ipconfig", ipconfig), ok("net-adapters", netAdapters), ok("hnsdiag-networks", hnsdiag),
            ok("adapter-bindings", binding), ok("lxss-registry", lxss)};
}

Snapshot withVmNamespace(const char *eth0 = "172.19.132.144")
{
    Snapshot s;
    NetNamespace ns;
    ns.id = "net:[4026531840]";
    ns.inode = 4026531840;
    ns.distros = {"Ubuntu-20.04", "kali-linux"};
    ns.interfaces.push_back({"lo", "", 65536, true, {{"127.0.0.1", 8}}, {}});
    ns.interfaces.push_back(
        {"eth0", "00:15:5d:73:e1:0e", 1500, true, {{eth0, 20}}, {{"fe80::215:5dff:fe73:e10e", 64}}});
    ns.routes = {{"default", "172.19.128.1", "eth0", ""}, {"172.19.128.0/20", "", "eth0", eth0}};
    s.network.namespaces.push_back(ns);
    return s;
}

bool hasFinding(const Snapshot &s, Severity severity, const std::string &part)
{
    for (const Finding &f : s.network.findings)
        if (f.severity == severity && f.text.find(part) != std::string::npos)
            return true;
    return false;
}

bool hasLink(const Snapshot &s, const std::string &from, const std::string &to, LinkKind kind)
{
    for (const NetLink &l : s.network.links)
        if (l.from == from && l.to == to && l.kind == kind)
            return true;
    return false;
}

} // namespace

TEST(NetworkModel, TheArticlesNetwork)
{
    Snapshot s = withVmNamespace();
    buildHostNetwork(s, articleCaptures());
    const Network &n = s.network;
    EXPECT_EQ(n.mode, "nat");
    ASSERT_EQ(n.hostAdapters.size(), 1u); // one adapter, merged from ipconfig and Get-NetAdapter
    const HostAdapter &a = n.hostAdapters[0];
    EXPECT_TRUE(a.wsl);
    EXPECT_EQ(a.ifIndex, 62);
    EXPECT_EQ(a.mac, "00:15:5d:2a:3b:4c");
    EXPECT_EQ(a.ipv4.at(0).address, "172.19.128.1");
    ASSERT_EQ(n.switches.size(), 1u);
    EXPECT_EQ(n.switches[0].type, "ICS");
    ASSERT_EQ(n.switches[0].bindings.size(), 3u); // the cut "vSwitch (WSL (Hyper-V firew..." still matched
    EXPECT_FALSE(n.switches[0].bindings[1].enabled);
    ASSERT_TRUE(n.nat);
    ASSERT_EQ(n.subnets.size(), 1u);
    EXPECT_EQ(n.subnets[0].cidr, "172.19.128.0/20");
    EXPECT_EQ(n.subnets[0].broadcast, "172.19.143.255");
    EXPECT_EQ(n.subnets[0].addresses, 4096u);
    EXPECT_TRUE(hasLink(s, "adapter:vEthernet (WSL (Hyper-V firewall))", "switch:WSL (Hyper-V firewall)",
                        LinkKind::Attached));
    EXPECT_TRUE(hasLink(s, "switch:WSL (Hyper-V firewall)", "net:[4026531840]/eth0", LinkKind::Serves));
    EXPECT_TRUE(hasLink(s, "net:[4026531840]/eth0", "adapter:vEthernet (WSL (Hyper-V firewall))",
                        LinkKind::DefaultRoute));
    EXPECT_TRUE(
        hasFinding(s, Severity::Info,
                   "eth0 (Ubuntu-20.04, kali-linux) 172.19.132.144 is inside the NAT network 172.19.128.0/20 "
                   "served by 172.19.128.1"));
    EXPECT_EQ(s.captures.size(), 5u);
    for (const Finding &f : n.findings)
        EXPECT_EQ(f.severity, Severity::Info) << f.text;
}

TEST(NetworkModel, BroadcastAndOutsideAddressesAreFlagged)
{
    Snapshot s = withVmNamespace("172.19.143.255");
    buildHostNetwork(s, articleCaptures());
    EXPECT_TRUE(hasFinding(s, Severity::Error, "got the subnet's broadcast address 172.19.143.255"));
    Snapshot t = withVmNamespace("10.0.0.5");
    buildHostNetwork(t, articleCaptures());
    EXPECT_TRUE(hasFinding(t, Severity::Warning, "10.0.0.5 is outside the NAT network 172.19.128.0/20"));
}

TEST(NetworkModel, MirroredModeHasNoWslAdapterByDesign)
{
    Snapshot s;
    s.network.mode = "mirrored"; // as wslinfo reported it inside
    HostAdapter wifi;
    wifi.name = "Wi-Fi";
    wifi.ipv4 = {{"192.168.1.20", 24}};
    CaptureValues values;
    values.hostAdapters = std::vector<HostAdapter>{wifi};
    WslConfig config;
    config.networkingMode = "nat"; // .wslconfig says otherwise; wslinfo's effective mode wins
    CaptureValues cfg;
    cfg.wslConfig = config;
    buildHostNetwork(s, {ok("ipconfig", values), ok("wslconfig", cfg)});
    EXPECT_EQ(s.network.mode, "mirrored");
    EXPECT_TRUE(
        hasFinding(s, Severity::Info, "mirrored mode: there is no vEthernet (WSL) adapter, by design"));
    EXPECT_TRUE(s.network.subnets.empty()); // no WSL adapter, no NAT: nothing of WSL's to compute
}

TEST(NetworkModel, FailuresAndOddities)
{
    Snapshot s;
    NetNamespace broken;
    broken.id = "net:[4026532999]";
    broken.distros = {"Debian"};
    broken.interfaces.push_back({"lo", "", 65536, true, {{"127.0.0.1", 8}}, {}});
    s.network.namespaces.push_back(broken);
    ParsedCapture failed;
    failed.status = {"vm-switch", false, "Get-VMSwitch needs the Hyper-V module"};
    CaptureValues error;
    error.error = WslError{"Wsl/Service/CreateInstance/WSL_E_GUI_APPLICATIONS_DISABLED",
                           "WSL_E_GUI_APPLICATIONS_DISABLED", "GUI apps are disabled"};
    WslConfig config;
    config.guiApplications = false;
    CaptureValues cfg;
    cfg.wslConfig = config;
    buildHostNetwork(s, {failed, ok("wsl-error", error), ok("wslconfig", cfg)});
    ASSERT_EQ(s.captures.size(), 3u);
    EXPECT_FALSE(s.captures[0].ok);
    EXPECT_TRUE(hasFinding(s, Severity::Error, "only a loopback interface in net:[4026532999] (Debian)"));
    EXPECT_TRUE(hasFinding(s, Severity::Error, "WSL_E_GUI_APPLICATIONS_DISABLED"));
    EXPECT_TRUE(hasFinding(s, Severity::Info, "guiApplications=false"));
}

TEST(NetworkModel, DistrosFromTheListEnrichedByTheRegistry)
{
    Distro listedUbuntu;
    listedUbuntu.name = "Ubuntu";
    listedUbuntu.state = "Running";
    listedUbuntu.version = 2;
    Distro listedDocker = listedUbuntu;
    listedDocker.name = "docker-desktop";
    listedDocker.state = "Stopped";
    Distro registryUbuntu;
    registryUbuntu.name = "Ubuntu";
    registryUbuntu.id = "{1234}";
    registryUbuntu.basePath = "C:\\wsl\\ubuntu";
    registryUbuntu.isDefault = true; // WSL 2.4.4's list lost the '*': the registry still knows
    CaptureValues list, lxss;
    list.distros = std::vector<Distro>{listedUbuntu, listedDocker};
    lxss.distros = std::vector<Distro>{registryUbuntu};
    lxss.nat = std::optional<NatConfig>{};
    Snapshot s;
    buildHostNetwork(s, {ok("wsl-list", list), ok("lxss-registry", lxss)});
    ASSERT_EQ(s.distros.size(), 2u);
    EXPECT_EQ(s.distros[0].basePath, "C:\\wsl\\ubuntu");
    EXPECT_TRUE(s.distros[0].isDefault);
    EXPECT_FALSE(s.distros[1].isDefault);
    EXPECT_EQ(s.distros[1].state, "Stopped");
}
