// The wsl.exe, Lxss registry and .wslconfig parsers on real and realistic captures
// (tests/fixtures/captures/wsl/README.md says where each comes from).
#include "capture_test_util.h"

#include <filesystem>
#include <random>

using namespace wslatlas;
using wslatlas::testing::errorText;
using wslatlas::testing::valueOf;
using wslatlas::testing::wslFixture;

namespace {

std::vector<Distro> list(const char *file)
{
    return valueOf(parseWslList(wslFixture(file)), file);
}

void expectDistro(const Distro &d, const char *name, const char *state, int version, bool isDefault)
{
    EXPECT_EQ(d.name, name);
    EXPECT_EQ(d.state, state) << name;
    EXPECT_EQ(d.version, version) << name;
    EXPECT_EQ(d.isDefault, isDefault) << name;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

// ------------------------------------------------------------------------------------- wsl -l -v

TEST(WslList, Utf16leWithoutBom)
{
    auto d = list("list-en-utf16le.txt");
    ASSERT_EQ(d.size(), 5u);
    expectDistro(d[0], "Ubuntu-20.04", "Running", 2, true);
    expectDistro(d[1], "Ubuntu-18.04", "Running", 2, false);
    expectDistro(d[2], "kali-linux", "Stopped", 2, false);
    expectDistro(d[3], "docker-desktop", "Running", 2, false);
    expectDistro(d[4], "docker-desktop-data", "Running", 2, false);
}

TEST(WslList, Utf16leWithBomRancherAndPodman)
{
    auto d = list("list-rancher-podman-bom.txt");
    ASSERT_EQ(d.size(), 4u);
    expectDistro(d[0], "Ubuntu-22.04", "Running", 2, true);
    expectDistro(d[1], "rancher-desktop", "Running", 2, false);
    expectDistro(d[2], "rancher-desktop-data", "Stopped", 2, false);
    expectDistro(d[3], "podman-machine-default", "Stopped", 2, false);
}

TEST(WslList, Utf8AllStatesAndWsl1)
{
    auto d = list("list-utf8-states.txt");
    ASSERT_EQ(d.size(), 6u);
    expectDistro(d[0], "openSUSE-Tumbleweed", "Running", 2, true);
    expectDistro(d[1], "Debian", "Installing", 2, false);
    expectDistro(d[2], "Legacy-Ubuntu", "Stopped", 1, false);
    expectDistro(d[3], "my.distro_v2", "Converting", 2, false);
    expectDistro(d[4], "AlmaLinux-9", "Uninstalling", 2, false);
    expectDistro(d[5], "Arch.WSL", "Exporting", 1, false);
}

TEST(WslList, MissingDefaultMarkerOfWsl244)
{
    auto d = list("list-2.4.4-no-marker.txt");
    ASSERT_EQ(d.size(), 4u);
    expectDistro(d[0], "MyPengwin", "Running", 2, false);
    expectDistro(d[1], "WLinux", "Running", 2, false);
    expectDistro(d[2], "docker-desktop", "Stopped", 2, false);
    expectDistro(d[3], "docker-desktop-data", "Stopped", 2, false);
}

TEST(WslList, PowerShellMangledRedirect)
{
    auto d = list("list-powershell-mangled.txt");
    ASSERT_EQ(d.size(), 2u);
    expectDistro(d[0], "Ubuntu-20.04", "Running", 2, true);
    expectDistro(d[1], "Ubuntu-18.04", "Running", 2, false);
}

TEST(WslList, LocalizedHeadersAndStatesKeepTheirText)
{
    auto de = list("list-de.txt");
    ASSERT_EQ(de.size(), 2u);
    expectDistro(de[0], "Ubuntu", "Wird ausgeführt", 2, true);
    expectDistro(de[1], "Debian", "Beendet", 1, false);

    auto ja = list("list-ja.txt");
    ASSERT_EQ(ja.size(), 2u);
    expectDistro(ja[0], "Ubuntu-22.04", "実行中", 2, true);
    expectDistro(ja[1], "docker-desktop", "停止", 2, false);

    auto ko = list("list-ko.txt");
    ASSERT_EQ(ko.size(), 2u);
    expectDistro(ko[0], "Ubuntu-20.04", "실행 중", 2, false);
    expectDistro(ko[1], "kali-linux", "중지됨", 2, true);
}

TEST(WslList, ReflowedSpacingIsReadByWords)
{
    // Pasted from a chat or a terminal that collapsed the padding.
    auto d = valueOf(parseWslList("NAME STATE VERSION\n* Ubuntu Running 2\n  Debian Stopped 1\n"));
    ASSERT_EQ(d.size(), 2u);
    expectDistro(d[0], "Ubuntu", "Running", 2, true);
    expectDistro(d[1], "Debian", "Stopped", 1, false);
}

TEST(WslList, NoInstalledDistributionsIsAnEmptyList)
{
    EXPECT_TRUE(list("list-no-distros.txt").empty());
    EXPECT_TRUE(list("list-no-distros-ko.txt").empty());
    EXPECT_TRUE(list("list-no-distros-inbox.txt").empty());
}

TEST(WslList, WslFailureCarriesTheCode)
{
    auto message = errorText(parseWslList(wslFixture("list-error-callmsi.txt")));
    EXPECT_TRUE(contains(message, "Wsl/CallMsi/ERROR_PATH_NOT_FOUND")) << message;
    EXPECT_TRUE(contains(message, "The system cannot find the path specified.")) << message;
}

TEST(WslList, OldWslPrintsHelp)
{
    auto message = errorText(parseWslList(wslFixture("list-old-usage.txt")));
    EXPECT_TRUE(contains(message, "does not know `-l -v`")) << message;
}

TEST(WslList, BadInputGivesClearErrors)
{
    EXPECT_TRUE(contains(errorText(parseWslList(wslFixture("empty.txt"))), "empty"));
    EXPECT_TRUE(contains(errorText(parseWslList("   \r\n")), "empty"));
    auto garbage = errorText(parseWslList(wslFixture("garbage.bin")));
    EXPECT_TRUE(contains(garbage, "not the output of `wsl.exe -l -v` (no NAME/STATE/VERSION table)"))
        << garbage;
    auto cut = errorText(parseWslList(wslFixture("list-truncated.txt")));
    EXPECT_TRUE(contains(cut, "stops in the middle of a row")) << cut;
    EXPECT_TRUE(contains(cut, "docker-desktop-d")) << cut;
    auto headerOnly = errorText(parseWslList("  NAME      STATE           VERSION\r\n"));
    EXPECT_TRUE(contains(headerOnly, "cut off")) << headerOnly;
    auto status = errorText(parseWslList(wslFixture("status-en.txt")));
    EXPECT_TRUE(contains(status, "\"Default Distribution: Ubuntu-20.04\"")) << status;
}

// ----------------------------------------------------------------------------------- wsl --status

TEST(WslStatus, English)
{
    auto s = valueOf(parseWslStatus(wslFixture("status-en.txt")));
    EXPECT_EQ(s.defaultDistro, "Ubuntu-20.04");
    EXPECT_EQ(s.defaultVersion, 2);
    EXPECT_EQ(s.fields.size(), 2u);
    EXPECT_EQ(s.fields["Default Distribution"], "Ubuntu-20.04");
    EXPECT_EQ(s.fields["Default Version"], "2");
}

TEST(WslStatus, OlderFormatWithKernelVersion)
{
    auto s = valueOf(parseWslStatus(wslFixture("status-old-kernel.txt")));
    EXPECT_EQ(s.defaultDistro, "Ubuntu-22.04");
    EXPECT_EQ(s.defaultVersion, 2);
    EXPECT_EQ(s.fields["Kernel version"], "5.10.102.1");
    EXPECT_EQ(s.fields.size(), 3u);
}

TEST(WslStatus, NoDefaultDistributionLine)
{
    auto s = valueOf(parseWslStatus(wslFixture("status-2.4.4.txt")));
    EXPECT_EQ(s.defaultDistro, "");
    EXPECT_EQ(s.defaultVersion, 1);
    auto t = valueOf(parseWslStatus(wslFixture("status-wsl1-missing.txt")));
    EXPECT_EQ(t.defaultDistro, "Ubuntu");
    EXPECT_EQ(t.defaultVersion, 2);
}

TEST(WslStatus, LocalizedLabelsByPosition)
{
    auto ko = valueOf(parseWslStatus(wslFixture("status-ko.txt")));
    EXPECT_EQ(ko.defaultDistro, "Ubuntu-20.04");
    EXPECT_EQ(ko.defaultVersion, 2);
    EXPECT_EQ(ko.fields["기본 배포"], "Ubuntu-20.04");

    auto ja = valueOf(parseWslStatus(wslFixture("status-ja.txt")));
    EXPECT_EQ(ja.defaultDistro, "Ubuntu");
    EXPECT_EQ(ja.defaultVersion, 2);

    auto fr = valueOf(parseWslStatus(wslFixture("status-fr.txt")));
    EXPECT_EQ(fr.defaultDistro, "Debian");
    EXPECT_EQ(fr.defaultVersion, 2);
    EXPECT_EQ(fr.fields["Distribution par défaut"], "Debian");

    auto zh = valueOf(parseWslStatus(wslFixture("status-zh-fullwidth.txt")));
    EXPECT_EQ(zh.defaultDistro, "Ubuntu-22.04");
    EXPECT_EQ(zh.defaultVersion, 2);
    EXPECT_EQ(zh.fields["默认版本"], "2");
}

TEST(WslStatus, PromptPastedAlong)
{
    auto s = valueOf(parseWslStatus("PS C:\\Users\\testusr> wsl --status\nDefault Distribution: Debian\n"
                                    "Default Version: 2\n"));
    EXPECT_EQ(s.defaultDistro, "Debian");
    EXPECT_EQ(s.defaultVersion, 2);
}

TEST(WslStatus, BadInputGivesClearErrors)
{
    EXPECT_TRUE(contains(errorText(parseWslStatus(wslFixture("empty.txt"))), "empty"));
    auto garbage = errorText(parseWslStatus(wslFixture("garbage.bin")));
    EXPECT_TRUE(contains(garbage, "not the output of `wsl.exe --status`")) << garbage;
    auto version = errorText(parseWslStatus(wslFixture("version-en.txt")));
    EXPECT_TRUE(contains(version, "`wsl.exe --version`")) << version;
    auto usage = errorText(parseWslStatus(wslFixture("version-inbox.txt")));
    EXPECT_TRUE(contains(usage, "help")) << usage;
    auto failed = errorText(parseWslStatus(wslFixture("list-error-callmsi.txt")));
    EXPECT_TRUE(contains(failed, "Wsl/CallMsi/ERROR_PATH_NOT_FOUND")) << failed;
    auto cut = errorText(parseWslStatus("Default Distribution: Ubuntu\n"));
    EXPECT_TRUE(contains(cut, "Default Version")) << cut;
}

// ---------------------------------------------------------------------------------- wsl --version

TEST(WslVersionParse, English)
{
    auto v = valueOf(parseWslVersion(wslFixture("version-en.txt")));
    EXPECT_EQ(v.wsl, "2.0.9.0");
    EXPECT_EQ(v.kernel, "5.15.133.1-1");
    EXPECT_EQ(v.wslg, "1.0.59");
    EXPECT_EQ(v.msrdc, "1.2.4677");
    EXPECT_EQ(v.direct3d, "1.611.1-81528511");
    EXPECT_EQ(v.dxcore, "10.0.25131.1002-220531-1700.rs-onecore-base2-hyp");
    EXPECT_EQ(v.windows, "10.0.22631.2428");
}

TEST(WslVersionParse, LocalizedLabels)
{
    auto de = valueOf(parseWslVersion(wslFixture("version-de.txt")));
    EXPECT_EQ(de.wsl, "1.0.3.0");
    EXPECT_EQ(de.kernel, "5.15.79.1");
    EXPECT_EQ(de.wslg, "1.0.47");
    EXPECT_EQ(de.direct3d, "1.606.4");
    EXPECT_EQ(de.windows, "10.0.22621.819");

    auto ko = valueOf(parseWslVersion(wslFixture("version-ko.txt")));
    EXPECT_EQ(ko.wsl, "2.1.5.0");
    EXPECT_EQ(ko.kernel, "5.15.146.1-2");
    EXPECT_EQ(ko.msrdc, "1.2.5105");
    EXPECT_EQ(ko.windows, "10.0.22631.3296");

    auto ja = valueOf(parseWslVersion(wslFixture("version-ja.txt")));
    EXPECT_EQ(ja.wsl, "2.2.4.0");
    EXPECT_EQ(ja.kernel, "5.15.153.1-2");
    EXPECT_EQ(ja.dxcore, "10.0.26091.1-240325-1447.ge-release");

    auto zh = valueOf(parseWslVersion(wslFixture("version-zh-utf8.txt")));
    EXPECT_EQ(zh.wsl, "2.3.26.0");
    EXPECT_EQ(zh.kernel, "5.15.167.4-1");
    EXPECT_EQ(zh.wslg, "1.0.65");
    EXPECT_EQ(zh.windows, "10.0.26100.2454");
}

TEST(WslVersionParse, UnknownLabelsByOrder)
{
    auto v =
        valueOf(parseWslVersion("a: 2.4.11.0\nb: 5.15.167.4-1\nc: 1.0.65\nd: 1.2.5716\ne: 1.611.1-81528511\n"
                                "f: 10.0.26100.1-240331-1435.ge-release\ng: 10.0.26100.3194\n"));
    EXPECT_EQ(v.wsl, "2.4.11.0");
    EXPECT_EQ(v.kernel, "5.15.167.4-1");
    EXPECT_EQ(v.msrdc, "1.2.5716");
    EXPECT_EQ(v.windows, "10.0.26100.3194");
}

TEST(WslVersionParse, InboxWslHasNoVersionOption)
{
    auto message = errorText(parseWslVersion(wslFixture("version-inbox.txt")));
    EXPECT_TRUE(contains(message, "inbox wsl.exe")) << message;
    EXPECT_TRUE(contains(message, "no `--version`")) << message;
}

TEST(WslVersionParse, BadInputGivesClearErrors)
{
    EXPECT_TRUE(contains(errorText(parseWslVersion(wslFixture("empty.txt"))), "empty"));
    auto garbage = errorText(parseWslVersion(wslFixture("garbage.bin")));
    EXPECT_TRUE(contains(garbage, "not the output of `wsl.exe --version`")) << garbage;
    auto status = errorText(parseWslVersion(wslFixture("status-en.txt")));
    EXPECT_TRUE(contains(status, "no `WSL version: X.Y.Z` line")) << status;
    auto cut = errorText(parseWslVersion("WSL version: 2.0.9.0\nKern"));
    EXPECT_TRUE(contains(cut, "not the output")) << cut;
}

// ------------------------------------------------------------------------------ wsl.exe failures

TEST(WslErrorParse, TheArticlesGuiApplicationsDisabled)
{
    for (const char *file : {"error-article-003.txt", "error-gui-disabled-utf16.txt"}) {
        auto e = valueOf(parseWslError(wslFixture(file)), file);
        EXPECT_EQ(e.code, "Wsl/Service/CreateInstance/WSL_E_GUI_APPLICATIONS_DISABLED");
        EXPECT_EQ(e.token, "WSL_E_GUI_APPLICATIONS_DISABLED");
        EXPECT_TRUE(contains(e.message, "guiApplications=true")) << e.message;
        EXPECT_TRUE(contains(e.message, "`wsl --shutdown`")) << e.message;
        EXPECT_TRUE(contains(e.message, "`wsl --system` is unavailable")) << e.message;
    }
}

TEST(WslErrorParse, DistroNotFoundInAnyLanguage)
{
    for (const char *file : {"error-distro-not-found-zh.txt", "error-distro-not-found-en.txt"}) {
        auto e = valueOf(parseWslError(wslFixture(file)), file);
        EXPECT_EQ(e.code, "Wsl/Service/WSL_E_DISTRO_NOT_FOUND");
        EXPECT_EQ(e.token, "WSL_E_DISTRO_NOT_FOUND");
        EXPECT_TRUE(contains(e.message, "`wsl -l -v`")) << e.message;
    }
}

TEST(WslErrorParse, DebugShell)
{
    auto vm = valueOf(parseWslError(wslFixture("error-debug-shell-vm.txt")));
    EXPECT_EQ(vm.code, "Wsl/DebugShell/ERROR_FILE_NOT_FOUND");
    EXPECT_EQ(vm.token, "ERROR_FILE_NOT_FOUND");
    EXPECT_TRUE(contains(vm.message, "VM is not running")) << vm.message;
    EXPECT_TRUE(contains(vm.message, "start a WSL 2 distro first")) << vm.message;

    auto denied =
        valueOf(parseWslError("Access is denied.\r\nError code: Wsl/DebugShell/E_ACCESSDENIED\r\n"));
    EXPECT_TRUE(contains(denied.message, "administrator")) << denied.message;

    // The elevation check prints no code at all.
    auto admin = errorText(parseWslError(wslFixture("error-debug-shell-admin.txt")));
    EXPECT_TRUE(contains(admin, "no `Error code:` line")) << admin;
    EXPECT_TRUE(contains(admin, "run WSL Atlas as administrator")) << admin;
}

TEST(WslErrorParse, Networking)
{
    auto hns = valueOf(parseWslError(wslFixture("error-hns.txt")));
    EXPECT_EQ(hns.code, "Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x803b0001");
    EXPECT_EQ(hns.token, "0x803b0001");
    EXPECT_TRUE(contains(hns.message, "Host Network Service")) << hns.message;
    EXPECT_TRUE(contains(hns.message, "networkingMode=none")) << hns.message;

    auto missing = valueOf(parseWslError(wslFixture("error-hns-service-missing.txt")));
    EXPECT_EQ(missing.token, "0x80070424");
    EXPECT_TRUE(contains(missing.message, "Virtual Machine Platform")) << missing.message;

    auto denied = valueOf(parseWslError(wslFixture("error-hns-accessdenied.txt")));
    EXPECT_EQ(denied.token, "E_ACCESSDENIED");
    EXPECT_TRUE(contains(denied.message, "Host Network Service")) << denied.message;

    auto vmswitch = valueOf(parseWslError(wslFixture("error-vmswitch-pt.txt")));
    EXPECT_EQ(vmswitch.token, "WSL_E_VMSWITCH_NOT_FOUND");
    EXPECT_TRUE(contains(vmswitch.message, "vmSwitch")) << vmswitch.message;
}

TEST(WslErrorParse, VirtualizationUnavailable)
{
    auto e = valueOf(parseWslError(wslFixture("error-hcs.txt")));
    EXPECT_EQ(e.token, "HCS_E_SERVICE_NOT_AVAILABLE");
    EXPECT_TRUE(contains(e.message, "Virtual Machine Platform")) << e.message;
}

TEST(WslErrorParse, UnknownTokensKeepTheTranslatedMessage)
{
    auto e = valueOf(parseWslError(wslFixture("error-unknown.txt")));
    EXPECT_EQ(e.code, "Wsl/Service/CreateInstance/CreateVm/HCS/0x80070032");
    EXPECT_EQ(e.token, "0x80070032");
    EXPECT_EQ(e.message, "The request is not supported. (0x80070032)");

    auto bash = valueOf(parseWslError(wslFixture("error-bash-prefix.txt")));
    EXPECT_EQ(bash.code, "Bash/Service/CreateInstance/CreateVm/ERROR_FILE_NOT_FOUND");
    EXPECT_EQ(bash.message, "The system can not find the file specified. (ERROR_FILE_NOT_FOUND)");

    auto mixed = valueOf(parseWslError(wslFixture("error-mixed.txt")));
    EXPECT_EQ(mixed.code, "Wsl/Service/E_UNEXPECTED");
    EXPECT_TRUE(contains(mixed.message, "The Windows Subsystem for Linux instance has terminated."))
        << mixed.message;
}

TEST(WslErrorParse, CodeInsideAToolsOwnMessage)
{
    auto e = valueOf(
        parseWslError("running wslexec: There is no distribution with the supplied name. "
                      "Wsl/Service/WSL_E_DISTRO_NOT_FOUND: c:\\windows\\system32\\wsl.exe --unregister "
                      "docker-desktop: exit status 0xffffffff (wslErrorCode: "
                      "Wsl/Service/WSL_E_DISTRO_NOT_FOUND, stderr: )\n"));
    EXPECT_EQ(e.code, "Wsl/Service/WSL_E_DISTRO_NOT_FOUND");
    EXPECT_EQ(e.token, "WSL_E_DISTRO_NOT_FOUND");
}

TEST(WslErrorParse, BadInputGivesClearErrors)
{
    EXPECT_TRUE(contains(errorText(parseWslError(wslFixture("empty.txt"))), "empty"));
    auto garbage = errorText(parseWslError(wslFixture("garbage.bin")));
    EXPECT_TRUE(contains(garbage, "not a wsl.exe error (no `Error code: Wsl/…` line)")) << garbage;
    auto list = errorText(parseWslError(wslFixture("list-en-utf16le.txt")));
    EXPECT_TRUE(contains(list, "\"NAME")) << list;
    auto cut =
        errorText(parseWslError("GUI application support is disabled via C:\\Users\\testusr\\.wslconfig or "
                                "/etc/wsl.conf.\nError co"));
    EXPECT_TRUE(contains(cut, "no `Error code")) << cut;
}

// --------------------------------------------------------------------------------- Lxss registry

TEST(LxssRegistryParse, TheArticlesNatValues)
{
    auto r = valueOf(parseLxssRegistry(wslFixture("lxss-article-000.txt")));
    ASSERT_TRUE(r.nat.has_value());
    EXPECT_EQ(r.nat->network, "172.19.128.0/20");
    EXPECT_EQ(r.nat->gateway, "172.19.128.1");
    EXPECT_EQ(r.nat->address, "");
    EXPECT_TRUE(r.distros.empty());
}

TEST(LxssRegistryParse, BothHivesFromRegQuery)
{
    for (const char *file : {"lxss-reg-query.txt", "lxss-reg-query-utf16.txt"}) {
        auto r = valueOf(parseLxssRegistry(wslFixture(file)), file);
        ASSERT_TRUE(r.nat.has_value()) << file;
        EXPECT_EQ(r.nat->network, "172.19.128.0/20");
        EXPECT_EQ(r.nat->gateway, "172.19.128.1");
        EXPECT_EQ(r.nat->address, "172.19.132.144");
        EXPECT_EQ(r.defaultDistributionId, "{4c3a9d8e-2b1f-4e5a-9c7d-0a1b2c3d4e5f}");
        ASSERT_EQ(r.distros.size(), 4u) << file;

        const Distro &ubuntu = r.distros[0];
        EXPECT_EQ(ubuntu.name, "Ubuntu-20.04");
        EXPECT_EQ(ubuntu.id, "{4c3a9d8e-2b1f-4e5a-9c7d-0a1b2c3d4e5f}");
        EXPECT_TRUE(ubuntu.isDefault);
        EXPECT_EQ(ubuntu.version, 2);
        EXPECT_EQ(ubuntu.flags, 15);
        EXPECT_EQ(ubuntu.basePath, "C:\\Users\\testusr\\AppData\\Local\\Packages\\"
                                   "CanonicalGroupLimited.Ubuntu20.04onWindows_79rhkp1fndgsc\\LocalState");
        EXPECT_EQ(ubuntu.state, "");

        EXPECT_EQ(r.distros[1].name, "Ubuntu-18.04");
        EXPECT_FALSE(r.distros[1].isDefault);
        EXPECT_EQ(
            r.distros[1].basePath,
            "%LOCALAPPDATA%\\Packages\\CanonicalGroupLimited.Ubuntu18.04onWindows_79rhkp1fndgsc\\LocalState");
        EXPECT_EQ(r.distros[2].name, "docker-desktop");
        EXPECT_EQ(r.distros[2].basePath, "\\\\?\\C:\\Users\\testusr\\AppData\\Local\\Docker\\wsl\\main");
        // No Version value: WSL 1 because Flags lacks the VM-mode bit (0x8).
        EXPECT_EQ(r.distros[3].name, "Legacy-Ubuntu");
        EXPECT_EQ(r.distros[3].version, 1);
        EXPECT_EQ(r.distros[3].flags, 7);
    }
}

TEST(LxssRegistryParse, RegeditExport)
{
    auto r = valueOf(parseLxssRegistry(wslFixture("lxss-regedit.reg")));
    ASSERT_TRUE(r.nat.has_value());
    EXPECT_EQ(r.nat->address, "172.19.132.144");
    EXPECT_EQ(r.nat->network, "");
    ASSERT_EQ(r.distros.size(), 1u);
    EXPECT_EQ(r.distros[0].name, "Ubuntu-18.04");
    EXPECT_TRUE(r.distros[0].isDefault); // the GUID's case differs between the two places
    EXPECT_EQ(r.distros[0].version, 2);
    EXPECT_EQ(r.distros[0].flags, 15);
    EXPECT_EQ(
        r.distros[0].basePath,
        "%LOCALAPPDATA%\\Packages\\CanonicalGroupLimited.Ubuntu18.04onWindows_79rhkp1fndgsc\\LocalState");
}

TEST(LxssRegistryParse, BadInputGivesClearErrors)
{
    EXPECT_TRUE(contains(errorText(parseLxssRegistry(wslFixture("empty.txt"))), "empty"));
    auto garbage = errorText(parseLxssRegistry(wslFixture("garbage.bin")));
    EXPECT_TRUE(contains(garbage, "not the output of `reg query ...\\Lxss /s`")) << garbage;
    auto missing = errorText(parseLxssRegistry(wslFixture("lxss-not-found.txt")));
    EXPECT_TRUE(contains(missing, "found no Lxss key")) << missing;
    auto cut = errorText(parseLxssRegistry(wslFixture("lxss-truncated.txt")));
    EXPECT_TRUE(contains(cut, "stops in the middle of a value line")) << cut;
    auto other = errorText(parseLxssRegistry("HKEY_CURRENT_USER\\Software\\Foo\n    A    REG_SZ    b\n"));
    EXPECT_TRUE(contains(other, "not the Lxss keys")) << other;
    auto keyOnly =
        errorText(parseLxssRegistry("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss\\{"
                                    "4c3a9d8e-2b1f-4e5a-9c7d-0a1b2c3d4e5f}\n"));
    EXPECT_TRUE(contains(keyOnly, "before its DistributionName")) << keyOnly;
}

// ------------------------------------------------------------------------------------ .wslconfig

TEST(WslConfigParse, TheArticlesGuiApplicationsFalse)
{
    auto c = valueOf(parseWslConfig(wslFixture("wslconfig-article-003.txt")));
    ASSERT_TRUE(c.guiApplications.has_value());
    EXPECT_FALSE(*c.guiApplications);
    EXPECT_EQ(c.networkingMode, "");
    EXPECT_EQ(c.settings, (std::map<std::string, std::string>{{"wsl2.guiapplications", "false"}}));
}

TEST(WslConfigParse, MirroredWithCommentsBomAndCrlf)
{
    auto c = valueOf(parseWslConfig(wslFixture("wslconfig-mirrored.txt")));
    EXPECT_EQ(c.networkingMode, "mirrored");
    EXPECT_FALSE(c.guiApplications.has_value());
    EXPECT_EQ(c.settings["wsl2.memory"], "8GB");
    EXPECT_EQ(c.settings["wsl2.processors"], "4");
    EXPECT_EQ(c.settings["wsl2.dnstunneling"], "true");
    EXPECT_EQ(c.settings["wsl2.firewall"], "true");
    EXPECT_EQ(c.settings["wsl2.networkingmode"], "Mirrored");
    EXPECT_EQ(c.settings["experimental.automemoryreclaim"], "gradual");
    EXPECT_EQ(c.settings["experimental.sparsevhd"], "true");
    EXPECT_EQ(c.settings["experimental.hostaddressloopback"], "true");
    EXPECT_EQ(c.settings.count("wsl2.vmswitch"), 0u); // commented out
    EXPECT_EQ(c.settings.size(), 8u);
}

TEST(WslConfigParse, ExperimentalSectionOnly)
{
    auto c = valueOf(parseWslConfig(wslFixture("wslconfig-experimental.txt")));
    EXPECT_EQ(c.networkingMode, "mirrored");
    EXPECT_EQ(c.settings["experimental.autoproxy"], "true");
    EXPECT_EQ(c.settings["experimental.dnstunneling"], "true");
}

TEST(WslConfigParse, SpacesAroundEquals)
{
    auto c = valueOf(parseWslConfig(wslFixture("wslconfig-bridged.txt")));
    EXPECT_EQ(c.networkingMode, "bridged");
    EXPECT_EQ(c.settings["wsl2.dhcp"], "false");
    EXPECT_EQ(c.settings["wsl2.ipv6"], "true");
    EXPECT_EQ(c.settings["wsl2.vmswitch"], "External");
}

TEST(WslConfigParse, TheFirstNetworkingModeInTheFileWins)
{
    auto experimentalFirst = valueOf(parseWslConfig(wslFixture("wslconfig-experimental-first.txt")));
    EXPECT_EQ(experimentalFirst.networkingMode, "mirrored");
    EXPECT_EQ(experimentalFirst.guiApplications, true);
    auto wsl2First = valueOf(parseWslConfig(wslFixture("wslconfig-wsl2-first.txt")));
    EXPECT_EQ(wsl2First.networkingMode, "nat");
}

TEST(WslConfigParse, QuotesEscapesAndDuplicatesLikeWsl)
{
    auto c = valueOf(parseWslConfig(wslFixture("wslconfig-utf16.txt")));
    EXPECT_EQ(c.settings["wsl2.kernel"], "C:\\temp\\my kernel\\bzImage");
    EXPECT_EQ(c.settings["wsl2.kernelcommandline"], " sysctl.vm.swappiness=10 ");
    EXPECT_EQ(c.settings.count("wsl2.swapfile"), 0u); // "\s" is no escape: WSL skips the line
    EXPECT_EQ(c.guiApplications, false);
    EXPECT_EQ(c.networkingMode, "virtioproxy ; not a comment for wsl");
    EXPECT_EQ(c.settings["wsl2.memory"], "4GB"); // the first of two
    EXPECT_EQ(c.settings["wsl2.localhostforwarding"], "true");
}

TEST(WslConfigParse, BadInputGivesClearErrors)
{
    EXPECT_TRUE(contains(errorText(parseWslConfig(wslFixture("empty.txt"))), "empty"));
    auto garbage = errorText(parseWslConfig(wslFixture("garbage.bin")));
    EXPECT_TRUE(contains(garbage, ".wslconfig")) << garbage;
    auto cut = errorText(parseWslConfig("[wsl2"));
    EXPECT_TRUE(contains(cut, "line 1 \"[wsl2\"")) << cut;
    auto list = errorText(parseWslConfig(wslFixture("list-en-utf16le.txt")));
    EXPECT_TRUE(contains(list, ".wslconfig")) << list;
}

// ------------------------------------------------------------------------------- random mutation

namespace {

std::string mutate(std::string s, std::mt19937 &rng)
{
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
        std::size_t at = s.empty() ? 0 : rng() % s.size();
        switch (rng() % 6) {
        case 0: // flip a byte
            if (!s.empty())
                s[at] = static_cast<char>(rng() & 0xFF);
            break;
        case 1: // cut the rest
            s.resize(at);
            break;
        case 2: // delete a range
            s.erase(at, rng() % 16);
            break;
        case 3: // insert random bytes
            for (int n = static_cast<int>(rng() % 8); n > 0; --n)
                s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), static_cast<char>(rng() & 0xFF));
            break;
        case 4: // duplicate a chunk (odd offsets break UTF-16 alignment)
            s.insert(at, s.substr(at / 2, rng() % 33));
            break;
        case 5: // insert a NUL or a line end
            s.insert(at, rng() % 2 ? std::string(1, '\0') : std::string("\r\n"));
            break;
        }
    }
    return s;
}

