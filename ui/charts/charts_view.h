#pragma once
// The Charts tab. A donut of rings, one ring per level of pid-namespace nesting (the roots innermost), each
// slice a namespace sized by the processes of its whole subtree, so that a namespace's slice sits right
// outside its parent's; and a line per distro of its process count over time, one point per auto-refresh.
// Qt Charts is deprecated from Qt 6.10: everything that touches it stays behind this class.
#include "analysis.h"
#include "diagram.h"
#include "snapshot.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <deque>
#include <map>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QPieSeries;
class QPieSlice;
class QStackedWidget;
class QValueAxis;
QT_END_NAMESPACE

namespace wslatlas {

class NamespaceTexts;
struct DonutSegment;

class ChartsView : public QWidget
{
    Q_OBJECT

public:
    // Every donut slice carries its namespace id in this dynamic property: "" for the transparent padding
    // that stands for a parent's own processes in the rings outside it.
    static constexpr const char *kNamespaceIdProperty = "namespaceId";
    static constexpr int kMaxRings = 4;            // levels below the fourth are counted in their ancestor
    static constexpr int kMaxHistorySamples = 360; // an hour at one sample every ten seconds

    explicit ChartsView(QWidget *parent = nullptr);
    ~ChartsView() override;

    void setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis); // rebuilds the donut
    // One point per distro in the history chart; the snapshot is only read during the call.
    void addSample(const SnapshotAnalysis &analysis, const QDateTime &when);
    void clearHistory();
    void setDark(bool dark); // QChart::ChartThemeDark / ChartThemeLight, and the tones' dark colours
    bool isDark() const { return m_dark; }
    int historySize() const { return static_cast<int>(m_sampleTimes.size()); }

    QChartView *donutChartView() const { return m_donutView; }
    QChartView *historyChartView() const { return m_historyView; }
    // What hovering a slice shows ("Ubuntu-20.04 · 11 processes (11 in subtree)"); empty for padding.
    QString sliceToolTip(const QPieSlice *slice) const;
    // The label drawn on a slice; nullptr when the slice is too small for one (or is padding).
    const QGraphicsSimpleTextItem *sliceLabelItem(const QPieSlice *slice) const;

signals:
    void namespaceActivated(const QString &namespaceId); // the user clicked a namespace's slice

private:
    struct SliceInfo
    {
        QString namespaceId; // empty: padding, or the processes of namespaces the snapshot does not list
        QString label;
        QString toolTip;
        int value = 0;
        DiagramTone tone = DiagramTone::Unknown;
        int sibling = 0; // position among its siblings, for the lightness variation
        bool padding = false;
    };

    void rebuildDonut();
    SliceInfo sliceInfo(const SnapshotAnalysis &a, const NamespaceTexts &texts, const DonutSegment &segment,
                        int ring, int &sibling) const;
    void applyDonutColors();
    void updateDonutLabels();
    QGraphicsSimpleTextItem *addLabelItem(QPieSlice *slice);
    void placeDonutTotal(const QPointF &centre, qreal hole);
    void applyTheme();
    void updateHistoryAxes();
    void updateHistoryPage();
    void onSliceHovered(QPieSlice *slice, bool state);

    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    bool m_dark = false;

    QStackedWidget *m_donutStack = nullptr;
    QLabel *m_donutPlaceholder = nullptr;
    QChartView *m_donutView = nullptr;
    QChart *m_donutChart = nullptr;
    QGraphicsSimpleTextItem *m_totalNumber = nullptr; // in the hole
    QGraphicsSimpleTextItem *m_totalCaption = nullptr;
    QHash<QPieSlice *, QGraphicsSimpleTextItem *> m_labelItems; // children of the chart
    std::vector<QPieSeries *> m_rings;                          // innermost first
    QHash<QPieSlice *, SliceInfo> m_slices;
    int m_donutTotal = 0;

    QStackedWidget *m_historyStack = nullptr;
    QLabel *m_historyHint = nullptr;
    QChartView *m_historyView = nullptr;
    QChart *m_historyChart = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    std::map<QString, QLineSeries *> m_distroSeries; // by distro name: the lines keep a stable order
    std::deque<QDateTime> m_sampleTimes;
};

} // namespace wslatlas
