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
        Result<Snapshot> loaded = loadSnapshotFile(absolute.toStdString());
        if (const Error *error = errorOf(loaded))
            opened.error = error->message;
        else
            opened.analysis = analyze(std::make_shared<Snapshot>(std::get<Snapshot>(std::move(loaded))));
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
    if (!file.open(QIODevice::ReadOnly)) {
        emit message(tr("The bundled sample is missing from this build."), true);
        return false;
    }
    const QByteArray data = file.readAll();
    Result<Snapshot> sample =
        snapshotFromJson(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
    if (const Error *error = errorOf(sample)) {
        emit message(tr("The bundled sample could not be read: %1").arg(toQString(error->message)), true);
        return false;
    }
    setAnalysis(analyze(std::make_shared<Snapshot>(std::get<Snapshot>(std::move(sample)))),
                tr("Sample: the articles' WSL machines"), QString());
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
    const std::shared_ptr<const Snapshot> shown = snapshot();
    if (!shown)
        return false;
    if (const std::optional<Error> error = saveSnapshotFile(m_filePath.toStdString(), *shown)) {
        emit message(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(m_filePath), toQString(error->message)),
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
