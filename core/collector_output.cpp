#include "collector_output.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace wslatlas {
namespace {

constexpr std::string_view kBeginMarker = "@@WSLATLAS-BEGIN ";
constexpr std::string_view kSectionMarker = "@@WSLATLAS-SECTION ";
constexpr int kFormatVersion = 1;
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// ---- small text helpers

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitWords(std::string_view s)
{
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        std::size_t start = i;
        while (i < s.size() && !isSpace(s[i]))
            ++i;
        if (i > start)
            words.push_back(s.substr(start, i - start));
    }
    return words;
}

template <typename T> std::optional<T> toNumber(std::string_view s, int base = 10)
{
    if (s.empty())
        return std::nullopt;
    T value{};
    const char *end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, value, base);
    if (ec != std::errc{} || ptr != end)
        return std::nullopt;
    return value;
}

std::optional<int> toPid(std::string_view s)
{
    auto v = toNumber<int>(trim(s));
    if (!v || *v < 0)
        return std::nullopt;
    return v;
}

// Every string the observation keeps must be valid UTF-8 so that the JSON writer never fails later;
// each byte that does not start a valid sequence becomes U+FFFD.
std::string sanitizeUtf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        std::uint32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        }
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                ok = false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out.append(kReplacementChar);
            ++i;
        }
    }
    return out;
}

// Printable ASCII as is, everything else as \xNN: safe to put into a message whatever the input was, and
// short (about maxChars characters) so that binary noise does not flood the message.
std::string quoteForMessage(std::string_view s, std::size_t maxChars = 60)
{
    std::string out;
    for (char ch : s) {
        if (out.size() >= maxChars) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
            out += ch;
        } else if (c == '\\' || c == '"') {
            out += '\\';
            out += ch;
        } else {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
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

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos)
            break;
        start = nl + 1;
    }
    return lines;
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
    for (auto word : splitWords(s)) {
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

    const std::vector<std::string_view> *find(std::string_view name) const
    {
        auto it = byName.find(name);
        return it == byName.end() ? nullptr : &it->second;
    }
};

// ---- processes

struct ProcessDraft
{
    std::optional<std::string> name;
    std::optional<int> ppid;
    std::optional<int> uid;
    std::optional<std::vector<int>> nspid;
    std::optional<int> statPpid;
    std::optional<std::uint64_t> startTicks;
    std::optional<std::string> cmdline;
    bool nsListed = false;
    NsLinks ns;
};

using DraftTable = std::map<int, ProcessDraft>;

struct StatusFields
{
    std::optional<std::string> name;
    std::optional<int> pid;
    std::optional<int> ppid;
    std::optional<int> uid;
    std::optional<std::vector<int>> nspid;
};

// Applies one "Key:\tvalue" line of a status file; returns whether it was a key the collector asks for.
bool applyStatusField(StatusFields &f, std::string_view key, std::string_view value)
{
    if (key == "Name") {
        f.name = unescapeStatusName(value);
    } else if (key == "Pid") {
        f.pid = toPid(value);
    } else if (key == "PPid") {
        f.ppid = toPid(value);
    } else if (key == "Uid") {
        auto words = splitWords(value);
        if (!words.empty())
            f.uid = toPid(words.front());
    } else if (key == "NSpid") {
        f.nspid = parsePidList(value);
    } else {
        return false;
    }
    return true;
}

void parseStatusSection(const std::vector<std::string_view> &lines, DraftTable &table)
{
    std::map<int, StatusFields> fields;
    for (auto line : lines) {
        auto path = splitProcPath(line, "/status:");
        if (!path)
            continue;
        auto kv = splitStatusField(path->second);
        if (!kv)
            continue;
        applyStatusField(fields[path->first], kv->first, kv->second);
    }
    for (auto &[pid, f] : fields) {
        auto &d = table[pid];
        d.name = std::move(f.name);
        d.ppid = f.ppid;
        d.uid = f.uid;
        d.nspid = std::move(f.nspid);
    }
}

