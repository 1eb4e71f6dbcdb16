#include "collector_output.h"

#include "address.h"
#include "capture_parsers.h"
#include "cgroup.h"
#include "text.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace wslatlas {
namespace {

constexpr std::string_view kBeginMarker = "@@WSLATLAS-BEGIN ";
constexpr std::string_view kSectionMarker = "@@WSLATLAS-SECTION ";
constexpr int kFormatVersion = 1;

// ---- small text helpers

using text::nextWord;
using text::parseWhole;
using text::quoted;
using text::splitLines;
using text::splitWords;
using text::trim;
// Every string the observation keeps must be valid UTF-8 so that the JSON writer never fails later.
using text::validUtf8;

std::optional<int> toPid(std::string_view s)
{
    return parseWhole<int>(trim(s));
}

// The kernel escapes '\n' and '\\' in a status Name (and, on some versions, other blanks).
std::string unescapeStatusName(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[i + 1];
            const char decoded = n == 'n'    ? '\n'
                                 : n == 't'  ? '\t'
                                 : n == 'r'  ? '\r'
                                 : n == '\\' ? '\\'
                                             : '\0';
            if (decoded != '\0') {
                out += decoded;
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// "/proc/123/status:rest" -> {123, "rest"} for kind "/status:".
std::optional<std::pair<int, std::string_view>> splitProcPath(std::string_view line, std::string_view kind)
{
    constexpr std::string_view proc = "/proc/";
    if (!line.starts_with(proc))
        return std::nullopt;
    std::size_t i = proc.size();
    while (i < line.size() && line[i] >= '0' && line[i] <= '9')
        ++i;
    if (i == proc.size())
        return std::nullopt;
    const auto pid = toPid(line.substr(proc.size(), i - proc.size()));
    if (!pid || !line.substr(i).starts_with(kind))
        return std::nullopt;
    return std::make_pair(*pid, line.substr(i + kind.size()));
}

// "Key:\tvalue" -> {"Key", "value"}: only the kernel's one tab is removed, a Name may start with blanks.
std::optional<std::pair<std::string_view, std::string_view>> splitStatusField(std::string_view s)
{
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return std::nullopt;
    std::string_view value = s.substr(colon + 1);
    if (!value.empty() && value.front() == '\t')
        value.remove_prefix(1);
    return std::make_pair(s.substr(0, colon), value);
}

std::vector<int> parsePidList(std::string_view s)
{
    std::vector<int> pids;
    std::size_t at = 0;
    for (auto word = nextWord(s, at); !word.empty(); word = nextWord(s, at)) {
        auto pid = toPid(word);
        if (!pid)
            break;
        pids.push_back(*pid);
    }
    return pids;
}

// ---- the output, cut into sections

struct Sections
{
    std::map<std::string, std::vector<std::string_view>, std::less<>> byName;
    std::string lastName;
    bool ended = false;
    int staleBlocks = 0; // begin markers of another run (another nonce) that were skipped

    const std::vector<std::string_view> *find(std::string_view name) const
    {
        auto it = byName.find(name);
        return it == byName.end() ? nullptr : &it->second;
    }
};

// ---- processes

// What a status file says; the views point into the collector's output and the last line of a key wins.
struct StatusFields
{
    std::optional<std::string_view> name; // still escaped by the kernel
    std::optional<int> pid;
    std::optional<int> ppid;
    std::optional<int> uid;
    std::string_view nspid; // empty when missing
};

// Applies one "Key:\tvalue" line of a status file; returns whether it was a key the collector asks for.
bool applyStatusField(StatusFields &f, std::string_view key, std::string_view value)
{
    if (key == "Name") {
        f.name = value;
    } else if (key == "Pid") {
        f.pid = toPid(value);
    } else if (key == "PPid") {
        f.ppid = toPid(value);
    } else if (key == "Uid") {
        std::size_t at = 0;
        if (auto first = nextWord(value, at); !first.empty())
            f.uid = toPid(first);
    } else if (key == "NSpid") {
        f.nspid = value;
    } else {
        return false;
    }
    return true;
}

struct ProcessDraft
{
    int pid = 0;
    StatusFields status;
    std::optional<int> statPpid;
    std::optional<std::uint64_t> startTicks;
    std::optional<std::uint64_t> utimeTicks;
    std::optional<std::uint64_t> stimeTicks;
    std::optional<std::uint64_t> rssPages;
    std::optional<ContainerRef> container;
    bool containerUnified = false; // read from the cgroup v2 line, which wins over v1 lines
    std::optional<std::string_view> cmdline;
    std::optional<std::string> cmdlineJoined; // set when an argument's newline split the command line
    bool nsListed = false;
    NsLinks ns;
};

// The processes of the status listing, in its order. The other listings come from the same /proc glob, so
// their next record is nearly always the draft after the previous one: `find` tries that before the index.
class DraftTable
{
public:
    explicit DraftTable(std::size_t expected)
    {
        m_drafts.reserve(expected);
        m_index.reserve(expected);
    }

    ProcessDraft &findOrAdd(int pid)
    {
        if (ProcessDraft *d = find(pid))
            return *d;
        m_index.emplace(pid, m_drafts.size());
        m_hint = m_drafts.size();
        m_drafts.push_back(ProcessDraft{});
        m_drafts.back().pid = pid;
        return m_drafts.back();
    }

    ProcessDraft *find(int pid)
    {
        for (std::size_t i : {m_hint, m_hint + 1}) {
            if (i < m_drafts.size() && m_drafts[i].pid == pid) {
                m_hint = i;
                return &m_drafts[i];
            }
        }
        const auto it = m_index.find(pid);
        if (it == m_index.end())
            return nullptr;
        m_hint = it->second;
        return &m_drafts[it->second];
    }

    bool empty() const { return m_drafts.empty(); }

    // In pid order, the order of the observation's processes.
    std::vector<ProcessDraft *> byPid()
    {
        std::vector<ProcessDraft *> out;
        out.reserve(m_drafts.size());
        for (ProcessDraft &d : m_drafts)
            out.push_back(&d);
        std::sort(out.begin(), out.end(),
                  [](const ProcessDraft *a, const ProcessDraft *b) { return a->pid < b->pid; });
        return out;
    }

private:
    std::vector<ProcessDraft> m_drafts;
    std::unordered_map<int, std::size_t> m_index;
    std::size_t m_hint = 0;
};

void parseStatusSection(const std::vector<std::string_view> &lines, DraftTable &table)
{
    ProcessDraft *current = nullptr; // grep -H prints a file's lines together
    for (auto line : lines) {
        auto path = splitProcPath(line, "/status:");
        if (!path)
            continue;
        auto kv = splitStatusField(path->second);
        if (!kv)
            continue;
        if (!current || current->pid != path->first)
            current = &table.findOrAdd(path->first);
        applyStatusField(current->status, kv->first, kv->second);
    }
}

// "PID (COMM) STATE PPID ... UTIME(14) STIME(15) ... STARTTIME(22) VSIZE RSS(24) ...": COMM may hold spaces,
// parentheses and even a newline, so the fields are counted from the last ')'. Returns whether the record
// was readable (up to its start time; the resource fields are taken when readable), whether or not the
// status listing had its process.
bool parseStatRecord(std::string_view rec, DraftTable &table)
{
    const std::size_t space = rec.find(' ');
    if (space == std::string_view::npos || space + 1 >= rec.size() || rec[space + 1] != '(')
        return false;
    const auto pid = toPid(rec.substr(0, space));
    const std::size_t close = rec.rfind(')');
    if (!pid || close == std::string_view::npos || close <= space)
        return false;
    const std::string_view rest = rec.substr(close + 1); // word 0 is field 3 (state), word N field N+3
    std::size_t at = 0;
    std::string_view words[22];
    int count = 0;
    for (; count < 22; ++count) {
        words[count] = nextWord(rest, at);
        if (words[count].empty())
            break;
    }
    if (count < 20)
        return false;
    const auto ppid = toPid(words[1]);
    const auto start = parseWhole<std::uint64_t>(words[19]);
    if (!ppid || !start)
        return false;
    if (ProcessDraft *d = table.find(*pid)) {
        d->statPpid = ppid;
        d->startTicks = start;
        d->utimeTicks = parseWhole<std::uint64_t>(words[11]);
        d->stimeTicks = parseWhole<std::uint64_t>(words[12]);
        if (count > 21)
            d->rssPages = parseWhole<std::uint64_t>(words[21]);
    }
    return true;
}

void parseStatSection(const std::vector<std::string_view> &lines, DraftTable &table)
{
    std::string pending; // a record whose COMM held a newline, waiting for its next line
    for (auto line : lines) {
        if (parseStatRecord(line, table)) {
            pending.clear();
            continue;
        }
        if (!pending.empty()) {
            pending += '\n';
            pending += line;
            if (parseStatRecord(pending, table)) {
                pending.clear();
                continue;
            }
            if (pending.size() > 4096) // a comm is at most 15 bytes: this is not a continuation
                pending.clear();
        }
        if (pending.empty() && !line.empty() && line.front() >= '0' && line.front() <= '9')
            pending = line;
    }
}

void parseCmdlineSection(const std::vector<std::string_view> &lines, DraftTable &table)
{
    // An argument that holds a newline splits a command line: grep -H prefixes every piece with the same
    // path, so the same pid twice in a row continues it (an unprefixed line is accepted too). The newline
    // becomes a space, like the NUL and CR that the collector already turned into spaces.
    ProcessDraft *current = nullptr; // null for a pid the status listing did not have
    int currentPid = -1;
    for (auto line : lines) {
        auto path = splitProcPath(line, "/cmdline:");
        if (path && path->first != currentPid) {
            current = table.find(path->first);
            currentPid = path->first;
            if (current) {
                current->cmdline = path->second;
                current->cmdlineJoined.reset();
            }
        } else if (current) {
            if (!current->cmdlineJoined)
                current->cmdlineJoined.emplace(*current->cmdline);
            *current->cmdlineJoined += ' ';
            *current->cmdlineJoined += path ? path->second : line;
        }
    }
}

// grep -H of the cgroup lines that may name a container: "/proc/PID/cgroup:ID:CONTROLLERS:PATH". A file's
// lines come together; the v2 line's container wins, else the first v1 line's.
void parseCgroupSection(const std::vector<std::string_view> &lines, DraftTable &table)
{
    for (auto line : lines) {
        auto path = splitProcPath(line, "/cgroup:");
        if (!path)
            continue;
        ProcessDraft *d = table.find(path->first);
        if (!d || d->containerUnified)
            continue;
        if (auto found = containerFromCgroupLine(path->second); found && (found->unified || !d->container)) {
            d->container = std::move(found->container);
            d->containerUnified = found->unified;
        }
    }
}

constexpr std::string_view kKeptNsTypes[] = {"pid", "net", "mnt", "uts", "ipc", "user", "cgroup", "time"};

bool isKeptNsType(std::string_view name)
{
    for (std::string_view k : kKeptNsTypes)
        if (k == name)
            return true;
    return false;
}

// "pid:[4026532257]", possibly quoted by GNU ls.
std::optional<std::uint64_t> parseNsTarget(std::string_view target)
{
    target = trim(target);
    if (target.size() >= 2 && (target.front() == '\'' || target.front() == '"') &&
        target.back() == target.front())
        target = target.substr(1, target.size() - 2);
    const std::size_t open = target.find(":[");
    if (open == std::string_view::npos || target.back() != ']')
        return std::nullopt;
    return parseWhole<std::uint64_t>(target.substr(open + 2, target.size() - open - 3));
}

// The first " -> " of an `ls -l` line, found by its '-': a line has far fewer of those than blanks.
std::size_t findArrow(std::string_view line)
{
    for (std::size_t dash = line.find('-', 1); dash != std::string_view::npos;
         dash = line.find('-', dash + 1)) {
        if (line[dash - 1] == ' ' && line.substr(dash + 1, 2) == "> ")
            return dash - 1;
    }
    return std::string_view::npos;
}

// `shellProcPid`: ls prints no header when it lists a single directory, which can only be the shell's own
// (the shell is alive throughout and always matches the glob; the shell alone in its pid namespace). The
// shell's links go to `shellNs` when the status listing did not have the shell.
void parseNsSection(const std::vector<std::string_view> &lines, DraftTable &table, int shellProcPid,
                    NsLinks &shellNs)
{
    ProcessDraft *shell = table.find(shellProcPid);
    NsLinks *current = shell ? &shell->ns : &shellNs;
    for (auto raw : lines) {
        const auto line = trim(raw);
        if (line.empty() || line.starts_with("total "))
            continue;
        if (auto path = line.front() == '/' ? splitProcPath(line, "/ns:") : std::nullopt;
            path && path->second.empty()) {
            ProcessDraft *d = table.find(path->first);
            if (d)
                d->nsListed = true;
            current = d ? &d->ns : path->first == shellProcPid ? &shellNs : nullptr;
            continue;
        }
        if (!current)
            continue; // a process the status listing did not have
        const std::size_t arrow = findArrow(line);
        if (arrow == std::string_view::npos)
            continue; // the reader may not read this link (busybox prints the name alone)
        const std::string_view left = trim(line.substr(0, arrow));
        std::size_t typeStart = left.size(); // after the last blank
        while (typeStart > 0 && left[typeStart - 1] != ' ' && left[typeStart - 1] != '\t')
            --typeStart;
        const std::string_view type = left.substr(typeStart);
        if (type.empty() || !isKeptNsType(type))
            continue;
        if (auto inode = parseNsTarget(line.substr(arrow + 4))) {
            if (current->empty())
                current->reserve(std::size(kKeptNsTypes));
            current->insert_or_assign(type, *inode);
        }
    }
}

// The ns-paths and ns-links sections (GNU readlink, which reads many links at once): the links' paths
// "/proc/PID/ns/TYPE" in the order readlink got them, then one line per path in that order, either its
// target "TYPE:[INODE]" or readlink's message "readlink: PATH: REASON" (the collector merges readlink's
// errors into its output; glibc's error() flushes the targets before each message, so the order holds).
// Other lines (a shell's own message when it could not start readlink) pair with no path.
void parseNsLinkSections(const std::vector<std::string_view> &paths,
                         const std::vector<std::string_view> &links, DraftTable &table, int shellProcPid,
                         NsLinks &shellNs)
{
    std::size_t next = 0; // the next line of readlink's not yet paired
    int currentPid = -1;
    NsLinks *current = nullptr;
    for (auto raw : paths) {
        const auto path = splitProcPath(trim(raw), "/ns/");
        if (!path || path->second.empty())
            continue;
        if (path->first != currentPid) {
            currentPid = path->first;
            ProcessDraft *d = table.find(currentPid);
            if (d)
                d->nsListed = true;
            current = d ? &d->ns : currentPid == shellProcPid ? &shellNs : nullptr;
        }
        std::optional<std::uint64_t> inode;
        std::string_view target;
        while (next < links.size()) {
            target = trim(links[next++]);
            if (target.starts_with("readlink: "))
                break; // this link was not readable
            if (target.find(":[") != std::string_view::npos && (inode = parseNsTarget(target)))
                break;
        }
        // The target names the link's type (pid_for_children: pid); a type that differs means the lines
        // are out of step, and the link counts as unread.
        const std::string_view name = path->second;
        if (!inode || !current || !isKeptNsType(name) || target.substr(0, target.find(":[")) != name)
            continue;
        if (current->empty())
            current->reserve(std::size(kKeptNsTypes));
        current->insert_or_assign(name, *inode);
    }
}

// ---- vantage facts

std::string firstLine(const std::vector<std::string_view> *lines)
{
    if (!lines)
        return {};
    for (auto line : *lines) {
        auto t = trim(line);
        if (!t.empty())
            return validUtf8(t);
    }
    return {};
}

std::string unquoteOsReleaseValue(std::string_view v)
{
    v = trim(v);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        const bool dbl = v.front() == '"';
        v = v.substr(1, v.size() - 2);
        if (!dbl)
            return std::string(v);
        std::string out; // inside double quotes os-release allows \" \\ \$ \`
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] == '\\' && i + 1 < v.size() &&
                std::string_view("\"\\$`").find(v[i + 1]) != std::string_view::npos)
                ++i;
            out += v[i];
        }
        return out;
    }
    return std::string(v);
}

