#include "diagram_scene.h"

#include "layout/graph_layout.h"
#include "model_support.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QSet>
#include <QTextOption>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace wslatlas {

namespace {

// Sizes in points (= scene units), chosen so that a node reads like a card: room around the text, a
// small gap between the title and the lines, badges set off below.
constexpr qreal kPadX = 10;
constexpr qreal kPadY = 7;
constexpr qreal kTitleGap = 3;
constexpr qreal kBadgeGap = 4;
constexpr qreal kBadgePadX = 6;
constexpr qreal kBadgePadY = 2;
constexpr qreal kDotDiameter = 6;
constexpr qreal kDotGap = 5;
constexpr qreal kMinContentWidth = 48;
constexpr qreal kMaxTextWidth = 420;  // longer titles and lines are elided: the tooltip has them whole
constexpr qreal kMinBadgeWidth = 240; // badges wrap at the node's width, but not narrower than this
constexpr qreal kMaxLabelWidth = 180; // edge labels
constexpr qreal kCornerRadius = 6;
constexpr qreal kSelectionGap = 4;     // the selection ring sits this far outside the box
constexpr qreal kOutlineRoom = 6;      // what boundingRect adds for outlines and the ring
constexpr qreal kMargin = 16;          // around the whole picture
constexpr qreal kLegendGap = 20;       // between the graph and the notes
constexpr qreal kDimmedOpacity = 0.45; // what is not on a highlighted path

QColor toQColor(std::string_view hex)
{
    return QColor(QLatin1String(hex.data(), static_cast<qsizetype>(hex.size())));
}

DiagramColors toDiagramColors(const ToneColors &colors)
{
    return {toQColor(colors.fill), toQColor(colors.stroke), toQColor(colors.text)};
}

std::array<DiagramColors, 3> allBadgeColors(bool dark)
{
    return {diagramBadgeColors(Severity::Info, dark), diagramBadgeColors(Severity::Warning, dark),
            diagramBadgeColors(Severity::Error, dark)};
}

const DiagramColors &badgeOf(const std::array<DiagramColors, 3> &colors, Severity severity)
{
    return colors[static_cast<std::size_t>(severity)];
}

// Badges and notes wrap at word boundaries, and inside a word only when it is longer than a line (a path,
// a GUID): the text keeps the width it is given.
QTextOption wrapOption()
{
    QTextOption option(Qt::AlignLeft | Qt::AlignTop);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

// Only a painter measures with a QTextOption; it paints on an image at the default resolution, the one
// QFontMetricsF measures at.
qreal wrappedHeight(const QFont &font, const QString &text, qreal width)
{
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.setFont(font);
    return std::ceil(painter.boundingRect(QRectF(0, 0, width, 1e6), text, wrapOption()).height());
}

// A pill's text beside its dot, wrapped when longer than maxWidth; rect and textRect start at (0, 0).
struct Pill
{
    QRectF rect, textRect;
    QPointF dot;
    bool wrapped = false;
};

Pill measurePill(const QFont &font, const QString &text, qreal maxWidth)
{
    const QFontMetricsF metrics(font);
    const qreal chrome = 2 * kBadgePadX + kDotDiameter + kDotGap;
    QSizeF textSize(std::ceil(metrics.horizontalAdvance(text)) + 1, metrics.height());
    if (textSize.width() + chrome > maxWidth) {
        // Drawn later in a rectangle of exactly this width, so that it wraps the same way.
        textSize.setWidth(maxWidth - chrome);
        textSize.setHeight(wrappedHeight(font, text, textSize.width()));
    }
    Pill pill;
    pill.wrapped = textSize.height() > metrics.height();
    pill.rect = QRectF(0, 0, textSize.width() + chrome, textSize.height() + 2 * kBadgePadY);
    pill.textRect = QRectF(QPointF(kBadgePadX + kDotDiameter + kDotGap, kBadgePadY), textSize);
    // The dot sits on the first line's middle, also when the text wraps.
    pill.dot = QPointF(kBadgePadX + kDotDiameter / 2, kBadgePadY + metrics.height() / 2);
    return pill;
}

DiagramNodeContent measureNode(const DiagramNode &node, const DiagramFonts &fonts)
{
    const QFontMetricsF titleMetrics(fonts.title);
    const QFontMetricsF textMetrics(fonts.text);
    DiagramNodeContent content;
    content.title = titleMetrics.elidedText(toQString(node.title), Qt::ElideRight, kMaxTextWidth);
    qreal width = std::max(kMinContentWidth, std::ceil(titleMetrics.horizontalAdvance(content.title)) + 1);
    for (const std::string &line : node.lines) {
        content.lines.push_back(textMetrics.elidedText(toQString(line), Qt::ElideRight, kMaxTextWidth));
        width = std::max(width, std::ceil(textMetrics.horizontalAdvance(content.lines.back())) + 1);
    }

    std::vector<Pill> pills;
    const qreal badgeMax = std::max(width, kMinBadgeWidth);
    for (const DiagramBadge &badge : node.badges) {
        pills.push_back(measurePill(fonts.small, toQString(badge.text), badgeMax));
        width = std::max(width, pills.back().rect.width());
    }

    qreal y = kPadY;
    content.titleRect = QRectF(kPadX, y, width, titleMetrics.height());
    y += titleMetrics.height();
    if (!content.lines.isEmpty())
        y += kTitleGap;
    for (qsizetype i = 0; i < content.lines.size(); ++i) {
        content.lineRects.emplace_back(kPadX, y, width, textMetrics.height());
        y += textMetrics.height();
    }
    for (std::size_t i = 0; i < pills.size(); ++i) {
        y += kBadgeGap;
        Pill &pill = pills[i];
        pill.rect.setWidth(width); // all badges as wide as the node; the text keeps its wrapping
        const QPointF at(kPadX, y);
        content.badges.push_back({node.badges[i].severity, toQString(node.badges[i].text),
                                  pill.rect.translated(at), pill.textRect.translated(at), pill.dot + at,
                                  pill.wrapped});
        y += pill.rect.height();
    }
    content.size = QSizeF(width + 2 * kPadX, y + kPadY);
    return content;
}

void paintPill(QPainter *painter, const DiagramColors &colors, const QRectF &rect, const QRectF &textRect,
               const QPointF &dot, const QString &text, bool wrapped)
{
    const qreal radius = std::min<qreal>(rect.height() / 2, 8);
    painter->setPen(QPen(colors.stroke, 0.8));
    painter->setBrush(colors.fill);
    painter->drawRoundedRect(rect, radius, radius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.stroke);
    painter->drawEllipse(dot, kDotDiameter / 2, kDotDiameter / 2);
    painter->setPen(colors.text);
    if (wrapped)
        painter->drawText(textRect, text, wrapOption());
    else // never wrapped by a rounding difference between measuring and painting
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine | Qt::TextDontClip,
                          text);
}

QPointF toQPointF(const layout::Point &point)
{
    return {point.x, point.y};
}

// A filled triangle from the spline's end (its base's centre) to the arrowhead's tip.
void addArrow(QPolygonF &arrows, const QPointF &base, const QPointF &tip)
{
    const QPointF along = tip - base;
    const qreal length = std::hypot(along.x(), along.y());
    if (length < 1e-6)
        return;
    const QPointF across = QPointF(-along.y(), along.x()) * (0.38);
    arrows << base + across << tip << base - across;
}

qreal clusterLabelHeight(const DiagramFonts &fonts)
{
    return std::ceil(QFontMetricsF(fonts.title).height()) + 6;
}

// What the layouter needs: every node's measured size (its content measured into contents, in the diagram's
// order), the edges, the clusters with room for their titles.
layout::GraphSpec graphSpec(const Diagram &diagram, const DiagramFonts &fonts, qreal clusterLabelHeight,
                            std::vector<DiagramNodeContent> &contents)
{
    const QFontMetricsF smallMetrics(fonts.small);
    layout::GraphSpec spec;
    spec.rankdir = diagram.rankdir;
    spec.arrowheads = diagram.arrowheads;
    contents.reserve(diagram.nodes.size());
    spec.nodes.reserve(diagram.nodes.size());
    for (const DiagramNode &node : diagram.nodes) {
        contents.push_back(measureNode(node, fonts));
        spec.nodes.push_back({node.id, contents.back().size.width(), contents.back().size.height()});
    }
    // Edge labels sit halfway between ranks: keep room for them there.
    qreal labelWidth = 0;
    for (const DiagramEdge &edge : diagram.edges) {
        spec.edges.push_back({edge.id, edge.from, edge.to});
        if (!edge.label.empty())
            labelWidth =
                std::max(labelWidth,
                         std::min(kMaxLabelWidth, smallMetrics.horizontalAdvance(toQString(edge.label)) + 8));
    }
    if (labelWidth > 0) {
        const bool horizontal = spec.rankdir == "LR" || spec.rankdir == "RL";
        spec.rankSepPt = std::max(spec.rankSepPt, (horizontal ? labelWidth : smallMetrics.height() + 2) + 28);
    }
    for (const DiagramCluster &cluster : diagram.clusters)
        spec.clusters.push_back(
            {cluster.id, cluster.nodes, cluster.title.empty() ? 0.0 : clusterLabelHeight});
    return spec;
}

// Every bezier of the edge's spline, each a start point and then three points per cubic segment.
QPainterPath edgePath(const layout::EdgeGeometry &edge)
{
    QPainterPath path;
    for (const std::vector<layout::Point> &bezier : edge.beziers) {
        if (bezier.empty())
            continue;
        path.moveTo(toQPointF(bezier.front()));
        for (std::size_t k = 1; k + 2 < bezier.size(); k += 3)
            path.cubicTo(toQPointF(bezier[k]), toQPointF(bezier[k + 1]), toQPointF(bezier[k + 2]));
    }
    return path;
}

QPolygonF edgeArrows(const layout::EdgeGeometry &edge)
{
    QPolygonF arrows;
    if (edge.arrowEnd && !edge.beziers.empty() && !edge.beziers.back().empty())
        addArrow(arrows, toQPointF(edge.beziers.back().back()), toQPointF(*edge.arrowEnd));
    if (edge.arrowStart && !edge.beziers.empty() && !edge.beziers.front().empty())
        addArrow(arrows, toQPointF(edge.beziers.front().front()), toQPointF(*edge.arrowStart));
    return arrows;
}

} // namespace

