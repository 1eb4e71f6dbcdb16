#pragma once
// Shared by the snapshot models: text conversions, people's names for roles, one index over the pid
// namespaces (lookup by id, parents with cycles broken, levels), and the NSpid chain as text. All of it
// is built once per load so that data() only hands out prepared values.
#include "snapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <string>
#include <string_view>
#include <unordered_map>
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

// The innermost pid (the process's pid in its own namespace); -1 when the chain is empty.
int innermostPid(const Process &process);
// "proc:" + its namespace + ":" + innermost pid: stable within one snapshot, used for selection sync.
QString processItemId(const Process &process);
// The command line, or "[name]" for kernel threads and others without one (as ps does).
QString processDisplayName(const Process &process);

class NamespaceIndex
{
public:
    NamespaceIndex() = default;
    // Keeps views into the snapshot's strings: the snapshot must outlive the index.
    explicit NamespaceIndex(const Snapshot &snapshot);

    int size() const { return static_cast<int>(m_parent.size()); }
    int find(std::string_view id) const; // -1 when the snapshot has no such namespace
    // -1 for a root: no parent known, a parent the snapshot does not list, or the edge that closed a
    // cycle in a malformed file (so that every namespace still shows up once).
    int parent(int ns) const { return m_parent[static_cast<std::size_t>(ns)]; }
    // The snapshot's depth when known, else one below the parent's level (0 for a root).
    int level(int ns) const { return m_level[static_cast<std::size_t>(ns)]; }
    const QString &id(int ns) const { return m_ids[static_cast<std::size_t>(ns)]; }
    const QString &label(int ns) const { return m_labels[static_cast<std::size_t>(ns)]; } // id when none

    // A process's chain looked up once: per link, its namespace (-1 when the snapshot does not list
    // it) and its level: the namespace's, or one below the previous link's for an unlisted one; always
    // increasing along the chain.
    struct Link
    {
        int ns = -1;
        int level = 0;
    };
    std::vector<Link> resolve(const Process &process) const;

private:
    std::unordered_map<std::string_view, int> m_byId;
    std::vector<int> m_parent;
    std::vector<int> m_level;
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
    // links: index.resolve(process).
    QString toolTip(const Process &process, const NamespaceIndex &index,
                    const std::vector<NamespaceIndex::Link> &links) const;
    QVariantList chain(const Process &process, const NamespaceIndex &index) const;

private:
    QString m_nameSeparator;
    QString m_linkSeparator;
};

} // namespace wslatlas
