// The selection hub and the views that follow it: one currentChanged per change, echoes ignored, a change
// made while the hub emits delivered afterwards, and the window's pages agreeing on one item.
#include "details_panel.h"
#include "diagram_page.h"
#include "diagram_scene.h"
#include "item_roles.h"
#include "model_fixtures.h"
#include "model_support.h"
#include "namespace_tree_pane.h"
#include "process_page.h"
#include "selection_hub.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace wslatlas;

namespace {

const QString kVm = QStringLiteral("pid:[4026531836]");
const QString kUbuntu20 = QStringLiteral("pid:[4026532257]");

QString sleepKey(const Snapshot &snapshot)
{
    for (const Process &process : snapshot.processes)
        if (process.name == "sleep" && process.pidNs == "pid:[4026532257]")
            return processItemId(process);
    return {};
}

QStringList keysOf(const QSignalSpy &spy)
{
    QStringList keys;
    for (const QList<QVariant> &arguments : spy)
        keys.append(arguments.at(0).toString());
    return keys;
}

} // namespace

class TestSelectionHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emitsOncePerChange()
    {
        SelectionHub hub;
        QSignalSpy spy(&hub, &SelectionHub::currentChanged);
        hub.select(kVm);
        hub.select(kVm); // unchanged: ignored
        hub.select(kUbuntu20);
        QCOMPARE(keysOf(spy), (QStringList{kVm, kUbuntu20}));
        hub.reselect(kUbuntu20); // a new snapshot: shown again although unchanged
        QCOMPARE(spy.count(), 3);
        hub.select(QString());
        QCOMPARE(keysOf(spy).last(), QString());
        QCOMPARE(hub.current(), QString());
    }

    void anEchoingViewDoesNotLoop()
    {
        SelectionHub hub;
        int heard = 0;
        connect(&hub, &SelectionHub::currentChanged, this, [&](const QString &key) {
            ++heard;
            hub.select(key); // a view reporting back what it was told to show
        });
        QSignalSpy spy(&hub, &SelectionHub::currentChanged);
        hub.select(kVm);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(heard, 1);
    }

    void aChangeWhileEmittingIsDeliveredAfterwards()
    {
        SelectionHub hub;
        QStringList first, second;
        connect(&hub, &SelectionHub::currentChanged, this, [&](const QString &key) {
            first.append(key);
            if (key == kVm)
                hub.select(kUbuntu20); // e.g. a view that only shows namespaces' children
        });
        connect(&hub, &SelectionHub::currentChanged, this, [&](const QString &key) { second.append(key); });
        hub.select(kVm);
        // Every listener heard the first change whole before the second began, and ends on the newest.
        QCOMPARE(first, (QStringList{kVm, kUbuntu20}));
        QCOMPARE(second, (QStringList{kVm, kUbuntu20}));
        QCOMPARE(hub.current(), kUbuntu20);
    }

    void namespaceOfAProcessIsItsOwn()
    {
        SelectionHub hub;
        const auto snapshot = test::seedSnapshot();
        hub.setAnalysis(std::make_shared<const SnapshotAnalysis>(snapshot));
        const QString sleep = sleepKey(*snapshot);
        QVERIFY(!sleep.isEmpty());
        QCOMPARE(hub.namespaceOf(sleep), kUbuntu20);
        QCOMPARE(hub.namespaceOf(kVm), kVm);
        QCOMPARE(hub.namespaceOf(QStringLiteral("net:nothing")), QString());
        hub.select(sleep);
        QVERIFY(hub.currentItem().isProcess());
    }

    void theViewsFollowOneSelection()
    {
        SelectionHub hub;
        NamespaceTreePane tree(&hub);
        ProcessPage processes(&hub);
        DiagramPage graph(DiagramKind::Namespaces, &hub);
        DetailsPanel details;
        connect(&hub, &SelectionHub::currentChanged, &details, &DetailsPanel::showItem);
        const auto snapshot = test::seedSnapshot();
        const auto analysis = std::make_shared<const SnapshotAnalysis>(snapshot);
        hub.setAnalysis(analysis);
        tree.setAnalysis(analysis);
        processes.setAnalysis(analysis);
        graph.setAnalysis(analysis, false);
        details.setAnalysis(analysis);
        QSignalSpy spy(&hub, &SelectionHub::currentChanged);

        // A process chosen anywhere: its row in the table, its namespace's node in the graph.
        const QString sleep = sleepKey(*snapshot);
        hub.select(sleep);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(processes.table()->currentIndex().data(ItemRoles::IdRole).toString(), sleep);
        QCOMPARE(graph.scene()->selectedNode(), kUbuntu20);
        QCOMPARE(details.currentId(), sleep);

        // The user picks a tree row: one emission, every view follows, nobody echoes a second one.
        const QModelIndex vmRow = tree.tree()->model()->index(0, 0);
        QCOMPARE(vmRow.data(ItemRoles::IdRole).toString(), kVm);
        tree.tree()->setCurrentIndex(vmRow);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(hub.current(), kVm);
        QCOMPARE(graph.scene()->selectedNode(), kVm);
        QCOMPARE(details.currentId(), kVm);
        QVERIFY(!processes.table()->selectionModel()->hasSelection());

        // The user clicks the graph's node of the current item: shown again once, still no loop.
        emit graph.scene()->nodeClicked(kVm);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(hub.current(), kVm);
    }
};

QTEST_MAIN(TestSelectionHub)
#include "tst_selection_hub.moc"
