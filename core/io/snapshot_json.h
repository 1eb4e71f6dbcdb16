#pragma once
// The snapshot JSON contract, in one place.
#include "snapshot.h"

#include <string>
#include <string_view>

namespace wslatlas {

struct CaptureValues;

std::string snapshotToJson(const Snapshot &snapshot);

// What one capture parser yielded, in the snapshot's vocabulary (`wslatlas-cli parse`).
std::string captureValuesToJson(const CaptureValues &values);

// Returns false with a clear message for corrupt JSON, a wrong schema or an unknown major version.
bool snapshotFromJson(std::string_view text, Snapshot &snapshot, std::string &error);
bool loadSnapshotFile(const std::string &path, Snapshot &snapshot, std::string &error);

// Paths are UTF-8 (file_io.h); saving writes atomically.
bool saveSnapshotFile(const std::string &path, const Snapshot &snapshot, std::string &error);

} // namespace wslatlas
