#include "memory_breakdown.h"
#include "memory_view.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace wslatlas;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

const QString kVm = QStringLiteral("pid:[4026531836]");
const QString kWslg = QStringLiteral("pid:[4026532245]");
const QString kUbuntu = QStringLiteral("pid:[4026532257]");
const QString kIsolation = QStringLiteral("pid:[4026532771]");
const QString kDebian = QStringLiteral("pid:[4026532784]");

PidNamespace pidNamespace(const QString &id, const QString &parent, NamespaceRole role, const char *label,
                          int depth)
{
    PidNamespace ns;
    ns.id = id.toStdString();
    ns.parent = parent.toStdString();
    ns.role = role;
    ns.label = label;
    ns.depth = depth;
    return ns;
}

Process process(const char *name, const QString &ns, int pid, std::optional<std::uint64_t> rssMiB)
{
    Process p;
    p.name = name;
    p.cmdline = name;
    p.pidNs = ns.toStdString();
    p.chain = {{ns.toStdString(), pid}};
    if (rssMiB)
        p.rssBytes = *rssMiB * kMiB;
    return p;
}

// The VM (init, 100 MiB) with a WSLg system namespace (weston 200) holding Ubuntu (bash 50, node 600), and an
// isolation namespace (10) holding Debian (postgres 300); 8 GiB of which 5 GiB available and 2 GiB free.
std::shared_ptr<const SnapshotAnalysis> sample(bool withMemory = true, bool withRss = true)
{
    Snapshot s;
    s.pidNamespaces = {
        pidNamespace(kVm, {}, NamespaceRole::Vm, "Mariner VM", 0),
        pidNamespace(kWslg, kVm, NamespaceRole::Wslg, "WSLg system (Ubuntu)", 1),
        pidNamespace(kUbuntu, kWslg, NamespaceRole::Distro, "Ubuntu", 2),
        pidNamespace(kIsolation, kVm, NamespaceRole::Isolation, "Isolation (Debian)", 1),
        pidNamespace(kDebian, kIsolation, NamespaceRole::Distro, "Debian", 2),
    };
    const auto rss = [withRss](std::uint64_t mib) {
        return withRss ? std::optional<std::uint64_t>(mib) : std::nullopt;
    };
    s.processes = {
        process("init", kVm, 1, rss(100)),
        process("weston", kWslg, 10, rss(200)),
        process("bash", kUbuntu, 20, rss(50)),
        process("node", kUbuntu, 21, rss(600)),
        process("init-iso", kIsolation, 30, rss(10)),
        process("postgres", kDebian, 40, rss(300)),
    };
    VantageReport vantage;
    vantage.name = "Ubuntu";
    vantage.ok = true;
    if (withMemory)
        vantage.memory =
            MemoryInfo{8192 * kMiB, 2048 * kMiB, 5120 * kMiB, 2800 * kMiB, 4096 * kMiB, 3072 * kMiB};
    s.vantages = {vantage};
    return analyze(std::make_shared<const Snapshot>(std::move(s)));
}

} // namespace

class TestMemoryView : public QObject
{
    Q_OBJECT

private slots:
    void breakdownNumbers()
    {
        const auto a = sample();
        const MemoryBreakdown b = memoryBreakdown(*a, 3);
        QVERIFY(b.complete());
        QCOMPARE(b.totalBytes, 8192 * kMiB);
        QCOMPARE(b.usedBytes, 3072 * kMiB);
        QCOMPARE(b.cacheBytes, 3072 * kMiB);
        QCOMPARE(b.freeBytes, 2048 * kMiB);
        QCOMPARE(b.swapUsedBytes, 1024 * kMiB);
        QCOMPARE(b.groups.size(), std::size_t(3));
        QCOMPARE(a->snapshot().pidNamespaces[static_cast<std::size_t>(b.groups[0].ns)].id,
                 kWslg.toStdString());
        QCOMPARE(b.groups[0].rssBytes, 850 * kMiB); // weston + bash + node
        QCOMPARE(b.groups[0].processes, 3);
        QCOMPARE(a->snapshot().pidNamespaces[static_cast<std::size_t>(b.groups[1].ns)].id,
                 kIsolation.toStdString());
        QCOMPARE(b.groups[1].rssBytes, 310 * kMiB);
        QVERIFY(b.groups[2].ownOnly); // the VM root's own init
        QCOMPARE(b.groups[2].rssBytes, 100 * kMiB);
        QCOMPARE(b.groupedRssBytes, 1260 * kMiB);
        QCOMPARE(b.otherBytes, (3072 - 1260) * kMiB);
        QVERIFY(!b.rssExceedsUsed);
        QCOMPARE(b.topProcesses, (std::vector<int>{3, 5, 1})); // node, postgres, weston
    }

