#include "main_window.h"

#include "charts_view.h"
#include "details_panel.h"
#include "diagram_export.h"
#include "diagram_scene.h"
#include "diagram_view.h"
#include "layout/graph_layout.h"
#include "model_support.h"
#include "namespace_tree_model.h"
#include "pid_diagram.h"
#include "process_table_model.h"
#include "snapshot.h"
#include "snapshot_filter_proxy.h"
#include "snapshot_json.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wslatlas {

namespace {
// Auto-refresh: a full snapshot keeps the WSL VM (idle timeout 60 s) and the distros (15 s) awake
// (WslCoreConfig.h in microsoft/WSL), so the default interval is no shorter than the VM's timeout.
constexpr int kDefaultIntervalSeconds = 60;
constexpr int kMinimumIntervalSeconds = 10;
} // namespace

namespace {

constexpr int kMaxRecentFiles = 8;
const QString kSampleResource = QStringLiteral(":/samples/article-sample.json");

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

QStringList toQStringList(const std::vector<std::string> &items)
{
    QStringList list;
    list.reserve(static_cast<qsizetype>(items.size()));
    for (const std::string &item : items)
        list.append(toQString(item));
    return list;
}

QAction *makeAction(QObject *parent, const QString &text, const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, parent);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setStatusTip(tip);
    action->setToolTip(shortcut.isEmpty()
                           ? text
                           : MainWindow::tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                           shortcut.toString(QKeySequence::NativeText)));
    return action;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/wslatlas.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_treeModel = new NamespaceTreeModel(this);
    m_treeProxy = new NamespaceFilterProxy(this);
    m_treeProxy->setSourceModel(m_treeModel);
    m_tableModel = new ProcessTableModel(this);
    m_tableProxy = new ProcessFilterProxy(this);
    m_tableProxy->setSourceModel(m_tableModel);

    m_collector = new CollectionController(this);
    connect(m_collector, &CollectionController::started, this, &MainWindow::onCollectionStarted);
    connect(m_collector, &CollectionController::vantageFinished, this, &MainWindow::onVantageFinished);
    connect(m_collector, &CollectionController::finished, this, &MainWindow::onCollectionFinished);
    connect(m_collector, &CollectionController::failed, this, &MainWindow::onCollectionFailed);
    connect(m_collector, &CollectionController::canceled, this, &MainWindow::onCollectionCanceled);
    connect(m_collector, &CollectionController::note, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });

    connect(m_collector, &CollectionController::runningChecked, this, &MainWindow::onRunningChecked);

    m_autoTimer = new QTimer(this);
    connect(m_autoTimer, &QTimer::timeout, this, &MainWindow::onAutoRefreshTick);

    createActions();
    createCentral();
    createDocks();
    createToolBar();
    createMenus();

    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);

    readSettings();
    applyPalette();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

// ---- construction