// "PID (COMM) STATE PPID ... STARTTIME(22) ...": COMM may hold spaces, parentheses and even a newline, so the
// fields are counted from the last ')'.
bool parseStatRecord(std::string_view rec, DraftTable &table)
{
    const std::size_t space = rec.find(' ');
    if (space == std::string_view::npos || space + 1 >= rec.size() || rec[space + 1] != '(')
        return false;
    const auto pid = toPid(rec.substr(0, space));
    const std::size_t close = rec.rfind(')');
    if (!pid || close == std::string_view::npos || close <= space)
        return false;
    const auto fields = splitWords(rec.substr(close + 1)); // fields[0] is field 3 (state)
    if (fields.size() < 20)
        return false;
    const auto ppid = toPid(fields[1]);
    const auto start = toNumber<std::uint64_t>(fields[19]);
    if (!ppid || !start)
        return false;
    auto &d = table[*pid];
    d.statPpid = ppid;
    d.startTicks = start;
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
    std::string *current = nullptr;
    int currentPid = -1;
    for (auto line : lines) {
        auto path = splitProcPath(line, "/cmdline:");
        if (path && path->first != currentPid) {
            auto &d = table[path->first];
            d.cmdline = std::string(path->second);
            current = &*d.cmdline;
            currentPid = path->first;
        } else if (current) {
            *current += ' ';
            *current += path ? path->second : line;
        }
    }
    for (auto &[pid, d] : table) {
        if (d.cmdline && !d.cmdline->empty() && d.cmdline->back() == ' ')
            d.cmdline->pop_back(); // the final NUL
    }
}

bool isKeptNsType(std::string_view name)
{
    static const std::set<std::string_view> kept = {"pid", "net",  "mnt",    "uts",
                                                    "ipc", "user", "cgroup", "time"};
    return kept.count(name) != 0;
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
    return toNumber<std::uint64_t>(target.substr(open + 2, target.size() - open - 3));
}

// `shellProcPid`: ls prints no header when it lists a single directory, which can only be the shell's own
// (the shell is alive throughout and always matches the glob; the shell alone in its pid namespace).
void parseNsSection(const std::vector<std::string_view> &lines, DraftTable &table, int shellProcPid)
{
    ProcessDraft *current = &table[shellProcPid];
    for (auto raw : lines) {
        const auto line = trim(raw);
        if (line.empty() || line.starts_with("total "))
            continue;
        if (auto path = splitProcPath(line, "/ns:"); path && path->second.empty()) {
            current = &table[path->first];
            current->nsListed = true;
            continue;
        }
        const std::size_t arrow = line.find(" -> ");
        if (arrow == std::string_view::npos)
            continue; // the reader may not read this link (busybox prints the name alone)
        const auto left = splitWords(line.substr(0, arrow));
        if (left.empty() || !isKeptNsType(left.back()))
            continue;
        if (auto inode = parseNsTarget(line.substr(arrow + 4)))
            current->ns[std::string(left.back())] = *inode;
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
            return sanitizeUtf8(t);
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
        out[sanitizeUtf8(trim(line.substr(0, eq)))] =
            sanitizeUtf8(unquoteOsReleaseValue(line.substr(eq + 1)));
    }
}

// ---- network

std::string_view stripPeerSuffix(std::string_view name)
{
    // "eth0@if12" names the link's peer, not the interface.
    const std::size_t at = name.find('@');
    return at == std::string_view::npos ? name : name.substr(0, at);
}

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

// "N: NAME: rest" (ip -o link) or "N: NAME    rest" (ip -o addr) -> {NAME, rest}.
std::optional<std::pair<std::string, std::string_view>> splitIpIndexLine(std::string_view line)
{
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos || !toPid(line.substr(0, colon)))
        return std::nullopt;
    std::string_view rest = line.substr(colon + 2);
    while (!rest.empty() && isSpace(rest.front()))
        rest.remove_prefix(1);
    std::size_t end = 0;
    while (end < rest.size() && !isSpace(rest[end]))
        ++end;
    std::string_view name = rest.substr(0, end);
    if (!name.empty() && name.back() == ':')
        name.remove_suffix(1);
    name = stripPeerSuffix(name);
    if (name.empty())
        return std::nullopt;
    return std::make_pair(sanitizeUtf8(name), rest.substr(end));
}

