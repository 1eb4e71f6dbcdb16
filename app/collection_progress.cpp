#include "collection_progress.h"

#include "collection_controller.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

#include <algorithm>

namespace wslatlas {

CollectionProgress::CollectionProgress(CollectionController *collector, QStatusBar *bar) : QObject(bar)
{
    m_label = new QLabel(bar);
    m_progress = new QProgressBar(bar);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    bar->addWidget(m_label, 1);
    bar->addPermanentWidget(m_progress);
    connect(collector, &CollectionController::started, this, &CollectionProgress::onStarted);
    connect(collector, &CollectionController::vantageFinished, this, &CollectionProgress::onVantageFinished);
}

CollectionProgress::~CollectionProgress() = default;

void CollectionProgress::begin()
{
    m_problems.clear();
    setCollecting(true);
    m_label->setText(tr("Finding vantages…"));
}

void CollectionProgress::setCollecting(bool collecting)
{
    m_progress->setVisible(collecting);
    if (collecting) {
        m_progress->setRange(0, 0); // busy until the plan is known
        m_progress->setFormat(QString());
    }
}

void CollectionProgress::setText(const QString &text)
{
    m_label->setText(text);
}

QString CollectionProgress::text() const
{
    return m_label->text();
}

void CollectionProgress::onStarted(int vantages, int captures)
{
    m_progress->setRange(0, std::max(1, vantages));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m vantages"));
    m_label->setText(captures > 0
                         ? tr("Collecting: %1 vantages, %2 host commands…").arg(vantages).arg(captures)
                         : tr("Collecting: %1 vantages…").arg(vantages));
}

void CollectionProgress::onVantageFinished(const QString &name, bool ok, const QString &message, int done,
                                           int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_label->setText(ok ? tr("%1 done (%2 of %3)").arg(name).arg(done).arg(total)
                        : tr("%1 failed (%2 of %3)").arg(name).arg(done).arg(total));
    if (!ok)
        m_problems.append(tr("%1: %2").arg(name, message));
}

} // namespace wslatlas
