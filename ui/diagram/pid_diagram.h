#pragma once
// The Namespaces view's picture: the pid-namespace tree as a Diagram (core/diagram.h), optionally with one
// namespace's own processes drawn below it. Built from the snapshot in one pass, texts translated.
#include "analysis.h"
#include "diagram.h"
#include "snapshot.h"

#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

struct PidDiagramOptions
{
    std::string expandNamespace; // "pid:[…]": also draw that namespace's own processes as nodes
    int maxProcessNodes = 40;    // beyond it one "+ N more processes" node
};

// One node per pid namespace (id = the namespace's id), edges parent → child, dashed where the parent is a
// placeholder or only weakly evidenced; the snapshot's findings as notes. No namespaces: one Note node.
Diagram pidDiagram(const SnapshotAnalysis &analysis, const PidDiagramOptions &options = {});

// Node ids along a namespace's path from its root down to it (inclusive); for a process id ("proc:…") the
// namespaces of its NSpid chain, outermost first (preceded by the ancestors of the outermost one, when the
// chain starts below a root), then the process id itself. Empty when unknown.
std::vector<std::string> diagramPathTo(const SnapshotAnalysis &analysis, std::string_view id);

} // namespace wslatlas