void parseIpLink(const std::vector<std::string_view> &lines, std::vector<InterfaceObservation> &out)
{
    for (auto line : lines) {
        auto head = splitIpIndexLine(line);
        if (!head)
            continue;
        auto &iface = interfaceNamed(out, head->first);
        const std::string_view rest = head->second;
        const std::size_t lt = rest.find('<');
        const std::size_t gt = rest.find('>', lt == std::string_view::npos ? 0 : lt);
        if (lt != std::string_view::npos && gt != std::string_view::npos) {
            const std::string_view flags = rest.substr(lt + 1, gt - lt - 1);
            bool up = false;
            std::size_t start = 0;
            while (start <= flags.size()) {
                std::size_t comma = flags.find(',', start);
                if (comma == std::string_view::npos)
                    comma = flags.size();
                if (flags.substr(start, comma - start) == "UP")
                    up = true;
                start = comma + 1;
            }
            iface.up = up;
        }
        const auto words = splitWords(rest);
        for (std::size_t i = 0; i + 1 < words.size(); ++i) {
            if (words[i] == "mtu")
                iface.mtu = toPid(words[i + 1]);
            else if (words[i] == "link/ether")
                iface.mac = sanitizeUtf8(words[i + 1]);
        }
    }
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
            interfaceNamed(out, sanitizeUtf8(name));
    }
}

std::optional<AddressObservation> parseCidr(std::string_view s, int hostPrefix)
{
    if (s.empty())
        return std::nullopt;
    AddressObservation a;
    const std::size_t slash = s.find('/');
    a.address = sanitizeUtf8(s.substr(0, slash));
    a.prefix = hostPrefix;
    if (slash != std::string_view::npos) {
        auto p = toPid(s.substr(slash + 1));
        if (!p || *p > hostPrefix)
            return std::nullopt;
        a.prefix = *p;
    }
    return a;
}

void parseIpAddr(const std::vector<std::string_view> &lines, std::vector<InterfaceObservation> &out)
{
    for (auto line : lines) {
        auto head = splitIpIndexLine(line);
        if (!head)
            continue;
        const auto words = splitWords(head->second);
        if (words.size() < 2)
            continue;
        const bool v4 = words[0] == "inet";
        if (!v4 && words[0] != "inet6")
            continue;
        auto addr = parseCidr(words[1], v4 ? 32 : 128);
        if (!addr)
            continue;
        auto &iface = interfaceNamed(out, head->first);
        (v4 ? iface.ipv4 : iface.ipv6).push_back(std::move(*addr));
    }
}

// 32 hex digits (network order) -> RFC 5952 text.
std::optional<std::string> formatIpv6(std::string_view hex)
{
    if (hex.size() != 32)
        return std::nullopt;
    unsigned groups[8];
    for (int g = 0; g < 8; ++g) {
        auto v = toNumber<unsigned>(hex.substr(static_cast<std::size_t>(g) * 4, 4), 16);
        if (!v)
            return std::nullopt;
        groups[g] = *v;
    }
    int bestStart = -1, bestLen = 0;
    for (int g = 0; g < 8;) {
        if (groups[g] != 0) {
            ++g;
            continue;
        }
        int len = 0;
        while (g + len < 8 && groups[g + len] == 0)
            ++len;
        if (len > bestLen && len >= 2)
            bestStart = g, bestLen = len;
        g += len;
    }
    std::string out;
    static constexpr char digits[] = "0123456789abcdef";
    for (int g = 0; g < 8; ++g) {
        if (g == bestStart) {
            out += "::";
            g += bestLen - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':')
            out += ':';
        char buf[4];
        int n = 0;
        unsigned v = groups[g];
        do {
            buf[n++] = digits[v & 0xF];
            v >>= 4;
        } while (v != 0);
        while (n > 0)
            out += buf[--n];
    }
    return out;
}

