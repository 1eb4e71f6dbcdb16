#pragma once
// The network model (DESIGN.md "The network"): host captures merged with the network namespaces that
// inference found, into adapters -> switch -> namespaces, with subnet arithmetic, links and findings.
#include "capture_kinds.h"
#include "snapshot.h"

#include <vector>

namespace wslatlas {

// Adds the captures' statuses, distros, host adapters, switches, NAT values, subnets, links and
// findings to snapshot (whose network namespaces and mode come from the vantages). Pure.
void buildHostNetwork(Snapshot &snapshot, const std::vector<ParsedCapture> &captures);

} // namespace wslatlas
