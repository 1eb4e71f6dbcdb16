#include "process_table_model.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <set>

namespace wslatlas {

namespace {
constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;
} // namespace

bool ProcessTableModel::isCell(const QModelIndex &index) const
{
    // Not checkIndex(): that one logs a warning for the invalid indexes views legitimately pass.
    return index.isValid() && index.model() == this && !index.parent().isValid() &&
           static_cast<std::size_t>(index.row()) < m_rows.size() && index.column() < columnCount();
}

ProcessTableModel::ProcessTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ProcessTableModel::~ProcessTableModel() = default;

void ProcessTableModel::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    beginResetModel();
    m_rows.clear();
    m_levelCount = 0;
    m_levelPids.clear();
    m_levelTexts.clear();
    m_levelHeaders.clear();
    m_analysis = std::move(analysis);
    if (m_analysis)
        build();
    endResetModel();
}

std::shared_ptr<const Snapshot> ProcessTableModel::snapshot() const
{
    return m_analysis ? m_analysis->shared() : nullptr;
}

void ProcessTableModel::build()
{
    const SnapshotAnalysis &a = *m_analysis;
    const Snapshot &s = a.snapshot();
    m_texts = NamespaceTexts(a);
    m_chainText = ChainText();
    m_roleTexts = RoleTexts();

    std::vector<std::vector<SnapshotAnalysis::Link>> links;
    links.reserve(s.processes.size());
    for (const Process &p : s.processes) {
        links.push_back(a.resolve(p));
        if (!links.back().empty())
            m_levelCount = std::max(m_levelCount, links.back().back().level + 1);
    }

    const std::size_t cells = s.processes.size() * static_cast<std::size_t>(m_levelCount);
    m_levelPids.assign(cells, -1);
    m_levelTexts.resize(cells);
    m_rows.resize(s.processes.size());
    for (std::size_t r = 0; r < s.processes.size(); ++r) {
        const Process &p = s.processes[r];
        Row &row = m_rows[r];
        row.id = processItemId(p);
        row.name = toQString(p.name);
        row.commandLine = toQString(p.cmdline);
        row.distro = toQString(p.distro);
        const int ns = a.namespaceOf(static_cast<int>(r));
        row.namespaceKnown = ns >= 0;
        if (row.namespaceKnown) {
            const PidNamespace &pidNs = s.pidNamespaces[static_cast<std::size_t>(ns)];
            row.role = pidNs.role;
            if (pidNs.inode)
                row.namespaceInode = static_cast<qint64>(*pidNs.inode);
        }
        if (p.rssBytes)
            row.rssBytes = static_cast<qint64>(*p.rssBytes);
        row.cpuSeconds = p.cpuSeconds.value_or(-1);
        row.namespaceText =
            row.namespaceInode >= 0 ? QString::number(row.namespaceInode) : toQString(p.pidNs);
        row.toolTip = m_chainText.toolTip(p, m_texts, links[r]);

        QString haystack = row.name + QLatin1Char('\n') + row.commandLine + QLatin1Char('\n') + row.distro +
                           QLatin1Char('\n') + row.namespaceText;
        for (std::size_t k = 0; k < p.chain.size(); ++k) {
            const auto cell = static_cast<std::size_t>(levelSlot(static_cast<int>(r), links[r][k].level));
            m_levelPids[cell] = p.chain[k].pid;
            m_levelTexts[cell] = QString::number(p.chain[k].pid);
            haystack += QLatin1Char('\n') + m_levelTexts[cell];
        }
        row.haystack = haystack.toCaseFolded();
    }

    // A level's header names the roles of the namespaces at that level ("VM", "WSLg / Isolation",
    // "Distro"); a level no listed namespace sits at is only a number.
    std::vector<std::set<NamespaceRole>> roles(static_cast<std::size_t>(m_levelCount));
    for (int ns = 0; ns < a.namespaceCount(); ++ns) {
        const int level = a.level(ns);
        if (level < m_levelCount)
            roles[static_cast<std::size_t>(level)].insert(s.pidNamespaces[static_cast<std::size_t>(ns)].role);
    }
    for (int level = 0; level < m_levelCount; ++level) {
        QStringList names;
        for (NamespaceRole role : roles[static_cast<std::size_t>(level)])
            names.push_back(m_roleTexts.name(role));
        m_levelHeaders.push_back(names.isEmpty() ? tr("Level %1").arg(level)
                                                 : names.join(tr(" / ", "between the roles of one level")));
    }
}

