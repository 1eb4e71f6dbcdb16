#pragma once
// The window's one current item, which every view follows. A view that the user changes reports the new
// item with select(); the hub emits currentChanged() once and every view (the reporting one too) shows it.
// A select() of the item already current is ignored, so a view that echoes the item while following it
// stops there: views need no flag of their own. A select() made while currentChanged() is being emitted is
// delivered after that emission, as one more emission, so every view ends on the newest item. reselect()
// emits for the current item too (a new snapshot, the user choosing it again); echoes of it stay ignored.
//
// Items are the keys the models and diagrams already use (SnapshotAnalysis::key, ItemRoles::IdRole):
// "pid:[…]" a namespace, "proc:…" a process, anything else a node of a diagram only (the network's).
// The empty key means nothing is selected.
//
// Hovering is reported the same way (hover(), hoveredChanged()), without the echo rules: a hover is shown
// only by the namespace diagram's highlighted path.
#include "analysis.h"

#include <QObject>
#include <QString>

#include <memory>

namespace wslatlas {

class SelectionHub : public QObject
{
    Q_OBJECT

public:
    explicit SelectionHub(QObject *parent = nullptr);
    ~SelectionHub() override;

    // The analysis the keys refer to (for namespaceOf() and currentItem()); emits nothing.
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis);
    const std::shared_ptr<const SnapshotAnalysis> &analysis() const { return m_analysis; }

    QString current() const { return m_current; }
    ItemId currentItem() const; // the current key in the analysis; invalid for "" and diagram-only keys
    // The namespace key of a namespace, or of a process's namespace; "" for anything else.
    QString namespaceOf(const QString &key) const;

public Q_SLOTS:
    void select(const QString &key); // ignored when key is already current
    // Emits even when unchanged: every view's rows were rebuilt, or the user chose the current item again
    // (a click on the selected node, a link to it) and the views scroll back to it.
    void reselect(const QString &key);
    void hover(const QString &key); // "" when the pointer left the item

Q_SIGNALS:
    void currentChanged(const QString &key);
    void hoveredChanged(const QString &key);

private:
    void emitCurrent();

    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    QString m_current;
    bool m_emitting = false;
    bool m_changedWhileEmitting = false;
};

} // namespace wslatlas
