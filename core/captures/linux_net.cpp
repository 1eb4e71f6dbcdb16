// Parsers for what `ip addr`, `ifconfig`, `ip route` and /etc/resolv.conf print inside a WSL distro or the
// utility VM (capture_parsers.h). They read structure, not prose: "N: NAME:" headers and indented attribute
// lines, `ip -o`'s backslash continuations, keyword/value pairs. iproute2's and busybox's forms are both
// accepted; a line that starts like data but cannot be read (a cut-off paste) is an error naming that line,
// while prompts and other chatter around the output are skipped.
#include "address.h"
#include "capture_parsers.h"
#include "text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {
namespace {

// "No interface/route yet": a plain index, since GCC 12 at -O3 misreads std::optional<size_t> in a
// loop as maybe-uninitialized.
constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

// ---- text

using text::isDigit;
using text::isHexDigit;
using text::isSpace;
using text::parseWhole;
using text::quoted;
using text::splitWords;
using text::trim;

struct Line
{
    std::size_t number = 0; // 1-based, for messages
    std::string_view text;
};

std::vector<Line> splitLines(std::string_view text)
{
    std::vector<Line> lines;
    for (std::string_view line : text::splitLines(text))
        lines.push_back({lines.size() + 1, line});
    return lines;
}

bool allBlank(const std::vector<Line> &lines)
{
    for (const Line &l : lines) {
        if (!trim(l.text).empty())
            return false;
    }
    return true;
}

bool indented(std::string_view line)
{
    return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

std::string firstNonBlank(const std::vector<Line> &lines)
{
    for (const Line &l : lines) {
        if (!trim(l.text).empty())
            return quoted(l.text);
    }
    return "\"\"";
}

// "ifconfig: command not found", "sh: 1: ip: not found", "Command 'ifconfig' not found, but can be
// installed".
bool saysNotInstalled(const std::vector<Line> &lines, std::string_view tool)
{
    std::size_t seen = 0;
    for (const Line &l : lines) {
        const auto t = trim(l.text);
        if (t.empty())
            continue;
        if (++seen > 4)
            break;
        const std::string quoted = "'" + std::string(tool) + "'";
        const std::string colon = std::string(tool) + ":";
        if (t.find("not found") != std::string_view::npos &&
            (t.find(colon) != std::string_view::npos || t.find(quoted) != std::string_view::npos))
            return true;
    }
    return false;
}

// ---- addresses

enum class Family
{
    V4,
    V6
};

struct IpAddress
{
    Family family = Family::V4;
    std::string text; // canonical
};

std::optional<IpAddress> parseAddress(std::string_view s)
{
    if (auto v4 = parseIpv4(s))
        return IpAddress{Family::V4, formatIpv4(*v4)};
    if (auto v6 = parseIpv6(s))
        return IpAddress{Family::V6, formatIpv6(*v6)};
    return std::nullopt;
}

struct Prefixed
{
    IpAddress address;
    int prefix = 0;
    bool hasPrefix = false;
};

// "ADDR" or "ADDR/N".
std::optional<Prefixed> parsePrefixed(std::string_view s)
{
    const std::size_t slash = s.find('/');
    auto address = parseAddress(s.substr(0, slash));
    if (!address)
        return std::nullopt;
    Prefixed p{*address, address->family == Family::V4 ? 32 : 128, false};
    if (slash != std::string_view::npos) {
        const std::string_view digits = s.substr(slash + 1);
        const auto n = parsePrefixLength(digits, p.prefix);
        if (!n)
            return std::nullopt;
        p.prefix = *n;
        p.hasPrefix = true;
    }
    return p;
}

// ---- interfaces

// "eth0@if12" and "sit0@NONE" name the link's peer after the '@'; "eth0:1" is an alias label of eth0
// (':' cannot appear in a Linux interface name).
std::string_view baseInterfaceName(std::string_view name)
{
    const std::size_t cut = name.find_first_of("@:");
    return cut == std::string_view::npos ? name : name.substr(0, cut);
}

class InterfaceTable
{
public:
    std::size_t indexOf(std::string_view name)
    {
        for (std::size_t i = 0; i < m_list.size(); ++i) {
            if (m_list[i].name == name)
                return i;
        }
        m_list.push_back(NetInterface{});
        m_list.back().name = std::string(name);
        return m_list.size() - 1;
    }
    NetInterface &at(std::size_t i) { return m_list[i]; }
    bool empty() const { return m_list.empty(); }
    std::vector<NetInterface> take() { return std::move(m_list); }

    static void addAddress(NetInterface &iface, const IpAddress &address, int prefix)
    {
        auto &list = address.family == Family::V4 ? iface.ipv4 : iface.ipv6;
        for (const Address &a : list) {
            if (a.address == address.text && a.prefix == prefix)
                return;
        }
        list.push_back(Address{address.text, prefix});
    }

private:
    std::vector<NetInterface> m_list;
};

// "<BROADCAST,MULTICAST,UP,LOWER_UP>" -> the flag words.
std::vector<std::string_view> splitFlags(std::string_view flags)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= flags.size()) {
        std::size_t comma = flags.find(',', start);
        if (comma == std::string_view::npos)
            comma = flags.size();
        if (comma > start)
            out.push_back(flags.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

bool hasFlag(std::string_view flags, std::string_view flag)
{
    for (auto f : splitFlags(flags)) {
        if (f == flag)
            return true;
    }
    return false;
}

CaptureError cutOff(const Line &line, std::string_view what, std::string_view command)
{
    return CaptureError{"Line " + std::to_string(line.number) + " (" + quoted(line.text) + ") " +
                        std::string(what) +
                        "; the paste looks cut off or altered, so paste the whole output of " +
                        std::string(command) + " again."};
}

// ---- ip addr

constexpr std::string_view kIpAddr = "`ip addr`";

// `ip -o` joins an interface's lines with a backslash: "1: lo    inet 127.0.0.1/8 scope host
// lo\       valid_lft".
std::vector<std::string_view> splitContinuations(std::string_view line)
{
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && (i + 1 == line.size() || isSpace(line[i + 1]))) {
            segments.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    segments.push_back(line.substr(start));
    return segments;
}

struct IpHeader
{
    std::string_view name;
    bool link =
        false; // "N: NAME: <FLAGS> mtu ..." (a link line) rather than "N: NAME    inet ..." (ip -o addr)
    std::string_view rest; // after the name
};

// "2: eth0@if12: <...>" or "2: eth0    inet ...".
std::optional<IpHeader> ipHeader(std::string_view segment)
{
    std::string_view s = segment;
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    std::size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i == 0 || i > 10 || i + 1 >= s.size() || s[i] != ':' || !isSpace(s[i + 1]))
        return std::nullopt;
    s.remove_prefix(i + 1);
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    std::size_t end = 0;
    while (end < s.size() && !isSpace(s[end]))
        ++end;
    IpHeader h;
    std::string_view name = s.substr(0, end);
    if (!name.empty() && name.back() == ':') {
        name.remove_suffix(1);
        h.link = true;
    }
    h.name = baseInterfaceName(name);
    if (h.name.empty())
        return std::nullopt;
    h.rest = s.substr(end);
    return h;
}

std::optional<CaptureError> applyIpLinkHeader(NetInterface &iface, const IpHeader &h, const Line &line)
{
    const std::string_view rest = trim(h.rest);
    if (rest.empty())
        return cutOff(line, "ends after the interface name", kIpAddr);
    const std::size_t lt = rest.find('<');
    if (lt != std::string_view::npos) {
        const std::size_t gt = rest.find('>', lt);
        if (gt == std::string_view::npos)
            return cutOff(line, "has no end to its <FLAGS> list", kIpAddr);
        iface.up = hasFlag(rest.substr(lt + 1, gt - lt - 1), "UP");
    }
    const auto words = splitWords(rest);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] != "mtu")
            continue;
        if (i + 1 >= words.size())
            return cutOff(line, "ends after \"mtu\"", kIpAddr);
        auto mtu = parseWhole<int>(words[i + 1]);
        if (!mtu || *mtu < 0)
            return cutOff(line, "has an MTU that is not a number", kIpAddr);
        iface.mtu = *mtu;
        break;
    }
    return std::nullopt;
}

