// One analysis, the same numbers everywhere: a snapshot whose stored process_count disagrees with the
// processes it lists is shown by the tree, the table, the pid diagram, the details panel and the donut,
// and each of them gives the processes it lists, own and in the subtree, counted once in core.
#include "analysis.h"
#include "charts_view.h"
#include "details_panel.h"
#include "model_fixtures.h"
#include "namespace_tree_model.h"
#include "pid_diagram.h"
#include "process_table_model.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QtTest>

#include <map>

using namespace wslatlas;

namespace {

// Counts made here from the file's own lists, independently of the analysis: own processes by pidNs, and
// the subtree by walking each process's namespace up the parent ids.
struct Expected
{
    std::map<std::string, int> own;
    std::map<std::string, int> subtree;
};

Expected countByHand(const Snapshot &s)
{
    std::map<std::string, std::string> parentOf;
    for (const PidNamespace &ns : s.pidNamespaces)
        parentOf[ns.id] = ns.parent;
    Expected e;
    for (const Process &p : s.processes) {
        ++e.own[p.pidNs];
        for (std::string at = p.pidNs; !at.empty(); at = parentOf[at])
            ++e.subtree[at];
    }
    return e;
}

// The seed, with every stored count wrong on purpose.
std::shared_ptr<const Snapshot> disagreeingSnapshot()
{
    auto s = std::make_shared<Snapshot>(*test::seedSnapshot());
    for (PidNamespace &ns : s->pidNamespaces)
        ns.processCount = 999;
    return s;
}

QPieSlice *sliceOf(const ChartsView &view, const QString &id)
{
    for (QAbstractSeries *series : view.donutChartView()->chart()->series())
        if (auto *pie = qobject_cast<QPieSeries *>(series))
            for (QPieSlice *slice : pie->slices())
                if (slice->property(ChartsView::kNamespaceIdProperty).toString() == id)
                    return slice;
    return nullptr;
}

QStringList labelTexts(const DetailsPanel &panel)
{
    QStringList texts;
    for (const QLabel *label : panel.findChild<QScrollArea *>()->widget()->findChildren<QLabel *>())
        texts.push_back(label->text());
    return texts;
}

} // namespace

class TestAnalysisConsistency : public QObject
{
    Q_OBJECT

private slots:
    void everyViewCountsTheListedProcesses();
};

void TestAnalysisConsistency::everyViewCountsTheListedProcesses()
{
    const std::shared_ptr<const SnapshotAnalysis> analysis = analyze(disagreeingSnapshot());
    const Snapshot &s = analysis->snapshot();
    const Expected expected = countByHand(s);

    NamespaceTreeModel tree;
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setAnalysis(analysis);
    ProcessTableModel table;
    table.setAnalysis(analysis);
    DetailsPanel panel;
    panel.setAnalysis(analysis);
    ChartsView charts;
    charts.resize(900, 700);
    charts.setAnalysis(analysis);
    const Diagram diagram = pidDiagram(*analysis);

    std::map<std::string, int> tableRows;
    for (int r = 0; r < table.rowCount(); ++r)
        ++tableRows[table.processAt(table.index(r, 0))->pidNs];

    int checked = 0;
    for (const PidNamespace &ns : s.pidNamespaces) {
        const int own = expected.own.count(ns.id) ? expected.own.at(ns.id) : 0;
        const int subtree = expected.subtree.count(ns.id) ? expected.subtree.at(ns.id) : 0;
        QVERIFY(own != ns.processCount); // the stored count really disagrees
        const QString id = QString::fromStdString(ns.id);

        // The tree: the count column and its tooltip.
        const QModelIndex count = tree.indexForId(id, NamespaceTreeModel::ProcessesColumn);
        QCOMPARE(count.data().toString(), QString::number(own));
        QVERIFY2(count.data(Qt::ToolTipRole).toString().contains(QStringLiteral(": %1").arg(subtree)),
                 qPrintable(count.data(Qt::ToolTipRole).toString()));
        // The table: the rows of that namespace.
        QCOMPARE(tableRows[ns.id], own);
        // The pid diagram: the node's count line.
        const auto node = std::find_if(diagram.nodes.begin(), diagram.nodes.end(),
                                       [&](const DiagramNode &n) { return n.id == ns.id; });
        QVERIFY(node != diagram.nodes.end());
        const QString line = QString::fromStdString(node->lines.at(2));
        QVERIFY2(line.startsWith(QString::number(own) + QLatin1Char(' ')), qPrintable(line));
        QCOMPARE(line.contains(QStringLiteral("%1 in subtree").arg(subtree)), subtree != own);
        // The details panel: its Processes row.
        panel.showItem(id);
        QVERIFY2(
            labelTexts(panel).contains(QStringLiteral("%1 own · %2 in its subtree").arg(own).arg(subtree)),
            qPrintable(labelTexts(panel).join(QLatin1Char('|'))));
        // The donut: a slice sized by the subtree, whose tooltip names both counts.
        if (subtree > 0) {
            const QPieSlice *slice = sliceOf(charts, id);
            QVERIFY(slice);
            QCOMPARE(static_cast<int>(slice->value()), subtree);
            QVERIFY(charts.sliceToolTip(slice).contains(QStringLiteral("(%1 in subtree)").arg(subtree)));
        }
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(s.pidNamespaces.size()));
    QVERIFY(checked >= 4);
}

QTEST_MAIN(TestAnalysisConsistency)
#include "tst_analysis_consistency.moc"