DiagramColors diagramToneColors(DiagramTone tone, bool dark)
{
    return toDiagramColors(toneColors(tone, dark));
}

DiagramColors diagramBadgeColors(Severity severity, bool dark)
{
    return toDiagramColors(badgeColors(severity, dark));
}

DiagramFonts::DiagramFonts(const QFont &base) : title(base), text(base), small(base)
{
    title.setBold(true);
    if (base.pointSizeF() > 0)
        small.setPointSizeF(base.pointSizeF() * 0.9);
    else
        small.setPixelSize(std::max(1, qRound(base.pixelSize() * 0.9)));
}

// ---- DiagramNodeItem

DiagramNodeItem::DiagramNodeItem(const DiagramNode &node, DiagramNodeContent content, const QSizeF &boxSize,
                                 const DiagramFonts &fonts)
    : m_id(toQString(node.id)), m_tone(node.tone), m_emphasised(node.emphasised),
      m_content(std::move(content)),
      m_box(-boxSize.width() / 2, -boxSize.height() / 2, boxSize.width(), boxSize.height()), m_fonts(fonts)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCursor(QCursor(Qt::PointingHandCursor));
    setZValue(2);
    if (!node.toolTip.empty())
        setToolTip(toQString(node.toolTip));
}

QRectF DiagramNodeItem::boundingRect() const
{
    return m_box.adjusted(-kOutlineRoom, -kOutlineRoom, kOutlineRoom, kOutlineRoom);
}