    void rssAboveUsedLeavesNoOther()
    {
        Snapshot s = sample()->snapshot();
        s.vantages[0].memory->availableBytes = 7800 * kMiB; // used: 392 MiB, less than the 1260 of rss
        const auto a = analyze(std::make_shared<const Snapshot>(std::move(s)));
        const MemoryBreakdown b = memoryBreakdown(*a);
        QVERIFY(b.rssExceedsUsed);
        QCOMPARE(b.otherBytes, std::uint64_t(0));
        QCOMPARE(b.cacheBytes, (7800 - 2048) * kMiB);
    }

    void viewSegments()
    {
        MemoryView view;
        view.setAnalysis(sample());
        QVERIFY(view.placeholderText().isEmpty());
        const auto &bar = view.barSegments();
        QCOMPARE(bar.size(), std::size_t(3));
        QCOMPARE(bar[0].kind, MemoryView::Segment::Kind::Used);
        QCOMPARE(bar[0].bytes, 3072 * kMiB);
        QCOMPARE(bar[0].share, 0.375);
        QCOMPARE(bar[1].bytes, 3072 * kMiB);
        QCOMPARE(bar[2].share, 0.25);
        const auto &used = view.usedSegments();
        QCOMPARE(used.size(), std::size_t(4));
        QCOMPARE(used[0].namespaceId, kWslg);
        QCOMPARE(used[0].label, QStringLiteral("WSLg system (Ubuntu)"));
        QCOMPARE(used[0].share, 850.0 / 3072.0);
        QCOMPARE(used[2].namespaceId, kVm);
        QCOMPARE(used[3].kind, MemoryView::Segment::Kind::Other);
        QVERIFY(used[3].namespaceId.isEmpty());
        QCOMPARE(used[3].bytes, 1812 * kMiB);
        QVERIFY(used[0].toolTip.contains(QStringLiteral("WSLg system (Ubuntu)")));
        QVERIFY(used[0].toolTip.contains(
            QLocale().formattedDataSize(static_cast<qint64>(850 * kMiB), 1, QLocale::DataSizeIecFormat)));
        QTableWidget *table = view.topProcessTable();
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("node"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Ubuntu"));
    }

    void noDataSentence_data()
    {
        QTest::addColumn<bool>("memory");
        QTest::addColumn<bool>("rss");
        QTest::newRow("no memory") << false << true;
        QTest::newRow("no rss") << true << false;
        QTest::newRow("neither") << false << false;
    }

    void noDataSentence()
    {
        QFETCH(bool, memory);
        QFETCH(bool, rss);
        MemoryView view;
        view.setAnalysis(sample(memory, rss));
        QVERIFY(view.placeholderText().contains(QStringLiteral("newer collector")));
        QVERIFY(view.usedSegments().empty());
        QCOMPARE(view.topProcessTable()->rowCount(), 0);
        view.setAnalysis(nullptr);
        QVERIFY(!view.placeholderText().isEmpty());
    }

    void clickingEmitsNamespace()
    {
        MemoryView view;
        view.resize(1200, 760);
        view.setAnalysis(sample());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &MemoryView::namespaceActivated);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(view.usedSegmentAt(view.usedSegmentPoint(i)), i);
        QTest::mouseClick(view.canvas(), Qt::LeftButton, {}, view.usedSegmentPoint(1).toPoint());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), kIsolation);
        QTest::mouseClick(view.canvas(), Qt::LeftButton, {}, view.usedSegmentPoint(3).toPoint()); // other
        QCOMPARE(spy.size(), 1);
        view.activateUsedSegment(0);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), kWslg);

        QSignalSpy processes(&view, &MemoryView::processActivated);
        QTableWidget *table = view.topProcessTable();
        const QRect cell = table->visualRect(table->model()->index(0, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(processes.size(), 1);
        QVERIFY(processes.at(0).at(0).toString().startsWith(QStringLiteral("proc:")));
    }
};

QTEST_MAIN(TestMemoryView)
#include "tst_memory_view.moc"
