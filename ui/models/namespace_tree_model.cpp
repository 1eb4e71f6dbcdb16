#include "namespace_tree_model.h"

#include "finding_text.h"
#include <QStringList>

namespace wslatlas {

namespace {

const std::vector<int> &noChildren()
{
    static const std::vector<int> empty;
    return empty;
}

constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

} // namespace

NamespaceTreeModel::NamespaceTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

NamespaceTreeModel::~NamespaceTreeModel() = default;

void NamespaceTreeModel::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_analysis = std::move(analysis);
    if (m_analysis)
        build();
    endResetModel();
}

std::shared_ptr<const Snapshot> NamespaceTreeModel::snapshot() const
{
    return m_analysis ? m_analysis->shared() : nullptr;
}

void NamespaceTreeModel::build()
{
    const SnapshotAnalysis &a = *m_analysis;
    const Snapshot &s = a.snapshot();
    m_texts = NamespaceTexts(a);
    m_chainText = ChainText();
    m_roleTexts = RoleTexts();

    // Namespace i is node i; process j is node namespaceCount + j. The structure is the analysis's:
    // children are the child namespaces, then the own processes; unplaced processes sit at the top.
    const int namespaceCount = a.namespaceCount();
    m_nodes.resize(s.pidNamespaces.size() + s.processes.size());
    for (int i = 0; i < namespaceCount; ++i)
        buildNamespaceNode(i);
    for (int j = 0; j < a.processCount(); ++j)
        buildProcessNode(j);
    auto adopt = [this](std::vector<int> &siblings, int node) {
        m_nodes[static_cast<std::size_t>(node)].row = static_cast<int>(siblings.size());
        siblings.push_back(node);
    };
    for (int root : a.roots())
        adopt(m_roots, root);
    for (int j : a.unplacedProcesses())
        adopt(m_roots, namespaceCount + j);
    for (int i = 0; i < namespaceCount; ++i) {
        std::vector<int> &children = m_nodes[static_cast<std::size_t>(i)].children;
        for (int child : a.children(i))
            adopt(children, child);
        for (int j : a.processesOf(i))
            adopt(children, namespaceCount + j);
    }
}

void NamespaceTreeModel::buildNamespaceNode(int i)
{
    const SnapshotAnalysis &a = *m_analysis;
    const PidNamespace &ns = a.snapshot().pidNamespaces[static_cast<std::size_t>(i)];
    Node &n = m_nodes[static_cast<std::size_t>(i)];
    n.kind = NamespaceItem;
    n.source = i;
    n.parent = a.parent(i);
    n.role = ns.role;
    n.id = m_texts.id(i);
    n.name = m_texts.label(i);
    if (ns.inode) {
        n.number = static_cast<qint64>(*ns.inode);
        n.numberText = QString::number(*ns.inode);
    } else {
        n.numberText = n.id; // a placeholder: its id says it is one
    }
    n.countText = QString::number(a.ownProcesses(i));
    n.countToolTip = tr("Processes in this namespace: %1").arg(a.ownProcesses(i)) + QLatin1Char('\n') +
                     tr("In its whole subtree: %1").arg(a.subtreeProcesses(i));
    QStringList lines{n.name, tr("%1 · %2", "namespace id · role").arg(n.id, m_roleTexts.name(n.role))};
    if (!ns.distros.empty()) {
        QStringList distros;
        for (const std::string &d : ns.distros)
            distros.push_back(toQString(d));
        lines.push_back(tr("Distros: %1").arg(distros.join(QStringLiteral(", "))));
    }
    for (const Evidence &e : ns.evidence)
        if (const QString text = EvidenceText::text(e); !text.isEmpty())
            lines.push_back(text);
    n.toolTip = lines.join(QLatin1Char('\n'));
    n.haystack = QString(n.name + QLatin1Char('\n') + n.id + QLatin1Char('\n') + n.numberText).toCaseFolded();
}

void NamespaceTreeModel::buildProcessNode(int j)
{
    const SnapshotAnalysis &a = *m_analysis;
    const Process &p = a.snapshot().processes[static_cast<std::size_t>(j)];
    Node &n = m_nodes[static_cast<std::size_t>(a.namespaceCount()) + static_cast<std::size_t>(j)];
    n.kind = ProcessItem;
    n.source = j;
    n.parent = a.namespaceOf(j);
    n.role = n.parent >= 0 ? a.snapshot().pidNamespaces[static_cast<std::size_t>(n.parent)].role
                           : NamespaceRole::Unknown;
    n.id = processItemId(p);
    n.name = processDisplayName(p);
    n.number = innermostPid(p);
    if (n.number >= 0)
        n.numberText = QString::number(n.number);
    n.toolTip = m_chainText.toolTip(p, m_texts, a.resolve(p));
    QString haystack = toQString(p.name) + QLatin1Char('\n') + n.name;
    for (const ChainLink &link : p.chain)
        haystack += QLatin1Char('\n') + QString::number(link.pid);
    n.haystack = haystack.toCaseFolded();
}

