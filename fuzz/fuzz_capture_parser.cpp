// One fuzz target per capture parser (capture_parsers.h): this file is compiled once for each, with
// WSLATLAS_FUZZ_PARSER naming the parser. Beyond "no crash, no leak, no hang": the parser does not throw
// (an exception escaping here aborts the run, and its catch-all's message counts as one), an error has a
// message, and values keep the shape network.h documents: UTF-8 strings, names where a thing needs one,
// real addresses with prefixes in range, MACs as "00:15:5d:...".
#include "address.h"
#include "capture_parsers.h"
#include "fuzz_check.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#ifndef WSLATLAS_FUZZ_PARSER
#error "WSLATLAS_FUZZ_PARSER must name a parser of capture_parsers.h"
#endif

// Not in an unnamed namespace: each build uses the overloads of one parser's types only.
namespace wslatlas::fuzz {

void check(const std::string &s)
{
    WSLATLAS_FUZZ_CHECK(isValidUtf8(s), "a returned string is not valid UTF-8");
}

// An IPv4 or IPv6 address, an IPv6 one possibly with its %zone ("fe80::1%eth0", "fe80::1%62").
bool isIpAddress(std::string_view s)
{
    if (parseIpv4(s))
        return true;
    const auto zone = s.find('%');
    return isIpv6Literal(s.substr(0, zone)) && (zone == std::string_view::npos || zone + 1 < s.size());
}

void checkIpList(const std::vector<std::string> &list)
{
    for (const std::string &s : list) {
        check(s);
        WSLATLAS_FUZZ_CHECK(isIpAddress(s), "a gateway or DNS server is not an IP address");
    }
}

void checkOptionalIp(const std::string &s)
{
    check(s);
    WSLATLAS_FUZZ_CHECK(s.empty() || isIpAddress(s), "a gateway or source is not an IP address");
}

void checkAddresses(const std::vector<Address> &addresses, bool ipv6)
{
    for (const Address &a : addresses) {
        check(a.address);
        if (ipv6) {
            WSLATLAS_FUZZ_CHECK(isIpv6Literal(a.address), "an IPv6 entry is not an IPv6 address");
            WSLATLAS_FUZZ_CHECK(a.prefix >= 0 && a.prefix <= 128, "an IPv6 prefix is out of range");
        } else {
            WSLATLAS_FUZZ_CHECK(parseIpv4(a.address).has_value(), "an IPv4 entry is not an IPv4 address");
            WSLATLAS_FUZZ_CHECK(a.prefix >= 0 && a.prefix <= 32, "an IPv4 prefix is out of range");
        }
    }
}

void checkMtu(const std::optional<int> &mtu)
{
    WSLATLAS_FUZZ_CHECK(!mtu || *mtu >= 0, "a negative MTU"); // "mtu 0" is what it says
}

void check(const Distro &d)
{
    check(d.name);
    check(d.state);
    check(d.id);
    check(d.basePath);
    WSLATLAS_FUZZ_CHECK(!d.name.empty(), "a distro without a name");
    WSLATLAS_FUZZ_CHECK(d.version >= 0, "a negative distro version"); // a future WSL 3 is read as such
}

void check(const WslStatus &s)
{
    check(s.defaultDistro);
    for (const auto &[label, value] : s.fields) {
        check(label);
        check(value);
    }
    WSLATLAS_FUZZ_CHECK(s.defaultVersion >= 0 && s.defaultVersion <= 2,
                        "a default version other than 1, 2 or unknown");
}

void check(const WslVersion &v)
{
    for (const std::string *s : {&v.wsl, &v.kernel, &v.wslg, &v.msrdc, &v.direct3d, &v.dxcore, &v.windows})
        check(*s);
}

void check(const WslError &e)
{
    check(e.code);
    check(e.token);
    check(e.message);
}

void check(const LxssRegistry &r)
{
    // The NAT values are the registry's strings as they are: the network model checks them.
    if (r.nat) {
        check(r.nat->network);
        check(r.nat->gateway);
        check(r.nat->address);
    }
    for (const Distro &d : r.distros)
        check(d);
    check(r.defaultDistributionId);
}

void check(const WslConfig &c)
{
    check(c.networkingMode);
    for (const auto &[key, value] : c.settings) {
        check(key);
        check(value);
        WSLATLAS_FUZZ_CHECK(
            std::none_of(key.begin(), key.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }),
            "a .wslconfig key that is not lower case");
    }
}

