#include "file_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace wslatlas {

namespace {

// The data must be on disk before the rename makes it the file.
void flushToDisk(const std::filesystem::path &file)
{
#ifdef _WIN32
    // _commit is FlushFileBuffers, which wants a handle opened for writing; the wide open keeps UTF-8 names.
    if (int fd = ::_wopen(file.c_str(), _O_WRONLY | _O_BINARY); fd >= 0) {
        ::_commit(fd);
        ::_close(fd);
    }
#else
    if (int fd = ::open(file.c_str(), O_RDONLY); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

std::optional<Error> writeFile(const std::filesystem::path &file, const std::string &path,
                               std::string_view data)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        return Error{"cannot write " + path + ": " + std::strerror(errno) +
                     "; the previous file is unchanged"};
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
        out.close();
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        return Error{"cannot write " + path + " (disk full?); the previous file is unchanged"};
    }
    return std::nullopt;
}

} // namespace

std::filesystem::path pathFromUtf8(const std::string &path)
{
    return std::filesystem::path(std::u8string(path.begin(), path.end()));
}

Result<std::string> readFile(const std::string &path)
{
    std::ifstream in(pathFromUtf8(path), std::ios::binary);
    if (!in)
        return Error{"cannot open " + path + ": " + std::strerror(errno)};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return Error{"cannot read " + path};
    return std::move(text).str();
}

std::optional<Error> writeFileAtomically(const std::string &path, std::string_view data)
{
    namespace fs = std::filesystem;
    const fs::path target = pathFromUtf8(path);
    std::random_device rd;
    fs::path temp = target;
    temp += ".tmp-" + std::to_string(rd());
    if (std::optional<Error> error = writeFile(temp, path, data))
        return error;
    flushToDisk(temp);
    // This replaces an existing file on Windows too (libstdc++ calls MoveFileExW with
    // MOVEFILE_REPLACE_EXISTING, where _wrename would refuse; tst_snapshot_json checks it under wine). A
    // reader holding the file open without FILE_SHARE_DELETE makes it fail: reported below, the previous file
    // unchanged.
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        Error error{"cannot replace " + path + ": " + ec.message() + "; the previous file is unchanged"};
        fs::remove(temp, ec);
        return error;
    }
    return std::nullopt;
}

} // namespace wslatlas
