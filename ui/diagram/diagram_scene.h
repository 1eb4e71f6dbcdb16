#pragma once
// Draws any wslatlas::Diagram: measures its texts with the scene's font, lays it out with
// layout::layoutGraph (geometry in points, used 1:1 as scene units) and builds one item per node, edge and
// cluster, plus one for the notes. Items are found by the diagram's ids, never by Graphviz's.
//
// Selection: one node at most. A mouse press on a node (left or right button) selects it and emits
// nodeClicked(id), also when it was already selected. A click on empty space clears the selection (Qt's own
// handling: in a view with ScrollHandDrag only a click, not a pan) and then emits nodeClicked(QString())
// once. setSelectedNode() never emits. Use setSelectedNode() rather than QGraphicsScene::clearSelection():
// the latter counts as the user's click.
#include "diagram.h"

#include <QColor>
#include <QFont>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QHash>
#include <QPen>
#include <QPolygonF>
#include <QStringList>

#include <array>
#include <vector>

namespace wslatlas {

namespace layout {
struct Geometry;
}

class DiagramScene;

// A tone's or a badge's colours (core's "#rrggbb") as QColors.
struct DiagramColors
{
    QColor fill;
    QColor stroke;
    QColor text;
};
DiagramColors diagramToneColors(DiagramTone tone, bool dark);
DiagramColors diagramBadgeColors(Severity severity, bool dark);

// The fonts a diagram is measured and drawn with, all derived from the scene's font.
struct DiagramFonts
{
    explicit DiagramFonts(const QFont &base = QFont());
    QFont title; // bold
    QFont text;
    QFont small; // 90 %: badges, notes, edge labels (cluster titles use title)
};

// Colours of one mode, resolved once per setDark / palette change and handed to every item.
struct DiagramStyle
{
    bool dark = false;
    QColor background;
    QColor accent; // the palette's Highlight: selection and highlighted path
    QColor edge;
    QColor edgeLabel;
    QColor text; // free text (the error message)
};

// Measured content of a node, laid out from the box's top-left corner; depends on fonts only (no colour).
struct DiagramNodeContent
{
    struct Badge
    {
        Severity severity = Severity::Info;
        QString text;
        QRectF rect;     // the pill
        QRectF textRect; // wrapped text inside it
        QPointF dot;     // centre of the severity dot
        bool wrapped = false;
    };
    QString title;
    QRectF titleRect;
    QStringList lines;
    std::vector<QRectF> lineRects;
    std::vector<Badge> badges;
    QSizeF size; // the whole box
};

class DiagramNodeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 101
    };

    DiagramNodeItem(const DiagramNode &node, DiagramNodeContent content, const QSizeF &boxSize,
                    const DiagramFonts &fonts);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &id() const { return m_id; }
    QRectF boxRect() const { return m_box; } // item coordinates, centred on the origin
    // What paint() uses now: for tests and for anything that wants to match the look.
    QColor fillColor() const { return m_fill; }
    QPen outlinePen() const;
    bool isHighlighted() const { return m_highlighted; }

    void applyStyle(const DiagramStyle &style);
    void setHighlighted(bool highlighted);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    DiagramScene *diagramScene() const;

    QString m_id;
    DiagramTone m_tone;
    bool m_emphasised;
    DiagramNodeContent m_content;
    QRectF m_box;
    DiagramFonts m_fonts;
    bool m_highlighted = false;
    QColor m_fill, m_stroke, m_text, m_accent;
    std::array<DiagramColors, 3> m_badgeColors;
};

class DiagramEdgeItem : public QGraphicsPathItem
{
public:
    enum
    {
        Type = UserType + 102
    };

    // arrows: filled triangles, three points each; labelAt: the label's centre.
    DiagramEdgeItem(const DiagramEdge &edge, const QPainterPath &path, QPolygonF arrows,
                    const QPointF &labelAt, const QFont &labelFont);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &id() const { return m_id; }
    const QString &from() const { return m_from; }
    const QString &to() const { return m_to; }
    const QString &label() const { return m_label; }
    bool isHighlighted() const { return m_highlighted; }

    void applyStyle(const DiagramStyle &style);
    void setHighlighted(bool highlighted);

private:
    void updatePen();

    QString m_id, m_from, m_to, m_label;
    bool m_dashed;
    QPolygonF m_arrows; // triangles, three points each
    QRectF m_labelRect; // item coordinates; empty without a label
    QFont m_labelFont;
    bool m_highlighted = false;
    QColor m_colour, m_accent, m_labelColour, m_labelBackground;
    QRectF m_bounds;
};

class DiagramClusterItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 103
    };

    DiagramClusterItem(const DiagramCluster &cluster, const QRectF &rect, qreal labelHeight,
                       const QFont &font);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &id() const { return m_id; }
    QRectF rect() const { return m_rect; }
    void applyStyle(const DiagramStyle &style);

