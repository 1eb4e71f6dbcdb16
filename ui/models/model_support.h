#pragma once
// Shared by the snapshot models: text conversions, people's names for roles, the namespaces' words and the
// NSpid chain as text. The structure is the core analysis's (analysis.h); what is here is made once per
// load so that data() only hands out prepared values.
#include "analysis.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <string>
#include <vector>

namespace wslatlas {

inline QString toQString(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// "VM", "WSLg", "Isolation", ... for people; the snapshot's own word ("vm", "wslg") is roleKey's.
QString roleDisplayName(NamespaceRole role);
QString roleKey(NamespaceRole role);
// Both for every role, indexed by the enum's value: data() hands out these instead of building text.
struct RoleTexts
{
    RoleTexts();
    const QString &name(NamespaceRole role) const { return names[static_cast<std::size_t>(role)]; }
    const QString &key(NamespaceRole role) const { return keys[static_cast<std::size_t>(role)]; }
    std::vector<QString> names;
    std::vector<QString> keys;
};

// "proc:" + its namespace + ":" + innermost pid (processKey): stable within one snapshot, used for
// selection sync.
QString processItemId(const Process &process);
// The command line, or "[name]" for kernel threads and others without one (as ps does).
QString processDisplayName(const Process &process);

// A namespace's name in the user's language, from the facts core stored (its label when the file has none,
// its id when it has neither).
QString namespaceLabel(const PidNamespace &ns);
class NamespaceNameText
{
    Q_DECLARE_TR_FUNCTIONS(NamespaceName)

public:
    static QString label(const PidNamespace &ns);
    static QString engine(ContainerEngine engine); // "Docker"; empty for an engine this version does not know
    static QString
    containerText(const std::optional<ContainerRef> &container); // "Docker container 3f4e5a6b7c8d"
};

// The words of each namespace of an analysis, made once per load: its id and its label (the id when it
// has none). The structure itself (parents, levels, counts) is the analysis's.
class NamespaceTexts
{
public:
    NamespaceTexts() = default;
    explicit NamespaceTexts(const SnapshotAnalysis &analysis);
    const QString &id(int ns) const { return m_ids[static_cast<std::size_t>(ns)]; }
    const QString &label(int ns) const { return m_labels[static_cast<std::size_t>(ns)]; }

private:
    std::vector<QString> m_ids;
    std::vector<QString> m_labels;
};

// The NSpid chain for people ("sleep · 48950 Mariner VM → 4578 WSLg system (Ubuntu-20.04) → 4419
// Ubuntu-20.04") and for code (ChainRole). Translations are looked up once, not once per process.
class ChainText
{
    Q_DECLARE_TR_FUNCTIONS(ChainText)

public:
    ChainText();
    // links: analysis.resolve(process).
    QString toolTip(const Process &process, const NamespaceTexts &texts,
                    const std::vector<SnapshotAnalysis::Link> &links) const;
    QVariantList chain(const Process &process, const SnapshotAnalysis &analysis,
                       const NamespaceTexts &texts) const;

private:
    QString m_nameSeparator;
    QString m_linkSeparator;
};

} // namespace wslatlas
