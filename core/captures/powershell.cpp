// PowerShell outputs: Get-NetAdapter -IncludeHidden, Get-NetIPAddress, Get-NetAdapterBinding -IncludeHidden
// and Get-VMSwitch, each in the three forms people paste or the program captures:
//   - `| ConvertTo-Json` (an object, or an array of objects; numbers for enums such as AddressFamily 2/23);
//   - the default table ("Name  InterfaceDescription  ifIndex ..." over a "----" line), whose column
//     positions come from the dash line and whose cells may be cut with "..." or "…";
//   - the list form ("IPAddress : 172.19.128.1" blocks, or `| Format-List`).
// All three become records (property name -> text), read the same way. Property names and values such as
// Status ("Up") and Enabled ("True") are not translated by PowerShell, so they are matched as they are.
#include "address.h"
#include "capture_parsers.h"
#include "json_scan.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
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

// ---- text helpers

using namespace text;

std::string firstNonBlank(const std::vector<std::string_view> &lines)
{
    for (std::string_view line : lines)
        if (!trimPadding(line).empty())
            return quoted(trimPadding(line), 80);
    return "\"\"";
}

// PowerShell 7.2+ colours table headers and list labels: ESC [ ... m. Also drops OSC sequences (ESC ] ...
// BEL).
std::string stripAnsi(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\x1b') {
            out += s[i];
            continue;
        }
        if (i + 1 < s.size() && s[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < s.size() && !(s[j] >= 0x40 && s[j] <= 0x7e))
                ++j;
            i = j;
        } else if (i + 1 < s.size() && s[i + 1] == ']') {
            std::size_t j = i + 2;
            while (j < s.size() && s[j] != '\x07' && s[j] != '\n')
                ++j;
            i = j;
        }
    }
    return out;
}

// ifIndex, InterfaceIndex, MtuSize: Windows prints them as unsigned; a sign means the text was altered.
std::optional<int> toCount(std::string_view s)
{
    return parseWhole<int>(trimPadding(s));
}

// A table cell that Format-Table shortened: "vEthernet (WSL (Hyper-V firew..." (Windows PowerShell) or "…"
// (7).
bool cutByFormatter(std::string_view s)
{
    return s.size() >= 3 && (s.substr(s.size() - 3) == "..." || s.substr(s.size() - 3) == "\xe2\x80\xa6");
}

// The 8-byte "MAC" of tunnel pseudo-interfaces (Teredo, 6to4): 00-00-00-00-00-00-00-E0. Not an Ethernet
// address.
bool isTunnelAddress(std::string_view v)
{
    if (v.size() != 23)
        return false;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (i % 3 == 2 ? v[i] != '-' : !isHexDigit(v[i]))
            return false;
    return true;
}

using Record = std::vector<std::pair<std::string, std::string>>;

const std::string *field(const Record &record, std::string_view key)
{
    for (const auto &[name, value] : record)
        if (iequals(name, key))
            return &value;
    return nullptr;
}

std::string_view fieldOr(const Record &record, std::string_view key, std::string_view fallback = {})
{
    const std::string *value = field(record, key);
    return value ? std::string_view(*value) : fallback;
}

struct RecordSet
{
    std::vector<Record> records;
    std::string form; // "JSON", "table", "list": for messages
};

// ---- display columns (tables are laid out in console cells: CJK characters take two)

int cellWidth(char32_t cp)
{
    if (cp >= 0x300 && cp <= 0x36f)
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
        (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd))
        return 2;
    return 1;
}

