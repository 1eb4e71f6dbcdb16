#include "view_export.h"

#include "diagram_dot.h"
#include "diagram_export.h"
#include "diagram_scene.h"
#include "file_io.h"
#include "model_support.h"
#include "network_diagram.h"
#include "pid_diagram.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>

namespace wslatlas {

std::optional<DiagramKind> diagramKindFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("pid") || lower == QLatin1String("namespaces"))
        return DiagramKind::Namespaces;
    if (lower == QLatin1String("network") || lower == QLatin1String("net"))
        return DiagramKind::Network;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("png"))
        return ExportFormat::Png;
    if (lower == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (lower == QLatin1String("dot") || lower == QLatin1String("gv"))
        return ExportFormat::Dot;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.isEmpty())
        return std::nullopt;
    return exportFormatFromName(suffix);
}

Diagram diagramFor(const SnapshotAnalysis &analysis, DiagramKind kind, const std::string &expandNamespace)
{
    if (kind == DiagramKind::Network)
        return networkDiagram(analysis.snapshot());
    PidDiagramOptions options;
    options.expandNamespace = expandNamespace;
    return pidDiagram(analysis, options);
}

bool exportScene(DiagramScene &scene, ExportFormat format, qreal scale, const QString &path, QString *error)
{
    switch (format) {
    case ExportFormat::Png:
        return DiagramExport::writePng(scene, path, scale, error);
    case ExportFormat::Svg:
        return DiagramExport::writeSvg(scene, path, toQString(scene.diagram().title), error);
    case ExportFormat::Dot: {
        const std::optional<Error> failure =
            writeFileAtomically(path.toStdString(), diagramToDot(scene.diagram(), scene.isDark()));
        if (failure && error)
            *error = toQString(failure->message);
        return !failure;
    }
    }
    return false;
}

namespace {

bool buildScene(DiagramScene &scene, const SnapshotAnalysis &analysis, const ExportRequest &request,
                QString *error)
{
    scene.setDark(request.dark);
    if (scene.setDiagram(diagramFor(analysis, request.kind, request.expandNamespace)))
        return true;
    if (error)
        *error = QCoreApplication::translate("ViewExport", "cannot lay out the diagram: %1")
                     .arg(scene.errorString());
    return false;
}

} // namespace

bool exportSnapshotView(const SnapshotAnalysis &analysis, const ExportRequest &request, const QString &path,
                        QString *error)
{
    DiagramScene scene;
    if (!buildScene(scene, analysis, request, error))
        return false;
    return exportScene(scene, request.format, request.scale, path, error);
}

std::optional<QByteArray> exportSnapshotViewData(const SnapshotAnalysis &analysis,
                                                 const ExportRequest &request, QString *error)
{
    DiagramScene scene;
    if (!buildScene(scene, analysis, request, error))
        return std::nullopt;
    switch (request.format) {
    case ExportFormat::Png: {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!DiagramExport::renderImage(scene, request.scale).save(&buffer, "PNG")) {
            if (error)
                *error = QCoreApplication::translate("ViewExport", "cannot encode the PNG image");
            return std::nullopt;
        }
        return bytes;
    }
    case ExportFormat::Svg:
        return DiagramExport::svgData(scene, toQString(scene.diagram().title));
    case ExportFormat::Dot:
        return QByteArray::fromStdString(diagramToDot(scene.diagram(), scene.isDark()));
    }
    return std::nullopt;
}

} // namespace wslatlas
