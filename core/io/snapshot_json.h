#pragma once
// The snapshot JSON contract, in one place.
#include "result.h"
#include "snapshot.h"

#include <string>
#include <string_view>

namespace wslatlas {

struct CaptureValues;

std::string snapshotToJson(const Snapshot &snapshot);

// What one capture parser yielded, in the snapshot's vocabulary (`wslatlas-cli parse`).
std::string captureValuesToJson(const CaptureValues &values);

// A clear message for corrupt JSON, a wrong schema or an unknown major version.
Result<Snapshot> snapshotFromJson(std::string_view text);
Result<Snapshot> loadSnapshotFile(const std::string &path); // "cannot open PATH: why"

// Paths are UTF-8 (file_io.h); saving writes atomically.
std::optional<Error> saveSnapshotFile(const std::string &path, const Snapshot &snapshot);

} // namespace wslatlas
