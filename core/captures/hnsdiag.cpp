// hnsdiag list networks: the HNS networks behind the Hyper-V switches, WSL's own among them ("WSL" or
// "WSL (Hyper-V firewall)", type ICS, 172.19.128.0/20 in the article). Two forms:
//   - the default text, one block per network:
//         Network : 790E58B4-7939-4434-9358-89AE7DDBE87E
//             Name             : WSL (Hyper-V firewall)
//             Type             : ICS
//             Subnet Address   : 172.19.128.0/20
//             Gateway          : 172.19.128.1
//   - `hnsdiag list networks -d` (and -df, or `hnsdiag list all -df` as WSL's networking.bat runs it): one
//   JSON
//     object per HNS object, one after the other, networks with "Subnets": [{"AddressPrefix",
//     "GatewayAddress"}] (or, in the newer schema, "Ipams": [{"Subnets": [{"IpAddressPrefix", "Routes":
//     [{"NextHop"}]}]}]).
// hnsdiag's labels are not translated. Lines that belong to neither form ("...[omitted]...", prompts) are
// skipped.
#include "address.h"
#include "capture_parsers.h"
#include "json_scan.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {
namespace {

using capturejson::JsonScan;
using capturejson::scanJson;

using nlohmann::json;

using namespace text;

// 790E58B4-7939-4434-9358-89AE7DDBE87E, with or without braces.
bool isGuid(std::string_view s)
{
    if (s.size() == 38 && s.front() == '{' && s.back() == '}')
        s = s.substr(1, 36);
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHexDigit(s[i]))
            return false;
    }
    return true;
}

bool isIpv4Cidr(std::string_view s)
{
    return parseIpv4Cidr(s).has_value();
}

// An IPv6 prefix ("fd00::/64"): accepted and skipped, since the switch keeps one IPv4 subnet.
bool looksIpv6(std::string_view s)
{
    return s.find(':') != std::string_view::npos;
}

// ---- the text form

Result<std::vector<VirtualSwitch>> parseText(const std::vector<std::string_view> &lines)
{
    std::vector<VirtualSwitch> networks;
    std::vector<bool> named;
    for (std::string_view raw : lines) {
        const std::string_view line = trimPadding(raw);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view key = trimPadding(line.substr(0, colon));
        const std::string_view value = trimPadding(line.substr(colon + 1));
        if (iequals(key, "Network")) {
            if (!isGuid(value))
                return Error{"The line " + quoted(line, 80) +
                             " should name a network by its GUID (Network : 790E58B4-7939-4434-9358-"
                             "89AE7DDBE87E); paste the output of `hnsdiag list networks` unchanged."};
            VirtualSwitch network;
            network.id = std::string(value);
            networks.push_back(std::move(network));
            named.push_back(false);
            continue;
        }
        if (networks.empty())
            continue;
        VirtualSwitch &network = networks.back();
        if (iequals(key, "Name")) {
            network.name = std::string(value);
            named.back() = !value.empty(); // "Name :" and nothing: cut off after the colon
        } else if (iequals(key, "Type")) {
            network.type = std::string(value);
        } else if (iequals(key, "Subnet Address")) {
            if (value.empty() || looksIpv6(value))
                continue;
            if (!isIpv4Cidr(value))
                return Error{"Network " + network.id + ": the subnet address " + quoted(value, 80) +
                             " is not a prefix like 172.19.128.0/20 (is the output cut off?)."};
            if (network.subnet.empty())
                network.subnet = std::string(value);
        } else if (iequals(key, "Gateway")) {
            if (value.empty() || looksIpv6(value))
                continue;
            if (!parseIpv4(value))
                return Error{"Network " + network.id + ": the gateway " + quoted(value, 80) +
                             " is not an IPv4 address (is the output cut off?)."};
            if (network.gateway.empty())
                network.gateway = std::string(value);
        }
    }
    for (std::size_t i = 0; i < networks.size(); ++i)
        if (!named[i])
            return Error{
                "Network " + networks[i].id +
                " has no name (no \"Name :\" line after it, or an empty one): the output seems cut off; "
                "paste all of it."};
    return networks;
}

// ---- the JSON form

const json *member(const json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (iequals(it.key(), key))
            return &it.value();
    return nullptr;
}

