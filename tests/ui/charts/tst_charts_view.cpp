#include "charts_view.h"
#include "model_fixtures.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace wslatlas;

namespace {

const QString kVm = QStringLiteral("pid:[4026531836]");
const QString kWslg = QStringLiteral("pid:[4026532245]");
const QString kUbuntu20 = QStringLiteral("pid:[4026532257]");
const QString kIsolation = QStringLiteral("pid:[4026532771]");
const QString kUbuntu18 = QStringLiteral("pid:[4026532784]");

QList<QPieSeries *> ringsOf(const ChartsView &view)
{
    QList<QPieSeries *> rings;
    const auto series = view.donutChartView()->chart()->series();
    for (QAbstractSeries *s : series)
        if (auto *pie = qobject_cast<QPieSeries *>(s))
            rings.push_back(pie);
    return rings;
}

QString idOf(const QPieSlice *slice)
{
    return slice->property(ChartsView::kNamespaceIdProperty).toString();
}

QPieSlice *sliceOf(const ChartsView &view, const QString &id, int *ringOut = nullptr)
{
    const QList<QPieSeries *> rings = ringsOf(view);
    for (int r = 0; r < rings.size(); ++r) {
        const auto slices = rings[r]->slices();
        for (QPieSlice *slice : slices) {
            if (idOf(slice) == id) {
                if (ringOut)
                    *ringOut = r;
                return slice;
            }
        }
    }
    return nullptr;
}

QLineSeries *historyLine(const ChartsView &view, const QString &distro)
{
    const auto series = view.historyChartView()->chart()->series();
    for (QAbstractSeries *s : series)
        if (s->name() == distro)
            return qobject_cast<QLineSeries *>(s);
    return nullptr;
}

QStackedWidget *stackOf(QWidget *page)
{
    return qobject_cast<QStackedWidget *>(page->parentWidget());
}

// A point of the donut in the chart view's viewport: `radius` as a fraction of the plot area's half size,
// `angle` in the pie's degrees (0 at twelve o'clock, clockwise).
QPoint donutPoint(const ChartsView &view, qreal radius, qreal angle)
{
    QChart *chart = view.donutChartView()->chart();
    const QRectF plot = chart->plotArea();
    const qreal half = std::min(plot.width(), plot.height()) / 2;
    const qreal rad = angle * std::numbers::pi / 180;
    const QPointF at = plot.center() + QPointF(std::sin(rad), -std::cos(rad)) * radius * half;
    return view.donutChartView()->mapFromScene(chart->mapToScene(at));
}

// Between a ring's inner edge and its labels, which sit on the ring's middle.
qreal nearInnerEdge(const QPieSeries *ring)
{
    return ring->holeSize() + (ring->pieSize() - ring->holeSize()) * 0.15;
}

int colorDistance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

QColor toneFill(DiagramTone tone, bool dark)
{
    const std::string_view fill = toneColors(tone, dark).fill;
    return QColor::fromString(QLatin1String(fill.data(), static_cast<qsizetype>(fill.size())));
}

void saveGrab(QWidget &widget, const QString &name)
{
    // For looking at the result by eye: WSLATLAS_GRAB_DIR=/tmp ctest -R tst_charts_view
    const QString dir = qEnvironmentVariable("WSLATLAS_GRAB_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestChartsView : public QObject
{
    Q_OBJECT

private slots:
    void ringsFollowTheNesting();
    void childSlicesLieInsideTheirParents();
    void clickingASliceActivatesItsNamespace();
    void hoverExplodesAndExplains();
    void labelsShowNameAndCount();
    void drawsRingsInTheToneColours_data();
    void drawsRingsInTheToneColours();
    void historyRecordsOnePointPerDistro();
    void historyKeepsTheLatestSamples();
    void clearHistoryShowsTheHintAgain();
    void emptySnapshotShowsAPlaceholder();
    void largeSnapshot();

private:
    static void checkLabelsInsideTheirSlices(const ChartsView &view);
};

void TestChartsView::ringsFollowTheNesting()
{
    const auto snapshot = test::seedSnapshot();
    ChartsView view;
    view.setAnalysis(analyze(snapshot));

    const QList<QPieSeries *> rings = ringsOf(view);
    QCOMPARE(rings.size(), 3); // VM; WSLg and isolation; the distros
    QCOMPARE(view.donutChartView()->chart()->title(), QStringLiteral("Processes per pid namespace"));
    QVERIFY(!view.donutChartView()->chart()->legend()->isVisible());
    const double all = static_cast<double>(snapshot->processes.size());
    for (const QPieSeries *ring : rings)
        QCOMPARE(ring->sum(), all); // padding makes every ring add up to the same total
    for (int r = 1; r < rings.size(); ++r) {
        QVERIFY(rings[r]->holeSize() >= rings[r - 1]->pieSize() - 1e-9);
        QVERIFY(rings[r]->pieSize() > rings[r]->holeSize());
    }

    int ring = -1;
    QPieSlice *vm = sliceOf(view, kVm, &ring);
    QVERIFY(vm);
    QCOMPARE(ring, 0);
    QCOMPARE(vm->value(), all);
    QCOMPARE(sliceOf(view, kWslg, &ring)->value(), 16.0); // its own 5 and Ubuntu-20.04's 11
    QCOMPARE(ring, 1);
    QCOMPARE(sliceOf(view, kIsolation, &ring)->value(), 6.0);
    QCOMPARE(ring, 1);
    QCOMPARE(sliceOf(view, kUbuntu20, &ring)->value(), 11.0);
    QCOMPARE(ring, 2);
    QCOMPARE(sliceOf(view, kUbuntu18, &ring)->value(), 5.0);
    QCOMPARE(ring, 2);

    // Padding is there, without a namespace, and cannot be seen.
    int paddingSlices = 0;
    for (const QPieSeries *r : rings) {
        const auto slices = r->slices();
        for (const QPieSlice *slice : slices) {
            if (!idOf(slice).isEmpty())
                continue;
            ++paddingSlices;
            QCOMPARE(slice->brush().color().alpha(), 0);
            QCOMPARE(slice->pen().style(), Qt::NoPen);
            QVERIFY(!view.sliceLabelItem(slice));
        }
    }
    QCOMPARE(paddingSlices, 3); // the VM's own 6 in ring 1; WSLg's 5, then isolation's 1 + VM's 6 in ring 2
}

void TestChartsView::childSlicesLieInsideTheirParents()
{
    const auto snapshot = test::seedSnapshot();
    ChartsView view;
    view.setAnalysis(analyze(snapshot));
    int checked = 0;
    for (const PidNamespace &ns : snapshot->pidNamespaces) {
        if (ns.parent.empty())
            continue;
        QPieSlice *child = sliceOf(view, QString::fromStdString(ns.id));
        QPieSlice *parent = sliceOf(view, QString::fromStdString(ns.parent));
        QVERIFY(child && parent);
        const qreal childEnd = child->startAngle() + child->angleSpan();
        const qreal parentEnd = parent->startAngle() + parent->angleSpan();
        QVERIFY2(child->startAngle() >= parent->startAngle() - 1e-6 && childEnd <= parentEnd + 1e-6,
                 qPrintable(QStringLiteral("%1 [%2, %3] outside %4 [%5, %6]")
                                .arg(idOf(child))
                                .arg(child->startAngle())
                                .arg(childEnd)
                                .arg(idOf(parent))
                                .arg(parent->startAngle())
                                .arg(parentEnd)));
        ++checked;
    }
    QCOMPARE(checked, 4);
    // Ubuntu-20.04 is WSLg's only child: they start together.
    QCOMPARE(sliceOf(view, kUbuntu20)->startAngle(), sliceOf(view, kWslg)->startAngle());
}

void TestChartsView::clickingASliceActivatesItsNamespace()
{
    ChartsView view;
    view.setAnalysis(analyze(test::seedSnapshot()));
    QSignalSpy spy(&view, &ChartsView::namespaceActivated);
    emit sliceOf(view, kUbuntu18)->clicked();
    emit sliceOf(view, kVm)->clicked();
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), kUbuntu18);
    QCOMPARE(spy.at(1).at(0).toString(), kVm);

    // Padding is not a namespace: clicking it does nothing.
    const auto slices = ringsOf(view).at(1)->slices();
    for (QPieSlice *slice : slices)
        if (idOf(slice).isEmpty())
            emit slice->clicked();
    QCOMPARE(spy.size(), 2);
}

void TestChartsView::hoverExplodesAndExplains()
{
    ChartsView view;
    view.setAnalysis(analyze(test::seedSnapshot()));
    QPieSlice *wslg = sliceOf(view, kWslg);
    QVERIFY(!wslg->isExploded());
    emit wslg->hovered(true);
    QVERIFY(wslg->isExploded());
    const QStringList lines = view.sliceToolTip(wslg).split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("WSLg system (Ubuntu-20.04) · 5 processes (16 in subtree)"));
    QCOMPARE(lines.value(1), QStringLiteral("pid:[4026532245] · WSLg"));
    emit wslg->hovered(false);
    QVERIFY(!wslg->isExploded());
    QCOMPARE(view.sliceToolTip(sliceOf(view, kIsolation)).section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Isolation (Ubuntu-18.04) · 1 process (6 in subtree)"));
}

void TestChartsView::labelsShowNameAndCount()
{
    ChartsView view;
    view.resize(900, 600);
    view.setAnalysis(analyze(test::seedSnapshot()));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Every slice of the seed is large enough for its label and its count.
    const auto label = [&](const QString &id) {
        const QGraphicsSimpleTextItem *item = view.sliceLabelItem(sliceOf(view, id));
        return item ? item->text() : QString();
    };
    QCOMPARE(label(kVm), QStringLiteral("Mariner VM · 28"));
    QCOMPARE(label(kUbuntu20), QStringLiteral("Ubuntu-20.04 · 11"));
    QVERIFY(label(kUbuntu18).endsWith(QStringLiteral(" · 5")));
    QVERIFY(label(kIsolation).endsWith(QStringLiteral(" · 6")));
    QVERIFY(label(kWslg).endsWith(QStringLiteral(" · 16")));
    checkLabelsInsideTheirSlices(view);

    // Narrower, labels shorten or go rather than spill over into the next ring or slice.
    view.resize(420, 360);
    QTest::qWait(10);
    checkLabelsInsideTheirSlices(view);
    saveGrab(view, QStringLiteral("helper-c-charts-narrow.png"));
}

void TestChartsView::checkLabelsInsideTheirSlices(const ChartsView &view)
{
    QChart *chart = view.donutChartView()->chart();
    const QRectF plot = chart->plotArea();
    const qreal half = std::min(plot.width(), plot.height()) / 2;
    int checked = 0;
    for (QPieSeries *ring : ringsOf(view)) {
        const auto slices = ring->slices();
        for (QPieSlice *slice : slices) {
            const QGraphicsSimpleTextItem *item = view.sliceLabelItem(slice);
            if (!item)
                continue;
            ++checked;
            // Never upside down.
            QVERIFY(item->rotation() >= -90 && item->rotation() <= 90);
            const QRectF box = item->boundingRect();
            for (const QPointF &corner :
                 {box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight()}) {
                const QPointF p = item->mapToParent(corner) - plot.center();
                const qreal distance = std::hypot(p.x(), p.y());
                QVERIFY2(distance >= ring->holeSize() * half && distance <= ring->pieSize() * half,
                         qPrintable(item->text()));
                if (slice->angleSpan() >= 359.9)
                    continue;
                qreal angle = std::atan2(p.x(), -p.y()) * 180 / std::numbers::pi;
                if (angle < slice->startAngle() - 1)
                    angle += 360;
                QVERIFY2(angle >= slice->startAngle() - 1 &&
                             angle <= slice->startAngle() + slice->angleSpan() + 1,
                         qPrintable(item->text()));
            }
        }
    }
    QVERIFY(checked >= 1); // the VM's, at least
}

void TestChartsView::drawsRingsInTheToneColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestChartsView::drawsRingsInTheToneColours()
{
    QFETCH(bool, dark);
    const auto snapshot = test::seedSnapshot();
    ChartsView view;
    view.resize(900, 600);
    view.setDark(dark);
    view.setAnalysis(analyze(snapshot));
    view.addSample(SnapshotAnalysis(snapshot), QDateTime::fromSecsSinceEpoch(1700000000));
    view.addSample(SnapshotAnalysis(snapshot), QDateTime::fromSecsSinceEpoch(1700000010));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.donutChartView()->chart()->theme(),
             dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    saveGrab(view, dark ? QStringLiteral("helper-c-charts-dark.png") : QStringLiteral("helper-c-charts.png"));

    const QImage image = view.donutChartView()->viewport()->grab().toImage();
    const QList<QPieSeries *> rings = ringsOf(view);
    QCOMPARE(rings.size(), 3);
    const auto pixel = [&](qreal radius, qreal angle) {
        return image.pixelColor(donutPoint(view, radius, angle));
    };
    // Off the labels: the fill of the slice's tone (siblings vary a little in lightness).
    const auto nearestTone = [&](const QColor &color) {
        DiagramTone best = DiagramTone::Unknown;
        for (DiagramTone tone : {DiagramTone::Vm, DiagramTone::Host, DiagramTone::Wslg,
                                 DiagramTone::Isolation, DiagramTone::Distro, DiagramTone::Unknown}) {
            if (colorDistance(color, toneFill(tone, dark)) < colorDistance(color, toneFill(best, dark)))
                best = tone;
        }
        const std::string_view name =
            toString(colorDistance(color, toneFill(best, dark)) < 60 ? best : DiagramTone::Note);
        return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    };
    QCOMPARE(nearestTone(pixel(nearInnerEdge(rings[0]), 45)), QStringLiteral("vm"));
    QVERIFY2(colorDistance(pixel(nearInnerEdge(rings[0]), 45), toneFill(DiagramTone::Vm, dark)) < 12,
             qPrintable(pixel(nearInnerEdge(rings[0]), 45).name()));
    QCOMPARE(nearestTone(pixel(nearInnerEdge(rings[1]), 45)), QStringLiteral("wslg"));
    QPieSlice *ubuntu = sliceOf(view, kUbuntu20);
    QCOMPARE(nearestTone(pixel(nearInnerEdge(rings[2]), ubuntu->startAngle() + ubuntu->angleSpan() * 0.1)),
             QStringLiteral("distro"));
    QPieSlice *isolation = sliceOf(view, kIsolation);
    QCOMPARE(
        nearestTone(pixel(nearInnerEdge(rings[1]), isolation->startAngle() + isolation->angleSpan() * 0.1)),
        QStringLiteral("isolation"));
    // Where WSLg's own processes stand in the distro ring the padding lets the background through.
    const qreal inPadding = ubuntu->startAngle() + ubuntu->angleSpan() + 2;
    const QColor background = pixel(rings[2]->pieSize() + 0.02, inPadding);
    QVERIFY(colorDistance(pixel(nearInnerEdge(rings[2]), inPadding), background) <
            10); // the dark theme is a gradient
    QVERIFY(colorDistance(background, toneFill(DiagramTone::Distro, dark)) > 30);
}

void TestChartsView::historyRecordsOnePointPerDistro()
{
    const auto snapshot = test::seedSnapshot();
    ChartsView view;
    QCOMPARE(view.historySize(), 0);
    QStackedWidget *stack = stackOf(view.historyChartView());
    auto *hint = view.findChild<QLabel *>(QStringLiteral("historyHint"));
    QVERIFY(hint);
    QCOMPARE(stack->currentWidget(), hint);
    QCOMPARE(hint->text(), QStringLiteral("Turn on auto-refresh to record process counts over time"));

    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000);
    view.addSample(SnapshotAnalysis(snapshot), t0);
    QCOMPARE(view.historySize(), 1);
    QCOMPARE(stack->currentWidget(), hint); // one point draws no line yet
    view.addSample(SnapshotAnalysis(snapshot), t0.addSecs(10));
    QCOMPARE(view.historySize(), 2);
    QCOMPARE(stack->currentWidget(), view.historyChartView());

