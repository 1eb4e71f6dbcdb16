#pragma once
// The Network view's picture: the snapshot's network (core/network.h) as a Diagram, left to right from the
// Windows host's adapters through the Hyper-V switch (or mirrored networking) to the VM's network namespaces
// and their interfaces. Texts translated.
#include "diagram.h"
#include "snapshot.h"

namespace wslatlas {

// Clusters "Windows host" (the WSL adapters and any adapter a link or finding names; the rest summed up in
// one node) and "WSL 2 VM" (network namespaces and their interfaces); switches with their subnet arithmetic
// and the registry's NAT values; network.links as edges; findings as badges on the node they are about,
// otherwise as notes. An empty network gives one Note node saying how to get network data.
Diagram networkDiagram(const Snapshot &snapshot);

} // namespace wslatlas