std::string stringMember(const json &object, std::string_view key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

bool isNetworkObject(const json &object)
{
    const json *name = member(object, "Name");
    const json *type = member(object, "Type");
    return name && name->is_string() && type && type->is_string() && !member(object, "VirtualNetwork") &&
           !member(object, "VirtualNetworkName");
}

void collectNetworks(const json &value, std::vector<const json *> &out, int depth = 0)
{
    if (depth > 2)
        return;
    if (value.is_array()) {
        for (const json &item : value)
            collectNetworks(item, out, depth + 1);
    } else if (value.is_object() && isNetworkObject(value)) {
        out.push_back(&value);
    }
}

Result<VirtualSwitch> networkFromJson(const json &object)
{
    VirtualSwitch network;
    network.id = stringMember(object, "ID");
    network.name = stringMember(object, "Name");
    network.type = stringMember(object, "Type");
    if (network.name.empty()) // HNS names every network; the views tell switches apart by name
        return Error{"HNS network " + quoted(network.id, 80) +
                     " has an empty \"Name\"; paste the output of `hnsdiag list networks -d` unchanged."};
    const std::string where = "HNS network " + quoted(network.name, 80);

    auto takeSubnet = [&](const std::string &prefix, const std::string &gateway) -> std::optional<Error> {
        if (!prefix.empty() && !looksIpv6(prefix)) {
            if (!isIpv4Cidr(prefix))
                return Error{where + ": the subnet " + quoted(prefix, 80) +
                             " is not a prefix like 172.19.128.0/20."};
            if (network.subnet.empty())
                network.subnet = prefix;
        }
        if (!gateway.empty() && !looksIpv6(gateway)) {
            if (!parseIpv4(gateway))
                return Error{where + ": the gateway " + quoted(gateway, 80) + " is not an IPv4 address."};
            if (network.gateway.empty())
                network.gateway = gateway;
        }
        return std::nullopt;
    };

    if (const json *subnets = member(object, "Subnets"); subnets && subnets->is_array()) {
        for (const json &subnet : *subnets)
            if (auto error =
                    takeSubnet(stringMember(subnet, "AddressPrefix"), stringMember(subnet, "GatewayAddress")))
                return *error;
    }
    if (const json *ipams = member(object, "Ipams"); ipams && ipams->is_array()) {
        for (const json &ipam : *ipams) {
            const json *subnets = member(ipam, "Subnets");
            if (!subnets || !subnets->is_array())
                continue;
            for (const json &subnet : *subnets) {
                std::string gateway;
                if (const json *routes = member(subnet, "Routes"); routes && routes->is_array())
                    for (const json &route : *routes)
                        if (gateway.empty())
                            gateway = stringMember(route, "NextHop");
                if (auto error = takeSubnet(stringMember(subnet, "IpAddressPrefix"), gateway))
                    return *error;
            }
        }
    }
    return network;
}

Result<std::vector<VirtualSwitch>> parseHnsdiagText(std::string_view text)
{
    const std::vector<std::string_view> lines = splitLines(text);
    std::string first;
    for (std::string_view line : lines)
        if (!trimPadding(line).empty()) {
            first = quoted(trimPadding(line), 80);
            break;
        }
    if (first.empty())
        return Error{
            "The input is empty; paste the output of `hnsdiag list networks` (run as administrator)."};

    JsonScan scan = scanJson(text);
    if (!scan.error.empty())
        return Error{"Cannot read the `hnsdiag list networks -d` output: " + scan.error +
                     "; paste all of it."};
    if (!scan.values.empty()) {
        std::vector<const json *> objects;
        for (const json &value : scan.values)
            collectNetworks(value, objects);
        if (objects.empty())
            return Error{"The JSON holds no HNS network (an object with \"Name\", \"Type\" and \"Subnets\"); "
                         "paste the output of `hnsdiag list networks -d`."};
        std::vector<VirtualSwitch> networks;
        for (const json *object : objects) {
            auto network = networkFromJson(*object);
            if (auto *error = std::get_if<Error>(&network))
                return *error;
            networks.push_back(std::move(std::get<VirtualSwitch>(network)));
        }
        return networks;
    }

    auto networks = parseText(lines);
    if (auto *list = std::get_if<std::vector<VirtualSwitch>>(&networks); list && list->empty())
        return Error{"No network was found: `hnsdiag list networks` prints blocks that start with "
                     "\"Network : GUID\" followed by Name, Type, Subnet Address and Gateway lines; the input "
                     "starts with " +
                     first + "."};
    return networks;
}

} // namespace

Result<std::vector<VirtualSwitch>> parseHnsdiagNetworks(std::string_view bytes)
{
    try {
        const std::string text = decodeCaptureText(bytes);
        return parseHnsdiagText(text);
    } catch (...) {
        return Error{"The hnsdiag output could not be read (out of memory?); paste a shorter excerpt."};
    }
}

} // namespace wslatlas
