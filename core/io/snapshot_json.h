#pragma once
// The snapshot JSON contract, in one place.
#include "snapshot.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace wslatlas {

struct CaptureValues;

// Paths are UTF-8 everywhere (on Windows too, where the narrow API would use the ANSI code page).
std::filesystem::path pathFromUtf8(const std::string &path);

std::string snapshotToJson(const Snapshot &snapshot);

// What one capture parser yielded, in the snapshot's vocabulary (`wslatlas-cli parse`).
std::string captureValuesToJson(const CaptureValues &values);

// Returns false with a clear message for corrupt JSON, a wrong schema or an unknown major version.
bool snapshotFromJson(std::string_view text, Snapshot &snapshot, std::string &error);
bool loadSnapshotFile(const std::string &path, Snapshot &snapshot, std::string &error);

// Writes to a temporary file beside path, flushes it, then renames it over path: a crash or a
// full disk mid-write never replaces a good file.
bool writeFileAtomically(const std::string &path, std::string_view data, std::string &error);
bool saveSnapshotFile(const std::string &path, const Snapshot &snapshot, std::string &error);

} // namespace wslatlas