void parseIfInet6(const std::vector<std::string_view> &lines, std::vector<InterfaceObservation> &out)
{
    for (auto line : lines) {
        const auto words = splitWords(line); // address ifindex prefix scope flags name
        if (words.size() < 6)
            continue;
        auto address = formatIpv6(words[0]);
        auto prefix = toNumber<int>(words[2], 16);
        if (!address || !prefix || *prefix > 128)
            continue;
        auto &iface = interfaceNamed(out, sanitizeUtf8(words[5]));
        iface.ipv6.push_back(AddressObservation{*address, *prefix});
    }
}

bool isRouteType(std::string_view w)
{
    static const std::set<std::string_view> types = {"unicast", "local",       "broadcast", "multicast",
                                                     "throw",   "unreachable", "prohibit",  "blackhole",
                                                     "nat",     "anycast"};
    return types.count(w) != 0;
}

void parseIpRoute(const std::vector<std::string_view> &lines, std::vector<RouteObservation> &out)
{
    for (auto line : lines) {
        if (line.empty() || isSpace(line.front()))
            continue; // a multipath "nexthop" continuation
        auto words = splitWords(line);
        std::size_t i = 0;
        if (i < words.size() && isRouteType(words[i]))
            ++i;
        if (i >= words.size())
            continue;
        RouteObservation r;
        const std::string_view dest = words[i++];
        if (dest == "default" || dest.find('/') != std::string_view::npos)
            r.destination = sanitizeUtf8(dest);
        else // a host route
            r.destination = sanitizeUtf8(dest) + (dest.find(':') != std::string_view::npos ? "/128" : "/32");
        for (; i + 1 < words.size(); ++i) {
            if (words[i] == "via")
                r.gateway = sanitizeUtf8(words[++i]);
            else if (words[i] == "dev")
                r.dev = sanitizeUtf8(stripPeerSuffix(words[++i]));
            else if (words[i] == "src")
                r.source = sanitizeUtf8(words[++i]);
        }
        out.push_back(std::move(r));
    }
}

std::string ipv4FromProcHex(std::uint32_t v)
{
    // /proc/net/route prints the address as a host-order (little-endian) word of network-order bytes.
    return std::to_string(v & 0xFF) + '.' + std::to_string((v >> 8) & 0xFF) + '.' +
           std::to_string((v >> 16) & 0xFF) + '.' + std::to_string((v >> 24) & 0xFF);
}

void parseNetRoute(const std::vector<std::string_view> &lines, std::vector<RouteObservation> &out)
{
    constexpr unsigned kRtfUp = 0x1;
    for (auto line : lines) {
        const auto words = splitWords(line); // Iface Destination Gateway Flags RefCnt Use Metric Mask ...
        if (words.size() < 8 || words[0] == "Iface")
            continue;
        const auto dest = toNumber<std::uint32_t>(words[1], 16);
        const auto gateway = toNumber<std::uint32_t>(words[2], 16);
        const auto flags = toNumber<unsigned>(words[3], 16);
        const auto mask = toNumber<std::uint32_t>(words[7], 16);
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
        r.dev = sanitizeUtf8(words[0]);
        out.push_back(std::move(r));
    }
}

void parseNetwork(const Sections &sections, VantageObservation &obs)
{
    const auto *ipLink = sections.find("ip-link");
    if (ipLink)
        parseIpLink(*ipLink, obs.interfaces);
    if (obs.interfaces.empty()) {
        if (const auto *netDev = sections.find("net-dev"))
            parseNetDev(*netDev, obs.interfaces);
    }

    bool haveAddresses = false;
    if (const auto *ipAddr = sections.find("ip-addr")) {
        parseIpAddr(*ipAddr, obs.interfaces);
        for (const auto &i : obs.interfaces)
            haveAddresses = haveAddresses || !i.ipv4.empty() || !i.ipv6.empty();
    }
    if (!haveAddresses) {
        if (const auto *ifInet6 = sections.find("net-if-inet6"))
            parseIfInet6(*ifInet6, obs.interfaces);
    }

    if (const auto *ipRoute = sections.find("ip-route"))
        parseIpRoute(*ipRoute, obs.routes);
    if (obs.routes.empty()) {
        if (const auto *netRoute = sections.find("net-route"))
            parseNetRoute(*netRoute, obs.routes);
    }

    if (const auto *resolv = sections.find("resolv-conf")) {
        for (auto line : *resolv) {
            const auto words = splitWords(line);
            if (words.size() >= 2 && words[0] == "nameserver")
                obs.nameservers.push_back(sanitizeUtf8(words[1]));
        }
    }
    obs.networkingMode = firstLine(sections.find("wslinfo-networking-mode"));
}