QPainterPath DiagramNodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_box, kCornerRadius, kCornerRadius);
    return path;
}

QPen DiagramNodeItem::outlinePen() const
{
    if (m_highlighted)
        return QPen(m_accent, 3.0);
    return QPen(m_stroke, m_emphasised ? 2.4 : 1.2);
}

void DiagramNodeItem::applyStyle(const DiagramStyle &style)
{
    const DiagramColors colors = diagramToneColors(m_tone, style.dark);
    m_fill = colors.fill;
    m_stroke = colors.stroke;
    m_text = colors.text;
    m_accent = style.accent;
    m_badgeColors = allBadgeColors(style.dark);
    update();
}

void DiagramNodeItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void DiagramNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (isSelected()) {
        painter->setPen(QPen(m_accent, 2.0));
        painter->setBrush(Qt::NoBrush);
        const qreal radius = kCornerRadius + kSelectionGap;
        painter->drawRoundedRect(m_box.adjusted(-kSelectionGap, -kSelectionGap, kSelectionGap, kSelectionGap),
                                 radius, radius);
    }
    painter->setPen(outlinePen());
    painter->setBrush(m_fill);
    painter->drawRoundedRect(m_box, kCornerRadius, kCornerRadius);

    // Graphviz may have made the box a little larger than measured (whole points): centre the content.
    const QPointF origin = m_box.topLeft() + QPointF((m_box.width() - m_content.size.width()) / 2,
                                                     (m_box.height() - m_content.size.height()) / 2);
    constexpr int kLineFlags = Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextSingleLine | Qt::TextDontClip;
    painter->setPen(m_text);
    painter->setFont(m_fonts.title);
    painter->drawText(m_content.titleRect.translated(origin), kLineFlags, m_content.title);
    if (!m_content.lines.isEmpty()) {
        painter->setFont(m_fonts.text);
        for (qsizetype i = 0; i < m_content.lines.size(); ++i)
            painter->drawText(m_content.lineRects[static_cast<std::size_t>(i)].translated(origin), kLineFlags,
                              m_content.lines[i]);
    }
    if (!m_content.badges.empty()) {
        painter->setFont(m_fonts.small);
        for (const DiagramNodeContent::Badge &badge : m_content.badges)
            paintPill(painter, badgeOf(m_badgeColors, badge.severity), badge.rect.translated(origin),
                      badge.textRect.translated(origin), badge.dot + origin, badge.text, badge.wrapped);
    }
}

