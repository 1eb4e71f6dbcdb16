#pragma once
// Checks every diagram test uses: the diagram is a well-formed graph (ids unique, edges and clusters name
// existing nodes), Graphviz can lay it out, and dot accepts its DOT export.
#include "diagram.h"

#include <QString>

#include <string_view>

namespace wslatlas::test {

// Empty when the diagram is well formed, else what is wrong.
QString diagramProblem(const Diagram &diagram);

// Lays the diagram out with layout::layoutGraph, every node 120 × 40 points; empty when that worked and
// gave one geometry per node, edge and cluster, else the error.
QString layoutProblem(const Diagram &diagram);

// Runs `dot -Tsvg` on diagramToDot(diagram); empty when dot exited 0 and drew every node's title.
// Sets skipped when no dot program is installed.
QString dotProblem(const Diagram &diagram, bool &skipped);

const DiagramNode *findNode(const Diagram &diagram, std::string_view id);
const DiagramEdge *findEdge(const Diagram &diagram, std::string_view from, std::string_view to);
const DiagramCluster *clusterOf(const Diagram &diagram, std::string_view nodeId);
bool hasLine(const DiagramNode &node, std::string_view line);

} // namespace wslatlas::test
