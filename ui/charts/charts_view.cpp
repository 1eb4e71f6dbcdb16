#include "charts_view.h"

#include "diagram_scene.h"
#include "model_support.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string_view>
#include <unordered_map>

namespace wslatlas {

// A segment of one donut ring: a namespace with the processes of its subtree, or filler.
struct DonutSegment
{
    static constexpr int kPadding = -1;  // a parent's own processes, carried outwards as transparent filler
    static constexpr int kUnlisted = -2; // processes of namespaces the snapshot does not list
    int ns;
    int value;
};

namespace {

// Ring k holds the namespaces k levels below a root, in their parents' order; a parent's own processes
// become padding right after its children, and padding carries on outwards, so that every ring adds up
// to the same total and a slice lies inside its parent's angle. Empty subtrees get no slice.
std::vector<std::vector<DonutSegment>> donutRings(const SnapshotAnalysis &a, int maxRings)
{
    std::vector<std::vector<DonutSegment>> rings(1);
    for (int root : a.roots())
        if (a.subtreeProcesses(root) > 0)
            rings[0].push_back({root, a.subtreeProcesses(root)});
    if (const auto unlisted = static_cast<int>(a.unplacedProcesses().size()); unlisted > 0)
        rings[0].push_back({DonutSegment::kUnlisted, unlisted});
    while (static_cast<int>(rings.size()) < maxRings) {
        std::vector<DonutSegment> next;
        bool anyNamespace = false;
        const auto pad = [&next](int value) {
            if (value <= 0)
                return;
            if (!next.empty() && next.back().ns == DonutSegment::kPadding)
                next.back().value += value;
            else
                next.push_back({DonutSegment::kPadding, value});
        };
        for (const DonutSegment &segment : rings.back()) {
            if (segment.ns < 0) {
                pad(segment.value);
                continue;
            }
            for (int child : a.children(segment.ns)) {
                if (a.subtreeProcesses(child) > 0) {
                    next.push_back({child, a.subtreeProcesses(child)});
                    anyNamespace = true;
                }
            }
            pad(a.ownProcesses(segment.ns));
        }
        if (!anyNamespace)
            break;
        rings.push_back(std::move(next));
    }
    return rings;
}

constexpr double kMinLabelFraction = 0.04; // smaller slices are read through their tooltip
constexpr double kInnerHole = 0.26;        // of the plot area's half size: room for the total
constexpr double kOuterEdge = 0.96;
constexpr qreal kExplodeFactor = 0.04;

// The widest straight label that stays inside a ring's slice when drawn tangentially at the ring's middle:
// its ends must not leave the slice's angle nor, being straight, poke out of the ring's outer edge.
qreal tangentialRoom(qreal inner, qreal outer, qreal spanDegrees, qreal textHeight)
{
    const qreal mid = (inner + outer) / 2;
    const qreal halfSpan = std::min(spanDegrees / 2, 80.0) * std::numbers::pi / 180;
    const qreal byAngle = mid * std::tan(halfSpan);
    const qreal reach = outer - textHeight / 2;
    const qreal byEdge = reach > mid ? std::sqrt(reach * reach - mid * mid) : 0;
    return 2 * std::min(byAngle, byEdge) * 0.9;
}

// A slice's label within room: the label with its count; else the label cut short; else the count alone;
// else nothing.
QString fittedLabel(const QString &label, int value, const QString &separator, const QFontMetricsF &metrics,
                    qreal room)
{
    QString count = QString::number(value);
    QString full = label + separator + count;
    if (metrics.horizontalAdvance(full) <= room)
        return full;
    const qreal labelRoom = room - metrics.horizontalAdvance(separator + count);
    const QString elided = metrics.elidedText(label, Qt::ElideRight, labelRoom);
    if (elided.size() >= 4)
        return elided + separator + count;
    if (metrics.horizontalAdvance(count) <= room)
        return count;
    return {};
}

// At the slice's middle along the ring (a whole ring's at the bottom), radius from the centre, turned a half
// turn on the lower half so that it never reads upside down.
void placeOnRing(QGraphicsSimpleTextItem *item, const QPieSlice &slice, const QPointF &centre, qreal radius)
{
    const bool whole = slice.angleSpan() >= 359.9;
    const qreal angle = whole ? 180 : slice.startAngle() + slice.angleSpan() / 2;
    const qreal radians = angle * std::numbers::pi / 180;
    const QPointF at = centre + QPointF(std::sin(radians), -std::cos(radians)) * radius;
    const QRectF bounds = item->boundingRect();
    item->setTransformOriginPoint(bounds.center());
    item->setPos(at - bounds.center());
    item->setRotation(whole ? 0 : angle > 90 && angle < 270 ? angle - 180 : angle);
}

// Integer ticks for a count axis: 0 to a round top in at most five steps of 1, 2 or 5 times a power of ten.
void setCountRange(QValueAxis *axis, int maximum)
{
    int step = 1;
    for (int scale = 1;; scale *= 10) {
        const int candidates[] = {scale, 2 * scale, 5 * scale};
        const auto fits = std::find_if(std::begin(candidates), std::end(candidates),
                                       [&](int s) { return (std::max(maximum, 1) + s - 1) / s <= 5; });
        if (fits != std::end(candidates)) {
            step = *fits;
            break;
        }
    }
    const int steps = std::max(1, (maximum + step - 1) / step);
    axis->setRange(0, steps * step);
    axis->setTickCount(steps + 1);
}

} // namespace

ChartsView::ChartsView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    m_donutChart = new QChart;
    m_donutChart->legend()->hide(); // the rings and the labels explain themselves
    m_donutChart->setMargins(QMargins(4, 4, 4, 4));
    m_donutView = new QChartView(m_donutChart);
    m_donutView->setRenderHint(QPainter::Antialiasing);
    m_donutView->setMinimumSize(240, 240);
    m_donutChart->layout()->setContentsMargins(0, 0, 0, 0); // the chart's background fills the view
    m_totalNumber = new QGraphicsSimpleTextItem(m_donutChart);
    m_totalCaption = new QGraphicsSimpleTextItem(m_donutChart);
    connect(m_donutChart, &QChart::plotAreaChanged, this, [this] { updateDonutLabels(); });

