#pragma once
// The snapshot: everything inferred from the vantages (DESIGN.md, "Snapshot JSON").
#include "kinds.h"
#include "namespace_name.h"
#include "network.h"
#include "observation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

inline constexpr std::string_view kSnapshotSchema = "wslatlas.snapshot/1";
inline constexpr std::uint64_t kInitialPidNsInode = 4026531836; // the kernel's init_pid_ns, always

// Why a namespace has the parent it has (or none): shown in the details panel.
// The facts are stored; `text` is the English sentence made from them (core/model/evidence.h), kept for
// the file's readers, and ui writes the sentence in the user's language from the same facts.
struct Evidence
{
    EvidenceKind kind = EvidenceKind::Unknown;
    std::string vantage;                        // the vantage that saw it, when any
    int pid = 0;                                // the process walked from (in that vantage's /proc terms)
    int ppid = 0;                               // the process it led to, in another namespace
    std::string text;                           // the English sentence
    std::string subject{};                      // the namespace it is about
    std::string ancestor{};                     // the namespace found above it
    std::string via{};                          // Derived: the namespace whose parent it settles
    int levels = 0;                             // how far above `subject` the ancestor is
    std::string process{};                      // PpidWalk: the name of `pid`
    std::string parentProcess{};                // PpidWalk: the name of `ppid`
    EvidenceKind basis = EvidenceKind::Unknown; // Derived, Placeholder: the kind of fact it builds on
};

struct PidNamespace
{
    std::string id;                     // "pid:[INODE]" or "pid:[?N]" for a level nobody has seen
    std::optional<std::uint64_t> inode; // empty for placeholders
    std::string parent;                 // id of the parent; empty when none is known
    NamespaceRole role = NamespaceRole::Unknown;
    NamespaceName name; // what it is, as facts: ui writes it in the user's language
    std::string label;  // englishLabel(name), or a file's own label when it stores no name
    std::vector<std::string> distros;
    int depth = -1;                    // levels below the initial namespace; -1 when unknown
    int processCount = 0;              // processes whose own namespace this is
    std::vector<Evidence> evidence;    // for the parent edge
    std::vector<std::string> vantages; // vantages whose own namespace this is
};

struct ChainLink
{
    std::string ns;
    int pid = 0;
};

struct Process
{
    std::string name;
    std::string cmdline;
    std::string pidNs;            // id of its own pid namespace
    std::vector<ChainLink> chain; // outermost seen first, its own namespace last
    int ppid = 0;                 // in the outermost chain namespace's terms (0: not visible)
    std::optional<int> uid;
    std::optional<std::uint64_t> startTicks;
    std::string distro; // the distro it runs in, when known
    NsLinks ns;         // all namespace links that were readable
    std::vector<std::string> seenBy;
    std::optional<std::uint64_t> rssBytes; // resident memory
    std::optional<double> cpuSeconds;      // user + system time since it started
    std::optional<ContainerRef> container; // from its cgroup
};

struct VantageReport
{
    std::string name;
    VantageRole role = VantageRole::Host;
    std::string distro;
    bool ok = false;
    std::string error; // empty when ok
    std::string pidNs; // id of its own pid namespace, when known
    std::string netNs; // "net:[INODE]", when known
    std::string kernel;
    std::string hostname;
    std::string os; // PRETTY_NAME of os-release
    int processCount = 0;
    std::optional<MemoryInfo> memory; // its /proc/meminfo (every vantage of a VM reads the VM's)
    std::vector<std::string> warnings;
};

struct Snapshot
{
    std::string schema{kSnapshotSchema};
    std::string takenAt; // ISO 8601 UTC
    std::vector<VantageReport> vantages;
    std::vector<PidNamespace> pidNamespaces; // parents before children
    std::vector<Process> processes;
    std::vector<Distro> distros;
    std::vector<Capture> captures;
    Network network;
    std::vector<Finding> findings; // about the pid tree (e.g. vantages that disagree)

    const PidNamespace *findNamespace(std::string_view id) const;
    bool partial() const; // some vantage failed
};

std::string pidNsId(std::uint64_t inode);
std::string netNsId(std::uint64_t inode);

} // namespace wslatlas