void MainWindow::createActions()
{
    m_refreshAction = makeAction(this, tr("&Refresh"), QKeySequence(Qt::CTRL | Qt::Key_R),
                                 tr("Take a new snapshot from the chosen source"));
    m_refreshAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_cancelAction = makeAction(this, tr("&Cancel"), QKeySequence(Qt::Key_Escape),
                                tr("Stop collecting; the shown snapshot stays"));
    m_cancelAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRefresh);

    m_autoRefreshAction = makeAction(
        this, tr("&Auto-refresh"), {},
        tr("Every interval, check which distros run (wsl -l --running, which wakes nothing) and take a new "
           "snapshot when that changed; chart the process counts"));
    m_fullEachTimeAction = makeAction(
        this, tr("&Full Snapshot Every Interval"), {},
        tr("Auto-refresh takes a full snapshot every interval. This keeps WSL running: each snapshot runs a "
           "command in every running distro, so neither they (idle after 15 s) nor the WSL VM (idle after "
           "60 s) ever shut down while it is on"));
    m_fullEachTimeAction->setCheckable(true);
    m_autoRefreshAction->setCheckable(true);
    connect(m_autoRefreshAction, &QAction::toggled, this, [this](bool on) {
        if (on) {
            m_autoTimer->start(m_intervalBox->value() * 1000);
            statusBar()->showMessage(
                m_fullEachTimeAction->isChecked()
                    ? tr("Auto-refresh takes a full snapshot every %1 s, which keeps WSL running.")
                          .arg(m_intervalBox->value())
                    : tr("Auto-refresh checks every %1 s which distros run, and takes a full snapshot only "
                         "when that changes (a full snapshot keeps WSL running for a while).")
                          .arg(m_intervalBox->value()),
                10000);
            if (!m_collector->isRunning())
                refresh();
        } else {
            m_autoTimer->stop();
        }
    });

    m_openAction = makeAction(this, tr("&Open Snapshot…"), QKeySequence::Open, tr("Open a snapshot file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    m_saveAction = makeAction(this, tr("&Save Snapshot"), QKeySequence::Save, tr("Save the shown snapshot"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAction = makeAction(this, tr("Save Snapshot &As…"), QKeySequence::SaveAs,
                                tr("Save the shown snapshot under a new name"));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    m_sampleAction = makeAction(this, tr("Open the &Sample"), {},
                                tr("The sample made from the two articles' WSL machines"));
    connect(m_sampleAction, &QAction::triggered, this, &MainWindow::openSample);
    m_exportAction = makeAction(this, tr("&Export View…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                tr("Export the Namespaces or Network view as PNG, SVG or DOT"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportCurrentView);
    m_copyImageAction =
        makeAction(this, tr("&Copy View as Image"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                   tr("Copy the Namespaces or Network view to the clipboard"));
    connect(m_copyImageAction, &QAction::triggered, this, &MainWindow::copyImage);
    m_quitAction = makeAction(this, tr("&Quit"), QKeySequence::Quit, tr("Quit WSL Atlas"));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = makeAction(this, tr("&Find…"), QKeySequence::Find, tr("Filter the namespace tree"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("TreeDock")))
            dock->show();
        m_findEdit->setFocus(Qt::ShortcutFocusReason);
        m_findEdit->selectAll();
    });

    m_zoomInAction = makeAction(this, tr("Zoom &In"), QKeySequence::ZoomIn, tr("Zoom into the diagram"));
    m_zoomOutAction = makeAction(this, tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Zoom out of the diagram"));
    m_fitAction = makeAction(this, tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
                             tr("Show the whole diagram"));
    m_actualSizeAction = makeAction(this, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1),
                                    tr("Show the diagram at 100%"));
    m_showProcessesAction = makeAction(this, tr("Show &Processes"), QKeySequence(Qt::CTRL | Qt::Key_P),
                                       tr("Draw the selected namespace's processes in the graph"));
    m_showProcessesAction->setCheckable(true);
    connect(m_showProcessesAction, &QAction::toggled, this, &MainWindow::setShowProcesses);

    m_aboutAction = makeAction(this, tr("&About WSL Atlas"), {}, tr("Versions and credits"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = makeAction(this, tr("About &Qt"), {}, tr("The Qt version in use"));
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_sampleAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_copyImageAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_fitAction);
    m_viewMenu->addAction(m_actualSizeAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_showProcessesAction);
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *snapshot = menuBar()->addMenu(tr("&Snapshot"));
    snapshot->addAction(m_refreshAction);
    snapshot->addAction(m_cancelAction);
    snapshot->addAction(m_autoRefreshAction);
    snapshot->addAction(m_fullEachTimeAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
    rebuildRecentMenu();
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Snapshot"));
    bar->setObjectName(QStringLiteral("SnapshotToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_refreshAction);
    bar->addAction(m_cancelAction);
    bar->addSeparator();

    auto *sourceLabel = new QLabel(tr("Source:"), bar);
    m_sourceBox = new QComboBox(bar);
    m_sourceBox->setObjectName(QStringLiteral("SourceBox"));
    m_sourceBox->addItem(tr("Automatic"), static_cast<int>(SnapshotSource::Automatic));
    m_sourceBox->addItem(tr("WSL"), static_cast<int>(SnapshotSource::Wsl));
    m_sourceBox->addItem(tr("This Linux host"), static_cast<int>(SnapshotSource::LocalHost));
    m_sourceBox->addItem(tr("Plan file…"), static_cast<int>(SnapshotSource::PlanFile));
    m_sourceBox->setToolTip(tr("Where snapshots come from: WSL when wsl.exe is reachable, this Linux host, "
                               "or a plan file written by wslatlas-cli plan"));
    if (!CollectionController::wslAvailable()) {
        // Disabled rather than hidden, so that people see the program can do it elsewhere.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_sourceBox->model())) {
            if (QStandardItem *item = model->item(1)) {
                item->setEnabled(false);
                item->setToolTip(tr("wsl.exe is not reachable from here"));
            }
        }
    }
    sourceLabel->setBuddy(m_sourceBox);
    connect(m_sourceBox, &QComboBox::activated, this, &MainWindow::onSourceChanged);
    bar->addWidget(sourceLabel);
    bar->addWidget(m_sourceBox);

    m_vmRootBox = new QCheckBox(tr("Include the VM root"), bar);
    m_vmRootBox->setToolTip(tr("Also look from the utility VM's root (wsl --debug-shell); needs WSL Atlas "
                               "to run as administrator"));
    bar->addWidget(m_vmRootBox);
    bar->addSeparator();

    bar->addAction(m_autoRefreshAction);
    m_intervalBox = new QSpinBox(bar);
    m_intervalBox->setObjectName(QStringLiteral("IntervalBox"));
    m_intervalBox->setRange(kMinimumIntervalSeconds, 3600);
    m_intervalBox->setValue(kDefaultIntervalSeconds);
    m_intervalBox->setSuffix(tr(" s"));
    m_intervalBox->setToolTip(tr("Auto-refresh interval. A full snapshot keeps WSL running: the VM shuts "
                                 "down only after 60 s without one"));
    connect(m_intervalBox, &QSpinBox::valueChanged, this, [this](int seconds) {
        if (m_autoTimer->isActive())
            m_autoTimer->start(seconds * 1000);
    });
    bar->addWidget(m_intervalBox);
    bar->addAction(m_fullEachTimeAction);
    bar->addSeparator();
    bar->addAction(m_exportAction);
}

void MainWindow::createCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Failures and notes stay visible without stopping the user (non-modal).
    m_messageBar = new QFrame(central);
    m_messageBar->setObjectName(QStringLiteral("MessageBar"));
    m_messageBar->setFrameShape(QFrame::StyledPanel);
    auto *barLayout = new QHBoxLayout(m_messageBar);
    barLayout->setContentsMargins(10, 6, 6, 6);
    m_messageLabel = new QLabel(m_messageBar);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setTextFormat(Qt::PlainText);
    auto *close = new QToolButton(m_messageBar);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &MainWindow::hideMessage);
    barLayout->addWidget(m_messageLabel, 1);
    barLayout->addWidget(close, 0, Qt::AlignTop);
    m_messageBar->hide();
    layout->addWidget(m_messageBar);

    m_tabs = new QTabWidget(central);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto graphPage = [this](DiagramScene *&scene, DiagramView *&view, bool withProcesses) {
        auto *page = new QWidget(m_tabs);
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 0, 0, 0);
        pageLayout->setSpacing(0);
        auto *tools = new QToolBar(page);
        tools->setIconSize(QSize(16, 16));
        tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
        tools->addAction(m_zoomOutAction);
        tools->addAction(m_zoomInAction);
        tools->addAction(m_fitAction);
        tools->addAction(m_actualSizeAction);
        if (withProcesses) {
            tools->addSeparator();
            tools->addAction(m_showProcessesAction);
        }
        scene = new DiagramScene(page);
        view = new DiagramView(scene, page);
        pageLayout->addWidget(tools);
        pageLayout->addWidget(view, 1);
        return page;
    };
    m_tabs->addTab(graphPage(m_pidScene, m_pidView, true), tr("Namespaces"));
    m_tabs->addTab(graphPage(m_netScene, m_netView, false), tr("Network"));

    auto *processPage = new QWidget(m_tabs);
    auto *processLayout = new QVBoxLayout(processPage);
    processLayout->setContentsMargins(6, 6, 6, 6);
    m_tableFilter = new QLineEdit(processPage);
    m_tableFilter->setPlaceholderText(tr("Filter processes by name, command line, distro, pid or inode"));
    m_tableFilter->setClearButtonEnabled(true);
    connect(m_tableFilter, &QLineEdit::textChanged, m_tableProxy, &SnapshotFilterProxy::setFilterText);
    m_table = new QTableView(processPage);
    m_table->setModel(m_tableProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProcessTableModel::FirstLevelColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMouseTracking(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setWordWrap(false);
    processLayout->addWidget(m_tableFilter);
    processLayout->addWidget(m_table, 1);
    m_tabs->addTab(processPage, tr("Processes"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onTableCurrentChanged(current); });
    connect(m_table, &QAbstractItemView::entered, this,
            [this](const QModelIndex &index) { highlightPathTo(index.data(ItemRoles::IdRole).toString()); });

    m_charts = new ChartsView(m_tabs);
    m_tabs->addTab(m_charts, tr("Charts"));
    connect(m_charts, &ChartsView::namespaceActivated, this, &MainWindow::selectItem);

    for (DiagramScene *scene : {m_pidScene, m_netScene}) {
        connect(scene, &DiagramScene::nodeClicked, this, [this](const QString &id) {
            if (!id.isEmpty())
                selectItem(id);
        });
        connect(scene, &DiagramScene::nodeHovered, this, &MainWindow::highlightPathTo);
    }
    connect(m_pidScene, &DiagramScene::nodeDoubleClicked, this, &MainWindow::onGraphActivated);

    auto currentView = [this]() -> DiagramView * {
        if (m_tabs->currentIndex() == NetworkTab)
            return m_netView;
        return m_tabs->currentIndex() == NamespacesTab ? m_pidView : nullptr;
    };
    connect(m_zoomInAction, &QAction::triggered, this, [currentView] {
        if (DiagramView *view = currentView())
            view->zoomIn();
    });
    connect(m_zoomOutAction, &QAction::triggered, this, [currentView] {
        if (DiagramView *view = currentView())
            view->zoomOut();
    });
    connect(m_fitAction, &QAction::triggered, this, [currentView] {
        if (DiagramView *view = currentView())
            view->fitAll();
    });
    connect(m_actualSizeAction, &QAction::triggered, this, [currentView] {
        if (DiagramView *view = currentView())
            view->resetZoom();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateActions(); });
}

void MainWindow::createDocks()
{
    auto *treeDock = new QDockWidget(tr("Namespace Tree"), this);
    treeDock->setObjectName(QStringLiteral("TreeDock"));
    auto *treePage = new QWidget(treeDock);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(4, 4, 4, 4);
    m_findEdit = new QLineEdit(treePage);
    m_findEdit->setObjectName(QStringLiteral("FindEdit"));
    m_findEdit->setPlaceholderText(tr("Find (Ctrl+F): name, label, inode, pid"));
    m_findEdit->setClearButtonEnabled(true);
    m_tree = new QTreeView(treePage);
    m_tree->setModel(m_treeProxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder); // the snapshot's order until the user sorts
    m_tree->setMouseTracking(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NamespaceTreeModel::NameColumn, QHeaderView::Stretch);
    for (int column : {NamespaceTreeModel::InodeColumn, NamespaceTreeModel::RoleColumn,
                       NamespaceTreeModel::ProcessesColumn})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    treeLayout->addWidget(m_findEdit);
    treeLayout->addWidget(m_tree, 1);
    treeDock->setWidget(treePage);
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);

    connect(m_findEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterText(text);
        // Matches are shown with their ancestors opened, so that each keeps its context.
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
        else
            m_tree->expandToDepth(2);
        if (!m_selectedId.isEmpty()) {
            const QModelIndex index = m_treeProxy->mapFromSource(m_treeModel->indexForId(m_selectedId));
            if (index.isValid())
                m_tree->scrollTo(index);
        }
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onTreeCurrentChanged(current); });
    connect(m_tree, &QAbstractItemView::entered, this,
            [this](const QModelIndex &index) { highlightPathTo(index.data(ItemRoles::IdRole).toString()); });

    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("DetailsDock"));
    m_details = new DetailsPanel(detailsDock);
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    connect(m_details, &DetailsPanel::namespaceActivated, this, &MainWindow::selectItem);
    resizeDocks({treeDock, detailsDock}, {480, 340}, Qt::Horizontal);
}

