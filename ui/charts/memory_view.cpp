#include "memory_view.h"

#include "diagram_scene.h"
#include "model_support.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wslatlas {

namespace {

QString sizeText(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeIecFormat);
}

QString shareText(double share)
{
    const double percent = share * 100;
    return MemoryView::tr("%1 %", "a percentage").arg(QLocale().toString(percent, 'f', percent < 10 ? 1 : 0));
}

constexpr int kMargin = 16;
constexpr qreal kBarHeight = 34;
constexpr qreal kHoleFraction = 0.56;

} // namespace

// The bar, the donut and its legend, drawn; hovering shows a segment's tooltip, a click activates it.
class MemoryCanvas : public QWidget
{
public:
    explicit MemoryCanvas(MemoryView *view) : QWidget(view), m_view(view)
    {
        setMouseTracking(true);
        setMinimumSize(360, 340);
    }

    struct Geometry
    {
        QRectF title;
        QRectF bar;
        std::vector<QRectF> barParts;  // one per bar segment
        std::vector<QRectF> barLegend; // one per bar segment, then the swap's when there is swap
        QRectF heading;
        QPointF centre;
        qreal outer = 0;
        qreal inner = 0;
        std::vector<QRectF> legendRows; // one per used segment
        QRectF note;
    };

    Geometry geometry() const
    {
        Geometry g;
        const QFontMetricsF metrics(font());
        const qreal line = metrics.height();
        const qreal width = this->width() - 2 * kMargin;
        qreal y = kMargin;
        g.title = QRectF(kMargin, y, width, line * 1.3);
        y = g.title.bottom() + 6;
        g.bar = QRectF(kMargin, y, width, kBarHeight);
        qreal x = g.bar.left();
        const std::vector<MemoryView::Segment> &bar = m_view->m_bar;
        for (const MemoryView::Segment &segment : bar) {
            const qreal w = segment.share * g.bar.width();
            g.barParts.emplace_back(x, g.bar.top(), w, g.bar.height());
            x += w;
        }
        // The bar's legend, wrapped to further lines when it does not fit on one.
        qreal legendX = g.bar.left();
        qreal legendY = g.bar.bottom() + 6;
        for (const QString &text : barLegendTexts()) {
            const qreal w = 16 + metrics.horizontalAdvance(text) + 2;
            if (legendX > g.bar.left() && legendX + w > g.bar.right()) {
                legendX = g.bar.left();
                legendY += line + 4;
            }
            g.barLegend.emplace_back(legendX, legendY, w, line);
            legendX += w + 24;
        }
        y = legendY + line + 18;
        g.heading = QRectF(kMargin, y, width, line * 1.3);
        y = g.heading.bottom() + 8;
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        const QRectF noteBounds =
            QFontMetricsF(small).boundingRect(QRectF(0, 0, width, 1000), Qt::TextWordWrap, noteText());
        g.note = QRectF(kMargin, height() - kMargin - noteBounds.height(), width, noteBounds.height());
        const qreal available = std::max<qreal>(g.note.top() - 10 - y, 80);
        const qreal side = std::min(available, width * 0.45);
        g.outer = side / 2;
        g.inner = g.outer * kHoleFraction;
        g.centre = QPointF(kMargin + side / 2, y + side / 2);
        const qreal rowHeight = line * 1.5;
        const std::vector<MemoryView::Segment> &used = m_view->m_used;
        const qreal legendLeft = kMargin + side + 28;
        const qreal legendHeight = rowHeight * static_cast<qreal>(used.size());
        qreal rowTop = std::max(y, g.centre.y() - legendHeight / 2);
        for (std::size_t i = 0; i < used.size(); ++i, rowTop += rowHeight)
            g.legendRows.emplace_back(legendLeft, rowTop, kMargin + width - legendLeft, rowHeight);
        return g;
    }

