#pragma once
// Files by UTF-8 path: read whole, written atomically. Plain C++; the platform differences live in
// file_io.cpp.
#include <filesystem>
#include <string>
#include <string_view>

namespace wslatlas {

// Paths are UTF-8 everywhere (on Windows too, where the narrow API would use the ANSI code page).
std::filesystem::path pathFromUtf8(const std::string &path);

// The whole file into data; false with "cannot open PATH: why" or "cannot read PATH".
bool readFile(const std::string &path, std::string &data, std::string &error);

// Writes to a temporary file beside path, flushes it, then renames it over path: a crash or a
// full disk mid-write never replaces a good file.
bool writeFileAtomically(const std::string &path, std::string_view data, std::string &error);

} // namespace wslatlas
