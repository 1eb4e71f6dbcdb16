#include "address.h"

#include "text.h"

#include <cstdio>
#include <vector>

namespace wslatlas {

namespace {

using text::isDigit;

// One decimal part of a dotted quad at s[i]: 1 to 3 digits, no leading zero, at most 255.
std::optional<unsigned> octetAt(std::string_view s, std::size_t &i)
{
    const std::size_t start = i;
    while (i < s.size() && isDigit(s[i]) && i - start < 4)
        ++i;
    const std::size_t length = i - start;
    if (length == 0 || length > 3 || (length > 1 && s[start] == '0'))
        return std::nullopt;
    const auto value = text::parseWhole<unsigned>(s.substr(start, length));
    if (!value || *value > 255)
        return std::nullopt;
    return value;
}

// Up to four hex digits of an IPv6 group at s[i].
std::optional<std::uint16_t> groupAt(std::string_view s, std::size_t &i)
{
    const std::size_t start = i;
    while (i < s.size() && text::isHexDigit(s[i]) && i - start < 5)
        ++i;
    if (i == start || i - start > 4)
        return std::nullopt;
    return text::parseWhole<std::uint16_t>(s.substr(start, i - start), 16);
}

} // namespace

std::optional<std::uint32_t> parseIpv4(std::string_view text)
{
    std::uint32_t out = 0;
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= text.size() || text[i] != '.')
                return std::nullopt;
            ++i;
        }
        const auto value = octetAt(text, i);
        if (!value)
            return std::nullopt;
        out = (out << 8) | *value;
    }
    if (i != text.size())
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

Result<int> maskToPrefix(std::string_view mask)
{
    const auto value = parseIpv4(mask);
    if (!value)
        return Error{"\"" + std::string(mask) + "\" is not an IPv4 subnet mask"};
    const auto prefix = prefixOfMask(*value);
    if (!prefix)
        return Error{"the subnet mask " + std::string(mask) +
                     " is not contiguous (its one bits have gaps), so it has no prefix length"};
    return *prefix;
}

std::optional<int> prefixOfMask(std::uint32_t mask)
{
    int prefix = 0;
    while (prefix < 32 && (mask & (0x80000000u >> prefix)))
        ++prefix;
    if (prefixToMask(prefix) != mask)
        return std::nullopt;
    return prefix;
}

std::optional<int> parsePrefixLength(std::string_view digits, int maxPrefix)
{
    if (digits.size() > 3 || (digits.size() > 1 && digits.front() == '0'))
        return std::nullopt;
    const auto value = text::parseWhole<int>(digits);
    if (!value || *value > maxPrefix)
        return std::nullopt;
    return value;
}

std::optional<Ipv4Cidr> parseIpv4Cidr(std::string_view text)
{
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto address = parseIpv4(text.substr(0, slash));
    const auto prefix = parsePrefixLength(text.substr(slash + 1), 32);
    if (!address || !prefix)
        return std::nullopt;
    return Ipv4Cidr{*address, *prefix};
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

// Groups before "::" go to `head`, those after it to `tail`; the zeros in between are implied.
std::optional<Ipv6Bytes> parseIpv6(std::string_view s)
{
    std::vector<std::uint16_t> head, tail;
    if (s.size() < 2 || (s[0] == ':' && s[1] != ':'))
        return std::nullopt;
    bool compressed = s[0] == ':';
    std::size_t i = compressed ? 2 : 0;
    std::vector<std::uint16_t> *groups = compressed ? &tail : &head;
    while (i < s.size()) {
        const std::string_view rest = s.substr(i);
        if (rest.find(':') == std::string_view::npos && rest.find('.') != std::string_view::npos) {
            const auto v4 = parseIpv4(rest); // an embedded IPv4 address ends the text
            if (!v4)
                return std::nullopt;
            groups->push_back(static_cast<std::uint16_t>(*v4 >> 16));
            groups->push_back(static_cast<std::uint16_t>(*v4 & 0xFFFF));
            break;
        }
        const auto group = groupAt(s, i);
        if (!group)
            return std::nullopt;
        groups->push_back(*group);
        if (i == s.size())
            break;
        if (s[i++] != ':' || i == s.size()) // not a separator, or a single trailing colon
            return std::nullopt;
        if (s[i] == ':') {
            if (compressed)
                return std::nullopt;
            compressed = true;
            groups = &tail;
            ++i;
        }
    }
    const std::size_t total = head.size() + tail.size();
    if (compressed ? total > 7 : total != 8)
        return std::nullopt;
    std::array<std::uint16_t, 8> words{};
    std::copy(head.begin(), head.end(), words.begin());
    std::copy(tail.begin(), tail.end(), words.end() - static_cast<std::ptrdiff_t>(tail.size()));
    Ipv6Bytes out{};
    for (std::size_t k = 0; k < 8; ++k) {
        out[2 * k] = static_cast<std::uint8_t>(words[k] >> 8);
        out[2 * k + 1] = static_cast<std::uint8_t>(words[k] & 0xFF);
    }
    return out;
}

std::string formatIpv6(const Ipv6Bytes &b)
{
    std::array<unsigned, 8> words{};
    for (std::size_t k = 0; k < 8; ++k)
        words[k] = (static_cast<unsigned>(b[2 * k]) << 8) | b[2 * k + 1];
    // The first longest run of two or more zero groups becomes "::" (RFC 5952 4.2).
    int bestBase = -1, bestLen = 0;
    for (int k = 0; k < 8;) {
        int len = 0;
        while (k + len < 8 && words[static_cast<std::size_t>(k) + static_cast<std::size_t>(len)] == 0)
            ++len;
        if (len >= 2 && len > bestLen)
            bestBase = k, bestLen = len;
        k += len > 0 ? len : 1;
    }
    std::string out;
    char buf[8];
    for (int k = 0; k < 8; ++k) {
        if (bestBase != -1 && k >= bestBase && k < bestBase + bestLen) {
            if (k == bestBase)
                out += ':';
            continue;
        }
        if (k != 0)
            out += ':';
        if (k == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xFFFF))) {
            out += formatIpv4((words[6] << 16) | words[7]);
            break;
        }
        std::snprintf(buf, sizeof buf, "%x", words[static_cast<std::size_t>(k)]);
        out += buf;
    }
    if (bestBase != -1 && bestBase + bestLen == 8)
        out += ':';
    return out;
}

bool isIpv6Literal(std::string_view s)
{
    return parseIpv6(s).has_value();
}

std::optional<std::string> normalizeMac(std::string_view s)
{
    const std::size_t firstSeparator = s.find_first_of(":-");
    if (firstSeparator == std::string_view::npos)
        return std::nullopt;
    const char separator = s[firstSeparator];
    std::string out;
    std::size_t i = 0;
    for (int part = 0; part < 6; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != separator)
                return std::nullopt;
            ++i;
            out += ':';
        }
        const std::size_t start = i;
        while (i < s.size() && text::isHexDigit(s[i]) && i - start < 3)
            ++i;
        const std::size_t length = i - start;
        if (length == 0 || length > 2)
            return std::nullopt;
        if (length == 1) // BSD and macOS ifconfig drop leading zeros: "a4:83:e7:1:2:3"
            out += '0';
        out += text::toLower(s.substr(start, length));
    }
    if (i != s.size())
        return std::nullopt;
    return out;
}

} // namespace wslatlas
