#include "diagram_page.h"

#include "diagram_scene.h"
#include "diagram_view.h"
#include "model_support.h"
#include "pid_diagram.h"
#include "selection_hub.h"
#include "snapshot.h"

#include <QToolBar>
#include <QVBoxLayout>

namespace wslatlas {

DiagramPage::DiagramPage(DiagramKind kind, SelectionHub *hub, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_hub(hub)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_tools = new QToolBar(this);
    m_tools->setIconSize(QSize(16, 16));
    m_tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_scene = new DiagramScene(this);
    m_view = new DiagramView(m_scene, this);
    layout->addWidget(m_tools);
    layout->addWidget(m_view, 1);

    connect(m_scene, &DiagramScene::nodeClicked, this, [this](const QString &key) {
        // A click on the selected node shows it again everywhere (rows scrolled back into view).
        if (!key.isEmpty())
            m_hub->reselect(key);
    });
    connect(m_scene, &DiagramScene::nodeHovered, m_hub, &SelectionHub::hover);
    connect(m_hub, &SelectionHub::currentChanged, this, &DiagramPage::showCurrent);
    if (m_kind == DiagramKind::Namespaces) {
        connect(m_scene, &DiagramScene::nodeDoubleClicked, this, &DiagramPage::descendInto);
        connect(m_hub, &SelectionHub::hoveredChanged, this, &DiagramPage::highlightPathTo);
    }
}

DiagramPage::~DiagramPage() = default;

void DiagramPage::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis, bool keepView)
{
    m_analysis = std::move(analysis);
    if (!m_expandedNamespace.isEmpty() &&
        (!m_analysis || !m_analysis->snapshot().findNamespace(m_expandedNamespace.toStdString())))
        m_expandedNamespace.clear();
    rebuild();
    // An opened file is shown whole; a refresh keeps the user's zoom (fitted views stay fitted).
    if (!keepView)
        m_view->fitAll();
}

QString DiagramPage::expandedNamespace() const
{
    return m_showProcesses ? m_expandedNamespace : QString();
}

void DiagramPage::setShowProcesses(bool show)
{
    if (m_showProcesses == show)
        return;
    m_showProcesses = show;
    if (show && m_expandedNamespace.isEmpty())
        m_expandedNamespace = m_hub->namespaceOf(m_hub->current());
    rebuild();
    emit showProcessesChanged(show);
}

void DiagramPage::setDark(bool dark)
{
    m_scene->setDark(dark);
}

void DiagramPage::rebuild()
{
    if (!m_analysis) {
        m_scene->setDiagram({});
        return;
    }
    if (!m_scene->setDiagram(diagramFor(*m_analysis, m_kind, expandedNamespace().toStdString())))
        emit layoutFailed(m_scene->errorString());
    selectNode(m_hub->current()); // the new items: the current item's node again
}

void DiagramPage::selectNode(const QString &key)
{
    if (key.isEmpty() || m_scene->nodeItem(key))
        m_scene->setSelectedNode(key);
    else
        m_scene->setSelectedNode(m_kind == DiagramKind::Namespaces ? m_hub->namespaceOf(key) : QString());
}

void DiagramPage::showCurrent(const QString &key)
{
    if (m_kind != DiagramKind::Namespaces) {
        selectNode(key);
        return;
    }
    // With "Show processes" on, the selection's namespace is the one drawn open.
    const QString ns = m_hub->namespaceOf(key);
    if (m_showProcesses && !ns.isEmpty() && ns != m_expandedNamespace) {
        m_expandedNamespace = ns;
        rebuild();
    }
    selectNode(key);
    if (isVisible()) {
        const QRectF rect = m_scene->nodeRect(m_scene->selectedNode());
        if (!rect.isNull())
            m_view->ensureVisible(rect, 40, 40);
    }
}

void DiagramPage::highlightPathTo(const QString &key)
{
    if (!m_analysis || key.isEmpty()) {
        m_scene->clearHighlight();
        return;
    }
    const std::vector<std::string> path = diagramPathTo(*m_analysis, key.toStdString());
    if (path.empty()) {
        m_scene->clearHighlight();
        return;
    }
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(path.size()));
    for (const std::string &id : path)
        ids.append(toQString(id));
    m_scene->setHighlightedPath(ids);
}

void DiagramPage::descendInto(const QString &key)
{
    // Double-click descends: the namespace opens to show its processes.
    const QString ns = m_hub->namespaceOf(key);
    if (ns.isEmpty())
        return;
    m_expandedNamespace = ns;
    if (!m_showProcesses)
        setShowProcesses(true);
    else
        rebuild();
    if (m_hub->current() == key)
        showCurrent(key); // the first click already selected it: only bring it into view
    else
        m_hub->select(key);
}

} // namespace wslatlas
