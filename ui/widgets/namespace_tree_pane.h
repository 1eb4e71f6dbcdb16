#pragma once
// The namespace tree with its find box (the window's left dock). It follows the selection hub: the current
// item's row is opened and made current, or nothing is selected for an item the tree does not hold. The
// user's current row and hovered row are reported to the hub.
#include "analysis.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QModelIndex;
class QTreeView;
QT_END_NAMESPACE

namespace wslatlas {

class NamespaceFilterProxy;
class NamespaceTreeModel;
class SelectionHub;

class NamespaceTreePane : public QWidget
{
    Q_OBJECT

public:
    explicit NamespaceTreePane(SelectionHub *hub, QWidget *parent = nullptr);
    ~NamespaceTreePane() override;

    // Loads the rows, opened two levels deep; the hub says afterwards which one is current.
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis);
    bool contains(const QString &key) const; // the key has a row (filtered out or not)

    QTreeView *tree() const { return m_tree; }
    QLineEdit *findEdit() const { return m_findEdit; }
    NamespaceFilterProxy *proxy() const { return m_proxy; }

private:
    void showCurrent(const QString &key);
    void onFindTextChanged(const QString &text);
    QModelIndex proxyIndex(const QString &key) const;

    SelectionHub *m_hub = nullptr;
    NamespaceTreeModel *m_model = nullptr;
    NamespaceFilterProxy *m_proxy = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QTreeView *m_tree = nullptr;
};

} // namespace wslatlas