    QStringList barLegendTexts() const
    {
        QStringList texts;
        for (const MemoryView::Segment &segment : m_view->m_bar)
            texts << MemoryView::tr("%1: %2 (%3)", "bar legend: part, size, share")
                         .arg(segment.label, sizeText(segment.bytes), shareText(segment.share));
        const MemoryBreakdown &b = m_view->m_breakdown;
        if (b.swapTotalBytes > 0)
            texts << MemoryView::tr("Swap: %1 of %2 used")
                         .arg(sizeText(b.swapUsedBytes), sizeText(b.swapTotalBytes));
        return texts;
    }

    QString noteText() const
    {
        QString text = MemoryView::tr(
            "Resident memory (RSS) counts a page shared by several processes once in each of them, so the "
            "groups can add up to more than is really used. \"Other\" is what no listed process accounts "
            "for: the kernel, its buffers and processes the collector could not read.");
        if (m_view->m_breakdown.rssExceedsUsed)
            text += QLatin1Char(' ') +
                    MemoryView::tr("Here the processes' RSS exceeds the used memory, so the ring shows their "
                                   "RSS only.");
        return text;
    }

    // Degrees clockwise from twelve o'clock, where each used segment starts.
    std::vector<qreal> startAngles() const
    {
        std::vector<qreal> starts;
        qreal angle = 0;
        for (const MemoryView::Segment &segment : m_view->m_used) {
            starts.push_back(angle);
            angle += segment.share * 360;
        }
        return starts;
    }

    QPointF segmentPoint(int index) const
    {
        const auto &used = m_view->m_used;
        if (index < 0 || index >= static_cast<int>(used.size()))
            return {};
        const Geometry g = geometry();
        const qreal angle = startAngles()[static_cast<std::size_t>(index)] +
                            used[static_cast<std::size_t>(index)].share * 180;
        const qreal radians = angle * std::numbers::pi / 180;
        const qreal radius = (g.inner + g.outer) / 2;
        return g.centre + QPointF(std::sin(radians), -std::cos(radians)) * radius;
    }

    // The used segment at a point, on the donut or its legend.
    int usedAt(const QPointF &point) const
    {
        const Geometry g = geometry();
        for (std::size_t i = 0; i < g.legendRows.size(); ++i)
            if (g.legendRows[i].contains(point))
                return static_cast<int>(i);
        const QPointF d = point - g.centre;
        const qreal radius = std::hypot(d.x(), d.y());
        if (radius < g.inner || radius > g.outer)
            return -1;
        qreal angle = std::atan2(d.x(), -d.y()) * 180 / std::numbers::pi;
        if (angle < 0)
            angle += 360;
        const std::vector<qreal> starts = startAngles();
        const auto &used = m_view->m_used;
        for (std::size_t i = 0; i < used.size(); ++i)
            if (angle >= starts[i] && angle < starts[i] + used[i].share * 360)
                return static_cast<int>(i);
        return -1;
    }