// One attribute line of an interface: "link/ether MAC brd ...", "inet A/N [peer P/N] ...", "inet6 A/N ...";
// others (valid_lft, altname, vf, ...) are skipped.
std::optional<CaptureError> applyIpAttribute(NetInterface &iface, std::string_view segment, const Line &line)
{
    const auto words = splitWords(segment);
    if (words.empty())
        return std::nullopt;
    if (words[0] == "link/ether") {
        if (words.size() < 2)
            return cutOff(line, "ends after \"link/ether\"", kIpAddr);
        auto mac = normalizeMac(words[1]);
        if (!mac)
            return cutOff(line, "has a link/ether address that is not a MAC address", kIpAddr);
        iface.mac = *mac;
        return std::nullopt;
    }
    if (words[0] != "inet" && words[0] != "inet6")
        return std::nullopt;
    const bool v4 = words[0] == "inet";
    if (words.size() < 2)
        return cutOff(line, "ends after \"" + std::string(words[0]) + "\"", kIpAddr);
    auto local = parsePrefixed(words[1]);
    if (!local)
        return cutOff(line, "has an address that cannot be read", kIpAddr);
    if ((local->address.family == Family::V4) != v4)
        return cutOff(line,
                      v4 ? "has an IPv6 address on an inet line" : "has an IPv4 address on an inet6 line",
                      kIpAddr);
    int prefix = local->prefix;
    // "inet 10.8.0.2 peer 10.8.0.1/32": the prefix is the peer's.
    if (words.size() >= 4 && words[2] == "peer") {
        auto peer = parsePrefixed(words[3]);
        if (!peer || peer->address.family != local->address.family)
            return cutOff(line, "has a peer address that cannot be read", kIpAddr);
        prefix = peer->prefix;
    }
    InterfaceTable::addAddress(iface, local->address, prefix);
    return std::nullopt;
}