QModelIndex NamespaceTreeModel::indexForId(const QString &id, int column) const
{
    const ItemId item = m_analysis ? m_analysis->find(id.toStdString()) : ItemId{};
    if (!item.valid() || column < 0 || column >= ColumnCount)
        return {};
    const int node = item.isNamespace() ? item.index : m_analysis->namespaceCount() + item.index;
    return createIndex(m_nodes[static_cast<std::size_t>(node)].row, column, static_cast<quintptr>(node));
}

const PidNamespace *NamespaceTreeModel::namespaceAt(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    if (!n || n->kind != NamespaceItem)
        return nullptr;
    return &m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(n->source)];
}

const Process *NamespaceTreeModel::processAt(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    if (!n || n->kind != ProcessItem)
        return nullptr;
    return &m_analysis->snapshot().processes[static_cast<std::size_t>(n->source)];
}

const NamespaceTreeModel::Node *NamespaceTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= m_nodes.size())
        return nullptr;
    return &m_nodes[index.internalId()];
}

const std::vector<int> &NamespaceTreeModel::childrenOf(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_roots;
    const Node *n = parent.column() == 0 ? nodeAt(parent) : nullptr;
    return n ? n->children : noChildren();
}

QModelIndex NamespaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const std::vector<int> &children = childrenOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || static_cast<std::size_t>(row) >= children.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex NamespaceTreeModel::parent(const QModelIndex &child) const
{
    const Node *n = nodeAt(child);
    if (!n || n->parent < 0)
        return {};
    return createIndex(m_nodes[static_cast<std::size_t>(n->parent)].row, 0, static_cast<quintptr>(n->parent));
}

int NamespaceTreeModel::rowCount(const QModelIndex &parent) const
{
    return static_cast<int>(childrenOf(parent).size());
}

int NamespaceTreeModel::columnCount(const QModelIndex &parent) const
{
    return parent.column() > 0 ? 0 : ColumnCount;
}

bool NamespaceTreeModel::hasChildren(const QModelIndex &parent) const
{
    return !childrenOf(parent).empty();
}

Qt::ItemFlags NamespaceTreeModel::flags(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    if (!n)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n->kind == ProcessItem)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant NamespaceTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *n = nodeAt(index);
    if (!n)
        return {};
    const bool isNamespace = n->kind == NamespaceItem;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return n->name;
        case InodeColumn:
            return n->numberText;
        case RoleColumn:
            return isNamespace ? m_roleTexts.name(n->role) : QVariant();
        case ProcessesColumn:
            return isNamespace ? n->countText : QVariant();
        }
        break;
    case SortRole:
        switch (column) {
        case NameColumn:
            return n->name;
        case InodeColumn:
            return n->number;
        case RoleColumn:
            return isNamespace ? QVariant(static_cast<int>(n->role)) : QVariant();
        case ProcessesColumn:
            return isNamespace ? QVariant(m_analysis->ownProcesses(n->source)) : QVariant();
        }
        break;
    case Qt::ToolTipRole:
        return isNamespace && column == ProcessesColumn ? n->countToolTip : n->toolTip;
    case Qt::TextAlignmentRole:
        if (column == InodeColumn || column == ProcessesColumn)
            return kNumberAlignment;
        break;
    case IdRole:
        return n->id;
    case KindRole:
        return static_cast<int>(n->kind);
    case NamespaceRoleRole:
        if (isNamespace || n->parent >= 0)
            return m_roleTexts.key(n->role);
        break;
    case NamespaceIdRole:
        if (isNamespace)
            return n->id;
        return toQString(m_analysis->snapshot().processes[static_cast<std::size_t>(n->source)].pidNs);
    case ChainRole:
        if (!isNamespace)
            return m_chainText.chain(m_analysis->snapshot().processes[static_cast<std::size_t>(n->source)],
                                     *m_analysis, m_texts);
        break;
    default:
        break;
    }
    return {};
}

QVariant NamespaceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case InodeColumn:
            return tr("Inode / PID");
        case RoleColumn:
            return tr("Role");
        case ProcessesColumn:
            return tr("Processes");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("The namespace's label, or the process's command line");
        case InodeColumn:
            return tr("The namespace's inode, or the process's pid in its own namespace");
        case RoleColumn:
            return tr("What the namespace is: the VM, a WSLg system distro, an isolation level, a distro…");
        case ProcessesColumn:
            return tr("Processes in the namespace itself (hover for its whole subtree)");
        }
    }
    return {};
}

bool NamespaceTreeModel::rowMatches(int sourceRow, const QModelIndex &sourceParent,
                                    QStringView foldedNeedle) const
{
    const std::vector<int> &children = childrenOf(sourceParent);
    if (sourceRow < 0 || static_cast<std::size_t>(sourceRow) >= children.size())
        return false;
    return m_nodes[static_cast<std::size_t>(children[static_cast<std::size_t>(sourceRow)])].haystack.contains(
        foldedNeedle);
}

} // namespace wslatlas
