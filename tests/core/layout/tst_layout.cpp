// Layout at two levels (STYLE.md): the pure conversion from Graphviz's attribute strings, with hand-written
// splines; and real dot layouts checked for invariants (inside the bounding box, rank 0 on top, edges
// touching their nodes, ids kept), plus size, threads and locale.
#include "layout/geometry.h"
#include "layout/graph_layout.h"
#include "snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

using namespace wslatlas;
using namespace wslatlas::layout;

namespace {

constexpr double kEps = 1e-9;

Geometry geometryOrFail(const Result<Geometry> &result)
{
    if (const auto *error = std::get_if<Error>(&result)) {
        ADD_FAILURE() << "unexpected Error: " << error->message;
        return {};
    }
    return std::get<Geometry>(result);
}

std::string errorText(const Result<Geometry> &result)
{
    if (const auto *error = std::get_if<Error>(&result))
        return error->message;
    ADD_FAILURE() << "expected an Error";
    return {};
}

// ------------------------------------------------------------------------------------------------------------
// Pure conversion

TEST(ParsePoint, ReadsPairsAndRejectsEverythingElse)
{
    EXPECT_EQ(parsePoint("1,2"), (Point{1, 2}));
    EXPECT_EQ(parsePoint(" 3.5 , -4e1 "), (Point{3.5, -40}));
    EXPECT_EQ(parsePoint("5,6!"), (Point{5, 6})); // a pinned node
    EXPECT_EQ(parsePoint("+1,-0"), (Point{1, 0}));
    for (const char *bad : {"", "1", "1,", ",1", "1,2,3", "a,b", "1,2x", "1,nan", "inf,1", "1;2", "1 2", "!"})
        EXPECT_FALSE(parsePoint(bad)) << bad;
}

TEST(ParseBox, ReadsFourNumbers)
{
    const std::optional<GvBox> box = parseBox("0,-1.5,196,200");
    ASSERT_TRUE(box);
    EXPECT_DOUBLE_EQ(box->llx, 0);
    EXPECT_DOUBLE_EQ(box->lly, -1.5);
    EXPECT_DOUBLE_EQ(box->urx, 196);
    EXPECT_DOUBLE_EQ(box->ury, 200);
    for (const char *bad : {"", "0,0,1", "0,0,1,1,1", "0,0,a,1", "10,0,5,5", "0,10,5,5", "0,0,1,1;"})
        EXPECT_FALSE(parseBox(bad)) << bad;
}

TEST(ParseSplines, OneBezierWithArrowsInEitherOrder)
{
    for (const char *text : {"s,1,2 e,3,4 10,10 20,20 30,30 40,40", "e,3,4 s,1,2 10,10 20,20 30,30 40,40"}) {
        const auto parsed = parseSplines(text);
        ASSERT_TRUE(std::holds_alternative<std::vector<GvBezier>>(parsed)) << text;
        const auto &beziers = std::get<std::vector<GvBezier>>(parsed);
        ASSERT_EQ(beziers.size(), 1u);
        EXPECT_EQ(beziers[0].points.size(), 4u);
        EXPECT_EQ(beziers[0].startArrow, (Point{1, 2}));
        EXPECT_EQ(beziers[0].endArrow, (Point{3, 4}));
        EXPECT_EQ(beziers[0].points.back(), (Point{40, 40}));
    }
}

TEST(ParseSplines, EveryBezierNotOnlyTheFirst)
{
    const auto parsed =
        parseSplines("0,100 0,90 0,80 0,70;0,70 0,60 0,50 0,40 0,30 0,20 0,10; e,5,0 0,10 1,8 2,6 3,4");
    ASSERT_TRUE(std::holds_alternative<std::vector<GvBezier>>(parsed));
    const auto &beziers = std::get<std::vector<GvBezier>>(parsed);
    ASSERT_EQ(beziers.size(), 3u);
    EXPECT_EQ(beziers[0].points.size(), 4u);
    EXPECT_EQ(beziers[1].points.size(), 7u);
    EXPECT_EQ(beziers[2].points.size(), 4u);
    EXPECT_FALSE(beziers[0].endArrow);
    EXPECT_EQ(beziers[2].endArrow, (Point{5, 0}));
}

TEST(ParseSplines, WhitespaceAndLineContinuations)
{
    const auto parsed = parseSplines("  e,1,1\t10,10 20,20\\\n 30,30\n40,40  ");
    ASSERT_TRUE(std::holds_alternative<std::vector<GvBezier>>(parsed));
    EXPECT_EQ(std::get<std::vector<GvBezier>>(parsed)[0].points.size(), 4u);
    const auto empty = parseSplines("   ");
    ASSERT_TRUE(std::holds_alternative<std::vector<GvBezier>>(empty));
    EXPECT_TRUE(std::get<std::vector<GvBezier>>(empty).empty());
}

TEST(ParseSplines, MalformedIsAnErrorNotACrash)
{
    for (const char *bad : {
             "1,1 2,2 3,3",                 // too few
             "1,1 2,2 3,3 4,4 5,5",         // not 1 + 3n
             "1,1 2,2 3,3 4,4;",            // empty second piece
             ";1,1 2,2 3,3 4,4",            // empty first piece
             "s,1 1,1 2,2 3,3 4,4",         // bad arrow point
             "e,1,1,1 1,1 2,2 3,3 4,4",     // bad arrow point
             "1,1 e,2,2 2,2 3,3 4,4",       // arrow after the points
             "e,1,1 e,2,2 1,1 2,2 3,3 4,4", // two head arrows
             "1,1 2,2 3,3 x,4",             // garbage
             "1,1 2,2 3,3 4,4e",            // trailing garbage
             "1,1 2,2 3,3 nan,4",           // not finite
             "1.1.1,1 2,2 3,3 4,4",         // not a number
         }) {
        const auto parsed = parseSplines(bad);
        ASSERT_TRUE(std::holds_alternative<Error>(parsed)) << bad;
        EXPECT_FALSE(std::get<Error>(parsed).message.empty());
    }
}

TEST(ParseSplines, RandomTextNeverCrashes)
{
    std::mt19937 random(42);
    const std::string alphabet = "0123456789,.;-+ es!\n\\e";
    for (int round = 0; round < 5000; ++round) {
        std::string text(random() % 60, ' ');
        for (char &c : text)
            c = alphabet[random() % alphabet.size()];
        const auto parsed = parseSplines(text);
        if (const auto *beziers = std::get_if<std::vector<GvBezier>>(&parsed)) {
            for (const GvBezier &bezier : *beziers)
                EXPECT_EQ((bezier.points.size() - 1) % 3, 0u) << text;
        }
    }
}

TEST(GeometryFromAttributes, FlipsYAboutTheBoxTopAndConvertsInches)
{
    LayoutAttributes attributes;
    attributes.bb = "0,0,100,50";
    attributes.nodes = {{"top", "10,40", "1", "0.5"}, {"bottom", "90,10!", "0.25", "0.125"}};
    const Geometry g = geometryOrFail(geometryFromAttributes(attributes));
    EXPECT_DOUBLE_EQ(g.width, 100);
    EXPECT_DOUBLE_EQ(g.height, 50);
    ASSERT_EQ(g.nodes.size(), 2u);
    EXPECT_EQ(g.nodes[0].id, "top");
    EXPECT_EQ(g.nodes[0].center, (Point{10, 10}));
    EXPECT_DOUBLE_EQ(g.nodes[0].width, 72);
    EXPECT_DOUBLE_EQ(g.nodes[0].height, 36);
    EXPECT_EQ(g.nodes[1].center, (Point{90, 40}));
    EXPECT_DOUBLE_EQ(g.nodes[1].width, 18);
    EXPECT_DOUBLE_EQ(g.nodes[1].height, 9);
}

TEST(GeometryFromAttributes, OriginIsTheBoxTopLeftWhereverGraphvizPutsIt)
{
    LayoutAttributes attributes;
    attributes.bb = "-20,10,80,110";
    attributes.nodes = {{"corner", "-20,110", "1", "1"}, {"other", "80,10", "1", "1"}};
    attributes.clusters = {{"c", "-10,20,30,100"}};
    const Geometry g = geometryOrFail(geometryFromAttributes(attributes));
    EXPECT_EQ(g.nodes[0].center, (Point{0, 0}));
    EXPECT_EQ(g.nodes[1].center, (Point{100, 100}));
    ASSERT_EQ(g.clusters.size(), 1u);
    EXPECT_EQ(g.clusters[0].topLeft, (Point{10, 10}));
    EXPECT_DOUBLE_EQ(g.clusters[0].width, 40);
    EXPECT_DOUBLE_EQ(g.clusters[0].height, 80);
}

TEST(GeometryFromAttributes, EdgesKeepEveryBezierAndTheirArrowTips)
{
    LayoutAttributes attributes;
    attributes.bb = "0,0,100,100";
    attributes.edges = {
        {"three-pieces", "a", "b",
         "s,0,100 0,95 0,90 0,80 0,70;0,70 0,60 0,50 0,40 0,30 0,20 0,15;e,0,0 0,15 0,10 0,8 0,5"},
        {"plain", "a", "b", "10,90 10,80 10,70 10,60"},
        {"unrouted", "a", "b", ""},
    };
    const Geometry g = geometryOrFail(geometryFromAttributes(attributes));
    ASSERT_EQ(g.edges.size(), 3u);
    const EdgeGeometry &e = g.edges[0];
    EXPECT_EQ(e.id, "three-pieces");
    EXPECT_EQ(e.from, "a");
    EXPECT_EQ(e.to, "b");
    ASSERT_EQ(e.beziers.size(), 3u);
    EXPECT_EQ(e.beziers[0].size(), 4u);
    EXPECT_EQ(e.beziers[1].size(), 7u);
    EXPECT_EQ(e.beziers[2].size(), 4u);
    EXPECT_EQ(e.beziers[0].front(), (Point{0, 5})); // y flipped: 100 - 95
    EXPECT_EQ(e.beziers[2].back(), (Point{0, 95})); // 100 - 5
    EXPECT_EQ(e.arrowStart, (Point{0, 0}));
    EXPECT_EQ(e.arrowEnd, (Point{0, 100}));
    EXPECT_FALSE(g.edges[1].arrowStart);
    EXPECT_FALSE(g.edges[1].arrowEnd);
    EXPECT_EQ(g.edges[1].beziers.at(0).front(), (Point{10, 10}));
    EXPECT_TRUE(g.edges[2].beziers.empty());
}

// What `dot -Tdot` (2.42) wrote for a small graph with a cluster, a two-headed edge and a loop.
TEST(GeometryFromAttributes, ReadsWhatDotWrites)
{
    LayoutAttributes attributes;
    attributes.bb = "0,0,196,196";
    attributes.clusters = {{"x", "100,8,188,132"}};
    attributes.nodes = {{"a", "90,178", "1", "0.5"},
                        {"b", "36,106", "1", "0.5"},
                        {"c", "144,106", "1", "0.5"},
                        {"d", "144,34", "1", "0.5"}};
    attributes.edges = {
        {"a-b", "a", "b", "e,49.195,124.1 76.652,159.7 70.243,151.39 62.442,141.28 55.394,132.14"},
        {"a-c", "a", "c",
         "s,103.35,159.7 e,130.81,124.1 109.56,151.64 114.42,145.35 119.62,138.61 124.47,132.32"},
        {"b-b", "b", "b",
         "e,72.087,92.567 72.087,119.43 82.221,118.84 90,114.37 90,106 90,100.77 86.961,97.06 82.208,94.869"},
        {"c-d", "c", "d", "144,87.697 144,76.846 144,62.917 144,52.104"},
    };
    const Geometry g = geometryOrFail(geometryFromAttributes(attributes));
    EXPECT_EQ(g.nodes[0].center, (Point{90, 18}));
    EXPECT_EQ(g.clusters[0].topLeft, (Point{100, 64}));
    EXPECT_DOUBLE_EQ(g.clusters[0].height, 124);
    ASSERT_TRUE(g.edges[1].arrowStart && g.edges[1].arrowEnd);
    EXPECT_NEAR(g.edges[1].arrowStart->y, 196 - 159.7, kEps);
    EXPECT_NEAR(g.edges[1].arrowEnd->y, 196 - 124.1, kEps);
    EXPECT_EQ(g.edges[2].beziers.at(0).size(), 7u);
    EXPECT_EQ(g.edges[3].beziers.at(0).front(), (Point{144, 196 - 87.697}));
}

TEST(GeometryFromAttributes, MalformedStringsNameTheirObject)
{
    const auto withBb = [](std::string bb) {
        LayoutAttributes a;
        a.bb = std::move(bb);
        return a;
    };
    EXPECT_NE(errorText(geometryFromAttributes(withBb(""))).find("bounding box"), std::string::npos);
    EXPECT_NE(errorText(geometryFromAttributes(withBb("0,0,1"))).find("bounding box"), std::string::npos);

    LayoutAttributes a = withBb("0,0,10,10");
    a.nodes = {{"n1", "1,2,3", "1", "1"}};
    EXPECT_NE(errorText(geometryFromAttributes(a)).find("n1"), std::string::npos);
    a.nodes = {{"n2", "1,2", "wide", "1"}};
    EXPECT_NE(errorText(geometryFromAttributes(a)).find("n2"), std::string::npos);
    a.nodes = {{"n3", "1,2", "1", "-1"}};
    EXPECT_NE(errorText(geometryFromAttributes(a)).find("n3"), std::string::npos);
    a.nodes.clear();
    a.edges = {{"e1", "a", "b", "1,1 2,2"}};
    EXPECT_NE(errorText(geometryFromAttributes(a)).find("e1"), std::string::npos);
    a.edges.clear();
    a.clusters = {{"c1", "1,1,0,0"}};
    EXPECT_NE(errorText(geometryFromAttributes(a)).find("c1"), std::string::npos);
}

// ------------------------------------------------------------------------------------------------------------
// Real layouts

const NodeGeometry &nodeById(const Geometry &g, const std::string &id)
{
    const auto it =
        std::find_if(g.nodes.begin(), g.nodes.end(), [&](const NodeGeometry &n) { return n.id == id; });
    if (it == g.nodes.end())
        throw std::runtime_error("no node " + id);
    return *it;
}

// Signed distance from p to the box's outline: negative inside.
double distanceToBox(Point p, const NodeGeometry &n)
{
    const double ax = std::abs(p.x - n.center.x) - n.width / 2;
    const double ay = std::abs(p.y - n.center.y) - n.height / 2;
    if (ax <= 0 && ay <= 0)
        return std::max(ax, ay);
    return std::hypot(std::max(ax, 0.0), std::max(ay, 0.0));
}

constexpr double kTouch = 2.0; // points

// The invariants every layout must satisfy.
void checkInvariants(const GraphSpec &spec, const Geometry &g)
{
    ASSERT_EQ(g.nodes.size(), spec.nodes.size());
    ASSERT_EQ(g.edges.size(), spec.edges.size());
    ASSERT_EQ(g.clusters.size(), spec.clusters.size());
    for (std::size_t i = 0; i < spec.nodes.size(); ++i) {
        const NodeGeometry &n = g.nodes[i];
        EXPECT_EQ(n.id, spec.nodes[i].id) << "spec order and ids kept";
        // The caller's size, rounded up to a whole point (Graphviz's unit for node sizes).
        EXPECT_NEAR(n.width, std::ceil(spec.nodes[i].widthPt - 1e-6), 1e-6) << n.id;
        EXPECT_NEAR(n.height, std::ceil(spec.nodes[i].heightPt - 1e-6), 1e-6) << n.id;
        EXPECT_GE(n.center.x - n.width / 2, -0.5) << n.id;
        EXPECT_GE(n.center.y - n.height / 2, -0.5) << n.id;
        EXPECT_LE(n.center.x + n.width / 2, g.width + 0.5) << n.id;
        EXPECT_LE(n.center.y + n.height / 2, g.height + 0.5) << n.id;
    }
    for (std::size_t i = 0; i < spec.edges.size(); ++i) {
        const EdgeGeometry &e = g.edges[i];
        EXPECT_EQ(e.id, spec.edges[i].id);
        EXPECT_EQ(e.from, spec.edges[i].from);
        EXPECT_EQ(e.to, spec.edges[i].to);
        ASSERT_FALSE(e.beziers.empty()) << e.id;
        for (const auto &bezier : e.beziers) {
            EXPECT_GE(bezier.size(), 4u) << e.id;
            EXPECT_EQ((bezier.size() - 1) % 3, 0u) << e.id;
        }
        EXPECT_EQ(e.arrowEnd.has_value(), spec.arrowheads) << e.id;
        EXPECT_FALSE(e.arrowStart) << e.id;
        const Point start = e.beziers.front().front();
        const Point end = e.arrowEnd ? *e.arrowEnd : e.beziers.back().back();
        EXPECT_LE(std::abs(distanceToBox(start, nodeById(g, e.from))), kTouch)
            << e.id << " starts at " << start.x << "," << start.y;
        EXPECT_LE(std::abs(distanceToBox(end, nodeById(g, e.to))), kTouch)
            << e.id << " ends at " << end.x << "," << end.y;
        if (e.arrowEnd) { // the arrowhead runs from the spline's end to the tip
            EXPECT_GT(std::hypot(e.arrowEnd->x - e.beziers.back().back().x,
                                 e.arrowEnd->y - e.beziers.back().back().y),
                      1.0);
        }
    }
}

// The seed article's pid-namespace tree, as core holds it, with sizes a ui would measure.
GraphSpec seedTree()
{
    Snapshot s;
    const auto ns = [](std::string id, std::string parent, std::string label) {
        PidNamespace n;
        n.id = std::move(id);
        n.parent = std::move(parent);
        n.label = std::move(label);
        return n;
    };
    s.pidNamespaces = {ns("pid:[4026531836]", "", "Mariner VM"),
                       ns("pid:[4026532245]", "pid:[4026531836]", "WSLg system (Ubuntu-20.04)"),
                       ns("pid:[4026532257]", "pid:[4026532245]", "Ubuntu-20.04"),
                       ns("pid:[4026532771]", "pid:[4026531836]", "Isolation (Ubuntu-18.04)"),
                       ns("pid:[4026532800]", "pid:[4026532771]", "Ubuntu-18.04")};
    GraphSpec spec;
    for (const PidNamespace &n : s.pidNamespaces) {
        spec.nodes.push_back({n.id, 40.3 + 6.5 * static_cast<double>(n.label.size()), 43.6});
        if (!n.parent.empty())
            spec.edges.push_back({n.parent + "->" + n.id, n.parent, n.id});
    }
    return spec;
}

TEST(LayoutGraph, EmptyGraphGivesEmptyGeometry)
{
    const Geometry g = geometryOrFail(layoutGraph(GraphSpec{}));
    EXPECT_EQ(g, Geometry{});
}

TEST(LayoutGraph, SingleNode)
{
    GraphSpec spec;
    spec.nodes = {{"only", 100, 30}};
    const Geometry g = geometryOrFail(layoutGraph(spec));
    checkInvariants(spec, g);
    EXPECT_NEAR(g.width, 100, 0.5);
    EXPECT_NEAR(g.height, 30, 0.5);
    EXPECT_NEAR(g.nodes[0].center.x, 50, 0.5);
    EXPECT_NEAR(g.nodes[0].center.y, 15, 0.5);
}

TEST(LayoutGraph, SeedTreeTopDownAndQuiet)
{
    const GraphSpec spec = seedTree();
    testing::internal::CaptureStderr();
    const Geometry g = geometryOrFail(layoutGraph(spec));
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << "Graphviz's messages are captured, not printed";
    checkInvariants(spec, g);

    const NodeGeometry &root = nodeById(g, "pid:[4026531836]");
    EXPECT_NEAR(root.center.y - root.height / 2, 0, 0.5) << "rank 0 at the top of the box";
    for (const NodeGeometry &n : g.nodes) {
        if (n.id != root.id) {
            EXPECT_GT(n.center.y, root.center.y) << n.id;
        }
    }
    for (const EdgeSpec &e : spec.edges) {
        const NodeGeometry &parent = nodeById(g, e.from);
        const NodeGeometry &child = nodeById(g, e.to);
        EXPECT_GE(child.center.y - child.height / 2,
                  parent.center.y + parent.height / 2 + spec.rankSepPt - 0.5)
            << "child " << child.id << " a rank below " << parent.id;
    }
}

TEST(LayoutGraph, OtherDirections)
{
    GraphSpec spec = seedTree();
    for (const char *rankdir : {"LR", "BT", "RL"}) {
        spec.rankdir = rankdir;
        const Geometry g = geometryOrFail(layoutGraph(spec));
        checkInvariants(spec, g);
        for (const EdgeSpec &e : spec.edges) {
            const NodeGeometry &parent = nodeById(g, e.from);
            const NodeGeometry &child = nodeById(g, e.to);
            if (spec.rankdir == "LR")
                EXPECT_GT(child.center.x, parent.center.x) << rankdir << " " << e.id;
            else if (spec.rankdir == "RL")
                EXPECT_LT(child.center.x, parent.center.x) << rankdir << " " << e.id;
            else
                EXPECT_LT(child.center.y, parent.center.y) << rankdir << " " << e.id;
        }
    }
}

TEST(LayoutGraph, WithoutArrowheadsEdgesEndOnTheirNodes)
{
    GraphSpec spec = seedTree();
    spec.arrowheads = false;
    checkInvariants(spec, geometryOrFail(layoutGraph(spec)));
}

TEST(LayoutGraph, CyclesParallelEdgesAndLoops)
{
    GraphSpec spec;
    spec.nodes = {{"a", 60, 30}, {"b", 60, 30}, {"c", 80, 40}};
    spec.edges = {{"ab", "a", "b"},
                  {"bc", "b", "c"},
                  {"ca", "c", "a"},  // a cycle: dot reverses one edge
                  {"ab2", "a", "b"}, // parallel
                  {"bb", "b", "b"}}; // loop
    checkInvariants(spec, geometryOrFail(layoutGraph(spec)));
}

TEST(LayoutGraph, IdsAreKeptIncludingUtf8AndOddOnes)
{
    GraphSpec spec;
    const std::vector<std::string> ids = {"pid:[4026532257]",
                                          "ネットワーク",
                                          "net:[4026531840]",
                                          "%1",
                                          "%2",
                                          "a \"quoted\" \\ name",
                                          "node",
                                          "edge",
                                          "graph",
                                          "-> ;{}"};
    for (const std::string &id : ids)
        spec.nodes.push_back({id, 90, 30});
    for (std::size_t i = 1; i < ids.size(); ++i)
        spec.edges.push_back({"e" + std::to_string(i), ids[(i - 1) / 2], ids[i]});
    const Geometry g = geometryOrFail(layoutGraph(spec));
    checkInvariants(spec, g);
    // Distinct nodes stay distinct (no two share a position), "%1" and "%2" included.
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < g.nodes.size(); ++j)
            EXPECT_FALSE(g.nodes[i].center == g.nodes[j].center) << g.nodes[i].id << " / " << g.nodes[j].id;
}