QModelIndex ProcessTableModel::indexForId(const QString &id, int column) const
{
    const ItemId item = m_analysis ? m_analysis->find(id.toStdString()) : ItemId{};
    return item.isProcess() ? index(item.index, column) : QModelIndex();
}

const Process *ProcessTableModel::processAt(const QModelIndex &index) const
{
    if (!isCell(index))
        return nullptr;
    return &m_analysis->snapshot().processes[static_cast<std::size_t>(index.row())];
}

int ProcessTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProcessTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + m_levelCount;
}

Qt::ItemFlags ProcessTableModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ProcessTableModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const int level = column - FirstLevelColumn;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column, level);
    case SortRole:
        switch (column) {
        case NameColumn:
            return row.name;
        case CommandLineColumn:
            return row.commandLine;
        case DistroColumn:
            return row.distro;
        case NamespaceColumn:
            return row.namespaceInode;
        case RssColumn: // not reported sorts after every value, like a missing pid
            return row.rssBytes >= 0 ? QVariant(row.rssBytes) : QVariant();
        case CpuColumn:
            return row.cpuSeconds >= 0 ? QVariant(row.cpuSeconds) : QVariant();
        default: {
            // No pid at a level is no value, which sorts after every pid.
            const int pid = m_levelPids[static_cast<std::size_t>(levelSlot(index.row(), level))];
            return pid >= 0 ? QVariant(static_cast<qint64>(pid)) : QVariant();
        }
        }
    case Qt::ToolTipRole:
        if (column == CommandLineColumn && !row.commandLine.isEmpty())
            return row.commandLine; // long lines are elided in the cell
        return row.toolTip;
    case Qt::TextAlignmentRole:
        if (column >= NamespaceColumn || column == RssColumn || column == CpuColumn)
            return kNumberAlignment;
        break;
    case IdRole:
        return row.id;
    case KindRole:
        return static_cast<int>(ProcessItem);
    case NamespaceRoleRole:
        if (row.namespaceKnown)
            return m_roleTexts.key(row.role);
        break;
    case NamespaceIdRole:
        return toQString(m_analysis->snapshot().processes[static_cast<std::size_t>(index.row())].pidNs);
    case ChainRole:
        return m_chainText.chain(m_analysis->snapshot().processes[static_cast<std::size_t>(index.row())],
                                 *m_analysis, m_texts);
    default:
        break;
    }
    return {};
}

// Sizes and seconds are formatted when shown, not for every row at load.
QVariant ProcessTableModel::display(const Row &row, int column, int level) const
{
    switch (column) {
    case NameColumn:
        return row.name;
    case CommandLineColumn:
        return row.commandLine;
    case DistroColumn:
        return row.distro;
    case NamespaceColumn:
        return row.namespaceText;
    case RssColumn:
        return row.rssBytes >= 0 ? QLocale().formattedDataSize(row.rssBytes) : QString();
    case CpuColumn:
        return row.cpuSeconds >= 0 ? tr("%1 s", "CPU seconds").arg(QLocale().toString(row.cpuSeconds, 'f', 2))
                                   : QString();
    default:
        return m_levelTexts[static_cast<std::size_t>(
            levelSlot(static_cast<int>(&row - m_rows.data()), level))];
    }
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const int level = section - FirstLevelColumn;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case CommandLineColumn:
            return tr("Command line");
        case DistroColumn:
            return tr("Distro");
        case NamespaceColumn:
            return tr("PID namespace");
        case RssColumn:
            return tr("Memory");
        case CpuColumn:
            return tr("CPU");
        default:
            return m_levelHeaders[static_cast<std::size_t>(level)];
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("The process's name");
        case CommandLineColumn:
            return tr("The process's command line");
        case DistroColumn:
            return tr("The distro the process runs in, when known");
        case NamespaceColumn:
            return tr("The inode of the process's own pid namespace");
        case RssColumn:
            return tr("Resident memory (RSS): pages shared with other processes count in each of them");
        case CpuColumn:
            return tr("CPU time (user + system) since the process started");
        default:
            return tr("The process's pid in the namespaces at level %1 (0 is the outermost)").arg(level);
        }
    }
    return {};
}

bool ProcessTableModel::rowMatches(int sourceRow, const QModelIndex &sourceParent,
                                   QStringView foldedNeedle) const
{
    if (sourceParent.isValid() || sourceRow < 0 || static_cast<std::size_t>(sourceRow) >= m_rows.size())
        return false;
    return m_rows[static_cast<std::size_t>(sourceRow)].haystack.contains(foldedNeedle);
}

} // namespace wslatlas