    QChart *chart = view.historyChartView()->chart();
    QCOMPARE(chart->title(), QStringLiteral("Processes per distro over time"));
    QCOMPARE(chart->series().size(), 2);
    QLineSeries *u20 = historyLine(view, QStringLiteral("Ubuntu-20.04"));
    QLineSeries *u18 = historyLine(view, QStringLiteral("Ubuntu-18.04"));
    QVERIFY(u20 && u18);
    QCOMPARE(u20->count(), 2);
    QCOMPARE(u18->count(), 2);
    QCOMPARE(u20->at(0).y(), 11.0);
    QCOMPARE(u18->at(1).y(), 5.0);
    QCOMPARE(u20->at(1).x(), static_cast<qreal>(t0.addSecs(10).toMSecsSinceEpoch()));

    // A distro that stops keeps its line, at zero; a new one starts where it is first seen.
    Snapshot later = *snapshot;
    std::erase_if(later.processes, [](const Process &p) { return p.distro == "Ubuntu-18.04"; });
    later.processes.front().distro = "kali-linux";
    view.addSample(test::analysisOf(later), t0.addSecs(20));
    QCOMPARE(u18->count(), 3);
    QCOMPARE(u18->at(2).y(), 0.0);
    QLineSeries *kali = historyLine(view, QStringLiteral("kali-linux"));
    QVERIFY(kali);
    QCOMPARE(kali->count(), 1);
    QCOMPARE(kali->at(0).y(), 1.0);
    QCOMPARE(chart->series().size(), 3);
}