// ---- framing

CollectorParseError error(std::string message)
{
    return CollectorParseError{std::move(message)};
}

std::string firstNonBlankLine(const std::vector<std::string_view> &lines)
{
    for (auto line : lines) {
        if (!trim(line).empty())
            return std::string(trim(line));
    }
    return {};
}

// Finds the begin marker and cuts what follows into sections; returns an error for anything that is not a
// complete collector output.
std::optional<CollectorParseError> cutSections(std::string_view raw, Sections &sections)
{
    if (trim(raw).empty())
        return error(
            "The collector printed nothing; check that the command runs a POSIX sh reading the script "
            "from standard input (`sh -s`).");

    // The last begin marker before the first end marker counts: a debug shell may still show an earlier,
    // interrupted run. A listing line (/proc/...) that happens to quote a marker is data, not a marker.
    const auto lines = splitLines(raw);
    std::size_t begin = lines.size();
    std::size_t end = lines.size();
    std::string_view versionText;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].starts_with("/proc/"))
            continue;
        if (begin != lines.size() && lines[i].starts_with(kCollectorEndMarker)) {
            end = i;
            break;
        }
        const std::size_t at = lines[i].find(kBeginMarker);
        if (at != std::string_view::npos) {
            begin = i;
            versionText = trim(lines[i].substr(at + kBeginMarker.size()));
        }
    }
    if (begin == lines.size()) {
        if (raw.find("wa_m=@@WSLATLAS") != std::string_view::npos)
            return error(
                "The shell echoed the collector script but printed none of its output; make sure the "
                "command runs the script (`sh -s`) and is left to finish.");
        return error(
            "The output did not come from the WSL Atlas collector (it starts with \"" +
            quoteForMessage(firstNonBlankLine(lines)) +
            "\"); check that the vantage command runs `sh -s` and that nothing else writes to its output.");
    }

    const auto version = toNumber<int>(versionText);
    if (!version)
        return error("The collector's begin marker carries an unreadable format version \"" +
                     quoteForMessage(versionText) +
                     "\"; use the collector script that comes with this program.");
    if (*version > kFormatVersion)
        return error("The collector is newer than this program (output format " + std::to_string(*version) +
                     ", this program reads format " + std::to_string(kFormatVersion) +
                     "); update WSL Atlas.");
    if (*version < kFormatVersion)
        return error("The collector is older than this program (output format " + std::to_string(*version) +
                     ", this program reads format " + std::to_string(kFormatVersion) +
                     "); use the collector script that comes with this program.");

    sections.ended = end != lines.size();
    std::vector<std::string_view> *current = nullptr;
    for (std::size_t i = begin + 1; i < end; ++i) {
        const auto line = lines[i];
        if (line.starts_with(kSectionMarker)) {
            sections.lastName = sanitizeUtf8(trim(line.substr(kSectionMarker.size())));
            current = &sections.byName[sections.lastName];
            continue;
        }
        if (current)
            current->push_back(line);
    }
    if (!sections.ended) {
        if (sections.lastName.empty())
            return error(
                "The collector's output stopped right after its begin marker; the command was cut off "
                "(timeout or closed terminal), so run it again.");
        return error(
            "The collector's output stopped after section \"" + quoteForMessage(sections.lastName) +
            "\" without its end marker; the command was cut off (timeout or closed terminal), so run it "
            "again.");
    }
    return std::nullopt;
}

const char *const kNoNspidMessage = "This kernel reports no NSpid: a WSL 1 distro or a Linux kernel older "
                                    "than 4.1 cannot show pid namespaces; "
                                    "convert the distro with `wsl --set-version NAME 2`.";

