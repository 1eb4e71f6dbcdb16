#include "details_panel.h"
#include "model_fixtures.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

#include <algorithm>

using namespace wslatlas;

namespace {

const QString kVm = QStringLiteral("pid:[4026531836]");
const QString kWslg = QStringLiteral("pid:[4026532245]");
const QString kUbuntu20 = QStringLiteral("pid:[4026532257]");

QWidget *page(const DetailsPanel &panel)
{
    return panel.findChild<QScrollArea *>()->widget();
}

QList<QToolButton *> breadcrumb(const DetailsPanel &panel)
{
    auto *crumbs = page(panel)->findChild<QWidget *>(QStringLiteral("breadcrumb"));
    return crumbs ? crumbs->findChildren<QToolButton *>() : QList<QToolButton *>();
}

QStringList visibleLabelTexts(const DetailsPanel &panel)
{
    QStringList texts;
    const auto labels = page(panel)->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        if (label->isVisibleTo(&panel))
            texts.push_back(label->text());
    return texts;
}

const Process &sleepIn(const Snapshot &snapshot, const std::string &pidNs)
{
    const auto it = std::find_if(snapshot.processes.begin(), snapshot.processes.end(),
                                 [&](const Process &p) { return p.name == "sleep" && p.pidNs == pidNs; });
    if (it == snapshot.processes.end())
        qFatal("the seed has no sleep in %s", pidNs.c_str());
    return *it;
}

QStringList column(const QTableWidget *table, int c)
{
    QStringList texts;
    for (int r = 0; r < table->rowCount(); ++r)
        texts.push_back(table->item(r, c)->text());
    return texts;
}

void saveGrab(QWidget &widget, const QString &name)
{
    // For looking at the result by eye: WSLATLAS_GRAB_DIR=/tmp ctest -R tst_details_panel
    const QString dir = qEnvironmentVariable("WSLATLAS_GRAB_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestDetailsPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void namespaceBreadcrumb();
    void namespaceFacts();
    void childNamespacesAreLinks();
    void processChain();
    void unknownIdShowsTheHint();
    void noVisibleLabelIsEmpty();
    void clickThatReplacesThePage();
    void newSnapshotKeepsTheItem();
    void showItemWorksOnALargeSnapshot();

private:
    std::unique_ptr<DetailsPanel> m_panel;
};

void TestDetailsPanel::init()
{
    m_panel = std::make_unique<DetailsPanel>();
    m_panel->resize(360, 700);
    m_panel->setAnalysis(analyze(test::seedSnapshot()));
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestDetailsPanel::cleanup()
{
    m_panel.reset();
}

void TestDetailsPanel::namespaceBreadcrumb()
{
    DetailsPanel &panel = *m_panel;
    panel.showItem(kUbuntu20);
    QCOMPARE(panel.currentId(), kUbuntu20);
    QTest::qWait(1); // the flow layout places the buttons

    const QList<QToolButton *> crumbs = breadcrumb(panel);
    QCOMPARE(crumbs.size(), 3);
    QCOMPARE(crumbs[0]->text(), QStringLiteral("Mariner VM"));
    QCOMPARE(crumbs[1]->text(), QStringLiteral("WSLg system (Ubuntu-20.04)"));
    QCOMPARE(crumbs[2]->text(), QStringLiteral("Ubuntu-20.04"));
    QVERIFY(crumbs[2]->font().bold());
    // Laid out in reading order, inside the panel, none on top of another.
    const QWidget *crumbBar = page(panel)->findChild<QWidget *>(QStringLiteral("breadcrumb"));
    QList<QRect> rects;
    for (const QToolButton *crumb : crumbs) {
        QVERIFY(crumb->isVisible());
        rects.push_back(QRect(crumb->mapTo(crumbBar, QPoint(0, 0)), crumb->size()));
        QVERIFY(crumbBar->rect().contains(rects.back()));
    }
    for (int i = 0; i < rects.size(); ++i) {
        for (int j = i + 1; j < rects.size(); ++j) {
            QVERIFY(!rects[i].intersects(rects[j]));
            QVERIFY(rects[j].y() > rects[i].y() ||
                    (rects[j].y() == rects[i].y() && rects[j].x() > rects[i].x()));
        }
    }
    saveGrab(panel, QStringLiteral("helper-c-details-namespace.png"));

    QSignalSpy spy(&panel, &DetailsPanel::namespaceActivated);
    QTest::mouseClick(crumbs[0], Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), kVm);
    QTest::mouseClick(crumbs[1], Qt::LeftButton);
    QCOMPARE(spy.at(1).at(0).toString(), kWslg);
}

void TestDetailsPanel::namespaceFacts()
{
    DetailsPanel &panel = *m_panel;
    panel.showItem(kUbuntu20);
    const QStringList texts = visibleLabelTexts(panel);
    QVERIFY(texts.contains(QStringLiteral("Ubuntu-20.04")));               // heading, distros
    QVERIFY(texts.contains(QStringLiteral("4026532257")));                 // inode
    QVERIFY(texts.contains(QStringLiteral("Distro")));                     // role
    QVERIFY(texts.contains(QStringLiteral("11 own · 11 in its subtree"))); // processes
    QVERIFY(texts.contains(QStringLiteral("pid 226 → ppid 221")));         // the ppid walk
    QVERIFY(texts.contains(QStringLiteral("Parent-process walk")));
    QVERIFY(texts.contains(QStringLiteral("Why WSLg system (Ubuntu-20.04) is its parent")));
    QVERIFY(texts.contains(QStringLiteral("2 levels below the initial namespace")));
    // Copying an inode is one drag away.
    const auto labels = page(panel)->findChildren<QLabel *>();
    const auto inode = std::find_if(labels.begin(), labels.end(), [](const QLabel *l) {
        return l->text() == QStringLiteral("4026532257");
    });
    QVERIFY((*inode)->textInteractionFlags() & Qt::TextSelectableByMouse);

    panel.showItem(kVm);
    QVERIFY(visibleLabelTexts(panel).contains(QStringLiteral("6 own · 28 in its subtree")));
    QVERIFY(visibleLabelTexts(panel).contains(QStringLiteral("Why it has no parent here")));
}

void TestDetailsPanel::childNamespacesAreLinks()
{
    DetailsPanel &panel = *m_panel;
    panel.showItem(kVm);
    const auto children = page(panel)->findChildren<QToolButton *>(QStringLiteral("childNamespace"));
    QCOMPARE(children.size(), 2);
    QCOMPARE(children[0]->text(), QStringLiteral("WSLg system (Ubuntu-20.04) · 16 processes"));
    QCOMPARE(children[1]->text(), QStringLiteral("Isolation (Ubuntu-18.04) · 6 processes"));
    QSignalSpy spy(&panel, &DetailsPanel::namespaceActivated);
    QTest::mouseClick(children[1], Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("pid:[4026532771]"));
}

void TestDetailsPanel::processChain()
{
    DetailsPanel &panel = *m_panel;
    const auto snapshot = test::seedSnapshot();
    const Process &sleep = sleepIn(*snapshot, "pid:[4026532257]");
    panel.showItem(processItemId(sleep));
    QCOMPARE(panel.currentId(), processItemId(sleep));
    QTest::qWait(1);
    saveGrab(panel, QStringLiteral("helper-c-details.png"));

    const QStringList texts = visibleLabelTexts(panel);
    QVERIFY(texts.contains(QStringLiteral("sleep")));        // heading
    QVERIFY(texts.contains(QStringLiteral("sleep 680001"))); // command line
    QVERIFY(texts.contains(QStringLiteral("1000")));         // uid
    QVERIFY(texts.contains(QStringLiteral("1132 in Mariner VM")));
    QVERIFY(texts.contains(QStringLiteral("4419 in Ubuntu-20.04")));

    auto *chain = page(panel)->findChild<QTableWidget *>(QStringLiteral("chainTable"));
    QVERIFY(chain);
    QCOMPARE(chain->rowCount(), 3);
    QCOMPARE(column(chain, 3),
             (QStringList{QStringLiteral("48950"), QStringLiteral("4578"), QStringLiteral("4419")}));
    QCOMPARE(column(chain, 1),
             (QStringList{QStringLiteral("Mariner VM"), QStringLiteral("WSLg system (Ubuntu-20.04)"),
                          QStringLiteral("Ubuntu-20.04")}));
    QCOMPARE(column(chain, 2), (QStringList{QStringLiteral("4026531836"), QStringLiteral("4026532245"),
                                            QStringLiteral("4026532257")}));
    QCOMPARE(column(chain, 0), (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
    // The whole table shows: no inner scrolling, every row inside it, every column inside the panel.
    QVERIFY(chain->isVisible());
    const int last = chain->rowViewportPosition(2) + chain->rowHeight(2);
    QVERIFY(last <= chain->viewport()->height());
    const int right = chain->columnViewportPosition(3) + chain->columnWidth(3);
    QVERIFY(right <= chain->viewport()->width());

    QSignalSpy spy(&panel, &DetailsPanel::namespaceActivated);
    const QRect wslgCell = chain->visualItemRect(chain->item(1, 1));
    QTest::mouseClick(chain->viewport(), Qt::LeftButton, {}, wslgCell.center());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), kWslg);
    // A click on a pid selects it for copying, and leads nowhere.
    QTest::mouseClick(chain->viewport(), Qt::LeftButton, {},
                      chain->visualItemRect(chain->item(1, 3)).center());
    QCOMPARE(spy.size(), 1);

    // Its own namespace is a link in the form.
    const auto labels = page(panel)->findChildren<QLabel *>();
    const auto own = std::find_if(labels.begin(), labels.end(), [](const QLabel *l) {
        return l->property(DetailsPanel::kNamespaceIdProperty).toString() == kUbuntu20;
    });
    QVERIFY(own != labels.end());
    QTest::mouseClick(*own, Qt::LeftButton, {}, QPoint(4, (*own)->height() / 2));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), kUbuntu20);