    int barAt(const QPointF &point) const
    {
        const Geometry g = geometry();
        for (std::size_t i = 0; i < g.barParts.size(); ++i)
            if (g.barParts[i].contains(point))
                return static_cast<int>(i);
        return -1;
    }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            QString text;
            if (const int used = usedAt(help->pos()); used >= 0)
                text = m_view->m_used[static_cast<std::size_t>(used)].toolTip;
            else if (const int bar = barAt(help->pos()); bar >= 0)
                text = m_view->m_bar[static_cast<std::size_t>(bar)].toolTip;
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), text, this);
            return true;
        }
        if (event->type() == QEvent::Leave)
            setHover(-1);
        return QWidget::event(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const int index = usedAt(event->position());
        setHover(index);
        const bool clickable =
            index >= 0 && !m_view->m_used[static_cast<std::size_t>(index)].namespaceId.isEmpty();
        setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_view->activateUsedSegment(usedAt(event->position()));
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const Geometry g = geometry();
        const QColor text = palette().color(QPalette::WindowText);
        const QColor muted = palette().color(QPalette::PlaceholderText);
        const MemoryBreakdown &b = m_view->m_breakdown;
        QFont bold = font();
        bold.setBold(true);

        painter.setFont(bold);
        painter.setPen(text);
        painter.drawText(g.title, Qt::AlignLeft | Qt::AlignVCenter,
                         MemoryView::tr("Memory of the WSL VM: %1").arg(sizeText(b.totalBytes)));
        painter.setFont(font());

        // The bar, its parts labelled inside when they fit, and a legend below it.
        const QFontMetricsF metrics(font());
        const auto &bar = m_view->m_bar;
        const QStringList legendTexts = barLegendTexts();
        for (std::size_t i = 0; i < bar.size(); ++i) {
            const MemoryView::Segment &segment = bar[i];
            const DiagramColors colors = barColors(segment.kind);
            painter.setPen(QPen(colors.stroke, 1));
            painter.setBrush(colors.fill);
            painter.drawRect(g.barParts[i]);
            // Inside: the part and its size, else its size alone, else nothing (the legend has it).
            for (const QString &inside :
                 QStringList{segment.label + QStringLiteral(" · ") + sizeText(segment.bytes),
                             sizeText(segment.bytes)}) {
                if (metrics.horizontalAdvance(inside) + 12 < g.barParts[i].width()) {
                    painter.setPen(colors.text);
                    painter.drawText(g.barParts[i], Qt::AlignCenter, inside);
                    break;
                }
            }
        }
        for (qsizetype i = 0; i < legendTexts.size() && i < static_cast<qsizetype>(g.barLegend.size()); ++i) {
            const QRectF rect = g.barLegend[static_cast<std::size_t>(i)];
            if (i < static_cast<qsizetype>(bar.size())) {
                const DiagramColors colors = barColors(bar[static_cast<std::size_t>(i)].kind);
                painter.setPen(QPen(colors.stroke, 1));
                painter.setBrush(colors.fill);
                painter.drawRect(QRectF(rect.left(), rect.center().y() - 5, 10, 10));
            }
            painter.setPen(i < static_cast<qsizetype>(bar.size()) ? text : muted);
            painter.drawText(rect.adjusted(16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, legendTexts[i]);
        }

        painter.setFont(bold);
        painter.setPen(text);
        painter.drawText(
            g.heading, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(bold).elidedText(
                MemoryView::tr("Used memory by namespace group (resident memory of their processes)"),
                Qt::ElideRight, g.heading.width()));
        painter.setFont(font());

        // The donut.
        const auto &used = m_view->m_used;
        const std::vector<qreal> starts = startAngles();
        const QRectF outerRect(g.centre - QPointF(g.outer, g.outer), QSizeF(2 * g.outer, 2 * g.outer));
        const QRectF innerRect(g.centre - QPointF(g.inner, g.inner), QSizeF(2 * g.inner, 2 * g.inner));
        for (std::size_t i = 0; i < used.size(); ++i) {
            const qreal span = used[i].share * 360;
            if (span <= 0)
                continue;
            const bool hovered = static_cast<int>(i) == m_hover;
            const qreal grow = hovered ? 6 : 0;
            const QRectF o = outerRect.adjusted(-grow, -grow, grow, grow);
            QPainterPath path;
            if (span >= 359.99) {
                path.addEllipse(o);
                path.addEllipse(innerRect);
            } else {
                path.arcMoveTo(o, 90 - starts[i]);
                path.arcTo(o, 90 - starts[i], -span);
                path.arcTo(innerRect, 90 - starts[i] - span, span);
                path.closeSubpath();
            }
            const DiagramColors colors = segmentColors(used[i]);
            painter.setPen(QPen(palette().color(QPalette::Window), 1.5));
            painter.setBrush(colors.fill);
            painter.drawPath(path);
            if (used[i].kind == MemoryView::Segment::Kind::Other) {
                painter.setBrush(QBrush(colors.stroke, Qt::BDiagPattern));
                painter.drawPath(path);
            }
        }
        painter.setPen(text);
        QFont big = bold;
        big.setPointSizeF(big.pointSizeF() * 1.4);
        painter.setFont(big);
        const qreal bigLine = QFontMetricsF(big).height();
        painter.drawText(QRectF(g.centre.x() - g.inner, g.centre.y() - bigLine, 2 * g.inner, bigLine),
                         Qt::AlignHCenter | Qt::AlignBottom, sizeText(b.usedBytes));
        painter.setFont(font());
        painter.setPen(muted);
        painter.drawText(QRectF(g.centre.x() - g.inner, g.centre.y(), 2 * g.inner, metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, MemoryView::tr("used"));

        // The legend: swatch, label, size, share.
        const qreal sizeWidth = metrics.horizontalAdvance(QStringLiteral("0000.0 MiB")) + 8;
        const qreal shareWidth = metrics.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
        for (std::size_t i = 0; i < used.size() && i < g.legendRows.size(); ++i) {
            const QRectF row = g.legendRows[i];
            const DiagramColors colors = segmentColors(used[i]);
            if (static_cast<int>(i) == m_hover) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(palette().color(QPalette::Highlight).lighter(m_view->m_dark ? 60 : 180));
                painter.drawRoundedRect(row, 3, 3);
            }
            const QRectF swatch(row.left() + 4, row.center().y() - 6, 12, 12);
            painter.setPen(QPen(colors.stroke, 1));
            painter.setBrush(colors.fill);
            painter.drawRect(swatch);
            if (used[i].kind == MemoryView::Segment::Kind::Other) {
                painter.setBrush(QBrush(colors.stroke, Qt::BDiagPattern));
                painter.drawRect(swatch);
            }
            painter.setPen(used[i].kind == MemoryView::Segment::Kind::Other ? muted : text);
            const QRectF shareRect(row.right() - shareWidth, row.top(), shareWidth, row.height());
            const QRectF sizeRect(shareRect.left() - sizeWidth, row.top(), sizeWidth, row.height());
            const QRectF labelRect(swatch.right() + 8, row.top(), sizeRect.left() - swatch.right() - 12,
                                   row.height());
            painter.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(used[i].label, Qt::ElideRight, labelRect.width()));
            painter.drawText(sizeRect, Qt::AlignRight | Qt::AlignVCenter, sizeText(used[i].bytes));
            painter.drawText(shareRect, Qt::AlignRight | Qt::AlignVCenter, shareText(used[i].share));
        }

        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        painter.setFont(small);
        painter.setPen(muted);
        painter.drawText(g.note, Qt::TextWordWrap, noteText());
    }

