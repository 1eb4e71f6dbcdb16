#include "cgroup.h"

#include <string>
#include <vector>

namespace wslatlas {
namespace {

bool isContainerHex(std::string_view s)
{
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// "PREFIXHEX.scope" or "PREFIXHEX" -> HEX; empty when the component is not shaped so.
std::string_view scopedId(std::string_view component, std::string_view prefix, bool scopeOptional)
{
    if (!component.starts_with(prefix))
        return {};
    std::string_view rest = component.substr(prefix.size());
    constexpr std::string_view scope = ".scope";
    if (rest.ends_with(scope))
        rest.remove_suffix(scope.size());
    else if (!scopeOptional)
        return {};
    return isContainerHex(rest) ? rest : std::string_view{};
}

// A pod's cgroup: "podUID" (cgroupfs driver) or "kubepods-CLASS-podUID.slice" (systemd driver).
bool isPod(std::string_view component)
{
    return (component.starts_with("pod") && component.size() > 3) ||
           (component.ends_with(".slice") && component.find("-pod") != std::string_view::npos);
}

bool underKubepods(const std::vector<std::string_view> &parts, std::size_t end)
{
    for (std::size_t i = 0; i < end; ++i)
        if (parts[i].find("kubepods") != std::string_view::npos)
            return true;
    return false;
}

ContainerRef ref(ContainerEngine engine, std::string_view id)
{
    return ContainerRef{engine, std::string(id)};
}

// The container component `i` of `parts` names, if any.
std::optional<ContainerRef> containerAt(const std::vector<std::string_view> &parts, std::size_t i)
{
    const std::string_view c = parts[i];
    const std::string_view parent = i > 0 ? parts[i - 1] : std::string_view{};
    const bool inPod = i > 0 && isPod(parent) && underKubepods(parts, i - 1);
    if (auto id = scopedId(c, "docker-", false); !id.empty())
        return ref(inPod ? ContainerEngine::Kubernetes : ContainerEngine::Docker, id);
    if (auto id = scopedId(c, "cri-containerd-", false); !id.empty())
        return ref(inPod ? ContainerEngine::Kubernetes : ContainerEngine::Containerd, id);
    if (auto id = scopedId(c, "crio-", false); !id.empty()) // CRI-O runs Kubernetes' containers only
        return ref(ContainerEngine::Kubernetes, id);
    if (auto id = scopedId(c, "nerdctl-", false); !id.empty())
        return ref(ContainerEngine::Containerd, id);
    if (auto id = scopedId(c, "libpod-", true); !id.empty())
        return ref(ContainerEngine::Podman, id);
    if (isContainerHex(c)) {
        if (inPod)
            return ref(ContainerEngine::Kubernetes, c);
        if (parent == "docker")
            return ref(ContainerEngine::Docker, c);
        if (parent == "default" || parent == "k8s.io")
            return ref(ContainerEngine::Containerd, c);
        return std::nullopt;
    }
    constexpr std::string_view payload = "lxc.payload.";
    if (c.starts_with(payload) && c.size() > payload.size())
        return ref(ContainerEngine::Lxc, c.substr(payload.size()));
    if ((c == "lxc.payload" || c == "lxc") && i + 1 < parts.size())
        return ref(ContainerEngine::Lxc, parts[i + 1]);
    return std::nullopt;
}

} // namespace

std::optional<ContainerRef> containerFromCgroupPath(std::string_view path)
{
    std::vector<std::string_view> parts;
    std::size_t at = 0;
    while (at <= path.size()) {
        std::size_t slash = path.find('/', at);
        if (slash == std::string_view::npos)
            slash = path.size();
        if (slash > at)
            parts.push_back(path.substr(at, slash - at));
        at = slash + 1;
    }
    for (std::size_t i = parts.size(); i-- > 0;) // the deepest: a container inside another is the inner one
        if (auto found = containerAt(parts, i))
            return found;
    return std::nullopt;
}

std::optional<CgroupContainer> containerFromCgroupLine(std::string_view line)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.remove_suffix(1);
    const std::size_t first = line.find(':');
    if (first == std::string_view::npos)
        return std::nullopt;
    const std::size_t second = line.find(':', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    const std::string_view path = line.substr(second + 1);
    if (path.empty() || path.front() != '/')
        return std::nullopt;
    auto found = containerFromCgroupPath(path);
    if (!found)
        return std::nullopt;
    const bool unified = line.substr(0, first) == "0" && second == first + 1;
    return CgroupContainer{std::move(*found), unified};
}

std::optional<ContainerRef> containerFromCgroup(std::string_view cgroupFileText)
{
    std::optional<ContainerRef> firstV1;
    std::size_t at = 0;
    while (at < cgroupFileText.size()) {
        std::size_t nl = cgroupFileText.find('\n', at);
        if (nl == std::string_view::npos)
            nl = cgroupFileText.size();
        if (auto found = containerFromCgroupLine(cgroupFileText.substr(at, nl - at))) {
            if (found->unified)
                return std::move(found->container);
            if (!firstV1)
                firstV1 = std::move(found->container);
        }
        at = nl + 1;
    }
    return firstV1;
}

} // namespace wslatlas