    auto *links = page(panel)->findChild<QTableWidget *>(QStringLiteral("namespaceLinksTable"));
    QVERIFY(links);
    QCOMPARE(links->rowCount(), static_cast<int>(sleep.ns.size()));
    const int pidRow = static_cast<int>(column(links, 0).indexOf(QStringLiteral("pid")));
    QVERIFY(pidRow >= 0);
    QCOMPARE(links->item(pidRow, 1)->text(), QStringLiteral("4026532257"));
    const int netRow = static_cast<int>(column(links, 0).indexOf(QStringLiteral("net")));
    QCOMPARE(links->item(netRow, 1)->text(), QStringLiteral("4026531840"));
}

void TestDetailsPanel::unknownIdShowsTheHint()
{
    DetailsPanel &panel = *m_panel;
    for (const QString &id :
         {QStringLiteral("pid:[1]"), QString(), QStringLiteral("proc:pid:[4026532257]:99999")}) {
        panel.showItem(kVm);
        panel.showItem(id);
        QVERIFY(panel.currentId().isEmpty());
        auto *hint = page(panel)->findChild<QLabel *>(QStringLiteral("hint"));
        QVERIFY(hint);
        QVERIFY(hint->isVisibleTo(&panel));
        QCOMPARE(hint->text(), QStringLiteral("Select a namespace or process"));
        QVERIFY(breadcrumb(panel).isEmpty());
    }
}

