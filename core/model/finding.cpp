#include "finding.h"

#include "text.h"

namespace wslatlas {

namespace {

bool empty(const FindingParams &params, const char *name)
{
    const auto it = params.find(name);
    return it == params.end() || it->second.empty();
}

} // namespace

FindingPattern findingPattern(FindingCode code, const FindingParams &params)
{
    switch (code) {
    case FindingCode::Other:
        return {};
    case FindingCode::NetNsShared:
        return {"%1 share the network namespace %2 (one eth0, one address)", {"distros", "net"}};
    case FindingCode::NetNsOwn:
        return {"%1 has a network namespace of its own (%2)", {"distro", "net"}};
    case FindingCode::GuiAppsOffForDistro:
        return {"vantage %1: GUI applications are off for %2 (.wslconfig or its /etc/wsl.conf), so it has no "
                "WSLg system distro to look at",
                {"vantage", "distro"}};
    case FindingCode::Wsl1Distro:
        return {"vantage %1: %2 is a WSL 1 distro: it has no namespaces in the VM", {"vantage", "distro"}};
    case FindingCode::DataOnlyDistro:
        return {"vantage %1: %2 holds data only (no shell to run the collector in, like docker-desktop-data)",
                {"vantage", "distro"}};
    case FindingCode::ElevationDeclined:
        return {"vantage %1: the administrator prompt was declined, so the VM root is left out", {"vantage"}};
    case FindingCode::ElevationOtherUser:
        return {"vantage %1: the administrator who approved the prompt is another user (over-the-shoulder "
                "elevation): that account has no WSL distros and its own debug shell, so the VM root is left "
                "out; run WSL Atlas as administrator from your own account instead",
                {"vantage"}};
    case FindingCode::VmSwitchModuleMissing:
        return {"capture %1: Get-VMSwitch is not available on this edition of Windows (no Hyper-V PowerShell "
                "module), so the virtual switches come from hnsdiag only",
                {"capture"}};
    case FindingCode::ParentsDisagree:
        return {"vantages disagree on the parent of %1: %2 or %3 (kept %2)", {"child", "kept", "other"}};
    case FindingCode::AncestorsDisagree:
        return {"vantages disagree on the ancestor %1 levels above %2: %3 or %4",
                {"levels", "child", "first", "second"}};
    case FindingCode::WslError:
        return {"%1 (%2)", {"message", "code"}};
    case FindingCode::OutsideNat:
        return {"%1 %2 is outside the NAT network %3: the VM and the host's WSL adapter are on different "
                "networks",
                {"interface", "address", "cidr"}};
    case FindingCode::BroadcastAddress:
        return {"%1 got the subnet's broadcast address %2 (%3): it cannot talk to the host; restart WSL (wsl "
                "--shutdown)",
                {"interface", "address", "cidr"}};
    case FindingCode::NetworkAddress:
        return {"%1 got the subnet's network address %2 (%3): it cannot talk to the host; restart WSL (wsl "
                "--shutdown)",
                {"interface", "address", "cidr"}};
    case FindingCode::InsideNat:
        if (empty(params, "gateway"))
            return {"%1 %2 is inside the NAT network %3", {"interface", "address", "cidr"}};
        return {"%1 %2 is inside the NAT network %3 served by %4",
                {"interface", "address", "cidr", "gateway"}};
    case FindingCode::MirroredNoAdapter:
        return {"mirrored mode: there is no vEthernet (WSL) adapter, by design; the VM shares the host's "
                "adapters",
                {}};
    case FindingCode::NatNoAdapter:
        return {"NAT mode, but no vEthernet (WSL) adapter among the host's adapters; it exists only while "
                "the WSL "
                "VM runs (start a distro and capture again)",
                {}};
    case FindingCode::NatNetworkDiffers:
        return {"the registry's NatNetwork %1 differs from switch %2's subnet %3",
                {"registry", "switch", "subnet"}};
    case FindingCode::GatewayDiffers:
        return {"%1 has %2, not the registry's NatGatewayIpAddress %3", {"adapter", "address", "gateway"}};
    case FindingCode::OnlyLoopback:
        if (empty(params, "distros"))
            return {"only a loopback interface in %1: networking did not start; check `wsl --status` and "
                    "restart WSL",
                    {"net"}};
        return {"only a loopback interface in %1 (%2): networking did not start; check `wsl --status` and "
                "restart WSL",
                {"net", "distros"}};
    case FindingCode::GuiAppsOff:
        return {"guiApplications=false in .wslconfig: no WSLg system distros, and `wsl --system` fails with "
                "WSL_E_GUI_APPLICATIONS_DISABLED",
                {}};
    }
    return {};
}

std::optional<std::vector<std::string>> patternValues(const FindingPattern &pattern,
                                                      const FindingParams &params)
{
    std::vector<std::string> values;
    for (const std::string_view name : pattern.params) {
        const auto it = params.find(std::string(name));
        if (it == params.end())
            return std::nullopt;
        values.push_back(it->second);
    }
    return values;
}

std::string englishText(FindingCode code, const FindingParams &params)
{
    const FindingPattern p = findingPattern(code, params);
    const auto values = patternValues(p, params);
    return values ? text::filled(p.pattern, *values) : std::string();
}

Finding makeFinding(Severity severity, FindingCode code, FindingParams params)
{
    std::string text = englishText(code, params);
    return {severity, std::move(text), code, std::move(params)};
}

} // namespace wslatlas
