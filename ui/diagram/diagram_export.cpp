#include "diagram_export.h"

#include "diagram_scene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace wslatlas::DiagramExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DiagramExport", text);
}

// Selection and highlight are the user's state, not part of the picture: off while rendering, then back.
class PlainScene
{
public:
    explicit PlainScene(DiagramScene &scene)
        : m_scene(scene), m_selected(scene.selectedNode()), m_highlight(scene.highlightedPath())
    {
        m_scene.setSelectedNode(QString());
        m_scene.clearHighlight();
    }
    ~PlainScene()
    {
        m_scene.setHighlightedPath(m_highlight);
        m_scene.setSelectedNode(m_selected);
    }
    PlainScene(const PlainScene &) = delete;
    PlainScene &operator=(const PlainScene &) = delete;

private:
    DiagramScene &m_scene;
    QString m_selected;
    QStringList m_highlight;
};

void render(DiagramScene &scene, QPainter &painter)
{
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    const QRectF source = scene.sceneRect();
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source, Qt::IgnoreAspectRatio);
}

QString cannotWrite(const QString &path, const QString &reason)
{
    return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

// Why a QSaveFile could not be opened, in words that say what to do.
QString openError(const QSaveFile &file, const QString &path)
{
    const QFileInfo info(path);
    const QDir folder = info.absoluteDir();
    if (!folder.exists())
        return cannotWrite(path,
                           tr("the folder %1 does not exist").arg(QDir::toNativeSeparators(folder.path())));
    if (info.isDir())
        return cannotWrite(path, tr("it is a folder; choose a file name"));
    return cannotWrite(path, file.errorString());
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = openError(file, path);
        return false;
    }
    if (file.write(data) != data.size()) {
        if (error)
            *error = cannotWrite(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = cannotWrite(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QImage renderImage(DiagramScene &scene, qreal scale)
{
    const QSizeF size = scene.sceneRect().size() * scale;
    if (!(scale > 0) || size.isEmpty() || size.width() > 32767 || size.height() > 32767)
        return {};
    QImage image(static_cast<int>(std::ceil(size.width() - 1e-6)),
                 static_cast<int>(std::ceil(size.height() - 1e-6)), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) // out of memory
        return {};
    image.fill(scene.backgroundColor());
    {
        const PlainScene plain(scene);
        QPainter painter(&image);
        painter.scale(scale, scale);
        render(scene, painter);
    }
    // Metadata only, set after painting (fonts resolve against it): a 2x image prints as large as a 1x one.
    image.setDotsPerMeterX(qRound(image.dotsPerMeterX() * scale));
    image.setDotsPerMeterY(qRound(image.dotsPerMeterY() * scale));
    return image;
}

bool writePng(DiagramScene &scene, const QString &path, qreal scale, QString *error)
{
    const QImage image = renderImage(scene, scale);
    if (image.isNull()) {
        if (error)
            *error = cannotWrite(path, tr("the picture is too large at this scale; export at a smaller scale "
                                          "or as SVG"));
        return false;
    }
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        if (error)
            *error = cannotWrite(path, writer.errorString());
        return false;
    }
    return writeAtomically(path, data, error);
}

QByteArray svgData(DiagramScene &scene, const QString &title)
{
    const QRectF source = scene.sceneRect();
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    // QSvgGenerator (6.4) writes the title into <title> as it is, so "<" or "&" would break the XML: it gets
    // a plain placeholder, replaced by the escaped title afterwards (also right if Qt starts escaping).
    const QString placeholder = QStringLiteral("wslatlas-diagram-title-placeholder");
    generator.setTitle(placeholder);
    generator.setViewBox(source);
    generator.setSize(
        QSize(static_cast<int>(std::ceil(source.width())), static_cast<int>(std::ceil(source.height()))));
    // Texts were measured at the screen's logical DPI; the same resolution makes the SVG's font sizes match.
    generator.setResolution(QImage(1, 1, QImage::Format_ARGB32).logicalDpiX());
    {
        const PlainScene plain(scene);
        QPainter painter(&generator);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, source, source, Qt::IgnoreAspectRatio);
    }
    const QByteArray marker = "<title>" + placeholder.toUtf8() + "</title>";
    const qsizetype at = data.indexOf(marker);
    if (at >= 0)
        data.replace(at, marker.size(), QByteArray("<title>" + title.toHtmlEscaped().toUtf8() + "</title>"));
    return data;
}

bool writeSvg(DiagramScene &scene, const QString &path, const QString &title, QString *error)
{
    return writeAtomically(path, svgData(scene, title), error);
}

} // namespace wslatlas::DiagramExport
