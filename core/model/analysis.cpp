#include "analysis.h"

#include <algorithm>

namespace wslatlas {

namespace {
// The kernel nests pid namespaces at most 32 deep (MAX_PID_NS_LEVEL): a deeper depth in a file is treated
// as unknown rather than trusted.
constexpr int kMaxPidNsLevel = 32;
constexpr std::string_view kProcessPrefix = "proc:";
} // namespace

int innermostPid(const Process &process)
{
    return process.chain.empty() ? -1 : process.chain.back().pid;
}

std::string processKey(const Process &process)
{
    return std::string(kProcessPrefix) + process.pidNs + ":" + std::to_string(innermostPid(process));
}

SnapshotAnalysis::SnapshotAnalysis(std::shared_ptr<const Snapshot> snapshot) : m_snapshot(std::move(snapshot))
{
    if (!m_snapshot)
        m_snapshot = std::make_shared<const Snapshot>();
    const auto &namespaces = m_snapshot->pidNamespaces;
    m_namespaceById.reserve(namespaces.size());
    for (std::size_t i = 0; i < namespaces.size(); ++i)
        m_namespaceById.emplace(namespaces[i].id, static_cast<int>(i)); // the first wins
    linkParents();
    assignLevels();
    countProcesses();
    findShims();
}

void SnapshotAnalysis::linkParents()
{
    const auto &namespaces = m_snapshot->pidNamespaces;
    const std::size_t count = namespaces.size();
    m_parent.assign(count, -1);
    for (std::size_t i = 0; i < count; ++i)
        if (!namespaces[i].parent.empty())
            m_parent[i] = findNamespace(namespaces[i].parent);

    // A malformed file may loop (a namespace its own ancestor): cut the edge that closes the loop.
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
        int n = static_cast<int>(start);
        while (n >= 0 && state[at(n)] == New) {
            state[at(n)] = OnPath;
            path.push_back(n);
            n = m_parent[at(n)];
        }
        if (n >= 0 && state[at(n)] == OnPath)
            m_parent[at(path.back())] = -1;
        for (int done : path)
            state[at(done)] = Done;
    }

    m_children.assign(count, {});
    for (std::size_t i = 0; i < count; ++i) {
        if (m_parent[i] >= 0)
            m_children[at(m_parent[i])].push_back(static_cast<int>(i));
        else
            m_roots.push_back(static_cast<int>(i));
    }
    m_topDown = m_roots;
    m_topDown.reserve(count);
    for (std::size_t k = 0; k < m_topDown.size(); ++k)
        for (int child : m_children[at(m_topDown[k])])
            m_topDown.push_back(child);
}

void SnapshotAnalysis::assignLevels()
{
    // Top down, so a parent's level is known first; the file's depth wins where it is plausible.
    m_level.assign(m_parent.size(), 0);
    for (int ns : m_topDown) {
        const int depth = m_snapshot->pidNamespaces[at(ns)].depth;
        const int parent = m_parent[at(ns)];
        if (depth >= 0 && depth <= kMaxPidNsLevel)
            m_level[at(ns)] = depth;
        else
            m_level[at(ns)] = parent >= 0 ? m_level[at(parent)] + 1 : 0;
    }
}

void SnapshotAnalysis::findShims()
{
    const auto &processes = m_snapshot->processes;
    m_shim.assign(m_parent.size(), -1);
    for (std::size_t ns = 0; ns < m_parent.size(); ++ns) {
        const auto &container = m_snapshot->pidNamespaces[ns].name.container;
        if (!container || container->id.size() < 12)
            continue;
        for (std::size_t j = 0; j < processes.size(); ++j) {
            const std::string &cmdline = processes[j].cmdline;
            // Not one of the container's own processes, whose command lines may repeat the id.
            if (m_namespaceOf[j] != static_cast<int>(ns) &&
                cmdline.find(container->id) != std::string::npos &&
                (cmdline.find("shim") != std::string::npos || cmdline.find("conmon") != std::string::npos)) {
                m_shim[ns] = static_cast<int>(j);
                break;
            }
        }
    }
}

