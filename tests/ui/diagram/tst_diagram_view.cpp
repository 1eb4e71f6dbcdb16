#include "diagram_samples.h"
#include "diagram_scene.h"
#include "diagram_view.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

using namespace wslatlas;

namespace {

struct Shown
{
    DiagramScene scene;
    DiagramView view{&scene};

    explicit Shown(const Diagram &diagram, QSize size = {600, 400})
    {
        if (!scene.setDiagram(diagram))
            qFatal("layout failed: %s", qPrintable(scene.errorString()));
        view.resize(size);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            qFatal("the view was not exposed");
    }
};

// A wheel turn of `notches` (120 each) at pos in the viewport, as a mouse sends it.
void turnWheel(QWidget *viewport, QPoint pos, int notches, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &event);
}

} // namespace

class TestDiagramView : public QObject
{
    Q_OBJECT

private slots:
    void setsUpForMaps()
    {
        DiagramScene scene;
        DiagramView view(&scene);
        QCOMPARE(view.diagramScene(), &scene);
        QCOMPARE(view.dragMode(), QGraphicsView::ScrollHandDrag);
        QVERIFY(view.renderHints().testFlag(QPainter::Antialiasing));
        QVERIFY(view.renderHints().testFlag(QPainter::TextAntialiasing));
        QCOMPARE(view.backgroundRole(), QPalette::Base);
        QCOMPARE(view.zoomFactor(), 1.0);
    }

    void zoomInAndOutByAQuarter()
    {
        Shown shown(test::sampleDiagram());
        QSignalSpy changed(&shown.view, &DiagramView::zoomChanged);
        shown.view.zoomIn();
        QCOMPARE(shown.view.zoomFactor(), 1.25);
        QCOMPARE(shown.view.transform().m22(), 1.25); // uniform
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toDouble(), 1.25);
        shown.view.zoomIn();
        QCOMPARE(shown.view.zoomFactor(), 1.5625);
        shown.view.zoomOut();
        shown.view.zoomOut();
        QVERIFY(qFuzzyCompare(shown.view.zoomFactor(), 1.0));
        shown.view.zoomOut();
        QVERIFY(qFuzzyCompare(shown.view.zoomFactor(), 0.8));
        shown.view.resetZoom();
        QCOMPARE(shown.view.zoomFactor(), 1.0);
        QCOMPARE(changed.count(), 6);
    }

    void zoomIsClamped()
    {
        Shown shown(test::sampleDiagram());
        for (int i = 0; i < 40; ++i)
            shown.view.zoomIn();
        QCOMPARE(shown.view.zoomFactor(), DiagramView::kMaxZoom);
        QSignalSpy changed(&shown.view, &DiagramView::zoomChanged);
        shown.view.zoomIn();
        QCOMPARE(changed.count(), 0); // already at the limit: nothing changes, nothing said
        for (int i = 0; i < 60; ++i)
            shown.view.zoomOut();
        QCOMPARE(shown.view.zoomFactor(), DiagramView::kMinZoom);
        shown.view.setZoomFactor(100);
        QCOMPARE(shown.view.zoomFactor(), DiagramView::kMaxZoom);
    }

    void fitAllShowsEverything()
    {
        // A big diagram in a small view: fitAll zooms out until the scene rect fits.
        Shown big(test::treeDiagram(60), {500, 400});
        big.view.fitAll();
        const double factor = big.view.zoomFactor();
        QCoreApplication::processEvents(); // the scroll bars go
        QVERIFY(factor < 1.0);
        const QRect shown = big.view.mapFromScene(big.scene.sceneRect()).boundingRect();
        QVERIFY2(big.view.viewport()->rect().adjusted(-1, -1, 1, 1).contains(shown),
                 qPrintable(QStringLiteral("zoom %1: %2,%3 %4x%5 in %6x%7")
                                .arg(factor)
                                .arg(shown.x())
                                .arg(shown.y())
                                .arg(shown.width())
                                .arg(shown.height())
                                .arg(big.view.viewport()->width())
                                .arg(big.view.viewport()->height())));
        // Aspect kept: one side fills the viewport (within the 2-pixel margin).
        const QSizeF shownSize = big.scene.sceneRect().size() * factor;
        const QSize area = big.view.viewport()->size();
        QVERIFY(std::abs(shownSize.width() - area.width()) <= 5 ||
                std::abs(shownSize.height() - area.height()) <= 5);

        // A small diagram in a big view: never beyond 1.5.
        Shown small(test::sampleDiagram(), {1600, 1200});
        small.view.fitAll();
        QCOMPARE(small.view.zoomFactor(), DiagramView::kMaxFitZoom);
    }

    void wheelZoomsAroundTheCursor()
    {
        Shown shown(test::treeDiagram(60), {500, 400});
        QSignalSpy changed(&shown.view, &DiagramView::zoomChanged);
        const QPoint pos(300, 150);
        const QPointF sceneBefore = shown.view.mapToScene(pos);
        turnWheel(shown.view.viewport(), pos, 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(shown.view.zoomFactor(), 1.25);
        // The point under the cursor stays under it (within a pixel of rounding).
        const QPointF after = shown.view.mapFromScene(sceneBefore);
        QVERIFY2((after - QPointF(pos)).manhattanLength() <= 2,
                 qPrintable(QStringLiteral("%1,%2").arg(after.x()).arg(after.y())));

        turnWheel(shown.view.viewport(), pos, -2);
        QVERIFY(qFuzzyCompare(shown.view.zoomFactor(), 0.8));
    }

    void shiftWheelScrollsSideways()
    {
        Shown shown(test::treeDiagram(60), {500, 400});
        QScrollBar *bar = shown.view.horizontalScrollBar();
        QVERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 2);
        const int before = bar->value();
        turnWheel(shown.view.viewport(), QPoint(200, 200), -1, Qt::ShiftModifier);
        QVERIFY(bar->value() > before);
        QCOMPARE(shown.view.zoomFactor(), 1.0);
    }
};

QTEST_MAIN(TestDiagramView)
#include "tst_diagram_view.moc"
