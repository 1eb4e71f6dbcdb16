#include "snapshot_document.h"

#include "app_settings.h"
#include "model_support.h"
#include "snapshot_json.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace wslatlas {

namespace {
const QString kSampleResource = QStringLiteral(":/samples/article-sample.json");
} // namespace

SnapshotDocument::SnapshotDocument(QWidget *window) : QObject(window), m_window(window) {}

SnapshotDocument::~SnapshotDocument() = default;

void SnapshotDocument::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, const QString &title,
                                   const QString &filePath)
{
    m_analysis = std::move(analysis);
    m_title = title;
    m_filePath = filePath;
    emit shown();
}

void SnapshotDocument::openFile(const QString &path)
{
    // Read and analysed on a pool thread; only the newest open is shown, whatever order they end in.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const quint64 generation = ++m_openGeneration;
    emit statusMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(absolute)), 0);
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

void SnapshotDocument::showOpenedFile(const QString &path, const OpenedFile &opened)
{
    emit statusMessage(QString(), 0);
    if (!opened.analysis) {
        emit message(tr("Could not open %1: %2. The snapshot shown before is still shown.")
                         .arg(QDir::toNativeSeparators(path), toQString(opened.error)),
                     true);
        emit fileOpened(path, false);
        return;
    }
    emit messageCleared();
    setAnalysis(opened.analysis, QFileInfo(path).fileName(), path);
    emit recentFileAdded(path);
    emit fileOpened(path, true);
}

bool SnapshotDocument::openSample()
{
    ++m_openGeneration; // a file still being read is no longer wanted
    QFile file(kSampleResource);
    auto snapshot = std::make_shared<Snapshot>();
    std::string error;
    if (!file.open(QIODevice::ReadOnly)) {
        emit message(tr("The bundled sample is missing from this build."), true);
        return false;
    }
    const QByteArray data = file.readAll();
    if (!snapshotFromJson(std::string_view(data.constData(), static_cast<std::size_t>(data.size())),
                          *snapshot, error)) {
        emit message(tr("The bundled sample could not be read: %1").arg(toQString(error)), true);
        return false;
    }
    setAnalysis(analyze(std::move(snapshot)), tr("Sample: the articles' WSL machines"), QString());
    emit message(tr("This is a sample made from two articles' command outputs, not your machine. Choose a "
                    "source and press Refresh (Ctrl+R), or open a snapshot (Ctrl+O)."),
                 false);
    return true;
}

void SnapshotDocument::open()
{
    AppSettings settings;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Snapshot"), settings.lastDir(),
                                                      tr("WSL Atlas snapshots (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setLastDir(QFileInfo(path).absolutePath());
    openFile(path);
}

bool SnapshotDocument::save()
{
    if (m_filePath.isEmpty())
        return saveAs();
    std::string error;
    const std::shared_ptr<const Snapshot> shown = snapshot();
    if (!shown || !saveSnapshotFile(m_filePath.toStdString(), *shown, error)) {
        emit message(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(m_filePath), toQString(error)),
                     true);
        return false;
    }
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)), 4000);
    return true;
}

bool SnapshotDocument::saveAs()
{
    if (!m_analysis)
        return false;
    AppSettings settings;
    const QString suggested =
        QDir(settings.lastDir())
            .filePath(QStringLiteral("wsl-snapshot-%1.json")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Snapshot"), suggested,
                                                tr("WSL Atlas snapshots (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    settings.setLastDir(QFileInfo(path).absolutePath());
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_title = QFileInfo(path).fileName();
    if (!save())
        return false;
    emit recentFileAdded(m_filePath);
    emit titleChanged();
    return true;
}

} // namespace wslatlas
