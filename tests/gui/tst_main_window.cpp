// The desktop program's window driven as a user would: the real widgets, offscreen.
#include "charts_view.h"
#include "details_panel.h"
#include "diagram_scene.h"
#include "diagram_view.h"
#include "layout/graph_layout.h"
#include "main_window.h"
#include "namespace_tree_model.h"
#include "snapshot.h"
#include "snapshot_filter_proxy.h"
#include "snapshot_json.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QUrl>
#include <QtMath>

using namespace wslatlas;

namespace {

const QString kUbuntu2004 = QStringLiteral("pid:[4026532257]");
const QString kWslg = QStringLiteral("pid:[4026532245]");
const QString kVm = QStringLiteral("pid:[4026531836]");

QString sleepId(const Snapshot &snapshot)
{
    for (const Process &process : snapshot.processes)
        if (process.name == "sleep" && process.pidNs == "pid:[4026532257]")
            return QStringLiteral("proc:pid:[4026532257]:%1").arg(process.chain.back().pid);
    return {};
}

// Finds the proxy row of an id anywhere in the tree (the proxy may sort or filter).
QModelIndex findInTree(const QAbstractItemModel *model, const QString &id, const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(ItemRoles::IdRole).toString() == id)
            return index;
        const QModelIndex below = findInTree(model, id, index);
        if (below.isValid())
            return below;
    }
    return {};
}

