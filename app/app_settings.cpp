#include "app_settings.h"

namespace wslatlas {

namespace {

// The keys as stored since the first release: renaming one forgets what users chose.
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSource = QStringLiteral("source/kind");
const QString kPlanFile = QStringLiteral("source/planFile");
const QString kVmRoot = QStringLiteral("source/includeVmRoot");
const QString kInterval = QStringLiteral("refresh/intervalSeconds");
const QString kFullEachTime = QStringLiteral("refresh/fullEachTime");
const QString kLastDir = QStringLiteral("files/lastDir");
const QString kExportDir = QStringLiteral("files/exportDir");
const QString kExportFilter = QStringLiteral("files/exportFilter");
const QString kRecent = QStringLiteral("files/recent");

} // namespace

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kState, state);
}

SnapshotSource AppSettings::source() const
{
    return static_cast<SnapshotSource>(
        m_settings.value(kSource, static_cast<int>(SnapshotSource::Automatic)).toInt());
}

void AppSettings::setSource(SnapshotSource source)
{
    m_settings.setValue(kSource, static_cast<int>(source));
}

QString AppSettings::planFile() const
{
    return m_settings.value(kPlanFile).toString();
}

void AppSettings::setPlanFile(const QString &path)
{
    m_settings.setValue(kPlanFile, path);
}

bool AppSettings::includeVmRoot() const
{
    return m_settings.value(kVmRoot, false).toBool();
}

void AppSettings::setIncludeVmRoot(bool include)
{
    m_settings.setValue(kVmRoot, include);
}

int AppSettings::refreshIntervalSeconds(int fallback) const
{
    return m_settings.value(kInterval, fallback).toInt();
}

void AppSettings::setRefreshIntervalSeconds(int seconds)
{
    m_settings.setValue(kInterval, seconds);
}

bool AppSettings::fullSnapshotEachTime() const
{
    return m_settings.value(kFullEachTime, false).toBool();
}

void AppSettings::setFullSnapshotEachTime(bool full)
{
    m_settings.setValue(kFullEachTime, full);
}

QString AppSettings::lastDir() const
{
    return m_settings.value(kLastDir).toString();
}

void AppSettings::setLastDir(const QString &dir)
{
    m_settings.setValue(kLastDir, dir);
}

QString AppSettings::exportDir() const
{
    return m_settings.value(kExportDir).toString();
}

void AppSettings::setExportDir(const QString &dir)
{
    m_settings.setValue(kExportDir, dir);
}

QString AppSettings::exportFilter(const QString &fallback) const
{
    return m_settings.value(kExportFilter, fallback).toString();
}

void AppSettings::setExportFilter(const QString &filter)
{
    m_settings.setValue(kExportFilter, filter);
}

QStringList AppSettings::recentFiles() const
{
    return m_settings.value(kRecent).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings.setValue(kRecent, files);
}

void AppSettings::clearRecentFiles()
{
    m_settings.remove(kRecent);
}

} // namespace wslatlas