private:
    QString m_id;
    QString m_title;
    DiagramTone m_tone;
    QRectF m_rect;
    qreal m_labelHeight;
    QFont m_font;
    QColor m_fill, m_stroke, m_text;
};

// The diagram's notes as a block of rows below the graph.
class DiagramLegendItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 104
    };

    DiagramLegendItem(const std::vector<DiagramBadge> &notes, qreal width, const QFont &font);
    int rowCount() const { return static_cast<int>(m_rows.size()); }

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void applyStyle(const DiagramStyle &style);

private:
    struct Row
    {
        Severity severity;
        QString text;
        QRectF rect, textRect;
        QPointF dot;
        bool wrapped;
    };
    std::vector<Row> m_rows;
    QRectF m_bounds;
    QFont m_font;
    std::array<DiagramColors, 3> m_colors;
};

class DiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit DiagramScene(QObject *parent = nullptr);
    ~DiagramScene() override;

    // Replaces everything (measured with the scene's font as it is now). The selection stays when its node
    // is still there, the highlighted path too (for the ids still there). False when the layout fails:
    // errorString() says why and the scene shows that message instead of the graph.
    bool setDiagram(Diagram diagram);
    const Diagram &diagram() const { return m_diagram; }
    QString errorString() const { return m_error; }

    // Recolours the items (tone colours, the background); no new layout.
    void setDark(bool dark);
    bool isDark() const { return m_style.dark; }
    const DiagramStyle &style() const { return m_style; }
    // The background drawn behind the diagram (also its backgroundBrush): the palette's Base when it is as
    // dark or light as the mode, else a plain white or near-black, so that the tones stay legible.
    QColor backgroundColor() const { return m_style.background; }

    QRectF nodeRect(const QString &id) const; // scene coordinates; null when there is no such node
    QStringList nodeIds() const;              // in the diagram's order
    DiagramNodeItem *nodeItem(const QString &id) const;
    DiagramEdgeItem *edgeItem(const QString &id) const;
    DiagramClusterItem *clusterItem(const QString &id) const;
    QString nodeAt(const QPointF &scenePos) const; // empty when no node is there

    QString selectedNode() const { return m_selected; }
    void setSelectedNode(const QString &id); // "" clears; never emits nodeClicked

    // The nodes listed, and the edges with both ends among them, get a thick accent outline; everything
    // else is dimmed. An empty list (clearHighlight) draws everything normally again.
    QStringList highlightedPath() const { return m_highlight; }
    void setHighlightedPath(const QStringList &ids);
    void clearHighlight();

signals:
    void nodeClicked(const QString &id); // the user selected a node, or cleared the selection ("")
    void nodeDoubleClicked(const QString &id);
    void nodeHovered(const QString &id); // entering a node; "" when leaving it
    // Slots may call setDiagram(): the old items are then deleted once the mouse event has been handled.

protected:
    bool event(QEvent *event) override;

private:
    friend class DiagramNodeItem;
    void nodePressed(DiagramNodeItem *item);
    void nodeDoubleClickedByUser(DiagramNodeItem *item);
    void nodeHoverChanged(DiagramNodeItem *item, bool entered);
    void onSelectionChanged();

    void clearItems();
    void deleteRetiredItems();

    // Counts the signals emitted from inside a node's event handler (see clearItems).
    struct EventScope
    {
        explicit EventScope(int &depth) : m_depth(depth) { ++m_depth; }
        ~EventScope() { --m_depth; }
        EventScope(const EventScope &) = delete;
        EventScope &operator=(const EventScope &) = delete;
        int &m_depth;
    };
    // setDiagram's steps once the layout is done: one item per cluster, node and edge, then the notes.
    void addClusters(const layout::Geometry &geometry, qreal labelHeight);
    void addNodes(const layout::Geometry &geometry, std::vector<DiagramNodeContent> contents);
    void addEdges(const layout::Geometry &geometry);
    QRectF addLegend(const layout::Geometry &geometry); // returns the scene's content bounds
    void showError(const QString &message);
    void updateStyle();
    void applyHighlight();

    Diagram m_diagram;
    QString m_error;
    DiagramStyle m_style;
    DiagramFonts m_fonts; // as measured by the last setDiagram
    QHash<QString, DiagramNodeItem *> m_nodes;
    QHash<QString, DiagramEdgeItem *> m_edges;
    QHash<QString, DiagramClusterItem *> m_clusters;
    QStringList m_nodeOrder;
    DiagramLegendItem *m_legend = nullptr;
    QGraphicsTextItem *m_errorItem = nullptr;
    QString m_selected;
    QString m_hovered;
    QStringList m_highlight;
    bool m_changingSelection = false;
    int m_deliveringEvent = 0;
    std::vector<QGraphicsItem *> m_retired; // out of the scene, deleted once event delivery has returned
};

} // namespace wslatlas
