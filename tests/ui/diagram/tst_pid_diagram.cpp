// pidDiagram and diagramPathTo on the seed articles' sample, hand-made edge cases and the synthetic
// snapshot: ids, tones, edges, the expanded namespace's processes, the overflow node, paths, notes, speed,
// and that every diagram is a graph Graphviz lays out and dot draws.
#include "diagram_checks.h"
#include "model_fixtures.h"
#include "pid_diagram.h"

#include <QTranslator>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace wslatlas;
using test::findEdge;
using test::findNode;
using test::hasLine;

namespace {

const std::string kVm = "pid:[4026531836]";
const std::string kWslg = "pid:[4026532245]";
const std::string kUbuntu2004 = "pid:[4026532257]";
const std::string kIsolation = "pid:[4026532771]";
const std::string kUbuntu1804 = "pid:[4026532784]";
const std::string kSleep = "proc:pid:[4026532257]:4419";

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// Every diagram must be a graph: well formed, laid out by Graphviz, drawn by dot with every title.
void checkGraph(const Diagram &diagram, bool withDot = true)
{
    const QString problem = test::diagramProblem(diagram);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString layout = test::layoutProblem(diagram);
    QVERIFY2(layout.isEmpty(), qPrintable(layout));
    if (!withDot)
        return;
    bool skipped = false;
    const QString dot = test::dotProblem(diagram, skipped);
    QVERIFY2(dot.isEmpty(), qPrintable(dot));
    if (skipped)
        qInfo("dot is not installed: the DOT export was not drawn");
}

std::vector<std::string> processNodeIds(const Diagram &diagram)
{
    std::vector<std::string> ids;
    for (const DiagramNode &node : diagram.nodes)
        if (node.tone == DiagramTone::Process)
            ids.push_back(node.id);
    return ids;
}

} // namespace

class TestPidDiagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_seed = test::seedSnapshot();
        m_synthetic = test::syntheticSnapshot(10000);
        QCOMPARE(m_seed->pidNamespaces.size(), std::size_t(5));
    }

    // Core stores what a namespace is; the words are the user's language's, in the picture and so in its
    // exports (the SVG of a Korean session used to say "Isolation (Ubuntu-18.04)" beside "격리").
    void namesAreWrittenInTheUsersLanguage()
    {
        const auto titleOf = [this](const std::string &id) {
            const Diagram d = pidDiagram(SnapshotAnalysis(m_seed));
            const auto node = std::find_if(d.nodes.begin(), d.nodes.end(),
                                           [&](const DiagramNode &n) { return n.id == id; });
            return node == d.nodes.end() ? std::string() : node->title;
        };
        QCOMPARE(titleOf(kIsolation), std::string("Isolation (Ubuntu-18.04)"));
        QCOMPARE(titleOf(kWslg), std::string("WSLg system (Ubuntu-20.04)"));
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/wslatlas_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        const std::string isolation = titleOf(kIsolation);
        const std::string wslg = titleOf(kWslg);
        QCoreApplication::removeTranslator(&korean);
        QCOMPARE(QString::fromStdString(isolation), QStringLiteral("격리 (Ubuntu-18.04)"));
        QCOMPARE(QString::fromStdString(wslg), QStringLiteral("WSLg 시스템 (Ubuntu-20.04)"));
        // The file keeps the English label for people reading it.
        QCOMPARE(m_seed->findNamespace(kIsolation)->label, std::string("Isolation (Ubuntu-18.04)"));
    }

    void seedTree()
    {
        const Diagram d = pidDiagram(SnapshotAnalysis(m_seed));
        checkGraph(d);
        QCOMPARE(d.rankdir, std::string("TB"));
        QCOMPARE(d.nodes.size(), std::size_t(5));
        QCOMPARE(d.edges.size(), std::size_t(4));
        QVERIFY(d.clusters.empty());
        QVERIFY(d.notes.empty());
        const std::pair<std::string, DiagramTone> tones[] = {{kVm, DiagramTone::Vm},
                                                             {kWslg, DiagramTone::Wslg},
                                                             {kUbuntu2004, DiagramTone::Distro},
                                                             {kIsolation, DiagramTone::Isolation},
                                                             {kUbuntu1804, DiagramTone::Distro}};
        for (const auto &[id, tone] : tones) {
            const DiagramNode *node = findNode(d, id);
            QVERIFY2(node, id.c_str());
            QCOMPARE(toString(node->tone), toString(tone));
            QCOMPARE(node->namespaceId, id);
            QVERIFY(!node->emphasised);
        }
        // VM → WSLg → Ubuntu-20.04 and VM → isolation → Ubuntu-18.04, all proven (NSpid levels, PPid walks).
        for (const auto &[from, to] : {std::pair{kVm, kWslg}, std::pair{kWslg, kUbuntu2004},
                                       std::pair{kVm, kIsolation}, std::pair{kIsolation, kUbuntu1804}}) {
            const DiagramEdge *edge = findEdge(d, from, to);
            QVERIFY2(edge, (from + " -> " + to).c_str());
            QCOMPARE(edge->id, "e:" + from + "→" + to);
            QVERIFY(!edge->dashed);
        }
        QVERIFY(!findEdge(d, kVm, kUbuntu2004));

        const DiagramNode *ubuntu = findNode(d, kUbuntu2004);
        QCOMPARE(q(ubuntu->title), QStringLiteral("Ubuntu-20.04"));
        QCOMPARE(ubuntu->lines,
                 (std::vector<std::string>{"4026532257", "Distro", "11 process(es)", "Ubuntu-20.04"}));
        QVERIFY(q(ubuntu->toolTip).contains(QStringLiteral("In vantage vm, process 226 (systemd)")));
        QVERIFY(q(ubuntu->toolTip).contains(QStringLiteral("Vantages: Ubuntu-20.04")));
        const DiagramNode *vm = findNode(d, kVm);
        QCOMPARE(q(vm->title), QStringLiteral("Mariner VM"));
        QCOMPARE(vm->lines, (std::vector<std::string>{"4026531836", "VM", "6 process(es) · 28 in subtree"}));
        QCOMPARE(findNode(d, kIsolation)->lines[2], std::string("1 process(es) · 6 in subtree"));
    }

    void expandedNamespace()
    {
        const Diagram d = pidDiagram(SnapshotAnalysis(m_seed), {kUbuntu2004, 40});
        checkGraph(d);
        QVERIFY(findNode(d, kUbuntu2004)->emphasised);
        QVERIFY(!findNode(d, kVm)->emphasised);
        // Its 11 own processes, by innermost pid; nothing of the other namespaces.
        const std::vector<std::string> expected = {
            "proc:pid:[4026532257]:1",    "proc:pid:[4026532257]:2",
            "proc:pid:[4026532257]:9",    "proc:pid:[4026532257]:23",
            "proc:pid:[4026532257]:612",  "proc:pid:[4026532257]:624",
            "proc:pid:[4026532257]:625",  "proc:pid:[4026532257]:805",
            "proc:pid:[4026532257]:1036", kSleep,
            "proc:pid:[4026532257]:4630",
        };
        QCOMPARE(processNodeIds(d), expected);
        QVERIFY(!findNode(d, "more:" + kUbuntu2004));

        const DiagramNode *sleep = findNode(d, kSleep);
        QVERIFY(sleep);
        QCOMPARE(q(sleep->title), QStringLiteral("sleep"));
        QCOMPARE(
            q(sleep->toolTip),
            QStringLiteral("sleep · 48950 Mariner VM → 4578 WSLg system (Ubuntu-20.04) → 4419 Ubuntu-20.04"));
        QCOMPARE(sleep->lines, (std::vector<std::string>{"48950 → 4578 → 4419", "sleep 680001"}));
        QCOMPARE(sleep->namespaceId, kUbuntu2004);
        const DiagramEdge *edge = findEdge(d, kUbuntu2004, kSleep);
        QVERIFY(edge);
        QCOMPARE(edge->id, "e:" + kUbuntu2004 + "→" + kSleep);
        // A process seen only from inside its namespace has a one-link chain.
        QCOMPARE(findNode(d, "proc:pid:[4026532257]:4630")->lines[0], std::string("4630"));
        // Long command lines are cut to 40 characters, the last an ellipsis.
        const QString plan9 = q(findNode(d, "proc:pid:[4026532257]:9")->lines[1]);
        QCOMPARE(plan9.size(), 40);
        QVERIFY(plan9.startsWith(QStringLiteral("plan9 --control-socket 6 --log-level 4")));
        QVERIFY(plan9.endsWith(QChar(0x2026)));
        // The VM's kernel threads have no command line: "[kthreadd]" as ps shows them.
        const Diagram vm = pidDiagram(SnapshotAnalysis(m_seed), {kVm, 40});
        QCOMPARE(findNode(vm, "proc:pid:[4026531836]:2")->lines,
                 (std::vector<std::string>{"2", "[kthreadd]"}));
        checkGraph(vm);
    }

    void overflowNode()
    {
        const Diagram d = pidDiagram(SnapshotAnalysis(m_seed), {kUbuntu2004, 3});
        checkGraph(d);
        QCOMPARE(processNodeIds(d),
                 (std::vector<std::string>{"proc:pid:[4026532257]:1", "proc:pid:[4026532257]:2",
                                           "proc:pid:[4026532257]:9"}));
        const DiagramNode *more = findNode(d, "more:" + kUbuntu2004);
        QVERIFY(more);
        QCOMPARE(q(more->title), QStringLiteral("+ 8 more process(es)"));
        QCOMPARE(more->namespaceId, kUbuntu2004);
        QVERIFY(findEdge(d, kUbuntu2004, more->id)->dashed);

        const Diagram none = pidDiagram(SnapshotAnalysis(m_seed), {kUbuntu2004, 0});
        QVERIFY(processNodeIds(none).empty());
        QCOMPARE(q(findNode(none, "more:" + kUbuntu2004)->title), QStringLiteral("+ 11 more process(es)"));
        checkGraph(none);

        // An unknown namespace expands nothing.
        const Diagram unknown = pidDiagram(SnapshotAnalysis(m_seed), {"pid:[1]", 40});
        QCOMPARE(unknown.nodes.size(), std::size_t(5));
        QVERIFY(std::none_of(unknown.nodes.begin(), unknown.nodes.end(),
                             [](const DiagramNode &n) { return n.emphasised; }));
    }

    void paths()
    {
        QCOMPARE(diagramPathTo(SnapshotAnalysis(m_seed), kSleep),
                 (std::vector<std::string>{kVm, kWslg, kUbuntu2004, kSleep}));
        QCOMPARE(diagramPathTo(SnapshotAnalysis(m_seed), kUbuntu1804),
                 (std::vector<std::string>{kVm, kIsolation, kUbuntu1804}));
        QCOMPARE(diagramPathTo(SnapshotAnalysis(m_seed), kVm), (std::vector<std::string>{kVm}));
        // Seen only from inside: the chain starts at Ubuntu-20.04, the path still starts at the root.
        QCOMPARE(diagramPathTo(SnapshotAnalysis(m_seed), "proc:pid:[4026532257]:4630"),
                 (std::vector<std::string>{kVm, kWslg, kUbuntu2004, "proc:pid:[4026532257]:4630"}));
        QCOMPARE(diagramPathTo(SnapshotAnalysis(m_seed), "proc:pid:[4026532784]:32"),
                 (std::vector<std::string>{kVm, kIsolation, kUbuntu1804, "proc:pid:[4026532784]:32"}));
        for (const char *unknown : {"pid:[1]", "", "proc:pid:[4026532257]:99999", "proc:pid:[4026532257]:x",
                                    "proc:", "proc:garbage", "net:[4026531840]"})
            QVERIFY2(diagramPathTo(SnapshotAnalysis(m_seed), unknown).empty(), unknown);
        // Every id on a path is a node of the diagram that shows it.
        const Diagram d = pidDiagram(SnapshotAnalysis(m_seed), {kUbuntu2004, 40});
        for (const std::string &id : diagramPathTo(SnapshotAnalysis(m_seed), kSleep))
            QVERIFY2(findNode(d, id), id.c_str());
    }

    void findingsBecomeNotes()
    {
        Snapshot s = *m_seed;
        s.findings = {{Severity::Warning, "vantages disagree on the ancestor"},
                      {Severity::Error, "broken"},
                      {Severity::Info, "fyi"}};
        const Diagram d = pidDiagram(test::analysisOf(s));
        QCOMPARE(d.notes.size(), std::size_t(3));
        QCOMPARE(d.notes[0].text, std::string("vantages disagree on the ancestor"));
        QVERIFY(d.notes[0].severity == Severity::Warning);
        QVERIFY(d.notes[1].severity == Severity::Error);
        QVERIFY(d.notes[2].severity == Severity::Info);
    }

    void emptySnapshot()
    {
        const Diagram d = pidDiagram(test::analysisOf(Snapshot{}));
        QCOMPARE(d.nodes.size(), std::size_t(1));
        QCOMPARE(toString(d.nodes[0].tone), toString(DiagramTone::Note));
        QCOMPARE(q(d.nodes[0].title), QStringLiteral("No pid namespaces"));
        QVERIFY(d.edges.empty());
        checkGraph(d);
        QCOMPARE(pidDiagram(test::analysisOf(Snapshot{}), {"pid:[1]", 40}).nodes.size(), std::size_t(1));
        QVERIFY(diagramPathTo(test::analysisOf(Snapshot{}), kSleep).empty());
    }

    void placeholdersAndWeakEvidence()
    {
        const Diagram d = pidDiagram(SnapshotAnalysis(m_synthetic));
        checkGraph(d, false);
        QCOMPARE(d.nodes.size(), m_synthetic->pidNamespaces.size());
        const DiagramNode *unseen = findNode(d, "pid:[?1]");
        QVERIFY(unseen);
        QCOMPARE(unseen->lines[0], std::string("not seen"));
        QCOMPARE(toString(unseen->tone), toString(DiagramTone::Unknown));
        // Several roots: the VM and the placeholder; the placeholder's edge is dashed.
        int roots = 0;
        for (const DiagramNode &node : d.nodes)
            roots += std::none_of(d.edges.begin(), d.edges.end(),
                                  [&](const DiagramEdge &e) { return e.to == node.id; });
        QCOMPARE(roots, 2);
        bool below = false;
        for (const DiagramEdge &e : d.edges)
            if (e.from == "pid:[?1]") {
                below = true;
                QVERIFY(e.dashed);
            }
        QVERIFY(below);

        // A ppid walk makes an edge solid; "no vantage above" alone leaves it dashed.
        Snapshot s = *m_seed;
        s.pidNamespaces[2].evidence = {{EvidenceKind::NoVantageAbove, "", 0, 0, "nobody saw above"}};
        const Diagram weak = pidDiagram(test::analysisOf(s));
        QVERIFY(findEdge(weak, kWslg, kUbuntu2004)->dashed);
        QVERIFY(!findEdge(weak, kVm, kWslg)->dashed);
    }

    void malformedSnapshot()
    {
        // A loop (a → b → a), a repeated id and a parent nobody lists: still one node per id, a valid graph.
        Snapshot s;
        for (const auto &[id, parent] : {std::pair{"pid:[1]", "pid:[2]"}, std::pair{"pid:[2]", "pid:[1]"},
                                         std::pair{"pid:[1]", ""}, std::pair{"pid:[3]", "pid:[404]"}}) {
            PidNamespace ns;
            ns.id = id;
            ns.parent = parent;
            s.pidNamespaces.push_back(ns);
        }
        Process p;
        p.name = "twin";
        p.pidNs = "pid:[1]";
        p.chain = {{"pid:[1]", 7}};
        s.processes = {p, p};
        const Diagram d = pidDiagram(test::analysisOf(s), {"pid:[1]", 40});
        checkGraph(d);
        QCOMPARE(processNodeIds(d), std::vector<std::string>{"proc:pid:[1]:7"});
        QCOMPARE(q(findNode(d, "more:pid:[1]")->title), QStringLiteral("+ 1 more process(es)"));
        QCOMPARE(diagramPathTo(test::analysisOf(s), "pid:[3]"), std::vector<std::string>{"pid:[3]"});
    }

    void largeSnapshots()
    {
        // 300 namespaces (the synthetic 199 plus 101 more under the VM) and 10,000 processes.
        Snapshot s = *m_synthetic;
        for (int i = 0; i < 101; ++i) {
            PidNamespace ns;
            ns.inode = 4026540000u + static_cast<unsigned>(i);
            ns.id = pidNsId(*ns.inode);
            ns.parent = s.pidNamespaces.front().id;
            ns.role = NamespaceRole::Distro;
            ns.label = "extra-" + std::to_string(i);
            ns.depth = 1;
            s.pidNamespaces.push_back(ns);
        }
        QCOMPARE(s.pidNamespaces.size(), std::size_t(300));
        const std::string busy = s.processes.front().pidNs;
        const Diagram plain = pidDiagram(test::analysisOf(s));
        const Diagram expanded = pidDiagram(test::analysisOf(s), {busy, 40});
        QCOMPARE(plain.nodes.size(), std::size_t(300));
        QCOMPARE(expanded.nodes.size(), std::size_t(300 + 40 + 1));
        // How fast: bench_gui's PidDiagram (a benchmark, not a test).
        checkGraph(pidDiagram(test::analysisOf(s), {busy, 40}), false);
    }

private:
    std::shared_ptr<const Snapshot> m_seed;
    std::shared_ptr<const Snapshot> m_synthetic;
};

QTEST_MAIN(TestPidDiagram)
#include "tst_pid_diagram.moc"