// ---- settings

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(settingsKey("window/geometry")).toByteArray()))
        resize(1360, 860);
    restoreState(settings.value(settingsKey("window/state")).toByteArray());
    const int source =
        settings.value(settingsKey("source/kind"), static_cast<int>(SnapshotSource::Automatic)).toInt();
    const int sourceIndex = m_sourceBox->findData(source);
    m_sourceBox->setCurrentIndex(sourceIndex >= 0 ? sourceIndex : 0);
    m_planFile = settings.value(settingsKey("source/planFile")).toString();
    m_vmRootBox->setChecked(settings.value(settingsKey("source/includeVmRoot"), false).toBool());
    m_intervalBox->setValue(
        settings.value(settingsKey("refresh/intervalSeconds"), kDefaultIntervalSeconds).toInt());
    m_fullEachTimeAction->setChecked(settings.value(settingsKey("refresh/fullEachTime"), false).toBool());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(settingsKey("window/geometry"), saveGeometry());
    settings.setValue(settingsKey("window/state"), saveState());
    settings.setValue(settingsKey("source/kind"), m_sourceBox->currentData().toInt());
    settings.setValue(settingsKey("source/planFile"), m_planFile);
    settings.setValue(settingsKey("source/includeVmRoot"), m_vmRootBox->isChecked());
    settings.setValue(settingsKey("refresh/intervalSeconds"), m_intervalBox->value());
    settings.setValue(settingsKey("refresh/fullEachTime"), m_fullEachTimeAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    if (m_collector->isRunning())
        m_collector->cancel();
    event->accept();
}

