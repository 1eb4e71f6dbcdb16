#pragma once
// Where the VM's memory goes (issue 13, the Memory tab): /proc/meminfo's total split into used, cache and
// free, "used" split by the first-level namespace groups' resident memory, and the largest processes.
// Plain numbers from the analysis; ui draws them.
#include "analysis.h"

#include <cstdint>
#include <vector>

namespace wslatlas {

// One group of "used": a namespace directly below the VM's root with its whole subtree (a distro's WSLg
// system namespace with its distro, an isolation namespace with its distros), the VM root's own processes,
// another root's subtree, or the processes of namespaces the snapshot does not list.
struct MemoryGroup
{
    static constexpr int kUnlisted = -1;
    int ns = kUnlisted; // index into snapshot().pidNamespaces
    std::uint64_t rssBytes = 0;
    int processes = 0;    // processes that reported an rss
    bool ownOnly = false; // the VM root's own processes, without the namespaces below it
};

struct MemoryBreakdown
{
    enum class Missing
    {
        Nothing,
        Memory, // no vantage read /proc/meminfo
        Rss,    // no process has an rss
        Both,
    };
    Missing missing = Missing::Nothing;

    // meminfo, made consistent (free ≤ available ≤ total): used + cache + free = total.
    std::uint64_t totalBytes = 0;
    std::uint64_t usedBytes = 0;  // total − available
    std::uint64_t cacheBytes = 0; // available − free: page cache and other reclaimable memory
    std::uint64_t freeBytes = 0;
    std::uint64_t swapTotalBytes = 0;
    std::uint64_t swapUsedBytes = 0;

    std::vector<MemoryGroup> groups; // largest first; groups without rss are left out
    std::uint64_t groupedRssBytes = 0;
    // used − the groups' rss: the kernel, and memory no listed process maps; 0 when rss exceeds used
    // (rss counts shared pages once per process that maps them).
    std::uint64_t otherBytes = 0;
    bool rssExceedsUsed = false;

    std::vector<int> topProcesses; // indices into snapshot().processes, largest rss first

    bool complete() const { return missing == Missing::Nothing; }
};

MemoryBreakdown memoryBreakdown(const SnapshotAnalysis &analysis, int topCount = 10);

} // namespace wslatlas
