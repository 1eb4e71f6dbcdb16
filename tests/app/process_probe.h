#pragma once
// What runs on this machine, from /proc: for tests that must prove a command left nothing behind.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <unistd.h>

namespace wslatlas::test {

inline std::string readWhole(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct ProcInfo
{
    int pid = 0;
    char state = '?';
    int ppid = 0;
    std::string cmdline;
};

// Every process in /proc, with state and parent from /proc/PID/stat (fields after the last ')').
inline std::vector<ProcInfo> allProcesses()
{
    std::vector<ProcInfo> result;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const std::string stat = readWhole(entry.path() / "stat");
        const std::size_t close = stat.rfind(')');
        if (close == std::string::npos)
            continue; // exited meanwhile
        ProcInfo info;
        info.pid = std::stoi(name);
        std::istringstream fields(stat.substr(close + 1));
        fields >> info.state >> info.ppid;
        info.cmdline = readWhole(entry.path() / "cmdline");
        for (char &c : info.cmdline)
            if (c == '\0')
                c = ' ';
        while (!info.cmdline.empty() && info.cmdline.back() == ' ')
            info.cmdline.pop_back();
        result.push_back(std::move(info));
    }
    return result;
}

inline std::vector<ProcInfo> childrenOfThisProcess()
{
    std::vector<ProcInfo> children;
    for (ProcInfo &p : allProcesses())
        if (p.ppid == getpid())
            children.push_back(std::move(p));
    return children;
}

// A live (not zombie) process running exactly this command line, anywhere; its program may have been given
// by path ("sleep 5" is also "/usr/bin/sleep 5", as QProcess starts it).
inline bool liveProcessRunning(const std::string &cmdline)
{
    const std::string byPath = "/" + cmdline;
    for (const ProcInfo &p : allProcesses()) {
        const bool same =
            p.cmdline == cmdline || (p.cmdline.size() > byPath.size() && p.cmdline.ends_with(byPath) &&
                                     p.cmdline.find(' ') > p.cmdline.size() - byPath.size());
        if (same && p.state != 'Z' && p.state != 'X')
            return true;
    }
    return false;
}

// Polls until `condition` holds or `limit` has passed; whether it held. Tests wait on conditions, not on
// fixed sleeps, so that a busy machine only makes them slower.
template <typename Condition> bool holdsWithin(std::chrono::milliseconds limit, Condition condition)
{
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// Killed grandchildren are reaped by init, which may take a moment.
inline bool goneWithin(const std::string &cmdline, std::chrono::milliseconds limit)
{
    return holdsWithin(limit, [&cmdline] { return !liveProcessRunning(cmdline); });
}

// A process running this command line has appeared (started, and not yet ended).
inline bool cameWithin(const std::string &cmdline, std::chrono::milliseconds limit)
{
    return holdsWithin(limit, [&cmdline] { return liveProcessRunning(cmdline); });
}

// A live (not zombie) process with this pid.
inline bool pidAlive(int pid)
{
    for (const ProcInfo &p : allProcesses())
        if (p.pid == pid && p.state != 'Z' && p.state != 'X')
            return true;
    return false;
}

} // namespace wslatlas::test