// offsets[c] = the byte where display column c starts; the last entry is line.size().
std::vector<std::size_t> columnOffsets(std::string_view line, bool wideCjk = true)
{
    std::vector<std::size_t> offsets;
    offsets.reserve(line.size() + 1);
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        std::size_t len = 1;
        char32_t cp = c;
        if (c >= 0xc0 && c < 0xe0)
            len = 2, cp = c & 0x1f;
        else if (c >= 0xe0 && c < 0xf0)
            len = 3, cp = c & 0x0f;
        else if (c >= 0xf0 && c < 0xf8)
            len = 4, cp = c & 0x07;
        if (i + len > line.size())
            len = line.size() - i;
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(line[i + k]) & 0x3f);
        const int width = c < 0x80 || !wideCjk ? 1 : cellWidth(cp);
        for (int k = 0; k < width; ++k)
            offsets.push_back(i);
        i += len;
    }
    offsets.push_back(line.size());
    return offsets;
}

std::string_view sliceColumns(std::string_view line, const std::vector<std::size_t> &offsets, std::size_t c0,
                              std::size_t c1)
{
    const std::size_t last = offsets.size() - 1;
    const std::size_t b0 = offsets[std::min(c0, last)];
    const std::size_t b1 = offsets[std::min(c1, last)];
    return b1 > b0 ? line.substr(b0, b1 - b0) : std::string_view();
}

bool isDashLine(std::string_view line)
{
    const std::string_view t = trimPadding(line);
    if (t.empty())
        return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || c == ' '; });
}

struct Run
{
    std::size_t start = 0;
    std::size_t end = 0; // exclusive
};

struct Table
{
    std::vector<std::string> columns;
    std::vector<Record> rows;
};

char charAtColumn(std::string_view row, const std::vector<std::size_t> &offsets, std::size_t c)
{
    return c + 1 < offsets.size() ? row[offsets[c]] : ' ';
}

// Where each cell of a row starts: at its dash run, or further left for a right-aligned cell wider than its
// header.
std::vector<std::size_t> cellStarts(std::string_view row, const std::vector<std::size_t> &offsets,
                                    const std::vector<Run> &runs)
{
    std::vector<std::size_t> starts(runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        std::size_t s = runs[r].start;
        const std::size_t floor = r > 0 ? runs[r - 1].end + 1 : 0;
        while (r > 0 && s > floor && charAtColumn(row, offsets, s - 1) != ' ' &&
               charAtColumn(row, offsets, s) != ' ')
            --s;
        starts[r] = s;
    }
    return starts;
}

// Every cell but the first is preceded by the one-space column separator.
bool separatorsFit(std::string_view row, const std::vector<std::size_t> &offsets,
                   const std::vector<std::size_t> &starts)
{
    for (std::size_t r = 1; r < starts.size(); ++r)
        if (starts[r] > 0 && charAtColumn(row, offsets, starts[r] - 1) != ' ')
            return false;
    return true;
}