bool isOperState(std::string_view w)
{
    static const std::set<std::string_view> states = {"UP",      "DOWN",       "UNKNOWN", "LOWERLAYERDOWN",
                                                      "DORMANT", "NOTPRESENT", "TESTING"};
    return states.count(w) != 0;
}

// `ip -br addr` / `ip -br link`: "eth0  UP  172.19.132.144/20 fe80::215:5dff:fe73:e10e/64" or
// "eth0  UP  00:15:5d:73:e1:0e <BROADCAST,MULTICAST,UP,LOWER_UP>". Empty when the text is not in that form.
std::optional<std::vector<NetInterface>> parseIpBrief(const std::vector<Line> &lines)
{
    InterfaceTable table;
    for (const Line &line : lines) {
        const auto words = splitWords(line.text);
        if (words.empty())
            continue;
        const std::string_view name = baseInterfaceName(words[0]); // "" for ":1" or "@NONE": no interface
        if (words.size() < 2 || !isOperState(words[1]) || indented(line.text) || name.empty())
            return std::nullopt;
        NetInterface &iface = table.at(table.indexOf(name));
        std::optional<bool> flagsUp;
        bool loopback = false;
        for (std::size_t i = 2; i < words.size(); ++i) {
            const auto w = words[i];
            if (w.front() == '<') {
                if (w.back() != '>')
                    return std::nullopt;
                flagsUp = hasFlag(w.substr(1, w.size() - 2), "UP");
                loopback = hasFlag(w.substr(1, w.size() - 2), "LOOPBACK");
            } else if (auto mac = normalizeMac(w)) {
                iface.mac = *mac;
            } else if (auto a = parsePrefixed(w)) {
                InterfaceTable::addAddress(iface, a->address, a->prefix);
            } else {
                return std::nullopt;
            }
        }
        if (loopback)
            iface.mac.clear();
        if (flagsUp)
            iface.up = flagsUp;
        else if (words[1] == "UP" || words[1] == "UNKNOWN" || words[1] == "LOWERLAYERDOWN" ||
                 words[1] == "DORMANT")
            iface.up = true; // the operational state implies the interface was set up; DOWN does not say
    }
    if (table.empty())
        return std::nullopt;
    return table.take();
}

bool looksLikeIfconfig(const std::vector<Line> &lines)
{
    for (const Line &l : lines) {
        if (l.text.find(": flags=") != std::string_view::npos ||
            l.text.find("encap:") != std::string_view::npos)
            return true;
    }
    return false;
}

