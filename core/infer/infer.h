#pragma once
// Inference across vantages (DESIGN.md, "Inference"): pure, no I/O.
#include "observation.h"
#include "snapshot.h"
#include "vantage_plan.h"

#include <optional>
#include <string>
#include <vector>

namespace wslatlas {

// One vantage's outcome: its spec, and either an observation or an error a person can act on.
struct VantageRun
{
    VantageSpec spec;
    std::optional<VantageObservation> observation; // set when ok
    std::string error;                             // set when not ok
    // Set instead of error when the vantage had nothing to show for a reason that is the machine's
    // setting, not a fault (GUI apps off for the distro, a data-only distro, WSL 1): a note in the
    // snapshot's findings, not a failed vantage.
    std::string note;
    FindingCode noteCode = FindingCode::Other; // what the note says, for the words in the user's language
    std::vector<std::string> warnings;         // e.g. stderr text of a vantage that still succeeded
};

Snapshot inferSnapshot(const std::vector<VantageRun> &runs, std::string takenAt);

} // namespace wslatlas
