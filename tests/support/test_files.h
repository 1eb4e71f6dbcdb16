#pragma once
// Reading the files tests compare against: any file by path, or one under tests/fixtures.
#include <filesystem>
#include <optional>
#include <string>

namespace wslatlas::test {

// The whole file as bytes; empty when it cannot be read.
std::string readFile(const std::filesystem::path &path);

// The whole file as bytes; nothing when it cannot be opened.
std::optional<std::string> readFileIfPresent(const std::filesystem::path &path);

// tests/fixtures/<relative> as bytes; empty when it cannot be read.
std::string readFixture(const std::string &relative);

// tests/fixtures, as the build knows it (with the drive prefix of a cross build run under wine).
std::filesystem::path fixturesDir();

} // namespace wslatlas::test
