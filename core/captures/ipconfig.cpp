// ipconfig and ipconfig /all, in any display language and in the console's legacy code page.
//
// ipconfig translates every label ("IPv4 Address", "IPv4-Adresse", "Adresse IPv4", "IPv4 アドレス",
// "IPv4 주소", "IPv4 地址") and, redirected to a file, writes them in the OEM code page (CP949, CP932, CP936,
// CP850, ...), which arrives here as bytes that are not UTF-8. So fields are told apart by the shape of
// their values and by their order, helped by the ASCII tokens that every language keeps ("IPv4", "IPv6",
// "DNS", "DHCP", "WINS", "NetBIOS"):
//   - a label with "IPv4" and an IPv4 value is an address; the field right after it is its subnet mask;
//   - a label with "IPv6" and an IPv6 value is an address (link-local fe80:: is a /64; the %zone is the
//     interface index);
//   - the first field after the addresses whose label has none of the tokens and whose value is empty or
//     an address is the default gateway (lease dates in between are not addresses);
//   - a label with "DNS" and an address value starts the DNS servers;
//   - a value shaped 00-15-5D-01-02-03 is the physical address, and the field just before it the description.
// Continuation lines (more gateways, more DNS servers) are lines that hold only an address.
// Adapter names come from the section headers, after the localized "adapter" words.
#include "address.h"
#include "capture_parsers.h"
#include "text.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {
namespace {

// ---- text helpers (trimPadding drops NBSP and ideographic spaces too, which localized output pads with)

using namespace text;

bool hasNonAscii(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// "IPv4 Address. . . . . . . . . . . " -> "IPv4 Address"
std::string_view withoutLeader(std::string_view label)
{
    for (;;) {
        label = trimPaddingRight(label);
        if (label.empty() || label.back() != '.')
            return label;
        label.remove_suffix(1);
    }
}

// ---- addresses

struct AddressValue
{
    bool v6 = false;
    std::string text; // without zone and suffix, IPv6 in lower case
    std::optional<int> zone;
};

// "172.19.128.1", "172.24.112.1(Preferred)", "fe80::4817:b6e:4576:c2c3%62", "fe80::1%21(Bevorzugt)".
std::optional<AddressValue> parseAddressValue(std::string_view v)
{
    v = trimPadding(v);
    if (!v.empty() && v.back() == ')') {
        const std::size_t open = v.rfind('(');
        if (open == std::string_view::npos || open == 0)
            return std::nullopt;
        v = trimPadding(v.substr(0, open));
    }
    const std::size_t percent = v.find('%');
    const std::string_view address = v.substr(0, percent);
    if (parseIpv4(address)) {
        if (percent != std::string_view::npos)
            return std::nullopt;
        return AddressValue{false, std::string(address), std::nullopt};
    }
    if (!isIpv6Literal(address))
        return std::nullopt;
    AddressValue out;
    out.v6 = true;
    out.text = toLower(address);
    if (percent != std::string_view::npos) {
        const std::string_view zone = v.substr(percent + 1);
        if (zone.empty())
            return std::nullopt;
        out.zone = parseWhole<int>(zone); // a zone name rather than an index is kept as no zone
    }
    return out;
}

// ---- localized words

// Header prefixes that carry the adapter type before the name ("Carte Ethernet NAME :").
constexpr std::string_view kHeaderPrefixes[] = {
    "Carte Ethernet ",
    "Carte réseau sans fil ",
    "Carte inconnue ",
    "Carte Tunnel ",
    "Carte PPP ",
    "Adaptador de Ethernet ",
    "Adaptador de LAN inalámbrica ",
    "Adaptador desconocido ",
    "Adaptador de túnel ",
    "Adaptador de Rede sem Fio ",
    "Adaptador desconhecido ",
    "Adaptador de Túnel ",
    "Adaptador Ethernet ",
    "Scheda Ethernet ",
    "Scheda LAN wireless ",
    "Scheda sconosciuta ",
    "Scheda Tunnel ",
    "Адаптер Ethernet ",
    "Адаптер беспроводной локальной сети ",
    "Неизвестный адаптер ",
    "Адаптер туннельного подключения ",
};

// Words that end the type part of a header: "Ethernet adapter ", "Ethernet-Adapter ", "Tunneladapter ",
// "イーサネット アダプター ", "이더넷 어댑터 ", "以太网适配器 ", "乙太網路卡 ", "無線區域網路介面卡 ".
constexpr std::string_view kHeaderMarkers[] = {"アダプター ", "어댑터 ", "适配器 ", "介面卡 ", "網路卡 "};

// "Media disconnected" in the languages above.
constexpr std::string_view kMediaDisconnected[] = {
    "Media disconnected",
    "Medium getrennt",
    "Média déconnecté",
    "メディアは接続されていません",
    "미디어 연결 끊김",
    "媒体已断开连接",
    "媒體已中斷連線",
    "Medios desconectados",
    "Mídia desconectada",
    "Supporto disconnesso",
    "Среда передачи недоступна",
};

// The same words as the console's OEM code page writes them (ipconfig > file), each with its UTF-8 form.
// They are put back as UTF-8 before decoding, where they start a line (headers) or follow ": " (the media
// state), so that a CP949 or CP932 capture is read like a UTF-8 one. Adapter names in those code pages stay
// unreadable (U+FFFD), but the ASCII ones ("vEthernet (WSL)") come through.
struct LegacyWord
{
    std::string_view legacy;
    std::string_view utf8;
};

constexpr LegacyWord kLegacyHeaders[] = {
    {"\xc0\xcc\xb4\xf5\xb3\xdd\x20\xbe\xee\xb4\xf0\xc5\xcd\x20", "이더넷 어댑터 "},           // CP949
    {"\xb9\xab\xbc\xb1\x20\x4c\x41\x4e\x20\xbe\xee\xb4\xf0\xc5\xcd\x20", "무선 LAN 어댑터 "}, // CP949
    {"\xbe\xcb\x20\xbc\xf6\x20\xbe\xf8\xb4\xc2\x20\xbe\xee\xb4\xf0\xc5\xcd\x20",
     "알 수 없는 어댑터 "},                                               // CP949
    {"\xc5\xcd\xb3\xce\x20\xbe\xee\xb4\xf0\xc5\xcd\x20", "터널 어댑터 "}, // CP949
    {"\x83\x43\x81\x5b\x83\x54\x83\x6c\x83\x62\x83\x67\x20\x83\x41\x83\x5f\x83\x76\x83\x5e\x81\x5b\x20",
     "イーサネット アダプター "},                                                                  // CP932
    {"\x95\x73\x96\xbe\x82\xc8\x83\x41\x83\x5f\x83\x76\x83\x5e\x81\x5b\x20", "不明なアダプター "}, // CP932
    {"\x83\x67\x83\x93\x83\x6c\x83\x8b\x20\x83\x41\x83\x5f\x83\x76\x83\x5e\x81\x5b\x20",
     "トンネル アダプター "},                                                                      // CP932
    {"\xd2\xd4\xcc\xab\xcd\xf8\xca\xca\xc5\xe4\xc6\xf7\x20", "以太网适配器 "},                     // CP936
    {"\xce\xde\xcf\xdf\xbe\xd6\xd3\xf2\xcd\xf8\xca\xca\xc5\xe4\xc6\xf7\x20", "无线局域网适配器 "}, // CP936
    {"\xce\xb4\xd6\xaa\xca\xca\xc5\xe4\xc6\xf7\x20", "未知适配器 "},                               // CP936
    {"\xcb\xed\xb5\xc0\xca\xca\xc5\xe4\xc6\xf7\x20", "隧道适配器 "},                               // CP936
    {"\xa4\x41\xa4\xd3\xba\xf4\xb8\xf4\xa5\x64\x20", "乙太網路卡 "},                               // CP950
    {"\xb5\x4c\xbd\x75\xb0\xcf\xb0\xec\xba\xf4\xb8\xf4\xa4\xb6\xad\xb1\xa5\x64\x20",
     "無線區域網路介面卡 "},                                                   // CP950
    {"\xa5\xbc\xaa\xbe\xaa\xba\xa4\xb6\xad\xb1\xa5\x64\x20", "未知的介面卡 "}, // CP950
    {"\xb3\x71\xb9\x44\xa4\xb6\xad\xb1\xa5\x64\x20", "通道介面卡 "},           // CP950
    {"\x43\x61\x72\x74\x65\x20\x72\x82\x73\x65\x61\x75\x20\x73\x61\x6e\x73\x20\x66\x69\x6c\x20",
     "Carte réseau sans fil "}, // CP850
    {"\x41\x64\x61\x70\x74\x61\x64\x6f\x72\x20\x64\x65\x20\x4c\x41\x4e\x20\x69\x6e\x61\x6c\xa0\x6d\x62\x72"
     "\x69\x63"
     "\x61\x20",
     "Adaptador de LAN inalámbrica "}, // CP850
    {"\x41\x64\x61\x70\x74\x61\x64\x6f\x72\x20\x64\x65\x20\x74\xa3\x6e\x65\x6c\x20",
     "Adaptador de túnel "}, // CP850
    {"\x41\x64\x61\x70\x74\x61\x64\x6f\x72\x20\x64\x65\x20\x54\xa3\x6e\x65\x6c\x20",
     "Adaptador de Túnel "},                                                                       // CP850
    {"\x80\xa4\xa0\xaf\xe2\xa5\xe0\x20\x45\x74\x68\x65\x72\x6e\x65\x74\x20", "Адаптер Ethernet "}, // CP866
    {"\x80\xa4\xa0\xaf\xe2\xa5\xe0\x20\xa1\xa5\xe1\xaf\xe0\xae\xa2\xae\xa4\xad\xae\xa9\x20\xab\xae\xaa\xa0"
     "\xab\xec"
     "\xad\xae\xa9\x20\xe1\xa5\xe2\xa8\x20",
     "Адаптер беспроводной локальной сети "}, // CP866
    {"\x8d\xa5\xa8\xa7\xa2\xa5\xe1\xe2\xad\xeb\xa9\x20\xa0\xa4\xa0\xaf\xe2\xa5\xe0\x20",
     "Неизвестный адаптер "}, // CP866
    {"\x80\xa4\xa0\xaf\xe2\xa5\xe0\x20\xe2\xe3\xad\xad\xa5\xab\xec\xad\xae\xa3\xae\x20\xaf\xae\xa4\xaa\xab"
     "\xee\xe7"
     "\xa5\xad\xa8\xef\x20",
     "Адаптер туннельного подключения "}, // CP866
};

constexpr LegacyWord kLegacyMedia[] = {
    {"\xb9\xcc\xb5\xf0\xbe\xee\x20\xbf\xac\xb0\xe1\x20\xb2\xf7\xb1\xe8", "미디어 연결 끊김"}, // CP949
    {"\x83\x81\x83\x66\x83\x42\x83\x41\x82\xcd\x90\xda\x91\xb1\x82\xb3\x82\xea\x82\xc4\x82\xa2\x82\xdc\x82"
     "\xb9\x82"
     "\xf1",
     "メディアは接続されていません"},                                                         // CP932
    {"\xc3\xbd\xcc\xe5\xd2\xd1\xb6\xcf\xbf\xaa\xc1\xac\xbd\xd3", "媒体已断开连接"},           // CP936
    {"\xb4\x43\xc5\xe9\xa4\x77\xa4\xa4\xc2\x5f\xb3\x73\xbd\x75", "媒體已中斷連線"},           // CP950
    {"\x4d\x82\x64\x69\x61\x20\x64\x82\x63\x6f\x6e\x6e\x65\x63\x74\x82", "Média déconnecté"}, // CP850
    {"\x4d\xa1\x64\x69\x61\x20\x64\x65\x73\x63\x6f\x6e\x65\x63\x74\x61\x64\x61",
     "Mídia desconectada"}, // CP850
    {"\x91\xe0\xa5\xa4\xa0\x20\xaf\xa5\xe0\xa5\xa4\xa0\xe7\xa8\x20\xad\xa5\xa4\xae\xe1\xe2\xe3\xaf\xad\xa0",
     "Среда передачи недоступна"}, // CP866
};

bool looksUtf16(std::string_view bytes)
{
    if (bytes.size() >= 2 &&
        ((bytes[0] == '\xff' && bytes[1] == '\xfe') || (bytes[0] == '\xfe' && bytes[1] == '\xff')))
        return true;
    return bytes.find('\0') != std::string_view::npos;
}

// Linear: each line is looked at once per known word.
std::string restoreLegacyWords(std::string_view bytes)
{
    if (looksUtf16(bytes) || isValidUtf8(bytes))
        return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + 64);
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        const bool lastLine = end == std::string_view::npos;
        if (lastLine)
            end = bytes.size();
        std::string_view line = bytes.substr(start, end - start);
        for (const auto &word : kLegacyHeaders) {
            if (line.substr(0, word.legacy.size()) == word.legacy) {
                out += word.utf8;
                line.remove_prefix(word.legacy.size());
                break;
            }
        }
        for (const auto &word : kLegacyMedia) {
            const std::size_t at = line.find(word.legacy);
            if (at != std::string_view::npos && at > 0 && (line[at - 1] == ' ' || line[at - 1] == ':')) {
                out += line.substr(0, at);
                out += word.utf8;
                line.remove_prefix(at + word.legacy.size());
                break;
            }
        }
        for (char c : line)
            out += c == '\xff' ? ' ' : c; // NBSP in CP850 and CP866, never a lead byte in CP932/936/949/950
        if (!lastLine)
            out += '\n';
        start = end + 1;
    }
    return out;
}

