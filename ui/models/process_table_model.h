#pragma once
// Every process of the snapshot in one table: name, command line, distro, its own pid namespace, and
// its pid at each namespace level (level 0 is the outermost; a process has a pid at every level from
// the outermost one that saw it down to its own). Everything shown is prepared in setSnapshot().
#include "item_roles.h"
#include "model_support.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace wslatlas {

class ProcessTableModel : public QAbstractTableModel, public ItemRoles, public SearchableModel
{
    Q_OBJECT

public:
    // The fixed columns come first so that their numbers never change; one column per level follows
    // (levelColumn()), as many as the deepest chain of the snapshot needs.
    enum Columns
    {
        NameColumn,
        RssColumn, // resident memory
        CpuColumn, // CPU time since it started
        CommandLineColumn,
        DistroColumn,
        NamespaceColumn, // the inode of the process's own pid namespace
        FixedColumnCount,
        FirstLevelColumn = FixedColumnCount
    };

    explicit ProcessTableModel(QObject *parent = nullptr);
    ~ProcessTableModel() override;

    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis);
    std::shared_ptr<const Snapshot> snapshot() const;

    int levelCount() const { return m_levelCount; }
    static int levelColumn(int level) { return FirstLevelColumn + level; }

    // The row of a process by its IdRole ("proc:…"); invalid when unknown.
    QModelIndex indexForId(const QString &id, int column = NameColumn) const;
    const Process *processAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool rowMatches(int sourceRow, const QModelIndex &sourceParent, QStringView foldedNeedle) const override;

private:
    struct Row
    {
        QString id;
        QString name;
        QString commandLine;
        QString distro;
        QString namespaceText;
        qint64 namespaceInode = -1; // -1 for a placeholder or an unlisted namespace
        bool namespaceKnown = false;
        qint64 rssBytes = -1;   // -1: not reported
        double cpuSeconds = -1; // -1: not reported
        NamespaceRole role = NamespaceRole::Unknown;
        QString toolTip;
        QString haystack; // case-folded text the filter searches
    };

    void build();
    bool isCell(const QModelIndex &index) const;
    QVariant display(const Row &row, int column, int level) const;
    int levelSlot(int row, int level) const { return row * m_levelCount + level; }

    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    NamespaceTexts m_texts;
    ChainText m_chainText;
    RoleTexts m_roleTexts;
    std::vector<Row> m_rows;
    int m_levelCount = 0;
    std::vector<int> m_levelPids;      // rows × levels; -1 where the chain has no pid at that level
    std::vector<QString> m_levelTexts; // rows × levels
    std::vector<QString> m_levelHeaders;
};

} // namespace wslatlas