CaptureResult<std::vector<NetInterface>> parseIpAddrText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return CaptureError{"The input is empty; paste the output of `ip addr` run inside the distro."};
    if (saysNotInstalled(lines, "ip"))
        return CaptureError{"The ip command is not installed there (" + firstNonBlank(lines) +
                            "\"); install iproute2, or paste the output of `ifconfig -a` as kind ifconfig."};

    InterfaceTable table;
    std::size_t current = kNoIndex;
    std::size_t headers = 0;
    for (const Line &line : lines) {
        if (trim(line.text).empty())
            continue;
        const auto segments = splitContinuations(line.text);
        std::size_t first = 0;
        if (auto h = ipHeader(segments[0])) {
            ++headers;
            current = table.indexOf(h->name);
            NetInterface &iface = table.at(current);
            if (h->link) {
                if (auto err = applyIpLinkHeader(iface, *h, line))
                    return *err;
            } else {
                if (trim(h->rest).empty())
                    return cutOff(line, "ends after the interface name", kIpAddr);
                if (auto err = applyIpAttribute(iface, h->rest, line))
                    return *err;
            }
            first = 1;
        } else if (!indented(line.text)) {
            // A prompt or a message around the output; a line that starts like an interface line is data.
            if (headers > 0 && isDigit(trim(line.text).front()))
                return cutOff(line, "is not an interface line", kIpAddr);
            current = kNoIndex;
            continue;
        }
        if (current == kNoIndex)
            continue;
        for (std::size_t i = first; i < segments.size(); ++i) {
            if (auto err = applyIpAttribute(table.at(current), segments[i], line))
                return *err;
        }
    }
    if (headers == 0) {
        if (auto brief = parseIpBrief(lines))
            return *brief;
        if (looksLikeIfconfig(lines))
            return CaptureError{"This is ifconfig output, not ip addr output; parse it as kind ifconfig."};
        return CaptureError{"No interface line (\"2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ...\") "
                            "was found (the input starts with " +
                            firstNonBlank(lines) + "); paste the output of `ip addr`."};
    }
    return table.take();
}

// ---- ifconfig

constexpr std::string_view kIfconfig = "`ifconfig -a`";

// net-tools 2.x ("eth0: flags=...") or busybox and net-tools 1.60 ("eth0      Link encap:...").
enum class IfconfigStyle
{
    NetTools,
    Classic
};

// "255.255.240.0" or "0xfffff000" -> 20; a mask with holes has no prefix length.
std::optional<CaptureError> maskToPrefix(std::string_view mask, const Line &line, std::string_view ifname,
                                         int &prefix)
{
    std::optional<std::uint32_t> m;
    if (mask.starts_with("0x") || mask.starts_with("0X"))
        m = mask.size() <= 10 ? parseWhole<std::uint32_t>(mask.substr(2), 16) : std::nullopt;
    else
        m = parseIpv4(mask);
    if (!m)
        return cutOff(line, "has a netmask that cannot be read", kIfconfig);
    const auto length = prefixOfMask(*m);
    if (!length)
        return CaptureError{"Line " + std::to_string(line.number) + ": the netmask " + quoted(mask) + " of " +
                            quoted(ifname) +
                            " is not contiguous, so it has no prefix length; check the interface's "
                            "configuration, or paste `ip addr`, which prints prefix lengths."};
    prefix = *length;
    return std::nullopt;
}

// "addr:172.19.132.144" -> "172.19.132.144" (the label is translated in old net-tools: "Adresse:").
std::optional<std::string_view> labelledValue(std::string_view word)
{
    const std::size_t colon = word.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return std::nullopt;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = word[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
            return std::nullopt;
    }
    return word.substr(colon + 1);
}

