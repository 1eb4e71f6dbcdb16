#include "kinds.h"

#include "name_table.h"

namespace wslatlas {

namespace {

constexpr NameTable<NamespaceRole, 7> kNamespaceRoles{{
    {NamespaceRole::Vm, "vm"},
    {NamespaceRole::Host, "host"},
    {NamespaceRole::Wslg, "wslg"},
    {NamespaceRole::Isolation, "isolation"},
    {NamespaceRole::Distro, "distro"},
    {NamespaceRole::Container, "container"},
    {NamespaceRole::Unknown, "unknown"},
}};

constexpr NameTable<VantageRole, 4> kVantageRoles{{
    {VantageRole::Vm, "vm"},
    {VantageRole::System, "system"},
    {VantageRole::Distro, "distro"},
    {VantageRole::Host, "host"},
}};

constexpr NameTable<ContainerEngine, 6> kContainerEngines{{
    {ContainerEngine::Docker, "docker"},
    {ContainerEngine::Containerd, "containerd"},
    {ContainerEngine::Kubernetes, "kubernetes"},
    {ContainerEngine::Podman, "podman"},
    {ContainerEngine::Lxc, "lxc"},
    {ContainerEngine::Unknown, "unknown"},
}};

// "unknown" is never written for a known kind, and reading it back stays Unknown.
constexpr NameTable<EvidenceKind, 7> kEvidenceKinds{{
    {EvidenceKind::VantageLevel, "vantage-level"},
    {EvidenceKind::PpidWalk, "ppid-walk"},
    {EvidenceKind::Derived, "derived"},
    {EvidenceKind::InitialNamespace, "initial-namespace"},
    {EvidenceKind::NoVantageAbove, "no-vantage-above"},
    {EvidenceKind::Placeholder, "placeholder"},
    {EvidenceKind::Unknown, "unknown"},
}};

constexpr NameTable<Severity, 3> kSeverities{{
    {Severity::Info, "info"},
    {Severity::Warning, "warning"},
    {Severity::Error, "error"},
}};

constexpr NameTable<LinkKind, 3> kLinkKinds{{
    {LinkKind::Attached, "attached"},
    {LinkKind::Serves, "serves"},
    {LinkKind::DefaultRoute, "default-route"},
}};

constexpr NameTable<FindingCode, 22> kFindingCodes{{
    {FindingCode::Other, "other"},
    {FindingCode::NetNsShared, "netns-shared"},
    {FindingCode::NetNsOwn, "netns-own"},
    {FindingCode::GuiAppsOffForDistro, "gui-apps-off-for-distro"},
    {FindingCode::Wsl1Distro, "wsl1-distro"},
    {FindingCode::DataOnlyDistro, "data-only-distro"},
    {FindingCode::ElevationDeclined, "elevation-declined"},
    {FindingCode::ElevationOtherUser, "elevation-other-user"},
    {FindingCode::VmSwitchModuleMissing, "vm-switch-module-missing"},
    {FindingCode::ParentsDisagree, "parents-disagree"},
    {FindingCode::AncestorsDisagree, "ancestors-disagree"},
    {FindingCode::WslError, "wsl-error"},
    {FindingCode::OutsideNat, "outside-nat"},
    {FindingCode::BroadcastAddress, "broadcast-address"},
    {FindingCode::NetworkAddress, "network-address"},
    {FindingCode::InsideNat, "inside-nat"},
    {FindingCode::MirroredNoAdapter, "mirrored-no-adapter"},
    {FindingCode::NatNoAdapter, "nat-no-adapter"},
    {FindingCode::NatNetworkDiffers, "nat-network-differs"},
    {FindingCode::GatewayDiffers, "gateway-differs"},
    {FindingCode::OnlyLoopback, "only-loopback"},
    {FindingCode::GuiAppsOff, "gui-apps-off"},
}};

} // namespace

std::string_view toString(NamespaceRole role)
{
    return nameIn(kNamespaceRoles, role, "unknown");
}

std::string_view toString(VantageRole role)
{
    return nameIn(kVantageRoles, role, "host");
}

std::string_view toString(ContainerEngine engine)
{
    return nameIn(kContainerEngines, engine, "unknown");
}

std::string_view toString(EvidenceKind kind)
{
    return nameIn(kEvidenceKinds, kind, "unknown");
}

std::string_view toString(Severity severity)
{
    return nameIn(kSeverities, severity, "info");
}

std::string_view toString(LinkKind kind)
{
    return nameIn(kLinkKinds, kind, "attached");
}

std::string_view toString(FindingCode code)
{
    return nameIn(kFindingCodes, code, "other");
}

bool fromString(std::string_view text, FindingCode &out)
{
    return valueIn(kFindingCodes, text, out);
}

bool fromString(std::string_view text, NamespaceRole &out)
{
    return valueIn(kNamespaceRoles, text, out);
}

bool fromString(std::string_view text, VantageRole &out)
{
    return valueIn(kVantageRoles, text, out);
}

bool fromString(std::string_view text, ContainerEngine &out)
{
    return valueIn(kContainerEngines, text, out);
}

bool fromString(std::string_view text, EvidenceKind &out)
{
    return valueIn(kEvidenceKinds, text, out);
}

bool fromString(std::string_view text, Severity &out)
{
    return valueIn(kSeverities, text, out);
}

bool fromString(std::string_view text, LinkKind &out)
{
    return valueIn(kLinkKinds, text, out);
}

} // namespace wslatlas
