#pragma once
// What one vantage saw, as parsed from the collector's output; no inference yet.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wslatlas {

// Namespace type ("pid", "net", "mnt", "uts", "ipc", "user", "cgroup", "time", ...) -> inode.
using NsLinks = std::map<std::string, std::uint64_t>;

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

    int level() const { return nspid.empty() ? -1 : static_cast<int>(nspid.size()) - 1; }
    int innermostPid() const { return nspid.empty() ? pid : nspid.back(); }
};

struct AddressObservation
{
    std::string address;
    int prefix = 0;
};

struct InterfaceObservation
{
    std::string name;
    std::string mac;
    std::optional<int> mtu;
    std::optional<bool> up;
    std::vector<AddressObservation> ipv4;
    std::vector<AddressObservation> ipv6;
};

struct RouteObservation
{
    std::string destination; // "default" or CIDR
    std::string gateway;     // empty when on-link
    std::string dev;
    std::string source;
};

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

    std::vector<std::string> warnings; // things a user should know but that do not fail the vantage
};

} // namespace wslatlas
