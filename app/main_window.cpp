#include "main_window.h"

#include "app_settings.h"
#include "charts_view.h"
#include "collection_progress.h"
#include "details_panel.h"
#include "diagram_export.h"
#include "diagram_view.h"
#include "export_dialog.h"
#include "layout/graph_layout.h"
#include "memory_view.h"
#include "message_bar.h"
#include "model_support.h"
#include "recent_files_menu.h"
#include "source_controls.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace wslatlas {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/wslatlas.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_hub = new SelectionHub(this);
    m_document = new SnapshotDocument(this);
    connect(m_document, &SnapshotDocument::shown, this, &MainWindow::showSnapshot);
    connect(m_document, &SnapshotDocument::titleChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SnapshotDocument::fileOpened, this, &MainWindow::fileOpened);
    connect(m_document, &SnapshotDocument::message, this, &MainWindow::showMessage);
    connect(m_document, &SnapshotDocument::messageCleared, this, &MainWindow::hideMessage);
    connect(m_document, &SnapshotDocument::statusMessage, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    m_collector = new CollectionController(this);
    connect(m_collector, &CollectionController::finished, this, &MainWindow::onCollectionFinished);
    connect(m_collector, &CollectionController::failed, this, &MainWindow::onCollectionFailed);
    connect(m_collector, &CollectionController::canceled, this, &MainWindow::onCollectionCanceled);
    connect(m_collector, &CollectionController::note, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });

    m_actions = std::make_unique<WindowActions>(this);
    createCentral();
    createDocks();
    createToolBar();
    createMenus();
    m_progress = new CollectionProgress(m_collector, statusBar());

    readSettings();
    applyPalette();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

// ---- construction

void MainWindow::createMenus()
{
    m_recentMenu = new RecentFilesMenu(tr("Open &Recent"), this);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, &MainWindow::openFile);
    connect(m_document, &SnapshotDocument::recentFileAdded, m_recentMenu, &RecentFilesMenu::addFile);
    m_actions->addMenus(menuBar(), m_recentMenu, findChildren<QDockWidget *>());
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Snapshot"));
    bar->setObjectName(QStringLiteral("SnapshotToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions->refresh);
    bar->addAction(m_actions->cancel);
    bar->addSeparator();
    m_sourceControls = new SourceControls(m_collector, m_actions->autoRefresh, m_actions->fullEachTime, this);
    connect(m_sourceControls, &SourceControls::refreshWanted, this, &MainWindow::refresh);
    connect(m_sourceControls, &SourceControls::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_sourceControls->addTo(bar);
    bar->addSeparator();
    bar->addAction(m_actions->exportView);
}

void MainWindow::createCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_messageBar = new MessageBar(central);
    layout->addWidget(m_messageBar);
    m_tabs = new QTabWidget(central);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_pidPage = new DiagramPage(DiagramKind::Namespaces, m_hub, m_tabs);
    m_netPage = new DiagramPage(DiagramKind::Network, m_hub, m_tabs);
    for (DiagramPage *page : {m_pidPage, m_netPage})
        page->toolBar()->addActions(
            {m_actions->zoomOut, m_actions->zoomIn, m_actions->fit, m_actions->actualSize});
    m_pidPage->toolBar()->addSeparator();
    m_pidPage->toolBar()->addAction(m_actions->showProcesses);
    connect(m_pidPage, &DiagramPage::showProcessesChanged, this, &MainWindow::setShowProcesses);
    connect(m_pidPage, &DiagramPage::layoutFailed, this, [this](const QString &error) {
        showMessage(tr("The namespace graph could not be laid out: %1").arg(error), true);
    });
    connect(m_netPage, &DiagramPage::layoutFailed, this, [this](const QString &error) {
        showMessage(tr("The network diagram could not be laid out: %1").arg(error), true);
    });
    m_processPage = new ProcessPage(m_hub, m_tabs);
    m_charts = new ChartsView(m_tabs);
    connect(m_charts, &ChartsView::namespaceActivated, m_hub, &SelectionHub::reselect);
    m_memory = new MemoryView(m_tabs);
    connect(m_memory, &MemoryView::namespaceActivated, m_hub, &SelectionHub::reselect);
    connect(m_memory, &MemoryView::processActivated, m_hub, &SelectionHub::reselect);
    m_tabs->addTab(m_pidPage, tr("Namespaces"));
    m_tabs->addTab(m_netPage, tr("Network"));
    m_tabs->addTab(m_processPage, tr("Processes"));
    m_tabs->addTab(m_charts, tr("Charts"));
    m_tabs->addTab(m_memory, tr("Memory"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateActions(); });

    const std::pair<QAction *, void (DiagramView::*)()> zooms[] = {
        {m_actions->zoomIn, &DiagramView::zoomIn},
        {m_actions->zoomOut, &DiagramView::zoomOut},
        {m_actions->fit, &DiagramView::fitAll},
        {m_actions->actualSize, &DiagramView::resetZoom}};
    for (const auto &[action, zoom] : zooms)
        connect(action, &QAction::triggered, this, [this, zoom = zoom] {
            if (DiagramView *view = currentDiagramView())
                (view->*zoom)();
        });
}

void MainWindow::createDocks()
{
    auto *treeDock = new QDockWidget(tr("Namespace Tree"), this);
    treeDock->setObjectName(QStringLiteral("TreeDock"));
    m_treePane = new NamespaceTreePane(m_hub, treeDock);
    treeDock->setWidget(m_treePane);
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);

    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("DetailsDock"));
    m_details = new DetailsPanel(detailsDock);
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    connect(m_details, &DetailsPanel::namespaceActivated, m_hub, &SelectionHub::reselect);
    connect(m_hub, &SelectionHub::currentChanged, m_details, &DetailsPanel::showItem);
    resizeDocks({treeDock, detailsDock}, {480, 340}, Qt::Horizontal);
}

