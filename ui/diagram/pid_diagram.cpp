#include "pid_diagram.h"

#include "diagram_support.h"
#include "finding_text.h"
#include "model_support.h"

#include <QCoreApplication>

#include <algorithm>
#include <unordered_set>

namespace wslatlas {

using diagram_support::utf8;

namespace {

// A parent edge is drawn solid when something proves it: a PPid walk across the levels, the NSpid length
// seen from a vantage one level up (or a parent derived from such facts), or the kernel's initial
// namespace. A placeholder parent, "no vantage above" or no evidence at all is an inference: dashed.
bool provenParent(const PidNamespace &ns)
{
    return std::any_of(ns.evidence.begin(), ns.evidence.end(), [](const Evidence &e) {
        return e.kind == EvidenceKind::PpidWalk || e.kind == EvidenceKind::InitialNamespace ||
               e.kind == EvidenceKind::VantageLevel || e.kind == EvidenceKind::Derived;
    });
}

DiagramNode namespaceNode(const SnapshotAnalysis &analysis, int index, const RoleTexts &roles)
{
    const PidNamespace &ns = analysis.snapshot().pidNamespaces[static_cast<std::size_t>(index)];
    const int own = analysis.ownProcesses(index);
    const int subtree = analysis.subtreeProcesses(index);
    DiagramNode node;
    node.id = ns.id;
    node.tone = toneForRole(ns.role);
    node.title = utf8(namespaceLabel(ns));
    node.lines.push_back(ns.inode
                             ? std::to_string(*ns.inode)
                             : utf8(QCoreApplication::translate("PidDiagram", "not seen",
                                                                "a placeholder namespace: no inode known")));
    node.lines.push_back(utf8(roles.name(ns.role)));
    QString processes =
        QCoreApplication::translate("PidDiagram", "%n process(es)", "own processes of a pid namespace", own);
    if (subtree != own) {
        const QString inSubtree = QCoreApplication::translate(
            "PidDiagram", " · %n in subtree", "processes of a namespace and all below it", subtree);
        processes += inSubtree;
    }
    node.lines.push_back(utf8(processes));
    if (!ns.distros.empty())
        node.lines.push_back(diagram_support::joined(ns.distros));
    std::vector<std::string> tip;
    for (const Evidence &e : ns.evidence)
        if (const QString text = EvidenceText::text(e); !text.isEmpty())
            tip.push_back(utf8(text));
    if (!ns.vantages.empty())
        tip.push_back(utf8(QCoreApplication::translate("PidDiagram", "Vantages: %1",
                                                       "the vantages whose own namespace this is")
                               .arg(toQString(diagram_support::joined(ns.vantages)))));
    node.toolTip = diagram_support::joined(tip, "\n");
    node.namespaceId = ns.id;
    return node;
}

// The expanded namespace's own processes, innermost pid first, at most options.maxProcessNodes of them.
void addProcesses(Diagram &diagram, const SnapshotAnalysis &analysis, const NamespaceTexts &texts,
                  int expanded, int maxNodes)
{
    const Snapshot &snapshot = analysis.snapshot();
    const std::string &nsId = snapshot.pidNamespaces[static_cast<std::size_t>(expanded)].id;
    std::vector<const Process *> own;
    for (int j : analysis.processesOf(expanded))
        own.push_back(&snapshot.processes[static_cast<std::size_t>(j)]);
    std::stable_sort(own.begin(), own.end(),
                     [](const Process *a, const Process *b) { return innermostPid(*a) < innermostPid(*b); });

    const ChainText chainText;
    const QString linkSeparator = QCoreApplication::translate(
        "ChainText", " → ", "between the levels of an NSpid chain, outermost first");
    std::unordered_set<std::string> seen;
    int shown = 0;
    int hidden = 0;
    for (const Process *p : own) {
        std::string id = utf8(processItemId(*p));
        if (shown >= std::max(0, maxNodes) || !seen.insert(id).second) {
            ++hidden; // a repeated id (a malformed file) cannot be a second node; it still counts
            continue;
        }
        ++shown;
        DiagramNode node;
        node.id = id;
        node.tone = DiagramTone::Process;
        node.title = p->name.empty() ? utf8(processDisplayName(*p)) : p->name;
        QStringList pids;
        for (const ChainLink &link : p->chain)
            pids.push_back(QString::number(link.pid));
        if (!pids.isEmpty())
            node.lines.push_back(utf8(pids.join(linkSeparator)));
        node.lines.push_back(utf8(diagram_support::shortened(processDisplayName(*p), 40)));
        node.toolTip = utf8(chainText.toolTip(*p, texts, analysis.resolve(*p)));
        node.namespaceId = nsId;
        diagram.edges.push_back({"e:" + nsId + "→" + node.id, nsId, node.id, {}, false});
        diagram.nodes.push_back(std::move(node));
    }
    if (hidden > 0) {
        DiagramNode more;
        more.id = "more:" + nsId;
        more.tone = DiagramTone::Note;
        more.title = utf8(QCoreApplication::translate("PidDiagram", "+ %n more process(es)",
                                                      "processes not drawn as nodes", hidden));
        more.lines.push_back(utf8(QCoreApplication::translate("PidDiagram", "listed in the process table")));
        more.namespaceId = nsId;
        diagram.edges.push_back({"e:" + nsId + "→" + more.id, nsId, more.id, {}, true});
        diagram.nodes.push_back(std::move(more));
    }
}

} // namespace

Diagram pidDiagram(const SnapshotAnalysis &analysis, const PidDiagramOptions &options)
{
    const Snapshot &snapshot = analysis.snapshot();
    Diagram diagram;
    diagram.title = utf8(QCoreApplication::translate("PidDiagram", "Pid namespaces"));
    diagram.rankdir = "TB";
    for (const Finding &finding : snapshot.findings)
        diagram.notes.push_back(diagram_support::badgeOf(finding));
    if (snapshot.pidNamespaces.empty()) {
        DiagramNode note;
        note.id = "note:no-pid-namespaces";
        note.tone = DiagramTone::Note;
        note.title = utf8(QCoreApplication::translate("PidDiagram", "No pid namespaces"));
        note.lines.push_back(utf8(QCoreApplication::translate(
            "PidDiagram", "This snapshot has none: take a snapshot with the collector, or open one.")));
        diagram.nodes.push_back(std::move(note));
        return diagram;
    }

    const RoleTexts roles;
    const int expanded =
        options.expandNamespace.empty() ? -1 : analysis.findNamespace(options.expandNamespace);
    diagram.nodes.reserve(snapshot.pidNamespaces.size());
    for (int i = 0; i < analysis.namespaceCount(); ++i) {
        const PidNamespace &ns = snapshot.pidNamespaces[static_cast<std::size_t>(i)];
        if (analysis.findNamespace(ns.id) != i)
            continue; // a repeated id: the analysis keeps the first
        diagram.nodes.push_back(namespaceNode(analysis, i, roles));
        diagram.nodes.back().emphasised = i == expanded;
        const int parent = analysis.parent(i);
        if (parent < 0)
            continue;
        const PidNamespace &up = snapshot.pidNamespaces[static_cast<std::size_t>(parent)];
        diagram.edges.push_back(
            {"e:" + up.id + "→" + ns.id, up.id, ns.id, {}, !up.inode || !provenParent(ns)});
    }
    if (expanded >= 0)
        addProcesses(diagram, analysis, NamespaceTexts(analysis), expanded, options.maxProcessNodes);
    return diagram;
}

std::vector<std::string> diagramPathTo(const SnapshotAnalysis &analysis, std::string_view id)
{
    const Snapshot &snapshot = analysis.snapshot();
    auto pathTo = [&](int ns) {
        std::vector<std::string> path;
        for (int n : analysis.pathTo(ns))
            path.push_back(snapshot.pidNamespaces[static_cast<std::size_t>(n)].id);
        return path;
    };
    const ItemId item = analysis.find(id);
    if (item.isNamespace())
        return pathTo(item.index);
    if (!item.isProcess())
        return {};
    const Process &process = snapshot.processes[static_cast<std::size_t>(item.index)];
    std::vector<std::string> path;
    for (const ChainLink &link : process.chain) {
        const int ns = analysis.findNamespace(link.ns);
        if (ns < 0 || std::find(path.begin(), path.end(), link.ns) != path.end())
            continue; // a level the snapshot does not list has no node
        if (path.empty())
            path = pathTo(ns);
        else
            path.push_back(link.ns);
    }
    if (path.empty() && analysis.namespaceOf(item.index) >= 0)
        path = pathTo(analysis.namespaceOf(item.index));
    path.push_back(std::string(id));
    return path;
}

} // namespace wslatlas
