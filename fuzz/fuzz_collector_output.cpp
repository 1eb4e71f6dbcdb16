// parseCollectorOutput on any bytes: an observation or an error with a message. An observation goes on
// through the inference as one distro vantage, and the snapshot it gives must save and open again to the
// same text: whatever a collector printed, the file the program writes from it can be read back. The pid
// tree it gives keeps snapshot.h's promises (parents first, chains along the tree, counts that add up).
#include "collector_output.h"
#include "fuzz_check.h"
#include "infer.h"
#include "snapshot_json.h"

#include <cstddef>
#include <cstdint>
#include <map>

using namespace wslatlas;

namespace {

// What snapshot.h promises of the pid tree, which the views rely on.
void checkTree(const Snapshot &s)
{
    std::map<std::string, std::size_t> index; // id -> position
    for (std::size_t i = 0; i < s.pidNamespaces.size(); ++i) {
        const PidNamespace &ns = s.pidNamespaces[i];
        WSLATLAS_FUZZ_CHECK(index.emplace(ns.id, i).second, "a pid namespace appears twice");
        if (ns.parent.empty())
            continue;
        const auto parent = index.find(ns.parent);
        WSLATLAS_FUZZ_CHECK(parent != index.end(), "a pid namespace comes before its parent, or has none");
        const int parentDepth = s.pidNamespaces[parent->second].depth;
        WSLATLAS_FUZZ_CHECK(ns.depth < 0 || parentDepth < 0 || ns.depth == parentDepth + 1,
                            "a pid namespace's depth is not its parent's plus one");
    }
    std::map<std::string, int> counts;
    for (const Process &p : s.processes) {
        WSLATLAS_FUZZ_CHECK(index.count(p.pidNs) == 1, "a process's pid namespace is not in the tree");
        WSLATLAS_FUZZ_CHECK(!p.chain.empty() && p.chain.back().ns == p.pidNs,
                            "a process's chain does not end in its own namespace");
        for (std::size_t k = 0; k < p.chain.size(); ++k) {
            const auto at = index.find(p.chain[k].ns);
            WSLATLAS_FUZZ_CHECK(at != index.end(), "a chain names a pid namespace that is not in the tree");
            WSLATLAS_FUZZ_CHECK(k == 0 || s.pidNamespaces[at->second].parent == p.chain[k - 1].ns,
                                "a chain skips a level of the tree");
        }
        ++counts[p.pidNs];
    }
    for (const PidNamespace &ns : s.pidNamespaces)
        WSLATLAS_FUZZ_CHECK(ns.processCount == counts[ns.id],
                            "a namespace's process count is not its processes");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view raw(reinterpret_cast<const char *>(data), size);
    Result<VantageObservation> result = parseCollectorOutput(raw);
    if (const auto *error = std::get_if<Error>(&result)) {
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
    checkTree(snapshot);
    const std::string saved = snapshotToJson(snapshot);
    const Result<Snapshot> loaded = snapshotFromJson(saved);
    if (const Error *why = errorOf(loaded)) {
        std::fprintf(stderr, "the inferred snapshot does not load again: %s\n", why->message.c_str());
        WSLATLAS_FUZZ_CHECK(false, "the snapshot inferred from a collector output does not load again");
    }
    WSLATLAS_FUZZ_CHECK(snapshotToJson(std::get<Snapshot>(loaded)) == saved,
                        "the inferred snapshot changes when saved and loaded");
    return 0;
}
