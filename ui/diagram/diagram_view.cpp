#include "diagram_view.h"

#include "diagram_scene.h"

#include <QApplication>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <optional>

namespace wslatlas {

DiagramView::DiagramView(QWidget *parent) : DiagramView(nullptr, parent) {}

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // The scene paints its own background (DiagramScene::backgroundColor, also used by the export); around
    // it, the viewport shows the palette's Base.
    setBackgroundRole(QPalette::Base);
    setFrameShape(QFrame::NoFrame);
    if (scene) {
        setScene(scene);
        connect(scene, &QGraphicsScene::sceneRectChanged, this, [this] {
            if (m_autoFit)
                fitNow();
        });
    }
}

DiagramScene *DiagramView::diagramScene() const
{
    return qobject_cast<DiagramScene *>(scene());
}

double DiagramView::zoomFactor() const
{
    return transform().m11();
}

void DiagramView::zoomIn()
{
    m_autoFit = false;
    applyZoom(zoomFactor() * kZoomStep);
}

void DiagramView::zoomOut()
{
    m_autoFit = false;
    applyZoom(zoomFactor() / kZoomStep);
}

void DiagramView::resetZoom()
{
    m_autoFit = false;
    applyZoom(1.0);
}

void DiagramView::setZoomFactor(double factor)
{
    m_autoFit = false;
    applyZoom(factor);
}

void DiagramView::fitAll()
{
    m_autoFit = true;
    fitNow();
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitNow();
}

void DiagramView::fitNow()
{
    const QRectF rect = sceneRect();
    // The viewport without scroll bars (they go once it fits), less fitInView's margin of 2 on each side so
    // that rounding brings none back.
    const QSize area = maximumViewportSize() - QSize(4, 4);
    if (rect.isEmpty() || area.isEmpty())
        return;
    const double factor = std::min(area.width() / rect.width(), area.height() / rect.height());
    applyZoom(std::min(factor, kMaxFitZoom));
    centerOn(rect.center());
}

void DiagramView::applyZoom(double factor, std::optional<QPointF> fixedPoint)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    if (std::abs(factor - zoomFactor()) < 1e-9)
        return;
    // Anchored by hand: QGraphicsView's AnchorUnderMouse uses the last mouse move, which a wheel turned
    // without moving the mouse does not update.
    const QPointF at = fixedPoint.value_or(QPointF(viewport()->rect().center()));
    const QPointF sceneAt = mapToScene(at.toPoint());
    const ViewportAnchor previous = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    setTransform(QTransform::fromScale(factor, factor));
    setTransformationAnchor(previous);
    const QPointF drift = mapFromScene(sceneAt) - at;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    emit zoomChanged(factor);
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift turns the wheel sideways, as in most editors and map tools.
        const int delta = angle.y() != 0 ? angle.y() : angle.x();
        QScrollBar *bar = horizontalScrollBar();
        bar->setValue(bar->value() -
                      qRound(delta / 120.0 * bar->singleStep() * QApplication::wheelScrollLines()));
        event->accept();
        return;
    }
    if (angle.y() == 0) { // a touchpad's sideways swipe scrolls
        QGraphicsView::wheelEvent(event);
        return;
    }
    // 120 is one notch; touchpads send fractions of it, so zooming stays smooth.
    m_autoFit = false;
    applyZoom(zoomFactor() * std::pow(kZoomStep, angle.y() / 120.0), event->position());
    event->accept();
}

} // namespace wslatlas
