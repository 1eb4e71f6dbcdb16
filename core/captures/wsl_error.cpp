// parseWslError: wsl.exe's failures end with an untranslated "Error code: Wsl/<context>/.../TOKEN"
// line under a translated message (WslClient / ExecutionContext in WSL's source). The code is the
// only part that means the same in every language, so the advice is chosen from it.
#include "capture_parsers.h"
#include "text_util.h"

#include <initializer_list>

namespace wslatlas {

namespace {

using namespace text;
using namespace textutil;

struct FoundCode
{
    std::size_t line = 0;
    std::string code;
};

bool isCodeChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '/' || c == '-' || c == '.';
}

// "Error code: Wsl/Service/..." (also "wslErrorCode: ..." as tools that wrap wsl.exe print it).
std::optional<FoundCode> findErrorCode(const std::vector<std::string_view> &lines)
{
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = lines[n];
        for (std::string_view marker : {std::string_view("error code"), std::string_view("errorcode")}) {
            std::size_t at = ifind(line, marker);
            if (at == std::string_view::npos)
                continue;
            std::string_view rest = trimPaddingLeft(line.substr(at + marker.size()));
            if (rest.substr(0, 1) == ":")
                rest.remove_prefix(1);
            else if (rest.substr(0, 3) == "\xEF\xBC\x9A")
                rest.remove_prefix(3);
            else
                continue;
            rest = trimPaddingLeft(rest);
            std::size_t len = 0;
            while (len < rest.size() && isCodeChar(rest[len]))
                ++len;
            std::string_view code = rest.substr(0, len);
            while (!code.empty() && (code.back() == '.' || code.back() == '/'))
                code.remove_suffix(1);
            if (code.empty() || !((code[0] >= 'A' && code[0] <= 'Z') || (code[0] >= 'a' && code[0] <= 'z') ||
                                  (code[0] >= '0' && code[0] <= '9')))
                continue;
            return FoundCode{n, std::string(code)};
        }
    }
    return std::nullopt;
}

// The translated message: the block of non-blank lines right above the code line.
std::string translatedMessage(const std::vector<std::string_view> &lines, std::size_t codeLine)
{
    std::vector<std::string_view> block;
    std::size_t n = codeLine;
    while (n > 0 && isBlank(lines[n - 1]))
        --n;
    while (n-- > 0) {
        if (isBlank(lines[n]) || isPromptLine(lines[n]))
            break;
        block.insert(block.begin(), trimPadding(lines[n]));
        if (block.size() == 4) // wsl.exe's messages are short; more is output of something else
            break;
    }
    // Text before "Error code" on the same line (tools that fold everything into one line).
    std::string_view head = trimPadding(lines[codeLine].substr(0, ifind(lines[codeLine], "error")));
    std::string out;
    for (std::string_view part : block) {
        if (!out.empty())
            out += ' ';
        out += part;
    }
    if (block.empty() && !head.empty())
        out = std::string(head);
    return out;
}

bool tokenIs(std::string_view token, std::initializer_list<std::string_view> names)
{
    for (std::string_view name : names)
        if (iequals(token, name))
            return true;
    return false;
}

