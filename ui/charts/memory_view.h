#pragma once
// The Memory tab: where the WSL VM's memory goes. A bar of the VM's total split into used, cache and free
// (/proc/meminfo), a donut of "used" split by the namespace groups right below the VM's root (their
// processes' resident memory, with what no process accounts for as "other"), and the ten largest
// processes. The numbers are core's (memoryBreakdown); this class only draws them, with QPainter so that
// it does not depend on Qt Charts, deprecated from Qt 6.10.
#include "analysis.h"
#include "diagram.h"
#include "memory_breakdown.h"

#include <QWidget>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QLabel;
class QStackedWidget;
class QTableWidget;
QT_END_NAMESPACE

namespace wslatlas {

class MemoryCanvas;

class MemoryView : public QWidget
{
    Q_OBJECT

public:
    // A part of the bar or of the donut, as drawn.
    struct Segment
    {
        enum class Kind
        {
            Used,
            Cache,
            Free,
            Group, // a namespace group's rss (namespaceId empty for unlisted namespaces)
            Other, // used memory no listed process accounts for
        };
        Kind kind = Kind::Group;
        QString namespaceId;
        QString label;
        std::uint64_t bytes = 0;
        double share = 0; // of the bar's total, or of the donut's
        QString toolTip;
        DiagramTone tone = DiagramTone::Unknown;
        int sibling = 0; // position among the groups, for the lightness variation
    };
    static constexpr int kTopProcesses = 10;

    explicit MemoryView(QWidget *parent = nullptr);
    ~MemoryView() override;

    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis);
    void setDark(bool dark);
    bool isDark() const { return m_dark; }

    const MemoryBreakdown &breakdown() const { return m_breakdown; }
    const std::vector<Segment> &barSegments() const { return m_bar; }   // used, cache, free
    const std::vector<Segment> &usedSegments() const { return m_used; } // groups largest first, then other
    // The sentence shown instead of the charts; empty while they are shown.
    QString placeholderText() const;
    QWidget *canvas() const;
    QTableWidget *topProcessTable() const { return m_table; }
    // The middle of a donut segment in canvas coordinates (for tests and accessibility), and the reverse.
    QPointF usedSegmentPoint(int index) const;
    int usedSegmentAt(const QPointF &point) const; // -1 for none
    void activateUsedSegment(int index);           // what a click on it does

signals:
    void namespaceActivated(const QString &namespaceId); // the user clicked a namespace group
    void processActivated(const QString &processKey);    // the user chose a row of the largest processes

private:
    void rebuild();
    void fillTable();

    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    MemoryBreakdown m_breakdown;
    std::vector<Segment> m_bar;
    std::vector<Segment> m_used;
    bool m_dark = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    MemoryCanvas *m_canvas = nullptr;
    QTableWidget *m_table = nullptr;

    friend class MemoryCanvas;
};

} // namespace wslatlas
