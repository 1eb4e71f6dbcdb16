#pragma once
// Export of the two diagram views, shared by the GUI (its current scene) and `wslatlas-cli export` (a scene
// built the same way, offscreen), so that both write the same picture.
#include "analysis.h"
#include "diagram.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>

namespace wslatlas {

class DiagramScene;

enum class DiagramKind
{
    Namespaces, // the pid-namespace graph
    Network,
};

enum class ExportFormat
{
    Png,
    Svg,
    Dot,
};

// "pid"/"namespaces" and "network"; "png", "svg", "dot"/"gv". Empty when unknown.
std::optional<DiagramKind> diagramKindFromName(const QString &name);
std::optional<ExportFormat> exportFormatFromName(const QString &name);
// From a file name's suffix (".png", ".svg", ".dot", ".gv"); empty when it says nothing.
std::optional<ExportFormat> exportFormatFromPath(const QString &path);

// The diagram a view shows: pidDiagram (with one namespace's processes when expandNamespace is set) or
// networkDiagram.
Diagram diagramFor(const SnapshotAnalysis &analysis, DiagramKind kind,
                   const std::string &expandNamespace = {});

// Writes what the scene shows: PNG at scale (1 or 2), SVG, or the scene's diagram as DOT. Atomic: a failed
// write never replaces an existing file. error: one line naming the path.
bool exportScene(DiagramScene &scene, ExportFormat format, qreal scale, const QString &path, QString *error);

struct ExportRequest
{
    DiagramKind kind = DiagramKind::Namespaces;
    ExportFormat format = ExportFormat::Png;
    qreal scale = 1;
    bool dark = false;
    std::string expandNamespace;
};

// Builds the view's scene from a snapshot and exports it (needs a QApplication: the CLI runs offscreen).
bool exportSnapshotView(const SnapshotAnalysis &analysis, const ExportRequest &request, const QString &path,
                        QString *error);
// The same bytes, in memory (for standard output).
std::optional<QByteArray> exportSnapshotViewData(const SnapshotAnalysis &analysis,
                                                 const ExportRequest &request, QString *error);

} // namespace wslatlas
