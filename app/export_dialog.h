#pragma once
// Asks where and how to export a diagram view: the file dialog with one filter per format (PNG, PNG at 2×,
// SVG, DOT), starting in the folder and with the filter used last time, which it remembers.
#include "view_export.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace wslatlas {

class ExportDialog
{
    Q_DECLARE_TR_FUNCTIONS(ExportDialog)

public:
    struct Choice
    {
        QString path; // with the format's suffix when the user typed none
        ExportFormat format = ExportFormat::Png;
        qreal scale = 1;
    };

    // baseName is the suggested file name without suffix ("wsl-namespaces"); nothing when cancelled.
    static std::optional<Choice> ask(QWidget *parent, const QString &baseName);
};

} // namespace wslatlas
