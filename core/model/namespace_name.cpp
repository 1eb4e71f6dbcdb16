#include "namespace_name.h"

#include "name_table.h"
#include "text.h"

namespace wslatlas {

namespace {

constexpr NameTable<NameKind, 11> kWords{{
    {NameKind::None, "none"},
    {NameKind::MarinerVm, "mariner-vm"},
    {NameKind::LinuxHost, "linux-host"},
    {NameKind::WslgSystem, "wslg-system"},
    {NameKind::Distro, "distro"},
    {NameKind::Isolation, "isolation"},
    {NameKind::NestedIn, "nested-in"},
    {NameKind::NotVisited, "not-visited"},
    {NameKind::NestedNamespace, "nested-namespace"},
    {NameKind::UnseenLevel, "unseen-level"},
    {NameKind::Container, "container"},
}};

// The engine as its makers write it.
std::string engineName(ContainerEngine engine)
{
    switch (engine) {
    case ContainerEngine::Docker:
        return "Docker";
    case ContainerEngine::Containerd:
        return "containerd";
    case ContainerEngine::Kubernetes:
        return "Kubernetes";
    case ContainerEngine::Podman:
        return "Podman";
    case ContainerEngine::Lxc:
        return "LXC";
    case ContainerEngine::Unknown:
        break;
    }
    return {};
}

std::string withInit(const std::string &text, const std::string &init)
{
    return init.empty() ? text : text + " (init: " + init + ")";
}

} // namespace

std::string_view toString(NameKind kind)
{
    return nameIn(kWords, kind, "none");
}

bool fromString(std::string_view text, NameKind &out)
{
    return valueIn(kWords, text, out);
}

std::string englishLabel(const NamespaceName &name)
{
    switch (name.kind) {
    case NameKind::None:
        return {};
    case NameKind::MarinerVm:
        return "Mariner VM";
    case NameKind::LinuxHost:
        return name.subject.empty() ? "Linux host" : "Linux host (" + name.subject + ")";
    case NameKind::WslgSystem:
        return "WSLg system (" + name.subject + ")";
    case NameKind::Distro:
        return name.subject;
    case NameKind::Isolation:
        return "Isolation (" + text::joined(name.distros, ", ") + ")";
    case NameKind::NestedIn:
        return withInit("Nested in " + name.subject, name.init);
    case NameKind::NotVisited:
        return withInit("Not visited", name.init);
    case NameKind::NestedNamespace:
        return withInit("Nested namespace", name.init);
    case NameKind::UnseenLevel:
        return "Unseen level";
    case NameKind::Container: {
        if (!name.container)
            return withInit("Container", name.init);
        const std::string engine = engineName(name.container->engine);
        return withInit((engine.empty() ? "Container " : engine + " container ") + name.container->shortId(),
                        name.init);
    }
    }
    return {};
}

} // namespace wslatlas
