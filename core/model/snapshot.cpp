#include "snapshot.h"

#include <algorithm>

namespace wslatlas {

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
