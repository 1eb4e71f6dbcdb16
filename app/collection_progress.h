#pragma once
// The status bar's side of a collection: a label saying what happens (and, between collections, what is
// shown) and a progress bar over the vantages, busy until the plan is known. It follows the collection
// controller's started() and vantageFinished() and keeps the failures for the window's message.
#include <QObject>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QStatusBar;
QT_END_NAMESPACE

namespace wslatlas {

class CollectionController;

class CollectionProgress : public QObject
{
    Q_OBJECT

public:
    CollectionProgress(CollectionController *collector, QStatusBar *bar);
    ~CollectionProgress() override;

    void begin();                        // a collection starts: forgets the last one's failures
    void setCollecting(bool collecting); // shows the progress bar, busy, or hides it
    void setText(const QString &text);
    QString text() const;
    QStringList problems() const { return m_problems; } // "vantage: error", since begin()

private:
    void onStarted(int vantages, int captures);
    void onVantageFinished(const QString &name, bool ok, const QString &message, int done, int total);

    QLabel *m_label = nullptr;
    QProgressBar *m_progress = nullptr;
    QStringList m_problems;
};

} // namespace wslatlas