std::optional<CaptureError> applyIfconfigAttribute(NetInterface &iface, IfconfigStyle style, const Line &line,
                                                   std::string_view ifname)
{
    const auto words = splitWords(line.text);
    if (words.empty())
        return std::nullopt;
    if (style == IfconfigStyle::NetTools) {
        if (words[0] == "inet") {
            // "inet 172.19.132.144  netmask 255.255.240.0  broadcast 172.19.143.255"
            auto a = words.size() >= 2 ? parseIpv4(words[1]) : std::nullopt;
            if (!a)
                return cutOff(line, "has an inet address that cannot be read", kIfconfig);
            std::size_t k = 2;
            while (k < words.size() && words[k] != "netmask")
                ++k;
            if (k + 1 >= words.size())
                return cutOff(line, "has no netmask", kIfconfig);
            int prefix = 0;
            if (auto err = maskToPrefix(words[k + 1], line, ifname, prefix))
                return err;
            InterfaceTable::addAddress(iface, {Family::V4, formatIpv4(*a)}, prefix);
        } else if (words[0] == "inet6") {
            // "inet6 fe80::215:5dff:fe73:e10e  prefixlen 64  scopeid 0x20<link>" (macOS: "fe80::1%lo0")
            std::string_view text = words.size() >= 2 ? words[1] : std::string_view{};
            text = text.substr(0, text.find('%'));
            auto a = parseIpv6(text);
            if (!a)
                return cutOff(line, "has an inet6 address that cannot be read", kIfconfig);
            std::size_t k = 2;
            while (k < words.size() && words[k] != "prefixlen")
                ++k;
            auto prefix = k + 1 < words.size() ? parsePrefixLength(words[k + 1], 128) : std::nullopt;
            if (!prefix)
                return cutOff(line, "has no prefix length", kIfconfig);
            InterfaceTable::addAddress(iface, {Family::V6, formatIpv6(*a)}, *prefix);
        } else if (words[0] == "ether") {
            auto mac = words.size() >= 2 ? normalizeMac(words[1]) : std::nullopt;
            if (!mac)
                return cutOff(line, "has an ether address that is not a MAC address", kIfconfig);
            if (iface.mac.empty())
                iface.mac = *mac;
        }
        return std::nullopt;
    }

    // Classic (busybox, net-tools 1.60): "inet addr:A  Bcast:B  Mask:M", "inet6 addr: A/N Scope:Link",
    // "UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1".
    if (words[0] == "inet" && words.size() >= 2) {
        std::vector<std::uint32_t> values;
        for (std::size_t k = 1; k < words.size(); ++k) {
            if (auto v = labelledValue(words[k])) {
                if (auto b = parseIpv4(*v))
                    values.push_back(*b);
                else if (!v->empty())
                    return cutOff(line, "has an address that cannot be read", kIfconfig);
            }
        }
        if (values.size() < 2) // the address first, the mask last
            return cutOff(line, "has no address and mask", kIfconfig);
        int prefix = 0;
        if (auto err = maskToPrefix(formatIpv4(values.back()), line, ifname, prefix))
            return err;
        InterfaceTable::addAddress(iface, {Family::V4, formatIpv4(values.front())}, prefix);
        return std::nullopt;
    }
    if (words[0] == "inet6") {
        for (std::size_t k = 1; k < words.size(); ++k) {
            std::string_view w = words[k];
            if (w.find('/') == std::string_view::npos)
                continue;
            auto p = parsePrefixed(w);
            if (!p) {
                if (auto v = labelledValue(w))
                    p = parsePrefixed(*v);
            }
            if (!p || !p->hasPrefix || p->address.family != Family::V6)
                return cutOff(line, "has an inet6 address that cannot be read", kIfconfig);
            InterfaceTable::addAddress(iface, p->address, p->prefix);
            return std::nullopt;
        }
        return cutOff(line, "has no inet6 address with a prefix length", kIfconfig);
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (!words[k].starts_with("MTU:"))
            continue;
        auto mtu = parseWhole<int>(words[k].substr(4));
        if (!mtu || *mtu < 0)
            return cutOff(line, "has an MTU that is not a number", kIfconfig);
        if (!iface.mtu)
            iface.mtu = *mtu;
        bool up = false;
        for (std::size_t f = 0; f < k; ++f)
            up = up || words[f] == "UP";
        if (!iface.up)
            iface.up = up;
        break;
    }
    return std::nullopt;
}

