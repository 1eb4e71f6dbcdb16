#include "export_dialog.h"

#include "app_settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStringList>

namespace wslatlas {

std::optional<ExportDialog::Choice> ExportDialog::ask(QWidget *parent, const QString &baseName)
{
    AppSettings settings;
    const QString png = tr("PNG image (*.png)");
    const QString png2 = tr("PNG image, 2× for high-DPI screens (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    const QString dot = tr("Graphviz DOT (*.dot *.gv)");
    QString filter = settings.exportFilter(png);
    Choice choice;
    choice.path =
        QFileDialog::getSaveFileName(parent, tr("Export View"), QDir(settings.exportDir()).filePath(baseName),
                                     QStringList{png, png2, svg, dot}.join(QStringLiteral(";;")), &filter);
    if (choice.path.isEmpty())
        return std::nullopt;
    QString suffix = QStringLiteral("png");
    if (filter == png2) {
        choice.scale = 2;
    } else if (filter == svg) {
        choice.format = ExportFormat::Svg;
        suffix = QStringLiteral("svg");
    } else if (filter == dot) {
        choice.format = ExportFormat::Dot;
        suffix = QStringLiteral("dot");
    }
    if (QFileInfo(choice.path).suffix().isEmpty())
        choice.path += QLatin1Char('.') + suffix;
    settings.setExportDir(QFileInfo(choice.path).absolutePath());
    settings.setExportFilter(filter);
    return choice;
}

} // namespace wslatlas
