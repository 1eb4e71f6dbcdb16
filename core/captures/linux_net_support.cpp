// Helpers of the in-VM network parsers (linux_net_support.h).
#include "linux_net_support.h"

#include "address.h"
#include "text.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas::linuxnet {
namespace {

using text::isDigit;
using text::isSpace;
using text::quoted;
using text::trim;

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

} // namespace

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

std::optional<IpAddress> parseAddress(std::string_view s)
{
    if (auto v4 = parseIpv4(s))
        return IpAddress{Family::V4, formatIpv4(*v4)};
    if (auto v6 = parseIpv6(s))
        return IpAddress{Family::V6, formatIpv6(*v6)};
    return std::nullopt;
}

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

std::string_view baseInterfaceName(std::string_view name)
{
    const std::size_t cut = name.find_first_of("@:");
    return cut == std::string_view::npos ? name : name.substr(0, cut);
}

bool hasFlag(std::string_view flags, std::string_view flag)
{
    for (auto f : splitFlags(flags)) {
        if (f == flag)
            return true;
    }
    return false;
}

Error cutOff(const Line &line, std::string_view what, std::string_view command)
{
    return Error{"Line " + std::to_string(line.number) + " (" + quoted(line.text) + ") " + std::string(what) +
                 "; the paste looks cut off or altered, so paste the whole output of " +
                 std::string(command) + " again."};
}

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

} // namespace wslatlas::linuxnet