TEST(LayoutGraph, KeepEdgeOrderPutsChildrenInOrder)
{
    GraphSpec spec;
    spec.keepEdgeOrder = true;
    spec.nodes = {{"root", 60, 30}};
    for (int i = 0; i < 6; ++i) {
        spec.nodes.push_back({"child" + std::to_string(i), 60, 30});
        spec.edges.push_back({"e" + std::to_string(i), "root", "child" + std::to_string(i)});
    }
    std::reverse(spec.nodes.begin() + 1, spec.nodes.end()); // the node order must not matter
    const Geometry g = geometryOrFail(layoutGraph(spec));
    checkInvariants(spec, g);
    for (int i = 1; i < 6; ++i)
        EXPECT_LT(nodeById(g, "child" + std::to_string(i - 1)).center.x,
                  nodeById(g, "child" + std::to_string(i)).center.x);
}

TEST(LayoutGraph, ClustersHoldTheirNodesAndRoomForALabel)
{
    GraphSpec spec;
    spec.nodes = {{"vm", 80, 30}, {"ubuntu", 80, 30}, {"kali", 80, 30}, {"docker", 80, 30}};
    spec.edges = {{"e1", "vm", "ubuntu"}, {"e2", "vm", "kali"}, {"e3", "vm", "docker"}};
    spec.clusters = {{"net:[4026531840]", {"ubuntu", "kali"}, 24}, {"net:[4026532500]", {"docker"}, 0}};
    for (const char *rankdir : {"TB", "LR"}) {
        spec.rankdir = rankdir;
        const Geometry g = geometryOrFail(layoutGraph(spec));
        checkInvariants(spec, g);
        for (std::size_t c = 0; c < spec.clusters.size(); ++c) {
            const ClusterGeometry &box = g.clusters[c];
            EXPECT_EQ(box.id, spec.clusters[c].id);
            EXPECT_GE(box.topLeft.x, -0.5);
            EXPECT_GE(box.topLeft.y, -0.5);
            EXPECT_LE(box.topLeft.x + box.width, g.width + 0.5);
            EXPECT_LE(box.topLeft.y + box.height, g.height + 0.5);
            double highestTop = g.height;
            for (const std::string &id : spec.clusters[c].nodes) {
                const NodeGeometry &n = nodeById(g, id);
                EXPECT_GE(n.center.x - n.width / 2, box.topLeft.x) << rankdir << " " << id;
                EXPECT_LE(n.center.x + n.width / 2, box.topLeft.x + box.width) << rankdir << " " << id;
                EXPECT_GE(n.center.y - n.height / 2, box.topLeft.y) << rankdir << " " << id;
                EXPECT_LE(n.center.y + n.height / 2, box.topLeft.y + box.height) << rankdir << " " << id;
                highestTop = std::min(highestTop, n.center.y - n.height / 2);
            }
            EXPECT_GE(highestTop - box.topLeft.y, spec.clusters[c].labelHeightPt) << rankdir << " " << box.id;
        }
        const NodeGeometry &vm = nodeById(g, "vm");
        EXPECT_FALSE(vm.center.x > g.clusters[1].topLeft.x &&
                     vm.center.x < g.clusters[1].topLeft.x + g.clusters[1].width &&
                     vm.center.y > g.clusters[1].topLeft.y &&
                     vm.center.y < g.clusters[1].topLeft.y + g.clusters[1].height)
            << "a node outside every cluster is outside their boxes";
    }
}

