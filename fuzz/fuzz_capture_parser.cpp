// One fuzz target per capture parser (capture_parsers.h): this file is compiled once for each, with
// WSLATLAS_FUZZ_PARSER naming the parser. Beyond "no crash, no leak, no hang": the parser returns a
// CaptureError with a message or values that keep their documented shape (valid UTF-8, real addresses
// with prefixes in range), and it does not throw (an exception escaping here aborts the run).
#include "capture_parsers.h"
#include "fuzz_check.h"
#include "ipv4.h"

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

void check(const std::vector<std::string> &list)
{
    for (const std::string &s : list)
        check(s);
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

void check(const Distro &d)
{
    check(d.name);
    check(d.state);
    check(d.id);
    check(d.basePath);
}

void check(const WslStatus &s)
{
    check(s.defaultDistro);
    for (const auto &[label, value] : s.fields) {
        check(label);
        check(value);
    }
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
    }
}

void check(const HostAdapter &a)
{
    check(a.name);
    check(a.description);
    check(a.mac);
    checkAddresses(a.ipv4, false);
    checkAddresses(a.ipv6, true);
    check(a.gateways);
    check(a.dnsServers);
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
    for (const AdapterBinding &b : v.bindings)
        check(b);
}

void check(const NetInterface &i)
{
    check(i.name);
    check(i.mac);
    checkAddresses(i.ipv4, false);
    checkAddresses(i.ipv6, true);
}

void check(const Route &r)
{
    for (const std::string *s : {&r.destination, &r.gateway, &r.dev, &r.source})
        check(*s);
}

template <typename T> void check(const std::vector<T> &items)
{
    for (const T &item : items)
        check(item);
}

template <typename T> void check(const CaptureResult<T> &result)
{
    if (const auto *error = std::get_if<CaptureError>(&result)) {
        WSLATLAS_FUZZ_CHECK(!error->message.empty(), "a CaptureError without a message");
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
