#include "process_page.h"

#include "item_roles.h"
#include "process_table_model.h"
#include "selection_hub.h"
#include "snapshot_filter_proxy.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace wslatlas {

ProcessPage::ProcessPage(SelectionHub *hub, QWidget *parent) : QWidget(parent), m_hub(hub)
{
    m_model = new ProcessTableModel(this);
    m_proxy = new ProcessFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter processes by name, command line, distro, pid or inode"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SnapshotFilterProxy::setFilterText);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProcessTableModel::FirstLevelColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMouseTracking(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setWordWrap(false);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_hub->select(current.data(ItemRoles::IdRole).toString());
            });
    connect(m_table, &QAbstractItemView::entered, this,
            [this](const QModelIndex &index) { m_hub->hover(index.data(ItemRoles::IdRole).toString()); });
    connect(m_hub, &SelectionHub::currentChanged, this, &ProcessPage::showCurrent);
}

ProcessPage::~ProcessPage() = default;

void ProcessPage::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    m_model->setAnalysis(std::move(analysis));
    for (int column = 0; column < m_model->columnCount(); ++column)
        if (column != ProcessTableModel::CommandLineColumn)
            m_table->resizeColumnToContents(column);
    m_table->setColumnWidth(ProcessTableModel::CommandLineColumn, 300);
}

void ProcessPage::showCurrent(const QString &key)
{
    // The process's row (its echo to the hub is the current key: ignored), or nothing for a namespace.
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForId(key));
    if (!index.isValid()) {
        m_table->selectionModel()->clearSelection();
        return;
    }
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

} // namespace wslatlas
