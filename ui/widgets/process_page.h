#pragma once
// The Processes tab: a filter box over the process table. It follows the selection hub: a process's row
// becomes current, and nothing is selected for a namespace. The user's current row and hovered row are
// reported to the hub.
#include "analysis.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QTableView;
QT_END_NAMESPACE

namespace wslatlas {

class ProcessFilterProxy;
class ProcessTableModel;
class SelectionHub;

class ProcessPage : public QWidget
{
    Q_OBJECT

public:
    explicit ProcessPage(SelectionHub *hub, QWidget *parent = nullptr);
    ~ProcessPage() override;

    // Loads the rows and sizes the columns to them (the command line gets a fixed width).
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis);

    QTableView *table() const { return m_table; }

private:
    void showCurrent(const QString &key);

    SelectionHub *m_hub = nullptr;
    ProcessTableModel *m_model = nullptr;
    ProcessFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace wslatlas
