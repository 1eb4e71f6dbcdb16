#include "default_plan.h"

namespace wslatlas {

VantagePlan defaultPlan()
{
    // Windows discovery from `wsl.exe -l -v` goes here (see the header); not implemented yet.
    return localPlan();
}

} // namespace wslatlas
