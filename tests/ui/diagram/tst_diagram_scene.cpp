#include "diagram_samples.h"
#include "diagram_scene.h"
#include "diagram_view.h"
#include "model_support.h"

#include <QGraphicsTextItem>
#include <QSignalSpy>
#include <QtTest>

using namespace wslatlas;

namespace {

const QString kVm = QStringLiteral("pid:[1]");
const QString kWslg = QStringLiteral("pid:[2]");
const QString kIsolation = QStringLiteral("pid:[3]");
const QString kUbuntu = QStringLiteral("pid:[4]");
const QString kDebian = QStringLiteral("pid:[5]");

QColor hex(std::string_view text)
{
    return QColor(QLatin1String(text.data(), static_cast<qsizetype>(text.size())));
}

// The scene shown in a real view, big enough to show it all at 1:1.
struct Shown
{
    DiagramScene scene;
    DiagramView view{&scene};

    explicit Shown(const Diagram &diagram)
    {
        if (!scene.setDiagram(diagram))
            qFatal("layout failed: %s", qPrintable(scene.errorString()));
        view.resize(1000, 800);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            qFatal("the view was not exposed");
    }
    QPoint at(const QString &id) const { return view.mapFromScene(scene.nodeRect(id).center()); }
    // A point in the margin around the graph: nothing there.
    QPoint empty() const { return view.mapFromScene(scene.sceneRect().topLeft() + QPointF(4, 4)); }

    // As a window system delivers a double click: press, release, double click, release.
    void doubleClick(QPoint pos)
    {
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, pos);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, pos);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, pos);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, pos);
    }
    // Through the window, as the platform sends it: QWidget-level moves without a button only move the
    // cursor, which the offscreen platform does not turn into events.
    void moveTo(QPoint pos) { QTest::mouseMove(view.windowHandle(), view.viewport()->mapTo(&view, pos)); }
};

} // namespace

class TestDiagramScene : public QObject
{
    Q_OBJECT

private slots:
    void ranksFollowTheRankdir_data()
    {
        QTest::addColumn<QString>("rankdir");
        QTest::newRow("TB") << QStringLiteral("TB");
        QTest::newRow("LR") << QStringLiteral("LR");
    }

    void ranksFollowTheRankdir()
    {
        QFETCH(QString, rankdir);
        DiagramScene scene;
        QVERIFY2(scene.setDiagram(test::sampleDiagram(rankdir.toStdString())),
                 qPrintable(scene.errorString()));
        QCOMPARE(scene.nodeIds(), QStringList({kVm, kWslg, kIsolation, kUbuntu, kDebian}));

        const auto before = [&](const QString &a, const QString &b) {
            const QRectF ra = scene.nodeRect(a), rb = scene.nodeRect(b);
            return rankdir == QLatin1String("TB") ? ra.bottom() < rb.top() : ra.right() < rb.left();
        };
        for (const auto &[parent, child] : {std::pair{kVm, kWslg}, std::pair{kVm, kIsolation},
                                            std::pair{kWslg, kUbuntu}, std::pair{kIsolation, kDebian}}) {
            QVERIFY2(before(parent, child), qPrintable(parent + QLatin1String(" not before ") + child));
        }
        // Siblings share a rank: the same line across the flow.
        const QRectF wslg = scene.nodeRect(kWslg), isolation = scene.nodeRect(kIsolation);
        if (rankdir == QLatin1String("TB"))
            QCOMPARE(wslg.center().y(), isolation.center().y());
        else
            QCOMPARE(wslg.center().x(), isolation.center().x());

        // Everything inside the scene rect, and one item per node.
        int nodeItems = 0;
        for (QGraphicsItem *item : scene.items()) {
            QVERIFY(scene.sceneRect().contains(item->sceneBoundingRect()));
            nodeItems += item->type() == DiagramNodeItem::Type;
        }
        QCOMPARE(nodeItems, 5);
        QVERIFY(scene.nodeRect(QStringLiteral("pid:[99]")).isNull());
    }

