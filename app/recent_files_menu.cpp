#include "recent_files_menu.h"

#include "app_settings.h"

#include <QDir>
#include <QFileInfo>

namespace wslatlas {

RecentFilesMenu::RecentFilesMenu(const QString &title, QWidget *parent) : QMenu(title, parent)
{
    rebuild();
}

RecentFilesMenu::~RecentFilesMenu() = default;

void RecentFilesMenu::addFile(const QString &path)
{
    AppSettings().addRecentFile(path);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList files = AppSettings().recentFiles();
    int number = 1;
    for (const QString &path : files) {
        QAction *action = addAction(tr("&%1 %2").arg(number++).arg(QFileInfo(path).fileName()), this,
                                    [this, path] { emit fileChosen(path); });
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("&Clear the List"), this, [this] {
        AppSettings().clearRecentFiles();
        rebuild();
    });
}

} // namespace wslatlas
