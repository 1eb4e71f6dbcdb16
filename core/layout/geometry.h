#pragma once
// What a layout yields, in the ui's terms, and the pure conversion from Graphviz's terms to it.
//
// Graphviz works in points (1/72 inch) with y growing upwards; node sizes are in inches. Geometry is in
// points with y growing downwards (Qt's convention) and its origin at the top-left corner of the bounding
// box. The conversion is kept apart from the Graphviz library so that it can be tested with hand-written
// values: both the layouter (which reads Graphviz's records) and geometryFromAttributes (which reads
// Graphviz's attribute strings) end in toGeometry. No Graphviz header is needed here.
#include "model/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace wslatlas::layout {

struct Point
{
    double x = 0;
    double y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

struct NodeGeometry
{
    std::string id;
    Point center;
    double width = 0; // points
    double height = 0;
    friend bool operator==(const NodeGeometry &, const NodeGeometry &) = default;
};

struct EdgeGeometry
{
    std::string id;
    std::string from;
    std::string to;
    // Every piece of the edge's spline, in order; each is a cubic Bézier path of 1 + 3n control points
    // (start, then two controls and an end per segment). Empty when Graphviz could not route the edge.
    std::vector<std::vector<Point>> beziers;
    // Where the arrowheads' tips are, when the edge has them. The spline then stops at the arrowhead's base,
    // so the arrowhead is drawn from the spline's end to this point.
    std::optional<Point> arrowStart;
    std::optional<Point> arrowEnd;
    friend bool operator==(const EdgeGeometry &, const EdgeGeometry &) = default;
};

struct ClusterGeometry
{
    std::string id;
    Point topLeft;
    double width = 0;
    double height = 0;
    friend bool operator==(const ClusterGeometry &, const ClusterGeometry &) = default;
};

struct Geometry
{
    double width = 0; // of the bounding box, points
    double height = 0;
    std::vector<NodeGeometry> nodes;
    std::vector<EdgeGeometry> edges;
    std::vector<ClusterGeometry> clusters;
    friend bool operator==(const Geometry &, const Geometry &) = default;
};

// ---- Graphviz's terms: points, y up, origin wherever the bounding box says.

struct GvBox
{
    double llx = 0, lly = 0, urx = 0, ury = 0; // lower left, upper right
};

struct GvBezier
{
    std::vector<Point> points;
    std::optional<Point> startArrow; // Graphviz's sflag/sp
    std::optional<Point> endArrow;   // eflag/ep
};

struct GvNode
{
    std::string id;
    Point pos;          // centre
    double widthIn = 0; // inches
    double heightIn = 0;
};

struct GvEdge
{
    std::string id, from, to;
    std::vector<GvBezier> beziers;
};

struct GvCluster
{
    std::string id;
    GvBox bb;
};

struct GvLayout
{
    GvBox bb;
    std::vector<GvNode> nodes;
    std::vector<GvEdge> edges;
    std::vector<GvCluster> clusters;
};

// y flipped about the bounding box's top (bb.ury - y), x shifted by bb.llx, inches × 72; every bezier kept.
Geometry toGeometry(const GvLayout &layout);

// ---- Graphviz's attribute strings (what `dot -Tdot` writes), for tests and for layouts read back from text.

struct NodeAttributes
{
    std::string id;
    std::string pos;    // "x,y" (a trailing "!" is allowed)
    std::string width;  // inches
    std::string height; // inches
};

struct EdgeAttributes
{
    std::string id, from, to;
    std::string pos; // "[s,x,y ][e,x,y ]x,y x,y x,y x,y[;...]"; empty when the edge has no spline
};

struct ClusterAttributes
{
    std::string id;
    std::string bb; // "llx,lly,urx,ury"
};

struct LayoutAttributes
{
    std::string bb;
    std::vector<NodeAttributes> nodes;
    std::vector<EdgeAttributes> edges;
    std::vector<ClusterAttributes> clusters;
};

// Malformed strings give an Error naming the object and the text, never a crash.
Result<Geometry> geometryFromAttributes(const LayoutAttributes &attributes);

// The parsers geometryFromAttributes is built from. Numbers are read without the locale.
std::optional<Point> parsePoint(std::string_view text);
std::optional<GvBox> parseBox(std::string_view text);
Result<std::vector<GvBezier>> parseSplines(std::string_view text);

} // namespace wslatlas::layout
