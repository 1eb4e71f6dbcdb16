#pragma once
// Files by UTF-8 path: read whole, written atomically. Plain C++; the platform differences live in
// file_io.cpp.
#include "result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace wslatlas {

// Paths are UTF-8 everywhere (on Windows too, where the narrow API would use the ANSI code page).
std::filesystem::path pathFromUtf8(const std::string &path);

// The whole file, or "cannot open PATH: why" or "cannot read PATH".
Result<std::string> readFile(const std::string &path);

// Writes to a temporary file beside path, flushes it, then renames it over path: a crash or a
// full disk mid-write never replaces a good file.
std::optional<Error> writeFileAtomically(const std::string &path, std::string_view data);

} // namespace wslatlas
