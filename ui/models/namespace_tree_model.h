#pragma once
// The pid-namespace tree as the snapshot says it is nested: namespaces under their parents (several
// roots when nobody saw above some namespaces; placeholders included), and each process under its own
// namespace after the child namespaces. Everything shown is prepared in setSnapshot().
#include "item_roles.h"
#include "model_support.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace wslatlas {

class NamespaceTreeModel : public QAbstractItemModel, public ItemRoles, public SearchableModel
{
    Q_OBJECT

public:
    enum Columns
    {
        NameColumn,      // namespace label; process command line (or [name])
        InodeColumn,     // namespace inode; process pid in its own namespace
        RoleColumn,      // namespace role
        ProcessesColumn, // a namespace's own processes (its subtree's in the tooltip)
        ColumnCount
    };

    explicit NamespaceTreeModel(QObject *parent = nullptr);
    ~NamespaceTreeModel() override;

    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis);
    std::shared_ptr<const Snapshot> snapshot() const;

    // The row of a namespace ("pid:[…]") or a process ("proc:…", see IdRole); invalid when unknown.
    QModelIndex indexForId(const QString &id, int column = NameColumn) const;
    // The snapshot's namespace or process behind an index; nullptr when it is not one.
    const PidNamespace *namespaceAt(const QModelIndex &index) const;
    const Process *processAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool rowMatches(int sourceRow, const QModelIndex &sourceParent, QStringView foldedNeedle) const override;

private:
    struct Node
    {
        Kind kind = NamespaceItem;
        int source = -1; // index into the snapshot's pidNamespaces or processes
        int parent = -1; // node index; -1 at the top
        int row = 0;     // among the parent's children
        std::vector<int> children;
        qint64 number = -1; // inode or innermost pid; -1 when none (placeholder, empty chain)
        NamespaceRole role = NamespaceRole::Unknown;
        QString id;
        QString name;
        QString numberText;
        QString countText;
        QString toolTip;
        QString countToolTip;
        QString haystack; // case-folded text the filter searches
    };

    const Node *nodeAt(const QModelIndex &index) const;
    const std::vector<int> &childrenOf(const QModelIndex &parent) const;
    void build();
    void buildNamespaceNode(int ns);
    void buildProcessNode(int process);

    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    NamespaceTexts m_texts;
    ChainText m_chainText;
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    RoleTexts m_roleTexts; // translated once per load
};

} // namespace wslatlas