// ---- structure

struct Field
{
    std::string_view label; // without the dot leader
    std::string_view value;
    std::vector<std::string_view> more; // continuation lines
};

struct Section
{
    std::string name;
    std::string_view header;
    std::vector<Field> fields;
};

bool hasDotLeader(std::string_view s)
{
    return s.find(". .") != std::string_view::npos || s.find(".:") != std::string_view::npos ||
           s.find(". :") != std::string_view::npos;
}

std::string nameAfter(std::string_view head, std::size_t pos)
{
    return std::string(trimPadding(head.substr(pos)));
}

// The adapter name in a section header (without its final colon), or nothing when the line is no header.
// `blankAfter`: the next line is empty, as it is after every real header; required when the header's words
// are not known.
std::optional<std::string> adapterName(std::string_view line, bool blankAfter)
{
    line = trimPadding(line);
    if (line.size() < 2 || line.back() != ':' || hasDotLeader(line))
        return std::nullopt;
    const std::string_view head = trimPadding(line.substr(0, line.size() - 1));
    std::string name;
    for (std::string_view prefix : kHeaderPrefixes) {
        if (head.substr(0, prefix.size()) == prefix) {
            name = nameAfter(head, prefix.size());
            return name.empty() ? std::nullopt : std::optional<std::string>(name);
        }
    }
    std::size_t best = std::string_view::npos;
    std::size_t bestLength = 0;
    for (std::string_view marker : kHeaderMarkers) {
        const std::size_t at = head.find(marker);
        if (at != std::string_view::npos && at < best) {
            best = at;
            bestLength = marker.size();
        }
    }
    const std::size_t english = ifind(head, "adapter ");
    if (english != std::string_view::npos && english < best) {
        best = english;
        bestLength = 8;
    }
    if (best != std::string_view::npos) {
        name = nameAfter(head, best + bestLength);
        return name.empty() ? std::nullopt : std::optional<std::string>(name);
    }
    // Words we do not know: a language not in the lists, or a code page we could not restore.
    if (!blankAfter || head.find(':') != std::string_view::npos || head.find('>') != std::string_view::npos)
        return std::nullopt;
    if (const std::size_t v = head.find("vEthernet"); v != std::string_view::npos)
        return nameAfter(head, v);
    // Drop the leading unreadable words ("\uFFFD\uFFFD \uFFFD\uFFFD Wi-Fi" -> "Wi-Fi").
    std::size_t cut = std::string_view::npos;
    std::size_t wordStart = 0;
    for (std::size_t i = 0; i <= head.size(); ++i) {
        if (i == head.size() || head[i] == ' ') {
            if (i > wordStart && hasNonAscii(head.substr(wordStart, i - wordStart)))
                cut = i;
            wordStart = i + 1;
        }
    }
    if (cut != std::string_view::npos && !trimPadding(head.substr(cut)).empty())
        return nameAfter(head, cut);
    return std::string(head);
}

