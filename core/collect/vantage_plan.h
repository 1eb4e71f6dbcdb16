#pragma once
// The vantage plan: which commands to run the collector through (DESIGN.md, "Vantages").
#include "kinds.h"
#include "result.h"

#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

struct VantageSpec
{
    std::string name;
    VantageRole role = VantageRole::Host;
    std::string distro; // for System and Distro
    std::vector<std::string> command;
};

// A host command whose standard output one capture parser reads (capture_kinds.h).
struct CaptureSpec
{
    std::string kind;
    std::vector<std::string> command;
};

struct VantagePlan
{
    std::vector<VantageSpec> vantages;
    std::vector<CaptureSpec> captures;
};

// Throws nothing: a message naming the vantage or capture on bad input.
Result<VantagePlan> parsePlanJson(std::string_view text);
std::string planToJson(const VantagePlan &plan);

// The plan for this Linux host: one "host" vantage running `sh -s`.
VantagePlan localPlan();

// What discovery found on a machine with wsl.exe.
struct WslEnvironment
{
    std::vector<std::string> runningWsl2Distros; // from wsl.exe -l -v: only these are looked at
    bool guiApplications = true;                 // .wslconfig [wsl2] guiApplications
    bool elevated = false;                       // the VM root (wsl --debug-shell) needs administrator
    bool windowsHost = true;                     // false inside a distro calling wsl.exe through interop
};

// The default WSL plan (DESIGN.md): a vantage per running WSL 2 distro, its WSLg system distro unless
// GUI apps are off, the VM root when elevated and some WSL 2 distro runs (the debug shell needs the VM),
// and the Windows host captures. Never starts a stopped
// distro: running a command in one (or --system) would start it.
VantagePlan wslPlan(const WslEnvironment &environment);

// The VM root vantage: the collector through `wsl.exe --debug-shell` (administrator only).
VantageSpec vmRootVantage();

} // namespace wslatlas