// ---- snapshots in and out

void MainWindow::startDefault()
{
    if (CollectionController::wslAvailable()) {
        refresh();
        return;
    }
    openSample();
}

void MainWindow::openFile(const QString &path)
{
    // Read and analysed on a pool thread; only the newest open is shown, whatever order they end in.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const quint64 generation = ++m_openGeneration;
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(absolute)));
    auto *watcher = new QFutureWatcher<OpenedFile>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, absolute, generation] {
        watcher->deleteLater();
        if (generation == m_openGeneration)
            showOpenedFile(absolute, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([absolute] {
        OpenedFile opened;
        auto snapshot = std::make_shared<Snapshot>();
        if (loadSnapshotFile(absolute.toStdString(), *snapshot, opened.error))
            opened.analysis = analyze(std::move(snapshot));
        return opened;
    }));
}

void MainWindow::showOpenedFile(const QString &path, const OpenedFile &opened)
{
    statusBar()->clearMessage();
    if (!opened.analysis) {
        showMessage(tr("Could not open %1: %2. The snapshot shown before is still shown.")
                        .arg(QDir::toNativeSeparators(path), toQString(opened.error)),
                    true);
        emit fileOpened(path, false);
        return;
    }
    hideMessage();
    setAnalysis(opened.analysis, QFileInfo(path).fileName(), path);
    addRecentFile(path);
    emit fileOpened(path, true);
}

