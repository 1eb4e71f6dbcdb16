#pragma once
// What a pid namespace is, as facts for its name. ui writes the words in the user's language; englishLabel()
// writes the English ones that the CLI prints and that the JSON keeps in "label" for people reading the file.
#include "resources.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

enum class NameKind : std::uint8_t
{
    None,            // only a label is known (a file from before names were stored)
    MarinerVm,       // the WSL 2 utility VM's root
    LinuxHost,       // the root of a Linux host; subject: its host name, when known
    WslgSystem,      // subject: the distro whose WSLg system distro this is
    Distro,          // subject: the distro
    Isolation,       // a level between the VM and distros that nobody landed in; distros: those below it
    NestedIn,        // below a distro (a container, a sandbox); subject: that distro
    NotVisited,      // in a WSL VM, below no distro and above none: no vantage went there
    NestedNamespace, // on a Linux host, below no distro
    UnseenLevel,     // a placeholder for a level nobody saw
    Container,       // its processes all run in one container; subject: the distro it is nested in, if any
};

struct NamespaceName
{
    NameKind kind = NameKind::None;
    std::string subject;              // see NameKind
    std::vector<std::string> distros; // Isolation only
    std::string init;                 // NestedIn, NotVisited, NestedNamespace, Container: its pid 1's name
    std::optional<ContainerRef> container = std::nullopt; // Container only (initialised: names are braced)

    friend bool operator==(const NamespaceName &, const NamespaceName &) = default;
};

std::string_view toString(NameKind kind);
// False for a word this version does not know (the caller keeps NameKind::None and the file's label).
bool fromString(std::string_view text, NameKind &out);
// "Mariner VM", "WSLg system (Ubuntu)", "Isolation (Ubuntu, Debian)", "Nested in Ubuntu (init: sh)",
// "Docker container 3f4e5a6b7c8d (init: nginx)", …
std::string englishLabel(const NamespaceName &name);

} // namespace wslatlas