// Every "header / ---- / rows / blank line" block in the text.
std::vector<Table> findTables(const std::vector<std::string_view> &lines)
{
    std::vector<Table> tables;
    for (std::size_t d = 1; d < lines.size(); ++d) {
        if (!isDashLine(lines[d]) || trimPadding(lines[d - 1]).empty())
            continue;
        const std::string_view dashes = lines[d];
        std::vector<Run> runs; // ASCII only, so bytes are columns
        for (std::size_t i = 0; i < dashes.size();) {
            if (dashes[i] != '-') {
                ++i;
                continue;
            }
            Run run{i, i};
            while (i < dashes.size() && dashes[i] == '-')
                ++i;
            run.end = i;
            runs.push_back(run);
        }
        const std::string_view header = lines[d - 1];
        const auto headerOffsets = columnOffsets(header);
        Table table;
        bool ok = true;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const std::size_t next = r + 1 < runs.size() ? runs[r + 1].start : runs[r].end;
            const std::string_view name =
                trimPadding(sliceColumns(header, headerOffsets, runs[r].start, next));
            if (name.empty() || name.find(' ') != std::string_view::npos) {
                ok = false;
                break;
            }
            table.columns.emplace_back(name);
        }
        if (!ok || runs.empty())
            continue;
        for (std::size_t i = d + 1; i < lines.size(); ++i) {
            const std::string_view row = lines[i];
            if (trimPadding(row).empty() || isDashLine(row))
                break;
            // Console cells (CJK = 2) as PowerShell lays tables out, or code points (some hosts pad by
            // those): the reading whose cells sit after their separators, with the fewest cells reaching left
            // of their dashes, wins.
            std::vector<std::size_t> offsets = columnOffsets(row, true);
            std::vector<std::size_t> starts = cellStarts(row, offsets, runs);
            if (std::any_of(row.begin(), row.end(),
                            [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
                auto shifted = [&](const std::vector<std::size_t> &st) {
                    std::size_t n = 0;
                    for (std::size_t r = 0; r < runs.size(); ++r)
                        n += st[r] != runs[r].start;
                    return n;
                };
                std::vector<std::size_t> narrowOffsets = columnOffsets(row, false);
                std::vector<std::size_t> narrowStarts = cellStarts(row, narrowOffsets, runs);
                const bool wideFits = separatorsFit(row, offsets, starts);
                const bool narrowFits = separatorsFit(row, narrowOffsets, narrowStarts);
                if ((narrowFits && !wideFits) || (narrowFits && shifted(narrowStarts) < shifted(starts))) {
                    offsets = std::move(narrowOffsets);
                    starts = std::move(narrowStarts);
                }
            }
            const std::size_t width = offsets.size() - 1;
            Record record;
            for (std::size_t r = 0; r < runs.size(); ++r) {
                const std::size_t end = r + 1 < runs.size() ? starts[r + 1] : width;
                record.emplace_back(table.columns[r],
                                    std::string(trimPadding(sliceColumns(row, offsets, starts[r], end))));
            }
            table.rows.push_back(std::move(record));
            d = i;
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

// "Key   : value" blocks (Format-List). Wrapped values continue on lines that start with spaces.
std::vector<Record> findLists(const std::vector<std::string_view> &lines)
{
    std::vector<Record> records;
    Record current;
    auto flush = [&]() {
        if (!current.empty())
            records.push_back(std::move(current));
        current.clear();
    };
    for (std::string_view line : lines) {
        if (trimPadding(line).empty()) {
            flush();
            continue;
        }
        std::size_t k = 0;
        while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_'))
            ++k;
        std::size_t colon = k;
        while (colon < line.size() && line[colon] == ' ')
            ++colon;
        const bool keyLine = k > 0 && colon < line.size() && line[colon] == ':' &&
                             (colon + 1 == line.size() || line[colon + 1] == ' ');
        if (keyLine) {
            current.emplace_back(std::string(line.substr(0, k)),
                                 std::string(trimPadding(line.substr(colon + 1))));
        } else if (isSpace(line.front()) && !current.empty()) {
            std::string &value = current.back().second;
            if (!value.empty())
                value += ' ';
            value += trimPadding(line);
        } else {
            flush();
        }
    }
    flush();
    return records;
}

// ---- JSON

void collectObjects(const json &value, std::vector<const json *> &out)
{
    if (value.is_object()) {
        out.push_back(&value);
    } else if (value.is_array()) {
        for (const json &item : value)
            if (item.is_object())
                out.push_back(&item);
    }
}

Record recordFromJson(const json &object)
{
    Record record;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const json &v = it.value();
        std::string text;
        if (v.is_string())
            text = v.get<std::string>();
        else if (v.is_boolean())
            text = v.get<bool>() ? "True" : "False";
        else if (v.is_number_integer())
            text = std::to_string(v.get<std::int64_t>());
        else if (v.is_number_unsigned())
            text = std::to_string(v.get<std::uint64_t>());
        else if (v.is_number_float())
            text = v.dump();
        else if (!v.is_null())
            continue; // nested objects and arrays: nothing this parser needs
        record.emplace_back(it.key(), std::move(text));
    }
    return record;
}

// ---- reading any of the three forms

struct Shape
{
    std::string_view command; // "Get-NetAdapter -IncludeHidden"
    std::vector<std::string_view> required;
    std::vector<std::string_view> anyOf; // at least one of these, when not empty
    std::string_view example;            // the table header, for messages
};

bool fits(const Record &record, const Shape &shape)
{
    for (std::string_view key : shape.required)
        if (!field(record, key))
            return false;
    if (shape.anyOf.empty())
        return true;
    return std::any_of(shape.anyOf.begin(), shape.anyOf.end(),
                       [&](std::string_view key) { return field(record, key) != nullptr; });
}

std::string joinKeys(const Shape &shape)
{
    std::string out;
    for (std::string_view key : shape.required) {
        if (!out.empty())
            out += ", ";
        out += key;
    }
    return out;
}

Result<RecordSet> readRecords(std::string_view decoded, const Shape &shape)
{
    const std::string text = stripAnsi(decoded);
    const std::vector<std::string_view> lines = splitLines(text);
    if (std::all_of(lines.begin(), lines.end(), [](std::string_view l) { return trimPadding(l).empty(); }))
        return Error{"The input is empty; paste the output of `" + std::string(shape.command) + "`."};

    JsonScan scan = scanJson(text);
    if (!scan.error.empty())
        return Error{"Cannot read the `" + std::string(shape.command) +
                     " | ConvertTo-Json` output: " + scan.error + "; paste all of it."};
    if (!scan.values.empty()) {
        std::vector<const json *> objects;
        for (const json &value : scan.values)
            collectObjects(value, objects);
        if (objects.empty())
            return Error{"The JSON holds no objects; expected the output of `" + std::string(shape.command) +
                         " | ConvertTo-Json` (objects with " + joinKeys(shape) + ")."};
        RecordSet set{{}, "JSON"};
        for (std::size_t n = 0; n < objects.size(); ++n) {
            Record record = recordFromJson(*objects[n]);
            if (!fits(record, shape))
                return Error{"JSON object " + std::to_string(n + 1) + " of " +
                             std::to_string(objects.size()) + " lacks " + joinKeys(shape) +
                             ": it is not from `" + std::string(shape.command) + " | ConvertTo-Json`."};
            set.records.push_back(std::move(record));
        }
        return set;
    }

    const std::vector<Table> tables = findTables(lines);
    RecordSet set{{}, "table"};
    std::string otherColumns;
    for (const Table &table : tables) {
        if (table.rows.empty() || !fits(table.rows.front(), shape)) {
            if (otherColumns.empty())
                for (const auto &c : table.columns)
                    otherColumns += (otherColumns.empty() ? "" : " ") + c;
            continue;
        }
        set.records.insert(set.records.end(), table.rows.begin(), table.rows.end());
    }
    if (!set.records.empty())
        return set;

    RecordSet list{{}, "list"};
    for (Record &record : findLists(lines))
        if (fits(record, shape))
            list.records.push_back(std::move(record));
    if (!list.records.empty())
        return list;

    if (!otherColumns.empty())
        return Error{"The table has the columns \"" + otherColumns + "\", not those of `" +
                     std::string(shape.command) + "` (" + std::string(shape.example) +
                     "); paste that command's output."};
    return Error{"Expected the output of `" + std::string(shape.command) + "`: a table with the columns " +
                 std::string(shape.example) +
                 " over a \"----\" line, its list form, or its `| ConvertTo-Json` "
                 "form; the input starts with " +
                 firstNonBlank(lines) + "."};
}

std::string rowName(const Record &record, std::size_t n)
{
    const std::string *name = field(record, "Name");
    if (name && !name->empty())
        return quoted(*name, 80);
    return "#" + std::to_string(n + 1);
}

// ---- the four commands

constexpr std::string_view kWslPrefix = "vEthernet (WSL";

Result<std::vector<HostAdapter>> netAdaptersFrom(const RecordSet &set)
{
    std::vector<HostAdapter> adapters;
    for (std::size_t n = 0; n < set.records.size(); ++n) {
        const Record &r = set.records[n];
        HostAdapter a;
        a.name = std::string(trimPadding(fieldOr(r, "Name")));
        if (a.name.empty())
            return Error{"Get-NetAdapter " + set.form + " entry " + std::to_string(n + 1) + " has no Name."};
        a.wsl = a.name.rfind(kWslPrefix, 0) == 0;
        a.description = std::string(trimPadding(fieldOr(r, "InterfaceDescription", fieldOr(r, "ifDesc"))));
        const std::string_view index = trimPadding(fieldOr(r, "ifIndex", fieldOr(r, "InterfaceIndex")));
        if (!index.empty()) {
            a.ifIndex = toCount(index);
            if (!a.ifIndex)
                return Error{"Get-NetAdapter " + set.form + ": adapter " + quoted(a.name, 80) +
                             " has ifIndex " + quoted(index, 80) +
                             ", which is not an interface index (is the output cut off?)."};
        }
        const std::string *status = field(r, "Status");
        if (status) {
            const std::string_view s = trimPadding(*status);
            if (iequals(s, "Up") || iequals(s, "Connected"))
                a.up = true;
            else if (iequals(s, "Disconnected") || iequals(s, "Disabled") || iequals(s, "Not Present") ||
                     iequals(s, "NotPresent") || iequals(s, "Down"))
                a.up = false;
            else if (s.empty() && set.form == "table")
                return Error{"Get-NetAdapter table: the row of " + quoted(a.name, 80) +
                             " has no Status (the output seems cut off); paste all of it."};
        } else if (const std::string *media = field(r, "MediaConnectionState")) {
            // 1 = Connected, 2 = Disconnected (NET_IF_MEDIA_CONNECT_STATE)
            if (trimPadding(*media) == "1" || iequals(trimPadding(*media), "Connected"))
                a.up = true;
            else if (trimPadding(*media) == "2" || iequals(trimPadding(*media), "Disconnected"))
                a.up = false;
        }
        const std::string_view mac = trimPadding(fieldOr(r, "MacAddress"));
        if (!mac.empty()) {
            auto normalized = normalizeMac(mac);
            if (normalized)
                a.mac = *normalized;
            else if (!cutByFormatter(mac) && !isTunnelAddress(mac))
                return Error{"Get-NetAdapter " + set.form + ": adapter " + quoted(a.name, 80) +
                             " has MacAddress " + quoted(mac, 80) +
                             ", which is not a MAC address like 00-15-5D-85-86-CF (is it cut off?)."};
        }
        const std::string_view mtu = trimPadding(fieldOr(r, "MtuSize", fieldOr(r, "MTUSize")));
        if (!mtu.empty()) {
            a.mtu = toCount(mtu);
            if (!a.mtu)
                return Error{"Get-NetAdapter " + set.form + ": adapter " + quoted(a.name, 80) +
                             " has MtuSize " + quoted(mtu, 80) + ", which is not an MTU."};
        }
        adapters.push_back(std::move(a));
    }
    return adapters;
}

Result<std::vector<HostAdapter>> netIpAddressesFrom(const RecordSet &set)
{
    std::vector<HostAdapter> adapters;
    std::map<std::string, std::size_t> byKey;
    for (std::size_t n = 0; n < set.records.size(); ++n) {
        const Record &r = set.records[n];
        const std::string where = "Get-NetIPAddress " + set.form + " entry " + std::to_string(n + 1);
        std::string_view ip = trimPadding(fieldOr(r, "IPAddress"));
        if (ip.empty())
            return Error{where + " has no IPAddress (is the output cut off?)."};
        const std::string_view text = ip.substr(0, ip.find('%'));
        bool v6 = false;
        if (parseIpv4(text)) {
            v6 = false;
        } else if (isIpv6Literal(text)) {
            v6 = true;
        } else {
            return Error{where + ": " + quoted(ip, 80) + " is not an IPv4 or IPv6 address (is it cut off?)."};
        }
        const std::string_view family = trimPadding(fieldOr(r, "AddressFamily"));
        if (!family.empty()) {
            bool familyV6 = false;
            if (family == "2" || iequals(family, "IPv4"))
                familyV6 = false;
            else if (family == "23" || iequals(family, "IPv6"))
                familyV6 = true;
            else
                return Error{where + ": AddressFamily " + quoted(family, 80) +
                             " is neither IPv4 (2) nor IPv6 (23)."};
            if (familyV6 != v6)
                return Error{where + ": " + quoted(ip, 80) + " is listed with AddressFamily " +
                             quoted(family, 80) + ", which does not match the address."};
        }
        const std::string_view prefixText = trimPadding(fieldOr(r, "PrefixLength"));
        const auto prefix = parseWhole<int>(prefixText);
        if (!prefix || *prefix < 0 || *prefix > (v6 ? 128 : 32))
            return Error{where + ": address " + quoted(ip, 80) + " has PrefixLength " +
                         quoted(prefixText, 80) + ", which is not a prefix length (0 to " +
                         (v6 ? "128" : "32") + ")."};
        const std::string_view indexText = trimPadding(fieldOr(r, "InterfaceIndex", fieldOr(r, "ifIndex")));
        std::optional<int> index;
        if (!indexText.empty()) {
            index = toCount(indexText);
            if (!index)
                return Error{where + ": InterfaceIndex " + quoted(indexText, 80) +
                             " is not an interface index."};
        }
        const std::string alias(trimPadding(fieldOr(r, "InterfaceAlias", fieldOr(r, "ifAlias"))));
        if (!index && alias.empty())
            return Error{where + ": address " + quoted(ip, 80) +
                         " has neither InterfaceIndex nor InterfaceAlias."};
        const std::string key = index ? "#" + std::to_string(*index) : "@" + alias;
        auto [it, inserted] = byKey.emplace(key, adapters.size());
        if (inserted) {
            HostAdapter a;
            a.ifIndex = index;
            adapters.push_back(std::move(a));
        }
        HostAdapter &a = adapters[it->second];
        if (a.name.empty() && !alias.empty()) {
            a.name = alias;
            a.wsl = alias.rfind(kWslPrefix, 0) == 0;
        }
        std::string address;
        address.reserve(text.size());
        for (char c : text)
            address += v6 ? asciiLower(c) : c;
        (v6 ? a.ipv6 : a.ipv4).push_back(Address{std::move(address), *prefix});
    }
    return adapters;
}

Result<std::vector<AdapterBinding>> bindingsFrom(const RecordSet &set)
{
    std::vector<AdapterBinding> bindings;
    for (std::size_t n = 0; n < set.records.size(); ++n) {
        const Record &r = set.records[n];
        AdapterBinding b;
        b.adapter = std::string(trimPadding(fieldOr(r, "Name", fieldOr(r, "InterfaceAlias"))));
        b.displayName = std::string(trimPadding(fieldOr(r, "DisplayName")));
        b.component = std::string(trimPadding(fieldOr(r, "ComponentID")));
        const std::string_view enabled = trimPadding(fieldOr(r, "Enabled"));
        const std::string where = "Get-NetAdapterBinding " + set.form + " entry " + rowName(r, n);
        if (b.component.empty() || enabled.empty())
            return Error{where + " has no " + (b.component.empty() ? "ComponentID" : "Enabled") +
                         " value (the output seems cut off); paste all of it."};
        if (iequals(enabled, "True") || enabled == "1")
            b.enabled = true;
        else if (iequals(enabled, "False") || enabled == "0")
            b.enabled = false;
        else
            return Error{where + ": Enabled is " + quoted(enabled, 80) + ", neither True nor False."};
        bindings.push_back(std::move(b));
    }
    return bindings;
}

Result<std::vector<VirtualSwitch>> switchesFrom(const RecordSet &set)
{
    std::vector<VirtualSwitch> switches;
    for (std::size_t n = 0; n < set.records.size(); ++n) {
        const Record &r = set.records[n];
        VirtualSwitch s;
        s.name = std::string(trimPadding(fieldOr(r, "Name", fieldOr(r, "SwitchName"))));
        s.id = std::string(trimPadding(fieldOr(r, "Id")));
        const std::string_view type = trimPadding(fieldOr(r, "SwitchType"));
        const std::string where = "Get-VMSwitch " + set.form + " entry " + std::to_string(n + 1);
        if (s.name.empty())
            return Error{where + " has no Name."};
        if (type.empty())
            return Error{where + " (" + quoted(s.name, 80) +
                         ") has no SwitchType (the output seems cut off); paste all of it."};
        if (const auto number = parseWhole<int>(type)) {
            // Microsoft.HyperV.PowerShell.VMSwitchType
            static constexpr std::string_view kTypes[] = {"Private", "Internal", "External"};
            if (*number < 0 || *number > 2)
                return Error{where + " (" + quoted(s.name, 80) + "): SwitchType " + quoted(type, 80) +
                             " is not 0 (Private), 1 (Internal) or 2 (External)."};
            s.type = std::string(kTypes[*number]);
        } else {
            s.type = std::string(type);
        }
        switches.push_back(std::move(s));
    }
    return switches;
}

template <typename T, typename F>
Result<T> parseWith(std::string_view bytes, const Shape &shape, F convert, std::string_view what)
{
    try {
        const std::string text = decodeCaptureText(bytes);
        auto records = readRecords(text, shape);
        if (auto *error = std::get_if<Error>(&records))
            return *error;
        return convert(std::get<RecordSet>(records));
    } catch (...) {
        return Error{"The " + std::string(what) +
                     " output could not be read (out of memory?); paste a shorter excerpt."};
    }
}

} // namespace

Result<std::vector<HostAdapter>> parseNetAdapters(std::string_view bytes)
{
    static const Shape shape{"Get-NetAdapter -IncludeHidden",
                             {"Name"},
                             {"InterfaceDescription", "ifIndex", "MacAddress", "Status", "ifDesc"},
                             "Name, InterfaceDescription, ifIndex, Status, MacAddress, LinkSpeed"};
    return parseWith<std::vector<HostAdapter>>(bytes, shape, netAdaptersFrom, "Get-NetAdapter");
}

Result<std::vector<HostAdapter>> parseNetIpAddress(std::string_view bytes)
{
    static const Shape shape{"Get-NetIPAddress",
                             {"IPAddress"},
                             {"InterfaceIndex", "InterfaceAlias", "ifIndex"},
                             "IPAddress, InterfaceIndex, InterfaceAlias, AddressFamily, PrefixLength"};
    return parseWith<std::vector<HostAdapter>>(bytes, shape, netIpAddressesFrom, "Get-NetIPAddress");
}

Result<std::vector<AdapterBinding>> parseAdapterBindings(std::string_view bytes)
{
    static const Shape shape{"Get-NetAdapterBinding -IncludeHidden",
                             {"ComponentID", "Enabled"},
                             {},
                             "Name, DisplayName, ComponentID, Enabled"};
    return parseWith<std::vector<AdapterBinding>>(bytes, shape, bindingsFrom, "Get-NetAdapterBinding");
}

Result<std::vector<VirtualSwitch>> parseVmSwitch(std::string_view bytes)
{
    static const Shape shape{
        "Get-VMSwitch", {"Name", "SwitchType"}, {}, "Name, SwitchType, NetAdapterInterfaceDescription"};
    return parseWith<std::vector<VirtualSwitch>>(bytes, shape, switchesFrom, "Get-VMSwitch");
}

} // namespace wslatlas
