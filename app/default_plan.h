#pragma once
// The vantage plan used when the user names none (`wslatlas-cli plan`, `snapshot` without --plan).
#include "vantage_plan.h"

namespace wslatlas {

// HOOK for the Windows discovery issue: on Windows this is to be built from `wsl.exe -l -v` (running
// WSL 2 distros, a system vantage per distro unless GUI apps are off, the vm vantage when elevated;
// DESIGN.md, "Vantages"). Until then every platform gets localPlan().
VantagePlan defaultPlan();

} // namespace wslatlas
