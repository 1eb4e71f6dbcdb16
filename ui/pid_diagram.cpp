#include "pid_diagram.h"

#include "diagram_support.h"
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
        return e.kind == "ppid-walk" || e.kind == "initial-namespace" || e.kind == "vantage-level" ||
               e.kind == "derived";
    });
}

// Own process counts summed over each subtree, children before parents (the index's parents form a
// forest even for a malformed file).
std::vector<long long> subtreeCounts(const Snapshot &snapshot, const NamespaceIndex &index)
{
    const int count = index.size();
    std::vector<std::vector<int>> children(static_cast<std::size_t>(count));
    std::vector<int> order; // breadth first from the roots: every parent before its children
    order.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        if (index.parent(i) >= 0)
            children[static_cast<std::size_t>(index.parent(i))].push_back(i);
        else
            order.push_back(i);
    }
    for (std::size_t at = 0; at < order.size(); ++at)
        for (int child : children[static_cast<std::size_t>(order[at])])
            order.push_back(child);
    std::vector<long long> subtree(static_cast<std::size_t>(count), 0);
    for (int i = 0; i < count; ++i)
        subtree[static_cast<std::size_t>(i)] =
            snapshot.pidNamespaces[static_cast<std::size_t>(i)].processCount;
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (index.parent(*it) >= 0)
            subtree[static_cast<std::size_t>(index.parent(*it))] += subtree[static_cast<std::size_t>(*it)];
    return subtree;
}

DiagramNode namespaceNode(const PidNamespace &ns, long long subtree, const RoleTexts &roles)
{
    DiagramNode node;
    node.id = ns.id;
    node.tone = toneForRole(ns.role);
    node.title = ns.label.empty() ? ns.id : ns.label;
    node.lines.push_back(ns.inode
                             ? std::to_string(*ns.inode)
                             : utf8(QCoreApplication::translate("PidDiagram", "not seen",
                                                                "a placeholder namespace: no inode known")));
    node.lines.push_back(utf8(roles.name(ns.role)));
    QString processes = QCoreApplication::translate("PidDiagram", "%n process(es)",
                                                    "own processes of a pid namespace", ns.processCount);
    if (subtree != ns.processCount) {
        const int all = static_cast<int>(subtree);
        const QString inSubtree = QCoreApplication::translate(
            "PidDiagram", " · %n in subtree", "processes of a namespace and all below it", all);
        processes += inSubtree;
    }
    node.lines.push_back(utf8(processes));
    if (!ns.distros.empty())
        node.lines.push_back(diagram_support::joined(ns.distros));
    std::vector<std::string> tip;
    for (const Evidence &e : ns.evidence)
        if (!e.text.empty())
            tip.push_back(e.text);
    if (!ns.vantages.empty())
        tip.push_back(utf8(QCoreApplication::translate("PidDiagram", "Vantages: %1",
                                                       "the vantages whose own namespace this is")
                               .arg(toQString(diagram_support::joined(ns.vantages)))));
    node.toolTip = diagram_support::joined(tip, "\n");
    node.namespaceId = ns.id;
    return node;
}

// The expanded namespace's own processes, innermost pid first, at most options.maxProcessNodes of them.
void addProcesses(Diagram &diagram, const Snapshot &snapshot, const NamespaceIndex &index,
                  const std::string &nsId, int maxNodes)
{
    std::vector<const Process *> own;
    for (const Process &p : snapshot.processes)
        if (p.pidNs == nsId)
            own.push_back(&p);
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
        node.toolTip = utf8(chainText.toolTip(*p, index, index.resolve(*p)));
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

Diagram pidDiagram(const Snapshot &snapshot, const PidDiagramOptions &options)
{
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

    const NamespaceIndex index(snapshot);
    const std::vector<long long> subtree = subtreeCounts(snapshot, index);
    const RoleTexts roles;
    const int expanded = options.expandNamespace.empty() ? -1 : index.find(options.expandNamespace);
    diagram.nodes.reserve(snapshot.pidNamespaces.size());
    for (int i = 0; i < index.size(); ++i) {
        const PidNamespace &ns = snapshot.pidNamespaces[static_cast<std::size_t>(i)];
        if (index.find(ns.id) != i)
            continue; // a repeated id: the index keeps the first
        diagram.nodes.push_back(namespaceNode(ns, subtree[static_cast<std::size_t>(i)], roles));
        diagram.nodes.back().emphasised = i == expanded;
        const int parent = index.parent(i);
        if (parent < 0)
            continue;
        const PidNamespace &up = snapshot.pidNamespaces[static_cast<std::size_t>(parent)];
        diagram.edges.push_back(
            {"e:" + up.id + "→" + ns.id, up.id, ns.id, {}, !up.inode || !provenParent(ns)});
    }
    if (expanded >= 0)
        addProcesses(diagram, snapshot, index, snapshot.pidNamespaces[static_cast<std::size_t>(expanded)].id,
                     options.maxProcessNodes);
    return diagram;
}

std::vector<std::string> diagramPathTo(const Snapshot &snapshot, std::string_view id)
{
    const NamespaceIndex index(snapshot);
    auto pathTo = [&](int ns) {
        std::vector<std::string> path;
        for (int at = ns; at >= 0; at = index.parent(at))
            path.push_back(snapshot.pidNamespaces[static_cast<std::size_t>(at)].id);
        std::reverse(path.begin(), path.end());
        return path;
    };

    constexpr std::string_view kProcess = "proc:";
    if (id.substr(0, kProcess.size()) != kProcess) {
        const int ns = index.find(id);
        return ns < 0 ? std::vector<std::string>{} : pathTo(ns);
    }
    // "proc:<namespace id>:<innermost pid>", as processItemId writes it.
    const std::size_t colon = id.rfind(':');
    if (colon == std::string_view::npos || colon < kProcess.size())
        return {};
    const std::string_view nsId = id.substr(kProcess.size(), colon - kProcess.size());
    const auto pid = text::parseWhole<int>(id.substr(colon + 1));
    if (!pid)
        return {};
    const auto process =
        std::find_if(snapshot.processes.begin(), snapshot.processes.end(),
                     [&](const Process &p) { return p.pidNs == nsId && innermostPid(p) == *pid; });
    if (process == snapshot.processes.end())
        return {};

    std::vector<std::string> path;
    for (const ChainLink &link : process->chain) {
        const int ns = index.find(link.ns);
        if (ns < 0 || std::find(path.begin(), path.end(), link.ns) != path.end())
            continue; // a level the snapshot does not list has no node
        if (path.empty())
            path = pathTo(ns);
        else
            path.push_back(link.ns);
    }
    if (path.empty()) {
        const int own = index.find(process->pidNs);
        if (own >= 0)
            path = pathTo(own);
    }
    path.push_back(std::string(id));
    return path;
}

} // namespace wslatlas