private:
    void setHover(int index)
    {
        if (index == m_hover)
            return;
        m_hover = index;
        update();
    }

    DiagramColors barColors(MemoryView::Segment::Kind kind) const
    {
        const bool dark = m_view->m_dark;
        switch (kind) {
        case MemoryView::Segment::Kind::Used:
            return dark ? DiagramColors{QColor(0x4f, 0x86, 0xc6), QColor(0x6f, 0xa0, 0xd8), Qt::white}
                        : DiagramColors{QColor(0x3d, 0x7e, 0xd8), QColor(0x2c, 0x62, 0xad), Qt::white};
        case MemoryView::Segment::Kind::Cache:
            return dark ? DiagramColors{QColor(0x2f, 0x4c, 0x6e), QColor(0x4f, 0x86, 0xc6),
                                        QColor(0xe6, 0xe9, 0xec)}
                        : DiagramColors{QColor(0xa9, 0xc8, 0xee), QColor(0x3d, 0x7e, 0xd8),
                                        QColor(0x1b, 0x1f, 0x24)};
        default:
            return dark ? DiagramColors{QColor(0x2b, 0x2d, 0x31), QColor(0x6a, 0x6e, 0x75),
                                        QColor(0xe6, 0xe9, 0xec)}
                        : DiagramColors{QColor(0xf4, 0xf5, 0xf7), QColor(0xa0, 0xa4, 0xab),
                                        QColor(0x1b, 0x1f, 0x24)};
        }
    }

    DiagramColors segmentColors(const MemoryView::Segment &segment) const
    {
        const bool dark = m_view->m_dark;
        if (segment.kind == MemoryView::Segment::Kind::Other)
            return dark ? DiagramColors{QColor(0x3a, 0x3d, 0x43), QColor(0x6a, 0x6e, 0x75), Qt::white}
                        : DiagramColors{QColor(0xe6, 0xe8, 0xeb), QColor(0xa9, 0xad, 0xb4), Qt::black};
        DiagramColors colors = diagramToneColors(segment.tone, dark);
        float hue = 0, saturation = 0, lightness = 0;
        colors.fill.getHslF(&hue, &saturation, &lightness);
        const float shift = static_cast<float>(segment.sibling % 3) * 0.06f;
        lightness = dark ? std::min(1.0f, lightness + shift) : std::max(0.0f, lightness - shift);
        colors.fill.setHslF(hue, saturation, lightness);
        return colors;
    }

    MemoryView *m_view;
    int m_hover = -1;
};

