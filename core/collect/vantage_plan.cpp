#include "vantage_plan.h"

#include "capture_kinds.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

namespace wslatlas {

namespace {

using nlohmann::json;

// The elements of a "command" array, which must all be strings; `who` names the vantage or capture in the
// message.
Result<std::vector<std::string>> readCommand(const json &command, const std::string &who)
{
    std::vector<std::string> out;
    for (const json &arg : command) {
        if (!arg.is_string()) {
            return Error{who + R"(: every "command" element must be a string)"};
        }
        out.push_back(arg.get<std::string>());
    }
    return out;
}

// "distro" is optional (null counts as absent), but a system or distro vantage belongs to one.
std::optional<Error> readDistro(const json &v, const std::string &named, VantageSpec &spec)
{
    if (v.contains("distro")) {
        if (!v["distro"].is_string() && !v["distro"].is_null()) {
            return Error{named + R"(: "distro" must be a string)"};
        }
        if (v["distro"].is_string())
            spec.distro = v["distro"].get<std::string>();
    }
    if ((spec.role == VantageRole::System || spec.role == VantageRole::Distro) && spec.distro.empty()) {
        return Error{named + R"( has role ")" + std::string(toString(spec.role)) +
                     R"(" and needs the "distro" it belongs to)"};
    }
    return std::nullopt;
}

// One element of "vantages"; `names` holds the names seen so far, which must not repeat.
Result<VantageSpec> readVantage(const json &v, std::size_t index, std::set<std::string> &names)
{
    VantageSpec spec;
    const std::string where = "vantage " + std::to_string(index);
    if (!v.is_object()) {
        return Error{where + " is not an object"};
    }
    if (!v.contains("name") || !v["name"].is_string() || v["name"].get<std::string>().empty()) {
        return Error{where + R"( needs a non-empty "name")"};
    }
    spec.name = v["name"].get<std::string>();
    const std::string named = "vantage \"" + spec.name + "\"";
    if (!names.insert(spec.name).second) {
        return Error{named + " appears twice; vantage names must be unique"};
    }
    if (!v.contains("role") || !v["role"].is_string() ||
        !fromString(v["role"].get<std::string>(), spec.role)) {
        return Error{named + R"( needs a "role" of "vm", "system", "distro" or "host")"};
    }
    if (std::optional<Error> error = readDistro(v, named, spec))
        return *error;
    if (!v.contains("command") || !v["command"].is_array() || v["command"].empty()) {
        return Error{named + R"( needs a "command": a non-empty array of strings (no shell line))"};
    }
    Result<std::vector<std::string>> command = readCommand(v["command"], named);
    if (const Error *error = errorOf(command))
        return *error;
    spec.command = std::get<std::vector<std::string>>(std::move(command));
    if (spec.command.front().empty()) {
        return Error{named + ": the program (first command element) is empty"};
    }
    return spec;
}

// One element of "captures": a kind that `wslatlas-cli parse` knows and the command that prints it.
Result<CaptureSpec> readCapture(const json &c, std::size_t index)
{
    CaptureSpec spec;
    const std::string where = "capture " + std::to_string(index);
    if (!c.is_object() || !c.contains("kind") || !c["kind"].is_string()) {
        return Error{where + R"( needs a "kind")"};
    }
    spec.kind = c["kind"].get<std::string>();
    if (!isCaptureKind(spec.kind)) {
        return Error{where + " has an unknown kind \"" + spec.kind + "\" (see `wslatlas-cli parse --help`)"};
    }
    if (!c.contains("command") || !c["command"].is_array() || c["command"].empty()) {
        return Error{where + R"( needs a "command": a non-empty array of strings)"};
    }
    Result<std::vector<std::string>> command = readCommand(c["command"], where);
    if (const Error *error = errorOf(command))
        return *error;
    spec.command = std::get<std::vector<std::string>>(std::move(command));
    return spec;
}

} // namespace

Result<VantagePlan> parsePlanJson(std::string_view text)
{
    json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return Error{"the plan is not valid JSON"};
    }
    if (!doc.is_object() || !doc.contains("vantages") || !doc["vantages"].is_array()) {
        return Error{R"(the plan must be a JSON object with a "vantages" array)"};
    }
    VantagePlan result;
    std::set<std::string> names;
    std::size_t index = 0;
    for (const json &v : doc["vantages"]) {
        Result<VantageSpec> spec = readVantage(v, index++, names);
        if (const Error *error = errorOf(spec))
            return *error;
        result.vantages.push_back(std::get<VantageSpec>(std::move(spec)));
    }
    if (doc.contains("captures")) {
        if (!doc["captures"].is_array()) {
            return Error{R"("captures" must be an array)"};
        }
        index = 0;
        for (const json &c : doc["captures"]) {
            Result<CaptureSpec> spec = readCapture(c, index++);
            if (const Error *error = errorOf(spec))
                return *error;
            result.captures.push_back(std::get<CaptureSpec>(std::move(spec)));
        }
    }
    if (result.vantages.empty() && result.captures.empty()) {
        return Error{"the plan has no vantages"};
    }
    return result;
}

