#pragma once
// Snapshots for the tests: the seed articles' capture folder, a large synthetic one, and the analysis of one.
#include "analysis.h"
#include "snapshot.h"

#include <memory>
#include <string>

namespace wslatlas::test {

// A capture folder under tests/fixtures through core's importer, as `wslatlas-cli import` reads it: every
// regular file, by name, in name order.
Snapshot importFixtureFolder(const std::string &relative, const std::string &takenAt = {});

// tests/fixtures/captures/import-article, imported.
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
