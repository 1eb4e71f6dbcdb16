#include "model_fixtures.h"
#include "namespace_tree_model.h"
#include "snapshot_filter_proxy.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace wslatlas;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// A model and its proxy, both watched by QAbstractItemModelTester from before the data arrives.
struct TreeFixture
{
    NamespaceTreeModel model;
    NamespaceFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    explicit TreeFixture(std::shared_ptr<const Snapshot> snapshot)
    {
        proxy.setSourceModel(&model);
        modelTester = std::make_unique<QAbstractItemModelTester>(&model, kFatal);
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, kFatal);
        model.setAnalysis(analyze(std::move(snapshot)));
    }
};

QString text(const QModelIndex &index, int role = Qt::DisplayRole)
{
    return index.data(role).toString();
}

QModelIndex sibling(const QModelIndex &index, int column)
{
    return index.sibling(index.row(), column);
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.push_back(text(model.index(row, NamespaceTreeModel::NameColumn, parent)));
    return names;
}

QList<qint64> childNumbers(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QList<qint64> numbers;
    for (int row = 0; row < model.rowCount(parent); ++row)
        numbers.push_back(
            model.index(row, NamespaceTreeModel::InodeColumn, parent).data(ItemRoles::SortRole).toLongLong());
    return numbers;
}

// Every index of column 0, depth first.
void collect(const QAbstractItemModel &model, const QModelIndex &parent, QModelIndexList &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out.push_back(index);
        collect(model, index, out);
    }
}

int countKind(const QAbstractItemModel &model, ItemRoles::Kind kind)
{
    QModelIndexList all;
    collect(model, {}, all);
    return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const QModelIndex &i) {
        return i.data(ItemRoles::KindRole).toInt() == kind;
    }));
}

const QString kVm = QStringLiteral("pid:[4026531836]");
const QString kWslg2004 = QStringLiteral("pid:[4026532245]");
const QString kUbuntu2004 = QStringLiteral("pid:[4026532257]");
const QString kIsolation1804 = QStringLiteral("pid:[4026532771]");
const QString kUbuntu1804 = QStringLiteral("pid:[4026532784]");
const QString kSleep = QStringLiteral("proc:pid:[4026532257]:4419");

} // namespace

class TestNamespaceTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_seed = test::seedSnapshot();
        m_synthetic = test::syntheticSnapshot(10000);
        QCOMPARE(m_seed->processes.size(), std::size_t(28));
        QCOMPARE(m_synthetic->processes.size(), std::size_t(10000));
    }

    void seedTreeShape()
    {
        TreeFixture f(m_seed);
        const NamespaceTreeModel &m = f.model;
        QCOMPARE(m.rowCount(), 1);
        const QModelIndex vm = m.index(0, 0);
        QCOMPARE(text(vm), QStringLiteral("Mariner VM"));
        QCOMPARE(text(vm, ItemRoles::IdRole), kVm);
        // Child namespaces first, then the VM's own six processes.
        const QStringList vmChildren = childNames(m, vm);
        QCOMPARE(vmChildren.size(), 8);
        QCOMPARE(vmChildren.mid(0, 2), (QStringList{QStringLiteral("WSLg system (Ubuntu-20.04)"),
                                                    QStringLiteral("Isolation (Ubuntu-18.04)")}));
        QCOMPARE(vmChildren.mid(2), (QStringList{QStringLiteral("/init"), QStringLiteral("[kthreadd]"),
                                                 QStringLiteral("[rcu_gp]"), QStringLiteral("[ksoftirqd/0]"),
                                                 QStringLiteral("[hv_balloon]"),
                                                 QStringLiteral("/gns --socket 11 --dns-socket 12")}));

        const QModelIndex wslg = m.index(0, 0, vm);
        QCOMPARE(text(wslg, ItemRoles::IdRole), kWslg2004);
        QCOMPARE(m.parent(wslg), vm);
        const QModelIndex ubuntu2004 = m.index(0, 0, wslg);
        QCOMPARE(text(ubuntu2004), QStringLiteral("Ubuntu-20.04"));
        QCOMPARE(text(ubuntu2004, ItemRoles::IdRole), kUbuntu2004);
        QCOMPARE(m.rowCount(ubuntu2004), 11);
        QCOMPARE(m.index(0, 0, ubuntu2004).data(ItemRoles::KindRole).toInt(), int(ItemRoles::ProcessItem));

        const QModelIndex isolation = m.index(1, 0, vm);
        QCOMPARE(text(isolation, ItemRoles::IdRole), kIsolation1804);
        const QModelIndex ubuntu1804 = m.index(0, 0, isolation);
        QCOMPARE(text(ubuntu1804), QStringLiteral("Ubuntu-18.04"));
        QCOMPARE(text(ubuntu1804, ItemRoles::IdRole), kUbuntu1804);
        QCOMPARE(m.rowCount(ubuntu1804), 5);
        QCOMPARE(m.rowCount(isolation), 2); // Ubuntu-18.04, then the isolation's own /init

        QCOMPARE(countKind(m, ItemRoles::NamespaceItem), 5);
        QCOMPARE(countKind(m, ItemRoles::ProcessItem), 28);
    }

    void seedColumnsAndRoles()
    {
        TreeFixture f(m_seed);
        const NamespaceTreeModel &m = f.model;
        const QModelIndex vm = m.indexForId(kVm);
        QCOMPARE(text(sibling(vm, NamespaceTreeModel::InodeColumn)), QStringLiteral("4026531836"));
        QCOMPARE(text(sibling(vm, NamespaceTreeModel::RoleColumn)), QStringLiteral("VM"));
        QCOMPARE(text(vm, ItemRoles::NamespaceRoleRole), QStringLiteral("vm"));
        const QModelIndex vmCount = sibling(vm, NamespaceTreeModel::ProcessesColumn);
        QCOMPARE(text(vmCount), QStringLiteral("6"));
        QCOMPARE(vmCount.data(ItemRoles::SortRole).toInt(), 6);
        QCOMPARE(text(vmCount, Qt::ToolTipRole),
                 QStringLiteral("Processes in this namespace: 6\nIn its whole subtree: 28"));

        const QModelIndex wslg = m.indexForId(kWslg2004);
        QCOMPARE(text(sibling(wslg, NamespaceTreeModel::RoleColumn)), QStringLiteral("WSLg"));
        QCOMPARE(text(wslg, ItemRoles::NamespaceRoleRole), QStringLiteral("wslg"));
        QCOMPARE(text(m.indexForId(kIsolation1804), ItemRoles::NamespaceRoleRole),
                 QStringLiteral("isolation"));
        const QModelIndex ubuntu = m.indexForId(kUbuntu2004);
        QCOMPARE(text(sibling(ubuntu, NamespaceTreeModel::RoleColumn)), QStringLiteral("Distro"));
        QCOMPARE(text(sibling(ubuntu, NamespaceTreeModel::ProcessesColumn)), QStringLiteral("11"));
        QCOMPARE(sibling(ubuntu, NamespaceTreeModel::InodeColumn).data(ItemRoles::SortRole).toLongLong(),
                 qint64(4026532257));

        const QModelIndex sleep = m.indexForId(kSleep);
        QVERIFY(sleep.isValid());
        QCOMPARE(text(sleep), QStringLiteral("sleep 680001"));
        QCOMPARE(text(sibling(sleep, NamespaceTreeModel::InodeColumn)), QStringLiteral("4419"));
        QCOMPARE(sibling(sleep, NamespaceTreeModel::InodeColumn).data(ItemRoles::SortRole).toLongLong(),
                 qint64(4419));
        QCOMPARE(text(sleep, ItemRoles::NamespaceRoleRole), QStringLiteral("distro"));
        QCOMPARE(text(sleep, ItemRoles::NamespaceIdRole), kUbuntu2004);
        QCOMPARE(m.parent(sleep), ubuntu);
        QVERIFY(m.flags(sleep).testFlag(Qt::ItemNeverHasChildren));
        QCOMPARE(QString::fromStdString(m.processAt(sleep)->cmdline), QStringLiteral("sleep 680001"));
        QCOMPARE(QString::fromStdString(m.namespaceAt(ubuntu)->label), QStringLiteral("Ubuntu-20.04"));
        QVERIFY(!m.namespaceAt(sleep));
        QVERIFY(!m.processAt(ubuntu));
    }

    void sleepToolTipAndChain()
    {
        TreeFixture f(m_seed);
        const QModelIndex sleep = f.model.indexForId(kSleep);
        const QString expected =
            QStringLiteral("sleep · 48950 Mariner VM → 4578 WSLg system (Ubuntu-20.04) → 4419 Ubuntu-20.04");
        QCOMPARE(text(sleep, Qt::ToolTipRole), expected);
        QCOMPARE(text(sibling(sleep, NamespaceTreeModel::InodeColumn), Qt::ToolTipRole), expected);

        const QVariantList chain = sleep.data(ItemRoles::ChainRole).toList();
        QCOMPARE(chain.size(), 3);
        const QVariantMap outer = chain[0].toMap();
        QCOMPARE(outer.value(QStringLiteral("label")).toString(), QStringLiteral("Mariner VM"));
        QCOMPARE(outer.value(QStringLiteral("ns")).toString(), kVm);
        QCOMPARE(outer.value(QStringLiteral("pid")).toInt(), 48950);
        QCOMPARE(outer.value(QStringLiteral("level")).toInt(), 0);
        QCOMPARE(chain[1].toMap().value(QStringLiteral("pid")).toInt(), 4578);
        QCOMPARE(chain[2].toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Ubuntu-20.04"));
        QCOMPARE(chain[2].toMap().value(QStringLiteral("level")).toInt(), 2);
        QVERIFY(!f.model.indexForId(kVm).data(ItemRoles::ChainRole).isValid());
    }

    void filterKeepsTheMatchAndItsAncestors()
    {
        TreeFixture f(m_seed);
        const QSortFilterProxyModel &p = f.proxy;
        f.proxy.setFilterText(QStringLiteral("680001"));
        QCOMPARE(p.rowCount(), 1);
        const QModelIndex vm = p.index(0, 0);
        QCOMPARE(childNames(p, vm), QStringList{QStringLiteral("WSLg system (Ubuntu-20.04)")});
        const QModelIndex wslg = p.index(0, 0, vm);
        QCOMPARE(childNames(p, wslg), QStringList{QStringLiteral("Ubuntu-20.04")});
        const QModelIndex ubuntu = p.index(0, 0, wslg);
        QCOMPARE(childNames(p, ubuntu), QStringList{QStringLiteral("sleep 680001")});
        QCOMPARE(text(p.index(0, 0, ubuntu), ItemRoles::IdRole), kSleep);

        // An outer pid of the chain finds it too; an inode finds a namespace (and not its processes).
        f.proxy.setFilterText(QStringLiteral("48950"));
        QCOMPARE(text(p.index(0, 0, p.index(0, 0, p.index(0, 0, p.index(0, 0))))),
                 QStringLiteral("sleep 680001"));
        f.proxy.setFilterText(QStringLiteral("4026532784"));
        const QModelIndex isolation = p.index(0, 0, p.index(0, 0));
        QCOMPARE(text(isolation, ItemRoles::IdRole), kIsolation1804);
        QCOMPARE(p.rowCount(p.index(0, 0)), 1);
        QCOMPARE(childNames(p, isolation), QStringList{QStringLiteral("Ubuntu-18.04")});
        QCOMPARE(p.rowCount(p.index(0, 0, isolation)), 0);

        f.proxy.setFilterText(QStringLiteral("no such thing"));
        QCOMPARE(p.rowCount(), 0);
        f.proxy.setFilterText(QString());
        QCOMPARE(countKind(p, ItemRoles::ProcessItem), 28);
    }

    void filterIgnoresCase()
    {
        TreeFixture f(m_seed);
        f.proxy.setFilterText(QStringLiteral("  UBUNTU-18.04 "));
        const QSortFilterProxyModel &p = f.proxy;
        QCOMPARE(p.rowCount(), 1);
        QCOMPARE(childNames(p, p.index(0, 0)), QStringList{QStringLiteral("Isolation (Ubuntu-18.04)")});
        f.proxy.setFilterText(QStringLiteral("WSLGD"));
        QCOMPARE(countKind(p, ItemRoles::ProcessItem), 1);
    }

    void sortByPidIsNumeric()
    {
        TreeFixture f(m_seed);
        QSortFilterProxyModel &p = f.proxy;
        p.sort(NamespaceTreeModel::InodeColumn, Qt::AscendingOrder);
        QModelIndex ubuntu = p.mapFromSource(f.model.indexForId(kUbuntu2004));
        const QList<qint64> ascending{1, 2, 9, 23, 612, 624, 625, 805, 1036, 4419, 4630};
        QCOMPARE(childNumbers(p, ubuntu), ascending);
        QCOMPARE(text(p.index(0, NamespaceTreeModel::InodeColumn, ubuntu)), QStringLiteral("1"));
        QCOMPARE(text(p.index(2, NamespaceTreeModel::InodeColumn, ubuntu)), QStringLiteral("9"));

        p.sort(NamespaceTreeModel::InodeColumn, Qt::DescendingOrder);
        ubuntu = p.mapFromSource(f.model.indexForId(kUbuntu2004));
        QList<qint64> descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(childNumbers(p, ubuntu), descending);
    }

    void namespacesStayAboveProcesses()
    {
        TreeFixture f(m_seed);
        QSortFilterProxyModel &p = f.proxy;
        const QModelIndex vm = p.index(0, 0);
        p.sort(NamespaceTreeModel::InodeColumn, Qt::AscendingOrder);
        QCOMPARE(childNumbers(p, vm), (QList<qint64>{4026532245, 4026532771, 1, 2, 3, 9, 34, 189}));
        p.sort(NamespaceTreeModel::InodeColumn, Qt::DescendingOrder);
        QCOMPARE(childNumbers(p, vm), (QList<qint64>{4026532771, 4026532245, 189, 34, 9, 3, 2, 1}));
        p.sort(NamespaceTreeModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(childNames(p, vm).mid(0, 3),
                 (QStringList{QStringLiteral("Isolation (Ubuntu-18.04)"),
                              QStringLiteral("WSLg system (Ubuntu-20.04)"),
                              QStringLiteral("/gns --socket 11 --dns-socket 12")}));
    }

    void indexForIdRoundTrips()
    {
        TreeFixture f(m_seed);
        QModelIndexList all;
        collect(f.model, {}, all);
        QCOMPARE(all.size(), 33);
        QSet<QString> ids;
        for (const QModelIndex &index : all) {
            const QString id = text(index, ItemRoles::IdRole);
            ids.insert(id);
            QCOMPARE(f.model.indexForId(id), index);
            QCOMPARE(f.model.indexForId(id, NamespaceTreeModel::RoleColumn),
                     sibling(index, NamespaceTreeModel::RoleColumn));
        }
        QCOMPARE(ids.size(), 33);
        QVERIFY(!f.model.indexForId(QStringLiteral("pid:[1]")).isValid());
        QVERIFY(!f.model.indexForId(kVm, NamespaceTreeModel::ColumnCount).isValid());
    }

    void resetToNothing()
    {
        TreeFixture f(m_seed);
        f.model.setAnalysis(analyze(nullptr));
        QCOMPARE(f.model.rowCount(), 0);
        QVERIFY(!f.model.indexForId(kVm).isValid());
        f.model.setAnalysis(analyze(m_seed));
        QCOMPARE(f.model.rowCount(), 1);
    }

    void malformedParentsStillShowEveryRow()
    {
        // A loop of parents, a parent the file does not list, and a process of an unlisted namespace.
        auto s = std::make_shared<Snapshot>();
        auto ns = [](std::string id, std::string parent) {
            PidNamespace n;
            n.id = std::move(id);
            n.parent = std::move(parent);
            return n;
        };
        s->pidNamespaces = {ns("pid:[1]", "pid:[2]"), ns("pid:[2]", "pid:[1]"), ns("pid:[3]", "pid:[9]"),
                            ns("pid:[4]", "pid:[4]")};
        Process p;
        p.name = "lost";
        p.pidNs = "pid:[99]";
        p.chain = {{"pid:[99]", 7}};
        s->processes = {p};
        TreeFixture f(s);
        QModelIndexList all;
        collect(f.model, {}, all);
        QCOMPARE(all.size(), 5);
        QVERIFY(f.model.indexForId(QStringLiteral("proc:pid:[99]:7")).isValid());
        QVERIFY(!f.model.indexForId(QStringLiteral("pid:[3]")).parent().isValid());
        QVERIFY(!f.model.indexForId(QStringLiteral("pid:[4]")).parent().isValid());
        QCOMPARE(text(f.model.indexForId(QStringLiteral("proc:pid:[99]:7")), Qt::ToolTipRole),
                 QStringLiteral("lost · 7 pid:[99]"));
    }

    void syntheticUnderTheTesters()
    {
        TreeFixture f(m_synthetic);
        QCOMPARE(f.model.rowCount(), 2); // the VM and the placeholder
        QCOMPARE(countKind(f.model, ItemRoles::NamespaceItem), 199);
        QCOMPARE(countKind(f.model, ItemRoles::ProcessItem), 10000);
        QCOMPARE(text(f.model.index(1, 0), ItemRoles::IdRole), QStringLiteral("pid:[?1]"));
        QCOMPARE(text(f.model.index(1, NamespaceTreeModel::InodeColumn)), QStringLiteral("pid:[?1]"));
        QVERIFY(text(f.model.index(0, NamespaceTreeModel::ProcessesColumn), Qt::ToolTipRole)
                    .contains(QStringLiteral("9900"))); // all but the orphan branch's 100
        f.proxy.sort(NamespaceTreeModel::NameColumn);
        f.proxy.setFilterText(QStringLiteral("worker4242"));
        QCOMPARE(countKind(f.proxy, ItemRoles::ProcessItem), 1);
        f.proxy.setFilterText(QStringLiteral("job 99"));
        QCOMPARE(countKind(f.proxy, ItemRoles::ProcessItem), 111); // 99, 990-999, 9900-9999
    }

    // How fast this is, is bench_gui's (OpenToPaintedWindow, FilterKeystroke, SetSnapshot): benchmarks, not
    // tests, so that a busy machine cannot fail the suite.
    void loadAndFilterALargeSnapshot()
    {
        NamespaceTreeModel model;
        NamespaceFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(NamespaceTreeModel::NameColumn);

        model.setAnalysis(analyze(m_synthetic));

        // Map every row once, as a fully expanded view would, then type.
        QModelIndexList all;
        collect(proxy, {}, all);
        QCOMPARE(all.size(), 10199);

        QStringList typed;
        const QString word = QStringLiteral("worker4242");
        for (int n = 1; n <= word.size(); ++n)
            typed.push_back(word.left(n));
        for (int n = word.size() - 1; n >= 0; --n)
            typed.push_back(word.left(n)); // and erased again
        for (const QString &t : typed) {
            proxy.setFilterText(t);
            if (t == word)
                QVERIFY(proxy.rowCount() > 0);
        }
        all.clear();
        collect(proxy, {}, all);
        QCOMPARE(all.size(), 10199);
    }

private:
    std::shared_ptr<const Snapshot> m_seed;
    std::shared_ptr<const Snapshot> m_synthetic;
};

QTEST_MAIN(TestNamespaceTreeModel)
#include "tst_namespace_tree_model.moc"
