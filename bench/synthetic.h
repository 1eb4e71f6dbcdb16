#pragma once
// Synthetic collector outputs (docs/collector-format.md) for a WSL-like pid-namespace tree, for benchmarks
// and scale tests. Deterministic: the same options give byte-identical outputs on every run.
//
// The tree: the VM's initial pid namespace (inode 4026531836) at depth 0; one first-level namespace per
// running distro (the WSLg / isolation level); the distro's namespace below each; the rest are containers
// inside distros (depth 3), some of them nested one level further (depth 4). Processes are spread over the
// namespaces with uneven weights; every namespace has an init (innermost pid 1) whose parent is in the
// namespace above.
//
// The vantages: "vm" sees everything from the root (NSpid lists from depth 0); "system:Distro-0" lands in the
// first first-level namespace, "Distro-0" in the distro below it and "Distro-1" in the second distro; each
// sees only its subtree, with NSpid lists that start at its own level and PPid 0 for its own init. A process
// has the same innermost pid, pid-namespace inode and start time in every vantage that sees it. Each output
// also lists the collector's own shell and two of its children (grep, tr), which the parser drops.
#include "vantage_plan.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wslatlas::bench {

struct SyntheticOptions
{
    int processes =
        10000;            // distinct processes in the VM (without the collector's own); at least `namespaces`
    int namespaces = 200; // pid namespaces, the root included; at least 1 + 2 * distros
    int distros = 8;      // running distros: first-level namespaces, each with one distro namespace below
    std::uint64_t seed = 1; // the same seed gives the same outputs
};

struct SyntheticVantage
{
    VantageSpec spec;
    std::string output;           // what resources/collector.sh would print
    std::uint64_t pidNsInode = 0; // the vantage's own (and top) pid namespace
    int depth = 0;                // its depth below the initial namespace
    int visibleProcesses = 0; // processes the parser must keep: the collector's shell and children excluded
};

struct SyntheticWorld
{
    SyntheticOptions options;
    std::vector<SyntheticVantage> vantages; // vm first
    int maxDepth = 0;                       // deepest namespace

    std::size_t totalBytes() const;
};

SyntheticWorld generateSynthetic(const SyntheticOptions &options);

} // namespace wslatlas::bench