void parseOsRelease(const std::vector<std::string_view> *lines, std::map<std::string, std::string> &out)
{
    if (!lines)
        return;
    for (auto raw : *lines) {
        const auto line = trim(raw);
        if (line.empty() || line.front() == '#')
            continue;
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0)
            continue;
        out[validUtf8(trim(line.substr(0, eq)))] = validUtf8(unquoteOsReleaseValue(line.substr(eq + 1)));
    }
}

// ---- resources

// "Key:<blanks>NUMBER[ kB]" -> NUMBER times 1024 for kB; nothing when unreadable or on overflow.
std::optional<std::uint64_t> keyedNumber(std::string_view value)
{
    value = trim(value);
    std::uint64_t scale = 1;
    if (value.ends_with(" kB")) {
        value = trim(value.substr(0, value.size() - 3));
        scale = 1024;
    }
    const auto n = parseWhole<std::uint64_t>(value);
    if (!n || *n > std::numeric_limits<std::uint64_t>::max() / scale)
        return std::nullopt;
    return *n * scale;
}

// getconf's PAGESIZE and CLK_TCK (when getconf exists), and the first KernelPageSize of /proc/self/smaps.
void parseUnits(const std::vector<std::string_view> *lines, VantageObservation &obs)
{
    if (!lines)
        return;
    std::optional<std::uint64_t> getconfPage, smapsPage;
    for (auto line : *lines) {
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view key = trim(line.substr(0, colon));
        const auto value = keyedNumber(line.substr(colon + 1));
        if (!value || *value == 0)
            continue;
        if (key == "PAGESIZE")
            getconfPage = value;
        else if (key == "CLK_TCK")
            obs.clockTicksPerSecond = value;
        else if (key == "KernelPageSize" && !smapsPage)
            smapsPage = value;
    }
    obs.pageSize = getconfPage ? getconfPage : smapsPage;
}