DiagramScene *DiagramNodeItem::diagramScene() const
{
    return static_cast<DiagramScene *>(scene());
}

void DiagramNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Not QGraphicsItem's handling: one node at most is selected, Ctrl or not.
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton) {
        event->ignore();
        return;
    }
    event->accept();
    if (DiagramScene *owner = diagramScene())
        owner->nodePressed(this);
}

void DiagramNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept();
}

void DiagramNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    event->accept();
    if (DiagramScene *owner = diagramScene())
        owner->nodeDoubleClickedByUser(this);
}

void DiagramNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    if (DiagramScene *owner = diagramScene())
        owner->nodeHoverChanged(this, true);
}

void DiagramNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    if (DiagramScene *owner = diagramScene())
        owner->nodeHoverChanged(this, false);
}

// ---- DiagramEdgeItem

DiagramEdgeItem::DiagramEdgeItem(const DiagramEdge &edge, const QPainterPath &path, QPolygonF arrows,
                                 const QPointF &labelAt, const QFont &labelFont)
    : QGraphicsPathItem(path), m_id(toQString(edge.id)), m_from(toQString(edge.from)),
      m_to(toQString(edge.to)), m_dashed(edge.dashed), m_arrows(std::move(arrows)), m_labelFont(labelFont)
{
    setZValue(1);
    if (!edge.label.empty()) {
        const QFontMetricsF metrics(m_labelFont);
        m_label = metrics.elidedText(toQString(edge.label), Qt::ElideRight, kMaxLabelWidth);
        const QSizeF size(std::ceil(metrics.horizontalAdvance(m_label)) + 8, std::ceil(metrics.height()) + 2);
        m_labelRect = QRectF(labelAt - QPointF(size.width() / 2, size.height() / 2), size);
        setToolTip(toQString(edge.label));
    }
    // The pen is at most 2.4 wide (highlighted): room for that around the path, the arrows and the label.
    m_bounds = path.controlPointRect().united(m_arrows.boundingRect()).adjusted(-2, -2, 2, 2);
    if (!m_labelRect.isNull())
        m_bounds = m_bounds.united(m_labelRect);
    updatePen();
}

