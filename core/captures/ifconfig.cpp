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

} // namespace
} // namespace linuxnet

CaptureResult<std::vector<NetInterface>> parseIfconfig(std::string_view bytes)
{
    return linuxnet::guarded<std::vector<NetInterface>>(bytes, linuxnet::parseIfconfigText);
}

} // namespace wslatlas
