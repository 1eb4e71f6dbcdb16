#include "memory_breakdown.h"

#include <algorithm>
#include <numeric>

namespace wslatlas {

MemoryBreakdown memoryBreakdown(const SnapshotAnalysis &analysis, int topCount)
{
    MemoryBreakdown result;
    const Snapshot &snapshot = analysis.snapshot();
    const std::optional<MemoryInfo> &memory = analysis.memory();
    const bool haveMemory = memory && memory->totalBytes > 0;
    const bool haveRss = std::any_of(snapshot.processes.begin(), snapshot.processes.end(),
                                     [](const Process &p) { return p.rssBytes.has_value(); });
    if (!haveMemory && !haveRss)
        result.missing = MemoryBreakdown::Missing::Both;
    else if (!haveMemory)
        result.missing = MemoryBreakdown::Missing::Memory;
    else if (!haveRss)
        result.missing = MemoryBreakdown::Missing::Rss;
    if (!result.complete())
        return result;

    result.totalBytes = memory->totalBytes;
    const std::uint64_t available = std::min(memory->availableBytes, result.totalBytes);
    const std::uint64_t free = std::min(memory->freeBytes, available);
    result.usedBytes = result.totalBytes - available;
    result.cacheBytes = available - free;
    result.freeBytes = free;
    result.swapTotalBytes = memory->swapTotalBytes;
    result.swapUsedBytes = memory->swapTotalBytes - std::min(memory->swapFreeBytes, memory->swapTotalBytes);

    const auto add = [&result](int ns, const Usage &usage, bool ownOnly) {
        if (usage.measured > 0 && usage.rssBytes > 0)
            result.groups.push_back({ns, usage.rssBytes, usage.measured, ownOnly});
    };
    for (int root : analysis.roots()) {
        // The VM (or a Linux host) splits into what runs below it; another root is one group.
        const NamespaceRole role = snapshot.pidNamespaces[static_cast<std::size_t>(root)].role;
        if (role != NamespaceRole::Vm && role != NamespaceRole::Host) {
            add(root, analysis.subtreeUsage(root), false);
            continue;
        }
        add(root, analysis.ownUsage(root), true);
        for (int child : analysis.children(root))
            add(child, analysis.subtreeUsage(child), false);
    }
    Usage unlisted;
    for (int p : analysis.unplacedProcesses()) {
        const Process &process = snapshot.processes[static_cast<std::size_t>(p)];
        if (process.rssBytes)
            unlisted += {*process.rssBytes, process.cpuSeconds.value_or(0), 1};
    }
    add(MemoryGroup::kUnlisted, unlisted, false);
    std::stable_sort(result.groups.begin(), result.groups.end(),
                     [](const MemoryGroup &a, const MemoryGroup &b) { return a.rssBytes > b.rssBytes; });
    for (const MemoryGroup &group : result.groups)
        result.groupedRssBytes += group.rssBytes;
    result.rssExceedsUsed = result.groupedRssBytes > result.usedBytes;
    result.otherBytes = result.rssExceedsUsed ? 0 : result.usedBytes - result.groupedRssBytes;

    std::vector<int> measured;
    for (int i = 0; i < static_cast<int>(snapshot.processes.size()); ++i)
        if (snapshot.processes[static_cast<std::size_t>(i)].rssBytes)
            measured.push_back(i);
    const auto rss = [&snapshot](int i) { return *snapshot.processes[static_cast<std::size_t>(i)].rssBytes; };
    const auto count =
        std::min<std::size_t>(measured.size(), static_cast<std::size_t>(std::max(topCount, 0)));
    std::partial_sort(measured.begin(), measured.begin() + static_cast<std::ptrdiff_t>(count), measured.end(),
                      [&rss](int a, int b) { return rss(a) != rss(b) ? rss(a) > rss(b) : a < b; });
    measured.resize(count);
    result.topProcesses = std::move(measured);
    return result;
}

} // namespace wslatlas
