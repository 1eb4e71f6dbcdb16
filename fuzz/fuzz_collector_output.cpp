// parseCollectorOutput on any bytes: an observation or an error with a message. An observation goes on
// through the inference as one distro vantage, and the snapshot it gives must save and open again to the
// same text: whatever a collector printed, the file the program writes from it can be read back.
#include "collector_output.h"
#include "fuzz_check.h"
#include "infer.h"
#include "snapshot_json.h"

#include <cstddef>
#include <cstdint>

using namespace wslatlas;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view raw(reinterpret_cast<const char *>(data), size);
    CollectorParseResult result = parseCollectorOutput(raw);
    if (const auto *error = std::get_if<CollectorParseError>(&result)) {
        WSLATLAS_FUZZ_CHECK(!error->message.empty(), "a parse error without a message");
        WSLATLAS_FUZZ_CHECK(!fuzz::isLastResortError(error->message),
                            "the parser threw (its catch-all answered)");
        WSLATLAS_FUZZ_CHECK(fuzz::isValidUtf8(error->message), "the error message is not valid UTF-8");
        return 0;
    }
    auto &observation = std::get<VantageObservation>(result);
    for (std::size_t i = 0; i < observation.processes.size(); ++i) {
        const ProcessObservation &p = observation.processes[i];
        WSLATLAS_FUZZ_CHECK(i == 0 || observation.processes[i - 1].pid < p.pid,
                            "processes are not sorted by pid, or a pid appears twice");
        WSLATLAS_FUZZ_CHECK(fuzz::isValidUtf8(p.name) && fuzz::isValidUtf8(p.cmdline),
                            "a process name or command line is not valid UTF-8");
    }

    VantageRun run;
    run.spec = {"fuzz", VantageRole::Distro, "Fuzz", {"sh", "-s"}};
    run.observation = std::move(observation);
    const Snapshot snapshot = inferSnapshot({run}, "2024-10-17T05:40:00Z");
    const std::string saved = snapshotToJson(snapshot);
    Snapshot loaded;
    std::string why;
    if (!snapshotFromJson(saved, loaded, why)) {
        std::fprintf(stderr, "the inferred snapshot does not load again: %s\n", why.c_str());
        WSLATLAS_FUZZ_CHECK(false, "the snapshot inferred from a collector output does not load again");
    }
    WSLATLAS_FUZZ_CHECK(snapshotToJson(loaded) == saved,
                        "the inferred snapshot changes when saved and loaded");
    return 0;
}
