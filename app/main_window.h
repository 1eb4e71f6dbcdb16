#pragma once
// The desktop program's window: the namespace tree (dock), the Namespaces / Network / Processes / Charts
// tabs, the details panel (dock), sources and refresh, files, export. It wires ui/ widgets to each other and
// to the collection controller; what each shows is decided in ui/.
#include "collection_controller.h"
#include "view_export.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QProgressBar;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;
class QTreeView;

namespace wslatlas {

struct Snapshot;
class ChartsView;
class DetailsPanel;
class DiagramScene;
class DiagramView;
class NamespaceFilterProxy;
class NamespaceTreeModel;
class ProcessFilterProxy;
class ProcessTableModel;

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
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // What the program does when started without a file: collect from WSL when wsl.exe is reachable,
    // otherwise show the bundled sample.
    void startDefault();
    // Loads a snapshot file: reads it and builds its analysis off the GUI thread; fileOpened() says how it
    // went. A corrupt file is refused with a message and the snapshot shown stays.
    void openFile(const QString &path);
    // The sample made from the two articles (resources/samples), titled as a sample.
    bool openSample();
    void setSnapshot(std::shared_ptr<const Snapshot> snapshot, const QString &title, const QString &filePath);
    // The snapshot with its analysis built (the collection worker builds it for live snapshots).
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, const QString &title,
                     const QString &filePath);
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    QString snapshotTitle() const { return m_title; }

    // Selects a namespace ("pid:[…]") or a process ("proc:…") in the tree, the graph, the table and the
    // details panel at once.
    void selectItem(const QString &id);
    QString selectedItem() const { return m_selectedId; }

    // The text of the message bar; empty when hidden.
    QString messageText() const;

    bool exportView(Tab tab, ExportFormat format, qreal scale, const QString &path, QString *error);
    static QString aboutText();

    // For tests and the screenshot script.
    QTreeView *namespaceTree() const { return m_tree; }
    QLineEdit *findEdit() const { return m_findEdit; }
    QTabWidget *tabs() const { return m_tabs; }
    DiagramScene *namespaceScene() const { return m_pidScene; }
    DiagramView *namespaceView() const { return m_pidView; }
    DiagramScene *networkScene() const { return m_netScene; }
    DiagramView *networkView() const { return m_netView; }
    QTableView *processTable() const { return m_table; }
    DetailsPanel *detailsPanel() const { return m_details; }
    ChartsView *chartsView() const { return m_charts; }
    CollectionController *collector() const { return m_collector; }
    NamespaceFilterProxy *namespaceProxy() const { return m_treeProxy; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QString expandedNamespace() const;

Q_SIGNALS:
    void fileOpened(const QString &path, bool ok); // after openFile(): shown, or refused with a message

public Q_SLOTS:
    void refresh();
    void cancelRefresh();
    void open();
    bool save();
    bool saveAs();
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
    struct OpenedFile
    {
        std::shared_ptr<const SnapshotAnalysis> analysis; // null when the file was refused
        std::string error;
    };
    void showOpenedFile(const QString &path, const OpenedFile &opened);
    void createActions();
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
    void rebuildNamespaceDiagram();
    void rebuildNetworkDiagram();
    void applyPalette();
    bool isDarkPalette() const;
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void highlightPathTo(const QString &id);
    void onTreeCurrentChanged(const QModelIndex &current);
    void onTableCurrentChanged(const QModelIndex &current);
    void onGraphActivated(const QString &id);
    void onSourceChanged(int index);
    void onCollectionStarted(int vantages, int captures);
    void onVantageFinished(const QString &name, bool ok, const QString &message, int done, int total);
    void onCollectionFinished(std::shared_ptr<const Snapshot> snapshot,
                              std::shared_ptr<const SnapshotAnalysis> analysis);
    void onAutoRefreshTick();
    void onRunningChecked(const QStringList &names, bool ok);
    void onCollectionFailed(const QString &message);
    void onCollectionCanceled();
    void setCollecting(bool collecting);
    DiagramScene *sceneFor(Tab tab) const;
    QString namespaceOf(const QString &id) const;

    std::shared_ptr<const Snapshot> m_snapshot;
    std::shared_ptr<const SnapshotAnalysis> m_analysis; // of m_snapshot
    quint64 m_openGeneration = 0;                       // the newest openFile()
    QString m_title;
    QString m_filePath; // empty for the sample and live snapshots not saved yet
    QString m_selectedId;
    QString m_expandedNamespace;
    bool m_showProcesses = false;
    bool m_syncing = false;
    bool m_keepView = false; // setSnapshot from a refresh: keep the zoom
    QStringList m_collectProblems;

    NamespaceTreeModel *m_treeModel = nullptr;
    NamespaceFilterProxy *m_treeProxy = nullptr;
    ProcessTableModel *m_tableModel = nullptr;
    ProcessFilterProxy *m_tableProxy = nullptr;

    QTreeView *m_tree = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QTabWidget *m_tabs = nullptr;
    DiagramScene *m_pidScene = nullptr;
    DiagramView *m_pidView = nullptr;
    DiagramScene *m_netScene = nullptr;
    DiagramView *m_netView = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_tableFilter = nullptr;
    ChartsView *m_charts = nullptr;
    DetailsPanel *m_details = nullptr;
    QFrame *m_messageBar = nullptr;
    QLabel *m_messageLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_statusLabel = nullptr;

    QComboBox *m_sourceBox = nullptr;
    QSpinBox *m_intervalBox = nullptr;
    QCheckBox *m_vmRootBox = nullptr;
    QAction *m_fullEachTimeAction = nullptr; // auto-refresh takes a full snapshot each time (keeps WSL up)
    QStringList m_runningAtRefresh;          // the running distros at the last full refresh
    bool m_baselinePending = false;          // the next light check records them, and refreshes nothing
    QTimer *m_autoTimer = nullptr;
    QString m_planFile;

    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_autoRefreshAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_sampleAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyImageAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QAction *m_showProcessesAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;

    CollectionController *m_collector = nullptr;
};

} // namespace wslatlas
