#include "model_support.h"

#include <QVariantMap>

namespace wslatlas {

namespace {
// The kernel nests pid namespaces at most 32 deep (MAX_PID_NS_LEVEL): a deeper depth in a file is
// treated as unknown rather than trusted to size the level columns.
constexpr int kMaxPidNsLevel = 32;
} // namespace

QString roleDisplayName(NamespaceRole role)
{
    switch (role) {
    case NamespaceRole::Vm:
        return QCoreApplication::translate("NamespaceRole", "VM");
    case NamespaceRole::Host:
        return QCoreApplication::translate("NamespaceRole", "Host");
    case NamespaceRole::Wslg:
        return QCoreApplication::translate("NamespaceRole", "WSLg");
    case NamespaceRole::Isolation:
        return QCoreApplication::translate("NamespaceRole", "Isolation");
    case NamespaceRole::Distro:
        return QCoreApplication::translate("NamespaceRole", "Distro");
    case NamespaceRole::Unknown:
        break;
    }
    return QCoreApplication::translate("NamespaceRole", "Unknown");
}

QString roleKey(NamespaceRole role)
{
    const std::string_view key = toString(role);
    return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
}

RoleTexts::RoleTexts()
{
    // NamespaceRole::Unknown is the enum's last value.
    for (int r = 0; r <= static_cast<int>(NamespaceRole::Unknown); ++r) {
        names.push_back(roleDisplayName(static_cast<NamespaceRole>(r)));
        keys.push_back(roleKey(static_cast<NamespaceRole>(r)));
    }
}

int innermostPid(const Process &process)
{
    return process.chain.empty() ? -1 : process.chain.back().pid;
}

QString processItemId(const Process &process)
{
    return QStringLiteral("proc:") + toQString(process.pidNs) + QLatin1Char(':') +
           QString::number(innermostPid(process));
}

QString processDisplayName(const Process &process)
{
    if (!process.cmdline.empty())
        return toQString(process.cmdline);
    return QLatin1Char('[') + toQString(process.name) + QLatin1Char(']');
}

NamespaceIndex::NamespaceIndex(const Snapshot &snapshot)
{
    const std::size_t count = snapshot.pidNamespaces.size();
    m_byId.reserve(count);
    m_ids.reserve(count);
    m_labels.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const PidNamespace &ns = snapshot.pidNamespaces[i];
        m_byId.emplace(ns.id, static_cast<int>(i)); // the first wins if a file repeats an id
        m_ids.push_back(toQString(ns.id));
        m_labels.push_back(ns.label.empty() ? m_ids.back() : toQString(ns.label));
    }

    m_parent.assign(count, -1);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string &parentId = snapshot.pidNamespaces[i].parent;
        if (!parentId.empty())
            m_parent[i] = find(parentId);
    }

    // A malformed file may loop (a namespace its own ancestor): cut the edge that closes the loop so
    // that the tree stays a forest.
    enum : char
    {
        New,
        OnPath,
        Done
    };
    std::vector<char> state(count, New);
    std::vector<int> path;
    for (std::size_t start = 0; start < count; ++start) {
        path.clear();
        int at = static_cast<int>(start);
        while (at >= 0 && state[static_cast<std::size_t>(at)] == New) {
            state[static_cast<std::size_t>(at)] = OnPath;
            path.push_back(at);
            at = m_parent[static_cast<std::size_t>(at)];
        }
        if (at >= 0 && state[static_cast<std::size_t>(at)] == OnPath)
            m_parent[static_cast<std::size_t>(path.back())] = -1;
        for (int n : path)
            state[static_cast<std::size_t>(n)] = Done;
    }

    m_level.assign(count, -1);
    for (std::size_t start = 0; start < count; ++start) {
        path.clear();
        int at = static_cast<int>(start);
        while (at >= 0 && m_level[static_cast<std::size_t>(at)] < 0) {
            const int depth = snapshot.pidNamespaces[static_cast<std::size_t>(at)].depth;
            if (depth >= 0 && depth <= kMaxPidNsLevel) {
                m_level[static_cast<std::size_t>(at)] = depth;
                break;
            }
            path.push_back(at);
            at = m_parent[static_cast<std::size_t>(at)];
        }
        int level = at >= 0 ? m_level[static_cast<std::size_t>(at)] : -1;
        for (auto it = path.rbegin(); it != path.rend(); ++it)
            m_level[static_cast<std::size_t>(*it)] = ++level;
    }
}

int NamespaceIndex::find(std::string_view id) const
{
    const auto it = m_byId.find(id);
    return it == m_byId.end() ? -1 : it->second;
}

std::vector<NamespaceIndex::Link> NamespaceIndex::resolve(const Process &process) const
{
    std::vector<Link> links;
    links.reserve(process.chain.size());
    for (const ChainLink &chainLink : process.chain) {
        Link link;
        link.ns = find(chainLink.ns);
        link.level = link.ns >= 0 ? level(link.ns) : (links.empty() ? 0 : links.back().level + 1);
        if (!links.empty() && link.level <= links.back().level)
            link.level = links.back().level + 1;
        links.push_back(link);
    }
    return links;
}

ChainText::ChainText()
    : m_nameSeparator(tr(" · ", "between a process name and its NSpid chain")),
      m_linkSeparator(tr(" → ", "between the levels of an NSpid chain, outermost first"))
{}

QString ChainText::toolTip(const Process &process, const NamespaceIndex &index,
                           const std::vector<NamespaceIndex::Link> &links) const
{
    QString text = toQString(process.name.empty() ? process.cmdline : process.name);
    if (process.chain.empty())
        return text;
    text += m_nameSeparator;
    for (std::size_t i = 0; i < process.chain.size(); ++i) {
        if (i > 0)
            text += m_linkSeparator;
        const int ns = links[i].ns;
        text += QString::number(process.chain[i].pid) + QLatin1Char(' ') +
                (ns >= 0 ? index.label(ns) : toQString(process.chain[i].ns));
    }
    return text;
}

QVariantList ChainText::chain(const Process &process, const NamespaceIndex &index) const
{
    const std::vector<NamespaceIndex::Link> links = index.resolve(process);
    QVariantList list;
    list.reserve(static_cast<qsizetype>(process.chain.size()));
    for (std::size_t i = 0; i < process.chain.size(); ++i) {
        const ChainLink &link = process.chain[i];
        QVariantMap entry;
        entry.insert(QStringLiteral("ns"), toQString(link.ns));
        entry.insert(QStringLiteral("label"),
                     links[i].ns >= 0 ? index.label(links[i].ns) : toQString(link.ns));
        entry.insert(QStringLiteral("pid"), link.pid);
        entry.insert(QStringLiteral("level"), links[i].level);
        list.push_back(entry);
    }
    return list;
}

} // namespace wslatlas
