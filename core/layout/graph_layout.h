#pragma once
// Lays a graph out with Graphviz's dot engine. Plain C++: no Graphviz type appears here, the ui hands in ids
// and sizes and gets geometry back (geometry.h), and looks things up by id, never by Graphviz pointers.
#include "geometry.h"

#include <string>
#include <variant>
#include <vector>

namespace wslatlas::layout {

struct NodeSpec
{
    std::string id; // our stable id, UTF-8; unique and not empty
    // The caller measures its labels (QFontMetricsF) and says how big the node is; Graphviz keeps that size
    // (fixedsize), rounded up to a whole point as Graphviz works in whole points: NodeGeometry has the
    // result.
    double widthPt = 0;
    double heightPt = 0;
};

struct EdgeSpec
{
    std::string id; // unique and not empty
    std::string from;
    std::string to;
};

// Nodes kept together in a box. One level: a node belongs to at most one cluster.
struct ClusterSpec
{
    std::string id; // unique and not empty
    std::vector<std::string> nodes;
    double labelHeightPt = 0; // room kept free above the nodes for a label the caller draws
};

struct GraphSpec
{
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;
    std::vector<ClusterSpec> clusters;
    std::string rankdir = "TB"; // TB, LR, BT or RL
    double nodeSepPt = 18;      // between nodes of one rank
    double rankSepPt = 36;      // between ranks
    bool arrowheads = true;     // room for arrowheads at the heads of edges (EdgeGeometry::arrowEnd)
    bool keepEdgeOrder = false; // children in the order of their edges (Graphviz's ordering=out)
};

// The geometry of every node, edge and cluster, in the spec's order and with the spec's ids. An empty graph
// gives an empty geometry. Duplicate or empty ids, edges or clusters naming unknown nodes, a node in two
// clusters, bad sizes or rankdir, or a failing Graphviz give an Error.
// Safe to call from several threads at once: Graphviz is not thread-safe, so calls take turns (one mutex).
Result<Geometry> layoutGraph(const GraphSpec &spec);

// The version of the Graphviz library doing the layouts ("2.43.0"), for the About box; empty if unknown.
std::string graphvizVersion();

} // namespace wslatlas::layout