bool labelHas(std::string_view label, std::string_view token)
{
    return label.find(token) != std::string_view::npos;
}

bool labelHasAnyToken(std::string_view label)
{
    for (std::string_view token : {"IPv4", "IPv6", "DNS", "DHCP", "WINS", "NetBIOS"})
        if (labelHas(label, token))
            return true;
    return false;
}

bool isMediaDisconnected(std::string_view value)
{
    for (std::string_view phrase : kMediaDisconnected)
        if (istartsWith(value, phrase))
            return true;
    return false;
}

std::string adapterLabel(const HostAdapter &adapter)
{
    return "Adapter " + quoted(adapter.name, 80);
}

// The field after an IPv4 address: its subnet mask.
std::optional<Error> applyMask(const HostAdapter &adapter, Address &a,
                               const std::optional<AddressValue> &mask, std::string_view value)
{
    if (!mask || mask->v6)
        return Error{adapterLabel(adapter) + ": the IPv4 address " + a.address + " is followed by " +
                     quoted(value, 80) +
                     " where its subnet mask (like 255.255.240.0) should be; paste the whole, "
                     "unedited ipconfig output."};
    const Result<int> prefix = maskToPrefix(mask->text);
    if (const Error *why = errorOf(prefix))
        return Error{adapterLabel(adapter) + ": " + why->message + " (for " + a.address +
                     "); ipconfig never prints such a mask, so this text was edited or damaged."};
    a.prefix = std::get<int>(prefix);
    return std::nullopt;
}