CaptureResult<std::vector<NetInterface>> parseIfconfigText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return CaptureError{"The input is empty (ifconfig without -a lists only interfaces that are up); "
                            "paste the output of `ifconfig -a`."};
    if (saysNotInstalled(lines, "ifconfig"))
        return CaptureError{"The ifconfig command is not installed there (" + firstNonBlank(lines) +
                            "\"); paste the output of `ip addr` as kind ip-addr instead."};

    InterfaceTable table;
    std::size_t current = kNoIndex;
    std::string_view currentName;
    IfconfigStyle style = IfconfigStyle::NetTools;
    std::size_t headers = 0;
    for (const Line &line : lines) {
        const std::string_view t = trim(line.text);
        if (t.empty()) {
            current = kNoIndex;
            continue;
        }
        if (indented(line.text)) {
            if (current != kNoIndex) {
                if (auto err = applyIfconfigAttribute(table.at(current), style, line, currentName))
                    return *err;
            }
            continue;
        }
        current = kNoIndex;
        const std::size_t flagsAt = t.find(": flags=");
        const auto words = splitWords(t);
        if (flagsAt != std::string_view::npos && flagsAt > 0 && !isSpace(t[flagsAt - 1]) &&
            t.substr(0, flagsAt).find(' ') == std::string_view::npos) {
            // "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500"
            ++headers;
            style = IfconfigStyle::NetTools;
            currentName = t.substr(0, flagsAt);
            const std::string_view base = baseInterfaceName(currentName);
            if (base.empty())
                return cutOff(line, "has no interface name", kIfconfig);
            current = table.indexOf(base);
            NetInterface &iface = table.at(current);
            const std::string_view rest = t.substr(flagsAt + 8);
            const std::size_t lt = rest.find('<');
            const std::size_t gt = lt == std::string_view::npos ? lt : rest.find('>', lt);
            if (gt == std::string_view::npos)
                return cutOff(line, "has no complete <FLAGS> list", kIfconfig);
            const auto restWords = splitWords(rest.substr(gt + 1));
            std::optional<int> mtu;
            for (std::size_t k = 0; k + 1 < restWords.size(); ++k) {
                if (restWords[k] == "mtu")
                    mtu = parseWhole<int>(restWords[k + 1]);
            }
            if (!mtu || *mtu < 0)
                return cutOff(line, "has no MTU", kIfconfig);
            if (!iface.up)
                iface.up = hasFlag(rest.substr(lt + 1, gt - lt - 1), "UP");
            if (!iface.mtu)
                iface.mtu = mtu;
        } else if (words.size() >= 2 && t.find("encap:") != std::string_view::npos) {
            // "eth0      Link encap:Ethernet  HWaddr 00:15:5D:73:E1:0E"
            ++headers;
            style = IfconfigStyle::Classic;
            currentName = words[0];
            const std::string_view base = baseInterfaceName(currentName);
            if (base.empty())
                return cutOff(line, "has no interface name", kIfconfig);
            current = table.indexOf(base);
            NetInterface &iface = table.at(current);
            if (t.find("encap:Ethernet") != std::string_view::npos && iface.mac.empty()) {
                for (std::size_t k = 1; k < words.size(); ++k) {
                    if (auto mac = normalizeMac(words[k]))
                        iface.mac = *mac;
                }
            }
        } else if (headers > 0 && t.find(": flags") != std::string_view::npos) {
            return cutOff(line, "is not a complete interface line", kIfconfig);
        }
        // Anything else is a prompt or a message around the output.
    }
    if (headers == 0) {
        for (const Line &l : lines) {
            if (ipHeader(l.text))
                return CaptureError{"This is ip addr output, not ifconfig output; parse it as kind ip-addr."};
        }
        return CaptureError{"No interface line (\"eth0: flags=4163<UP,...>  mtu 1500\" or \"eth0      Link "
                            "encap:Ethernet ...\") was found (the input starts with " +
                            firstNonBlank(lines) + "); paste the output of `ifconfig -a`."};
    }
    return table.take();
}

// ---- ip route

constexpr std::string_view kIpRoute = "`ip route` and `ip -6 route`";

bool isRouteType(std::string_view w)
{
    static const std::set<std::string_view> types = {"unicast", "local",       "broadcast", "multicast",
                                                     "throw",   "unreachable", "prohibit",  "blackhole",
                                                     "nat",     "anycast"};
    return types.count(w) != 0;
}

