#include "geometry.h"

#include <charconv>
#include <cmath>

namespace wslatlas::layout {

namespace {

constexpr double kPointsPerInch = 72.0;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// A whole, finite number in C syntax (what Graphviz's "%.5g" writes), whatever the locale.
std::optional<double> parseNumber(std::string_view text)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Splits at every separator; "a,,b" gives an empty middle part.
std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i > start)
            out.push_back(text.substr(start, i - start));
    }
    return out;
}

// DOT files may wrap long strings with a backslash before the line break; the value has none of it.
std::string withoutLineContinuations(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
            ++i;
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string quote(std::string_view text)
{
    constexpr std::size_t kMax = 80;
    std::string out = "\"";
    out += text.size() > kMax ? std::string(text.substr(0, kMax)) + "..." : std::string(text);
    return out + "\"";
}

} // namespace

std::optional<Point> parsePoint(std::string_view text)
{
    text = trimmed(text);
    if (!text.empty() && text.back() == '!') // a pinned node's position
        text.remove_suffix(1);
    const std::vector<std::string_view> parts = split(text, ',');
    if (parts.size() != 2)
        return std::nullopt;
    const std::optional<double> x = parseNumber(parts[0]);
    const std::optional<double> y = parseNumber(parts[1]);
    if (!x || !y)
        return std::nullopt;
    return Point{*x, *y};
}

std::optional<GvBox> parseBox(std::string_view text)
{
    const std::vector<std::string_view> parts = split(trimmed(text), ',');
    if (parts.size() != 4)
        return std::nullopt;
    double values[4];
    for (std::size_t i = 0; i < 4; ++i) {
        const std::optional<double> value = parseNumber(parts[i]);
        if (!value)
            return std::nullopt;
        values[i] = *value;
    }
    const GvBox box{values[0], values[1], values[2], values[3]};
    if (box.urx < box.llx || box.ury < box.lly)
        return std::nullopt;
    return box;
}

Result<std::vector<GvBezier>> parseSplines(std::string_view text)
{
    const std::string flat = withoutLineContinuations(text);
    std::vector<GvBezier> beziers;
    if (trimmed(flat).empty())
        return beziers;
    for (std::string_view piece : split(flat, ';')) {
        GvBezier bezier;
        for (std::string_view word : words(piece)) {
            const bool startArrow = word.starts_with("s,");
            const bool endArrow = word.starts_with("e,");
            if (startArrow || endArrow) {
                // Arrow tips come before the control points ("s,x,y e,x,y x,y ..."; the documentation lists e
                // first, Graphviz writes s first): accept either order, each at most once.
                std::optional<Point> &slot = startArrow ? bezier.startArrow : bezier.endArrow;
                if (!bezier.points.empty() || slot)
                    return Error{"misplaced arrow point " + quote(word) + " in spline " + quote(piece)};
                slot = parsePoint(word.substr(2));
                if (!slot)
                    return Error{"malformed arrow point " + quote(word) + " in spline " + quote(piece)};
                continue;
            }
            const std::optional<Point> point = parsePoint(word);
            if (!point)
                return Error{"malformed point " + quote(word) + " in spline " + quote(piece)};
            bezier.points.push_back(*point);
        }
        const std::size_t n = bezier.points.size();
        if (n < 4 || (n - 1) % 3 != 0)
            return Error{"a spline needs 1 + 3n control points (n >= 1), not " + std::to_string(n) + ": " +
                         quote(piece)};
        beziers.push_back(std::move(bezier));
    }
    return beziers;
}

Geometry toGeometry(const GvLayout &layout)
{
    const GvBox &bb = layout.bb;
    const auto flip = [&bb](Point p) { return Point{p.x - bb.llx, bb.ury - p.y}; };

    Geometry out;
    out.width = bb.urx - bb.llx;
    out.height = bb.ury - bb.lly;
    out.nodes.reserve(layout.nodes.size());
    for (const GvNode &node : layout.nodes)
        out.nodes.push_back(
            {node.id, flip(node.pos), node.widthIn * kPointsPerInch, node.heightIn * kPointsPerInch});
    out.edges.reserve(layout.edges.size());
    for (const GvEdge &edge : layout.edges) {
        EdgeGeometry e{edge.id, edge.from, edge.to, {}, std::nullopt, std::nullopt};
        for (const GvBezier &bezier : edge.beziers) {
            std::vector<Point> points;
            points.reserve(bezier.points.size());
            for (Point p : bezier.points)
                points.push_back(flip(p));
            e.beziers.push_back(std::move(points));
            // The tail's arrowhead belongs to the first piece that has one, the head's to the last.
            if (bezier.startArrow && !e.arrowStart)
                e.arrowStart = flip(*bezier.startArrow);
            if (bezier.endArrow)
                e.arrowEnd = flip(*bezier.endArrow);
        }
        out.edges.push_back(std::move(e));
    }
    out.clusters.reserve(layout.clusters.size());
    for (const GvCluster &cluster : layout.clusters)
        out.clusters.push_back({cluster.id, flip({cluster.bb.llx, cluster.bb.ury}),
                                cluster.bb.urx - cluster.bb.llx, cluster.bb.ury - cluster.bb.lly});
    return out;
}

Result<Geometry> geometryFromAttributes(const LayoutAttributes &attributes)
{
    GvLayout layout;
    const std::optional<GvBox> bb = parseBox(attributes.bb);
    if (!bb)
        return Error{"malformed bounding box " + quote(attributes.bb)};
    layout.bb = *bb;

    for (const NodeAttributes &node : attributes.nodes) {
        const std::optional<Point> pos = parsePoint(node.pos);
        if (!pos)
            return Error{"node " + quote(node.id) + ": malformed pos " + quote(node.pos)};
        const std::optional<double> width = parseNumber(node.width);
        const std::optional<double> height = parseNumber(node.height);
        if (!width || !height || *width < 0 || *height < 0)
            return Error{"node " + quote(node.id) + ": malformed size " + quote(node.width) + " x " +
                         quote(node.height)};
        layout.nodes.push_back({node.id, *pos, *width, *height});
    }
    for (const EdgeAttributes &edge : attributes.edges) {
        auto beziers = parseSplines(edge.pos);
        if (auto *error = std::get_if<Error>(&beziers))
            return Error{"edge " + quote(edge.id) + ": " + error->message};
        layout.edges.push_back(
            {edge.id, edge.from, edge.to, std::move(std::get<std::vector<GvBezier>>(beziers))});
    }
    for (const ClusterAttributes &cluster : attributes.clusters) {
        const std::optional<GvBox> box = parseBox(cluster.bb);
        if (!box)
            return Error{"cluster " + quote(cluster.id) + ": malformed bounding box " + quote(cluster.bb)};
        layout.clusters.push_back({cluster.id, *box});
    }
    return toGeometry(layout);
}

} // namespace wslatlas::layout