// An "IPv4 Address" field; its prefix length comes from the mask in the next field.
std::optional<Error> addIpv4(HostAdapter &adapter, const Field &f, const std::optional<AddressValue> &address)
{
    if (!address || address->v6)
        return Error{adapterLabel(adapter) + ": the IPv4 field " + quoted(f.label, 80) + " holds " +
                     quoted(f.value, 80) + ", which is not an IPv4 address (was the output cut off?)."};
    adapter.ipv4.push_back(Address{address->text, 0});
    return std::nullopt;
}

// An IPv6 address field. A link-local address is a /64 (the others' prefix length stays 0: unknown), and its
// %zone is the adapter's interface index.
std::optional<Error> addIpv6(HostAdapter &adapter, const Field &f, const std::optional<AddressValue> &address)
{
    if (!address || !address->v6)
        return Error{adapterLabel(adapter) + ": the IPv6 field " + quoted(f.label, 80) + " holds " +
                     quoted(f.value, 80) + ", which is not an IPv6 address (was the output cut off?)."};
    const bool linkLocal = istartsWith(address->text, "fe80:");
    adapter.ipv6.push_back(Address{address->text, linkLocal ? 64 : 0});
    if (linkLocal && address->zone && !adapter.ifIndex)
        adapter.ifIndex = address->zone;
    return std::nullopt;
}

