#pragma once
// A diagram tab: a tool bar (the window puts its zoom actions there) over the diagram's scene and view.
// It follows the selection hub: the current item's node is selected, or for the namespace graph the node
// of the item's namespace. Clicks and hovers on nodes are reported to the hub.
//
// The namespace graph can draw one namespace open with its processes ("Show processes"): the current
// item's namespace, or the one the user double-clicked. The network diagram has neither.
#include "analysis.h"
#include "view_export.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QToolBar;
QT_END_NAMESPACE

namespace wslatlas {

class DiagramScene;
class DiagramView;
class SelectionHub;

class DiagramPage : public QWidget
{
    Q_OBJECT

public:
    DiagramPage(DiagramKind kind, SelectionHub *hub, QWidget *parent = nullptr);
    ~DiagramPage() override;

    // Draws the new snapshot; keepView keeps the zoom (a refresh), otherwise the diagram is fitted.
    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, bool keepView);
    // Namespaces only: draw the open namespace's processes. Emits showProcessesChanged() when it changes.
    void setShowProcesses(bool show);
    bool showsProcesses() const { return m_showProcesses; }
    QString expandedNamespace() const; // the namespace drawn open; "" while processes are not shown
    void setDark(bool dark);

    DiagramKind kind() const { return m_kind; }
    QToolBar *toolBar() const { return m_tools; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }

Q_SIGNALS:
    void layoutFailed(const QString &error); // the scene shows the error instead of the graph
    void showProcessesChanged(bool show);

private:
    void rebuild();
    void selectNode(const QString &key);
    void showCurrent(const QString &key);
    void highlightPathTo(const QString &key);
    void descendInto(const QString &key);

    DiagramKind m_kind;
    SelectionHub *m_hub = nullptr;
    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    QString m_expandedNamespace;
    bool m_showProcesses = false;
    QToolBar *m_tools = nullptr;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
};

} // namespace wslatlas
