#pragma once
// Where snapshots come from and when: the tool bar's source box (with the plan file it asks for), the VM
// root box, the auto-refresh interval, and the auto-refresh schedule. With auto-refresh on, each interval
// either asks for a full snapshot (not WSL, or the user wants one every time) or checks which distros run
// (wsl -l --running, which wakes nothing) and asks for one only when that changed since the last snapshot.
// It asks with refreshWanted(); the window starts the collection.
#include "collection_controller.h"

#include <QObject>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QComboBox;
class QSpinBox;
class QTimer;
class QToolBar;
class QWidget;
QT_END_NAMESPACE

namespace wslatlas {

class AppSettings;

class SourceControls : public QObject
{
    Q_OBJECT

public:
    // Auto-refresh: a full snapshot keeps the WSL VM (idle timeout 60 s) and the distros (15 s) awake
    // (WslCoreConfig.h in microsoft/WSL), so the default interval is no shorter than the VM's timeout.
    static constexpr int kDefaultIntervalSeconds = 60;
    static constexpr int kMinimumIntervalSeconds = 10;

    // autoRefresh and fullEachTime are the window's checkable actions (menus and tool bar); window is
    // the parent of the widgets and of the plan file dialog.
    SourceControls(CollectionController *collector, QAction *autoRefresh, QAction *fullEachTime,
                   QWidget *window);
    ~SourceControls() override;

    // Source label and box, VM root box, auto-refresh action, interval box, full-snapshot action.
    void addTo(QToolBar *bar);
    void readSettings(const AppSettings &settings);
    void writeSettings(AppSettings &settings) const;

    CollectionRequest request() const;
    QString sourceText() const; // the source box's text, for the live snapshot's title
    void setCollecting(bool collecting);
    // A snapshot came in: with auto-refresh on, what runs now becomes what the light checks compare with.
    void collectionFinished();

Q_SIGNALS:
    void refreshWanted();
    void statusMessage(const QString &text, int timeoutMs);

private:
    void onSourceChanged(int index);
    void onAutoRefreshToggled(bool on);
    void onTick();
    void onRunningChecked(const QStringList &names, bool ok);

    CollectionController *m_collector = nullptr;
    QAction *m_autoRefresh = nullptr;
    QAction *m_fullEachTime = nullptr; // auto-refresh takes a full snapshot each time (keeps WSL up)
    QWidget *m_window = nullptr;
    QComboBox *m_sourceBox = nullptr;
    QCheckBox *m_vmRootBox = nullptr;
    QSpinBox *m_intervalBox = nullptr;
    QTimer *m_timer = nullptr;
    QString m_planFile;
    QStringList m_runningAtRefresh; // the running distros at the last full refresh
    bool m_baselinePending = false; // the next light check records them, and refreshes nothing
};

} // namespace wslatlas
