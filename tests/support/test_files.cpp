#include "test_files.h"

#include <fstream>
#include <sstream>

namespace wslatlas::test {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::optional<std::string> readFileIfPresent(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in.good())
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::filesystem::path fixturesDir()
{
    return std::filesystem::path(WSLATLAS_FIXTURES_DIR);
}

std::string readFixture(const std::string &relative)
{
    return readFile(fixturesDir() / relative);
}

} // namespace wslatlas::test