TEST(LayoutGraph, BadSpecsAreErrors)
{
    const auto expectError = [](const GraphSpec &spec, const std::string &needle) {
        const std::string message = errorText(layoutGraph(spec));
        EXPECT_NE(message.find(needle), std::string::npos) << message;
    };
    GraphSpec spec;
    spec.nodes = {{"a", 10, 10}, {"a", 10, 10}};
    expectError(spec, "duplicate node id \"a\"");
    spec.nodes = {{"a", 10, 10}, {"b", 10, 10}};
    spec.edges = {{"e", "a", "zz"}};
    expectError(spec, "unknown node \"zz\"");
    spec.edges = {{"e", "yy", "a"}};
    expectError(spec, "unknown node \"yy\"");
    spec.edges = {{"e", "a", "b"}, {"e", "b", "a"}};
    expectError(spec, "duplicate edge id \"e\"");
    spec.edges = {{"", "a", "b"}};
    expectError(spec, "empty id");
    spec.edges.clear();
    spec.nodes = {{"", 10, 10}};
    expectError(spec, "empty id");
    spec.nodes = {{std::string("a\0b", 3), 10, 10}, {std::string("a\0c", 3), 10, 10}};
    expectError(spec, "NUL");
    spec.nodes = {{"a", 0, 10}};
    expectError(spec, "positive size");
    spec.nodes = {{"a", 10, std::nan("")}};
    expectError(spec, "positive size");
    spec.nodes = {{"a", 10, 10}, {"b", 10, 10}};
    spec.rankdir = "sideways";
    expectError(spec, "rankdir");
    spec.rankdir = "TB";
    spec.nodeSepPt = -1;
    expectError(spec, "separation");
    spec.nodeSepPt = 18;
    spec.clusters = {{"c", {"a", "nope"}, 0}};
    expectError(spec, "unknown node \"nope\"");
    spec.clusters = {{"c", {"a"}, 0}, {"d", {"a"}, 0}};
    expectError(spec, "clusters \"c\" and \"d\"");
    spec.clusters = {{"c", {}, 0}};
    expectError(spec, "no nodes");
}

