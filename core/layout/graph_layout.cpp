#include "graph_layout.h"

#include "graphviz_compat.h"

#include <graphviz/types.h> // GD_bb, ND_coord, ND_width, ND_height, ED_spl: the layout's records

#include <charconv>
#include <cmath>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

// The dot layout engine's plugin record, in libgvplugin_dot_layout (linked in: see kBuiltinPlugins).
extern "C" {
WSLATLAS_GVPLUGIN_IMPORT extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
}

namespace wslatlas::layout {

namespace {

using gv::gvCount;
using gv::gvStr;

// Why built-in plugins: gvContext() finds plugins the way the dot program does, by reading the config file
// that `dot -c` writes at install time (config6 in the Graphviz plugin folder) and loading the libraries it
// names at run time. A program deployed without that folder or file (an AppImage, a Windows installer, a
// vcpkg build) then fails in gvLayout with 'Layout type: "dot" not recognized' (hotspot issue 462). Instead
// the dot layout plugin is linked into the program and handed to gvContextPlugins with demand loading off:
// Graphviz installs exactly these plugins and reads neither a config file nor a plugin folder. Nothing else
// is needed: no renderer (the geometry is read from the layout's records) and no text layout (nodes have
// fixed sizes and no labels). Graphviz takes an entry only if its name starts with "g" and contains
// "_LTX_library". The list has a name of our own: Graphviz's headers declare a global lt_preloaded_symbols
// that another component may define.
const lt_symlist_t kBuiltinPlugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {nullptr, nullptr},
};

constexpr double kPointsPerInch = 72.0;

// Graphviz keeps global state everywhere (error handler, attribute caches, dot's own statics): one layout at
// a time in the whole process.
std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Graphviz's messages (agerr) go to stderr unless a handler takes them: collect them for the Error.
// Global in Graphviz, so only touched under graphvizMutex().
std::string *collectedMessages = nullptr;

int collectMessage(char *message)
{
    if (collectedMessages && message)
        *collectedMessages += message;
    return 0;
}

class MessageCapture
{
public:
    explicit MessageCapture(std::string &into) : previous_(agseterrf(collectMessage))
    {
        collectedMessages = &into;
        agreseterrors();
    }
    ~MessageCapture()
    {
        agseterrf(previous_);
        collectedMessages = nullptr;
    }
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

private:
    agusererrf previous_;
};

// Shortest round-trip text of a number, never with a decimal comma. Graphviz reads numbers with strtod, but
// gvLayout switches LC_NUMERIC to "C" itself while it reads attributes (gv_fixLocale), so a caller's locale
// with a decimal comma (a Qt program calls setlocale(LC_ALL, "")) does no harm: checked by a test.
std::string number(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string quote(const std::string &text)
{
    return "\"" + text + "\"";
}

// Graphviz rounds node sizes to whole points (to the nearest, so 100.4 would become 100): round up instead,
// so that a label measured at 100.4 still fits. The tolerance keeps 100.0000001 (float noise) at 100.
double wholePoints(double value)
{
    return std::ceil(value - 1e-6);
}

bool positiveSize(double value)
{
    return std::isfinite(value) && value > 0;
}

// Everything Graphviz would silently accept or mangle is refused here, before Graphviz sees it.
std::optional<Error> validate(const GraphSpec &spec)
{
    if (spec.rankdir != "TB" && spec.rankdir != "LR" && spec.rankdir != "BT" && spec.rankdir != "RL")
        return Error{"unknown rankdir " + quote(spec.rankdir) + " (TB, LR, BT or RL)"};
    if (!std::isfinite(spec.nodeSepPt) || spec.nodeSepPt < 0 || !std::isfinite(spec.rankSepPt) ||
        spec.rankSepPt < 0)
        return Error{"node and rank separations must be finite and not negative"};

    std::unordered_set<std::string_view> nodeIds;
    for (const NodeSpec &node : spec.nodes) {
        if (node.id.empty())
            return Error{"a node has an empty id"};
        if (node.id.find('\0') != std::string::npos) // Graphviz's names end at the first NUL
            return Error{"node id " + quote(node.id) + " contains a NUL character"};
        if (!nodeIds.insert(node.id).second)
            return Error{"duplicate node id " + quote(node.id)};
        if (!positiveSize(node.widthPt) || !positiveSize(node.heightPt))
            return Error{"node " + quote(node.id) + " needs a positive size, not " + number(node.widthPt) +
                         " x " + number(node.heightPt)};
    }
    std::unordered_set<std::string_view> edgeIds;
    for (const EdgeSpec &edge : spec.edges) {
        if (edge.id.empty())
            return Error{"an edge has an empty id"};
        if (!edgeIds.insert(edge.id).second)
            return Error{"duplicate edge id " + quote(edge.id)};
        if (!nodeIds.contains(edge.from))
            return Error{"edge " + quote(edge.id) + " starts at unknown node " + quote(edge.from)};
        if (!nodeIds.contains(edge.to))
            return Error{"edge " + quote(edge.id) + " ends at unknown node " + quote(edge.to)};
    }
    std::unordered_set<std::string_view> clusterIds;
    std::unordered_map<std::string_view, std::string_view> clusterOf;
    for (const ClusterSpec &cluster : spec.clusters) {
        if (cluster.id.empty())
            return Error{"a cluster has an empty id"};
        if (!clusterIds.insert(cluster.id).second)
            return Error{"duplicate cluster id " + quote(cluster.id)};
        if (cluster.nodes.empty())
            return Error{"cluster " + quote(cluster.id) + " has no nodes"};
        if (!std::isfinite(cluster.labelHeightPt) || cluster.labelHeightPt < 0)
            return Error{"cluster " + quote(cluster.id) + " has a bad label height"};
        for (const std::string &node : cluster.nodes) {
            if (!nodeIds.contains(node))
                return Error{"cluster " + quote(cluster.id) + " names unknown node " + quote(node)};
            const auto [at, inserted] = clusterOf.emplace(node, cluster.id);
            if (!inserted)
                return Error{"node " + quote(node) + " is in clusters " + quote(std::string(at->second)) +
                             " and " + quote(cluster.id)};
        }
    }
    return std::nullopt;
}

// One layout: the context, the graph and the layout, freed in that order's reverse (layout, graph, context).
class Layouter
{
public:
    Layouter() = default;
    ~Layouter()
    {
        if (laidOut_)
            gvFreeLayout(gvc_, graph_);
        if (graph_)
            agclose(graph_);
        if (gvc_)
            gvFreeContext(gvc_);
    }
    Layouter(const Layouter &) = delete;
    Layouter &operator=(const Layouter &) = delete;

    Result<Geometry> run(const GraphSpec &spec)
    {
        gvc_ = gvContextPlugins(kBuiltinPlugins, 0);
        if (!gvc_)
            return Error{"Graphviz could not create a context"};
        graph_ = agopen(gvStr("wslatlas"), Agdirected, nullptr);
        if (!graph_)
            return Error{"Graphviz could not create a graph"};
        build(spec);
        if (gvLayout(gvc_, graph_, "dot") != 0)
            return Error{"Graphviz's dot layout failed"};
        laidOut_ = true;
        return toGeometry(read(spec));
    }

private:
    void build(const GraphSpec &spec)
    {
        agattr(graph_, AGRAPH, gvStr("rankdir"), gvStr(spec.rankdir));
        agattr(graph_, AGRAPH, gvStr("nodesep"), gvStr(number(spec.nodeSepPt / kPointsPerInch)));
        agattr(graph_, AGRAPH, gvStr("ranksep"), gvStr(number(spec.rankSepPt / kPointsPerInch)));
        if (spec.keepEdgeOrder)
            agattr(graph_, AGRAPH, gvStr("ordering"), gvStr("out"));
        // Cluster labels are drawn by the caller; a one-space label with a matching font size makes dot keep
        // room for them (the label's height is the font size × 1.2).
        Agsym_t *clusterLabel = agattr(graph_, AGRAPH, gvStr("label"), gvStr(""));
        Agsym_t *clusterFontSize = agattr(graph_, AGRAPH, gvStr("fontsize"), gvStr("14"));

        // Boxes of exactly the caller's size, without labels of their own (no text is measured).
        agattr(graph_, AGNODE, gvStr("shape"), gvStr("box"));
        agattr(graph_, AGNODE, gvStr("fixedsize"), gvStr("true"));
        agattr(graph_, AGNODE, gvStr("label"), gvStr(""));
        Agsym_t *width = agattr(graph_, AGNODE, gvStr("width"), gvStr("0.75"));
        Agsym_t *height = agattr(graph_, AGNODE, gvStr("height"), gvStr("0.5"));
        if (!spec.arrowheads)
            agattr(graph_, AGEDGE, gvStr("arrowhead"), gvStr("none"));

        std::unordered_map<std::string_view, Agnode_t *> byId;
        nodes_.reserve(spec.nodes.size());
        for (const NodeSpec &node : spec.nodes) {
            // Our ids are the node names: unique (validated), UTF-8, never shown (no labels). We never read
            // them back, so names Graphviz treats specially (a leading "%") do no harm.
            Agnode_t *n = agnode(graph_, gvStr(node.id), 1);
            agxset(n, width, gvStr(number(wholePoints(node.widthPt) / kPointsPerInch)));
            agxset(n, height, gvStr(number(wholePoints(node.heightPt) / kPointsPerInch)));
            nodes_.push_back(n);
            byId.emplace(node.id, n);
        }
        edges_.reserve(spec.edges.size());
        for (const EdgeSpec &edge : spec.edges) // anonymous: parallel edges stay apart
            edges_.push_back(agedge(graph_, byId.at(edge.from), byId.at(edge.to), nullptr, 1));
        clusters_.reserve(spec.clusters.size());
        for (std::size_t i = 0; i < spec.clusters.size(); ++i) {
            const ClusterSpec &cluster = spec.clusters[i];
            Agraph_t *sub = agsubg(graph_, gvStr("cluster_" + std::to_string(i)), 1);
            if (cluster.labelHeightPt > 0) {
                agxset(sub, clusterLabel, gvStr(" "));
                agxset(sub, clusterFontSize, gvStr(number(cluster.labelHeightPt / 1.2)));
            }
            for (const std::string &node : cluster.nodes)
                agsubnode(sub, byId.at(node), 1);
            clusters_.push_back(sub);
        }
    }

    static Point point(pointf p) { return {p.x, p.y}; }
    static GvBox box(boxf b) { return {b.LL.x, b.LL.y, b.UR.x, b.UR.y}; }

    GvLayout read(const GraphSpec &spec) const
    {
        GvLayout layout;
        layout.bb = box(GD_bb(graph_));
        layout.nodes.reserve(nodes_.size());
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            layout.nodes.push_back(
                {spec.nodes[i].id, point(ND_coord(nodes_[i])), ND_width(nodes_[i]), ND_height(nodes_[i])});
        layout.edges.reserve(edges_.size());
        for (std::size_t i = 0; i < edges_.size(); ++i) {
            const EdgeSpec &edge = spec.edges[i];
            GvEdge out{edge.id, edge.from, edge.to, {}};
            // Every bezier of the spline, not only the first.
            if (const splines *spl = ED_spl(edges_[i])) {
                for (std::size_t j = 0; j < gvCount(spl->size); ++j) {
                    const bezier &bz = spl->list[j];
                    GvBezier piece;
                    for (std::size_t k = 0; k < gvCount(bz.size); ++k)
                        piece.points.push_back(point(bz.list[k]));
                    if (bz.sflag)
                        piece.startArrow = point(bz.sp);
                    if (bz.eflag)
                        piece.endArrow = point(bz.ep);
                    out.beziers.push_back(std::move(piece));
                }
            }
            layout.edges.push_back(std::move(out));
        }
        layout.clusters.reserve(clusters_.size());
        for (std::size_t i = 0; i < clusters_.size(); ++i)
            layout.clusters.push_back({spec.clusters[i].id, box(GD_bb(clusters_[i]))});
        return layout;
    }

    GVC_t *gvc_ = nullptr;
    Agraph_t *graph_ = nullptr;
    bool laidOut_ = false;
    std::vector<Agnode_t *> nodes_; // in the spec's order
    std::vector<Agedge_t *> edges_; // in the spec's order
    std::vector<Agraph_t *> clusters_;
};

} // namespace

Result<Geometry> layoutGraph(const GraphSpec &spec)
{
    if (std::optional<Error> error = validate(spec))
        return *error;
    if (spec.nodes.empty())
        return Geometry{};

    const std::lock_guard lock(graphvizMutex());
    std::string messages;
    const MessageCapture capture(messages);
    Result<Geometry> result = Layouter().run(spec); // freed here, messages still captured
    if (auto *error = std::get_if<Error>(&result); error && !messages.empty()) {
        while (!messages.empty() && (messages.back() == '\n' || messages.back() == ' '))
            messages.pop_back();
        error->message += ": " + messages;
    }
    return result;
}

std::string graphvizVersion()
{
    const std::lock_guard lock(graphvizMutex());
    GVC_t *gvc = gvContextPlugins(kBuiltinPlugins, 0);
    if (!gvc)
        return {};
    const char *version = gvcVersion(gvc);
    std::string result = version ? version : "";
    gvFreeContext(gvc);
    return result;
}

} // namespace wslatlas::layout