// /proc/meminfo's totals, in bytes; nothing without the section or without MemTotal.
std::optional<MemoryInfo> parseMeminfo(const std::vector<std::string_view> *lines)
{
    if (!lines)
        return std::nullopt;
    MemoryInfo m;
    bool haveTotal = false, haveAvailable = false;
    std::uint64_t cached = 0, buffers = 0;
    for (auto line : *lines) {
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view key = line.substr(0, colon);
        const auto value = keyedNumber(line.substr(colon + 1));
        if (!value)
            continue;
        if (key == "MemTotal") {
            m.totalBytes = *value;
            haveTotal = true;
        } else if (key == "MemFree") {
            m.freeBytes = *value;
        } else if (key == "MemAvailable") {
            m.availableBytes = *value;
            haveAvailable = true;
        } else if (key == "Cached") {
            cached = *value;
        } else if (key == "Buffers") {
            buffers = *value;
        } else if (key == "SwapTotal") {
            m.swapTotalBytes = *value;
        } else if (key == "SwapFree") {
            m.swapFreeBytes = *value;
        }
    }
    if (!haveTotal)
        return std::nullopt;
    m.cachedBytes = cached + buffers;
    if (!haveAvailable) // kernels before 3.14: what is free or could be dropped from the caches
        m.availableBytes = m.freeBytes + m.cachedBytes;
    return m;
}