    m_donutPlaceholder = new QLabel;
    m_donutPlaceholder->setObjectName(QStringLiteral("donutPlaceholder"));
    m_donutPlaceholder->setAlignment(Qt::AlignCenter);
    m_donutPlaceholder->setWordWrap(true);
    m_donutPlaceholder->setMargin(24);
    m_donutStack = new QStackedWidget;
    m_donutStack->addWidget(m_donutPlaceholder);
    m_donutStack->addWidget(m_donutView);

    m_historyChart = new QChart;
    m_historyChart->setMargins(QMargins(4, 4, 4, 4));
    m_historyChart->layout()->setContentsMargins(0, 0, 0, 0);
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setTickCount(5);
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("Processes"));
    m_historyChart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_historyChart->addAxis(m_countAxis, Qt::AlignLeft);
    m_historyView = new QChartView(m_historyChart);
    m_historyView->setRenderHint(QPainter::Antialiasing);
    m_historyView->setMinimumSize(240, 200);

    m_historyHint = new QLabel(tr("Turn on auto-refresh to record process counts over time"));
    m_historyHint->setObjectName(QStringLiteral("historyHint"));
    m_historyHint->setAlignment(Qt::AlignCenter);
    m_historyHint->setWordWrap(true);
    m_historyHint->setMargin(24);
    m_historyStack = new QStackedWidget;
    m_historyStack->addWidget(m_historyHint);
    m_historyStack->addWidget(m_historyView);

    splitter->addWidget(m_donutStack);
    splitter->addWidget(m_historyStack);
    // The donut is the main picture; the history is a strip beside it.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    applyTheme();
    rebuildDonut();
    updateHistoryPage();
}

ChartsView::~ChartsView() = default;

void ChartsView::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    rebuildDonut();
}

void ChartsView::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    applyTheme();
}

QString ChartsView::sliceToolTip(const QPieSlice *slice) const
{
    const auto it = m_slices.constFind(const_cast<QPieSlice *>(slice)); // a key, never written through
    return it == m_slices.cend() ? QString() : it->toolTip;
}

