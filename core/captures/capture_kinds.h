#pragma once
// The capture kinds (DESIGN.md, `wslatlas-cli parse KIND FILE`): one table maps a kind to its parser
// and to the part of the snapshot vocabulary it yields. `parse`, `import` and the plan's captures all
// go through it.
#include "capture_parsers.h"
#include "snapshot.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

// What one capture yielded; only the members of its kind are set.
struct CaptureValues
{
    std::optional<std::vector<HostAdapter>> hostAdapters; // ipconfig, net-adapters, net-ip
    std::optional<std::vector<Distro>> distros;           // wsl-list, lxss-registry
    std::optional<std::vector<VirtualSwitch>> switches;   // vm-switch, hnsdiag-networks
    std::optional<std::vector<AdapterBinding>> bindings;  // adapter-bindings
    std::optional<std::optional<NatConfig>> nat;          // lxss-registry (set, possibly to "no NAT values")
    std::optional<WslConfig> wslConfig;                   // wslconfig
    std::optional<WslError> error;                        // wsl-error
    std::optional<WslStatus> status;                      // wsl-status
    std::optional<WslVersion> version;                    // wsl-version
    std::optional<std::vector<NetInterface>> interfaces;  // ip-addr, ifconfig
    std::optional<std::vector<Route>> routes;             // ip-route
    std::optional<std::vector<std::string>> nameservers;  // resolv-conf
};

struct ParsedCapture
{
    Capture status; // kind, ok, error: goes into snapshot.captures
    CaptureValues values;
    std::string note; // when ok: something a user should know (an info finding of the snapshot)
    FindingCode noteCode = FindingCode::Other;
};

// The PowerShell captures of one refresh run in one powershell.exe (vantage_plan.cpp writes the script):
// each part's output follows a line "@@WSLATLAS-CAPTURE KIND", and collect() splits them. A part whose
// cmdlet does not exist on this Windows (Get-VMSwitch without Hyper-V) prints the not-available marker.
inline constexpr std::string_view kPowerShellBatchKind = "host-powershell";
inline constexpr std::string_view kCapturePartMarker = "@@WSLATLAS-CAPTURE ";
inline constexpr std::string_view kNotAvailableMarker = "@@WSLATLAS-NOT-AVAILABLE";

struct CaptureKindInfo
{
    std::string_view kind;
    std::string_view source; // the command whose output it reads, for help texts
};

const std::vector<CaptureKindInfo> &captureKinds();
bool isCaptureKind(std::string_view kind);

// Never throws. An unknown kind is an error too.
ParsedCapture parseCapture(std::string_view kind, std::string_view bytes);

} // namespace wslatlas
