#pragma once
// What the desktop program remembers between runs, typed: the window, the snapshot source, auto-refresh
// and the folders last used. The only place that knows the QSettings keys. Cheap to make: make one where
// needed, like QSettings.
#include "collection_controller.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace wslatlas {

class AppSettings
{
public:
    static constexpr int kMaxRecentFiles = 8;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    SnapshotSource source() const; // Automatic until chosen
    void setSource(SnapshotSource source);
    QString planFile() const;
    void setPlanFile(const QString &path);
    bool includeVmRoot() const;
    void setIncludeVmRoot(bool include);

    int refreshIntervalSeconds(int fallback) const;
    void setRefreshIntervalSeconds(int seconds);
    bool fullSnapshotEachTime() const;
    void setFullSnapshotEachTime(bool full);

    QString lastDir() const; // where snapshots were last opened or saved
    void setLastDir(const QString &dir);
    QString exportDir() const;
    void setExportDir(const QString &dir);
    QString exportFilter(const QString &fallback) const; // the file dialog's filter last chosen
    void setExportFilter(const QString &filter);

    QStringList recentFiles() const; // newest first
    void addRecentFile(const QString &path);
    void clearRecentFiles();

private:
    QSettings m_settings;
};

} // namespace wslatlas