ChartsView::SliceInfo ChartsView::sliceInfo(const SnapshotAnalysis &a, const NamespaceTexts &texts,
                                            const DonutSegment &segment, int ring, int &sibling) const
{
    SliceInfo info;
    info.value = segment.value;
    if (segment.ns == DonutSegment::kPadding) {
        info.padding = true;
    } else if (segment.ns == DonutSegment::kUnlisted) {
        info.label = tr("Unlisted namespaces");
        info.toolTip = tr("Processes whose pid namespace the snapshot does not list: %1").arg(segment.value);
    } else {
        const int ns = segment.ns;
        const PidNamespace &pidNs = a.snapshot().pidNamespaces[static_cast<std::size_t>(ns)];
        info.namespaceId = texts.id(ns);
        info.label = texts.label(ns);
        info.tone = toneForRole(pidNs.role);
        info.sibling = sibling++;
        // Plural by hand until the project ships translations (an English .qm would do %n).
        const int ownCount = a.ownProcesses(ns);
        info.toolTip =
            (ownCount == 1 ? tr("%1 · 1 process (%2 in subtree)").arg(info.label).arg(a.subtreeProcesses(ns))
                           : tr("%1 · %2 processes (%3 in subtree)")
                                 .arg(info.label)
                                 .arg(ownCount)
                                 .arg(a.subtreeProcesses(ns))) +
            QLatin1Char('\n') +
            tr("%1 · %2", "namespace id · role").arg(info.namespaceId, roleDisplayName(pidNs.role));
        if (ring == kMaxRings - 1 && a.descendants(ns) > 0)
            info.toolTip +=
                QLatin1Char('\n') + tr("Includes the namespaces nested deeper: %1").arg(a.descendants(ns));
    }
    return info;
}

void ChartsView::rebuildDonut()
{
    QToolTip::hideText();
    qDeleteAll(m_labelItems);
    m_labelItems.clear();
    m_donutChart->removeAllSeries(); // deletes the series and their slices
    m_rings.clear();
    m_slices.clear();
    m_donutTotal = 0;
    m_totalNumber->setText(QString());
    m_totalCaption->setText(QString());

    if (!m_analysis) {
        m_donutPlaceholder->setText(
            tr("No snapshot loaded: take or open one to see where the processes are."));
        m_donutStack->setCurrentWidget(m_donutPlaceholder);
        return;
    }
    const SnapshotAnalysis &a = *m_analysis;
    const NamespaceTexts texts(a);
    const std::vector<std::vector<DonutSegment>> rings = donutRings(a, kMaxRings);
    for (const DonutSegment &segment : rings[0])
        m_donutTotal += segment.value;
    if (m_donutTotal == 0) {
        m_donutPlaceholder->setText(tr("This snapshot lists no processes: there is nothing to chart."));
        m_donutStack->setCurrentWidget(m_donutPlaceholder);
        return;
    }
    const int ringCount = static_cast<int>(rings.size());
    const double inner = ringCount == 1 ? 0.5 : kInnerHole;
    const double width = (kOuterEdge - inner) / ringCount;
    for (int r = 0; r < ringCount; ++r) {
        auto *series = new QPieSeries;
        series->setHoleSize(inner + r * width);
        series->setPieSize(inner + (r + 1) * width);
        QList<QPieSlice *> slices;
        int sibling = 0;
        for (const DonutSegment &segment : rings[static_cast<std::size_t>(r)]) {
            auto *slice = new QPieSlice(QString(), segment.value); // labels are ours: see updateDonutLabels
            const SliceInfo info = sliceInfo(a, texts, segment, r, sibling);
            slice->setLabel(info.label);
            slice->setLabelVisible(false);
            slice->setProperty(kNamespaceIdProperty, info.namespaceId);
            slice->setExplodeDistanceFactor(kExplodeFactor);
            m_slices.insert(slice, info);
            connect(slice, &QPieSlice::clicked, this, [this, slice] {
                const QString id = m_slices.value(slice).namespaceId;
                if (!id.isEmpty())
                    emit namespaceActivated(id);
            });
            connect(slice, &QPieSlice::hovered, this,
                    [this, slice](bool state) { onSliceHovered(slice, state); });
            slices.push_back(slice);
        }
        series->append(slices);
        m_donutChart->addSeries(series);
        m_rings.push_back(series);
    }
    m_totalNumber->setText(QString::number(m_donutTotal));
    m_totalCaption->setText(m_donutTotal == 1 ? tr("process") : tr("processes"));
    applyDonutColors();
    updateDonutLabels();
    m_donutStack->setCurrentWidget(m_donutView);
}

