// `ip route` and `ip -6 route` (capture_parsers.h): "DEST [via GW] [dev IF] [src A] ..." lines, an optional
// route type first, multipath routes as indented "nexthop" lines (one route per hop). Keywords this parser
// does not read are skipped with their values. A line that starts like a route but cannot be read is an
// error naming that line; prompts and other chatter around the output are skipped.
#include "capture_parsers.h"
#include "linux_net_support.h"
#include "text.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {
namespace linuxnet {
namespace {

using text::isDigit;
using text::isHexDigit;
using text::splitWords;

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
std::optional<Error> readRouteKeys(const std::vector<std::string_view> &words, std::size_t i, Route &r,
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

Result<std::vector<Route>> parseIpRouteText(std::string_view text)
{
    const auto lines = splitLines(text);
    if (allBlank(lines))
        return Error{"The input is empty; paste the output of `ip route` (and `ip -6 route`)."};
    if (saysNotInstalled(lines, "ip"))
        return Error{
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
                return Error{"This is ip addr output, not ip route output; parse it as kind ip-addr."};
        }
        return Error{"No route line (\"default via 172.19.128.1 dev eth0\") was found (the input starts "
                     "with " +
                     firstNonBlank(lines) + "); paste the output of `ip route` and `ip -6 route`."};
    }
    return routes;
}

} // namespace
} // namespace linuxnet

Result<std::vector<Route>> parseIpRoute(std::string_view bytes)
{
    return linuxnet::guarded<std::vector<Route>>(bytes, linuxnet::parseIpRouteText);
}

} // namespace wslatlas