void check(const HostAdapter &a)
{
    check(a.name);
    check(a.description);
    check(a.mac);
    // Get-NetIPAddress may name an adapter by its index alone.
    WSLATLAS_FUZZ_CHECK(!a.name.empty() || a.ifIndex, "a host adapter without a name or an index");
    // "lower case, colon separated" (network.h): six bytes.
    bool macShape = a.mac.size() == 17;
    for (std::size_t i = 0; macShape && i < a.mac.size(); ++i)
        macShape = i % 3 == 2
                       ? a.mac[i] == ':'
                       : ((a.mac[i] >= '0' && a.mac[i] <= '9') || (a.mac[i] >= 'a' && a.mac[i] <= 'f'));
    WSLATLAS_FUZZ_CHECK(a.mac.empty() || macShape, "a host adapter MAC not written as 00:15:5d:...");
    WSLATLAS_FUZZ_CHECK(!a.ifIndex || *a.ifIndex >= 0, "a negative interface index");
    checkMtu(a.mtu);
    checkAddresses(a.ipv4, false);
    checkAddresses(a.ipv6, true);
    checkIpList(a.gateways);
    checkIpList(a.dnsServers);
}

void check(const AdapterBinding &b)
{
    check(b.adapter);
    check(b.component);
    check(b.displayName);
}

void check(const VirtualSwitch &v)
{
    for (const std::string *s : {&v.id, &v.name, &v.type, &v.subnet, &v.gateway})
        check(*s);
    WSLATLAS_FUZZ_CHECK(!v.name.empty(), "a virtual switch without a name");
    WSLATLAS_FUZZ_CHECK(v.subnet.empty() || parseIpv4Cidr(v.subnet),
                        "a switch subnet that is not an IPv4 CIDR");
    WSLATLAS_FUZZ_CHECK(v.gateway.empty() || parseIpv4(v.gateway),
                        "a switch gateway that is not an IPv4 address");
    for (const AdapterBinding &b : v.bindings)
        check(b);
}

void check(const NetInterface &i)
{
    check(i.name);
    check(i.mac);
    WSLATLAS_FUZZ_CHECK(!i.name.empty(), "an interface without a name");
    checkMtu(i.mtu);
    checkAddresses(i.ipv4, false);
    checkAddresses(i.ipv6, true);
}

void check(const Route &r)
{
    check(r.destination);
    check(r.dev);
    WSLATLAS_FUZZ_CHECK(!r.destination.empty(), "a route without a destination");
    checkOptionalIp(r.gateway);
    checkOptionalIp(r.source);
}

template <typename T> void check(const std::vector<T> &items)
{
    for (const T &item : items)
        check(item);
}

// parseResolvConf's list: the name servers.
template <> void check(const std::vector<std::string> &servers)
{
    checkIpList(servers);
}

template <typename T> void check(const Result<T> &result)
{
    if (const auto *error = std::get_if<Error>(&result)) {
        WSLATLAS_FUZZ_CHECK(!error->message.empty(), "an Error without a message");
        WSLATLAS_FUZZ_CHECK(!isLastResortError(error->message), "the parser threw (its catch-all answered)");
        check(error->message);
    } else {
        check(std::get<T>(result));
    }
}

} // namespace wslatlas::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    wslatlas::fuzz::check(wslatlas::WSLATLAS_FUZZ_PARSER(bytes));
    return 0;
}
