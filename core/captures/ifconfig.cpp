// `ifconfig -a` (capture_parsers.h), in net-tools 2.x's form ("eth0: flags=4163<UP,...>  mtu 1500" and
// "inet A  netmask M" lines) and in busybox's and net-tools 1.60's ("eth0      Link encap:Ethernet" and
// "inet addr:A  Bcast:B  Mask:M" lines, whose labels old net-tools translates). Netmasks become prefix
// lengths. A line that starts like data but cannot be read is an error naming that line; prompts and other
// chatter around the output are skipped.
#include "address.h"
#include "capture_parsers.h"
#include "linux_net_support.h"
#include "text.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {
namespace linuxnet {
namespace {

using text::isSpace;
using text::parseWhole;
using text::quoted;
using text::splitWords;
using text::trim;

constexpr std::string_view kIfconfig = "`ifconfig -a`";

// net-tools 2.x ("eth0: flags=...") or busybox and net-tools 1.60 ("eth0      Link encap:...").
enum class IfconfigStyle
{
    NetTools,
    Classic
};

// "255.255.240.0" or "0xfffff000" -> 20; a mask with holes has no prefix length.
std::optional<Error> netmaskPrefix(std::string_view mask, const Line &line, std::string_view ifname,
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
        return Error{"Line " + std::to_string(line.number) + ": the netmask " + quoted(mask) + " of " +
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

using Words = std::vector<std::string_view>;

// net-tools 2.x: "inet 172.19.132.144  netmask 255.255.240.0  broadcast 172.19.143.255".
std::optional<Error> applyNetToolsInet(NetInterface &iface, const Words &words, const Line &line,
                                       std::string_view ifname)
{
    auto a = words.size() >= 2 ? parseIpv4(words[1]) : std::nullopt;
    if (!a)
        return cutOff(line, "has an inet address that cannot be read", kIfconfig);
    std::size_t k = 2;
    while (k < words.size() && words[k] != "netmask")
        ++k;
    if (k + 1 >= words.size())
        return cutOff(line, "has no netmask", kIfconfig);
    int prefix = 0;
    if (auto err = netmaskPrefix(words[k + 1], line, ifname, prefix))
        return err;
    InterfaceTable::addAddress(iface, {Family::V4, formatIpv4(*a)}, prefix);
    return std::nullopt;
}

// net-tools 2.x: "inet6 fe80::215:5dff:fe73:e10e  prefixlen 64  scopeid 0x20<link>" (macOS: "fe80::1%lo0").
std::optional<Error> applyNetToolsInet6(NetInterface &iface, const Words &words, const Line &line)
{
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
    return std::nullopt;
}

// net-tools 2.x attribute lines: inet, inet6 and "ether MAC"; the others (RX/TX counters, loop, ...) are
// skipped. The first MAC read for an interface stays: an alias section ("eth0:1") names it again.
std::optional<Error> applyNetToolsAttribute(NetInterface &iface, const Words &words, const Line &line,
                                            std::string_view ifname)
{
    if (words[0] == "inet")
        return applyNetToolsInet(iface, words, line, ifname);
    if (words[0] == "inet6")
        return applyNetToolsInet6(iface, words, line);
    if (words[0] == "ether") {
        auto mac = words.size() >= 2 ? normalizeMac(words[1]) : std::nullopt;
        if (!mac)
            return cutOff(line, "has an ether address that is not a MAC address", kIfconfig);
        if (iface.mac.empty())
            iface.mac = *mac;
    }
    return std::nullopt;
}

// Classic: "inet addr:A  Bcast:B  Mask:M" (the labels translated in old net-tools). The address comes
// first and the mask last; a point-to-point link puts "P-t-P:P" between them.
std::optional<Error> applyClassicInet(NetInterface &iface, const Words &words, const Line &line,
                                      std::string_view ifname)
{
    std::vector<std::uint32_t> values;
    for (std::size_t k = 1; k < words.size(); ++k) {
        if (auto v = labelledValue(words[k])) {
            if (auto b = parseIpv4(*v))
                values.push_back(*b);
            else if (!v->empty())
                return cutOff(line, "has an address that cannot be read", kIfconfig);
        }
    }
    if (values.size() < 2)
        return cutOff(line, "has no address and mask", kIfconfig);
    int prefix = 0;
    if (auto err = netmaskPrefix(formatIpv4(values.back()), line, ifname, prefix))
        return err;
    InterfaceTable::addAddress(iface, {Family::V4, formatIpv4(values.front())}, prefix);
    return std::nullopt;
}

// Classic: "inet6 addr: fe80::215:5dff:fe73:e10e/64 Scope:Link" (also with "addr:" joined to the address).
std::optional<Error> applyClassicInet6(NetInterface &iface, const Words &words, const Line &line)
{
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

// Classic: "UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1", the flag words before the MTU. Any other
// line has no "MTU:" word and is skipped.
std::optional<Error> applyClassicFlags(NetInterface &iface, const Words &words, const Line &line)
{
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

// One indented line under an interface header, read in the form of that header.
std::optional<Error> applyIfconfigAttribute(NetInterface &iface, IfconfigStyle style, const Line &line,
                                            std::string_view ifname)
{
    const auto words = splitWords(line.text);
    if (words.empty())
        return std::nullopt;
    if (style == IfconfigStyle::NetTools)
        return applyNetToolsAttribute(iface, words, line, ifname);
    if (words[0] == "inet" && words.size() >= 2)
        return applyClassicInet(iface, words, line, ifname);
    if (words[0] == "inet6")
        return applyClassicInet6(iface, words, line);
    return applyClassicFlags(iface, words, line);
}

// Where parseIfconfigText is: the interfaces so far, the one whose attribute lines follow (kNoIndex after
// a blank line or a line that is no header), and the form of its header.
struct IfconfigReader
{
    InterfaceTable table;
    std::size_t current = kNoIndex;
    std::string_view currentName; // as the header names it, alias label included: for messages
    IfconfigStyle style = IfconfigStyle::NetTools;
    std::size_t headers = 0;
};

// A net-tools 2.x header: "eth0: flags=" with a name of no spaces (flagsAt is where ": flags=" starts).
bool isNetToolsHeader(std::string_view t, std::size_t flagsAt)
{
    return flagsAt != std::string_view::npos && flagsAt > 0 && !isSpace(t[flagsAt - 1]) &&
           t.substr(0, flagsAt).find(' ') == std::string_view::npos;
}

// Starts the interface a header names; an alias section ("eth0:1") continues its interface.
std::optional<Error> startInterface(IfconfigReader &r, IfconfigStyle style, std::string_view name,
                                    const Line &line)
{
    ++r.headers;
    r.style = style;
    r.currentName = name;
    const std::string_view base = baseInterfaceName(name);
    if (base.empty())
        return cutOff(line, "has no interface name", kIfconfig);
    r.current = r.table.indexOf(base);
    return std::nullopt;
}

// "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500": the first header of an interface sets its
// state and MTU, an alias's does not.
std::optional<Error> readNetToolsHeader(IfconfigReader &r, std::string_view t, std::size_t flagsAt,
                                        const Line &line)
{
    if (auto err = startInterface(r, IfconfigStyle::NetTools, t.substr(0, flagsAt), line))
        return err;
    NetInterface &iface = r.table.at(r.current);
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
    return std::nullopt;
}

// "eth0      Link encap:Ethernet  HWaddr 00:15:5D:73:E1:0E": only an Ethernet header carries a MAC.
std::optional<Error> readClassicHeader(IfconfigReader &r, std::string_view t, const Words &words,
                                       const Line &line)
{
    if (auto err = startInterface(r, IfconfigStyle::Classic, words[0], line))
        return err;
    NetInterface &iface = r.table.at(r.current);
    if (t.find("encap:Ethernet") != std::string_view::npos && iface.mac.empty()) {
        for (std::size_t k = 1; k < words.size(); ++k) {
            if (auto mac = normalizeMac(words[k]))
                iface.mac = *mac;
        }
    }
    return std::nullopt;
}

// No interface header at all: ip addr output under the wrong kind, or something else entirely.
Error noIfconfigHeader(const std::vector<Line> &lines)
{
    for (const Line &l : lines) {
        if (ipHeader(l.text))
            return Error{"This is ip addr output, not ifconfig output; parse it as kind ip-addr."};
    }
    return Error{"No interface line (\"eth0: flags=4163<UP,...>  mtu 1500\" or \"eth0      Link "
                 "encap:Ethernet ...\") was found (the input starts with " +
                 firstNonBlank(lines) + "); paste the output of `ifconfig -a`."};
}

Result<std::vector<NetInterface>> parseIfconfigText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return Error{"The input is empty (ifconfig without -a lists only interfaces that are up); "
                     "paste the output of `ifconfig -a`."};
    if (saysNotInstalled(lines, "ifconfig"))
        return Error{"The ifconfig command is not installed there (" + firstNonBlank(lines) +
                     "\"); paste the output of `ip addr` as kind ip-addr instead."};

    IfconfigReader r;
    for (const Line &line : lines) {
        const std::string_view t = trim(line.text);
        if (t.empty()) {
            r.current = kNoIndex;
            continue;
        }
        if (indented(line.text)) {
            if (r.current != kNoIndex) {
                if (auto err = applyIfconfigAttribute(r.table.at(r.current), r.style, line, r.currentName))
                    return *err;
            }
            continue;
        }
        r.current = kNoIndex;
        const std::size_t flagsAt = t.find(": flags=");
        const auto words = splitWords(t);
        if (isNetToolsHeader(t, flagsAt)) {
            if (auto err = readNetToolsHeader(r, t, flagsAt, line))
                return *err;
        } else if (words.size() >= 2 && t.find("encap:") != std::string_view::npos) {
            if (auto err = readClassicHeader(r, t, words, line))
                return *err;
        } else if (r.headers > 0 && t.find(": flags") != std::string_view::npos) {
            return cutOff(line, "is not a complete interface line", kIfconfig);
        }
        // Anything else is a prompt or a message around the output.
    }
    if (r.headers == 0)
        return noIfconfigHeader(lines);
    return r.table.take();
}

} // namespace
} // namespace linuxnet

Result<std::vector<NetInterface>> parseIfconfig(std::string_view bytes)
{
    return linuxnet::guarded<std::vector<NetInterface>>(bytes, linuxnet::parseIfconfigText);
}

} // namespace wslatlas