bool MainWindow::openSample()
{
    ++m_openGeneration; // a file still being read is no longer wanted
    QFile file(kSampleResource);
    auto snapshot = std::make_shared<Snapshot>();
    std::string error;
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("The bundled sample is missing from this build."), true);
        return false;
    }
    const QByteArray data = file.readAll();
    if (!snapshotFromJson(std::string_view(data.constData(), static_cast<std::size_t>(data.size())),
                          *snapshot, error)) {
        showMessage(tr("The bundled sample could not be read: %1").arg(toQString(error)), true);
        return false;
    }
    setSnapshot(std::move(snapshot), tr("Sample: the articles' WSL machines"), QString());
    showMessage(tr("This is a sample made from two articles' command outputs, not your machine. Choose a "
                   "source and press Refresh (Ctrl+R), or open a snapshot (Ctrl+O)."),
                false);
    return true;
}

void MainWindow::setSnapshot(std::shared_ptr<const Snapshot> snapshot, const QString &title,
                             const QString &filePath)
{
    setAnalysis(analyze(std::move(snapshot)), title, filePath);
}

void MainWindow::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, const QString &title,
                             const QString &filePath)
{
    const QString previousSelection = m_selectedId;
    m_analysis = std::move(analysis);
    m_snapshot = m_analysis ? m_analysis->shared() : nullptr;
    m_title = title;
    m_filePath = filePath;

    m_treeModel->setAnalysis(m_analysis);
    m_tableModel->setAnalysis(m_analysis);
    m_details->setAnalysis(m_analysis);
    m_charts->setAnalysis(m_analysis);
    m_tree->expandToDepth(2);
    for (int column = 0; column < m_tableModel->columnCount(); ++column)
        if (column != ProcessTableModel::CommandLineColumn)
            m_table->resizeColumnToContents(column);
    m_table->setColumnWidth(ProcessTableModel::CommandLineColumn, 300);

    if (!m_expandedNamespace.isEmpty() &&
        (!m_snapshot || !m_snapshot->findNamespace(m_expandedNamespace.toStdString())))
        m_expandedNamespace.clear();
    rebuildNamespaceDiagram();
    rebuildNetworkDiagram();
    // An opened file is shown whole; a refresh keeps the user's zoom (fitted views stay fitted).
    if (!m_keepView) {
        m_pidView->fitAll();
        m_netView->fitAll();
    }

    m_selectedId.clear();
    // A refresh keeps what the user looked at when it still exists.
    if (!previousSelection.isEmpty() && m_treeModel->indexForId(previousSelection).isValid())
        selectItem(previousSelection);
    else if (m_snapshot && !m_snapshot->pidNamespaces.empty())
        selectItem(toQString(m_snapshot->pidNamespaces.front().id)); // parents come first: a root
    else
        m_details->showItem(QString());

    int processes = 0, namespaces = 0;
    if (m_snapshot) {
        processes = static_cast<int>(m_snapshot->processes.size());
        namespaces = static_cast<int>(m_snapshot->pidNamespaces.size());
    }
    m_statusLabel->setText(tr("%n pid namespace(s)", nullptr, namespaces) + QStringLiteral(" · ") +
                           tr("%n process(es)", nullptr, processes));
    updateTitle();
    updateActions();
}

