#pragma once
// The one address module: IPv4 (parse, format, masks, prefixes and subnet arithmetic: the article's
// 172.19.128.0/20 -> 172.19.128.0 to 172.19.143.255, 4,096 addresses), IPv6 and MAC addresses.
//
// Accepted forms, decided once:
//   - IPv4: a dotted quad of four decimal parts 0..255 without leading zeros, as inet_pton reads it.
//     "010.1.1.1" is refused: inet_aton would read 010 as octal 8, so it is ambiguous, and no tool we read
//     (ip, ifconfig, ipconfig, PowerShell, hnsdiag) prints it. No surrounding space.
//   - Prefix lengths ("/20"): decimal, no sign, no leading zeros, 0..32 (IPv4) or 0..128 (IPv6).
//   - IPv6: RFC 4291 text, with "::" at most once and an optional dotted IPv4 tail; no /prefix, no %zone.
//   - MAC: six groups of one or two hex digits, either case, all separated by ':' (Linux:
//     "00:15:5d:73:e1:0e"; BSD and macOS ifconfig drop leading zeros: "a4:83:e7:1:2:3") or all by '-'
//     (ipconfig, Get-NetAdapter: "00-15-5D-73-E1-0E"). Mixed separators, bare "00155D73E10E", dotted
//     "0015.5d73.e10e" and the 8-byte tunnel "addresses" are refused. Written as lower case with ':'.
#include "network.h"
#include "result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wslatlas {

// ---- IPv4

std::optional<std::uint32_t> parseIpv4(std::string_view text); // dotted quad only (see above)
std::string formatIpv4(std::uint32_t address);

// 255.255.240.0 -> 20. A mask whose one bits are not contiguous (255.0.255.0) has no prefix: returns
// an Error saying why.
Result<int> maskToPrefix(std::string_view mask);
std::uint32_t prefixToMask(int prefix);
std::optional<int> prefixOfMask(std::uint32_t mask); // nothing when the one bits are not contiguous

// "20" -> 20 when 0 <= value <= maxPrefix, in the form described above.
std::optional<int> parsePrefixLength(std::string_view digits, int maxPrefix);

struct Ipv4Cidr
{
    std::uint32_t address = 0; // as written (may be a host address)
    int prefix = 0;
};
std::optional<Ipv4Cidr> parseIpv4Cidr(std::string_view text); // "172.19.128.0/20"

// Network, broadcast, first and last host, count. /31 and /32 follow RFC 3021: every address is a host.
Subnet computeSubnet(const Ipv4Cidr &cidr);
bool subnetContains(const Ipv4Cidr &cidr, std::uint32_t address);

// ---- IPv6

using Ipv6Bytes = std::array<std::uint8_t, 16>; // network order

std::optional<Ipv6Bytes> parseIpv6(std::string_view text);
// The text glibc's inet_ntop prints (and so ip, ifconfig and ip -j): RFC 5952 plus the dotted tail of
// IPv4-compatible and IPv4-mapped addresses (::10.255.255.254, ::ffff:1.2.3.4).
std::string formatIpv6(const Ipv6Bytes &address);

// An IPv6 address as written ("fe80::1", "::ffff:10.0.0.1"), without a /prefix or %zone.
bool isIpv6Literal(std::string_view text);

// ---- MAC

// "00-15-5D-73-E1-0E", "00:15:5d:73:e1:0e" or "0:15:5d:73:e1:e" -> "00:15:5d:73:e1:0e"; nothing for any
// other form.
std::optional<std::string> normalizeMac(std::string_view text);

} // namespace wslatlas