// ---- settings

void MainWindow::readSettings()
{
    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1360, 860);
    restoreState(settings.windowState());
    m_sourceControls->readSettings(settings);
}

void MainWindow::writeSettings() const
{
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    m_sourceControls->writeSettings(settings);
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

void MainWindow::setSnapshot(std::shared_ptr<const Snapshot> snapshot, const QString &title,
                             const QString &filePath)
{
    m_document->setAnalysis(analyze(std::move(snapshot)), title, filePath);
}

void MainWindow::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, const QString &title,
                             const QString &filePath)
{
    m_document->setAnalysis(std::move(analysis), title, filePath);
}

void MainWindow::showSnapshot()
{
    const QString previousSelection = m_hub->current();
    const std::shared_ptr<const SnapshotAnalysis> analysis = m_document->analysis();
    const std::shared_ptr<const Snapshot> snapshot = m_document->snapshot();

    // The hub first: the pages ask it for namespaces while they load.
    m_hub->setAnalysis(analysis);
    m_treePane->setAnalysis(analysis);
    m_processPage->setAnalysis(analysis);
    m_details->setAnalysis(analysis);
    m_charts->setAnalysis(analysis);
    m_memory->setAnalysis(analysis);
    m_pidPage->setAnalysis(analysis, m_keepView);
    m_netPage->setAnalysis(analysis, m_keepView);

    // A refresh keeps what the user looked at when it still exists; every view shows it again.
    if (!previousSelection.isEmpty() && m_treePane->contains(previousSelection))
        m_hub->reselect(previousSelection);
    else if (snapshot && !snapshot->pidNamespaces.empty())
        m_hub->reselect(toQString(snapshot->pidNamespaces.front().id)); // parents come first: a root
    else
        m_hub->reselect(QString());

    int processes = 0, namespaces = 0;
    if (snapshot) {
        processes = static_cast<int>(snapshot->processes.size());
        namespaces = static_cast<int>(snapshot->pidNamespaces.size());
    }
    m_progress->setText(tr("%n pid namespace(s)", nullptr, namespaces) + QStringLiteral(" · ") +
                        tr("%n process(es)", nullptr, processes));
    updateTitle();
    updateActions();
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

void MainWindow::refresh()
{
    if (m_collector->isRunning())
        return;
    const CollectionRequest request = m_sourceControls->request();
    if (request.source == SnapshotSource::PlanFile && request.planFile.isEmpty()) {
        showMessage(tr("Choose a plan file first (Source: Plan file…), or pick another source."), true);
        return;
    }
    m_progress->begin();
    m_collector->start(request);
    setCollecting(true);
}

void MainWindow::cancelRefresh()
{
    if (m_collector->isRunning())
        m_collector->cancel();
}

void MainWindow::setCollecting(bool collecting)
{
    m_progress->setCollecting(collecting);
    updateActions();
    m_actions->cancel->setEnabled(collecting);
}

void MainWindow::onCollectionFinished(std::shared_ptr<const Snapshot> snapshot,
                                      std::shared_ptr<const SnapshotAnalysis> analysis)
{
    if (!analysis || analysis->shared() != snapshot)
        analysis = analyze(std::move(snapshot));
    setCollecting(false);
    m_sourceControls->collectionFinished();
    const QString source = m_sourceControls->sourceText();
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    if (m_actions->autoRefresh->isChecked() && analysis)
        m_charts->addSample(*analysis, QDateTime::currentDateTime());
    m_keepView = true;
    setAnalysis(std::move(analysis), tr("Live: %1 at %2").arg(source, time), QString());
    m_keepView = false;
    if (!m_progress->problems().isEmpty())
        showMessage(tr("Some vantages failed; the snapshot shows what the others saw.\n%1")
                        .arg(m_progress->problems().join(QLatin1Char('\n'))),
                    true);
    else
        hideMessage();
}

void MainWindow::onCollectionFailed(const QString &message)
{
    setCollecting(false);
    showMessage(tr("No snapshot was taken: %1").arg(message), true);
    if (m_document->analysis())
        m_progress->setText(tr("Still showing %1").arg(m_document->title()));
}

void MainWindow::onCollectionCanceled()
{
    setCollecting(false);
    m_progress->setText(tr("Cancelled; the snapshot shown before stays."));
}

// ---- selection

void MainWindow::selectItem(const QString &id)
{
    if (m_document->analysis())
        m_hub->reselect(id); // an explicit request: every view shows it again, also when it is current
}

void MainWindow::setShowProcesses(bool show)
{
    if (m_actions->showProcesses->isChecked() != show)
        m_actions->showProcesses->setChecked(show);
    m_pidPage->setShowProcesses(show);
}

// ---- diagrams

DiagramPage *MainWindow::diagramPage(Tab tab) const
{
    if (tab == NamespacesTab)
        return m_pidPage;
    if (tab == NetworkTab)
        return m_netPage;
    return nullptr;
}

DiagramView *MainWindow::currentDiagramView() const
{
    DiagramPage *page = diagramPage(static_cast<Tab>(m_tabs->currentIndex()));
    return page ? page->view() : nullptr;
}

bool MainWindow::exportView(Tab tab, ExportFormat format, qreal scale, const QString &path, QString *error)
{
    DiagramPage *page = diagramPage(tab);
    if (!page) {
        if (error)
            *error = tr("only the Namespaces and Network views can be exported");
        return false;
    }
    return exportScene(*page->scene(), format, scale, path, error);
}

void MainWindow::exportCurrentView()
{
    const Tab tab = m_tabs->currentIndex() == NetworkTab ? NetworkTab : NamespacesTab;
    const auto choice = ExportDialog::ask(this, tab == NetworkTab ? QStringLiteral("wsl-network")
                                                                  : QStringLiteral("wsl-namespaces"));
    if (!choice)
        return;
    QString error;
    if (!exportView(tab, choice->format, choice->scale, choice->path, &error)) {
        showMessage(tr("Export failed: %1").arg(error), true);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(choice->path)), 5000);
}