void TestDetailsPanel::noVisibleLabelIsEmpty()
{
    DetailsPanel &panel = *m_panel;
    const auto snapshot = test::seedSnapshot();
    QStringList ids;
    for (const PidNamespace &ns : snapshot->pidNamespaces)
        ids.push_back(QString::fromStdString(ns.id));
    for (const Process &p : snapshot->processes)
        ids.push_back(processItemId(p));
    for (const QString &id : ids) {
        panel.showItem(id);
        QCOMPARE(panel.currentId(), id);
        const QStringList texts = visibleLabelTexts(panel);
        QVERIFY(texts.size() > 5);
        for (const QString &text : texts)
            QVERIFY2(!text.trimmed().isEmpty(), qPrintable(id));
    }
}

void TestDetailsPanel::clickThatReplacesThePage()
{
    // As the main window wires it: a click in the panel shows what was clicked, replacing the page that
    // holds the button being clicked.
    DetailsPanel &panel = *m_panel;
    connect(&panel, &DetailsPanel::namespaceActivated, &panel, &DetailsPanel::showItem);
    panel.showItem(kUbuntu20);
    QTest::mouseClick(breadcrumb(panel).at(1), Qt::LeftButton);
    QCOMPARE(panel.currentId(), kWslg);
    QTest::qWait(1); // the old page goes at the next event loop pass
    QCOMPARE(breadcrumb(panel).size(), 2);
    QTest::mouseClick(breadcrumb(panel).at(0), Qt::LeftButton);
    QCOMPARE(panel.currentId(), kVm);
}

void TestDetailsPanel::newSnapshotKeepsTheItem()
{
    DetailsPanel &panel = *m_panel;
    panel.showItem(kWslg);
    panel.setAnalysis(analyze(test::seedSnapshot()));
    QCOMPARE(panel.currentId(), kWslg);
    QCOMPARE(breadcrumb(panel).size(), 2);
    panel.setAnalysis(analyze(nullptr));
    QVERIFY(panel.currentId().isEmpty());
    QVERIFY(page(panel)->findChild<QLabel *>(QStringLiteral("hint")));
}

void TestDetailsPanel::showItemWorksOnALargeSnapshot()
{
    const auto snapshot = test::syntheticSnapshot(10000);
    DetailsPanel &panel = *m_panel;
    panel.setAnalysis(analyze(snapshot)); // how fast: bench_gui's ShowDetails (benchmarks are not tests)

    const Process &last = snapshot->processes.back();
    const QString items[] = {QString::fromStdString(snapshot->pidNamespaces[1].id), kVm,
                             processItemId(snapshot->processes.front()), processItemId(last)};
    panel.showItem(items[0]); // first widgets of their kinds: styles and fonts warm up
    panel.showItem(items[2]);
    for (const QString &id : items) {
        panel.showItem(id);
        QCoreApplication::processEvents(); // the old page goes
        QCOMPARE(panel.currentId(), id);
    }
    // The VM lists its 65 first-level children and the placeholder root's are not among them.
    panel.showItem(kVm);
    QCOMPARE(page(panel)->findChildren<QToolButton *>(QStringLiteral("childNamespace")).size(), 65);
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_details_panel.moc"
