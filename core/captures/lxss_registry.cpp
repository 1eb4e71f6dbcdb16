// parseLxssRegistry: the Lxss keys, as `reg query ...\Lxss /s` prints them (HKLM and HKCU may be in
// one file), as a regedit export (.reg), or as the "Name (REG_SZ) : value" notes people write.
// WSL writes NatGatewayIpAddress and NatNetwork to HKLM\...\Lxss and NatIpAddress to HKCU\...\Lxss
// (WslCoreConfig.cpp, SaveNetworkingSettings); each distro is an HKCU subkey named by its {GUID}.
#include "capture_parsers.h"
#include "text_util.h"

namespace wslatlas {

namespace {

using namespace text;
using namespace textutil;

struct Value
{
    std::string name, type, data;
};

struct Key
{
    std::string path;
    std::vector<Value> values;
};

// "{3ef4ba5e-5d6e-4b0a-8c5a-1a1b2c3d4e5f}"
bool isGuidKeyName(std::string_view s)
{
    if (s.size() != 38 || s.front() != '{' || s.back() != '}')
        return false;
    for (std::size_t i = 1; i < 37; ++i) {
        char c = s[i];
        bool dash = i == 9 || i == 14 || i == 19 || i == 24;
        if (dash ? c != '-' : !isHexDigit(c))
            return false;
    }
    return true;
}

bool isKeyPath(std::string_view s)
{
    return istartsWith(s, "HKEY_") || istartsWith(s, "HKLM\\") || istartsWith(s, "HKCU\\");
}

// The path below ...\Lxss, or nullopt when the key is not in the Lxss tree.
std::optional<std::string_view> lxssRelative(std::string_view path)
{
    std::size_t at = ifind(path, "\\Lxss");
    while (at != std::string_view::npos) {
        std::size_t end = at + 5;
        if (end == path.size())
            return std::string_view{};
        if (path[end] == '\\')
            return path.substr(end + 1);
        at = ifind(path, "\\Lxss", end);
    }
    return std::nullopt;
}

// "    Name    REG_SZ    data": reg.exe separates the three parts with four spaces.
std::optional<Value> regQueryValue(std::string_view line)
{
    if (line.substr(0, 4) != "    ")
        return std::nullopt;
    std::string_view rest = line.substr(4);
    std::size_t typeAt = rest.find("    REG_");
    if (typeAt == std::string_view::npos)
        return std::nullopt;
    Value v;
    v.name = std::string(rest.substr(0, typeAt));
    std::string_view afterName = rest.substr(typeAt + 4);
    std::size_t typeEnd = afterName.find(' ');
    v.type = std::string(afterName.substr(0, typeEnd));
    if (typeEnd != std::string_view::npos)
        v.data = std::string(trimPaddingLeft(afterName.substr(typeEnd)));
    return v;
}

// "NatNetwork (REG_SZ) : 172.19.128.0/20" (article 000's notes).
std::optional<Value> noteValue(std::string_view line)
{
    line = trimPadding(line);
    std::size_t open = line.find(" (REG_");
    if (open == std::string_view::npos)
        return std::nullopt;
    std::size_t close = line.find(')', open);
    if (close == std::string_view::npos)
        return std::nullopt;
    std::string_view after = trimPaddingLeft(line.substr(close + 1));
    if (after.substr(0, 1) != ":")
        return std::nullopt;
    return Value{std::string(line.substr(0, open)), std::string(line.substr(open + 2, close - open - 2)),
                 std::string(trimPadding(after.substr(1)))};
}

// The inside of a .reg string: \\ and \" are escapes.
std::string unescapeRegString(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size())
            ++i;
        out += s[i];
    }
    return out;
}

// hex(2):43,00,3a,00,... is REG_EXPAND_SZ as UTF-16LE bytes.
std::string decodeRegHexString(std::string_view hexList)
{
    std::string bytes;
    std::size_t i = 0;
    while (i < hexList.size()) {
        while (i < hexList.size() && (hexList[i] == ',' || isSpace(hexList[i]) || hexList[i] == '\\'))
            ++i;
        std::size_t start = i;
        while (i < hexList.size() && hexList[i] != ',' && !isSpace(hexList[i]) && hexList[i] != '\\')
            ++i;
        if (i > start)
            if (auto b = parseInteger("0x" + std::string(hexList.substr(start, i - start))))
                bytes += static_cast<char>(*b & 0xFF);
    }
    return decodeCaptureText("\xFF\xFE" + bytes); // drops the terminating U+0000
}