// ---- network
//
// The ip-link, ip-addr, ip-route and resolv-conf sections are read by the capture parsers of core/captures
// (ip_addr.cpp, ip_route.cpp, resolv_conf.cpp), the same ones `wslatlas-cli parse` runs on pasted outputs;
// the /proc/net sections are the fallbacks for a vantage without `ip` (or whose `ip` printed nothing
// readable).

InterfaceObservation &interfaceNamed(std::vector<InterfaceObservation> &list, const std::string &name)
{
    for (auto &i : list) {
        if (i.name == name)
            return i;
    }
    list.push_back(InterfaceObservation{});
    list.back().name = name;
    return list.back();
}

void parseNetDev(const std::vector<std::string_view> &lines, std::vector<InterfaceObservation> &out)
{
    for (auto line : lines) {
        if (line.find('|') != std::string_view::npos)
            continue; // the two header lines
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const auto name = trim(line.substr(0, colon));
        if (!name.empty())
            interfaceNamed(out, validUtf8(name));
    }
}

// 32 hex digits (network order) -> the text `ip` prints for the address.
std::optional<std::string> ipv6FromProcHex(std::string_view hex)
{
    if (hex.size() != 32)
        return std::nullopt;
    Ipv6Bytes bytes{};
    for (std::size_t k = 0; k < bytes.size(); ++k) {
        const auto v = parseWhole<std::uint8_t>(hex.substr(k * 2, 2), 16);
        if (!v)
            return std::nullopt;
        bytes[k] = *v;
    }
    return formatIpv6(bytes);
}