// A pid tree the size of a busy distro: 300 nodes.
GraphSpec bigTree(int count, unsigned seed)
{
    std::mt19937 random(seed);
    GraphSpec spec;
    for (int i = 0; i < count; ++i) {
        spec.nodes.push_back({"p" + std::to_string(i), 60.0 + static_cast<double>(random() % 80), 30});
        if (i > 0) {
            // Mostly shallow and wide, like processes under init and a few shells.
            const int parent = static_cast<int>(random() % static_cast<unsigned>(std::min(i, 1 + i / 4)));
            spec.edges.push_back(
                {"e" + std::to_string(i), "p" + std::to_string(parent), "p" + std::to_string(i)});
        }
    }
    return spec;
}

// Adds crossing edges between nodes a few ranks apart: more work for dot's crossing minimisation.
GraphSpec withCrossEdges(GraphSpec spec, int count, unsigned seed)
{
    std::mt19937 random(seed);
    const auto n = static_cast<unsigned>(spec.nodes.size());
    for (int i = 0; i < count; ++i) {
        const unsigned from = random() % (n / 2);
        const unsigned to = n / 2 + random() % (n - n / 2);
        spec.edges.push_back({"x" + std::to_string(i), spec.nodes[from].id, spec.nodes[to].id});
    }
    return spec;
}

