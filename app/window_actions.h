#pragma once
// The window's commands: their texts, shortcuts and tips, the window's slot each one triggers, and the
// menu bar they make. The window enables them (MainWindow::updateActions) and puts some in tool bars.
#include <QCoreApplication>
#include <QList>

QT_BEGIN_NAMESPACE
class QAction;
class QDockWidget;
class QMenu;
class QMenuBar;
QT_END_NAMESPACE

namespace wslatlas {

class MainWindow;

class WindowActions
{
    Q_DECLARE_TR_FUNCTIONS(WindowActions)

public:
    explicit WindowActions(MainWindow *window); // the actions are the window's children

    // File (with recentFiles as Open Recent), Edit, View (with a toggle per dock), Snapshot, Help.
    void addMenus(QMenuBar *bar, QMenu *recentFiles, const QList<QDockWidget *> &docks) const;

    QAction *refresh = nullptr;
    QAction *cancel = nullptr;
    QAction *autoRefresh = nullptr;
    QAction *fullEachTime = nullptr; // auto-refresh takes a full snapshot each time (keeps WSL up)
    QAction *open = nullptr;
    QAction *save = nullptr;
    QAction *saveAs = nullptr;
    QAction *sample = nullptr;
    QAction *exportView = nullptr;
    QAction *copyImage = nullptr;
    QAction *quit = nullptr;
    QAction *find = nullptr;
    QAction *zoomIn = nullptr;
    QAction *zoomOut = nullptr;
    QAction *fit = nullptr;
    QAction *actualSize = nullptr;
    QAction *showProcesses = nullptr;
    QAction *about = nullptr;
    QAction *aboutQt = nullptr;
};

} // namespace wslatlas
