#include "selection_hub.h"

#include "model_support.h"
#include "snapshot.h"

namespace wslatlas {

SelectionHub::SelectionHub(QObject *parent) : QObject(parent) {}

SelectionHub::~SelectionHub() = default;

void SelectionHub::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    m_analysis = std::move(analysis);
}

ItemId SelectionHub::currentItem() const
{
    return m_analysis && !m_current.isEmpty() ? m_analysis->find(m_current.toStdString()) : ItemId{};
}

QString SelectionHub::namespaceOf(const QString &key) const
{
    if (!m_analysis || key.isEmpty())
        return {};
    const ItemId item = m_analysis->find(key.toStdString());
    const int ns = item.isProcess()     ? m_analysis->namespaceOf(item.index)
                   : item.isNamespace() ? item.index
                                        : -1;
    return ns >= 0 ? toQString(m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(ns)].id)
                   : QString();
}

void SelectionHub::select(const QString &key)
{
    if (key == m_current)
        return;
    m_current = key;
    emitCurrent();
}

void SelectionHub::reselect(const QString &key)
{
    m_current = key;
    emitCurrent();
}

void SelectionHub::hover(const QString &key)
{
    emit hoveredChanged(key);
}

void SelectionHub::emitCurrent()
{
    if (m_emitting) {
        m_changedWhileEmitting = true; // the loop below delivers it once this emission is over
        return;
    }
    m_emitting = true;
    do {
        m_changedWhileEmitting = false;
        const QString key = m_current; // a copy: a listener may change m_current before the next one hears
        emit currentChanged(key);
    } while (m_changedWhileEmitting);
    m_emitting = false;
}

} // namespace wslatlas
