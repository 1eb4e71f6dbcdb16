// `ip addr` (capture_parsers.h): "N: NAME: <FLAGS> mtu M" headers with indented attribute lines, `ip -o`'s
// backslash continuations, and `ip -br`'s one line per interface. A line that starts like data but cannot be
// read (a cut-off paste) is an error naming that line; prompts and other chatter around the output are
// skipped.
#include "address.h"
#include "capture_parsers.h"
#include "linux_net_support.h"
#include "text.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {
namespace linuxnet {
namespace {

using text::isDigit;
using text::isSpace;
using text::parseWhole;
using text::splitWords;
using text::trim;

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

std::optional<Error> applyIpLinkHeader(NetInterface &iface, const IpHeader &h, const Line &line)
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
std::optional<Error> applyIpAttribute(NetInterface &iface, std::string_view segment, const Line &line)
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

Result<std::vector<NetInterface>> parseIpAddrText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return Error{"The input is empty; paste the output of `ip addr` run inside the distro."};
    if (saysNotInstalled(lines, "ip"))
        return Error{"The ip command is not installed there (" + firstNonBlank(lines) +
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
            return Error{"This is ifconfig output, not ip addr output; parse it as kind ifconfig."};
        return Error{"No interface line (\"2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ...\") "
                     "was found (the input starts with " +
                     firstNonBlank(lines) + "); paste the output of `ip addr`."};
    }
    return table.take();
}

} // namespace
} // namespace linuxnet

Result<std::vector<NetInterface>> parseIpAddr(std::string_view bytes)
{
    return linuxnet::guarded<std::vector<NetInterface>>(bytes, linuxnet::parseIpAddrText);
}

} // namespace wslatlas
