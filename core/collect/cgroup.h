#pragma once
// The container a process runs in, read from its /proc/PID/cgroup (cgroup v1, v2 or both): the cgroup
// paths that container engines create name the engine and the container's id.
#include "resources.h"

#include <optional>
#include <string_view>

namespace wslatlas {

// One line of /proc/PID/cgroup ("HIERARCHY-ID:CONTROLLERS:PATH") that names a container.
struct CgroupContainer
{
    ContainerRef container;
    bool unified = false; // the cgroup v2 line ("0::PATH")
};

// The container one cgroup path names (the deepest one, for a container inside another), or nothing.
// Recognised, where HEX is a 64-digit lowercase hex id:
//   docker       .../docker/HEX (cgroupfs driver), .../docker-HEX.scope (systemd driver)
//   containerd   .../nerdctl-HEX.scope, .../cri-containerd-HEX.scope outside a pod, /default/HEX and
//                /k8s.io/HEX (containerd's own /NAMESPACE/ID, as ctr and nerdctl with cgroupfs make)
//   kubernetes   a container of a pod: .../kubepods.../podUID/HEX, or .../kubepods-...-podUID.slice/
//                {cri-containerd,crio,docker}-HEX.scope; crio-HEX.scope anywhere
//   podman       .../libpod-HEX.scope and .../libpod-HEX (not libpod-conmon-HEX.scope, its monitor)
//   lxc          .../lxc.payload.NAME, .../lxc.payload/NAME and .../lxc/NAME (not lxc.monitor.NAME)
std::optional<ContainerRef> containerFromCgroupPath(std::string_view path);

// One line of the file; nothing for a line that names no container or is not a cgroup line.
std::optional<CgroupContainer> containerFromCgroupLine(std::string_view line);

// The whole file: the v2 line's container when it names one, else the first v1 line's that does.
std::optional<ContainerRef> containerFromCgroup(std::string_view cgroupFileText);

} // namespace wslatlas
