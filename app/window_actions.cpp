#include "window_actions.h"

#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QStyle>

namespace wslatlas {

namespace {

QAction *makeAction(QObject *parent, const QString &text, const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, parent);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setStatusTip(tip);
    action->setToolTip(shortcut.isEmpty()
                           ? text
                           : WindowActions::tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                              shortcut.toString(QKeySequence::NativeText)));
    return action;
}

} // namespace

WindowActions::WindowActions(MainWindow *window)
{
    refresh = makeAction(window, tr("&Refresh"), QKeySequence(Qt::CTRL | Qt::Key_R),
                         tr("Take a new snapshot from the chosen source"));
    refresh->setIcon(window->style()->standardIcon(QStyle::SP_BrowserReload));
    QObject::connect(refresh, &QAction::triggered, window, &MainWindow::refresh);

    cancel = makeAction(window, tr("&Cancel"), QKeySequence(Qt::Key_Escape),
                        tr("Stop collecting; the shown snapshot stays"));
    cancel->setIcon(window->style()->standardIcon(QStyle::SP_BrowserStop));
    QObject::connect(cancel, &QAction::triggered, window, &MainWindow::cancelRefresh);

    autoRefresh = makeAction(
        window, tr("&Auto-refresh"), {},
        tr("Every interval, check which distros run (wsl -l --running, which wakes nothing) and take a new "
           "snapshot when that changed; chart the process counts"));
    fullEachTime = makeAction(
        window, tr("&Full Snapshot Every Interval"), {},
        tr("Auto-refresh takes a full snapshot every interval. This keeps WSL running: each snapshot runs a "
           "command in every running distro, so neither they (idle after 15 s) nor the WSL VM (idle after "
           "60 s) ever shut down while it is on"));
    fullEachTime->setCheckable(true);
    autoRefresh->setCheckable(true);

    open = makeAction(window, tr("&Open Snapshot…"), QKeySequence::Open, tr("Open a snapshot file"));
    QObject::connect(open, &QAction::triggered, window, &MainWindow::open);
    save = makeAction(window, tr("&Save Snapshot"), QKeySequence::Save, tr("Save the shown snapshot"));
    QObject::connect(save, &QAction::triggered, window, &MainWindow::save);
    saveAs = makeAction(window, tr("Save Snapshot &As…"), QKeySequence::SaveAs,
                        tr("Save the shown snapshot under a new name"));
    QObject::connect(saveAs, &QAction::triggered, window, &MainWindow::saveAs);
    sample = makeAction(window, tr("Open the &Sample"), {},
                        tr("The sample made from the two articles' WSL machines"));
    QObject::connect(sample, &QAction::triggered, window, &MainWindow::openSample);
    exportView = makeAction(window, tr("&Export View…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                            tr("Export the Namespaces or Network view as PNG, SVG or DOT"));
    QObject::connect(exportView, &QAction::triggered, window, &MainWindow::exportCurrentView);
    copyImage = makeAction(window, tr("&Copy View as Image"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                           tr("Copy the Namespaces or Network view to the clipboard"));
    QObject::connect(copyImage, &QAction::triggered, window, &MainWindow::copyImage);
    quit = makeAction(window, tr("&Quit"), QKeySequence::Quit, tr("Quit WSL Atlas"));
    QObject::connect(quit, &QAction::triggered, window, &QWidget::close);

    find = makeAction(window, tr("&Find…"), QKeySequence::Find, tr("Filter the namespace tree"));
    QObject::connect(find, &QAction::triggered, window, [window] {
        if (auto *dock = window->findChild<QDockWidget *>(QStringLiteral("TreeDock")))
            dock->show();
        window->findEdit()->setFocus(Qt::ShortcutFocusReason);
        window->findEdit()->selectAll();
    });

    zoomIn = makeAction(window, tr("Zoom &In"), QKeySequence::ZoomIn, tr("Zoom into the diagram"));
    zoomOut = makeAction(window, tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Zoom out of the diagram"));
    fit = makeAction(window, tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
                     tr("Show the whole diagram"));
    actualSize = makeAction(window, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1),
                            tr("Show the diagram at 100%"));
    showProcesses = makeAction(window, tr("Show &Processes"), QKeySequence(Qt::CTRL | Qt::Key_P),
                               tr("Draw the selected namespace's processes in the graph"));
    showProcesses->setCheckable(true);
    QObject::connect(showProcesses, &QAction::toggled, window, &MainWindow::setShowProcesses);

    about = makeAction(window, tr("&About WSL Atlas"), {}, tr("Versions and credits"));
    QObject::connect(about, &QAction::triggered, window, &MainWindow::showAbout);
    aboutQt = makeAction(window, tr("About &Qt"), {}, tr("The Qt version in use"));
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void WindowActions::addMenus(QMenuBar *bar, QMenu *recentFiles, const QList<QDockWidget *> &docks) const
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(open);
    file->addMenu(recentFiles);
    file->addAction(sample);
    file->addSeparator();
    file->addActions({save, saveAs});
    file->addSeparator();
    file->addActions({exportView, copyImage});
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addAction(find);

    QMenu *view = bar->addMenu(tr("&View"));
    view->addActions({zoomIn, zoomOut, fit, actualSize});
    view->addSeparator();
    view->addAction(showProcesses);
    view->addSeparator();
    for (QDockWidget *dock : docks)
        view->addAction(dock->toggleViewAction());

    QMenu *snapshot = bar->addMenu(tr("&Snapshot"));
    snapshot->addActions({refresh, cancel, autoRefresh, fullEachTime});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addActions({about, aboutQt});
}

} // namespace wslatlas
