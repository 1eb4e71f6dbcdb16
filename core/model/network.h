#pragma once
// The network side of a snapshot (DESIGN.md "Snapshot JSON" under "network") and what the host
// capture parsers yield: plain value types, no parsing here.
#include "kinds.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wslatlas {

struct Distro
{
    std::string name;
    std::string state; // "Running", "Stopped", "Installing", ... as wsl -l -v prints it (English or not)
    int version = 0;   // 1 or 2; 0 when unknown
    bool isDefault = false;
    std::string id;       // the Lxss registry key {GUID}, when known
    std::string basePath; // the Lxss registry BasePath, when known
    std::optional<int> flags;
};

struct Capture
{
    std::string kind;
    bool ok = false;
    std::string error;
};

struct Address
{
    std::string address;
    int prefix = 0; // 0 when the source does not say (ipconfig prints no prefix for global IPv6 addresses)
};

struct NetInterface
{
    std::string name;
    std::string mac;
    std::optional<int> mtu;
    std::optional<bool> up;
    std::vector<Address> ipv4;
    std::vector<Address> ipv6;
};

struct Route
{
    std::string destination;
    std::string gateway;
    std::string dev;
    std::string source;

    bool operator==(const Route &) const = default;
};

struct NetNamespace
{
    std::string id;
    std::uint64_t inode = 0;
    std::vector<std::string> distros;
    std::vector<std::string> vantages;
    std::vector<NetInterface> interfaces;
    std::vector<Route> routes;
    std::vector<std::string> nameservers;
};

// Something a user should know. `text` is the English sentence (what the CLI prints and the file keeps for
// its readers); `code` and `params` are the facts it is made of, from which ui writes it in the user's
// language (kinds.h lists each code's parameters).
struct Finding
{
    Severity severity = Severity::Info;
    std::string text;
    FindingCode code = FindingCode::Other;
    std::map<std::string, std::string> params{};
};

// A Windows network adapter (ipconfig, Get-NetAdapter, Get-NetIPAddress).
struct HostAdapter
{
    std::string name;        // "vEthernet (WSL (Hyper-V firewall))"
    std::string description; // "Hyper-V Virtual Ethernet Adapter #3"
    bool wsl = false;        // a vEthernet (WSL ...) adapter
    std::string mac;         // lower case, colon separated: "00:15:5d:..."
    std::optional<int> ifIndex;
    std::optional<bool> up;
    std::optional<int> mtu;
    std::vector<Address> ipv4;
    std::vector<Address> ipv6;
    std::vector<std::string> gateways;
    std::vector<std::string> dnsServers;
};

// Get-NetAdapterBinding -IncludeHidden: one component bound to one adapter.
struct AdapterBinding
{
    std::string adapter;     // "vSwitch (WSL (Hyper-V firewall))" (possibly cut with "...")
    std::string component;   // "vms_vsf"
    std::string displayName; // "Hyper-V Virtual Switch Extension Filter"
    bool enabled = false;

    bool operator==(const AdapterBinding &) const = default;
};

// A Hyper-V virtual switch / HNS network (Get-VMSwitch, hnsdiag list networks).
struct VirtualSwitch
{
    std::string id;     // HNS network GUID, when known
    std::string name;   // "WSL (Hyper-V firewall)"
    std::string type;   // "ICS", "Internal", "NAT", ...
    std::string subnet; // "172.19.128.0/20"
    std::string gateway;
    std::vector<AdapterBinding> bindings;
};

// The Lxss registry's NAT values.
struct NatConfig
{
    std::string network; // NatNetwork "172.19.128.0/20"
    std::string gateway; // NatGatewayIpAddress
    std::string address; // NatIpAddress (the VM's), when set
};

// The arithmetic of one IPv4 subnet.
struct Subnet
{
    std::string cidr;
    std::string network;
    std::string broadcast;
    std::string firstHost;
    std::string lastHost;
    std::uint64_t addresses = 0;
};

// An edge of the network diagram: host adapter <-> switch <-> namespace interface, route -> gateway.
struct NetLink
{
    std::string from; // "adapter:NAME", "switch:NAME", "net:[INODE]/IFNAME"
    std::string to;
    LinkKind kind = LinkKind::Attached;
    std::string text; // why, for people
};

// .wslconfig (and what wslinfo reports inside).
struct WslConfig
{
    std::string networkingMode;                  // lower case; empty when not set
    std::optional<bool> guiApplications;         // empty when not set
    std::map<std::string, std::string> settings; // "wsl2.memory" -> "8GB", keys lower case
};

// A wsl.exe failure: "Error code: Wsl/Service/CreateInstance/WSL_E_GUI_APPLICATIONS_DISABLED".
struct WslError
{
    std::string code;    // "Wsl/Service/CreateInstance/WSL_E_GUI_APPLICATIONS_DISABLED"
    std::string token;   // "WSL_E_GUI_APPLICATIONS_DISABLED"
    std::string message; // what to do, for people
};

struct Network
{
    std::string mode; // "nat", "mirrored", ...; empty when unknown
    std::vector<HostAdapter> hostAdapters;
    std::vector<VirtualSwitch> switches;
    std::optional<NatConfig> nat;
    std::vector<Subnet> subnets;
    std::vector<NetNamespace> namespaces;
    std::vector<NetLink> links;
    std::vector<Finding> findings;
};

} // namespace wslatlas