void TestChartsView::historyKeepsTheLatestSamples()
{
    const auto snapshot = test::seedSnapshot();
    ChartsView view;
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000);
    for (int i = 0; i < 400; ++i)
        view.addSample(SnapshotAnalysis(snapshot), t0.addSecs(10 * i));
    QCOMPARE(view.historySize(), ChartsView::kMaxHistorySamples);
    QCOMPARE(view.historySize(), 360);
    QLineSeries *u20 = historyLine(view, QStringLiteral("Ubuntu-20.04"));
    QCOMPARE(u20->count(), 360);
    QCOMPARE(u20->at(0).x(), static_cast<qreal>(t0.addSecs(10 * 40).toMSecsSinceEpoch()));
    QCOMPARE(u20->at(359).x(), static_cast<qreal>(t0.addSecs(10 * 399).toMSecsSinceEpoch()));
}

void TestChartsView::clearHistoryShowsTheHintAgain()
{
    const auto snapshot = test::seedSnapshot();
    ChartsView view;
    view.addSample(SnapshotAnalysis(snapshot), QDateTime::fromSecsSinceEpoch(1700000000));
    view.addSample(SnapshotAnalysis(snapshot), QDateTime::fromSecsSinceEpoch(1700000010));
    view.clearHistory();
    QCOMPARE(view.historySize(), 0);
    QVERIFY(view.historyChartView()->chart()->series().isEmpty());
    QCOMPARE(stackOf(view.historyChartView())->currentWidget(),
             view.findChild<QLabel *>(QStringLiteral("historyHint")));
}

