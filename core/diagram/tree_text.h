#pragma once
// The pid-namespace tree as text, drawn like the seed article's diagram.
#include "analysis.h"

#include <string>

namespace wslatlas {

struct TreeTextOptions
{
    bool processes = true; // list each namespace's own processes
    int maxProcesses = -1; // per namespace; -1 for all
    bool usage = false;    // resident memory and CPU time per namespace (own and subtree) and process
};

std::string renderPidTree(const SnapshotAnalysis &analysis, const TreeTextOptions &options = {});

} // namespace wslatlas