void parseIfInet6(const std::vector<std::string_view> &lines, std::vector<InterfaceObservation> &out)
{
    for (auto line : lines) {
        const auto words = splitWords(line); // address ifindex prefix scope flags name
        if (words.size() < 6)
            continue;
        auto address = ipv6FromProcHex(words[0]);
        auto prefix = parseWhole<int>(words[2], 16);
        if (!address || !prefix || *prefix > 128)
            continue;
        auto &iface = interfaceNamed(out, validUtf8(words[5]));
        iface.ipv6.push_back(AddressObservation{*address, *prefix});
    }
}

std::string ipv4FromProcHex(std::uint32_t v)
{
    // /proc/net/route prints the address as a host-order (little-endian) word of network-order bytes.
    return formatIpv4(((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | (v >> 24));
}

void parseNetRoute(const std::vector<std::string_view> &lines, std::vector<RouteObservation> &out)
{
    constexpr unsigned kRtfUp = 0x1;
    for (auto line : lines) {
        const auto words = splitWords(line); // Iface Destination Gateway Flags RefCnt Use Metric Mask ...
        if (words.size() < 8 || words[0] == "Iface")
            continue;
        const auto dest = parseWhole<std::uint32_t>(words[1], 16);
        const auto gateway = parseWhole<std::uint32_t>(words[2], 16);
        const auto flags = parseWhole<unsigned>(words[3], 16);
        const auto mask = parseWhole<std::uint32_t>(words[7], 16);
        if (!dest || !gateway || !flags || !mask || !(*flags & kRtfUp))
            continue;
        int prefix = 0;
        for (std::uint32_t m = *mask; m != 0; m &= m - 1)
            ++prefix;
        RouteObservation r;
        r.destination =
            (*dest == 0 && prefix == 0) ? "default" : ipv4FromProcHex(*dest) + '/' + std::to_string(prefix);
        if (*gateway != 0)
            r.gateway = ipv4FromProcHex(*gateway);
        r.dev = validUtf8(words[0]);
        out.push_back(std::move(r));
    }
}

// A section's lines joined back into the text the command printed; empty when the section is missing.
std::string sectionText(const Sections &sections, std::string_view name)
{
    std::string text;
    if (const auto *lines = sections.find(name)) {
        for (auto line : *lines) {
            text.append(line);
            text += '\n';
        }
    }
    return text;
}

InterfaceObservation toObservation(const NetInterface &i)
{
    InterfaceObservation o;
    o.name = i.name;
    o.mac = i.mac;
    o.mtu = i.mtu;
    o.up = i.up;
    for (const Address &a : i.ipv4)
        o.ipv4.push_back({a.address, a.prefix});
    for (const Address &a : i.ipv6)
        o.ipv6.push_back({a.address, a.prefix});
    return o;
}

RouteObservation toObservation(const Route &r)
{
    return RouteObservation{r.destination, r.gateway, r.dev, r.source};
}

void mergeInterface(std::vector<InterfaceObservation> &list, InterfaceObservation from)
{
    InterfaceObservation &to = interfaceNamed(list, from.name);
    if (to.mac.empty())
        to.mac = std::move(from.mac);
    if (!to.mtu)
        to.mtu = from.mtu;
    if (!to.up)
        to.up = from.up;
    for (auto &a : from.ipv4)
        to.ipv4.push_back(std::move(a));
    for (auto &a : from.ipv6)
        to.ipv6.push_back(std::move(a));
}

void warnUnreadable(VantageObservation &obs, std::string_view what, const Error &e, std::string_view instead)
{
    obs.warnings.push_back("The output of " + std::string(what) + " could not be read (" + e.message + ")" +
                           std::string(instead));
}

void parseNetwork(const Sections &sections, VantageObservation &obs)
{
    // `ip -o link` (flags, MTU, MAC) and `ip -o addr` (addresses) read together, as one `ip addr` output.
    const std::string linkText = sectionText(sections, "ip-link");
    const std::string ipText = linkText + sectionText(sections, "ip-addr");
    std::vector<InterfaceObservation> fromIp;
    if (!trim(ipText).empty()) {
        auto parsed = parseIpAddr(ipText);
        if (auto *list = std::get_if<std::vector<NetInterface>>(&parsed)) {
            for (const NetInterface &i : *list)
                fromIp.push_back(toObservation(i));
        } else {
            warnUnreadable(obs, "`ip link` and `ip addr`", std::get<Error>(parsed),
                           "; the interfaces come from /proc/net instead.");
        }
    }
    bool haveLinks = false; // link lines name every interface, address lines only those with addresses
    for (const auto &i : fromIp)
        haveLinks = haveLinks || i.mtu || i.up;
    if (haveLinks) {
        obs.interfaces = std::move(fromIp);
    } else {
        if (const auto *netDev = sections.find("net-dev"))
            parseNetDev(*netDev, obs.interfaces);
        for (auto &i : fromIp)
            mergeInterface(obs.interfaces, std::move(i));
    }

    bool haveAddresses = false;
    for (const auto &i : obs.interfaces)
        haveAddresses = haveAddresses || !i.ipv4.empty() || !i.ipv6.empty();
    if (!haveAddresses) {
        if (const auto *ifInet6 = sections.find("net-if-inet6"))
            parseIfInet6(*ifInet6, obs.interfaces);
    }

    if (const std::string routeText = sectionText(sections, "ip-route"); !trim(routeText).empty()) {
        auto parsed = parseIpRoute(routeText);
        if (auto *list = std::get_if<std::vector<Route>>(&parsed)) {
            for (const Route &r : *list)
                obs.routes.push_back(toObservation(r));
        } else {
            warnUnreadable(obs, "`ip route`", std::get<Error>(parsed),
                           "; the IPv4 routes come from /proc/net/route instead.");
        }
    }
    if (obs.routes.empty()) {
        if (const auto *netRoute = sections.find("net-route"))
            parseNetRoute(*netRoute, obs.routes);
    }

    if (const std::string resolvText = sectionText(sections, "resolv-conf"); !trim(resolvText).empty()) {
        auto parsed = parseResolvConf(resolvText);
        if (auto *list = std::get_if<std::vector<std::string>>(&parsed))
            obs.nameservers = std::move(*list);
        else
            warnUnreadable(obs, "/etc/resolv.conf", std::get<Error>(parsed), ", so no nameserver is shown.");
    }
    obs.networkingMode = firstLine(sections.find("wslinfo-networking-mode"));
}

// ---- framing

Error error(std::string message)
{
    return Error{std::move(message)};
}

std::string firstNonBlankLine(const std::vector<std::string_view> &lines)
{
    for (auto line : lines) {
        if (!trim(line).empty())
            return std::string(trim(line));
    }
    return {};
}

std::optional<Error> checkVersionAndEnd(std::string_view versionText, const Sections &sections);

// The run nonce a begin or end marker line carries after its version ("1 NONCE"), or empty.
std::string_view markerNonce(std::string_view afterMarker)
{
    std::size_t at = 0;
    nextWord(afterMarker, at); // the version
    return nextWord(afterMarker, at);
}

// The line that starts at `start`, without its line end; `start` moves to the next line.
std::string_view takeLine(std::string_view raw, std::size_t &start)
{
    const std::size_t nl = raw.find('\n', start);
    const std::size_t stop = nl == std::string_view::npos ? raw.size() : nl;
    std::string_view line = raw.substr(start, stop - start);
    start = stop + 1;
    while (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

// No begin marker of this run: only other runs' blocks, an echoed script, or not the collector at all.
Error noBlockError(std::string_view raw, const Sections &sections)
{
    if (sections.staleBlocks > 0)
        return error("The output held only collector output of an earlier run (" +
                     std::to_string(sections.staleBlocks) +
                     " block(s) with another run's marker), none of this run; run the vantage again.");
    if (raw.find("wa_m=@@WSLATLAS") != std::string_view::npos)
        return error("The shell echoed the collector script but printed none of its output; make sure the "
                     "command runs the script (`sh -s`) and is left to finish.");
    return error(
        "The output did not come from the WSL Atlas collector (it starts with " +
        quoted(firstNonBlankLine(splitLines(raw))) +
        "); check that the vantage command runs `sh -s` and that nothing else writes to its output.");
}

// Finds the begin marker and cuts what follows into sections; returns an error for anything that is not a
// complete collector output. With a nonce, only the block whose begin and end markers carry it counts: a
// debug shell that outlived an earlier connection may still print that run's output first.
std::optional<Error> cutSections(std::string_view raw, std::string_view nonce, Sections &sections)
{
    if (trim(raw).empty())
        return error(
            "The collector printed nothing; check that the command runs a POSIX sh reading the script "
            "from standard input (`sh -s`).");

    // The last begin marker before the first end marker counts: a debug shell may still show an earlier,
    // interrupted run, whose sections a later begin marker drops. A listing line (/proc/...) that happens to
    // quote a marker is data, not a marker. One pass, without a list of all the lines.
    bool begun = false;
    bool foreign = false;       // inside a block of another run: skipped up to the next begin marker
    bool blockHasNonce = false; // the counted block's begin marker carries a nonce (saved outputs do not)
    std::string_view versionText;
    std::vector<std::string_view> *current = nullptr;
    for (std::size_t start = 0; start <= raw.size();) {
        const std::string_view line = takeLine(raw, start);
        if (line.starts_with("/proc/")) {
            if (current)
                current->push_back(line);
            continue;
        }
        if (begun && line.starts_with(kCollectorEndMarker)) {
            const std::string_view endNonce = markerNonce(line.substr(kCollectorEndMarker.size()));
            if (nonce.empty() || endNonce == nonce || (!blockHasNonce && endNonce.empty())) {
                sections.ended = true;
                break;
            }
            continue; // the end of another run's block, inside or after it
        }
        if (const std::size_t at = line.find(kBeginMarker); at != std::string_view::npos) {
            // A block without a nonce (an older collector, a saved output replayed by `cat`) is no
            // other run's: only a different nonce marks one.
            const std::string_view after = line.substr(at + kBeginMarker.size());
            const std::string_view beginNonce = markerNonce(after);
            foreign = !nonce.empty() && !beginNonce.empty() && beginNonce != nonce;
            if (foreign)
                ++sections.staleBlocks;
            begun = begun || !foreign;
            if (!foreign) {
                blockHasNonce = !beginNonce.empty();
                std::size_t at = 0;
                versionText = nextWord(after, at);
            }
            sections.byName.clear();
            sections.lastName.clear();
            current = nullptr;
            continue;
        }
        if (!begun || foreign)
            continue;
        if (line.starts_with(kSectionMarker)) {
            sections.lastName = validUtf8(trim(line.substr(kSectionMarker.size())));
            current = &sections.byName[sections.lastName];
            continue;
        }
        if (current)
            current->push_back(line);
    }
    if (!begun)
        return noBlockError(raw, sections);
    return checkVersionAndEnd(versionText, sections);
}

// The begin marker's version is this program's, and the end marker came.
std::optional<Error> checkVersionAndEnd(std::string_view versionText, const Sections &sections)
{
    const auto version = parseWhole<int>(versionText);
    if (!version)
        return error("The collector's begin marker carries an unreadable format version " +
                     quoted(versionText) + "; use the collector script that comes with this program.");
    if (*version > kFormatVersion)
        return error("The collector is newer than this program (output format " + std::to_string(*version) +
                     ", this program reads format " + std::to_string(kFormatVersion) +
                     "); update WSL Atlas.");
    if (*version < kFormatVersion)
        return error("The collector is older than this program (output format " + std::to_string(*version) +
                     ", this program reads format " + std::to_string(kFormatVersion) +
                     "); use the collector script that comes with this program.");

    if (!sections.ended) {
        if (sections.lastName.empty())
            return error(
                "The collector's output stopped right after its begin marker; the command was cut off "
                "(timeout or closed terminal), so run it again.");
        return error(
            "The collector's output stopped after section " + quoted(sections.lastName) +
            " without its end marker; the command was cut off (timeout or closed terminal), so run it "
            "again.");
    }
    return std::nullopt;
}

std::vector<std::string> staleBlockWarnings(const Sections &sections)
{
    if (sections.staleBlocks == 0)
        return {};
    return {"Dropped " + std::to_string(sections.staleBlocks) +
            (sections.staleBlocks == 1 ? " block" : " blocks") +
            " of collector output left by an earlier connection (the debug shell keeps running between "
            "connections); only this run's output was read."};
}

const char *const kNoNspidMessage = "This kernel reports no NSpid: a WSL 1 distro or a Linux kernel older "
                                    "than 4.1 cannot show pid namespaces; "
                                    "convert the distro with `wsl --set-version NAME 2`.";

// The "self" section: the shell's own status file, from which the vantage's pid namespace is known.
// `selfFields` keeps what it said for later messages.
std::optional<Error> readSelf(const Sections &sections, VantageObservation &obs, StatusFields &selfFields)
{
    const auto *self = sections.find("self");
    if (!self)
        return error(kNoNspidMessage);
    bool selfHasStatus = false;
    for (auto line : *self) {
        auto kv = splitStatusField(line);
        if (!kv)
            continue;
        if (kv->first == "Shell-Pid")
            obs.shellPid = toPid(kv->second).value_or(0);
        else if (applyStatusField(selfFields, kv->first, kv->second))
            selfHasStatus = true;
    }
    if (!selfHasStatus)
        return error(
            "The shell cannot see itself in /proc: /proc belongs to a pid namespace that does not contain "
            "this shell; enter the mount namespace too (nsenter -m).");
    obs.selfNspid = parsePidList(selfFields.nspid);
    if (obs.selfNspid.empty())
        return error(kNoNspidMessage);
    obs.selfProcPid = selfFields.pid ? selfFields.pid : std::optional<int>(obs.selfNspid.front());
    obs.selfPpid = selfFields.ppid.value_or(0);
    return std::nullopt;
}

// The ns section, and the shell's own namespaces from it: the shell's row when the status listing had
// the shell, else the links parseNsSection set aside.
void readNamespaces(const Sections &sections, DraftTable &table, int shellProcPid, VantageObservation &obs)
{
    NsLinks shellNs;
    const auto *paths = sections.find("ns-paths");
    const auto *links = sections.find("ns-links");
    if (paths && links)
        parseNsLinkSections(*paths, *links, table, shellProcPid, shellNs);
    else if (const auto *s = sections.find("ns"))
        parseNsSection(*s, table, shellProcPid, shellNs);
    if (const ProcessDraft *shell = table.find(shellProcPid))
        obs.selfNs = shell->ns;
    else
        obs.selfNs = std::move(shellNs);
    if (obs.selfNs.count("pid") == 0)
        obs.warnings.push_back("The collector's shell (pid " + std::to_string(shellProcPid) +
                               ") could not read its own namespace links, so this vantage's namespaces are "
                               "unknown; run the vantage as root.");
}

// A listed process as the observation holds it (its NSpid already read).
ProcessObservation observationOf(ProcessDraft &d, int ppid, std::vector<int> nspid)
{
    const StatusFields &f = d.status;
    ProcessObservation p;
    p.pid = d.pid;
    p.ppid = ppid;
    p.nspid = std::move(nspid);
    p.name = f.name->find('\\') == std::string_view::npos ? validUtf8(*f.name)
                                                          : validUtf8(unescapeStatusName(*f.name));
    p.uid = f.uid;
    p.startTicks = d.startTicks;
    p.utimeTicks = d.utimeTicks;
    p.stimeTicks = d.stimeTicks;
    p.rssPages = d.rssPages;
    p.container = std::move(d.container);
    if (d.cmdline) {
        std::string_view cmdline = d.cmdlineJoined ? std::string_view(*d.cmdlineJoined) : *d.cmdline;
        if (!cmdline.empty() && cmdline.back() == ' ')
            cmdline.remove_suffix(1); // the final NUL
        p.cmdline = validUtf8(cmdline);
    }
    p.ns = std::move(d.ns);
    return p;
}

std::string withoutNspidWarning(const std::vector<int> &pids)
{
    std::string list;
    for (std::size_t i = 0; i < pids.size() && i < 5; ++i)
        list += (i ? ", " : "") + std::to_string(pids[i]);
    if (pids.size() > 5)
        list += ", ...";
    return std::to_string(pids.size()) + (pids.size() == 1 ? " process was" : " processes were") +
           " left out because their status had no NSpid line (" + (pids.size() == 1 ? "pid " : "pids ") +
           list + ").";
}

// Root is refused links only by the kernel's ptrace rules; anyone else lacks the permission.
std::string unreadableNsWarning(int unreadable, bool root)
{
    return std::to_string(unreadable) +
           (unreadable == 1 ? " process's namespace links were" : " processes' namespace links were") +
           (root ? " not readable, even as root (the kernel's ptrace rules refuse them: a "
                   "non-dumpable process, or one in another user namespace)."
                 : " not readable (run the vantage as root to see them).");
}

// The drafts that become the observation's processes, in pid order: those of the status listing, less the
// collector's own shell and commands, less those without NSpid (named in a warning).
void addProcesses(DraftTable &table, int shellProcPid, bool root, VantageObservation &obs)
{
    std::vector<int> withoutNspid;
    int unreadable = 0;
    const std::vector<ProcessDraft *> drafts = table.byPid();
    obs.processes.reserve(drafts.size());
    for (ProcessDraft *draft : drafts) {
        ProcessDraft &d = *draft;
        const StatusFields &f = d.status;
        if (!f.name)
            continue; // not in the status listing: it exited, or started after the listing
        const int ppid = f.ppid ? *f.ppid : d.statPpid.value_or(0);
        if (shellProcPid > 0 && (d.pid == shellProcPid || ppid == shellProcPid))
            continue; // the collector itself: its shell and the grep/cat/ls/tr/ip it ran
        std::vector<int> nspid = parsePidList(f.nspid);
        if (nspid.empty()) {
            withoutNspid.push_back(d.pid);
            continue;
        }
        obs.processes.push_back(observationOf(d, ppid, std::move(nspid)));
        if (d.nsListed && obs.processes.back().ns.count("pid") == 0)
            ++unreadable;
    }
    if (!withoutNspid.empty())
        obs.warnings.push_back(withoutNspidWarning(withoutNspid));
    if (unreadable > 0)
        obs.warnings.push_back(unreadableNsWarning(unreadable, root));
}

Result<VantageObservation> parse(std::string_view raw, std::string_view nonce)
{
    Sections sections;
    if (auto err = cutSections(raw, nonce, sections))
        return *err;

    VantageObservation obs;
    obs.warnings = staleBlockWarnings(sections);
    StatusFields selfFields;
    if (auto err = readSelf(sections, obs, selfFields))
        return *err;

    obs.kernel = firstLine(sections.find("kernel"));
    obs.hostname = firstLine(sections.find("hostname"));
    parseOsRelease(sections.find("os-release"), obs.osRelease);
    parseUnits(sections.find("units"), obs);
    obs.memory = parseMeminfo(sections.find("meminfo"));

    const auto *status = sections.find("status");
    DraftTable table(status ? status->size() / 5 : 0); // five lines per process
    if (status)
        parseStatusSection(*status, table);
    if (table.empty())
        return error(
            "The collector listed no processes: /proc is not mounted or not readable in this vantage; "
            "mount it (`mount -t proc proc /proc`) or run the vantage as root.");
    if (const auto *s = sections.find("stat"))
        parseStatSection(*s, table);
    if (const auto *s = sections.find("cmdline"))
        parseCmdlineSection(*s, table);
    if (const auto *s = sections.find("cgroup"))
        parseCgroupSection(*s, table);
    const int shellProcPid = *obs.selfProcPid;
    readNamespaces(sections, table, shellProcPid, obs);
    addProcesses(table, shellProcPid, selfFields.uid == 0, obs);

    parseNetwork(sections, obs);
    return obs;
}

} // namespace

Result<VantageObservation> parseCollectorOutput(std::string_view raw, std::string_view nonce)
{
    try {
        return parse(raw, nonce);
    } catch (...) {
        // Last resort (e.g. allocation failure): the caller still gets an error it can show.
        return Error{"The collector's output could not be read; run the vantage again."};
    }
}

} // namespace wslatlas