void MainWindow::copyImage()
{
    DiagramPage *page = diagramPage(m_tabs->currentIndex() == NetworkTab ? NetworkTab : NamespacesTab);
    const QImage image = DiagramExport::renderImage(*page->scene(), std::max<qreal>(1, devicePixelRatioF()));
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
    m_pidPage->setDark(dark);
    m_netPage->setDark(dark);
    m_charts->setDark(dark);
    m_memory->setDark(dark);
    m_messageBar->setDark(dark);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QMainWindow::changeEvent(event);
}

void MainWindow::showMessage(const QString &text, bool error)
{
    m_messageBar->setDark(isDarkPalette());
    m_messageBar->showMessage(text, error);
}

void MainWindow::hideMessage()
{
    m_messageBar->hideMessage();
}

QString MainWindow::messageText() const
{
    return m_messageBar->text();
}

void MainWindow::updateTitle()
{
    const QString title = m_document->title();
    setWindowTitle(title.isEmpty() ? tr("WSL Atlas") : tr("%1 — WSL Atlas").arg(title));
}

void MainWindow::updateActions()
{
    const bool collecting = m_collector->isRunning();
    const bool graph = m_tabs->currentIndex() == NamespacesTab || m_tabs->currentIndex() == NetworkTab;
    m_actions->refresh->setEnabled(!collecting);
    m_actions->cancel->setEnabled(collecting);
    for (QAction *action : {m_actions->save, m_actions->saveAs, m_actions->exportView, m_actions->copyImage})
        action->setEnabled(m_document->analysis() != nullptr);
    for (QAction *action : {m_actions->zoomIn, m_actions->zoomOut, m_actions->fit, m_actions->actualSize})
        action->setEnabled(graph);
    m_sourceControls->setCollecting(collecting);
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
