#pragma once
// One analysis of a snapshot, built once (in the collection worker, or when a file is read) and read by
// every view, diagram, chart, panel and the CLI: the pid-namespace forest (parents with cycles broken,
// children, levels), process counts counted from the processes themselves, and lookups by id. Views
// derive nothing of their own, so they cannot disagree.
#include "snapshot.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wslatlas {

// A namespace or a process of one snapshot, by its position in the snapshot's lists.
struct ItemId
{
    enum class Kind : std::uint8_t
    {
        None,
        Namespace,
        Process
    };
    Kind kind = Kind::None;
    int index = -1;

    static ItemId ns(int index) { return {Kind::Namespace, index}; }
    static ItemId process(int index) { return {Kind::Process, index}; }
    bool valid() const { return kind != Kind::None && index >= 0; }
    bool isNamespace() const { return kind == Kind::Namespace && index >= 0; }
    bool isProcess() const { return kind == Kind::Process && index >= 0; }
    friend bool operator==(const ItemId &, const ItemId &) = default;
};

// The innermost pid (the process's pid in its own namespace); -1 when the chain is empty.
int innermostPid(const Process &process);
// "proc:" + its namespace id + ":" + innermost pid: stable across refreshes, used to keep a selection.
std::string processKey(const Process &process);

// What processes use, added up: resident memory and CPU time, over the processes that reported them.
struct Usage
{
    std::uint64_t rssBytes = 0;
    double cpuSeconds = 0;
    int measured = 0; // processes with an rss_bytes (0: the snapshot has no resource use: show nothing)

    Usage &operator+=(const Usage &other)
    {
        rssBytes += other.rssBytes;
        cpuSeconds += other.cpuSeconds;
        measured += other.measured;
        return *this;
    }
};

class SnapshotAnalysis
{
public:
    explicit SnapshotAnalysis(std::shared_ptr<const Snapshot> snapshot);

    const Snapshot &snapshot() const { return *m_snapshot; }
    const std::shared_ptr<const Snapshot> &shared() const { return m_snapshot; }

    // --- pid namespaces (indices into snapshot().pidNamespaces)
    int namespaceCount() const { return static_cast<int>(m_parent.size()); }
    int findNamespace(std::string_view id) const; // -1 when unknown; the first wins if a file repeats one
    // -1 for a root: no parent known, a parent the snapshot does not list, or the edge that closed a cycle
    // in a malformed file (so that every namespace is in the forest exactly once).
    int parent(int ns) const { return m_parent[at(ns)]; }
    const std::vector<int> &children(int ns) const { return m_children[at(ns)]; } // in snapshot order
    const std::vector<int> &roots() const { return m_roots; }
    // Every namespace, parents before children (breadth first from the roots).
    const std::vector<int> &topDown() const { return m_topDown; }
    // The snapshot's depth when plausible, else one below the parent's level (0 for a root).
    int level(int ns) const { return m_level[at(ns)]; }
    int ownProcesses(int ns) const { return static_cast<int>(m_processesOf[at(ns)].size()); }
    int subtreeProcesses(int ns) const { return m_subtreeProcesses[at(ns)]; }
    int descendants(int ns) const { return m_descendants[at(ns)]; } // namespaces below it, at any depth
    const Usage &ownUsage(int ns) const { return m_ownUsage[at(ns)]; }
    const Usage &subtreeUsage(int ns) const { return m_subtreeUsage[at(ns)]; }
    // The process that runs a container namespace's container (containerd-shim … -id ID, conmon … -c ID), or
    // -1: its command line names the container's full id. Outside the container, usually one level up.
    int containerShim(int ns) const { return m_shim[at(ns)]; }
    // The VM's memory: the first vantage's that read /proc/meminfo (every vantage of one VM reads the same).
    const std::optional<MemoryInfo> &memory() const { return m_memory; }
    const std::vector<int> &processesOf(int ns) const { return m_processesOf[at(ns)]; } // snapshot order
    // The namespaces from the root down to ns (ns last).
    std::vector<int> pathTo(int ns) const;
    // Processes whose namespace the snapshot does not list.
    const std::vector<int> &unplacedProcesses() const { return m_unplaced; }

    // Processes per distro: a process's own distro, or else those its namespace is listed for.
    const std::map<std::string, int> &processesPerDistro() const { return m_perDistro; }

    // --- processes (indices into snapshot().processes)
    int processCount() const { return static_cast<int>(m_namespaceOf.size()); }
    int namespaceOf(int process) const { return m_namespaceOf[at(process)]; } // -1 when not listed

    // A process's NSpid chain looked up once: per link, its namespace (-1 when not listed) and its level:
    // the namespace's, or one below the previous link's for an unlisted one; always increasing.
    struct Link
    {
        int ns = -1;
        int level = 0;
    };
    std::vector<Link> resolve(const Process &process) const;

    // --- items by their stable key: a namespace id ("pid:[…]") or a process key ("proc:…")
    ItemId find(std::string_view key) const;
    std::string key(ItemId item) const; // empty for an invalid item

private:
    static std::size_t at(int i) { return static_cast<std::size_t>(i); }
    void linkParents();
    void assignLevels();
    void countProcesses();
    void findShims();

    std::shared_ptr<const Snapshot> m_snapshot;
    std::unordered_map<std::string_view, int> m_namespaceById; // views into the snapshot's strings
    std::unordered_map<std::string, int> m_processByKey;
    std::vector<int> m_parent;
    std::vector<std::vector<int>> m_children;
    std::vector<int> m_roots;
    std::vector<int> m_topDown;
    std::vector<int> m_level;
    std::vector<std::vector<int>> m_processesOf;
    std::vector<int> m_subtreeProcesses;
    std::vector<int> m_descendants;
    std::vector<Usage> m_ownUsage;
    std::vector<Usage> m_subtreeUsage;
    std::optional<MemoryInfo> m_memory;
    std::vector<int> m_shim;
    std::vector<int> m_namespaceOf;
    std::vector<int> m_unplaced;
    std::map<std::string, int> m_perDistro;
};

// The analysis of a snapshot; nullptr for nullptr.
std::shared_ptr<const SnapshotAnalysis> analyze(std::shared_ptr<const Snapshot> snapshot);

} // namespace wslatlas
