#pragma once
// The closed vocabularies of a snapshot: enums inside the program, strings only at the JSON boundary
// (toString / fromString, one table each in kinds.cpp).
#include <string_view>

namespace wslatlas {

// What a pid namespace is (DESIGN.md: `role`).
enum class NamespaceRole
{
    Vm,
    Host,
    Wslg,
    Isolation,
    Distro,
    Container, // its processes all sit in one container (Process::container)
    Unknown
};

// Who runs a container, as its cgroup path tells (core/collect's cgroup reader).
enum class ContainerEngine
{
    Docker,
    Containerd, // containerd without Kubernetes (nerdctl, ctr)
    Kubernetes, // a pod's container (kubepods), whatever runtime
    Podman,
    Lxc,
    Unknown // an engine this version does not know (read from a newer file)
};

// Where a vantage's collector runs.
enum class VantageRole
{
    Vm,
    System,
    Distro,
    Host
};

// How a namespace's parent (or its lack of one) is known.
enum class EvidenceKind
{
    VantageLevel,     // a vantage's /proc and the length of NSpid lists
    PpidWalk,         // walking PPid from a process to one in another namespace
    Derived,          // another fact plus the ancestors already known
    InitialNamespace, // the kernel's init_pid_ns has no parent
    NoVantageAbove,   // nobody saw above it
    Placeholder,      // a level nobody saw
    Unknown           // a kind this version does not know (read from a newer file): its text is shown
};

enum class Severity
{
    Info,
    Warning,
    Error
};

// An edge of the network diagram.
enum class LinkKind
{
    Attached,    // a host adapter to its switch
    Serves,      // a switch (its gateway) to a namespace's interface in its subnet
    DefaultRoute // a namespace's default route to its gateway
};

// What a finding says, as a code: core stores the code and its parameters (Finding::params), ui writes
// the sentence in the user's language. Other: only the English text (a finding this version has no words
// for, or one read from a newer file).
enum class FindingCode
{
    Other,
    NetNsShared,           // distros, net
    NetNsOwn,              // distro, net
    GuiAppsOffForDistro,   // vantage, distro
    Wsl1Distro,            // vantage, distro
    DataOnlyDistro,        // vantage, distro
    ElevationDeclined,     // vantage
    ElevationOtherUser,    // vantage
    VmSwitchModuleMissing, // (none)
    ParentsDisagree,       // child, kept, other
    AncestorsDisagree,     // levels, child, first, second
    WslError,              // message, code
    OutsideNat,            // interface, address, cidr
    BroadcastAddress,      // interface, address, cidr
    NetworkAddress,        // interface, address, cidr
    InsideNat,             // interface, address, cidr, gateway (may be empty)
    MirroredNoAdapter,     // (none)
    NatNoAdapter,          // (none)
    NatNetworkDiffers,     // registry, switch, subnet
    GatewayDiffers,        // adapter, address, gateway
    OnlyLoopback,          // net, distros (may be empty)
    GuiAppsOff             // (none)
};

std::string_view toString(NamespaceRole role);
std::string_view toString(VantageRole role);
std::string_view toString(ContainerEngine engine);
std::string_view toString(EvidenceKind kind);
std::string_view toString(Severity severity);
std::string_view toString(LinkKind kind);
std::string_view toString(FindingCode code);

// True when `text` names a value (then set); false leaves `out` alone, so the caller decides between refusing
// the input and keeping an explicit Unknown.
bool fromString(std::string_view text, NamespaceRole &out);
bool fromString(std::string_view text, VantageRole &out);
bool fromString(std::string_view text, ContainerEngine &out);
bool fromString(std::string_view text, EvidenceKind &out);
bool fromString(std::string_view text, Severity &out);
bool fromString(std::string_view text, LinkKind &out);
bool fromString(std::string_view text, FindingCode &out);

} // namespace wslatlas
