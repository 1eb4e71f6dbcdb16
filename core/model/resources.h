#pragma once
// What the VM's processes use (DESIGN.md's additions, issue 13): the container a process runs in and the
// memory a vantage's /proc/meminfo reports.
#include "kinds.h"

#include <cstdint>
#include <string>

namespace wslatlas {

// The container a process runs in, as its cgroup path names it.
struct ContainerRef
{
    ContainerEngine engine = ContainerEngine::Unknown;
    std::string id; // the engine's full id (64 hex digits for docker, containerd and podman); lxc: its name

    // The 12 characters engines print (docker ps); an lxc name whole.
    std::string shortId() const { return engine == ContainerEngine::Lxc ? id : id.substr(0, 12); }
    friend bool operator==(const ContainerRef &, const ContainerRef &) = default;
};

// /proc/meminfo, in bytes.
struct MemoryInfo
{
    std::uint64_t totalBytes = 0;     // MemTotal
    std::uint64_t freeBytes = 0;      // MemFree
    std::uint64_t availableBytes = 0; // MemAvailable: what could be had without swapping
    std::uint64_t cachedBytes = 0;    // Cached + Buffers
    std::uint64_t swapTotalBytes = 0;
    std::uint64_t swapFreeBytes = 0;
    friend bool operator==(const MemoryInfo &, const MemoryInfo &) = default;
};

} // namespace wslatlas