CollectorParseResult parse(std::string_view raw)
{
    Sections sections;
    if (auto err = cutSections(raw, sections))
        return *err;

    VantageObservation obs;

    // The shell itself.
    const auto *self = sections.find("self");
    if (!self)
        return error(kNoNspidMessage);
    StatusFields selfFields;
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
    if (!selfFields.nspid || selfFields.nspid->empty())
        return error(kNoNspidMessage);
    obs.selfNspid = *selfFields.nspid;
    obs.selfProcPid = selfFields.pid ? selfFields.pid : std::optional<int>(obs.selfNspid.front());
    obs.selfPpid = selfFields.ppid.value_or(0);

    obs.kernel = firstLine(sections.find("kernel"));
    obs.hostname = firstLine(sections.find("hostname"));
    parseOsRelease(sections.find("os-release"), obs.osRelease);

    DraftTable table;
    if (const auto *s = sections.find("status"))
        parseStatusSection(*s, table);
    if (table.empty())
        return error(
            "The collector listed no processes: /proc is not mounted or not readable in this vantage; "
            "mount it (`mount -t proc proc /proc`) or run the vantage as root.");
    if (const auto *s = sections.find("stat"))
        parseStatSection(*s, table);
    if (const auto *s = sections.find("cmdline"))
        parseCmdlineSection(*s, table);
    if (const auto *s = sections.find("ns"))
        parseNsSection(*s, table, *obs.selfProcPid);

    const int shellProcPid = *obs.selfProcPid;
    if (auto it = table.find(shellProcPid); it != table.end())
        obs.selfNs = it->second.ns;
    if (obs.selfNs.count("pid") == 0)
        obs.warnings.push_back("The collector's shell (pid " + std::to_string(shellProcPid) +
                               ") could not read its own namespace links, so this vantage's namespaces are "
                               "unknown; run the vantage as root.");

    std::vector<int> withoutNspid;
    int unreadable = 0;
    for (auto &[pid, d] : table) {
        if (!d.name)
            continue; // not in the status listing: it exited, or started after the listing
        const int ppid = d.ppid ? *d.ppid : d.statPpid.value_or(0);
        if (shellProcPid > 0 && (pid == shellProcPid || ppid == shellProcPid))
            continue; // the collector itself: its shell and the grep/cat/ls/tr/ip it ran
        if (!d.nspid || d.nspid->empty()) {
            withoutNspid.push_back(pid);
            continue;
        }
        ProcessObservation p;
        p.pid = pid;
        p.ppid = ppid;
        p.nspid = std::move(*d.nspid);
        p.name = sanitizeUtf8(*d.name);
        p.uid = d.uid;
        p.startTicks = d.startTicks;
        if (d.cmdline)
            p.cmdline = sanitizeUtf8(*d.cmdline);
        p.ns = std::move(d.ns);
        if (d.nsListed && p.ns.count("pid") == 0)
            ++unreadable;
        obs.processes.push_back(std::move(p));
    }

    if (!withoutNspid.empty()) {
        std::string list;
        for (std::size_t i = 0; i < withoutNspid.size() && i < 5; ++i)
            list += (i ? ", " : "") + std::to_string(withoutNspid[i]);
        if (withoutNspid.size() > 5)
            list += ", ...";
        obs.warnings.push_back(std::to_string(withoutNspid.size()) +
                               (withoutNspid.size() == 1 ? " process was" : " processes were") +
                               " left out because their status had no NSpid line (" +
                               (withoutNspid.size() == 1 ? "pid " : "pids ") + list + ").");
    }
    if (unreadable > 0)
        obs.warnings.push_back(
            std::to_string(unreadable) +
            (unreadable == 1 ? " process's namespace links were" : " processes' namespace links were") +
            (selfFields.uid == 0 ? " not readable, even as root (the kernel's ptrace rules refuse them: a "
                                   "non-dumpable process, or one in another user namespace)."
                                 : " not readable (run the vantage as root to see them)."));

    parseNetwork(sections, obs);
    return obs;
}

} // namespace

CollectorParseResult parseCollectorOutput(std::string_view raw)
{
    try {
        return parse(raw);
    } catch (...) {
        // Last resort (e.g. allocation failure): the caller still gets an error it can show.
        return CollectorParseError{"The collector's output could not be read; run the vantage again."};
    }
}

} // namespace wslatlas
