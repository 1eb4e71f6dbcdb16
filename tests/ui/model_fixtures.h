#pragma once
// Snapshots for the model tests: the seed articles' capture folder, and a large synthetic one.
#include "analysis.h"
#include "snapshot.h"

#include <memory>

namespace wslatlas::test {

// tests/fixtures/captures/import-article through core's importer, as `wslatlas-cli import` does.
std::shared_ptr<const Snapshot> seedSnapshot();

// A WSL-like tree with about 200 namespaces (VM → WSLg or isolation → distro → nested, plus a
// placeholder root with a distro below it) and `processes` processes spread over them, whose chains
// are 1 to 4 deep.
std::shared_ptr<const Snapshot> syntheticSnapshot(int processes = 10000);

// The analysis of a copy of snapshot (tests that build snapshots by hand as values).
inline SnapshotAnalysis analysisOf(const Snapshot &snapshot)
{
    return SnapshotAnalysis(std::make_shared<const Snapshot>(snapshot));
}

} // namespace wslatlas::test
