#pragma once
// The snapshot the window shows and where it came from: a file (read and analysed off the GUI thread; only
// the newest open is shown, whatever order they end in), the bundled sample, or a live collection; and
// saving it, with the file dialogs. It tells the window with signals: shown() when there is a new snapshot
// to show, message() for what went wrong (a refused file keeps the snapshot shown before).
#include "analysis.h"
#include "snapshot.h"

#include <QObject>
#include <QString>

#include <memory>
#include <string>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace wslatlas {

class SnapshotDocument : public QObject
{
    Q_OBJECT

public:
    explicit SnapshotDocument(QWidget *window); // the dialogs' parent
    ~SnapshotDocument() override;

    const std::shared_ptr<const SnapshotAnalysis> &analysis() const { return m_analysis; }
    std::shared_ptr<const Snapshot> snapshot() const { return m_analysis ? m_analysis->shared() : nullptr; }
    QString title() const { return m_title; }
    QString filePath() const { return m_filePath; } // empty for the sample and live snapshots not saved yet

    // Emits shown(). filePath is empty for a snapshot that has no file.
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, const QString &title,
                     const QString &filePath);
    void openFile(const QString &path); // fileOpened() says how it went
    bool openSample();
    void open(); // asks which file
    bool save(); // asks where when the snapshot has no file yet
    bool saveAs();

Q_SIGNALS:
    void shown();        // a new snapshot, title and file
    void titleChanged(); // saved under a new name
    void fileOpened(const QString &path, bool ok);
    void recentFileAdded(const QString &path); // opened or saved
    void message(const QString &text, bool error);
    void messageCleared();
    void statusMessage(const QString &text, int timeoutMs); // "" clears the status bar's message

private:
    struct OpenedFile
    {
        std::shared_ptr<const SnapshotAnalysis> analysis; // null when the file was refused
        std::string error;
    };
    void showOpenedFile(const QString &path, const OpenedFile &opened);

    QWidget *m_window = nullptr;
    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    quint64 m_openGeneration = 0; // the newest openFile()
    QString m_title;
    QString m_filePath;
};

} // namespace wslatlas