void MainWindow::open()
{
    QSettings settings;
    const QString dir = settings.value(settingsKey("files/lastDir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Snapshot"), dir,
                                                      tr("WSL Atlas snapshots (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(settingsKey("files/lastDir"), QFileInfo(path).absolutePath());
    openFile(path);
}

bool MainWindow::save()
{
    if (m_filePath.isEmpty())
        return saveAs();
    std::string error;
    if (!m_snapshot || !saveSnapshotFile(m_filePath.toStdString(), *m_snapshot, error)) {
        showMessage(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(m_filePath), toQString(error)),
                    true);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    if (!m_snapshot)
        return false;
    QSettings settings;
    const QString dir = settings.value(settingsKey("files/lastDir")).toString();
    const QString suggested = QDir(dir).filePath(
        QStringLiteral("wsl-snapshot-%1.json")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Snapshot"), suggested,
                                                tr("WSL Atlas snapshots (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    settings.setValue(settingsKey("files/lastDir"), QFileInfo(path).absolutePath());
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_title = QFileInfo(path).fileName();
    if (!save())
        return false;
    addRecentFile(m_filePath);
    updateTitle();
    return true;
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(settingsKey("files/recent")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(settingsKey("files/recent"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = QSettings().value(settingsKey("files/recent")).toStringList();
    int number = 1;
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(number++).arg(QFileInfo(path).fileName()),
                                                  this, [this, path] { openFile(path); });
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear the List"), this, [this] {
        QSettings().remove(settingsKey("files/recent"));
        rebuildRecentMenu();
    });
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.constFirst().toLocalFile());
}

// ---- collection

void MainWindow::onSourceChanged(int index)
{
    if (m_sourceBox->itemData(index).toInt() != static_cast<int>(SnapshotSource::PlanFile))
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Plan File"), m_planFile,
                                                      tr("Vantage plans (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_planFile = path;
    if (m_planFile.isEmpty())
        m_sourceBox->setCurrentIndex(0);
}

void MainWindow::refresh()
{
    if (m_collector->isRunning())
        return;
    CollectionRequest request;
    request.source = static_cast<SnapshotSource>(m_sourceBox->currentData().toInt());
    request.planFile = m_planFile;
    request.includeVmRoot = m_vmRootBox->isChecked();
    if (request.source == SnapshotSource::PlanFile && m_planFile.isEmpty()) {
        showMessage(tr("Choose a plan file first (Source: Plan file…), or pick another source."), true);
        return;
    }
    m_collectProblems.clear();
    m_collector->start(request);
    setCollecting(true);
    m_statusLabel->setText(tr("Finding vantages…"));
}

void MainWindow::cancelRefresh()
{
    if (m_collector->isRunning())
        m_collector->cancel();
}

void MainWindow::setCollecting(bool collecting)
{
    m_progress->setVisible(collecting);
    if (collecting) {
        m_progress->setRange(0, 0); // busy until the plan is known
        m_progress->setFormat(QString());
    }
    updateActions();
    m_cancelAction->setEnabled(collecting);
}

void MainWindow::onCollectionStarted(int vantages, int captures)
{
    m_progress->setRange(0, std::max(1, vantages));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m vantages"));
    m_statusLabel->setText(captures > 0
                               ? tr("Collecting: %1 vantages, %2 host commands…").arg(vantages).arg(captures)
                               : tr("Collecting: %1 vantages…").arg(vantages));
}

void MainWindow::onVantageFinished(const QString &name, bool ok, const QString &message, int done, int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_statusLabel->setText(ok ? tr("%1 done (%2 of %3)").arg(name).arg(done).arg(total)
                              : tr("%1 failed (%2 of %3)").arg(name).arg(done).arg(total));
    if (!ok)
        m_collectProblems.append(tr("%1: %2").arg(name, message));
}

void MainWindow::onAutoRefreshTick()
{
    if (m_collector->isRunning())
        return;
    const auto source = static_cast<SnapshotSource>(m_sourceBox->currentData().toInt());
    const bool wsl = source == SnapshotSource::Wsl ||
                     (source == SnapshotSource::Automatic && CollectionController::wslAvailable());
    if (!wsl || m_fullEachTimeAction->isChecked())
        refresh(); // nothing to keep awake, or the user asked for full snapshots
    else
        m_collector->checkRunning(); // onRunningChecked refreshes when the running distros changed
}

void MainWindow::onRunningChecked(const QStringList &names, bool ok)
{
    if (!ok)
        return;
    if (std::exchange(m_baselinePending, false)) {
        m_runningAtRefresh = names;
        return;
    }
    if (names != m_runningAtRefresh && m_autoRefreshAction->isChecked())
        refresh();
}

void MainWindow::onCollectionFinished(std::shared_ptr<const Snapshot> snapshot,
                                      std::shared_ptr<const SnapshotAnalysis> analysis)
{
    if (!analysis || analysis->shared() != snapshot)
        analysis = analyze(std::move(snapshot));
    setCollecting(false);
    // What runs now is the baseline the light checks compare with (a full refresh changes nothing there).
    if (m_autoRefreshAction->isChecked()) {
        m_baselinePending = true;
        m_collector->checkRunning();
    }
    const QString source = m_sourceBox->currentText();
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    if (m_autoRefreshAction->isChecked() && analysis)
        m_charts->addSample(*analysis, QDateTime::currentDateTime());
    m_keepView = true;
    setAnalysis(std::move(analysis), tr("Live: %1 at %2").arg(source, time), QString());
    m_keepView = false;
    if (!m_collectProblems.isEmpty())
        showMessage(tr("Some vantages failed; the snapshot shows what the others saw.\n%1")
                        .arg(m_collectProblems.join(QLatin1Char('\n'))),
                    true);
    else
        hideMessage();
}

void MainWindow::onCollectionFailed(const QString &message)
{
    setCollecting(false);
    showMessage(tr("No snapshot was taken: %1").arg(message), true);
    if (m_snapshot)
        m_statusLabel->setText(tr("Still showing %1").arg(m_title));
}

void MainWindow::onCollectionCanceled()
{
    setCollecting(false);
    m_statusLabel->setText(tr("Cancelled; the snapshot shown before stays."));
}

// ---- selection and hover

QString MainWindow::namespaceOf(const QString &id) const
{
    if (!m_analysis)
        return {};
    const ItemId item = m_analysis->find(id.toStdString());
    const int ns = item.isProcess()     ? m_analysis->namespaceOf(item.index)
                   : item.isNamespace() ? item.index
                                        : -1;
    return ns >= 0 ? toQString(m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(ns)].id)
                   : QString();
}

QString MainWindow::expandedNamespace() const
{
    return m_showProcesses ? m_expandedNamespace : QString();
}

void MainWindow::selectItem(const QString &id)
{
    if (m_syncing || !m_snapshot)
        return;
    m_syncing = true;
    m_selectedId = id;
    const QString ns = namespaceOf(id);

    // The tree: open the path down to the row and make it current.
    const QModelIndex treeIndex = m_treeProxy->mapFromSource(m_treeModel->indexForId(id));
    if (treeIndex.isValid()) {
        for (QModelIndex up = treeIndex.parent(); up.isValid(); up = up.parent())
            m_tree->expand(up);
        m_tree->setCurrentIndex(treeIndex);
        m_tree->scrollTo(treeIndex);
    } else {
        m_tree->selectionModel()->clearSelection();
    }

    // The table: the process's row, or nothing for a namespace.
    const QModelIndex tableIndex = m_tableProxy->mapFromSource(m_tableModel->indexForId(id));
    if (tableIndex.isValid()) {
        m_table->setCurrentIndex(tableIndex);
        m_table->scrollTo(tableIndex);
    } else {
        m_table->selectionModel()->clearSelection();
    }

    // The graph: with "Show processes" on, the selection's namespace is the one drawn open.
    if (m_showProcesses && !ns.isEmpty() && ns != m_expandedNamespace) {
        m_expandedNamespace = ns;
        rebuildNamespaceDiagram();
    }
    m_pidScene->setSelectedNode(m_pidScene->nodeItem(id) ? id : ns);
    m_netScene->setSelectedNode(m_netScene->nodeItem(id) ? id : QString());
    if (m_tabs->currentIndex() == NamespacesTab) {
        const QRectF rect = m_pidScene->nodeRect(m_pidScene->selectedNode());
        if (!rect.isNull())
            m_pidView->ensureVisible(rect, 40, 40);
    }

    m_details->showItem(id);
    m_syncing = false;
}

void MainWindow::onTreeCurrentChanged(const QModelIndex &current)
{
    if (m_syncing || !current.isValid())
        return;
    selectItem(current.data(ItemRoles::IdRole).toString());
}

void MainWindow::onTableCurrentChanged(const QModelIndex &current)
{
    if (m_syncing || !current.isValid())
        return;
    selectItem(current.data(ItemRoles::IdRole).toString());
}

void MainWindow::onGraphActivated(const QString &id)
{
    // Double-click descends: the namespace opens to show its processes.
    const QString ns = namespaceOf(id);
    if (ns.isEmpty())
        return;
    m_expandedNamespace = ns;
    if (!m_showProcesses)
        m_showProcessesAction->setChecked(true); // rebuilds through setShowProcesses
    else
        rebuildNamespaceDiagram();
    selectItem(id);
}

void MainWindow::setShowProcesses(bool show)
{
    if (m_showProcessesAction->isChecked() != show)
        m_showProcessesAction->setChecked(show);
    if (m_showProcesses == show)
        return;
    m_showProcesses = show;
    if (show && m_expandedNamespace.isEmpty())
        m_expandedNamespace = namespaceOf(m_selectedId);
    rebuildNamespaceDiagram();
    if (!m_selectedId.isEmpty())
        m_pidScene->setSelectedNode(m_pidScene->nodeItem(m_selectedId) ? m_selectedId
                                                                       : namespaceOf(m_selectedId));
}

void MainWindow::highlightPathTo(const QString &id)
{
    if (!m_snapshot || id.isEmpty()) {
        m_pidScene->clearHighlight();
        return;
    }
    const std::vector<std::string> path = diagramPathTo(*m_analysis, id.toStdString());
    if (path.empty())
        m_pidScene->clearHighlight();
    else
        m_pidScene->setHighlightedPath(toQStringList(path));
}

// ---- diagrams

void MainWindow::rebuildNamespaceDiagram()
{
    if (!m_snapshot) {
        m_pidScene->setDiagram({});
        return;
    }
    if (!m_pidScene->setDiagram(
            diagramFor(*m_analysis, DiagramKind::Namespaces, expandedNamespace().toStdString())))
        showMessage(tr("The namespace graph could not be laid out: %1").arg(m_pidScene->errorString()), true);
}

void MainWindow::rebuildNetworkDiagram()
{
    if (!m_snapshot) {
        m_netScene->setDiagram({});
        return;
    }
    if (!m_netScene->setDiagram(diagramFor(*m_analysis, DiagramKind::Network)))
        showMessage(tr("The network diagram could not be laid out: %1").arg(m_netScene->errorString()), true);
}

DiagramScene *MainWindow::sceneFor(Tab tab) const
{
    if (tab == NamespacesTab)
        return m_pidScene;
    if (tab == NetworkTab)
        return m_netScene;
    return nullptr;
}

bool MainWindow::exportView(Tab tab, ExportFormat format, qreal scale, const QString &path, QString *error)
{
    DiagramScene *scene = sceneFor(tab);
    if (!scene) {
        if (error)
            *error = tr("only the Namespaces and Network views can be exported");
        return false;
    }
    return exportScene(*scene, format, scale, path, error);
}

void MainWindow::exportCurrentView()
{
    const Tab tab = m_tabs->currentIndex() == NetworkTab ? NetworkTab : NamespacesTab;
    QSettings settings;
    const QString dir = settings.value(settingsKey("files/exportDir")).toString();
    const QString base = tab == NetworkTab ? QStringLiteral("wsl-network") : QStringLiteral("wsl-namespaces");
    const QString png = tr("PNG image (*.png)");
    const QString png2 = tr("PNG image, 2× for high-DPI screens (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    const QString dot = tr("Graphviz DOT (*.dot *.gv)");
    QString filter = settings.value(settingsKey("files/exportFilter"), png).toString();
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export View"), QDir(dir).filePath(base),
                                     QStringList{png, png2, svg, dot}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    ExportFormat format = ExportFormat::Png;
    qreal scale = 1;
    QString suffix = QStringLiteral("png");
    if (filter == png2) {
        scale = 2;
    } else if (filter == svg) {
        format = ExportFormat::Svg;
        suffix = QStringLiteral("svg");
    } else if (filter == dot) {
        format = ExportFormat::Dot;
        suffix = QStringLiteral("dot");
    }
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    settings.setValue(settingsKey("files/exportDir"), QFileInfo(path).absolutePath());
    settings.setValue(settingsKey("files/exportFilter"), filter);
    QString error;
    if (!exportView(tab, format, scale, path, &error)) {
        showMessage(tr("Export failed: %1").arg(error), true);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::copyImage()
{
    DiagramScene *scene = sceneFor(m_tabs->currentIndex() == NetworkTab ? NetworkTab : NamespacesTab);
    const QImage image = DiagramExport::renderImage(*scene, std::max<qreal>(1, devicePixelRatioF()));
    QGuiApplication::clipboard()->setImage(image);
    statusBar()->showMessage(
        tr("Copied the view as an image (%1 × %2)").arg(image.width()).arg(image.height()), 4000);
}

// ---- look

bool MainWindow::isDarkPalette() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

void MainWindow::applyPalette()
{
    const bool dark = isDarkPalette();
    m_pidScene->setDark(dark);
    m_netScene->setDark(dark);
    m_charts->setDark(dark);
    const QColor error = dark ? QColor(0x5c, 0x1a, 0x16) : QColor(0xfd, 0xe0, 0xdd);
    const QColor info = dark ? QColor(0x17, 0x30, 0x49) : QColor(0xe4, 0xf0, 0xfb);
    const bool isError = m_messageBar->property("error").toBool();
    QPalette barPalette = m_messageBar->palette();
    barPalette.setColor(QPalette::Window, isError ? error : info);
    m_messageBar->setPalette(barPalette);
    m_messageBar->setAutoFillBackground(true);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QMainWindow::changeEvent(event);
}

void MainWindow::showMessage(const QString &text, bool error)
{
    m_messageLabel->setText(text);
    m_messageBar->setProperty("error", error);
    applyPalette();
    m_messageBar->show();
}

void MainWindow::hideMessage()
{
    m_messageLabel->clear();
    m_messageBar->hide();
}

QString MainWindow::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageLabel->text();
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_title.isEmpty() ? tr("WSL Atlas") : tr("%1 — WSL Atlas").arg(m_title));
}

void MainWindow::updateActions()
{
    const bool collecting = m_collector->isRunning();
    const bool graph = m_tabs->currentIndex() == NamespacesTab || m_tabs->currentIndex() == NetworkTab;
    m_refreshAction->setEnabled(!collecting);
    m_cancelAction->setEnabled(collecting);
    m_saveAction->setEnabled(m_snapshot != nullptr);
    m_saveAsAction->setEnabled(m_snapshot != nullptr);
    m_exportAction->setEnabled(m_snapshot != nullptr);
    m_copyImageAction->setEnabled(m_snapshot != nullptr);
    for (QAction *action : {m_zoomInAction, m_zoomOutAction, m_fitAction, m_actualSizeAction})
        action->setEnabled(graph);
    m_sourceBox->setEnabled(!collecting);
    m_vmRootBox->setEnabled(!collecting);
}

// ---- about

QString MainWindow::aboutText()
{
    const std::string graphviz = layout::graphvizVersion();
    return tr("<h3>WSL Atlas %1</h3>"
              "<p>Shows how WSL 2 is built: the pid namespaces inside the utility VM, every process's NSpid "
              "chain, and the network around the VM.</p>"
              "<p>Qt %2 (built with %3)<br/>Graphviz %4</p>")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR),
             graphviz.empty() ? tr("(version unknown)") : toQString(graphviz));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About WSL Atlas"), aboutText());
}

} // namespace wslatlas