QRectF DiagramEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath DiagramEdgeItem::shape() const
{
    // Only for hit tests (tooltips of labelled edges); nodes are what people click.
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    QPainterPath shape = stroker.createStroke(path());
    if (!m_labelRect.isNull())
        shape.addRect(m_labelRect);
    return shape;
}

void DiagramEdgeItem::applyStyle(const DiagramStyle &style)
{
    m_colour = style.edge;
    m_accent = style.accent;
    m_labelColour = style.edgeLabel;
    m_labelBackground = style.background;
    m_labelBackground.setAlpha(225);
    updatePen();
}

void DiagramEdgeItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    updatePen();
}

void DiagramEdgeItem::updatePen()
{
    QPen pen(m_highlighted ? m_accent : m_colour, m_highlighted ? 2.4 : 1.2);
    pen.setCapStyle(Qt::FlatCap);
    if (m_dashed)
        pen.setDashPattern({5, 3});
    setPen(pen);
}

void DiagramEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    if (!m_arrows.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen().color());
        for (qsizetype i = 0; i + 2 < m_arrows.size(); i += 3)
            painter->drawPolygon(m_arrows.constData() + i, 3);
    }
    if (!m_label.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_labelBackground);
        painter->drawRoundedRect(m_labelRect, 3, 3);
        painter->setPen(m_highlighted ? m_accent : m_labelColour);
        painter->setFont(m_labelFont);
        painter->drawText(m_labelRect, Qt::AlignCenter | Qt::TextSingleLine | Qt::TextDontClip, m_label);
    }
}

// ---- DiagramClusterItem

DiagramClusterItem::DiagramClusterItem(const DiagramCluster &cluster, const QRectF &rect, qreal labelHeight,
                                       const QFont &font)
    : m_id(toQString(cluster.id)), m_tone(cluster.tone), m_rect(rect), m_labelHeight(labelHeight),
      m_font(font)
{
    setZValue(0);
    const QFontMetricsF metrics(m_font);
    m_title =
        metrics.elidedText(toQString(cluster.title), Qt::ElideRight, std::max<qreal>(0, rect.width() - 16));
}

QRectF DiagramClusterItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

void DiagramClusterItem::applyStyle(const DiagramStyle &style)
{
    const DiagramColors colors = diagramToneColors(m_tone, style.dark);
    // Lighter than a node of the same tone, so that the nodes stand out inside it.
    m_fill = colors.fill;
    m_fill.setAlphaF(style.dark ? 0.55 : 0.6);
    m_stroke = colors.stroke;
    m_text = style.dark ? colors.text : colors.stroke.darker(130);
    update();
}

void DiagramClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_stroke, 1.0);
    pen.setDashPattern({4, 3});
    painter->setPen(pen);
    painter->setBrush(m_fill);
    painter->drawRoundedRect(m_rect, kCornerRadius + 2, kCornerRadius + 2);
    painter->setPen(m_text);
    painter->setFont(m_font);
    const QRectF band(m_rect.left() + 8, m_rect.top() + 2, m_rect.width() - 16, m_labelHeight);
    painter->drawText(band, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine | Qt::TextDontClip,
                      m_title);
}

// ---- DiagramLegendItem

