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

bool writeFile(const std::filesystem::path &file, const std::string &path, std::string_view data,
               std::string &error)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write " + path + ": " + std::strerror(errno) + "; the previous file is unchanged";
        return false;
    }
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
        error = "cannot write " + path + " (disk full?); the previous file is unchanged";
        out.close();
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        return false;
    }
    return true;
}

} // namespace

std::filesystem::path pathFromUtf8(const std::string &path)
{
    return std::filesystem::path(std::u8string(path.begin(), path.end()));
}

bool readFile(const std::string &path, std::string &data, std::string &error)
{
    std::ifstream in(pathFromUtf8(path), std::ios::binary);
    if (!in) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        error = "cannot read " + path;
        return false;
    }
    data = text.str();
    return true;
}

bool writeFileAtomically(const std::string &path, std::string_view data, std::string &error)
{
    namespace fs = std::filesystem;
    const fs::path target = pathFromUtf8(path);
    std::random_device rd;
    fs::path temp = target;
    temp += ".tmp-" + std::to_string(rd());
    if (!writeFile(temp, path, data, error))
        return false;
    flushToDisk(temp);
    // This replaces an existing file on Windows too (libstdc++ calls MoveFileExW with
    // MOVEFILE_REPLACE_EXISTING, where _wrename would refuse; tst_snapshot_json checks it under wine). A
    // reader holding the file open without FILE_SHARE_DELETE makes it fail: reported below, the previous file
    // unchanged.
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        error = "cannot replace " + path + ": " + ec.message() + "; the previous file is unchanged";
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

} // namespace wslatlas
