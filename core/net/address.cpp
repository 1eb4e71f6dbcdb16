#include "address.h"

#include <charconv>

namespace wslatlas {

namespace {
bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
} // namespace

std::optional<std::uint32_t> parseIpv4(std::string_view text)
{
    std::uint32_t out = 0;
    const char *p = text.data();
    const char *end = text.data() + text.size();
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (p == end || *p != '.')
                return std::nullopt;
            ++p;
        }
        unsigned value = 0;
        const char *start = p;
        auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || next == start || next - start > 3 || value > 255)
            return std::nullopt;
        out = (out << 8) | value;
        p = next;
    }
    if (p != end)
        return std::nullopt;
    return out;
}

std::string formatIpv4(std::uint32_t a)
{
    return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xff) + "." +
           std::to_string((a >> 8) & 0xff) + "." + std::to_string(a & 0xff);
}

std::uint32_t prefixToMask(int prefix)
{
    if (prefix <= 0)
        return 0;
    if (prefix >= 32)
        return 0xffffffffu;
    return ~((1u << (32 - prefix)) - 1u);
}

std::optional<int> maskToPrefix(std::string_view mask, std::string &error)
{
    const auto value = parseIpv4(mask);
    if (!value) {
        error = "\"" + std::string(mask) + "\" is not an IPv4 subnet mask";
        return std::nullopt;
    }
    int prefix = 0;
    while (prefix < 32 && (*value & (0x80000000u >> prefix)))
        ++prefix;
    if (prefixToMask(prefix) != *value) {
        error = "the subnet mask " + std::string(mask) +
                " is not contiguous (its one bits have gaps), so it has no prefix length";
        return std::nullopt;
    }
    return prefix;
}

std::optional<Ipv4Cidr> parseIpv4Cidr(std::string_view text)
{
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto address = parseIpv4(text.substr(0, slash));
    int prefix = -1;
    const std::string_view p = text.substr(slash + 1);
    auto [next, ec] = std::from_chars(p.data(), p.data() + p.size(), prefix);
    if (!address || ec != std::errc() || next != p.data() + p.size() || p.empty() || prefix < 0 ||
        prefix > 32)
        return std::nullopt;
    return Ipv4Cidr{*address, prefix};
}

Subnet computeSubnet(const Ipv4Cidr &cidr)
{
    const std::uint32_t mask = prefixToMask(cidr.prefix);
    const std::uint32_t network = cidr.address & mask;
    const std::uint32_t broadcast = network | ~mask;
    Subnet s;
    s.cidr = formatIpv4(network) + "/" + std::to_string(cidr.prefix);
    s.network = formatIpv4(network);
    s.broadcast = formatIpv4(broadcast);
    s.addresses = std::uint64_t{1} << (32 - cidr.prefix);
    if (cidr.prefix >= 31) {
        s.firstHost = formatIpv4(network);
        s.lastHost = formatIpv4(broadcast);
    } else {
        s.firstHost = formatIpv4(network + 1);
        s.lastHost = formatIpv4(broadcast - 1);
    }
    return s;
}

bool subnetContains(const Ipv4Cidr &cidr, std::uint32_t address)
{
    const std::uint32_t mask = prefixToMask(cidr.prefix);
    return (cidr.address & mask) == (address & mask);
}

bool isIpv6Literal(std::string_view s)
{
    if (s.size() < 2 || s.size() > 45)
        return false;
    int groups = 0;
    bool doubleColon = false;
    std::size_t i = 0;
    if (s.substr(0, 2) == "::") {
        doubleColon = true;
        i = 2;
    } else if (s[0] == ':') {
        return false;
    }
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && j - i < 5 && isHex(s[j]))
            ++j;
        if (j < s.size() && s[j] == '.') {
            if (!parseIpv4(s.substr(i)))
                return false;
            groups += 2;
            break;
        }
        if (j == i || j - i > 4)
            return false;
        ++groups;
        i = j;
        if (i == s.size())
            break;
        if (s[i] != ':')
            return false;
        ++i;
        if (i < s.size() && s[i] == ':') {
            if (doubleColon)
                return false;
            doubleColon = true;
            ++i;
        } else if (i == s.size()) {
            return false;
        }
    }
    return doubleColon ? groups <= 7 : groups == 8;
}

// ---- records

} // namespace wslatlas