DiagramLegendItem::DiagramLegendItem(const std::vector<DiagramBadge> &notes, qreal width, const QFont &font)
    : m_font(font)
{
    setZValue(2);
    qreal y = 0;
    QRectF bounds;
    for (const DiagramBadge &note : notes) {
        const QString text = toQString(note.text);
        Pill pill = measurePill(m_font, text, width);
        pill.rect.setWidth(width);
        const QPointF at(0, y);
        m_rows.push_back({note.severity, text, pill.rect.translated(at), pill.textRect.translated(at),
                          pill.dot + at, pill.wrapped});
        bounds = bounds.united(m_rows.back().rect);
        y += pill.rect.height() + kBadgeGap;
    }
    m_bounds = bounds.adjusted(-1, -1, 1, 1); // room for the outline
}

void DiagramLegendItem::applyStyle(const DiagramStyle &style)
{
    m_colors = allBadgeColors(style.dark);
    update();
}

void DiagramLegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(m_font);
    for (const Row &row : m_rows)
        paintPill(painter, badgeOf(m_colors, row.severity), row.rect, row.textRect, row.dot, row.text,
                  row.wrapped);
}

// ---- DiagramScene

DiagramScene::DiagramScene(QObject *parent) : QGraphicsScene(parent), m_fonts(font())
{
    // Items move only when a new diagram comes: no index to keep up to date, and hit tests are cheap enough
    // for a few hundred items.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::onSelectionChanged);
    updateStyle();
    setSceneRect(QRectF(-kMargin, -kMargin, 2 * kMargin, 2 * kMargin));
}

DiagramScene::~DiagramScene()
{
    // Items die with the scene; no signal may reach a half-destroyed DiagramScene.
    disconnect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::onSelectionChanged);
    m_changingSelection = true;
    clearItems();
    deleteRetiredItems();
}

bool DiagramScene::setDiagram(Diagram diagram)
{
    m_diagram = std::move(diagram);
    m_error.clear();
    m_fonts = DiagramFonts(font());
    const QString selected = m_selected;
    clearItems();

    std::vector<DiagramNodeContent> contents;
    const qreal labelHeight = clusterLabelHeight(m_fonts);
    Result<layout::Geometry> result =
        layout::layoutGraph(graphSpec(m_diagram, m_fonts, labelHeight, contents));
    if (const auto *error = std::get_if<Error>(&result)) {
        m_error = toQString(error->message);
        showError(m_error);
        return false;
    }
    const layout::Geometry &geometry = std::get<layout::Geometry>(result);
    addClusters(geometry, labelHeight);
    addNodes(geometry, std::move(contents));
    addEdges(geometry);
    setSceneRect(addLegend(geometry).adjusted(-kMargin, -kMargin, kMargin, kMargin));

    updateStyle();
    applyHighlight();
    setSelectedNode(m_nodes.contains(selected) ? selected : QString());
    return true;
}

void DiagramScene::addClusters(const layout::Geometry &geometry, qreal labelHeight)
{
    for (std::size_t i = 0; i < geometry.clusters.size(); ++i) {
        const layout::ClusterGeometry &g = geometry.clusters[i];
        const DiagramCluster &cluster = m_diagram.clusters[i];
        auto *item = new DiagramClusterItem(cluster, QRectF(toQPointF(g.topLeft), QSizeF(g.width, g.height)),
                                            cluster.title.empty() ? 0.0 : labelHeight, m_fonts.title);
        addItem(item);
        m_clusters.insert(item->id(), item);
    }
}

void DiagramScene::addNodes(const layout::Geometry &geometry, std::vector<DiagramNodeContent> contents)
{
    for (std::size_t i = 0; i < geometry.nodes.size(); ++i) {
        const layout::NodeGeometry &g = geometry.nodes[i];
        auto *item = new DiagramNodeItem(m_diagram.nodes[i], std::move(contents[i]),
                                         QSizeF(g.width, g.height), m_fonts);
        item->setPos(toQPointF(g.center));
        addItem(item);
        m_nodes.insert(item->id(), item);
        m_nodeOrder.push_back(item->id());
    }
}