// The physical address, if fields[i] holds one; the field before it, when it is plain text, is the
// adapter's description (ipconfig /all prints them one after the other).
bool takeMac(HostAdapter &adapter, const std::vector<Field> &fields, std::size_t i)
{
    auto mac = normalizeMac(trimPadding(fields[i].value));
    if (!mac)
        return false;
    adapter.mac = *mac;
    if (i > 0) {
        const Field &prev = fields[i - 1];
        const std::string_view d = trimPadding(prev.value);
        if (!d.empty() && !labelHasAnyToken(prev.label) && !parseAddressValue(d) && !isMediaDisconnected(d))
            adapter.description = std::string(d);
    }
    return true;
}

// A field's address (when it has one) and the addresses on its continuation lines.
void addAddressList(std::vector<std::string> &list, const std::optional<AddressValue> &first, const Field &f)
{
    if (first)
        list.push_back(first->text);
    for (std::string_view more : f.more)
        if (auto extra = parseAddressValue(more))
            list.push_back(extra->text);
}

// "No address waits for its mask". (Not an optional: MinGW's GCC 12 at -O3 warns, wrongly, that one may be
// used uninitialized.)
constexpr std::size_t kNoMask = static_cast<std::size_t>(-1);

Result<HostAdapter> readSection(const Section &section)
{
    HostAdapter adapter;
    adapter.name = section.name;
    adapter.wsl = section.name.rfind("vEthernet (WSL", 0) == 0;
    bool disconnected = false;
    bool sawAddress = false;
    bool gatewayDone = false;
    std::size_t pendingMask = kNoMask; // index into adapter.ipv4 of an address still waiting for its mask

    const auto &fields = section.fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Field &f = fields[i];
        const std::string_view label = f.label;
        const std::string_view value = f.value;
        const auto address = parseAddressValue(value);

        if (pendingMask != kNoMask) {
            if (auto err = applyMask(adapter, adapter.ipv4[pendingMask], address, value))
                return *err;
            pendingMask = kNoMask;
            continue;
        }
        if (isMediaDisconnected(value)) {
            disconnected = true;
            continue;
        }
        const bool dhcp = labelHas(label, "DHCP");
        if (labelHas(label, "IPv4") && !dhcp) {
            if (trimPadding(value).empty())
                continue;
            if (auto err = addIpv4(adapter, f, address))
                return *err;
            pendingMask = adapter.ipv4.size() - 1;
            sawAddress = true;
            continue;
        }
        if (labelHas(label, "IPv6") && !dhcp) {
            if (trimPadding(value).empty())
                continue;
            if (auto err = addIpv6(adapter, f, address))
                return *err;
            sawAddress = true;
            continue;
        }
        if (adapter.mac.empty() && takeMac(adapter, fields, i))
            continue;
        if (labelHas(label, "DNS") && address) {
            addAddressList(adapter.dnsServers, address, f);
            continue;
        }
        if (sawAddress && !gatewayDone && !labelHasAnyToken(label) &&
            (trimPadding(value).empty() || address)) {
            gatewayDone = true;
            addAddressList(adapter.gateways, address, f);
            continue;
        }
    }
    if (pendingMask != kNoMask)
        return Error{adapterLabel(adapter) + ": the IPv4 address " + adapter.ipv4[pendingMask].address +
                     " has no subnet mask line after it; the output seems cut off, paste all of it."};
    if (disconnected)
        adapter.up = false;
    else if (!adapter.ipv4.empty() || !adapter.ipv6.empty())
        adapter.up = true;
    return adapter;
}

