#pragma once
// What every snapshot model offers the views: the same item roles, and a fast text match for the
// filter proxies. Models inherit both next to their Qt base, so NamespaceTreeModel::IdRole and
// ProcessTableModel::IdRole are one value and a view or the selection sync can read either.
#include <QModelIndex>
#include <QStringView>

namespace wslatlas {

struct ItemRoles
{
    enum Roles
    {
        SortRole = Qt::UserRole, // the raw value: numbers as qint64, text as QString
        IdRole,                  // "pid:[INODE]" for a namespace, "proc:" + namespace + ":" + innermost pid
        KindRole,                // Kind, as int
        NamespaceRoleRole,       // "vm", "wslg", ... (the namespace's, or a process's own namespace's)
        ChainRole,       // processes: QVariantList of QVariantMap {ns, label, pid, level}, outermost first
        NamespaceIdRole, // the namespace the row is or lives in
    };

    enum Kind
    {
        NamespaceItem,
        ProcessItem,
    };
};

// Implemented by the models so that a proxy matches a row against text the model prepared at load,
// instead of asking data() for every column on every keystroke.
class SearchableModel
{
public:
    virtual ~SearchableModel() = default;
    // foldedNeedle is QString::toCaseFolded() of what the user typed, never empty.
    virtual bool rowMatches(int sourceRow, const QModelIndex &sourceParent,
                            QStringView foldedNeedle) const = 0;
};

} // namespace wslatlas
