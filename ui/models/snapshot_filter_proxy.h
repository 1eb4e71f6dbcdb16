#pragma once
// Filter and sort proxies over the snapshot models: a case-insensitive substring match on the text the
// model prepared at load (names, labels, command lines, inodes, pids), sorting by SortRole so that
// numbers sort as numbers.
#include "item_roles.h"

#include <QSortFilterProxyModel>

namespace wslatlas {

class SnapshotFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SnapshotFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    QString filterText() const { return m_filterText; }

public Q_SLOTS:
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const SearchableModel *m_searchable = nullptr; // the source, when it prepared its text
    const QAbstractItemModel *m_searchableModel = nullptr;
    QString m_filterText;
    QString m_needle; // m_filterText trimmed and case-folded
};

// The namespace tree: a match keeps its ancestors (recursive filtering), and namespaces stay above
// the processes beside them whatever the sort column and order.
class NamespaceFilterProxy : public SnapshotFilterProxy
{
    Q_OBJECT

public:
    explicit NamespaceFilterProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;
};

// The process table: the same filter, flat.
class ProcessFilterProxy : public SnapshotFilterProxy
{
    Q_OBJECT

public:
    explicit ProcessFilterProxy(QObject *parent = nullptr);
};

} // namespace wslatlas