    void nodesAreBigEnoughForTheirText()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        const DiagramFonts fonts(scene.font());
        const QFontMetricsF title(fonts.title), text(fonts.text);
        // Title, two lines, and padding: taller than the three lines, wider than the widest.
        const QRectF vm = scene.nodeRect(kVm);
        QVERIFY(vm.height() >= title.height() + 2 * text.height() + 10);
        QVERIFY(vm.width() >= text.horizontalAdvance(QStringLiteral("init · 42 processes")) + 16);
        // A badge adds a row below the lines.
        const qreal small = QFontMetricsF(fonts.small).height();
        QVERIFY(scene.nodeRect(kDebian).height() >= title.height() + text.height() + small + 14);
    }

    void longTextsStayInsideTheirBoxes()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::longTextDiagram()));
        // Titles and lines are elided, so boxes stay within reason; a word that cannot wrap widens its badge.
        const QRectF process = scene.nodeRect(QStringLiteral("proc:[1]:1"));
        QVERIFY2(process.width() < 460, qPrintable(QString::number(process.width())));
        QVERIFY(scene.nodeRect(QStringLiteral("pid:[2]")).width() >= 48); // "?" gets a minimum width
        // Every item within the scene rect, the label too.
        for (QGraphicsItem *item : scene.items())
            QVERIFY(scene.sceneRect().contains(item->sceneBoundingRect()));
        QCOMPARE(scene.edgeItem(QStringLiteral("e1"))->toolTip(),
                 QStringLiteral("runs, seen through the NSpid chain of the process in both namespaces"));
    }

    void clustersContainTheirNodes_data() { ranksFollowTheRankdir_data(); }

    void clustersContainTheirNodes()
    {
        QFETCH(QString, rankdir);
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram(rankdir.toStdString())));
        const DiagramClusterItem *cluster = scene.clusterItem(QStringLiteral("c-wslg"));
        QVERIFY(cluster);
        const QRectF box = cluster->mapRectToScene(cluster->rect());
        const qreal titleHeight = QFontMetricsF(DiagramFonts(scene.font()).title).height();
        for (const QString &id : {kWslg, kUbuntu}) {
            QVERIFY2(box.contains(scene.nodeRect(id)), qPrintable(id));
            // The title band above the nodes is free.
            QVERIFY2(scene.nodeRect(id).top() - box.top() >= titleHeight, qPrintable(id));
        }
        for (const QString &id : {kVm, kIsolation, kDebian})
            QVERIFY2(!box.intersects(scene.nodeRect(id)), qPrintable(id));
    }

    void edgesJoinTheirNodes()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        const QStringList edges = {QStringLiteral("e12"), QStringLiteral("e13"), QStringLiteral("e24"),
                                   QStringLiteral("e35")};
        int edgeItems = 0;
        for (QGraphicsItem *item : scene.items())
            edgeItems += item->type() == DiagramEdgeItem::Type;
        QCOMPARE(edgeItems, 4);
        for (const QString &id : edges) {
            const DiagramEdgeItem *edge = scene.edgeItem(id);
            QVERIFY2(edge, qPrintable(id));
            const QRectF from = scene.nodeRect(edge->from()).adjusted(-3, -3, 3, 3);
            const QRectF to = scene.nodeRect(edge->to()).adjusted(-3, -3, 3, 3);
            const QPainterPath path = edge->mapToScene(edge->path());
            QVERIFY2(from.contains(path.pointAtPercent(0)), qPrintable(id));
            // The spline stops at the arrowhead's base, a few points short of the node; the arrow fills the
            // gap.
            QVERIFY2(to.adjusted(-12, -12, 12, 12).contains(path.pointAtPercent(1)), qPrintable(id));
            QVERIFY2(!to.contains(path.pointAtPercent(0.5)), qPrintable(id));
            QVERIFY2(edge->boundingRect().intersects(scene.nodeRect(edge->to())), qPrintable(id));
        }
        QCOMPARE(scene.edgeItem(QStringLiteral("e24"))->from(), kWslg);
        QCOMPARE(scene.edgeItem(QStringLiteral("e24"))->to(), kUbuntu);
        QCOMPARE(scene.edgeItem(QStringLiteral("e35"))->pen().style(), Qt::CustomDashLine);
        QCOMPARE(scene.edgeItem(QStringLiteral("e12"))->pen().style(), Qt::SolidLine);
        QCOMPARE(scene.edgeItem(QStringLiteral("e35"))->label(), QStringLiteral("inferred"));
    }

    void nodeAtFindsNodes()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        for (const QString &id : scene.nodeIds())
            QCOMPARE(scene.nodeAt(scene.nodeRect(id).center()), id);
        QCOMPARE(scene.nodeAt(scene.sceneRect().topLeft() + QPointF(2, 2)), QString());
    }

    void programmaticSelectionIsSilent()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        QSignalSpy clicked(&scene, &DiagramScene::nodeClicked);
        scene.setSelectedNode(kUbuntu);
        QCOMPARE(scene.selectedNode(), kUbuntu);
        QVERIFY(scene.nodeItem(kUbuntu)->isSelected());
        scene.setSelectedNode(kVm);
        QVERIFY(!scene.nodeItem(kUbuntu)->isSelected());
        QVERIFY(scene.nodeItem(kVm)->isSelected());
        scene.setSelectedNode(QString());
        QCOMPARE(scene.selectedNode(), QString());
        QVERIFY(scene.selectedItems().isEmpty());
        scene.setSelectedNode(QStringLiteral("pid:[nope]"));
        QCOMPARE(scene.selectedNode(), QString());
        QCOMPARE(clicked.count(), 0);

        // A new diagram keeps the selection when the node is still there.
        scene.setSelectedNode(kDebian);
        QVERIFY(scene.setDiagram(test::sampleDiagram("LR")));
        QCOMPARE(scene.selectedNode(), kDebian);
        QVERIFY(scene.nodeItem(kDebian)->isSelected());
        QCOMPARE(clicked.count(), 0);
    }

    void mouseClickSelects()
    {
        Shown shown(test::sampleDiagram());
        QSignalSpy clicked(&shown.scene, &DiagramScene::nodeClicked);
        QTest::mouseClick(shown.view.viewport(), Qt::LeftButton, {}, shown.at(kIsolation));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), kIsolation);
        QCOMPARE(shown.scene.selectedNode(), kIsolation);
        QVERIFY(shown.scene.nodeItem(kIsolation)->isSelected());

        QTest::mouseClick(shown.view.viewport(), Qt::LeftButton, {}, shown.at(kUbuntu));
        QCOMPARE(clicked.count(), 2);
        QCOMPARE(clicked.at(1).at(0).toString(), kUbuntu);
        QCOMPARE(shown.scene.selectedItems().size(), 1);

        // Empty space clears the selection, once.
        QTest::mouseClick(shown.view.viewport(), Qt::LeftButton, {}, shown.empty());
        QCOMPARE(clicked.count(), 3);
        QCOMPARE(clicked.at(2).at(0).toString(), QString());
        QCOMPARE(shown.scene.selectedNode(), QString());
        QVERIFY(shown.scene.selectedItems().isEmpty());
        QTest::mouseClick(shown.view.viewport(), Qt::LeftButton, {}, shown.empty());
        QCOMPARE(clicked.count(), 3);
    }

    void doubleClickIsReported()
    {
        Shown shown(test::sampleDiagram());
        QSignalSpy doubleClicked(&shown.scene, &DiagramScene::nodeDoubleClicked);
        QSignalSpy clicked(&shown.scene, &DiagramScene::nodeClicked);
        shown.doubleClick(shown.at(kDebian));
        QCOMPARE(doubleClicked.count(), 1);
        QCOMPARE(doubleClicked.at(0).at(0).toString(), kDebian);
        QCOMPARE(shown.scene.selectedNode(), kDebian);
        QVERIFY(!clicked.isEmpty()); // the press before the double click
        QCOMPARE(clicked.last().at(0).toString(), kDebian);
        shown.doubleClick(shown.empty());
        QCOMPARE(doubleClicked.count(), 1);
        QCOMPARE(shown.scene.selectedNode(), QString());
    }

    void hoverIsReportedAndShowsTheToolTip()
    {
        Shown shown(test::sampleDiagram());
        QSignalSpy hovered(&shown.scene, &DiagramScene::nodeHovered);
        shown.moveTo(shown.empty());
        QCOMPARE(hovered.count(), 0);
        shown.moveTo(shown.at(kUbuntu));
        QTRY_COMPARE(hovered.count(), 1);
        QCOMPARE(hovered.at(0).at(0).toString(), kUbuntu);
        QCOMPARE(shown.scene.nodeItem(kUbuntu)->toolTip(), QStringLiteral("Ubuntu-20.04, running"));
        QCOMPARE(shown.scene.nodeItem(kDebian)->toolTip(), QString()); // the diagram has none

        shown.moveTo(shown.at(kUbuntu) + QPoint(3, 2)); // within the node: nothing new
        shown.moveTo(shown.empty());
        QTRY_COMPARE(hovered.count(), 2);
        QCOMPARE(hovered.at(1).at(0).toString(), QString());
    }

    // A slot that replaces the diagram while the clicked node is still handling its event (e.g. the view
    // that shows the clicked namespace's processes): nothing crashes, the new diagram is there and works.
    void slotsMayReplaceTheDiagram()
    {
        Shown shown(test::sampleDiagram());
        int rebuilds = 0;
        const auto rebuild = [&](const QString &id) {
            if (id.isEmpty())
                return;
            Diagram next = test::sampleDiagram(); // the same places: the next click finds its node
            next.nodes[0].title = "rebuilt " + std::to_string(++rebuilds);
            QVERIFY(shown.scene.setDiagram(next));
        };
        connect(&shown.scene, &DiagramScene::nodeClicked, this, rebuild);
        connect(&shown.scene, &DiagramScene::nodeDoubleClicked, this, rebuild);

        QTest::mouseClick(shown.view.viewport(), Qt::LeftButton, {}, shown.at(kUbuntu));
        QVERIFY(rebuilds >= 1);
        QCOMPARE(shown.scene.selectedNode(), kUbuntu); // kept across the rebuild
        QTest::qWait(1);                               // the old items go
        QCOMPARE(shown.scene.items().size(), 5 + 4 + 1 + 1);
        int before = rebuilds;
        shown.doubleClick(shown.at(kDebian));
        QCOMPARE(rebuilds, before + 2); // the press, then the double click
        QTest::qWait(1);
        before = rebuilds;
        QTest::mouseClick(shown.view.viewport(), Qt::LeftButton, {}, shown.at(kVm));
        QCOMPARE(rebuilds, before + 1);
        QCOMPARE(shown.scene.selectedNode(), kVm);
        QCOMPARE(shown.scene.nodeIds().size(), 5);

        // Also from the hover signal: entering a node rebuilds, leaving it too.
        connect(&shown.scene, &DiagramScene::nodeHovered, this, rebuild);
        before = rebuilds;
        shown.moveTo(shown.at(kIsolation));
        QCOMPARE(rebuilds, before + 1);
        shown.moveTo(shown.empty());
        QTest::qWait(1);
        QCOMPARE(shown.scene.items().size(), 5 + 4 + 1 + 1);
        disconnect(&shown.scene, nullptr, this, nullptr);
    }

    void highlightedPathChangesPens()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        const QColor accent = scene.palette().color(QPalette::Highlight);
        const QPen plainVm = scene.nodeItem(kVm)->outlinePen();
        const QPen plainUbuntu = scene.nodeItem(kUbuntu)->outlinePen();
        const QPen plainEdge = scene.edgeItem(QStringLiteral("e12"))->pen();
        QVERIFY(plainVm.color() != accent);
        QVERIFY(plainEdge.color() != accent);

        scene.setHighlightedPath({kVm, kWslg, kUbuntu});
        for (const QString &id : {kVm, kWslg, kUbuntu}) {
            QVERIFY(scene.nodeItem(id)->isHighlighted());
            QCOMPARE(scene.nodeItem(id)->outlinePen().color(), accent);
            QVERIFY(scene.nodeItem(id)->outlinePen().widthF() > plainVm.widthF());
            QCOMPARE(scene.nodeItem(id)->opacity(), 1.0);
        }
        for (const QString &id : {QStringLiteral("e12"), QStringLiteral("e24")}) {
            QCOMPARE(scene.edgeItem(id)->pen().color(), accent);
            QVERIFY(scene.edgeItem(id)->pen().widthF() > plainEdge.widthF());
        }
        // Not on the path: plain pens, dimmed. e13 has one end on the path: not highlighted.
        for (const QString &id : {kIsolation, kDebian}) {
            QVERIFY(!scene.nodeItem(id)->isHighlighted());
            QVERIFY(scene.nodeItem(id)->outlinePen().color() != accent);
            QVERIFY(scene.nodeItem(id)->opacity() < 1.0);
        }
        for (const QString &id : {QStringLiteral("e13"), QStringLiteral("e35")}) {
            QVERIFY(scene.edgeItem(id)->pen().color() != accent);
            QVERIFY(scene.edgeItem(id)->opacity() < 1.0);
        }

        scene.clearHighlight();
        QCOMPARE(scene.nodeItem(kVm)->outlinePen(), plainVm);
        QCOMPARE(scene.nodeItem(kUbuntu)->outlinePen(), plainUbuntu);
        QCOMPARE(scene.edgeItem(QStringLiteral("e12"))->pen(), plainEdge);
        QCOMPARE(scene.nodeItem(kDebian)->opacity(), 1.0);
        QCOMPARE(scene.edgeItem(QStringLiteral("e35"))->opacity(), 1.0);
        // The emphasised node keeps its heavier outline.
        QVERIFY(plainVm.widthF() > plainUbuntu.widthF());
    }

    void darkRecoloursWithoutNewLayout()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        QVERIFY(!scene.isDark());
        QCOMPARE(scene.nodeItem(kUbuntu)->fillColor(), hex(toneColors(DiagramTone::Distro, false).fill));
        const QRectF before = scene.nodeRect(kUbuntu);
        const QColor lightBackground = scene.backgroundColor();
        QVERIFY(lightBackground.lightnessF() > 0.5);

        scene.setDark(true);
        QVERIFY(scene.isDark());
        QCOMPARE(scene.nodeItem(kUbuntu)->fillColor(), hex(toneColors(DiagramTone::Distro, true).fill));
        QCOMPARE(scene.nodeItem(kVm)->fillColor(), hex(toneColors(DiagramTone::Vm, true).fill));
        QCOMPARE(scene.nodeItem(kVm)->outlinePen().color(), hex(toneColors(DiagramTone::Vm, true).stroke));
        QVERIFY(scene.backgroundColor().lightnessF() < 0.5);
        QCOMPARE(scene.backgroundBrush().color(), scene.backgroundColor());
        QCOMPARE(scene.nodeRect(kUbuntu), before);

        scene.setDark(false);
        QCOMPARE(scene.nodeItem(kUbuntu)->fillColor(), hex(toneColors(DiagramTone::Distro, false).fill));
        QCOMPARE(scene.backgroundColor(), lightBackground);
    }

    void unknownNodeIsAnError()
    {
        DiagramScene scene;
        Diagram diagram = test::sampleDiagram();
        diagram.edges.push_back({"bad", "pid:[1]", "pid:[404]", "", false});
        QVERIFY(!scene.setDiagram(diagram));
        QVERIFY2(scene.errorString().contains(QLatin1String("pid:[404]")), qPrintable(scene.errorString()));
        QVERIFY(scene.nodeIds().isEmpty());
        QVERIFY(scene.nodeRect(kVm).isNull());
        // The message is on the canvas instead of an empty picture.
        const QList<QGraphicsItem *> items = scene.items();
        QCOMPARE(items.size(), 1);
        const auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(items.first());
        QVERIFY(text);
        QVERIFY(text->toPlainText().contains(scene.errorString()));
        QVERIFY(scene.sceneRect().contains(text->sceneBoundingRect()));

        // And a good diagram afterwards clears it.
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        QVERIFY(scene.errorString().isEmpty());
        QCOMPARE(scene.nodeIds().size(), 5);
    }

    void emptyDiagramWorks()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(Diagram{}));
        QVERIFY(scene.nodeIds().isEmpty());
        QVERIFY(scene.items().isEmpty());
        QVERIFY(scene.sceneRect().isValid());
        QCOMPARE(scene.nodeAt(QPointF(0, 0)), QString());

        // Notes alone: a legend, nothing else.
        Diagram notesOnly;
        notesOnly.notes = {{Severity::Error, "No data: the collector could not run."}};
        QVERIFY(scene.setDiagram(notesOnly));
        QCOMPARE(scene.items().size(), 1);
        const auto *legend = qgraphicsitem_cast<DiagramLegendItem *>(scene.items().first());
        QVERIFY(legend);
        QCOMPARE(legend->rowCount(), 1);
        QVERIFY(scene.sceneRect().contains(legend->sceneBoundingRect()));
    }

    void notesAreBelowTheGraph()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        const DiagramLegendItem *legend = nullptr;
        qreal graphBottom = 0;
        for (QGraphicsItem *item : scene.items()) {
            if (auto *l = qgraphicsitem_cast<DiagramLegendItem *>(item))
                legend = l;
            else
                graphBottom = std::max(graphBottom, item->sceneBoundingRect().bottom());
        }
        QVERIFY(legend);
        QCOMPARE(legend->rowCount(), 2);
        QVERIFY(legend->sceneBoundingRect().top() > graphBottom);
        QVERIFY(scene.sceneRect().contains(legend->sceneBoundingRect()));
    }

    // How fast: bench_diagram's setDiagram/300 (a benchmark, not a test; the target is 300 ms).
    void threeHundredNamespaces()
    {
        const Diagram diagram = test::treeDiagram(300);
        DiagramScene scene;
        QVERIFY(scene.setDiagram(diagram));
        QCOMPARE(scene.nodeIds().size(), 300);
    }
};

QTEST_MAIN(TestDiagramScene)
#include "tst_diagram_scene.moc"