std::string planToJson(const VantagePlan &plan)
{
    nlohmann::ordered_json vantages = nlohmann::ordered_json::array();
    for (const VantageSpec &spec : plan.vantages) {
        nlohmann::ordered_json v;
        v["name"] = spec.name;
        v["role"] = std::string(toString(spec.role));
        if (!spec.distro.empty())
            v["distro"] = spec.distro;
        v["command"] = spec.command;
        vantages.push_back(std::move(v));
    }
    nlohmann::ordered_json doc;
    doc["vantages"] = std::move(vantages);
    if (!plan.captures.empty()) {
        nlohmann::ordered_json captures = nlohmann::ordered_json::array();
        for (const CaptureSpec &c : plan.captures)
            captures.push_back({{"kind", c.kind}, {"command", c.command}});
        doc["captures"] = std::move(captures);
    }
    return doc.dump(2) + "\n";
}

VantagePlan localPlan()
{
    VantagePlan plan;
    plan.vantages.push_back({"host", VantageRole::Host, {}, {"sh", "-s"}});
    return plan;
}

namespace {

// -EncodedCommand's form of a script: base64 of its UTF-16LE text (the scripts are ASCII).
std::string encodedCommand(std::string_view script)
{
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes;
    for (char c : script) {
        bytes += c;
        bytes += '\0';
    }
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k)
            v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? digits[(v >> (18 - 6 * k)) & 0x3f] : '=';
    }
    return out;
}

// The PowerShell captures in one powershell.exe: a fixed script (no data goes into it), passed encoded so
// that no quoting reaches the command line. Its output is UTF-8 ([Console]::OutputEncoding; Windows
// PowerShell 5.1 would write the OEM code page and lose non-ASCII adapter names), each part after a
// "@@WSLATLAS-CAPTURE KIND" line (collect.cpp splits them). ConvertTo-Json is what the parsers prefer.
// Get-VMSwitch needs administrator and the Hyper-V module (absent on Home): only when elevated, and
// guarded, so that a missing module is a note rather than an error on every refresh.
CaptureSpec powershellCaptures(bool elevated)
{
    std::string script = "[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; ";
    auto part = [&script](std::string_view kind, std::string_view body) {
        script += "Write-Output '" + std::string(kCapturePartMarker) + std::string(kind) + "'; " +
                  std::string(body) + "; ";
    };
    part("net-adapters", "Get-NetAdapter -IncludeHidden | Select-Object Name,InterfaceDescription,"
                         "ifIndex,Status,MacAddress,MtuSize | ConvertTo-Json");
    part("net-ip", "Get-NetIPAddress | Select-Object IPAddress,InterfaceAlias,InterfaceIndex,"
                   "AddressFamily,PrefixLength | ConvertTo-Json");
    part("adapter-bindings", "Get-NetAdapterBinding -IncludeHidden -Name 'vSwitch (WSL*' | "
                             "Select-Object Name,DisplayName,ComponentID,Enabled | ConvertTo-Json");
    if (elevated)
        part("vm-switch", "if (Get-Command Get-VMSwitch -ErrorAction SilentlyContinue) { Get-VMSwitch | "
                          "Select-Object Name,Id,SwitchType | ConvertTo-Json } else { Write-Output '" +
                              std::string(kNotAvailableMarker) + "' }");
    part("wslconfig", "$p = Join-Path $env:USERPROFILE '.wslconfig'; "
                      "if (Test-Path -LiteralPath $p) { Get-Content -Raw -LiteralPath $p }");
    return {std::string(kPowerShellBatchKind),
            {"powershell.exe", "-NoProfile", "-NonInteractive", "-EncodedCommand", encodedCommand(script)}};
}

} // namespace

VantageSpec vmRootVantage()
{
    return {"vm", VantageRole::Vm, {}, {"wsl.exe", "--debug-shell"}};
}

VantagePlan wslPlan(const WslEnvironment &env)
{
    VantagePlan plan;
    // The debug shell attaches to a running VM: without a running WSL 2 distro there is none.
    if (env.elevated && !env.runningWsl2Distros.empty())
        plan.vantages.push_back(vmRootVantage());
    for (const std::string &distro : env.runningWsl2Distros) {
        if (env.guiApplications)
            plan.vantages.push_back(
                {"system:" + distro,
                 VantageRole::System,
                 distro,
                 {"wsl.exe", "--system", "-d", distro, "-u", "root", "--exec", "sh", "-s"}});
        plan.vantages.push_back({distro,
                                 VantageRole::Distro,
                                 distro,
                                 {"wsl.exe", "-d", distro, "-u", "root", "--exec", "sh", "-s"}});
    }
    plan.captures.push_back({"wsl-list", {"wsl.exe", "-l", "-v"}});
    plan.captures.push_back({"wsl-status", {"wsl.exe", "--status"}});
    plan.captures.push_back({"wsl-version", {"wsl.exe", "--version"}});
    if (!env.windowsHost)
        return plan; // inside a distro: the Windows tools are not ours to call
    plan.captures.push_back({"ipconfig", {"ipconfig.exe", "/all"}});
    plan.captures.push_back(powershellCaptures(env.elevated));
    if (env.elevated)
        plan.captures.push_back({"hnsdiag-networks", {"hnsdiag.exe", "list", "networks"}});
    plan.captures.push_back(
        {"lxss-registry",
         {"reg.exe", "query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss", "/s"}});
    plan.captures.push_back(
        {"lxss-registry",
         {"reg.exe", "query", "HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss", "/s"}});
    return plan;
}

} // namespace wslatlas