void DiagramScene::addEdges(const layout::Geometry &geometry)
{
    for (std::size_t i = 0; i < geometry.edges.size(); ++i) {
        const layout::EdgeGeometry &g = geometry.edges[i];
        const QPainterPath path = edgePath(g);
        const QPointF labelAt =
            path.isEmpty() || m_diagram.edges[i].label.empty() ? QPointF() : path.pointAtPercent(0.5);
        auto *item = new DiagramEdgeItem(m_diagram.edges[i], path, edgeArrows(g), labelAt, m_fonts.small);
        addItem(item);
        m_edges.insert(item->id(), item);
    }
}

QRectF DiagramScene::addLegend(const layout::Geometry &geometry)
{
    const QRectF bounds(0, 0, geometry.width, geometry.height);
    if (m_diagram.notes.empty())
        return bounds;
    const qreal width = std::clamp<qreal>(geometry.width, 320, 640);
    m_legend = new DiagramLegendItem(m_diagram.notes, width, m_fonts.small);
    m_legend->setPos(0, geometry.nodes.empty() ? 0 : geometry.height + kLegendGap);
    addItem(m_legend);
    return geometry.nodes.empty() ? m_legend->sceneBoundingRect()
                                  : bounds.united(m_legend->sceneBoundingRect());
}

void DiagramScene::clearItems()
{
    const bool wasChanging = m_changingSelection;
    m_changingSelection = true;
    if (m_deliveringEvent > 0) {
        // Called from a slot of one of our signals while a node is handling a mouse or hover event (a click
        // that rebuilds the diagram): the items leave the scene now, but are deleted only once Qt's event
        // delivery, which still holds the node, has returned.
        const QList<QGraphicsItem *> old = items();
        for (QGraphicsItem *item : old) {
            if (!item->parentItem()) {
                removeItem(item);
                m_retired.push_back(item);
            }
        }
        QTimer::singleShot(0, this, &DiagramScene::deleteRetiredItems);
    } else {
        clear();
    }
    m_changingSelection = wasChanging;
    m_nodes.clear();
    m_edges.clear();
    m_clusters.clear();
    m_nodeOrder.clear();
    m_legend = nullptr;
    m_errorItem = nullptr;
    m_selected.clear();
    // The node under the mouse is gone without a hover-leave.
    if (!m_hovered.isEmpty()) {
        m_hovered.clear();
        if (!wasChanging)
            emit nodeHovered(QString());
    }
}

void DiagramScene::deleteRetiredItems()
{
    qDeleteAll(m_retired);
    m_retired.clear();
}

void DiagramScene::showError(const QString &message)
{
    m_errorItem = new QGraphicsTextItem;
    m_errorItem->setFont(font());
    m_errorItem->setTextWidth(480);
    m_errorItem->setPlainText(tr("This diagram cannot be drawn: %1").arg(message));
    addItem(m_errorItem);
    setSceneRect(m_errorItem->sceneBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin));
    updateStyle();
}

void DiagramScene::setDark(bool dark)
{
    if (m_style.dark == dark)
        return;
    m_style.dark = dark;
    updateStyle();
}

bool DiagramScene::event(QEvent *event)
{
    const bool handled = QGraphicsScene::event(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateStyle();
    return handled;
}

void DiagramScene::updateStyle()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const bool baseIsDark = base.lightnessF() < 0.5;
    m_style.background =
        baseIsDark == m_style.dark ? base : (m_style.dark ? QColor(0x1e, 0x20, 0x24) : Qt::white);
    m_style.accent = pal.color(QPalette::Highlight);
    m_style.edge = m_style.dark ? QColor(0x93, 0x9d, 0xa8) : QColor(0x5f, 0x69, 0x74);
    m_style.edgeLabel = m_style.dark ? QColor(0xd6, 0xdb, 0xe0) : QColor(0x33, 0x3a, 0x42);
    m_style.text = m_style.dark ? QColor(0xe6, 0xe9, 0xec) : QColor(0x1b, 0x1f, 0x24);
    setBackgroundBrush(m_style.background);

    for (DiagramClusterItem *item : std::as_const(m_clusters))
        item->applyStyle(m_style);
    for (DiagramNodeItem *item : std::as_const(m_nodes))
        item->applyStyle(m_style);
    for (DiagramEdgeItem *item : std::as_const(m_edges))
        item->applyStyle(m_style);
    if (m_legend)
        m_legend->applyStyle(m_style);
    if (m_errorItem)
        m_errorItem->setDefaultTextColor(m_style.text);
}