// "NAME"="data" / "NAME"=dword:00000002 / "NAME"=hex(2):... / @="..." in a regedit export.
std::optional<Value> regExportValue(std::string_view line)
{
    line = trimPadding(line);
    std::string name;
    std::size_t i = 0;
    if (line.substr(0, 2) == "@=") {
        name = "(Default)";
        i = 1;
    } else {
        if (line.substr(0, 1) != "\"")
            return std::nullopt;
        std::size_t close = 1;
        while (close < line.size() && line[close] != '"')
            close += line[close] == '\\' ? 2 : 1;
        if (close >= line.size() || line.substr(close + 1, 1) != "=")
            return std::nullopt;
        name = unescapeRegString(line.substr(1, close - 1));
        i = close + 1;
    }
    std::string_view data = line.substr(i + 1);
    if (data.size() >= 2 && data.front() == '"' && data.back() == '"')
        return Value{name, "REG_SZ", unescapeRegString(data.substr(1, data.size() - 2))};
    if (istartsWith(data, "dword:")) {
        auto v = parseInteger("0x" + std::string(trimPadding(data.substr(6))));
        return Value{name, "REG_DWORD",
                     v ? "0x" + std::string(trimPadding(data.substr(6))) : std::string(data.substr(6))};
    }
    if (istartsWith(data, "hex(2):"))
        return Value{name, "REG_EXPAND_SZ", decodeRegHexString(data.substr(7))};
    return Value{name, "REG_BINARY", std::string(data)};
}

bool isKnownType(std::string_view type)
{
    for (std::string_view known :
         {"REG_SZ", "REG_EXPAND_SZ", "REG_DWORD", "REG_QWORD", "REG_MULTI_SZ", "REG_BINARY", "REG_NONE",
          "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_RESOURCE_LIST"})
        if (type == known)
            return true;
    return false;
}

const Value *findValue(const Key &key, std::string_view name)
{
    for (const Value &v : key.values)
        if (iequals(v.name, name))
            return &v;
    return nullptr;
}

std::optional<int> dwordOf(const Value *v)
{
    if (!v)
        return std::nullopt;
    auto n = parseInteger(v->data);
    if (!n || *n < 0 || *n > 0xFFFFFFFFLL)
        return std::nullopt;
    return static_cast<int>(*n);
}

// A key line: "HKEY_CURRENT_USER\...\Lxss" as reg.exe prints it, or "[HKEY_...\Lxss]" in a regedit export.
std::optional<std::string> keyPathOf(std::string_view bare)
{
    if (bare.size() > 2 && bare.front() == '[' && isKeyPath(bare.substr(1)) &&
        trimPaddingRight(bare).back() == ']') {
        std::string_view path = trimPaddingRight(bare);
        return std::string(path.substr(1, path.size() - 2));
    }
    if (isKeyPath(bare))
        return std::string(trimPaddingRight(bare));
    return std::nullopt;
}

// regedit wraps hex data over lines ending in a backslash: the value of all of them, read again when
// there was more than one line (n moves to the last).
std::optional<Value> unwrappedExportValue(Value first, std::string_view bare,
                                          const std::vector<std::string_view> &lines, std::size_t &n)
{
    std::string joined(trimPaddingRight(bare));
    while (!joined.empty() && joined.back() == '\\' && n + 1 < lines.size()) {
        joined.pop_back();
        joined += trimPadding(lines[++n]);
    }
    if (joined == trimPaddingRight(bare))
        return first;
    return regExportValue(joined);
}

struct Listing
{
    std::vector<Key> keys;
    std::size_t lastText = 0; // the last line that is not blank
    bool cutValue = false;    // that line is an indented line that is no value: a cut-off paste
};

// The keys and their values in any of the three forms; lines before the first key are skipped.
Listing readKeys(const std::vector<std::string_view> &lines)
{
    Listing out;
    for (std::size_t n = 0; n < lines.size(); ++n)
        if (!isBlank(lines[n]))
            out.lastText = n;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = lines[n];
        // Notes pasted from a source file or an article: "// HKEY_LOCAL_MACHINE\..."
        std::string_view bare = trimPaddingLeft(line);
        if (bare.substr(0, 2) == "//")
            bare = trimPaddingLeft(bare.substr(2));
        if (auto path = keyPathOf(bare)) {
            out.keys.push_back({std::move(*path), {}});
            continue;
        }
        if (out.keys.empty())
            continue;
        std::vector<Value> &values = out.keys.back().values;
        if (auto v = regQueryValue(line)) {
            if (!isKnownType(v->type)) {
                out.cutValue = out.cutValue || n == out.lastText; // "    DistributionName    REG_S"
                continue;
            }
            values.push_back(std::move(*v));
        } else if (auto v = noteValue(bare)) {
            values.push_back(std::move(*v));
        } else if (auto v = regExportValue(bare)) {
            if (auto whole = unwrappedExportValue(std::move(*v), bare, lines, n))
                values.push_back(std::move(*whole));
        } else if (n == out.lastText && line.substr(0, 4) == "    ") {
            out.cutValue = true;
        }
    }
    return out;
}

