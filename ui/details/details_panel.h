#pragma once
// The details of the selected namespace or process: for a namespace its place in the tree (a clickable
// breadcrumb and its children), its numbers and why it has the parent it has; for a process its command
// line, its NSpid chain level by level and all its namespace links. Every value can be selected and copied.
// The per-snapshot lookups are built once in setSnapshot(), so showing an item costs only its own widgets.
#include "model_support.h"
#include "snapshot.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QFormLayout;
class QLabel;
class QScrollArea;
class QTableWidget;
class QVBoxLayout;
QT_END_NAMESPACE

namespace wslatlas {

class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    // Buttons that lead to a namespace (breadcrumb, children, a process's own namespace) and the chain
    // table's namespace cells (as Qt::UserRole) carry the namespace id in this dynamic property.
    static constexpr const char *kNamespaceIdProperty = "namespaceId";

    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void setAnalysis(
        std::shared_ptr<const SnapshotAnalysis> analysis); // shows the same item again, if still there
    // "pid:[…]" a namespace, "proc:…" a process (processItemId); anything else shows a hint.
    void showItem(const QString &id);
    QString currentId() const { return m_currentId; } // empty while the hint shows

signals:
    void namespaceActivated(const QString &namespaceId);

private:
    QWidget *buildHint() const;
    QWidget *buildNamespacePage(int ns);
    void addRoleChip(QVBoxLayout *layout, NamespaceRole role) const;
    QWidget *breadcrumb(int ns);
    QFormLayout *namespaceFacts(int ns) const;
    void addEvidence(QVBoxLayout *layout, int ns) const;
    void addChildNamespaces(QVBoxLayout *layout, QWidget *page, int ns);
    QWidget *buildProcessPage(int process);
    QFormLayout *processFacts(int process);
    QTableWidget *chainTable(const Process &p);
    QTableWidget *namespaceLinksTable(const Process &p);
    QWidget *namespaceButton(int ns, const QString &text, QWidget *parent);
    QLabel *namespaceLink(int ns);
    bool darkPalette() const;

    std::shared_ptr<const SnapshotAnalysis> m_analysis;
    NamespaceTexts m_texts;
    RoleTexts m_roleTexts;

    QScrollArea *m_scroll = nullptr;
    QString m_currentId;
};

} // namespace wslatlas