// Keywords of `ip route` output that take one value ("mtu lock 1400" takes two).
bool takesValue(std::string_view w)
{
    static const std::set<std::string_view> keys = {
        "via",      "dev",           "src",      "from",
        "proto",    "scope",         "metric",   "table",
        "pref",     "error",         "expires",  "realm",
        "realms",   "tos",           "dsfield",  "nhid",
        "mtu",      "advmss",        "hoplimit", "initcwnd",
        "initrwnd", "window",        "rtt",      "rttvar",
        "rto_min",  "ssthresh",      "cwnd",     "reordering",
        "features", "quickack",      "congctl",  "fastopen_no_cookie",
        "weight",   "ttl-propagate", "encap",    "age",
        "users",    "used",          "ipid"};
    return keys.count(w) != 0;
}

// A word that can only begin an attempt at a route line: a digit, or hex digits and colons (IPv6).
bool looksLikeRouteStart(std::string_view w)
{
    if (w.empty())
        return false;
    if (isDigit(w.front()) || w == "default" || isRouteType(w))
        return true;
    bool colon = false;
    for (char c : w) {
        if (c == ':')
            colon = true;
        else if (!isHexDigit(c) && c != '.' && c != '/')
            return false;
    }
    return colon;
}

// Reads "via X", "dev Y", "src Z" and skips the other keywords from words[i]; returns an error for a value
// that cannot be read.
std::optional<CaptureError> readRouteKeys(const std::vector<std::string_view> &words, std::size_t i, Route &r,
                                          const Line &line)
{
    while (i < words.size()) {
        const std::string_view key = words[i];
        if (!takesValue(key)) {
            ++i; // a flag (onlink, linkdown, dead, ...) or a word this parser does not know
            continue;
        }
        if (i + 1 >= words.size())
            return cutOff(line, "ends after \"" + std::string(key) + "\"", kIpRoute);
        std::string_view value = words[i + 1];
        i += 2;
        if (value == "lock" && i < words.size()) // "mtu lock 1400"
            value = words[i++];
        if (key == "via") {
            if ((value == "inet" || value == "inet6") && i < words.size()) // "via inet6 fe80::1" (RFC 5549)
                value = words[i++];
            auto gw = parseAddress(value);
            if (!gw)
                return cutOff(line, "has a gateway that cannot be read", kIpRoute);
            r.gateway = gw->text;
        } else if (key == "src") {
            auto src = parseAddress(value);
            if (!src)
                return cutOff(line, "has a source address that cannot be read", kIpRoute);
            r.source = src->text;
        } else if (key == "dev") {
            r.dev = std::string(baseInterfaceName(value));
            if (r.dev.empty()) // "dev @x": a suffix and no name
                return cutOff(line, "has no interface name after \"dev\"", kIpRoute);
        }
    }
    return std::nullopt;
}

CaptureResult<std::vector<Route>> parseIpRouteText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return CaptureError{"The input is empty; paste the output of `ip route` (and `ip -6 route`)."};
    if (saysNotInstalled(lines, "ip"))
        return CaptureError{
            "The ip command is not installed there (" + firstNonBlank(lines) +
            "\"); install iproute2 to paste its routes (a snapshot reads /proc/net/route by itself)."};

    std::vector<Route> routes;
    std::size_t multipath = kNoIndex; // the route whose "nexthop" lines follow
    std::size_t nexthops = 0;
    for (const Line &line : lines) {
        const auto words = splitWords(line.text);
        if (words.empty())
            continue;
        if (indented(line.text)) {
            // "	nexthop via 10.0.0.1 dev eth0 weight 1": one route per next hop, same destination.
            if (words[0] != "nexthop" || multipath == kNoIndex)
                continue;
            Route hop = routes[multipath];
            hop.gateway.clear();
            hop.dev.clear();
            if (auto err = readRouteKeys(words, 1, hop, line))
                return *err;
            if (nexthops++ == 0)
                routes[multipath] = std::move(hop);
            else
                routes.push_back(std::move(hop));
            continue;
        }
        multipath = kNoIndex;
        std::size_t i = 0;
        if (isRouteType(words[0]))
            ++i;
        std::optional<Prefixed> dest;
        if (i < words.size() && words[i] != "default")
            dest = parsePrefixed(words[i]);
        if (i >= words.size() || (words[i] != "default" && !dest)) {
            if (looksLikeRouteStart(words[0]) && !ipHeader(line.text))
                return cutOff(line, "has a destination that cannot be read", kIpRoute);
            continue; // a prompt or a message
        }
        Route r;
        if (!dest)
            r.destination = "default";
        else
            r.destination = dest->address.text + '/' + std::to_string(dest->prefix);
        if (auto err = readRouteKeys(words, i + 1, r, line))
            return *err;
        routes.push_back(std::move(r));
        if (routes.back().dev.empty() && routes.back().gateway.empty()) {
            multipath = routes.size() - 1;
            nexthops = 0;
        }
    }
    if (routes.empty()) {
        for (const Line &l : lines) {
            if (ipHeader(l.text))
                return CaptureError{"This is ip addr output, not ip route output; parse it as kind ip-addr."};
        }
        return CaptureError{
            "No route line (\"default via 172.19.128.1 dev eth0\") was found (the input starts "
            "with " +
            firstNonBlank(lines) + "); paste the output of `ip route` and `ip -6 route`."};
    }
    return routes;
}