QRectF DiagramScene::nodeRect(const QString &id) const
{
    const DiagramNodeItem *item = m_nodes.value(id);
    return item ? item->mapRectToScene(item->boxRect()) : QRectF();
}

QStringList DiagramScene::nodeIds() const
{
    return m_nodeOrder;
}

DiagramNodeItem *DiagramScene::nodeItem(const QString &id) const
{
    return m_nodes.value(id);
}

DiagramEdgeItem *DiagramScene::edgeItem(const QString &id) const
{
    return m_edges.value(id);
}

DiagramClusterItem *DiagramScene::clusterItem(const QString &id) const
{
    return m_clusters.value(id);
}

QString DiagramScene::nodeAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> under = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : under) {
        if (item->type() == DiagramNodeItem::Type)
            return static_cast<DiagramNodeItem *>(item)->id();
    }
    return {};
}

void DiagramScene::setSelectedNode(const QString &id)
{
    DiagramNodeItem *item = m_nodes.value(id);
    const bool wasChanging = m_changingSelection;
    m_changingSelection = true;
    clearSelection();
    if (item)
        item->setSelected(true);
    m_changingSelection = wasChanging;
    m_selected = item ? id : QString();
}

// The ids are copied: a slot may replace the diagram, and with it the item.
void DiagramScene::nodePressed(DiagramNodeItem *item)
{
    const QString id = item->id(); // NOLINT(performance-unnecessary-copy-initialization): see above
    setSelectedNode(id);
    const EventScope scope(m_deliveringEvent);
    emit nodeClicked(id);
}

void DiagramScene::nodeDoubleClickedByUser(DiagramNodeItem *item)
{
    const QString id = item->id();
    // The double click's first press has selected the node already; a double click alone selects it too.
    if (m_selected != id)
        nodePressed(item);
    const EventScope scope(m_deliveringEvent);
    emit nodeDoubleClicked(id);
}

void DiagramScene::nodeHoverChanged(DiagramNodeItem *item, bool entered)
{
    const EventScope scope(m_deliveringEvent);
    if (entered) {
        m_hovered = item->id();
        emit nodeHovered(QString(m_hovered));
    } else if (m_hovered == item->id()) {
        m_hovered.clear();
        emit nodeHovered(QString());
    }
}

void DiagramScene::onSelectionChanged()
{
    if (m_changingSelection)
        return;
    // Not ours, so Qt's: a click on empty space clearing the selection (or a caller's clearSelection()).
    const QList<QGraphicsItem *> selected = selectedItems();
    QString id;
    for (QGraphicsItem *item : selected) {
        if (item->type() == DiagramNodeItem::Type) {
            id = static_cast<DiagramNodeItem *>(item)->id();
            break;
        }
    }
    if (id == m_selected)
        return;
    m_selected = id;
    emit nodeClicked(id);
}

void DiagramScene::setHighlightedPath(const QStringList &ids)
{
    m_highlight = ids;
    applyHighlight();
}

void DiagramScene::clearHighlight()
{
    setHighlightedPath({});
}

void DiagramScene::applyHighlight()
{
    const QSet<QString> on(m_highlight.cbegin(), m_highlight.cend());
    const bool active = !on.isEmpty();
    for (DiagramNodeItem *item : std::as_const(m_nodes)) {
        const bool lit = on.contains(item->id());
        item->setHighlighted(lit);
        item->setOpacity(active && !lit ? kDimmedOpacity : 1.0);
    }
    for (DiagramEdgeItem *item : std::as_const(m_edges)) {
        const bool lit = on.contains(item->from()) && on.contains(item->to());
        item->setHighlighted(lit);
        item->setOpacity(active && !lit ? kDimmedOpacity : 1.0);
    }
}

} // namespace wslatlas
