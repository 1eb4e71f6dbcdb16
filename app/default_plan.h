#pragma once
// The vantage plan used when the user names none (`wslatlas-cli plan`, `snapshot` without --plan):
// discovered from wsl.exe when it is reachable (on Windows, or inside a distro through interop),
// otherwise this Linux host's local plan (DESIGN.md, "Vantages").
#include "command_runner.h"
#include "vantage_plan.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

inline constexpr std::chrono::milliseconds kDiscoveryTimeout{30000};

// What discovery needs to know about this machine besides wsl.exe's answers. currentHostFacts()
// reads the real ones; tests pass their own.
struct HostFacts
{
    bool wslReachable = false;            // wsl.exe found on PATH
    bool windowsHost = false;             // Windows itself, not a distro calling wsl.exe through interop
    bool elevated = false;                // administrator: the VM root vantage is possible
    std::optional<std::string> wslConfig; // the bytes of %USERPROFILE%\.wslconfig, when it exists (Windows)
};

HostFacts currentHostFacts();

// Which kind of host discovery and the host captures behave as (`snapshot --host`, DESIGN.md "Command
// line additions"). Auto is what the program does by itself (currentHostFacts()). Windows behaves as on
// Windows with the programs found on PATH (wsl.exe, ipconfig.exe, powershell.exe, reg.exe, hnsdiag.exe),
// .wslconfig read from $USERPROFILE, and elevated only when told: this is how the Windows path runs on
// Linux, against test doubles. Linux behaves as a Linux host: WSL through interop when wsl.exe is on PATH
// (no Windows tools, no VM root), this host's local plan otherwise.
enum class HostKind
{
    Auto,
    Windows,
    Linux
};

std::optional<HostKind> hostKindFromName(std::string_view name); // "auto", "windows", "linux"
std::string_view hostKindName(HostKind kind);

// The facts of a host of that kind. elevated counts for Windows only (Auto detects it itself).
HostFacts hostFacts(HostKind kind, bool elevated);

// The GUI's way to the same seam: WSLATLAS_HOST (auto, windows, linux; unset is auto) and
// WSLATLAS_ELEVATED=1. Returns nullopt and fills error (one line) for a value it does not know.
inline constexpr const char *kHostEnvironmentVariable = "WSLATLAS_HOST";
inline constexpr const char *kElevatedEnvironmentVariable = "WSLATLAS_ELEVATED";
std::optional<HostFacts> hostFactsFromEnvironment(std::string &error);

struct PlanDiscovery
{
    bool ok = false;
    VantagePlan plan;               // when ok
    std::string error;              // when not ok: one line a person can act on
    std::vector<std::string> notes; // what was found and left out, for progress lines
};

// Runs `wsl.exe -l -v` and `wsl.exe -l --running -q` (at once, each with the timeout) and builds
// wslPlan() for the running WSL 2 distros. Running distros are the names that `--running -q` prints,
// because the state column of `-l -v` is translated by older wsl.exe builds; when `--running -q`
// fails, the state column is used and only the English "Running" is recognised. Fails, with the
// message of wsl.exe's error code, when `-l -v` fails (no distro installed, service not running).
// Without wsl.exe: localPlan() on Linux, an error on Windows.
PlanDiscovery discoverPlan(const HostFacts &host, CommandRunner &runner,
                           std::chrono::milliseconds timeout = kDiscoveryTimeout);

// discoverPlan(currentHostFacts(), runner, timeout).
PlanDiscovery discoverDefaultPlan(CommandRunner &runner,
                                  std::chrono::milliseconds timeout = kDiscoveryTimeout);

} // namespace wslatlas
