#pragma once
// What one vantage saw, as parsed from the collector's output; no inference yet.
#include "network.h"
#include "resources.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {

// Namespace type ("pid", "net", "mnt", "uts", "ipc", "user", "cgroup", "time", ...) -> inode, sorted by type.
// A map's interface over a flat sorted vector: a process has about eight links and there are hundreds of
// thousands of processes, so one allocation per set (the short type names stay inline) instead of one per
// link.
class NsLinks
{
public:
    using value_type = std::pair<std::string, std::uint64_t>;
    using const_iterator = std::vector<value_type>::const_iterator;
    using iterator = const_iterator; // read-only: changing a type in place would break the order
    using size_type = std::size_t;

    NsLinks() = default;
    NsLinks(std::initializer_list<value_type> links)
    {
        for (const value_type &l : links)
            insert(l); // like std::map: the first of equal types wins
    }

    const_iterator begin() const { return m_links.begin(); }
    const_iterator end() const { return m_links.end(); }
    size_type size() const { return m_links.size(); }
    bool empty() const { return m_links.empty(); }
    void clear() { m_links.clear(); }
    void reserve(size_type n) { m_links.reserve(n); }

    const_iterator find(std::string_view type) const
    {
        const auto it = lowerBound(type);
        return it != m_links.end() && it->first == type ? const_iterator(it) : end();
    }
    size_type count(std::string_view type) const { return find(type) == end() ? 0 : 1; }
    bool contains(std::string_view type) const { return find(type) != end(); }
    std::uint64_t at(std::string_view type) const
    {
        const auto it = find(type);
        if (it == end())
            throw std::out_of_range("NsLinks::at: no such namespace type");
        return it->second;
    }

    std::uint64_t &operator[](std::string_view type)
    {
        if (m_links.empty() || m_links.back().first < type) // the parser adds them in order (ls sorts)
            return m_links.emplace_back(std::string(type), 0).second;
        auto it = lowerBound(type);
        if (it == m_links.end() || it->first != type)
            it = m_links.emplace(it, std::string(type), 0);
        return it->second;
    }
    std::pair<const_iterator, bool> insert(const value_type &link)
    {
        auto it = lowerBound(link.first);
        if (it != m_links.end() && it->first == link.first)
            return {it, false};
        return {m_links.insert(it, link), true};
    }
    void insert_or_assign(std::string_view type, std::uint64_t inode) { (*this)[type] = inode; }
    size_type erase(std::string_view type)
    {
        const auto it = lowerBound(type);
        if (it == m_links.end() || it->first != type)
            return 0;
        m_links.erase(it);
        return 1;
    }

    friend bool operator==(const NsLinks &, const NsLinks &) = default;

private:
    std::vector<value_type>::iterator lowerBound(std::string_view type)
    {
        return std::lower_bound(m_links.begin(), m_links.end(), type,
                                [](const value_type &l, std::string_view t) { return l.first < t; });
    }
    std::vector<value_type>::const_iterator lowerBound(std::string_view type) const
    {
        return std::lower_bound(m_links.begin(), m_links.end(), type,
                                [](const value_type &l, std::string_view t) { return l.first < t; });
    }

    std::vector<value_type> m_links;
};

struct ProcessObservation
{
    // Pids are in the terms of the pid namespace that mounted the vantage's /proc (its "top").
    int pid = 0;
    int ppid = 0;
    std::vector<int> nspid; // outermost (the /proc top) first; empty when the kernel has no NSpid
    std::string name;
    std::optional<int> uid;
    std::optional<std::uint64_t> startTicks; // field 22 of /proc/PID/stat, clock ticks since boot
    std::string cmdline;                     // arguments joined by spaces
    NsLinks ns;                              // links that were readable
    // Resource use, from the same stat line (fields 14, 15 and 24), in the kernel's units: clock ticks and
    // pages (VantageObservation::clockTicksPerSecond and pageSize turn them into seconds and bytes).
    std::optional<std::uint64_t> utimeTicks;
    std::optional<std::uint64_t> stimeTicks;
    std::optional<std::uint64_t> rssPages;
    // The container it runs in, read from /proc/PID/cgroup (nothing when no line names one).
    std::optional<ContainerRef> container;

    int level() const { return nspid.empty() ? -1 : static_cast<int>(nspid.size()) - 1; }
    int innermostPid() const { return nspid.empty() ? pid : nspid.back(); }
};

// The network parts use the capture parsers' own types (core/captures/ip_addr.cpp and ifconfig.cpp read
// both).
using AddressObservation = Address;
using InterfaceObservation = NetInterface;
using RouteObservation = Route;

struct VantageObservation
{
    // The collector's own shell.
    int shellPid = 0;           // $$, in the shell's own pid namespace
    std::vector<int> selfNspid; // /proc/self/status NSpid: its length gives the shell's level below the top
    std::optional<int> selfProcPid; // the shell's pid in /proc terms
    int selfPpid = 0;               // the shell's PPid in /proc terms (0: not visible)
    std::string kernel;
    std::string hostname;
    std::map<std::string, std::string> osRelease;

    std::vector<ProcessObservation> processes; // sorted by pid; the collector's own processes removed
    NsLinks selfNs;                            // the shell's own namespace links

    std::vector<InterfaceObservation> interfaces;
    std::vector<RouteObservation> routes;
    std::vector<std::string> nameservers;
    std::string networkingMode; // from wslinfo --networking-mode, when present

    // Units of the stat line's fields, asked of the kernel once (getconf PAGESIZE and CLK_TCK, or the
    // kernel's page size from /proc/self/smaps); nothing when the vantage could not tell.
    std::optional<std::uint64_t> pageSize;
    std::optional<std::uint64_t> clockTicksPerSecond;
    std::optional<MemoryInfo> memory; // /proc/meminfo: the VM's memory, whichever vantage reads it

    std::vector<std::string> warnings; // things a user should know but that do not fail the vantage
};

} // namespace wslatlas
