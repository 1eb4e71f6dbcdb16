#include "capture_kinds.h"

#include <algorithm>
#include <functional>
#include <variant>

namespace wslatlas {

namespace {

struct KindEntry
{
    CaptureKindInfo info;
    std::function<std::optional<std::string>(std::string_view, CaptureValues &)> parse; // error or nothing
};

// Stores a parser's result in one member of CaptureValues, or returns its error.
template <typename T, typename Store>
std::optional<std::string> take(Result<T> result, CaptureValues &values, Store store)
{
    if (auto *error = std::get_if<Error>(&result))
        return error->message;
    store(values, std::move(std::get<T>(result)));
    return std::nullopt;
}

const std::vector<KindEntry> &entries()
{
    static const std::vector<KindEntry> table = [] {
        std::vector<KindEntry> t;
        auto adapters = [](auto parser) {
            return [parser](std::string_view b, CaptureValues &v) {
                return take(parser(b), v, [](CaptureValues &x, auto r) { x.hostAdapters = std::move(r); });
            };
        };
        auto switches = [](auto parser) {
            return [parser](std::string_view b, CaptureValues &v) {
                return take(parser(b), v, [](CaptureValues &x, auto r) { x.switches = std::move(r); });
            };
        };
        auto interfaces = [](auto parser) {
            return [parser](std::string_view b, CaptureValues &v) {
                return take(parser(b), v, [](CaptureValues &x, auto r) { x.interfaces = std::move(r); });
            };
        };
        t.push_back({{"wsl-list", "wsl.exe -l -v"}, [](std::string_view b, CaptureValues &v) {
                         return take(parseWslList(b), v,
                                     [](CaptureValues &x, auto r) { x.distros = std::move(r); });
                     }});
        t.push_back({{"wsl-status", "wsl.exe --status"}, [](std::string_view b, CaptureValues &v) {
                         return take(parseWslStatus(b), v,
                                     [](CaptureValues &x, auto r) { x.status = std::move(r); });
                     }});
        t.push_back({{"wsl-version", "wsl.exe --version"}, [](std::string_view b, CaptureValues &v) {
                         return take(parseWslVersion(b), v,
                                     [](CaptureValues &x, auto r) { x.version = std::move(r); });
                     }});
        t.push_back({{"wsl-error", "any failing wsl.exe command"}, [](std::string_view b, CaptureValues &v) {
                         return take(parseWslError(b), v,
                                     [](CaptureValues &x, auto r) { x.error = std::move(r); });
                     }});
        t.push_back({{"wslconfig", "%USERPROFILE%\\.wslconfig"}, [](std::string_view b, CaptureValues &v) {
                         return take(parseWslConfig(b), v,
                                     [](CaptureValues &x, auto r) { x.wslConfig = std::move(r); });
                     }});
        t.push_back({{"lxss-registry", "reg query HKLM|HKCU\\...\\CurrentVersion\\Lxss /s"},
                     [](std::string_view b, CaptureValues &v) {
                         return take(parseLxssRegistry(b), v, [](CaptureValues &x, LxssRegistry r) {
                             x.nat = std::move(r.nat);
                             x.distros = std::move(r.distros);
                         });
                     }});
        t.push_back({{"ipconfig", "ipconfig /all"}, adapters(parseIpconfig)});
        t.push_back({{"net-adapters", "Get-NetAdapter -IncludeHidden"}, adapters(parseNetAdapters)});
        t.push_back({{"net-ip", "Get-NetIPAddress"}, adapters(parseNetIpAddress)});
        t.push_back({{"adapter-bindings", "Get-NetAdapterBinding -IncludeHidden"},
                     [](std::string_view b, CaptureValues &v) {
                         return take(parseAdapterBindings(b), v,
                                     [](CaptureValues &x, auto r) { x.bindings = std::move(r); });
                     }});
        t.push_back({{"vm-switch", "Get-VMSwitch"}, switches(parseVmSwitch)});
        t.push_back({{kPowerShellBatchKind, "powershell.exe running the PowerShell captures above at once"},
                     [](std::string_view, CaptureValues &) {
                         return std::optional<std::string>(
                             "this output holds several captures, each after a \"@@WSLATLAS-CAPTURE KIND\" "
                             "line: save each part as KIND.txt and parse that");
                     }});
        t.push_back({{"hnsdiag-networks", "hnsdiag list networks"}, switches(parseHnsdiagNetworks)});
        t.push_back({{"ip-addr", "ip addr (inside a distro)"}, interfaces(parseIpAddr)});
        t.push_back({{"ifconfig", "ifconfig (inside a distro)"}, interfaces(parseIfconfig)});
        t.push_back({{"ip-route", "ip route (inside a distro)"}, [](std::string_view b, CaptureValues &v) {
                         return take(parseIpRoute(b), v,
                                     [](CaptureValues &x, auto r) { x.routes = std::move(r); });
                     }});
        t.push_back(
            {{"resolv-conf", "/etc/resolv.conf (inside a distro)"}, [](std::string_view b, CaptureValues &v) {
                 return take(parseResolvConf(b), v,
                             [](CaptureValues &x, auto r) { x.nameservers = std::move(r); });
             }});
        return t;
    }();
    return table;
}

} // namespace

const std::vector<CaptureKindInfo> &captureKinds()
{
    static const std::vector<CaptureKindInfo> kinds = [] {
        std::vector<CaptureKindInfo> out;
        for (const KindEntry &e : entries())
            out.push_back(e.info);
        return out;
    }();
    return kinds;
}

bool isCaptureKind(std::string_view kind)
{
    const auto &all = entries();
    return std::any_of(all.begin(), all.end(), [&](const KindEntry &e) { return e.info.kind == kind; });
}

ParsedCapture parseCapture(std::string_view kind, std::string_view bytes)
{
    ParsedCapture out;
    out.status.kind = std::string(kind);
    const auto &all = entries();
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const KindEntry &e) { return e.info.kind == kind; });
    if (it == all.end()) {
        out.status.error = "unknown capture kind \"" + std::string(kind) + "\"";
        return out;
    }
    try {
        if (auto error = it->parse(bytes, out.values)) {
            out.status.error = *error;
            out.values = {};
            return out;
        }
    } catch (const std::exception &e) {
        // Parsers promise not to throw; if one does, the capture fails alone.
        out.status.error = std::string("the ") + std::string(kind) + " parser failed: " + e.what();
        out.values = {};
        return out;
    }
    out.status.ok = true;
    return out;
}

} // namespace wslatlas