double layoutMilliseconds(const GraphSpec &spec, Geometry &g)
{
    const auto started = std::chrono::steady_clock::now();
    g = geometryOrFail(layoutGraph(spec));
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

TEST(LayoutGraph, ThreeHundredNodes)
{
    const GraphSpec tree = bigTree(300, 7);
    Geometry g;
    const double treeMs = layoutMilliseconds(tree, g);
    std::printf("[ TIMING   ] 300-node tree (299 edges): %.1f ms, %.0f x %.0f pt\n", treeMs, g.width,
                g.height);
    RecordProperty("layout_ms_300_node_tree", static_cast<int>(treeMs));
    checkInvariants(tree, g);
    const NodeGeometry &root = nodeById(g, "p0");
    for (const NodeGeometry &n : g.nodes) {
        if (n.id != "p0") {
            EXPECT_GT(n.center.y, root.center.y);
        }
    }

    const GraphSpec tangled = withCrossEdges(tree, 150, 9);
    const double tangledMs = layoutMilliseconds(tangled, g);
    std::printf("[ TIMING   ] 300 nodes, 449 edges (150 crossing): %.1f ms, %.0f x %.0f pt\n", tangledMs,
                g.width, g.height);
    RecordProperty("layout_ms_300_nodes_449_edges", static_cast<int>(tangledMs));
    checkInvariants(tangled, g);
}

TEST(LayoutGraph, SameResultEveryTime)
{
    const GraphSpec spec = bigTree(60, 3);
    EXPECT_EQ(geometryOrFail(layoutGraph(spec)), geometryOrFail(layoutGraph(spec)));
}

TEST(LayoutGraph, TwoThreadsAtOnce)
{
    const GraphSpec specs[2] = {bigTree(80, 11), seedTree()};
    const Geometry expected[2] = {geometryOrFail(layoutGraph(specs[0])),
                                  geometryOrFail(layoutGraph(specs[1]))};
    int mismatches[2] = {0, 0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 15; ++round) {
                const auto result = layoutGraph(specs[t]);
                const auto *g = std::get_if<Geometry>(&result);
                if (!g || !(*g == expected[t]))
                    ++mismatches[t];
            }
        });
    for (std::thread &thread : threads)
        thread.join();
    EXPECT_EQ(mismatches[0], 0);
    EXPECT_EQ(mismatches[1], 0);
}

