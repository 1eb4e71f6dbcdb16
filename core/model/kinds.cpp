#include "kinds.h"

#include "name_table.h"

namespace wslatlas {

namespace {

constexpr NameTable<NamespaceRole, 6> kNamespaceRoles{{
    {NamespaceRole::Vm, "vm"},
    {NamespaceRole::Host, "host"},
    {NamespaceRole::Wslg, "wslg"},
    {NamespaceRole::Isolation, "isolation"},
    {NamespaceRole::Distro, "distro"},
    {NamespaceRole::Unknown, "unknown"},
}};

constexpr NameTable<VantageRole, 4> kVantageRoles{{
    {VantageRole::Vm, "vm"},
    {VantageRole::System, "system"},
    {VantageRole::Distro, "distro"},
    {VantageRole::Host, "host"},
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

} // namespace

std::string_view toString(NamespaceRole role)
{
    return nameIn(kNamespaceRoles, role, "unknown");
}

std::string_view toString(VantageRole role)
{
    return nameIn(kVantageRoles, role, "host");
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

bool fromString(std::string_view text, NamespaceRole &out)
{
    return valueIn(kNamespaceRoles, text, out);
}

bool fromString(std::string_view text, VantageRole &out)
{
    return valueIn(kVantageRoles, text, out);
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