void SnapshotAnalysis::countProcesses()
{
    const auto &processes = m_snapshot->processes;
    m_processesOf.assign(m_parent.size(), {});
    m_namespaceOf.assign(processes.size(), -1);
    m_processByKey.reserve(processes.size());
    for (std::size_t j = 0; j < processes.size(); ++j) {
        const int ns = findNamespace(processes[j].pidNs);
        m_namespaceOf[j] = ns;
        if (ns >= 0)
            m_processesOf[at(ns)].push_back(static_cast<int>(j));
        else
            m_unplaced.push_back(static_cast<int>(j));
        m_processByKey.emplace(processKey(processes[j]), static_cast<int>(j)); // the first wins
        if (!processes[j].distro.empty())
            ++m_perDistro[processes[j].distro];
        else if (ns >= 0)
            for (const std::string &distro : m_snapshot->pidNamespaces[at(ns)].distros)
                ++m_perDistro[distro];
    }
    m_ownUsage.assign(m_parent.size(), {});
    for (std::size_t j = 0; j < processes.size(); ++j)
        if (const int ns = m_namespaceOf[j]; ns >= 0 && processes[j].rssBytes)
            m_ownUsage[at(ns)] += {*processes[j].rssBytes, processes[j].cpuSeconds.value_or(0), 1};
    m_subtreeUsage = m_ownUsage;
    m_subtreeProcesses.assign(m_parent.size(), 0);
    m_descendants.assign(m_parent.size(), 0);
    for (auto it = m_topDown.rbegin(); it != m_topDown.rend(); ++it) {
        m_subtreeProcesses[at(*it)] += ownProcesses(*it);
        if (const int parent = m_parent[at(*it)]; parent >= 0) {
            m_subtreeProcesses[at(parent)] += m_subtreeProcesses[at(*it)];
            m_subtreeUsage[at(parent)] += m_subtreeUsage[at(*it)];
            m_descendants[at(parent)] += 1 + m_descendants[at(*it)];
        }
    }
    for (const VantageReport &vantage : m_snapshot->vantages)
        if (vantage.memory && !m_memory)
            m_memory = vantage.memory;
}

int SnapshotAnalysis::findNamespace(std::string_view id) const
{
    const auto it = m_namespaceById.find(id);
    return it == m_namespaceById.end() ? -1 : it->second;
}

std::vector<int> SnapshotAnalysis::pathTo(int ns) const
{
    std::vector<int> path;
    for (int n = ns; n >= 0; n = m_parent[at(n)])
        path.push_back(n);
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<SnapshotAnalysis::Link> SnapshotAnalysis::resolve(const Process &process) const
{
    std::vector<Link> links;
    links.reserve(process.chain.size());
    for (const ChainLink &chainLink : process.chain) {
        Link link;
        link.ns = findNamespace(chainLink.ns);
        link.level = link.ns >= 0 ? level(link.ns) : (links.empty() ? 0 : links.back().level + 1);
        if (!links.empty() && link.level <= links.back().level)
            link.level = links.back().level + 1;
        links.push_back(link);
    }
    return links;
}

ItemId SnapshotAnalysis::find(std::string_view key) const
{
    if (key.substr(0, kProcessPrefix.size()) == kProcessPrefix) {
        const auto it = m_processByKey.find(std::string(key));
        return it == m_processByKey.end() ? ItemId{} : ItemId::process(it->second);
    }
    const int ns = findNamespace(key);
    return ns >= 0 ? ItemId::ns(ns) : ItemId{};
}

std::string SnapshotAnalysis::key(ItemId item) const
{
    if (item.isNamespace() && item.index < namespaceCount())
        return m_snapshot->pidNamespaces[at(item.index)].id;
    if (item.isProcess() && item.index < processCount())
        return processKey(m_snapshot->processes[at(item.index)]);
    return {};
}

std::shared_ptr<const SnapshotAnalysis> analyze(std::shared_ptr<const Snapshot> snapshot)
{
    if (!snapshot)
        return nullptr;
    return std::make_shared<const SnapshotAnalysis>(std::move(snapshot));
}

} // namespace wslatlas
