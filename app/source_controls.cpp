#include "source_controls.h"

#include "app_settings.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolBar>

#include <utility>

namespace wslatlas {

SourceControls::SourceControls(CollectionController *collector, QAction *autoRefresh, QAction *fullEachTime,
                               QWidget *window)
    : QObject(window), m_collector(collector), m_autoRefresh(autoRefresh), m_fullEachTime(fullEachTime),
      m_window(window)
{
    m_sourceBox = new QComboBox(window);
    m_sourceBox->setObjectName(QStringLiteral("SourceBox"));
    m_sourceBox->addItem(tr("Automatic"), static_cast<int>(SnapshotSource::Automatic));
    m_sourceBox->addItem(tr("WSL"), static_cast<int>(SnapshotSource::Wsl));
    m_sourceBox->addItem(tr("This Linux host"), static_cast<int>(SnapshotSource::LocalHost));
    m_sourceBox->addItem(tr("Plan file…"), static_cast<int>(SnapshotSource::PlanFile));
    m_sourceBox->setToolTip(tr("Where snapshots come from: WSL when wsl.exe is reachable, this Linux host, "
                               "or a plan file written by wslatlas-cli plan"));
    if (!CollectionController::wslAvailable()) {
        // Disabled rather than hidden, so that people see the program can do it elsewhere.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_sourceBox->model())) {
            if (QStandardItem *item = model->item(1)) {
                item->setEnabled(false);
                item->setToolTip(tr("wsl.exe is not reachable from here"));
            }
        }
    }
    connect(m_sourceBox, &QComboBox::activated, this, &SourceControls::onSourceChanged);

    m_vmRootBox = new QCheckBox(tr("Include the VM root"), window);
    m_vmRootBox->setToolTip(tr("Also look from the utility VM's root (wsl --debug-shell); needs WSL Atlas "
                               "to run as administrator"));

    m_intervalBox = new QSpinBox(window);
    m_intervalBox->setObjectName(QStringLiteral("IntervalBox"));
    m_intervalBox->setRange(kMinimumIntervalSeconds, 3600);
    m_intervalBox->setValue(kDefaultIntervalSeconds);
    m_intervalBox->setSuffix(tr(" s"));
    m_intervalBox->setToolTip(tr("Auto-refresh interval. A full snapshot keeps WSL running: the VM shuts "
                                 "down only after 60 s without one"));

    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &SourceControls::onTick);
    connect(m_intervalBox, &QSpinBox::valueChanged, this, [this](int seconds) {
        if (m_timer->isActive())
            m_timer->start(seconds * 1000);
    });
    connect(m_autoRefresh, &QAction::toggled, this, &SourceControls::onAutoRefreshToggled);
    connect(m_collector, &CollectionController::runningChecked, this, &SourceControls::onRunningChecked);
}

SourceControls::~SourceControls() = default;

void SourceControls::addTo(QToolBar *bar)
{
    auto *sourceLabel = new QLabel(tr("Source:"), bar);
    sourceLabel->setBuddy(m_sourceBox);
    bar->addWidget(sourceLabel);
    bar->addWidget(m_sourceBox);
    bar->addWidget(m_vmRootBox);
    bar->addSeparator();
    bar->addAction(m_autoRefresh);
    bar->addWidget(m_intervalBox);
    bar->addAction(m_fullEachTime);
}

void SourceControls::readSettings(const AppSettings &settings)
{
    const int sourceIndex = m_sourceBox->findData(static_cast<int>(settings.source()));
    m_sourceBox->setCurrentIndex(sourceIndex >= 0 ? sourceIndex : 0);
    m_planFile = settings.planFile();
    m_vmRootBox->setChecked(settings.includeVmRoot());
    m_intervalBox->setValue(settings.refreshIntervalSeconds(kDefaultIntervalSeconds));
    m_fullEachTime->setChecked(settings.fullSnapshotEachTime());
}

void SourceControls::writeSettings(AppSettings &settings) const
{
    settings.setSource(static_cast<SnapshotSource>(m_sourceBox->currentData().toInt()));
    settings.setPlanFile(m_planFile);
    settings.setIncludeVmRoot(m_vmRootBox->isChecked());
    settings.setRefreshIntervalSeconds(m_intervalBox->value());
    settings.setFullSnapshotEachTime(m_fullEachTime->isChecked());
}

CollectionRequest SourceControls::request() const
{
    CollectionRequest request;
    request.source = static_cast<SnapshotSource>(m_sourceBox->currentData().toInt());
    request.planFile = m_planFile;
    request.includeVmRoot = m_vmRootBox->isChecked();
    return request;
}

QString SourceControls::sourceText() const
{
    return m_sourceBox->currentText();
}

void SourceControls::setCollecting(bool collecting)
{
    m_sourceBox->setEnabled(!collecting);
    m_vmRootBox->setEnabled(!collecting);
}

void SourceControls::collectionFinished()
{
    // What runs now is the baseline the light checks compare with (a full refresh changes nothing there).
    if (m_autoRefresh->isChecked()) {
        m_baselinePending = true;
        m_collector->checkRunning();
    }
}

void SourceControls::onSourceChanged(int index)
{
    if (m_sourceBox->itemData(index).toInt() != static_cast<int>(SnapshotSource::PlanFile))
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Choose a Plan File"), m_planFile,
                                                      tr("Vantage plans (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_planFile = path;
    if (m_planFile.isEmpty())
        m_sourceBox->setCurrentIndex(0);
}

void SourceControls::onAutoRefreshToggled(bool on)
{
    if (!on) {
        m_timer->stop();
        return;
    }
    m_timer->start(m_intervalBox->value() * 1000);
    emit statusMessage(
        m_fullEachTime->isChecked()
            ? tr("Auto-refresh takes a full snapshot every %1 s, which keeps WSL running.")
                  .arg(m_intervalBox->value())
            : tr("Auto-refresh checks every %1 s which distros run, and takes a full snapshot only "
                 "when that changes (a full snapshot keeps WSL running for a while).")
                  .arg(m_intervalBox->value()),
        10000);
    if (!m_collector->isRunning())
        emit refreshWanted();
}

void SourceControls::onTick()
{
    if (m_collector->isRunning())
        return;
    const auto source = static_cast<SnapshotSource>(m_sourceBox->currentData().toInt());
    const bool wsl = source == SnapshotSource::Wsl ||
                     (source == SnapshotSource::Automatic && CollectionController::wslAvailable());
    if (!wsl || m_fullEachTime->isChecked())
        emit refreshWanted(); // nothing to keep awake, or the user asked for full snapshots
    else
        m_collector->checkRunning(); // onRunningChecked asks for one when the running distros changed
}

void SourceControls::onRunningChecked(const QStringList &names, bool ok)
{
    if (!ok)
        return;
    if (std::exchange(m_baselinePending, false)) {
        m_runningAtRefresh = names;
        return;
    }
    if (names != m_runningAtRefresh && m_autoRefresh->isChecked())
        emit refreshWanted();
}

} // namespace wslatlas
