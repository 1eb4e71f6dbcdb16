#pragma once
// The pid-namespace tree as text, drawn like the seed article's diagram.
#include "analysis.h"

#include <string>

namespace wslatlas {

struct TreeTextOptions
{
    bool processes = true; // list each namespace's own processes
    int maxProcesses = -1; // per namespace; -1 for all
};

std::string renderPidTree(const SnapshotAnalysis &analysis, const TreeTextOptions &options = {});

} // namespace wslatlas