// ---- resolv.conf

CaptureResult<std::vector<std::string>> parseResolvConfText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return CaptureError{"The input is empty; paste the output of `cat /etc/resolv.conf`."};
    std::vector<std::string> nameservers;
    std::size_t known = 0;
    std::size_t unknown = 0;
    for (const Line &line : lines) {
        const std::string_view t = trim(line.text);
        if (t.empty() || t.front() == '#' || t.front() == ';') {
            if (!t.empty())
                ++known; // comments, such as WSL's "This file was automatically generated by WSL" header
            continue;
        }
        const auto words = splitWords(t);
        static const std::set<std::string_view> keywords = {"nameserver", "search", "domain", "options",
                                                            "sortlist",   "lookup", "family"};
        if (keywords.count(words[0]) == 0) {
            if (t.find("No such file or directory") != std::string_view::npos)
                return CaptureError{"The file does not exist there (" + quoted(t) +
                                    "); that distro has no DNS configuration to show."};
            ++unknown;
            continue;
        }
        ++known;
        if (words[0] != "nameserver")
            continue;
        if (words.size() < 2)
            return cutOff(line, "has no address after \"nameserver\"", "`cat /etc/resolv.conf`");
        // "fe80::1%eth0": a link-local server keeps its zone.
        const std::string_view value = words[1];
        const std::size_t percent = value.find('%');
        auto address = parseAddress(value.substr(0, percent));
        if (!address || (percent != std::string_view::npos &&
                         (address->family != Family::V6 || percent + 1 == value.size())))
            return cutOff(line, "has a nameserver address that cannot be read", "`cat /etc/resolv.conf`");
        std::string ns = address->text;
        if (percent != std::string_view::npos)
            ns += value.substr(percent);
        nameservers.push_back(std::move(ns));
    }
    if (known == 0 && unknown > 0)
        return CaptureError{
            "No resolv.conf line (\"nameserver 172.19.128.1\") was found (the input starts with " +
            firstNonBlank(lines) + "); paste the output of `cat /etc/resolv.conf`."};
    return nameservers;
}

// ---- entry points: bytes (any encoding decodeCaptureText knows) -> text -> values; nothing escapes

template <typename T, typename F> CaptureResult<T> guarded(std::string_view bytes, F parse)
{
    try {
        const std::string text = decodeCaptureText(bytes);
        return parse(std::string_view(text));
    } catch (...) {
        return CaptureError{"The input could not be read (out of memory?); paste a shorter excerpt."};
    }
}

} // namespace

CaptureResult<std::vector<NetInterface>> parseIpAddr(std::string_view bytes)
{
    return guarded<std::vector<NetInterface>>(bytes, parseIpAddrText);
}

CaptureResult<std::vector<NetInterface>> parseIfconfig(std::string_view bytes)
{
    return guarded<std::vector<NetInterface>>(bytes, parseIfconfigText);
}

CaptureResult<std::vector<Route>> parseIpRoute(std::string_view bytes)
{
    return guarded<std::vector<Route>>(bytes, parseIpRouteText);
}

CaptureResult<std::vector<std::string>> parseResolvConf(std::string_view bytes)
{
    return guarded<std::vector<std::string>>(bytes, parseResolvConfText);
}

} // namespace wslatlas