template <typename T> void expectSane(const Result<T> &r)
{
    if (const auto *error = std::get_if<Error>(&r)) {
        EXPECT_FALSE(error->message.empty());
    }
}

} // namespace

TEST(WslCapturesFuzz, RandomMutationsNeverCrash)
{
    std::vector<std::string> seeds;
    for (const auto &entry :
         std::filesystem::directory_iterator(std::string(WSLATLAS_FIXTURES_DIR) + "/captures/wsl"))
        if (entry.path().extension() != ".py" && entry.path().extension() != ".md")
            seeds.push_back(wslFixture(entry.path().filename().string()));
    ASSERT_GT(seeds.size(), 40u);
    std::mt19937 rng(20261121);
    for (int round = 0; round < 3000; ++round) {
        const std::string input = mutate(seeds[rng() % seeds.size()], rng);
        auto distros = parseWslList(input);
        expectSane(distros);
        if (auto *d = std::get_if<std::vector<Distro>>(&distros))
            for (const Distro &x : *d) {
                EXPECT_FALSE(x.name.empty());
                EXPECT_GE(x.version, 1);
                EXPECT_LE(x.version, 9);
            }
        auto status = parseWslStatus(input);
        expectSane(status);
        if (auto *s = std::get_if<WslStatus>(&status)) {
            EXPECT_TRUE(s->defaultVersion == 1 || s->defaultVersion == 2);
        }
        expectSane(parseWslVersion(input));
        auto error = parseWslError(input);
        expectSane(error);
        if (auto *e = std::get_if<WslError>(&error)) {
            EXPECT_FALSE(e->code.empty());
            EXPECT_FALSE(e->token.empty());
            EXPECT_FALSE(e->message.empty());
        }
        expectSane(parseLxssRegistry(input));
        expectSane(parseWslConfig(input));
        if (HasFailure())
            FAIL() << "round " << round;
    }
}
