#pragma once
// The scene as a picture: PNG (any scale) and SVG, both of the whole scene rect and without the
// selection or the highlighted path (cleared while rendering, then restored, without signals).
// Files are written through QSaveFile: a failed export never replaces a good file.
#include <QByteArray>
#include <QImage>
#include <QString>

namespace wslatlas {

class DiagramScene;

namespace DiagramExport {

// ceil(sceneRect.size() * scale) pixels, device pixel ratio 1, filled with the scene's background first.
// A null image when that size is empty or too large for a QImage.
QImage renderImage(DiagramScene &scene, qreal scale = 1.0);
// error (may be null): one line naming the path, for people.
bool writePng(DiagramScene &scene, const QString &path, qreal scale, QString *error);
bool writeSvg(DiagramScene &scene, const QString &path, const QString &title, QString *error);
// The SVG document: viewBox = the scene rect, title as the document's <title>.
QByteArray svgData(DiagramScene &scene, const QString &title);

} // namespace DiagramExport
} // namespace wslatlas
