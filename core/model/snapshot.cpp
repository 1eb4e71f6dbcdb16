#include "snapshot.h"

#include <algorithm>
#include <array>
#include <utility>

namespace wslatlas {

namespace {
constexpr std::array<std::pair<NamespaceRole, std::string_view>, 6> kRoleNames{{
    {NamespaceRole::Vm, "vm"},
    {NamespaceRole::Host, "host"},
    {NamespaceRole::Wslg, "wslg"},
    {NamespaceRole::Isolation, "isolation"},
    {NamespaceRole::Distro, "distro"},
    {NamespaceRole::Unknown, "unknown"},
}};
} // namespace

std::string_view toString(NamespaceRole role)
{
    for (const auto &[r, name] : kRoleNames)
        if (r == role)
            return name;
    return "unknown";
}

bool namespaceRoleFromString(std::string_view text, NamespaceRole &role)
{
    for (const auto &[r, name] : kRoleNames) {
        if (name == text) {
            role = r;
            return true;
        }
    }
    return false;
}

const PidNamespace *Snapshot::findNamespace(std::string_view id) const
{
    auto it = std::find_if(pidNamespaces.begin(), pidNamespaces.end(),
                           [&](const PidNamespace &ns) { return ns.id == id; });
    return it == pidNamespaces.end() ? nullptr : &*it;
}

bool Snapshot::partial() const
{
    return std::any_of(vantages.begin(), vantages.end(), [](const VantageReport &v) { return !v.ok; });
}

std::string pidNsId(std::uint64_t inode)
{
    return "pid:[" + std::to_string(inode) + "]";
}

std::string netNsId(std::uint64_t inode)
{
    return "net:[" + std::to_string(inode) + "]";
}

} // namespace wslatlas
