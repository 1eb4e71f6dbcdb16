#include "namespace_tree_pane.h"

#include "item_roles.h"
#include "namespace_tree_model.h"
#include "selection_hub.h"
#include "snapshot_filter_proxy.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace wslatlas {

NamespaceTreePane::NamespaceTreePane(SelectionHub *hub, QWidget *parent) : QWidget(parent), m_hub(hub)
{
    m_model = new NamespaceTreeModel(this);
    m_proxy = new NamespaceFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_findEdit = new QLineEdit(this);
    m_findEdit->setObjectName(QStringLiteral("FindEdit"));
    m_findEdit->setPlaceholderText(tr("Find (Ctrl+F): name, label, inode, pid"));
    m_findEdit->setClearButtonEnabled(true);
    m_tree = new QTreeView(this);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder); // the snapshot's order until the user sorts
    m_tree->setMouseTracking(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NamespaceTreeModel::NameColumn, QHeaderView::Stretch);
    for (int column : {NamespaceTreeModel::InodeColumn, NamespaceTreeModel::RoleColumn,
                       NamespaceTreeModel::ProcessesColumn})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(m_findEdit);
    layout->addWidget(m_tree, 1);

    connect(m_findEdit, &QLineEdit::textChanged, this, &NamespaceTreePane::onFindTextChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_hub->select(current.data(ItemRoles::IdRole).toString());
            });
    connect(m_tree, &QAbstractItemView::entered, this,
            [this](const QModelIndex &index) { m_hub->hover(index.data(ItemRoles::IdRole).toString()); });
    connect(m_hub, &SelectionHub::currentChanged, this, &NamespaceTreePane::showCurrent);
}

NamespaceTreePane::~NamespaceTreePane() = default;

void NamespaceTreePane::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    m_model->setAnalysis(std::move(analysis));
    m_tree->expandToDepth(2);
}

bool NamespaceTreePane::contains(const QString &key) const
{
    return m_model->indexForId(key).isValid();
}

QModelIndex NamespaceTreePane::proxyIndex(const QString &key) const
{
    return m_proxy->mapFromSource(m_model->indexForId(key));
}

void NamespaceTreePane::showCurrent(const QString &key)
{
    // Open the path down to the row and make it current (its echo to the hub is the current key: ignored).
    const QModelIndex index = proxyIndex(key);
    if (!index.isValid()) {
        m_tree->selectionModel()->clearSelection();
        return;
    }
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_tree->expand(up);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void NamespaceTreePane::onFindTextChanged(const QString &text)
{
    m_proxy->setFilterText(text);
    // Matches are shown with their ancestors opened, so that each keeps its context.
    if (!text.trimmed().isEmpty())
        m_tree->expandAll();
    else
        m_tree->expandToDepth(2);
    if (!m_hub->current().isEmpty()) {
        const QModelIndex index = proxyIndex(m_hub->current());
        if (index.isValid())
            m_tree->scrollTo(index);
    }
}

} // namespace wslatlas