void ChartsView::applyDonutColors()
{
    for (auto it = m_slices.cbegin(); it != m_slices.cend(); ++it) {
        QPieSlice *slice = it.key();
        const SliceInfo &info = it.value();
        if (info.padding) {
            slice->setBrush(Qt::transparent);
            slice->setPen(Qt::NoPen);
            continue;
        }
        const DiagramColors colors = diagramToneColors(info.tone, m_dark);
        // Neighbours of one tone alternate a little in lightness so that their border is not all that
        // tells them apart.
        QColor fill = colors.fill;
        float hue = 0, saturation = 0, lightness = 0;
        fill.getHslF(&hue, &saturation, &lightness);
        const float shift = static_cast<float>(info.sibling % 3) * 0.05f;
        lightness = m_dark ? std::min(1.0f, lightness + shift) : std::max(0.0f, lightness - shift);
        fill.setHslF(hue, saturation, lightness);
        slice->setBrush(fill);
        QPen pen(colors.stroke);
        pen.setWidthF(1);
        slice->setPen(pen);
        if (QGraphicsSimpleTextItem *label = m_labelItems.value(slice))
            label->setBrush(colors.text);
    }
    const QColor text = m_dark ? QColor(0xe6, 0xe9, 0xec) : QColor(0x1b, 0x1f, 0x24);
    QFont numberFont = font();
    numberFont.setBold(true);
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.6);
    m_totalNumber->setFont(numberFont);
    m_totalNumber->setBrush(text);
    m_totalCaption->setFont(font());
    m_totalCaption->setBrush(text);
}

void ChartsView::updateDonutLabels()
{
    // Qt Charts turns tangential labels upside down on the lower half of a pie and cannot be told not to:
    // the labels are our own text items, turned to read left to right wherever they are.
    const QRectF plot = m_donutChart->plotArea();
    const qreal half = std::min(plot.width(), plot.height()) / 2;
    if (m_rings.empty() || half <= 0)
        return;
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    const QFontMetricsF metrics(labelFont);
    const QString separator = tr(" · ", "between a namespace label and its process count");
    for (QPieSeries *ring : m_rings) {
        const qreal inner = ring->holeSize() * half;
        const qreal outer = ring->pieSize() * half;
        const auto slices = ring->slices();
        for (QPieSlice *slice : slices) {
            const SliceInfo &info = m_slices[slice];
            QString text;
            if (!info.padding && info.value >= kMinLabelFraction * m_donutTotal &&
                metrics.height() < (outer - inner) * 0.8)
                text = fittedLabel(info.label, info.value, separator, metrics,
                                   tangentialRoom(inner, outer, slice->angleSpan(), metrics.height()));
            QGraphicsSimpleTextItem *item = m_labelItems.value(slice);
            if (text.isEmpty()) {
                if (item)
                    item->hide();
                continue;
            }
            if (!item)
                item = addLabelItem(slice);
            item->setFont(labelFont);
            item->setBrush(diagramToneColors(info.tone, m_dark).text);
            item->setText(text);
            item->show();
            placeOnRing(item, *slice, plot.center(), (inner + outer) / 2);
        }
    }
    placeDonutTotal(plot.center(), m_rings.front()->holeSize() * half * 2);
}

QGraphicsSimpleTextItem *ChartsView::addLabelItem(QPieSlice *slice)
{
    auto *item = new QGraphicsSimpleTextItem(m_donutChart);
    item->setAcceptedMouseButtons(Qt::NoButton); // clicks go to the slice below
    item->setAcceptHoverEvents(false);
    item->setZValue(1000); // above the series (ChartPresenter puts them at 10 and up)
    m_labelItems.insert(slice, item);
    return item;
}

// The total in the hole (hole: its diameter), when it fits.
void ChartsView::placeDonutTotal(const QPointF &centre, qreal hole)
{
    const QRectF number = m_totalNumber->boundingRect();
    const QRectF caption = m_totalCaption->boundingRect();
    const bool fits = std::max(number.width(), caption.width()) < hole * 0.85 &&
                      number.height() + caption.height() < hole * 0.85;
    m_totalNumber->setVisible(fits);
    m_totalCaption->setVisible(fits);
    const qreal top = centre.y() - (number.height() + caption.height()) / 2;
    m_totalNumber->setPos(centre.x() - number.width() / 2, top);
    m_totalCaption->setPos(centre.x() - caption.width() / 2, top + number.height());
}

