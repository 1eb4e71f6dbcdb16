#include "diagram_checks.h"

#include "diagram_dot.h"
#include "layout/graph_layout.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <set>
#include <string>

namespace wslatlas::test {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// Graphviz's SVG text uses XML entities (and &#45; for '-'): decode them to compare with node titles.
QString unescapeXml(QString text)
{
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const bool hex = !m.captured(1).isEmpty();
        const char32_t code = m.captured(2).toUInt(nullptr, hex ? 16 : 10);
        out += QString::fromUcs4(&code, 1);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    out.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    out.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    out.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    out.replace(QStringLiteral("&apos;"), QStringLiteral("'"));
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return out;
}

} // namespace

QString diagramProblem(const Diagram &diagram)
{
    std::set<std::string> nodes;
    for (const DiagramNode &node : diagram.nodes) {
        if (node.id.empty())
            return QStringLiteral("a node has no id");
        if (!nodes.insert(node.id).second)
            return QStringLiteral("duplicate node id ") + q(node.id);
        if (node.title.empty())
            return QStringLiteral("node ") + q(node.id) + QStringLiteral(" has no title");
    }
    std::set<std::string> edges;
    for (const DiagramEdge &edge : diagram.edges) {
        if (edge.id.empty() || !edges.insert(edge.id).second)
            return QStringLiteral("empty or duplicate edge id ") + q(edge.id);
        if (!nodes.count(edge.from))
            return QStringLiteral("edge ") + q(edge.id) + QStringLiteral(" starts at no node: ") +
                   q(edge.from);
        if (!nodes.count(edge.to))
            return QStringLiteral("edge ") + q(edge.id) + QStringLiteral(" ends at no node: ") + q(edge.to);
    }
    std::set<std::string> clusters;
    std::set<std::string> clustered;
    for (const DiagramCluster &cluster : diagram.clusters) {
        if (cluster.id.empty() || !clusters.insert(cluster.id).second)
            return QStringLiteral("empty or duplicate cluster id ") + q(cluster.id);
        if (cluster.nodes.empty())
            return QStringLiteral("cluster ") + q(cluster.id) + QStringLiteral(" is empty");
        for (const std::string &id : cluster.nodes) {
            if (!nodes.count(id))
                return QStringLiteral("cluster ") + q(cluster.id) + QStringLiteral(" names no node: ") +
                       q(id);
            if (!clustered.insert(id).second)
                return QStringLiteral("node ") + q(id) + QStringLiteral(" is in two clusters");
        }
    }
    return {};
}

QString layoutProblem(const Diagram &diagram)
{
    layout::GraphSpec spec;
    spec.rankdir = diagram.rankdir;
    spec.arrowheads = diagram.arrowheads;
    for (const DiagramNode &node : diagram.nodes)
        spec.nodes.push_back({node.id, 120, 40});
    for (const DiagramEdge &edge : diagram.edges)
        spec.edges.push_back({edge.id, edge.from, edge.to});
    for (const DiagramCluster &cluster : diagram.clusters)
        spec.clusters.push_back({cluster.id, cluster.nodes, 16});
    const auto result = layout::layoutGraph(spec);
    if (const auto *error = std::get_if<Error>(&result))
        return q(error->message);
    const layout::Geometry &geometry = std::get<layout::Geometry>(result);
    if (geometry.nodes.size() != diagram.nodes.size() || geometry.edges.size() != diagram.edges.size() ||
        geometry.clusters.size() != diagram.clusters.size())
        return QStringLiteral("the layout lost nodes, edges or clusters");
    for (const layout::NodeGeometry &node : geometry.nodes)
        if (node.center.x < 0 || node.center.y < 0 || node.center.x > geometry.width ||
            node.center.y > geometry.height)
            return QStringLiteral("node ") + q(node.id) + QStringLiteral(" lies outside the bounding box");
    return {};
}

QString dotProblem(const Diagram &diagram, bool &skipped)
{
    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
    skipped = dot.isEmpty();
    if (skipped)
        return {};
    QProcess process;
    process.start(dot, {QStringLiteral("-Tsvg")});
    if (!process.waitForStarted())
        return QStringLiteral("dot did not start");
    process.write(QByteArray::fromStdString(diagramToDot(diagram)));
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return QStringLiteral("dot did not finish");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("dot failed: ") + QString::fromUtf8(process.readAllStandardError());
    const QString svg = unescapeXml(QString::fromUtf8(process.readAllStandardOutput()));
    for (const DiagramNode &node : diagram.nodes)
        if (!svg.contains(QLatin1Char('>') + q(node.title) + QStringLiteral("</text>")))
            return QStringLiteral("the SVG lacks the title ") + q(node.title);
    return {};
}

const DiagramNode *findNode(const Diagram &diagram, std::string_view id)
{
    for (const DiagramNode &node : diagram.nodes)
        if (node.id == id)
            return &node;
    return nullptr;
}

const DiagramEdge *findEdge(const Diagram &diagram, std::string_view from, std::string_view to)
{
    for (const DiagramEdge &edge : diagram.edges)
        if (edge.from == from && edge.to == to)
            return &edge;
    return nullptr;
}

const DiagramCluster *clusterOf(const Diagram &diagram, std::string_view nodeId)
{
    for (const DiagramCluster &cluster : diagram.clusters)
        for (const std::string &id : cluster.nodes)
            if (id == nodeId)
                return &cluster;
    return nullptr;
}

bool hasLine(const DiagramNode &node, std::string_view line)
{
    for (const std::string &l : node.lines)
        if (l == line)
            return true;
    return false;
}

} // namespace wslatlas::test
