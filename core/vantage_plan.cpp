#include "vantage_plan.h"

#include "capture_kinds.h"

#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <utility>

namespace wslatlas {

namespace {
constexpr std::array<std::pair<VantageRole, std::string_view>, 4> kRoleNames{{
    {VantageRole::Vm, "vm"},
    {VantageRole::System, "system"},
    {VantageRole::Distro, "distro"},
    {VantageRole::Host, "host"},
}};
} // namespace

std::string_view toString(VantageRole role)
{
    for (const auto &[r, name] : kRoleNames)
        if (r == role)
            return name;
    return "host";
}

bool vantageRoleFromString(std::string_view text, VantageRole &role)
{
    for (const auto &[r, name] : kRoleNames) {
        if (name == text) {
            role = r;
            return true;
        }
    }
    return false;
}

bool parsePlanJson(std::string_view text, VantagePlan &plan, PlanParseError &error)
{
    using nlohmann::json;
    json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        error.message = "the plan is not valid JSON";
        return false;
    }
    if (!doc.is_object() || !doc.contains("vantages") || !doc["vantages"].is_array()) {
        error.message = R"(the plan must be a JSON object with a "vantages" array)";
        return false;
    }
    VantagePlan result;
    std::set<std::string> names;
    std::size_t index = 0;
    for (const json &v : doc["vantages"]) {
        const std::string where = "vantage " + std::to_string(index++);
        if (!v.is_object()) {
            error.message = where + " is not an object";
            return false;
        }
        VantageSpec spec;
        if (!v.contains("name") || !v["name"].is_string() || v["name"].get<std::string>().empty()) {
            error.message = where + R"( needs a non-empty "name")";
            return false;
        }
        spec.name = v["name"].get<std::string>();
        const std::string named = "vantage \"" + spec.name + "\"";
        if (!names.insert(spec.name).second) {
            error.message = named + " appears twice; vantage names must be unique";
            return false;
        }
        if (!v.contains("role") || !v["role"].is_string() ||
            !vantageRoleFromString(v["role"].get<std::string>(), spec.role)) {
            error.message = named + R"( needs a "role" of "vm", "system", "distro" or "host")";
            return false;
        }
        if (v.contains("distro")) {
            if (!v["distro"].is_string() && !v["distro"].is_null()) {
                error.message = named + R"(: "distro" must be a string)";
                return false;
            }
            if (v["distro"].is_string())
                spec.distro = v["distro"].get<std::string>();
        }
        if ((spec.role == VantageRole::System || spec.role == VantageRole::Distro) && spec.distro.empty()) {
            error.message = named + R"( has role ")" + std::string(toString(spec.role)) +
                            R"(" and needs the "distro" it belongs to)";
            return false;
        }
        if (!v.contains("command") || !v["command"].is_array() || v["command"].empty()) {
            error.message = named + R"( needs a "command": a non-empty array of strings (no shell line))";
            return false;
        }
        for (const json &arg : v["command"]) {
            if (!arg.is_string()) {
                error.message = named + R"(: every "command" element must be a string)";
                return false;
            }
            spec.command.push_back(arg.get<std::string>());
        }
        if (spec.command.front().empty()) {
            error.message = named + ": the program (first command element) is empty";
            return false;
        }
        result.vantages.push_back(std::move(spec));
    }
    if (doc.contains("captures")) {
        if (!doc["captures"].is_array()) {
            error.message = R"("captures" must be an array)";
            return false;
        }
        index = 0;
        for (const json &c : doc["captures"]) {
            const std::string where = "capture " + std::to_string(index++);
            if (!c.is_object() || !c.contains("kind") || !c["kind"].is_string()) {
                error.message = where + R"( needs a "kind")";
                return false;
            }
            CaptureSpec spec;
            spec.kind = c["kind"].get<std::string>();
            if (!isCaptureKind(spec.kind)) {
                error.message =
                    where + " has an unknown kind \"" + spec.kind + "\" (see `wslatlas-cli parse --help`)";
                return false;
            }
            if (!c.contains("command") || !c["command"].is_array() || c["command"].empty()) {
                error.message = where + R"( needs a "command": a non-empty array of strings)";
                return false;
            }
            for (const json &arg : c["command"]) {
                if (!arg.is_string()) {
                    error.message = where + R"(: every "command" element must be a string)";
                    return false;
                }
                spec.command.push_back(arg.get<std::string>());
            }
            result.captures.push_back(std::move(spec));
        }
    }
    if (result.vantages.empty() && result.captures.empty()) {
        error.message = "the plan has no vantages";
        return false;
    }
    plan = std::move(result);
    return true;
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

// PowerShell reads a fixed script: no data goes into it. ConvertTo-Json is what the parsers prefer.
std::vector<std::string> powershell(const std::string &script)
{
    return {"powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script};
}

} // namespace

VantagePlan wslPlan(const WslEnvironment &env)
{
    VantagePlan plan;
    if (env.elevated)
        plan.vantages.push_back({"vm", VantageRole::Vm, {}, {"wsl.exe", "--debug-shell"}});
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
    plan.captures.push_back(
        {"net-adapters", powershell("Get-NetAdapter -IncludeHidden | Select-Object Name,InterfaceDescription,"
                                    "ifIndex,Status,MacAddress,MtuSize | ConvertTo-Json")});
    plan.captures.push_back(
        {"net-ip", powershell("Get-NetIPAddress | Select-Object IPAddress,InterfaceAlias,InterfaceIndex,"
                              "AddressFamily,PrefixLength | ConvertTo-Json")});
    plan.captures.push_back(
        {"adapter-bindings",
         powershell("Get-NetAdapterBinding -IncludeHidden -Name 'vSwitch (WSL*' | "
                    "Select-Object Name,DisplayName,ComponentID,Enabled | ConvertTo-Json")});
    plan.captures.push_back(
        {"vm-switch", powershell("Get-VMSwitch | Select-Object Name,Id,SwitchType | ConvertTo-Json")});
    if (env.elevated)
        plan.captures.push_back({"hnsdiag-networks", {"hnsdiag.exe", "list", "networks"}});
    plan.captures.push_back(
        {"lxss-registry",
         {"reg.exe", "query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss", "/s"}});
    plan.captures.push_back(
        {"lxss-registry",
         {"reg.exe", "query", "HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss", "/s"}});
    plan.captures.push_back(
        {"wslconfig", powershell("$p = Join-Path $env:USERPROFILE '.wslconfig'; "
                                 "if (Test-Path -LiteralPath $p) { Get-Content -Raw -LiteralPath $p }")});
    return plan;
}

} // namespace wslatlas
