#include "model_support.h"

#include <QStringList>
#include <QVariantMap>

namespace wslatlas {

QString roleDisplayName(NamespaceRole role)
{
    switch (role) {
    case NamespaceRole::Vm:
        return QCoreApplication::translate("NamespaceRole", "VM");
    case NamespaceRole::Host:
        return QCoreApplication::translate("NamespaceRole", "Host");
    case NamespaceRole::Wslg:
        return QCoreApplication::translate("NamespaceRole", "WSLg");
    case NamespaceRole::Isolation:
        return QCoreApplication::translate("NamespaceRole", "Isolation");
    case NamespaceRole::Distro:
        return QCoreApplication::translate("NamespaceRole", "Distro");
    case NamespaceRole::Container:
        return QCoreApplication::translate("NamespaceRole", "Container");
    case NamespaceRole::Unknown:
        break;
    }
    return QCoreApplication::translate("NamespaceRole", "Unknown");
}

QString roleKey(NamespaceRole role)
{
    const std::string_view key = toString(role);
    return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
}

RoleTexts::RoleTexts()
{
    // NamespaceRole::Unknown is the enum's last value.
    for (int r = 0; r <= static_cast<int>(NamespaceRole::Unknown); ++r) {
        names.push_back(roleDisplayName(static_cast<NamespaceRole>(r)));
        keys.push_back(roleKey(static_cast<NamespaceRole>(r)));
    }
}

QString processItemId(const Process &process)
{
    return toQString(processKey(process));
}

QString processDisplayName(const Process &process)
{
    if (!process.cmdline.empty())
        return toQString(process.cmdline);
    return QLatin1Char('[') + toQString(process.name) + QLatin1Char(']');
}

QString namespaceLabel(const PidNamespace &ns)
{
    return NamespaceNameText::label(ns);
}

QString NamespaceNameText::engine(ContainerEngine engine)
{
    switch (engine) {
    case ContainerEngine::Docker:
        return tr("Docker");
    case ContainerEngine::Containerd:
        return tr("containerd");
    case ContainerEngine::Kubernetes:
        return tr("Kubernetes");
    case ContainerEngine::Podman:
        return tr("Podman");
    case ContainerEngine::Lxc:
        return tr("LXC");
    case ContainerEngine::Unknown:
        break;
    }
    return {};
}

QString NamespaceNameText::containerText(const std::optional<ContainerRef> &container)
{
    if (!container)
        return tr("Container");
    const QString id = toQString(container->shortId());
    const QString who = engine(container->engine);
    return who.isEmpty() ? tr("Container %1").arg(id)
                         : tr("%1 container %2", "engine, short id").arg(who, id);
}

QString NamespaceNameText::label(const PidNamespace &ns)
{
    const NamespaceName &name = ns.name;
    QString subject = toQString(name.subject); // not const: returned as it is for a distro
    QString text;
    switch (name.kind) {
    case NameKind::None:
        break;
    case NameKind::MarinerVm:
        return tr("Mariner VM");
    case NameKind::LinuxHost:
        return subject.isEmpty() ? tr("Linux host") : tr("Linux host (%1)").arg(subject);
    case NameKind::WslgSystem:
        return tr("WSLg system (%1)").arg(subject);
    case NameKind::Distro:
        if (!subject.isEmpty())
            return subject;
        break;
    case NameKind::Isolation: {
        QStringList distros;
        for (const std::string &d : name.distros)
            distros.push_back(toQString(d));
        return tr("Isolation (%1)").arg(distros.join(tr(", ", "between the distros of an isolation")));
    }
    case NameKind::NestedIn:
        text = tr("Nested in %1").arg(subject);
        break;
    case NameKind::NotVisited:
        text = tr("Not visited");
        break;
    case NameKind::NestedNamespace:
        text = tr("Nested namespace");
        break;
    case NameKind::UnseenLevel:
        return tr("Unseen level");
    case NameKind::Container:
        text = containerText(name.container);
        break;
    }
    if (text.isEmpty())
        return ns.label.empty() ? toQString(ns.id) : toQString(ns.label);
    return name.init.empty() ? text : tr("%1 (init: %2)").arg(text, toQString(name.init));
}

NamespaceTexts::NamespaceTexts(const SnapshotAnalysis &analysis)
{
    const auto &namespaces = analysis.snapshot().pidNamespaces;
    m_ids.reserve(namespaces.size());
    m_labels.reserve(namespaces.size());
    for (const PidNamespace &ns : namespaces) {
        m_ids.push_back(toQString(ns.id));
        m_labels.push_back(namespaceLabel(ns));
    }
}

ChainText::ChainText()
    : m_nameSeparator(tr(" · ", "between a process name and its NSpid chain")),
      m_linkSeparator(tr(" → ", "between the levels of an NSpid chain, outermost first"))
{}

QString ChainText::toolTip(const Process &process, const NamespaceTexts &texts,
                           const std::vector<SnapshotAnalysis::Link> &links) const
{
    QString text = toQString(process.name.empty() ? process.cmdline : process.name);
    if (process.chain.empty())
        return text;
    text += m_nameSeparator;
    for (std::size_t i = 0; i < process.chain.size(); ++i) {
        if (i > 0)
            text += m_linkSeparator;
        const int ns = links[i].ns;
        text += QString::number(process.chain[i].pid) + QLatin1Char(' ') +
                (ns >= 0 ? texts.label(ns) : toQString(process.chain[i].ns));
    }
    return text;
}

QVariantList ChainText::chain(const Process &process, const SnapshotAnalysis &analysis,
                              const NamespaceTexts &texts) const
{
    const std::vector<SnapshotAnalysis::Link> links = analysis.resolve(process);
    QVariantList list;
    list.reserve(static_cast<qsizetype>(process.chain.size()));
    for (std::size_t i = 0; i < process.chain.size(); ++i) {
        const ChainLink &link = process.chain[i];
        QVariantMap entry;
        entry.insert(QStringLiteral("ns"), toQString(link.ns));
        entry.insert(QStringLiteral("label"),
                     links[i].ns >= 0 ? texts.label(links[i].ns) : toQString(link.ns));
        entry.insert(QStringLiteral("pid"), link.pid);
        entry.insert(QStringLiteral("level"), links[i].level);
        list.push_back(entry);
    }
    return list;
}

} // namespace wslatlas