int visibleRows(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    int rows = model->rowCount(parent);
    for (int row = 0; row < model->rowCount(parent); ++row)
        rows += visibleRows(model, model->index(row, 0, parent));
    return rows;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("WSL Atlas Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openSample());
    }

    void cleanup() { m_window.reset(); }

    void sampleIsShownAndTitledAsSample()
    {
        QVERIFY(m_window->snapshot());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Sample")));
        QVERIFY(m_window->messageText().contains(QStringLiteral("sample")));
        QVERIFY(m_window->namespaceScene()->nodeIds().contains(kUbuntu2004));
        QVERIFY(!m_window->networkScene()->nodeIds().isEmpty());
        QVERIFY(findInTree(m_window->namespaceTree()->model(), kUbuntu2004).isValid());
        QAbstractItemModelTester treeTester(m_window->namespaceTree()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tableTester(m_window->processTable()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void clickingAGraphNodeSelectsTheTreeRowAndFillsTheDetails()
    {
        m_window->tabs()->setCurrentIndex(MainWindow::NamespacesTab);
        DiagramView *view = m_window->namespaceView();
        view->resetZoom();
        const QRectF rect = m_window->namespaceScene()->nodeRect(kWslg);
        QVERIFY(!rect.isNull());
        view->centerOn(rect.center());
        QCoreApplication::processEvents();
        const QPoint point = view->mapFromScene(rect.center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);

        QCOMPARE(m_window->selectedItem(), kWslg);
        QCOMPARE(m_window->namespaceTree()->currentIndex().data(ItemRoles::IdRole).toString(), kWslg);
        QCOMPARE(m_window->detailsPanel()->currentId(), kWslg);
        QCOMPARE(m_window->namespaceScene()->selectedNode(), kWslg);
    }

    void selectingATreeRowSelectsTheGraphNode()
    {
        QTreeView *tree = m_window->namespaceTree();
        const QModelIndex index = findInTree(tree->model(), kUbuntu2004);
        QVERIFY(index.isValid());
        tree->setCurrentIndex(index);
        QCOMPARE(m_window->selectedItem(), kUbuntu2004);
        QCOMPARE(m_window->namespaceScene()->selectedNode(), kUbuntu2004);
        QCOMPARE(m_window->detailsPanel()->currentId(), kUbuntu2004);
    }

    void selectingAProcessSelectsItsRowInTheTableAndItsNamespaceInTheGraph()
    {
        const QString sleep = sleepId(*m_window->snapshot());
        QVERIFY(!sleep.isEmpty());
        m_window->selectItem(sleep);
        QCOMPARE(m_window->processTable()->currentIndex().data(ItemRoles::IdRole).toString(), sleep);
        QCOMPARE(m_window->namespaceTree()->currentIndex().data(ItemRoles::IdRole).toString(), sleep);
        QCOMPARE(m_window->namespaceScene()->selectedNode(), kUbuntu2004);
        QCOMPARE(m_window->detailsPanel()->currentId(), sleep);
    }

    void hoveringAProcessShowsItsChainAndHighlightsItsPath()
    {
        const QString sleep = sleepId(*m_window->snapshot());
        const QModelIndex index = findInTree(m_window->namespaceTree()->model(), sleep);
        QVERIFY(index.isValid());
        QCOMPARE(
            index.data(Qt::ToolTipRole).toString(),
            QStringLiteral("sleep · 48950 Mariner VM → 4578 WSLg system (Ubuntu-20.04) → 4419 Ubuntu-20.04"));

        QTreeView *tree = m_window->namespaceTree();
        m_window->selectItem(sleep); // opens the path so that the row can be hovered
        tree->scrollTo(index);
        QCoreApplication::processEvents();
        const QRect rowRect = tree->visualRect(index);
        QVERIFY(rowRect.isValid());
        QTest::mouseMove(tree->viewport(), rowRect.center());
        QTRY_COMPARE(m_window->namespaceScene()->highlightedPath(),
                     (QStringList{kVm, kWslg, kUbuntu2004, sleep}));
    }

    void ctrlFFocusesTheFindBoxAndFilters()
    {
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->findEdit()->hasFocus());
        const int before = visibleRows(m_window->namespaceTree()->model());
        QTest::keyClicks(m_window->findEdit(), QStringLiteral("680001")); // the sleep in Ubuntu-20.04 only
        const QAbstractItemModel *model = m_window->namespaceTree()->model();
        const int after = visibleRows(model);
        QVERIFY2(after < before, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        const QModelIndex match = findInTree(model, sleepId(*m_window->snapshot()));
        QVERIFY(match.isValid());
        // The match keeps its context: its ancestors stay, opened.
        QCOMPARE(match.parent().data(ItemRoles::IdRole).toString(), kUbuntu2004);
        QVERIFY(m_window->namespaceTree()->isExpanded(match.parent()));
        QVERIFY(!findInTree(model, QStringLiteral("pid:[4026532784]")).isValid());
    }

    void exportWritesImagesOfTheSceneSizeAndAnSvgThatParses()
    {
        QTemporaryDir dir;
        QString error;
        const QRectF sceneRect = m_window->namespaceScene()->sceneRect();
        const QString png1 = dir.filePath(QStringLiteral("one.png"));
        const QString png2 = dir.filePath(QStringLiteral("two.png"));
        QVERIFY2(m_window->exportView(MainWindow::NamespacesTab, ExportFormat::Png, 1, png1, &error),
                 qPrintable(error));
        QVERIFY2(m_window->exportView(MainWindow::NamespacesTab, ExportFormat::Png, 2, png2, &error),
                 qPrintable(error));
        const QImage one(png1), two(png2);
        QCOMPARE(one.width(), qCeil(sceneRect.width()));
        QCOMPARE(one.height(), qCeil(sceneRect.height()));
        QVERIFY(qAbs(two.width() - 2 * one.width()) <= 1);
        QSet<QRgb> colours;
        for (int y = 0; y < one.height(); y += 3)
            for (int x = 0; x < one.width(); x += 3)
                colours.insert(one.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the export looks blank");

        const QString svg = dir.filePath(QStringLiteral("net.svg"));
        QVERIFY2(m_window->exportView(MainWindow::NetworkTab, ExportFormat::Svg, 1, svg, &error),
                 qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        const QString dot = dir.filePath(QStringLiteral("pid.dot"));
        QVERIFY2(m_window->exportView(MainWindow::NamespacesTab, ExportFormat::Dot, 1, dot, &error),
                 qPrintable(error));
        QFile dotFile(dot);
        QVERIFY(dotFile.open(QIODevice::ReadOnly));
        QVERIFY(dotFile.readAll().contains("4026532257"));
    }

    void aCorruptFileIsRefusedWithAMessageAndTheSnapshotStays()
    {
        const auto before = m_window->snapshot();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"schema\": \"wslatlas.snapshot/1\", \"pid_namespaces\": [");
        file.close();
        QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
        m_window->openFile(path);
        QVERIFY(opened.wait(120000));
        QCOMPARE(opened.at(0).at(1).toBool(), false);
        QVERIFY(m_window->messageText().contains(QStringLiteral("broken.json")));
        QCOMPARE(m_window->snapshot(), before);
        QVERIFY(m_window->namespaceScene()->nodeIds().contains(kUbuntu2004));
    }

    void aSavedSnapshotOpensAgainAndDropsOpenFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.json"));
        const std::optional<Error> error = saveSnapshotFile(path.toStdString(), *m_window->snapshot());
        QVERIFY2(!error, error ? error->message.c_str() : "");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
        const auto before = m_window->snapshot();
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QCOMPARE(m_window->snapshot(), before); // read off the GUI thread: nothing changed yet
        QVERIFY(opened.wait(120000));
        QCOMPARE(opened.at(0).at(1).toBool(), true);
        QVERIFY(m_window->snapshot() != before);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("saved.json")));
        QCOMPARE(m_window->snapshot()->processes.size(), m_window->snapshot()->processes.size());
        QVERIFY(m_window->namespaceScene()->nodeIds().contains(kUbuntu2004));
    }

    void doubleClickDescendsIntoANamespace()
    {
        m_window->tabs()->setCurrentIndex(MainWindow::NamespacesTab);
        DiagramView *view = m_window->namespaceView();
        view->resetZoom();
        const QRectF rect = m_window->namespaceScene()->nodeRect(kUbuntu2004);
        view->centerOn(rect.center());
        QCoreApplication::processEvents();
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(rect.center()));
        QCOMPARE(m_window->expandedNamespace(), kUbuntu2004);
        QVERIFY(m_window->namespaceScene()->nodeIds().contains(sleepId(*m_window->snapshot())));
    }

    void refreshFromThisHostRunsOffTheUiThread()
    {
        // A live snapshot of this Linux host: the window keeps painting and ticking meanwhile.
        auto *source = m_window->findChild<QComboBox *>(QStringLiteral("SourceBox"));
        QVERIFY(source);
        source->setCurrentIndex(source->findData(static_cast<int>(SnapshotSource::LocalHost)));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(5);
        QSignalSpy finished(m_window->collector(), &CollectionController::finished);
        m_window->refresh();
        QVERIFY(m_window->cancelAction()->isEnabled());
        QVERIFY(!m_window->refreshAction()->isEnabled());
        QVERIFY(finished.wait(30000));
        QVERIFY(ticks > 0);
        QTRY_VERIFY(m_window->windowTitle().contains(QStringLiteral("Live")));
        QVERIFY(!m_window->snapshot()->pidNamespaces.empty());
        QVERIFY(m_window->refreshAction()->isEnabled());
    }

    void autoRefreshDefaultsToAMinuteAndSaysItKeepsWslRunning()
    {
        // A full snapshot keeps the WSL VM (idle after 60 s) awake: no shorter default, and said plainly.
        auto *interval = m_window->findChild<QSpinBox *>(QStringLiteral("IntervalBox"));
        QVERIFY(interval);
        QVERIFY(interval->value() >= 60);
        QVERIFY(interval->minimum() >= 10);
        QVERIFY(interval->toolTip().contains(QStringLiteral("keeps WSL running")));
        bool warned = false;
        for (const QAction *action : m_window->findChildren<QAction *>())
            warned = warned || action->statusTip().contains(QStringLiteral("This keeps WSL running"));
        QVERIFY(warned);
    }

    void aboutNamesTheQtAndGraphvizVersions()
    {
        const QString text = MainWindow::aboutText();
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QString::fromStdString(layout::graphvizVersion())));
    }

    void koreanTranslationIsBundled()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/wslatlas_ko.qm")));
        const QString tab = translator.translate("wslatlas::MainWindow", "Namespaces");
        QVERIFY(!tab.isEmpty());
        QVERIFY(tab != QStringLiteral("Namespaces"));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