// No key line at all: reg.exe's own error for a missing key, or not registry output.
Error noKeyError(std::string_view text)
{
    if (istartsWith(trimPadding(text), "ERROR:") ||
        icontains(text, "unable to find the specified registry key"))
        return Error{"reg.exe found no Lxss key: WSL has not been set up for this user (or machine), or "
                     "the key path is mistyped"};
    return Error{"this is not the output of `reg query ...\\Lxss /s` (no HKEY_...\\Lxss key line); the "
                 "input starts with " +
                 quoted(firstNonBlankLine(text))};
}

// The Lxss key itself: the NAT settings and the default distribution. When HKLM and HKCU both hold one,
// the first value read stays.
void readLxssRoot(const Key &key, NatConfig &nat, LxssRegistry &reg)
{
    auto take = [&](std::string &field, std::string_view name) {
        if (const Value *v = findValue(key, name); v && field.empty())
            field = v->data;
    };
    take(nat.network, "NatNetwork");
    take(nat.gateway, "NatGatewayIpAddress");
    take(nat.address, "NatIpAddress");
    take(reg.defaultDistributionId, "DefaultDistribution");
}

// A distribution's key, ...\Lxss\{GUID}, that has its DistributionName.
Distro distroOf(const Key &key, std::string_view id, const Value &name)
{
    Distro d;
    d.name = name.data;
    d.id = std::string(id);
    if (const Value *base = findValue(key, "BasePath"))
        d.basePath = base->data;
    d.flags = dwordOf(findValue(key, "Flags"));
    if (auto version = dwordOf(findValue(key, "Version")))
        d.version = *version;
    else if (d.flags) // LXSS_DISTRO_FLAGS_VM_MODE (0x8) marks a WSL 2 distro
        d.version = (*d.flags & 0x8) ? 2 : 1;
    return d;
}

// The Lxss keys among all the keys read: the root's settings and one Distro per {GUID} subkey.
Result<LxssRegistry> readLxssKeys(const std::vector<Key> &keys)
{
    LxssRegistry reg;
    NatConfig nat;
    bool anyLxss = false;
    for (const Key &key : keys) {
        auto relative = lxssRelative(key.path);
        if (!relative)
            continue;
        anyLxss = true;
        if (relative->empty()) {
            readLxssRoot(key, nat, reg);
            continue;
        }
        if (!isGuidKeyName(*relative))
            continue; // ...\Lxss\AddonDistributions and the like, or deeper keys
        const Value *name = findValue(key, "DistributionName");
        if (!name || name->data.empty()) {
            if (&key == &keys.back())
                return Error{"the registry output stops right after the key of distribution " +
                             std::string(*relative) + ", before its DistributionName"};
            continue;
        }
        reg.distros.push_back(distroOf(key, *relative, *name));
    }
    if (!anyLxss)
        return Error{"these registry keys are not the Lxss keys (expected HKEY_...\\Software\\Microsoft\\"
                     "Windows\\CurrentVersion\\Lxss); the first is " +
                     quoted(keys.front().path)};
    if (!nat.network.empty() || !nat.gateway.empty() || !nat.address.empty())
        reg.nat = nat;
    for (Distro &d : reg.distros)
        d.isDefault = !reg.defaultDistributionId.empty() && iequals(d.id, reg.defaultDistributionId);
    return reg;
}

} // namespace

Result<LxssRegistry> parseLxssRegistry(std::string_view bytes)
{
    const std::string text = decodeCaptureText(bytes);
    if (isBlank(text))
        return Error{"the input is empty: paste what `reg query HKCU\\Software\\Microsoft\\Windows\\"
                     "CurrentVersion\\Lxss /s` (and the HKLM one) printed"};
    const auto lines = splitLines(text);
    const Listing listing = readKeys(lines);
    if (listing.keys.empty())
        return noKeyError(text);
    if (listing.cutValue)
        return Error{"the registry output stops in the middle of a value line: " +
                     quoted(lines[listing.lastText])};
    return readLxssKeys(listing.keys);
}

} // namespace wslatlas
