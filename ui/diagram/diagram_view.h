#pragma once
// A view for a DiagramScene that behaves like a map: drag to pan, wheel to zoom around the cursor
// (Shift+wheel scrolls sideways), slots for zoom in/out (x1.25, within 0.05-8), fit and 1:1.
//
// A click on empty space clears the scene's selection (Qt's ScrollHandDrag handling: a click, not a pan);
// the scene then emits nodeClicked(QString()) (see DiagramScene).
#include <QGraphicsView>

#include <optional>

namespace wslatlas {

class DiagramScene;

class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double kZoomStep = 1.25;
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 8.0;
    static constexpr double kMaxFitZoom = 1.5; // fitAll never blows a small diagram up beyond this

    explicit DiagramView(QWidget *parent = nullptr);
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    DiagramScene *diagramScene() const; // nullptr when the scene is not a DiagramScene
    double zoomFactor() const;
    // While on, the view fits the whole diagram again when it is resized or its scene rect changes (a new
    // diagram). fitAll() turns it on; any other zoom (wheel, in/out, 1:1) turns it off. Off at first (1:1).
    bool autoFit() const { return m_autoFit; }

public slots:
    void zoomIn();
    void zoomOut();
    void fitAll();                     // the whole scene rect, aspect kept, at most kMaxFitZoom
    void resetZoom();                  // 1:1
    void setZoomFactor(double factor); // clamped to [kMinZoom, kMaxZoom], around the view's centre

signals:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitNow();
    bool m_autoFit = false;
    // fixedPoint: the viewport point whose scene point stays put; the viewport's centre by default.
    void applyZoom(double factor, std::optional<QPointF> fixedPoint = std::nullopt);
};

} // namespace wslatlas
