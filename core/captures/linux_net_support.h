#pragma once
// What the in-VM network parsers (ip_addr.cpp, ifconfig.cpp, ip_route.cpp, resolv_conf.cpp) share: numbered
// lines, the "not installed" and "cut off" messages, addresses with a family, the interface table, and the
// `ip addr` header test that the other parsers use to recognise ip addr output pasted under the wrong kind.
// Internal to those files: the public contract is capture_parsers.h.
#include "capture_parsers.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas::linuxnet {

// "No interface/route yet": a plain index, since GCC 12 at -O3 misreads std::optional<size_t> in a
// loop as maybe-uninitialized.
constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

// ---- text

struct Line
{
    std::size_t number = 0; // 1-based, for messages
    std::string_view text;
};

std::vector<Line> splitLines(std::string_view text);
bool allBlank(const std::vector<Line> &lines);
bool indented(std::string_view line);
// The first non-blank line, quoted, for "the input starts with ..." messages.
std::string firstNonBlank(const std::vector<Line> &lines);
// "ifconfig: command not found", "sh: 1: ip: not found", "Command 'ifconfig' not found, but can be
// installed".
bool saysNotInstalled(const std::vector<Line> &lines, std::string_view tool);
// "Line N ("...") WHAT; the paste looks cut off or altered, so paste the whole output of COMMAND again."
Error cutOff(const Line &line, std::string_view what, std::string_view command);

// ---- addresses

enum class Family
{
    V4,
    V6
};

struct IpAddress
{
    Family family = Family::V4;
    std::string text; // canonical
};

std::optional<IpAddress> parseAddress(std::string_view s);

struct Prefixed
{
    IpAddress address;
    int prefix = 0;
    bool hasPrefix = false;
};

// "ADDR" or "ADDR/N".
std::optional<Prefixed> parsePrefixed(std::string_view s);

// ---- interfaces

// "eth0@if12" and "sit0@NONE" name the link's peer after the '@'; "eth0:1" is an alias label of eth0
// (':' cannot appear in a Linux interface name).
std::string_view baseInterfaceName(std::string_view name);

class InterfaceTable
{
public:
    std::size_t indexOf(std::string_view name)
    {
        for (std::size_t i = 0; i < m_list.size(); ++i) {
            if (m_list[i].name == name)
                return i;
        }
        m_list.push_back(NetInterface{});
        m_list.back().name = std::string(name);
        return m_list.size() - 1;
    }
    NetInterface &at(std::size_t i) { return m_list[i]; }
    bool empty() const { return m_list.empty(); }
    std::vector<NetInterface> take() { return std::move(m_list); }

    static void addAddress(NetInterface &iface, const IpAddress &address, int prefix)
    {
        auto &list = address.family == Family::V4 ? iface.ipv4 : iface.ipv6;
        for (const Address &a : list) {
            if (a.address == address.text && a.prefix == prefix)
                return;
        }
        list.push_back(Address{address.text, prefix});
    }

private:
    std::vector<NetInterface> m_list;
};

// "<BROADCAST,MULTICAST,UP,LOWER_UP>" without the brackets: whether FLAG is one of the words.
bool hasFlag(std::string_view flags, std::string_view flag);

// ---- ip addr headers

struct IpHeader
{
    std::string_view name;
    bool link =
        false; // "N: NAME: <FLAGS> mtu ..." (a link line) rather than "N: NAME    inet ..." (ip -o addr)
    std::string_view rest; // after the name
};

// "2: eth0@if12: <...>" or "2: eth0    inet ...".
std::optional<IpHeader> ipHeader(std::string_view segment);

// ---- entry points: bytes (any encoding decodeCaptureText knows) -> text -> values; nothing escapes

template <typename T, typename F> Result<T> guarded(std::string_view bytes, F parse)
{
    try {
        const std::string text = decodeCaptureText(bytes);
        return parse(std::string_view(text));
    } catch (...) {
        return Error{"The input could not be read (out of memory?); paste a shorter excerpt."};
    }
}

} // namespace wslatlas::linuxnet