void TestChartsView::emptySnapshotShowsAPlaceholder()
{
    ChartsView view;
    auto *placeholder = view.findChild<QLabel *>(QStringLiteral("donutPlaceholder"));
    QVERIFY(placeholder);
    QStackedWidget *stack = stackOf(view.donutChartView());
    QCOMPARE(stack->currentWidget(), placeholder); // nothing loaded yet
    QVERIFY(!placeholder->text().isEmpty());

    view.setAnalysis(analyze(test::seedSnapshot()));
    QCOMPARE(stack->currentWidget(), view.donutChartView());

    view.setAnalysis(analyze(std::make_shared<const Snapshot>()));
    QCOMPARE(stack->currentWidget(), placeholder);
    QVERIFY(placeholder->text().contains(QStringLiteral("no processes")));
    QVERIFY(ringsOf(view).isEmpty());
}

void TestChartsView::largeSnapshot()
{
    const auto snapshot = test::syntheticSnapshot(10000);
    ChartsView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // How fast: bench_gui's SetSnapshot/2 (a benchmark, not a test).
    view.setAnalysis(analyze(snapshot));
    view.addSample(SnapshotAnalysis(snapshot), QDateTime::fromSecsSinceEpoch(1700000000));

    const QList<QPieSeries *> rings = ringsOf(view);
    QCOMPARE(rings.size(), 4); // VM and the placeholder root; first level; distros; nested
    for (const QPieSeries *ring : rings)
        QCOMPARE(ring->sum(), 10000.0);
    // The VM's slice holds every process whose chain starts there: all but the orphan's.
    const auto underVm =
        std::count_if(snapshot->processes.begin(), snapshot->processes.end(),
                      [](const Process &p) { return p.chain.front().ns == "pid:[4026531836]"; });
    QVERIFY(underVm > 9000 && underVm < 10000);
    QCOMPARE(sliceOf(view, kVm)->value(), static_cast<qreal>(underVm));
    // Sixty-five first-level namespaces share the ring: each is under 4 %, read through its tooltip.
    int labelled = 0;
    for (int r = 1; r < rings.size(); ++r) {
        const auto slices = rings[r]->slices();
        for (const QPieSlice *slice : slices)
            labelled += view.sliceLabelItem(slice) ? 1 : 0;
    }
    QCOMPARE(labelled, 0);
    QVERIFY(view.sliceLabelItem(sliceOf(view, kVm)));
    QCOMPARE(historyLine(view, QStringLiteral("distro-0"))->count(), 1);
}

QTEST_MAIN(TestChartsView)
#include "tst_charts_view.moc"