MemoryView::MemoryView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_placeholder = new QLabel;
    m_placeholder->setObjectName(QStringLiteral("memoryPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_stack->addWidget(m_placeholder);

    // The charts above, the largest processes below: the tab sits between two docks, so it is taller than
    // wide.
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    m_canvas = new MemoryCanvas(this);
    splitter->addWidget(m_canvas);
    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(kMargin, 0, kMargin, kMargin);
    auto *caption = new QLabel(tr("Largest processes by resident memory"));
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    sideLayout->addWidget(caption);
    m_table = new QTableWidget(0, 3);
    m_table->setObjectName(QStringLiteral("topProcesses"));
    m_table->setHorizontalHeaderLabels({tr("Process"), tr("Namespace"), tr("RSS")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(1, 220);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (const QTableWidgetItem *item = m_table->item(row, 0))
            emit processActivated(item->data(Qt::UserRole).toString());
    });
    sideLayout->addWidget(m_table);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({500, 330});
    m_content = splitter;
    m_stack->addWidget(m_content);
    rebuild();
}

MemoryView::~MemoryView() = default;

void MemoryView::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    rebuild();
}

void MemoryView::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_canvas->update();
}

QString MemoryView::placeholderText() const
{
    return m_stack->currentWidget() == m_placeholder ? m_placeholder->text() : QString();
}

QWidget *MemoryView::canvas() const
{
    return m_canvas;
}

QPointF MemoryView::usedSegmentPoint(int index) const
{
    return m_canvas->segmentPoint(index);
}

int MemoryView::usedSegmentAt(const QPointF &point) const
{
    return m_canvas->usedAt(point);
}

void MemoryView::activateUsedSegment(int index)
{
    if (index < 0 || index >= static_cast<int>(m_used.size()))
        return;
    const QString id = m_used[static_cast<std::size_t>(index)].namespaceId;
    if (!id.isEmpty())
        emit namespaceActivated(id);
}