const QGraphicsSimpleTextItem *ChartsView::sliceLabelItem(const QPieSlice *slice) const
{
    const QGraphicsSimpleTextItem *item = m_labelItems.value(const_cast<QPieSlice *>(slice));
    return item && item->isVisible() ? item : nullptr;
}

void ChartsView::onSliceHovered(QPieSlice *slice, bool state)
{
    const auto it = m_slices.constFind(slice);
    if (it == m_slices.cend() || it->padding)
        return;
    slice->setExploded(state);
    if (state)
        QToolTip::showText(QCursor::pos(), it->toolTip, m_donutView);
    else
        QToolTip::hideText();
}

void ChartsView::applyTheme()
{
    const QChart::ChartTheme theme = m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    QFont titleFont = font();
    titleFont.setBold(true);
    for (QChart *chart : {m_donutChart, m_historyChart}) {
        chart->setTheme(theme); // resets colours and fonts: what we set ourselves follows
        chart->setBackgroundRoundness(0);
        chart->setTitleFont(titleFont);
    }
    m_donutChart->setTitle(tr("Processes per pid namespace"));
    m_donutChart->legend()->hide();
    m_historyChart->setTitle(tr("Processes per distro over time"));
    m_historyChart->legend()->setAlignment(Qt::AlignBottom);
    for (const auto &[name, series] : m_distroSeries) {
        QPen pen = series->pen();
        pen.setWidthF(2);
        series->setPen(pen);
    }
    applyDonutColors();
    updateDonutLabels();
}

void ChartsView::addSample(const SnapshotAnalysis &analysis, const QDateTime &when)
{
    const auto &counts = analysis.processesPerDistro();
    for (const auto &[distro, count] : counts) {
        const QString name = toQString(distro);
        if (m_distroSeries.count(name) > 0)
            continue;
        // A distro seen for the first time starts its line here: no zeros made up for earlier samples.
        auto *series = new QLineSeries;
        series->setName(name);
        m_historyChart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
        QPen pen = series->pen();
        pen.setWidthF(2);
        series->setPen(pen);
        m_distroSeries.emplace(name, series);
    }
    const qreal x = static_cast<qreal>(when.toMSecsSinceEpoch());
    for (const auto &[name, series] : m_distroSeries) {
        const auto it = counts.find(name.toStdString());
        series->append(x, it == counts.end() ? 0 : it->second); // a distro that stopped runs nothing
    }

    m_sampleTimes.push_back(when);
    if (static_cast<int>(m_sampleTimes.size()) > kMaxHistorySamples) {
        m_sampleTimes.pop_front();
        const qreal oldest = static_cast<qreal>(m_sampleTimes.front().toMSecsSinceEpoch());
        for (const auto &[name, series] : m_distroSeries) {
            int drop = 0;
            while (drop < series->count() && series->at(drop).x() < oldest)
                ++drop;
            if (drop > 0)
                series->removePoints(0, drop);
        }
    }
    updateHistoryAxes();
    updateHistoryPage();
}

void ChartsView::clearHistory()
{
    for (const auto &[name, series] : m_distroSeries) {
        m_historyChart->removeSeries(series);
        delete series;
    }
    m_distroSeries.clear();
    m_sampleTimes.clear();
    updateHistoryPage();
}

void ChartsView::updateHistoryAxes()
{
    if (m_sampleTimes.empty())
        return;
    const QDateTime first = m_sampleTimes.front();
    QDateTime last = m_sampleTimes.back();
    if (last <= first)
        last = first.addSecs(1);
    m_timeAxis->setRange(first, last);
    m_timeAxis->setFormat(first.daysTo(last) >= 1 ? QStringLiteral("MM-dd hh:mm")
                                                  : QStringLiteral("hh:mm:ss"));
    int maximum = 0;
    for (const auto &[name, series] : m_distroSeries)
        for (int i = 0; i < series->count(); ++i)
            maximum = std::max(maximum, static_cast<int>(series->at(i).y()));
    setCountRange(m_countAxis, maximum);
}

void ChartsView::updateHistoryPage()
{
    if (m_sampleTimes.size() >= 2)
        m_historyStack->setCurrentWidget(m_historyView);
    else
        m_historyStack->setCurrentWidget(m_historyHint);
}

} // namespace wslatlas
