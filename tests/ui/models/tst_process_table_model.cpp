#include "model_fixtures.h"
#include "process_table_model.h"
#include "snapshot_filter_proxy.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace wslatlas;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// A model and its proxy, both watched by QAbstractItemModelTester from before the data arrives.
struct TableFixture
{
    ProcessTableModel model;
    ProcessFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    explicit TableFixture(std::shared_ptr<const Snapshot> snapshot)
    {
        proxy.setSourceModel(&model);
        modelTester = std::make_unique<QAbstractItemModelTester>(&model, kFatal);
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, kFatal);
        model.setAnalysis(analyze(std::move(snapshot)));
    }

    QString cell(const QString &id, int column, int role = Qt::DisplayRole) const
    {
        return model.indexForId(id, column).data(role).toString();
    }
};

QString header(const QAbstractItemModel &model, int section)
{
    return model.headerData(section, Qt::Horizontal).toString();
}

const QString kSleep = QStringLiteral("proc:pid:[4026532257]:4419");
const QString kGns = QStringLiteral("proc:pid:[4026531836]:189");
const QString kIsolationInit = QStringLiteral("proc:pid:[4026532771]:1");
const QString kDistroOnlyInit = QStringLiteral("proc:pid:[4026532257]:4630"); // seen by its distro alone

} // namespace

class TestProcessTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_seed = test::seedSnapshot();
        m_synthetic = test::syntheticSnapshot(10000);
    }

    void seedColumnsAndHeaders()
    {
        TableFixture f(m_seed);
        QCOMPARE(f.model.rowCount(), 28);
        QCOMPARE(f.model.levelCount(), 3);
        QCOMPARE(f.model.columnCount(), ProcessTableModel::FixedColumnCount + 3);
        QCOMPARE(header(f.model, ProcessTableModel::NameColumn), QStringLiteral("Name"));
        QCOMPARE(header(f.model, ProcessTableModel::NamespaceColumn), QStringLiteral("PID namespace"));
        QCOMPARE(header(f.model, ProcessTableModel::levelColumn(0)), QStringLiteral("VM"));
        QCOMPARE(header(f.model, ProcessTableModel::levelColumn(1)), QStringLiteral("WSLg / Isolation"));
        QCOMPARE(header(f.model, ProcessTableModel::levelColumn(2)), QStringLiteral("Distro"));
    }

    void sleepRow()
    {
        TableFixture f(m_seed);
        QCOMPARE(f.cell(kSleep, ProcessTableModel::NameColumn), QStringLiteral("sleep"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::CommandLineColumn), QStringLiteral("sleep 680001"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::DistroColumn), QStringLiteral("Ubuntu-20.04"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::NamespaceColumn), QStringLiteral("4026532257"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::levelColumn(0)), QStringLiteral("48950"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::levelColumn(1)), QStringLiteral("4578"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::levelColumn(2)), QStringLiteral("4419"));
        QCOMPARE(f.model.indexForId(kSleep, ProcessTableModel::levelColumn(0))
                     .data(ItemRoles::SortRole)
                     .toLongLong(),
                 qint64(48950));
        QCOMPARE(
            f.cell(kSleep, ProcessTableModel::NameColumn, Qt::ToolTipRole),
            QStringLiteral("sleep · 48950 Mariner VM → 4578 WSLg system (Ubuntu-20.04) → 4419 Ubuntu-20.04"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::NameColumn, ItemRoles::NamespaceRoleRole),
                 QStringLiteral("distro"));
        QCOMPARE(f.cell(kSleep, ProcessTableModel::NameColumn, ItemRoles::NamespaceIdRole),
                 QStringLiteral("pid:[4026532257]"));
        QCOMPARE(f.model.indexForId(kSleep).data(ItemRoles::KindRole).toInt(), int(ItemRoles::ProcessItem));
        QCOMPARE(f.model.indexForId(kSleep).data(ItemRoles::ChainRole).toList().size(), 3);
        QCOMPARE(QString::fromStdString(f.model.processAt(f.model.indexForId(kSleep))->name),
                 QStringLiteral("sleep"));
    }

    void levelsFollowTheNamespaceNotTheChainPosition()
    {
        TableFixture f(m_seed);
        // Only the VM saw /gns: one pid, at level 0, and no value below.
        QCOMPARE(f.cell(kGns, ProcessTableModel::levelColumn(0)), QStringLiteral("189"));
        QCOMPARE(f.cell(kGns, ProcessTableModel::levelColumn(1)), QString());
        QVERIFY(
            !f.model.indexForId(kGns, ProcessTableModel::levelColumn(2)).data(ItemRoles::SortRole).isValid());
        QCOMPARE(f.cell(kIsolationInit, ProcessTableModel::levelColumn(0)), QStringLiteral("56291"));
        QCOMPARE(f.cell(kIsolationInit, ProcessTableModel::levelColumn(1)), QStringLiteral("1"));
        // Seen from its distro alone: its one pid belongs in the distro's column.
        QCOMPARE(f.cell(kDistroOnlyInit, ProcessTableModel::levelColumn(0)), QString());
        QCOMPARE(f.cell(kDistroOnlyInit, ProcessTableModel::levelColumn(1)), QString());
        QCOMPARE(f.cell(kDistroOnlyInit, ProcessTableModel::levelColumn(2)), QStringLiteral("4630"));
    }

    void filterAndSort()
    {
        TableFixture f(m_seed);
        QSortFilterProxyModel &p = f.proxy;
        f.proxy.setFilterText(QStringLiteral("680001"));
        QCOMPARE(p.rowCount(), 1);
        QCOMPARE(p.index(0, 0).data(ItemRoles::IdRole).toString(), kSleep);
        f.proxy.setFilterText(QStringLiteral("4578")); // a middle pid of the chain
        QCOMPARE(p.rowCount(), 1);
        f.proxy.setFilterText(QStringLiteral("ubuntu-18.04"));
        QCOMPARE(p.rowCount(), 5);
        f.proxy.setFilterText(QString());
        QCOMPARE(p.rowCount(), 28);

        // Numbers sort as numbers; rows without a pid at the level go last.
        p.sort(ProcessTableModel::levelColumn(1), Qt::AscendingOrder);
        QList<qint64> pids;
        int missing = 0;
        for (int row = 0; row < p.rowCount(); ++row) {
            const QVariant v = p.index(row, ProcessTableModel::levelColumn(1)).data(ItemRoles::SortRole);
            if (v.isValid()) {
                QCOMPARE(missing, 0);
                pids.push_back(v.toLongLong());
            } else {
                ++missing;
            }
        }
        QCOMPARE(missing, 8); // the VM's six, and the two seen from their distro alone
        QVERIFY(std::is_sorted(pids.begin(), pids.end()));
        QCOMPARE(pids.mid(0, 6), (QList<qint64>{1, 1, 2, 5, 6, 7}));
    }

    // Issue 13: memory and CPU columns show the process's own values, sort as numbers (bytes, not their
    // text: 900 KB before 2 MB), and leave unreported ones empty and last.
    void memoryAndCpuColumns()
    {
        auto snapshot = std::make_shared<Snapshot>(*m_seed);
        for (std::size_t i = 0; i < snapshot->processes.size(); ++i)
            snapshot->processes[i].rssBytes = (i % 2 == 0) ? (i + 1) * 900'000 : (i + 1) * 2'000'000;
        snapshot->processes[0].rssBytes.reset();
        snapshot->processes[1].cpuSeconds = 12.5;
        TableFixture f(snapshot);
        QCOMPARE(header(f.model, ProcessTableModel::RssColumn), QStringLiteral("Memory"));
        const QModelIndex second = f.model.index(1, ProcessTableModel::RssColumn);
        QCOMPARE(second.data().toString(), QLocale().formattedDataSize(4'000'000));
        QCOMPARE(f.model.index(1, ProcessTableModel::CpuColumn).data().toString(), QStringLiteral("12.50 s"));
        QVERIFY(f.model.index(0, ProcessTableModel::RssColumn).data().toString().isEmpty());
        QVERIFY(f.model.index(0, ProcessTableModel::CpuColumn).data().toString().isEmpty());

        f.proxy.sort(ProcessTableModel::RssColumn, Qt::AscendingOrder);
        QList<qint64> sizes;
        for (int row = 0; row < f.proxy.rowCount(); ++row) {
            const QVariant v = f.proxy.index(row, ProcessTableModel::RssColumn).data(ItemRoles::SortRole);
            if (v.isValid())
                sizes.push_back(v.toLongLong());
            else
                QCOMPARE(row, f.proxy.rowCount() - 1); // the one without a value, last
        }
        QCOMPARE(sizes.size(), f.proxy.rowCount() - 1);
        QVERIFY(std::is_sorted(sizes.begin(), sizes.end()));
    }

    void indexForIdRoundTrips()
    {
        TableFixture f(m_seed);
        for (int row = 0; row < f.model.rowCount(); ++row) {
            const QModelIndex index = f.model.index(row, ProcessTableModel::DistroColumn);
            QCOMPARE(
                f.model.indexForId(index.data(ItemRoles::IdRole).toString(), ProcessTableModel::DistroColumn),
                index);
        }
        QVERIFY(!f.model.indexForId(QStringLiteral("proc:pid:[1]:1")).isValid());
    }

    void syntheticUnderTheTesters()
    {
        TableFixture f(m_synthetic);
        QCOMPARE(f.model.rowCount(), 10000);
        QCOMPARE(f.model.levelCount(), 4);
        f.proxy.sort(ProcessTableModel::levelColumn(0));
        f.proxy.setFilterText(QStringLiteral("job 99"));
        QCOMPARE(f.proxy.rowCount(), 111); // 99, 990-999, 9900-9999
        f.model.setAnalysis(analyze(m_seed));
        QCOMPARE(f.model.levelCount(), 3);
        QCOMPARE(f.proxy.rowCount(), 0);
    }

    // How fast this is, is bench_gui's (OpenToPaintedWindow, FilterKeystroke, SetSnapshot): benchmarks, not
    // tests, so that a busy machine cannot fail the suite.
    void loadAndFilterALargeSnapshot()
    {
        ProcessTableModel model;
        ProcessFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ProcessTableModel::NameColumn);

        model.setAnalysis(analyze(m_synthetic));
        QCOMPARE(proxy.rowCount(), 10000);

        // Typed one keystroke at a time, then erased again.
        const QString word = QStringLiteral("worker4242");
        for (int n = 1; n <= word.size(); ++n)
            proxy.setFilterText(word.left(n));
        QCOMPARE(proxy.rowCount(), 1);
        for (int n = word.size() - 1; n >= 0; --n)
            proxy.setFilterText(word.left(n));
        QCOMPARE(proxy.rowCount(), 10000);
    }

private:
    std::shared_ptr<const Snapshot> m_seed;
    std::shared_ptr<const Snapshot> m_synthetic;
};

QTEST_MAIN(TestProcessTableModel)
#include "tst_process_table_model.moc"
