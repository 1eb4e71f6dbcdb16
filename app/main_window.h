#pragma once
// The desktop program's window: the namespace tree (dock), the Namespaces / Network / Processes / Charts /
// Memory tabs, the details panel (dock), sources and refresh, files, export. It wires parts together: every
// view follows one SelectionHub (ui/widgets), the pages are their own widgets, the snapshot source and
// auto-refresh are SourceControls, what is remembered is AppSettings; what each shows is decided in ui/.
#include "collection_controller.h"
#include "diagram_page.h"
#include "namespace_tree_pane.h"
#include "process_page.h"
#include "selection_hub.h"
#include "snapshot_document.h"
#include "view_export.h"
#include "window_actions.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTabWidget;
class QTableView;
class QTreeView;

namespace wslatlas {

struct Snapshot;
class ChartsView;
class MemoryView;
class CollectionProgress;
class DetailsPanel;
class DiagramPage;
class DiagramScene;
class DiagramView;
class MessageBar;
class NamespaceFilterProxy;
class NamespaceTreePane;
class ProcessPage;
class RecentFilesMenu;
class SelectionHub;
class SnapshotDocument;
class SourceControls;
class WindowActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab
    {
        NamespacesTab,
        NetworkTab,
        ProcessesTab,
        ChartsTab,
        MemoryTab,
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // What the program does when started without a file: collect from WSL when wsl.exe is reachable,
    // otherwise show the bundled sample.
    void startDefault();
    // Loads a snapshot file: reads it and builds its analysis off the GUI thread; fileOpened() says how it
    // went. A corrupt file is refused with a message and the snapshot shown stays.
    void openFile(const QString &path) { m_document->openFile(path); }
    // The sample made from the two articles (resources/samples), titled as a sample.
    bool openSample() { return m_document->openSample(); }
    void setSnapshot(std::shared_ptr<const Snapshot> snapshot, const QString &title, const QString &filePath);
    // The snapshot with its analysis built (the collection worker builds it for live snapshots).
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, const QString &title,
                     const QString &filePath);
    std::shared_ptr<const Snapshot> snapshot() const { return m_document->snapshot(); }
    QString snapshotTitle() const { return m_document->title(); }

    // Selects a namespace ("pid:[…]") or a process ("proc:…") in the tree, the graph, the table and the
    // details panel at once.
    void selectItem(const QString &id);
    QString selectedItem() const { return m_hub->current(); }
    SelectionHub *selectionHub() const { return m_hub; }

    // The text of the message bar; empty when hidden.
    QString messageText() const;

    bool exportView(Tab tab, ExportFormat format, qreal scale, const QString &path, QString *error);
    static QString aboutText();

    // For tests and the screenshot script.
    QTreeView *namespaceTree() const { return m_treePane->tree(); }
    QLineEdit *findEdit() const { return m_treePane->findEdit(); }
    QTabWidget *tabs() const { return m_tabs; }
    DiagramScene *namespaceScene() const { return m_pidPage->scene(); }
    DiagramView *namespaceView() const { return m_pidPage->view(); }
    DiagramScene *networkScene() const { return m_netPage->scene(); }
    DiagramView *networkView() const { return m_netPage->view(); }
    QTableView *processTable() const { return m_processPage->table(); }
    DetailsPanel *detailsPanel() const { return m_details; }
    ChartsView *chartsView() const { return m_charts; }
    MemoryView *memoryView() const { return m_memory; }
    CollectionController *collector() const { return m_collector; }
    NamespaceFilterProxy *namespaceProxy() const { return m_treePane->proxy(); }
    QAction *refreshAction() const { return m_actions->refresh; }
    QAction *cancelAction() const { return m_actions->cancel; }
    QString expandedNamespace() const { return m_pidPage->expandedNamespace(); }

Q_SIGNALS:
    void fileOpened(const QString &path, bool ok); // after openFile(): shown, or refused with a message

public Q_SLOTS:
    void refresh();
    void cancelRefresh();
    void open() { m_document->open(); }
    bool save() { return m_document->save(); }
    bool saveAs() { return m_document->saveAs(); }
    void exportCurrentView();
    void copyImage();
    void showAbout();
    void setShowProcesses(bool show);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showSnapshot(); // the document's new snapshot in every view
    void createMenus();
    void createToolBar();
    void createCentral();
    void createDocks();
    void readSettings();
    void writeSettings() const;

    void showMessage(const QString &text, bool error);
    void hideMessage();
    void updateTitle();
    void updateActions();
    void applyPalette();
    bool isDarkPalette() const;
    void onCollectionFinished(std::shared_ptr<const Snapshot> snapshot,
                              std::shared_ptr<const SnapshotAnalysis> analysis);
    void onCollectionFailed(const QString &message);
    void onCollectionCanceled();
    void setCollecting(bool collecting);
    DiagramPage *diagramPage(Tab tab) const; // null for the tabs without a diagram
    DiagramView *currentDiagramView() const;

    SnapshotDocument *m_document = nullptr;
    bool m_keepView = false; // setSnapshot from a refresh: keep the zoom

    SelectionHub *m_hub = nullptr;
    NamespaceTreePane *m_treePane = nullptr;
    QTabWidget *m_tabs = nullptr;
    DiagramPage *m_pidPage = nullptr;
    DiagramPage *m_netPage = nullptr;
    ProcessPage *m_processPage = nullptr;
    ChartsView *m_charts = nullptr;
    MemoryView *m_memory = nullptr;
    DetailsPanel *m_details = nullptr;
    MessageBar *m_messageBar = nullptr;
    CollectionProgress *m_progress = nullptr;
    SourceControls *m_sourceControls = nullptr;

    std::unique_ptr<WindowActions> m_actions;
    RecentFilesMenu *m_recentMenu = nullptr;

    CollectionController *m_collector = nullptr;
};

} // namespace wslatlas