// Graphviz reads numbers with strtod: a locale with a decimal comma (a Qt program calls setlocale(LC_ALL,
// "")) must not turn 100.5 pt into 100 pt. gvLayout switches LC_NUMERIC to "C" while it reads (gv_fixLocale);
// this keeps it so. Skipped without such a locale (try LOCPATH with one made by localedef).
TEST(LayoutGraph, DecimalCommaLocaleDoesNotChangeSizes)
{
    GraphSpec spec;
    spec.nodes = {{"a", 100.5, 30.25}, {"b", 50.75, 20.5}, {"c", 70.2, 20}};
    spec.edges = {{"e", "a", "b"}, {"f", "a", "c"}};
    spec.nodeSepPt = 12.5;
    spec.rankSepPt = 30.5;
    const Geometry inC = geometryOrFail(layoutGraph(spec));

    const std::string previous = std::setlocale(LC_ALL, nullptr);
    const char *chosen = nullptr;
    for (const char *name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "de_DE", "fr_FR"})
        if (std::setlocale(LC_ALL, name)) {
            chosen = name;
            break;
        }
    if (!chosen)
        GTEST_SKIP() << "no locale with a decimal comma installed (e.g. de_DE.UTF-8)";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", 0.5);
    const bool comma = std::string(text) == "0,5";
    const auto result = layoutGraph(spec);
    std::snprintf(text, sizeof text, "%.1f", 0.5);
    const bool stillComma = std::string(text) == "0,5"; // the caller's locale is left alone
    std::setlocale(LC_ALL, previous.c_str());
    ASSERT_TRUE(comma) << chosen << " has no decimal comma";
    EXPECT_TRUE(stillComma);
    const Geometry withComma = geometryOrFail(result);
    checkInvariants(spec, withComma);
    EXPECT_EQ(withComma, inC);
}

} // namespace

TEST(GraphvizVersion, IsTheLinkedLibrarysDottedVersion)
{
    const std::string version = wslatlas::layout::graphvizVersion();
    // "2.43.0" on Debian 12: the library's own answer, not the headers' macro.
    ASSERT_FALSE(version.empty());
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(version.front()))) << version;
    EXPECT_NE(version.find('.'), std::string::npos) << version;
}