Result<std::vector<HostAdapter>> parseIpconfigText(std::string_view text)
{
    const std::vector<std::string_view> lines = splitLines(text);
    std::vector<Section> sections;
    Section *current = nullptr;
    bool anyText = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view raw = lines[i];
        const std::string_view line = trimPadding(raw);
        if (line.empty())
            continue;
        anyText = true;
        const bool indented = isSpace(raw.front()) || unicodeSpaceAt(raw) > 0;
        if (!indented) {
            const bool blankAfter = i + 1 >= lines.size() || trimPadding(lines[i + 1]).empty();
            if (auto name = adapterName(line, blankAfter)) {
                sections.push_back(Section{std::move(*name), line, {}});
                current = &sections.back();
                continue;
            }
            // "Windows IP Configuration", a prompt, "...[omitted]...": not part of any adapter, unless the
            // paste lost its indentation and this is a field or continuation line.
            if (line.find(':') == std::string_view::npos && !parseAddressValue(line)) {
                current = nullptr;
                continue;
            }
        }
        if (!current)
            continue;
        if (parseAddressValue(line)) {
            if (!current->fields.empty())
                current->fields.back().more.push_back(line);
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        Field field;
        field.label = withoutLeader(line.substr(0, colon));
        field.value = trimPadding(line.substr(colon + 1));
        current->fields.push_back(field);
    }
    if (!anyText)
        return Error{"The input is empty; paste the output of `ipconfig` or `ipconfig /all`."};
    if (sections.empty())
        return Error{"No adapter section was found: ipconfig output has lines like \"Ethernet adapter "
                     "vEthernet (WSL):\" followed by indented \"IPv4 Address. . . : 172.19.128.1\" lines; "
                     "paste the output of `ipconfig` or `ipconfig /all`."};
    if (sections.back().fields.empty())
        return Error{"The output ends right after the adapter header " + quoted(sections.back().header, 80) +
                     ", with none of its lines: it seems cut off; paste all of it."};

    std::vector<HostAdapter> adapters;
    adapters.reserve(sections.size());
    for (const Section &section : sections) {
        if (section.fields.empty())
            continue;
        auto adapter = readSection(section);
        if (auto *error = std::get_if<Error>(&adapter))
            return *error;
        adapters.push_back(std::move(std::get<HostAdapter>(adapter)));
    }
    return adapters;
}

} // namespace

Result<std::vector<HostAdapter>> parseIpconfig(std::string_view bytes)
{
    try {
        const std::string text = decodeCaptureText(restoreLegacyWords(bytes));
        return parseIpconfigText(text);
    } catch (...) {
        return Error{"The ipconfig output could not be read (out of memory?); paste a shorter excerpt."};
    }
}

} // namespace wslatlas
