#pragma once
// IPv4 addresses, masks and subnet arithmetic: the article's 172.19.128.0/20 -> 172.19.128.0 to
// 172.19.143.255, 4,096 addresses.
#include "network.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wslatlas {

std::optional<std::uint32_t> parseIpv4(std::string_view text); // dotted quad only, no leading junk
std::string formatIpv4(std::uint32_t address);

// 255.255.240.0 -> 20. A mask whose one bits are not contiguous (255.0.255.0) has no prefix: returns
// nothing and says why in `error`.
std::optional<int> maskToPrefix(std::string_view mask, std::string &error);
std::uint32_t prefixToMask(int prefix);

struct Ipv4Cidr
{
    std::uint32_t address = 0; // as written (may be a host address)
    int prefix = 0;
};
std::optional<Ipv4Cidr> parseIpv4Cidr(std::string_view text); // "172.19.128.0/20"

// Network, broadcast, first and last host, count. /31 and /32 follow RFC 3021: every address is a host.
Subnet computeSubnet(const Ipv4Cidr &cidr);
bool subnetContains(const Ipv4Cidr &cidr, std::uint32_t address);

// An IPv6 address as written ("fe80::1", "::ffff:10.0.0.1"), without a /prefix or %zone.
bool isIpv6Literal(std::string_view text);

} // namespace wslatlas