std::string adviceFor(std::string_view code, std::string_view token, const std::string &translated)
{
    const bool debugShell = icontains(code, "/DebugShell") || istartsWith(token, "WSL_E_DEBUG_SHELL");
    const bool networking = icontains(code, "ConfigureNetworking") || icontains(code, "/HNS/") ||
                            istartsWith(token, "HCN_E_") || istartsWith(token, "HNS_E_");

    if (tokenIs(token, {"WSL_E_GUI_APPLICATIONS_DISABLED"}))
        return "GUI applications are turned off (guiApplications=false in .wslconfig or "
               "/etc/wsl.conf), so `wsl --system` is unavailable: set guiApplications=true under "
               "[wsl2] and run `wsl --shutdown`, or leave the system vantage out of the plan";
    if (debugShell) {
        if (tokenIs(token, {"ERROR_FILE_NOT_FOUND", "0x80070002", "ERROR_PIPE_NOT_CONNECTED"}))
            return "the WSL 2 VM is not running, so `wsl --debug-shell` has nothing to attach to: "
                   "start a WSL 2 distro first (for example `wsl -d Ubuntu`), then retry from an "
                   "elevated prompt";
        if (tokenIs(token,
                    {"E_ACCESSDENIED", "ERROR_ACCESS_DENIED", "0x80070005", "ERROR_ELEVATION_REQUIRED"}))
            return "`wsl --debug-shell` needs administrator rights: run WSL Atlas as administrator "
                   "(elevated) to use the VM vantage, or leave it out of the plan";
        return "`wsl --debug-shell` failed: it needs an elevated prompt and a running WSL 2 VM "
               "(start a distro first)";
    }
    if (tokenIs(token, {"WSL_E_DISTRO_NOT_FOUND"}))
        return "there is no distribution with that name: run `wsl -l -v` to see the exact names and "
               "fix the vantage plan";
    if (tokenIs(token, {"WSL_E_DEFAULT_DISTRO_NOT_FOUND"}))
        return "WSL has no installed distributions (or no default one): install one with `wsl "
               "--install`, or name one with `-d NAME`";
    if (tokenIs(token, {"WSL_E_VMSWITCH_NOT_FOUND"}))
        return "the virtual switch named by vmSwitch in .wslconfig (networkingMode=bridged) does not "
               "exist: create it in Hyper-V Manager or fix wsl2.vmSwitch, then run `wsl --shutdown`";
    if (tokenIs(token, {"WSL_E_VMSWITCH_NOT_SET"}))
        return "networkingMode=bridged needs wsl2.vmSwitch set to a Hyper-V external switch in "
               ".wslconfig, then `wsl --shutdown`";
    if (networking && tokenIs(token, {"0x80070424", "ERROR_SERVICE_DOES_NOT_EXIST"}))
        return "WSL could not set up the VM's network because a Windows service it needs is missing: "
               "enable \"Virtual Machine Platform\" (`wsl --install --no-distribution`) and reboot";
    if (networking)
        return "WSL could not set up the VM's network through the Host Network Service (HNS): "
               "restart the \"Host Network Service\" or reboot, check that \"Virtual Machine "
               "Platform\" is enabled, or start without networking (networkingMode=none under [wsl2] "
               "in .wslconfig), then `wsl --shutdown`";
    if (tokenIs(token, {"HCS_E_SERVICE_NOT_AVAILABLE", "HCS_E_HYPERV_NOT_INSTALLED", "0x80370102"}))
        return "the WSL 2 VM cannot start because virtualization is not available: enable \"Virtual "
               "Machine Platform\" (`wsl --install --no-distribution`), turn virtualization on in "
               "the firmware, and reboot";
    if (tokenIs(token, {"WSL_E_USER_NOT_FOUND"}))
        return "the user given with `-u` does not exist in that distribution";
    // No advice for this token: the translated message, which names the problem in the user's language.
    if (!translated.empty())
        return translated + " (" + std::string(token) + ")";
    return "wsl.exe failed with " + std::string(code);
}

} // namespace

Result<WslError> parseWslError(std::string_view bytes)
{
    const std::string text = decodeCaptureText(bytes);
    if (isBlank(text))
        return Error{"the input is empty: paste everything wsl.exe printed, down to its "
                     "`Error code: Wsl/…` line"};
    const auto lines = splitLines(text);
    auto found = findErrorCode(lines);
    if (!found) {
        // The debug shell's elevation check prints its message without an error code.
        if (icontains(text, "debug shell") && icontains(text, "administrator"))
            return Error{"wsl.exe printed no `Error code:` line, but it says the debug shell needs "
                         "administrator rights: run WSL Atlas as administrator to use the VM vantage"};
        return Error{"this is not a wsl.exe error (no `Error code: Wsl/…` line); the input starts with " +
                     quoted(firstNonBlankLine(text))};
    }
    WslError error;
    error.code = found->code;
    std::string_view code = error.code;
    std::size_t slash = code.rfind('/');
    error.token = std::string(slash == std::string_view::npos ? code : code.substr(slash + 1));
    error.message = adviceFor(error.code, error.token, translatedMessage(lines, found->line));
    return error;
}

} // namespace wslatlas
