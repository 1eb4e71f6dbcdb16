#pragma once
// Parsers for the host and in-VM command outputs that users paste and that the Windows plan captures
// (DESIGN.md, "wslatlas-cli parse KIND FILE"). Each is a pure function from the raw bytes of one
// output to values of network.h, or an Error: never a crash, never a silently wrong value.
// Inputs may be UTF-16LE (with or without BOM), UTF-8 (with or without BOM), or a legacy code page
// (ipconfig's localized labels redirected to a file): parsers rely on structure, not on label words,
// wherever the words are translated.
#include "network.h"
#include "result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace wslatlas {

// Bytes -> UTF-8 text with LF line ends: strips a UTF-8/UTF-16 BOM, decodes UTF-16LE/BE (also without
// a BOM, detected from the NUL pattern, also a UTF-16LE region inside UTF-8 text: a wsl.exe message
// around a Linux command's output), drops U+0000 code units (PowerShell 5.1's re-encoded redirects),
// replaces invalid UTF-8/UTF-16 with U+FFFD, turns CRLF, CR CR LF and CR into LF. Never fails.
std::string decodeCaptureText(std::string_view bytes);

// --- wsl.exe (core/captures/wsl_*.cpp) ---
// wsl.exe -l -v. "No installed distributions" (any language, or WSL_E_DEFAULT_DISTRO_NOT_FOUND) is an
// empty list; any other wsl.exe failure is an Error naming its code.
Result<std::vector<Distro>> parseWslList(std::string_view bytes);

struct WslStatus
{
    std::string defaultDistro;
    int defaultVersion = 0;
    std::map<std::string, std::string> fields; // every "label: value" line as printed
};
Result<WslStatus> parseWslStatus(std::string_view bytes); // wsl.exe --status

struct WslVersion
{
    std::string wsl, kernel, wslg, msrdc, direct3d, dxcore, windows;
};
Result<WslVersion> parseWslVersion(std::string_view bytes); // wsl.exe --version

Result<WslError> parseWslError(std::string_view bytes); // any wsl.exe failure text

struct LxssRegistry
{
    std::optional<NatConfig> nat;
    std::vector<Distro> distros; // per-distro keys: DistributionName, Version, Flags, BasePath
    std::string defaultDistributionId;
};
Result<LxssRegistry> parseLxssRegistry(std::string_view bytes); // reg query ...\Lxss /s (HKLM, HKCU)

Result<WslConfig> parseWslConfig(std::string_view bytes); // %USERPROFILE%\.wslconfig

// --- Windows networking (core/captures/ipconfig.cpp, powershell.cpp, hnsdiag.cpp) ---
Result<std::vector<HostAdapter>> parseIpconfig(std::string_view bytes);     // ipconfig [/all]
Result<std::vector<HostAdapter>> parseNetAdapters(std::string_view bytes);  // Get-NetAdapter -IncludeHidden
Result<std::vector<HostAdapter>> parseNetIpAddress(std::string_view bytes); // Get-NetIPAddress
Result<std::vector<AdapterBinding>> parseAdapterBindings(std::string_view bytes); // Get-NetAdapterBinding
Result<std::vector<VirtualSwitch>> parseVmSwitch(std::string_view bytes);         // Get-VMSwitch
Result<std::vector<VirtualSwitch>> parseHnsdiagNetworks(std::string_view bytes);  // hnsdiag list networks

// --- Inside the VM (core/captures/ip_addr.cpp, ifconfig.cpp, ip_route.cpp, resolv_conf.cpp) ---
Result<std::vector<NetInterface>> parseIpAddr(std::string_view bytes);   // ip addr / ip -o addr
Result<std::vector<NetInterface>> parseIfconfig(std::string_view bytes); // ifconfig (net-tools, busybox)
Result<std::vector<Route>> parseIpRoute(std::string_view bytes);         // ip route [show] / ip -6 route
Result<std::vector<std::string>> parseResolvConf(std::string_view bytes);

} // namespace wslatlas
