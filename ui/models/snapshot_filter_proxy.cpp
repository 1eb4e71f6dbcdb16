#include "snapshot_filter_proxy.h"

namespace wslatlas {

SnapshotFilterProxy::SnapshotFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ItemRoles::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void SnapshotFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_searchable = dynamic_cast<const SearchableModel *>(model);
    m_searchableModel = model;
    QSortFilterProxyModel::setSourceModel(model);
}

void SnapshotFilterProxy::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_needle)
        return; // only spaces around it changed
    m_needle = needle;
    invalidateFilter();
}

bool SnapshotFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    // The check on the source covers a source deleted under the proxy (which then swaps in an empty
    // model without calling setSourceModel).
    if (m_searchable && m_searchableModel == sourceModel())
        return m_searchable->rowMatches(sourceRow, sourceParent, m_needle);
    // Some other model: look at what it displays.
    const QAbstractItemModel *model = sourceModel();
    for (int column = 0, columns = model->columnCount(sourceParent); column < columns; ++column) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

NamespaceFilterProxy::NamespaceFilterProxy(QObject *parent) : SnapshotFilterProxy(parent)
{
    setRecursiveFilteringEnabled(true);
}

bool NamespaceFilterProxy::lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const
{
    const int leftKind = sourceLeft.data(ItemRoles::KindRole).toInt();
    const int rightKind = sourceRight.data(ItemRoles::KindRole).toInt();
    if (leftKind != rightKind) {
        // Descending order asks lessThan(right, left): answer so that namespaces still come first.
        const bool leftFirst = leftKind == ItemRoles::NamespaceItem;
        return sortOrder() == Qt::AscendingOrder ? leftFirst : !leftFirst;
    }
    return SnapshotFilterProxy::lessThan(sourceLeft, sourceRight);
}

ProcessFilterProxy::ProcessFilterProxy(QObject *parent) : SnapshotFilterProxy(parent) {}

} // namespace wslatlas