void MemoryView::rebuild()
{
    QToolTip::hideText();
    m_bar.clear();
    m_used.clear();
    m_breakdown = {};
    m_table->setRowCount(0);
    if (!m_analysis) {
        m_placeholder->setText(tr("No snapshot loaded: take or open one to see where the VM's memory goes."));
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    const SnapshotAnalysis &a = *m_analysis;
    m_breakdown = memoryBreakdown(a, kTopProcesses);
    const MemoryBreakdown &b = m_breakdown;
    switch (b.missing) {
    case MemoryBreakdown::Missing::Nothing:
        break;
    case MemoryBreakdown::Missing::Both:
        m_placeholder->setText(tr("This snapshot has no memory figures (neither the VM's /proc/meminfo nor "
                                  "the processes' resident memory): refresh with a newer collector to see "
                                  "where the memory goes."));
        break;
    case MemoryBreakdown::Missing::Memory:
        m_placeholder->setText(tr("This snapshot has no figures for the VM's memory (/proc/meminfo): refresh "
                                  "with a newer collector to see where the memory goes."));
        break;
    case MemoryBreakdown::Missing::Rss:
        m_placeholder->setText(tr("This snapshot has no resident memory for its processes: refresh with a "
                                  "newer collector to see where the memory goes."));
        break;
    }
    if (!b.complete()) {
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }

    const auto total = static_cast<double>(b.totalBytes);
    const auto barSegment = [&](Segment::Kind kind, const QString &label, std::uint64_t bytes,
                                const QString &explanation) {
        Segment s;
        s.kind = kind;
        s.label = label;
        s.bytes = bytes;
        s.share = static_cast<double>(bytes) / total;
        s.toolTip = tr("%1 · %2 · %3 of the VM's memory", "part · size · share")
                        .arg(label, sizeText(bytes), shareText(s.share)) +
                    QLatin1Char('\n') + explanation;
        m_bar.push_back(s);
    };
    barSegment(Segment::Kind::Used, tr("Used"), b.usedBytes, tr("Total minus available (MemAvailable)"));
    barSegment(Segment::Kind::Cache, tr("Cache and reclaimable"), b.cacheBytes,
               tr("Available minus free: page cache and other memory the kernel can take back"));
    barSegment(Segment::Kind::Free, tr("Free"), b.freeBytes, tr("Not used at all (MemFree)"));

    const NamespaceTexts texts(a);
    const std::uint64_t ringTotal = b.groupedRssBytes + b.otherBytes;
    const double ringDenominator = ringTotal > 0 ? static_cast<double>(ringTotal) : 1.0;
    int sibling = 0;
    for (const MemoryGroup &group : b.groups) {
        Segment s;
        s.kind = Segment::Kind::Group;
        s.bytes = group.rssBytes;
        s.share = static_cast<double>(group.rssBytes) / ringDenominator;
        s.sibling = sibling++;
        QString detail;
        if (group.ns == MemoryGroup::kUnlisted) {
            s.label = tr("Unlisted namespaces");
            s.tone = DiagramTone::Unknown;
            detail = tr("Processes whose pid namespace the snapshot does not list");
        } else {
            const PidNamespace &ns = a.snapshot().pidNamespaces[static_cast<std::size_t>(group.ns)];
            s.namespaceId = texts.id(group.ns);
            s.tone = toneForRole(ns.role);
            s.label =
                group.ownOnly ? tr("%1 (own processes)").arg(texts.label(group.ns)) : texts.label(group.ns);
            detail =
                group.ownOnly
                    ? tr("%1 · processes of this namespace itself, not of those below it").arg(s.namespaceId)
                    : tr("%1 · %2 and the namespaces below it").arg(s.namespaceId, roleDisplayName(ns.role));
        }
        s.toolTip = tr("%1 · %2 · %3 of used memory", "name · size · share")
                        .arg(s.label, sizeText(s.bytes), shareText(s.share)) +
                    QLatin1Char('\n') + detail + QLatin1Char('\n') +
                    (group.processes == 1 ? tr("1 process") : tr("%1 processes").arg(group.processes));
        m_used.push_back(s);
    }
    if (b.otherBytes > 0) {
        Segment s;
        s.kind = Segment::Kind::Other;
        s.label = tr("Other / not in any process");
        s.bytes = b.otherBytes;
        s.share = static_cast<double>(b.otherBytes) / ringDenominator;
        s.toolTip = tr("%1 · %2 · %3 of used memory", "name · size · share")
                        .arg(s.label, sizeText(s.bytes), shareText(s.share)) +
                    QLatin1Char('\n') +
                    tr("Used memory minus the processes' RSS: the kernel, its buffers, and what no listed "
                       "process maps");
        m_used.push_back(s);
    }
    fillTable();
    m_stack->setCurrentWidget(m_content);
    m_canvas->update();
}

void MemoryView::fillTable()
{
    const SnapshotAnalysis &a = *m_analysis;
    const NamespaceTexts texts(a);
    m_table->setRowCount(static_cast<int>(m_breakdown.topProcesses.size()));
    int row = 0;
    for (int p : m_breakdown.topProcesses) {
        const Process &process = a.snapshot().processes[static_cast<std::size_t>(p)];
        auto *name = new QTableWidgetItem(processDisplayName(process));
        name->setData(Qt::UserRole, processItemId(process));
        name->setToolTip(processDisplayName(process));
        const int ns = a.namespaceOf(p);
        auto *nsItem = new QTableWidgetItem(ns >= 0 ? texts.label(ns) : toQString(process.pidNs));
        nsItem->setToolTip(ns >= 0 ? texts.id(ns) : toQString(process.pidNs));
        auto *rss = new QTableWidgetItem(sizeText(process.rssBytes.value_or(0)));
        rss->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, nsItem);
        m_table->setItem(row, 2, rss);
        ++row;
    }
}

} // namespace wslatlas
