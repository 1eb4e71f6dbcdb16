// The Windows host network capture parsers on the article's outputs (seeds/000), on localized and legacy
// code page ipconfig outputs, on the PowerShell table / list / JSON forms and on hnsdiag's text and JSON.
// Fixtures: tests/fixtures/captures/host (README.md there says where each comes from).
#include "capture_parsers.h"
#include "gtest_fixtures.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace wslatlas;

namespace {

std::string fixture(const std::string &name)
{
    return test::expectFixture("captures/host/" + name);
}

template <typename T> T ok(const Result<T> &result, const std::string &what)
{
    if (const auto *error = std::get_if<Error>(&result)) {
        ADD_FAILURE() << what << ": unexpected error: " << error->message;
        return T{};
    }
    return std::get<T>(result);
}

template <typename T> std::string failure(const Result<T> &result, const std::string &what)
{
    if (const auto *error = std::get_if<Error>(&result)) {
        EXPECT_FALSE(error->message.empty()) << what;
        return error->message;
    }
    ADD_FAILURE() << what << ": expected an error, got a value";
    return {};
}

const HostAdapter *adapterNamed(const std::vector<HostAdapter> &adapters, const std::string &name)
{
    for (const HostAdapter &a : adapters)
        if (a.name == name)
            return &a;
    ADD_FAILURE() << "no adapter named \"" << name << "\"";
    return nullptr;
}

std::vector<std::string> namesOf(const std::vector<HostAdapter> &adapters)
{
    std::vector<std::string> names;
    for (const HostAdapter &a : adapters)
        names.push_back(a.name);
    return names;
}

std::vector<std::string> addresses(const std::vector<Address> &list)
{
    std::vector<std::string> out;
    for (const Address &a : list)
        out.push_back(a.address + "/" + std::to_string(a.prefix));
    return out;
}

using Strings = std::vector<std::string>;

// UTF-8 -> UTF-16LE with a BOM, as Windows PowerShell 5.1's `>` writes files.
std::string utf16le(const std::string &utf8)
{
    std::string out = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        char32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0)
            cp = c & 0x07, len = 4;
        else if (c >= 0xE0)
            cp = c & 0x0F, len = 3;
        else if (c >= 0xC0)
            cp = c & 0x1F, len = 2;
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += len;
        auto unit = [&](char32_t u) {
            out += static_cast<char>(u & 0xFF);
            out += static_cast<char>((u >> 8) & 0xFF);
        };
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

// The article's ipconfig adapter, as every form of the host captures must yield it.
void expectArticleAdapter(const HostAdapter &a, bool withIndex = true)
{
    EXPECT_EQ(a.name, "vEthernet (WSL (Hyper-V firewall))");
    EXPECT_TRUE(a.wsl);
    EXPECT_EQ(addresses(a.ipv4), Strings{"172.19.128.1/20"});
    EXPECT_EQ(addresses(a.ipv6), Strings{"fe80::4817:b6e:4576:c2c3/64"});
    if (withIndex) {
        EXPECT_EQ(a.ifIndex, 62);
    }
}

// ============================================================================ ipconfig

TEST(Ipconfig, ArticleOutputExactly)
{
    const auto adapters = ok(parseIpconfig(fixture("ipconfig-article.txt")), "article");
    ASSERT_EQ(adapters.size(), 1u);
    const HostAdapter &a = adapters[0];
    expectArticleAdapter(a);
    EXPECT_EQ(a.up, true);
    EXPECT_TRUE(a.gateways.empty());
    EXPECT_TRUE(a.dnsServers.empty());
    EXPECT_TRUE(a.mac.empty());
    EXPECT_TRUE(a.description.empty());
}

TEST(Ipconfig, ArticleOutputAsUtf16WithCrlf)
{
    std::string text = fixture("ipconfig-article.txt");
    std::string crlf;
    for (char c : text) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    const auto adapters = ok(parseIpconfig(utf16le(crlf)), "article UTF-16LE");
    ASSERT_EQ(adapters.size(), 1u);
    expectArticleAdapter(adapters[0]);
}

TEST(Ipconfig, EnglishAllWithDnsContinuationsLeasesAndDisconnectedBluetooth)
{
    const auto adapters = ok(parseIpconfig(fixture("ipconfig-all-en.txt")), "en /all");
    EXPECT_EQ(namesOf(adapters), (Strings{"Ethernet 3", "vEthernet (Default Switch)", "vEthernet (WSL)",
                                          "Wi-Fi", "Bluetooth Network Connection"}));
    if (const auto *a = adapterNamed(adapters, "Ethernet 3")) {
        EXPECT_EQ(a->description, "PANGP Virtual Ethernet Adapter #2");
        EXPECT_EQ(a->mac, "02:50:41:00:00:01");
        EXPECT_EQ(addresses(a->ipv4), Strings{"192.168.252.243/32"});
        EXPECT_TRUE(a->gateways.empty());
        EXPECT_EQ(a->dnsServers, (Strings{"10.121.200.3", "10.121.200.4"}));
        EXPECT_FALSE(a->wsl);
        EXPECT_EQ(a->up, true);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (Default Switch)")) {
        EXPECT_EQ(a->description, "Hyper-V Virtual Ethernet Adapter");
        EXPECT_EQ(a->mac, "00:15:5d:ea:95:09");
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.17.194.113/28"});
        EXPECT_EQ(addresses(a->ipv6), Strings{"fe80::2d2c:7a6f:f58a:d3f2/64"});
        EXPECT_EQ(a->ifIndex, 31);
        EXPECT_EQ(a->dnsServers, (Strings{"fec0:0:0:ffff::1", "fec0:0:0:ffff::2", "fec0:0:0:ffff::3"}));
        EXPECT_FALSE(a->wsl);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (WSL)")) {
        EXPECT_TRUE(a->wsl);
        EXPECT_EQ(a->description, "Hyper-V Virtual Ethernet Adapter #2");
        EXPECT_EQ(a->mac, "00:15:5d:05:99:01");
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.24.112.1/20"});
        EXPECT_EQ(addresses(a->ipv6), Strings{"fe80::7d71:9762:ea58:70ed/64"});
        EXPECT_EQ(a->ifIndex, 44);
        EXPECT_TRUE(a->gateways.empty());
        EXPECT_TRUE(a->dnsServers.empty());
    }
    if (const auto *a = adapterNamed(adapters, "Wi-Fi")) {
        EXPECT_EQ(a->description, "Intel(R) Wi-Fi 6 AX201 160MHz");
        EXPECT_EQ(a->mac, "74:97:79:9f:3a:d7");
        EXPECT_EQ(addresses(a->ipv4), Strings{"192.168.1.173/24"});
        // ipconfig does not print global IPv6 prefix lengths: 0 = unknown.
        EXPECT_EQ(addresses(a->ipv6),
                  (Strings{"2a02:8071:2180:a00:5d4c:1b2e:3f41:77a9/0",
                           "2a02:8071:2180:a00:8c1f:2e0a:61b7:4c02/0", "fe80::b1c8:3e3f:8d0a:4e21/64"}));
        EXPECT_EQ(a->ifIndex, 13);
        EXPECT_EQ(a->gateways, (Strings{"fe80::1", "192.168.1.1"}));
        EXPECT_EQ(a->dnsServers, Strings{"192.168.1.1"});
        EXPECT_EQ(a->up, true);
    }
    if (const auto *a = adapterNamed(adapters, "Bluetooth Network Connection")) {
        EXPECT_EQ(a->up, false);
        EXPECT_EQ(a->description, "Bluetooth Device (Personal Area Network)");
        EXPECT_EQ(a->mac, "74:97:79:9f:3a:d8");
        EXPECT_TRUE(a->ipv4.empty());
        EXPECT_TRUE(a->ipv6.empty());
    }
}

TEST(Ipconfig, GermanAllWithoutDotLeaderAndBevorzugt)
{
    const auto adapters = ok(parseIpconfig(fixture("ipconfig-all-de.txt")), "de /all");
    EXPECT_EQ(namesOf(adapters), (Strings{"Ethernet", "WLAN", "vEthernet (WSL)"}));
    if (const auto *a = adapterNamed(adapters, "Ethernet")) {
        EXPECT_EQ(a->description, "Intel(R) Ethernet Connection (7) I219-V");
        EXPECT_EQ(a->mac, "18:c0:4d:a8:63:ea");
        EXPECT_EQ(addresses(a->ipv4), Strings{"192.168.178.10/24"});
        EXPECT_EQ(addresses(a->ipv6), Strings{"fe80::8437:10e2:6856:6190/64"});
        EXPECT_EQ(a->ifIndex, 11);
        EXPECT_EQ(a->gateways, (Strings{"fe80::9ec7:a6ff:fe50:129c", "192.168.178.1"}));
        EXPECT_EQ(a->dnsServers, (Strings{"fd00::9ec7:a6ff:fe50:129c", "192.168.178.1"}));
    }
    if (const auto *a = adapterNamed(adapters, "WLAN")) {
        EXPECT_EQ(a->up, false);
        EXPECT_EQ(a->mac, "74:97:79:9f:3a:d7");
        EXPECT_EQ(a->description, "Intel(R) Wi-Fi 6 AX201 160MHz");
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (WSL)")) {
        EXPECT_TRUE(a->wsl);
        EXPECT_EQ(a->up, true);
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.31.32.1/20"});
        EXPECT_EQ(a->mac, "00:15:5d:93:99:2b");
        EXPECT_EQ(a->ifIndex, 47);
        EXPECT_TRUE(a->gateways.empty());
    }
}

void expectFrench(const std::vector<HostAdapter> &adapters)
{
    EXPECT_EQ(namesOf(adapters), (Strings{"Ethernet", "Wi-Fi", "vEthernet (WSL)"}));
    if (const auto *a = adapterNamed(adapters, "Ethernet")) {
        EXPECT_EQ(addresses(a->ipv4), Strings{"192.168.1.20/24"});
        EXPECT_EQ(addresses(a->ipv6), Strings{"fe80::a8d4:3c71:9e2b:5f10/64"});
        EXPECT_EQ(a->gateways, Strings{"192.168.1.1"});
        EXPECT_EQ(a->up, true);
    }
    if (const auto *a = adapterNamed(adapters, "Wi-Fi")) {
        EXPECT_EQ(a->up, false);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (WSL)")) {
        EXPECT_TRUE(a->wsl);
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.28.96.1/20"});
        EXPECT_EQ(a->ifIndex, 44);
    }
}

TEST(Ipconfig, FrenchWithSpaceBeforeColon)
{
    expectFrench(ok(parseIpconfig(fixture("ipconfig-fr.txt")), "fr"));
}

TEST(Ipconfig, FrenchInCodePage850)
{
    expectFrench(ok(parseIpconfig(fixture("ipconfig-fr-cp850.txt")), "fr cp850"));
}

void expectJapanese(const std::vector<HostAdapter> &adapters)
{
    EXPECT_EQ(namesOf(adapters),
              (Strings{"vEthernet (WSL)", "vEthernet (external)", "Wi-Fi", "vEthernet (Default Switch)"}));
    if (const auto *a = adapterNamed(adapters, "vEthernet (WSL)")) {
        EXPECT_TRUE(a->wsl);
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.24.208.1/20"});
        EXPECT_EQ(addresses(a->ipv6), Strings{"fe80::ec6c:22c6:2eb4:221f/64"});
        EXPECT_EQ(a->ifIndex, 57);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (external)")) {
        EXPECT_FALSE(a->wsl);
        EXPECT_EQ(addresses(a->ipv4), Strings{"192.168.10.10/24"});
        EXPECT_EQ(addresses(a->ipv6),
                  (Strings{"240f:7a:9c1:1:7476:28b0:2df3:f926/0", "240f:7a:9c1:1:d0e1:5b2a:86c3:1f07/0",
                           "fe80::7476:28b0:2df3:f926/64"}));
        EXPECT_EQ(a->gateways, (Strings{"fe80::ae44:f2ff:fe66:5090", "192.168.10.1"}));
    }
    if (const auto *a = adapterNamed(adapters, "Wi-Fi")) {
        EXPECT_EQ(a->up, false);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (Default Switch)")) {
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.30.224.1/20"});
    }
}

TEST(Ipconfig, Japanese)
{
    expectJapanese(ok(parseIpconfig(fixture("ipconfig-ja.txt")), "ja"));
}

TEST(Ipconfig, JapaneseInCodePage932)
{
    const std::string bytes = fixture("ipconfig-ja-cp932.txt");
    ASSERT_EQ(bytes.find("\xE3\x82"), std::string::npos) << "the fixture must not be UTF-8";
    expectJapanese(ok(parseIpconfig(bytes), "ja cp932"));
}

TEST(Ipconfig, KoreanPlain)
{
    const auto adapters = ok(parseIpconfig(fixture("ipconfig-ko.txt")), "ko");
    EXPECT_EQ(namesOf(adapters),
              (Strings{"VirtualBox Host-Only Network", "Wi-Fi", "vEthernet (Default Switch)"}));
    if (const auto *a = adapterNamed(adapters, "Wi-Fi")) {
        EXPECT_EQ(addresses(a->ipv4), Strings{"10.133.19.237/8"});
        EXPECT_EQ(a->gateways, Strings{"10.128.128.128"});
        EXPECT_EQ(a->ifIndex, 20);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (Default Switch)")) {
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.17.131.1/28"});
    }
}

void expectKoreanAll(const std::vector<HostAdapter> &adapters, bool utf8)
{
    ASSERT_EQ(adapters.size(), 3u);
    const HostAdapter &ethernet = adapters[0];
    if (utf8) {
        EXPECT_EQ(ethernet.name, "이더넷");
    } else {
        EXPECT_FALSE(ethernet.name.empty()); // a Korean name in CP949 cannot be read back; it is not invented
        EXPECT_EQ(ethernet.up, false);
    }
    EXPECT_EQ(ethernet.mac, "e8:6a:64:97:3e:66");
    EXPECT_EQ(ethernet.description, "Realtek PCIe GbE Family Controller");
    EXPECT_FALSE(ethernet.wsl);

    const HostAdapter &wifi = adapters[1];
    EXPECT_EQ(wifi.name, "Wi-Fi");
    EXPECT_EQ(wifi.description, "Qualcomm Atheros QCA9377 Wireless Network Adapter");
    EXPECT_EQ(wifi.mac, "f8:a2:d6:4b:19:c3");
    EXPECT_EQ(addresses(wifi.ipv4), Strings{"10.133.19.237/8"});
    EXPECT_EQ(wifi.gateways, Strings{"10.128.128.128"});
    EXPECT_EQ(wifi.dnsServers, (Strings{"168.126.63.1", "168.126.63.2"}));

    const HostAdapter &wsl = adapters[2];
    expectArticleAdapter(wsl);
    EXPECT_EQ(wsl.mac, "00:15:5d:0a:fd:5a");
    EXPECT_EQ(wsl.description, "Hyper-V Virtual Ethernet Adapter #2");
    EXPECT_TRUE(wsl.gateways.empty());
    EXPECT_EQ(wsl.dnsServers, (Strings{"fec0:0:0:ffff::1", "fec0:0:0:ffff::2", "fec0:0:0:ffff::3"}));
    EXPECT_EQ(wsl.up, true);
}

TEST(Ipconfig, KoreanAll)
{
    expectKoreanAll(ok(parseIpconfig(fixture("ipconfig-all-ko.txt")), "ko /all"), true);
}

TEST(Ipconfig, KoreanAllInCodePage949)
{
    const std::string bytes = fixture("ipconfig-all-ko-cp949.txt");
    ASSERT_EQ(bytes.find("이더넷"), std::string::npos) << "the fixture must not be UTF-8";
    expectKoreanAll(ok(parseIpconfig(bytes), "ko /all cp949"), false);
}

void expectChineseAll(const std::vector<HostAdapter> &adapters, bool utf8)
{
    ASSERT_EQ(adapters.size(), 3u);
    if (utf8) {
        EXPECT_EQ(adapters[0].name, "以太网");
    }
    EXPECT_EQ(adapters[0].up, false);
    EXPECT_EQ(adapters[0].mac, "54:05:db:3c:6a:1f");
    EXPECT_EQ(adapters[1].name, "WLAN");
    EXPECT_EQ(addresses(adapters[1].ipv4), Strings{"192.168.31.118/24"});
    EXPECT_EQ(adapters[1].gateways, Strings{"192.168.31.1"});
    EXPECT_EQ(adapters[1].dnsServers, Strings{"192.168.31.1"});
    EXPECT_EQ(adapters[1].ifIndex, 17);
    EXPECT_EQ(adapters[2].name, "vEthernet (WSL)");
    EXPECT_TRUE(adapters[2].wsl);
    EXPECT_EQ(addresses(adapters[2].ipv4), Strings{"172.18.176.1/20"});
    EXPECT_EQ(addresses(adapters[2].ipv6), Strings{"fe80::b2a1:6e0c:93d4:1a7e/64"});
    EXPECT_EQ(adapters[2].ifIndex, 50);
    EXPECT_EQ(adapters[2].mac, "00:15:5d:50:76:f7");
    EXPECT_TRUE(adapters[2].gateways.empty());
}

TEST(Ipconfig, ChineseAll)
{
    expectChineseAll(ok(parseIpconfig(fixture("ipconfig-all-zh.txt")), "zh /all"), true);
}

TEST(Ipconfig, ChineseAllInCodePage936)
{
    expectChineseAll(ok(parseIpconfig(fixture("ipconfig-all-zh-cp936.txt")), "zh /all cp936"), false);
}

TEST(Ipconfig, MirroredModeHasNoWslAdapter)
{
    const auto adapters = ok(parseIpconfig(fixture("ipconfig-mirrored.txt")), "mirrored");
    EXPECT_EQ(namesOf(adapters),
              (Strings{"Ethernet", "VMware Network Adapter VMnet1", "VMware Network Adapter VMnet8", "Wi-Fi",
                       "Local Area Connection* 1", "Local Area Connection* 2", "Bluetooth Network Connection",
                       "OpenVPN Wintun", "vEthernet (Default Switch)"}));
    for (const HostAdapter &a : adapters)
        EXPECT_FALSE(a.wsl) << a.name;
    if (const auto *a = adapterNamed(adapters, "Ethernet")) {
        EXPECT_EQ(addresses(a->ipv4), Strings{"192.168.1.173/24"});
        EXPECT_EQ(a->gateways, (Strings{"fe80::1", "192.168.1.1"}));
        EXPECT_EQ(a->ifIndex, 23);
        EXPECT_EQ(a->ipv6.size(), 3u);
    }
    if (const auto *a = adapterNamed(adapters, "OpenVPN Wintun")) {
        EXPECT_EQ(a->up, false);
    }
    if (const auto *a = adapterNamed(adapters, "vEthernet (Default Switch)")) {
        EXPECT_EQ(addresses(a->ipv4), Strings{"172.17.16.1/20"});
    }
}

TEST(Ipconfig, BothWslAdaptersAndNumberedDuplicates)
{
    const auto adapters = ok(parseIpconfig(fixture("ipconfig-wsl-duplicates.txt")), "duplicates");
    EXPECT_EQ(namesOf(adapters),
              (Strings{"vEthernet (WSL)", "vEthernet (WSL) 7", "vEthernet (Default Switch) 2", "Wi-Fi",
                       "vEthernet (WSL (Hyper-V firewall))"}));
    EXPECT_TRUE(adapters[0].wsl);
    EXPECT_TRUE(adapters[1].wsl);
    EXPECT_FALSE(adapters[2].wsl);
    EXPECT_FALSE(adapters[3].wsl);
    EXPECT_EQ(adapters[0].up, false);
    EXPECT_EQ(adapters[1].up, false);
    EXPECT_EQ(adapters[2].up, false);
    EXPECT_EQ(adapters[3].up, true);
    expectArticleAdapter(adapters[4]);
    EXPECT_EQ(adapters[4].up, true);
}

// A paste that lost its indentation and blank lines (forums, chat) reads the same.
TEST(Ipconfig, FlattenedPaste)
{
    const std::string text = fixture("ipconfig-all-en.txt");
    std::string flat;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(" \r");
        if (first != std::string::npos)
            flat += line.substr(first) + "\n";
        start = end + 1;
    }
    const auto adapters = ok(parseIpconfig(flat), "flattened");
    const auto original = ok(parseIpconfig(text), "original");
    ASSERT_EQ(namesOf(adapters), namesOf(original));
    for (std::size_t i = 0; i < adapters.size(); ++i) {
        EXPECT_EQ(addresses(adapters[i].ipv4), addresses(original[i].ipv4)) << adapters[i].name;
        EXPECT_EQ(addresses(adapters[i].ipv6), addresses(original[i].ipv6)) << adapters[i].name;
        EXPECT_EQ(adapters[i].gateways, original[i].gateways) << adapters[i].name;
        EXPECT_EQ(adapters[i].dnsServers, original[i].dnsServers) << adapters[i].name;
        EXPECT_EQ(adapters[i].mac, original[i].mac) << adapters[i].name;
        EXPECT_EQ(adapters[i].up, original[i].up) << adapters[i].name;
    }
}

TEST(Ipconfig, OtherLanguagesHeaders)
{
    const std::string body =
        "\n   Suffix . . . :\n   IPv4 . . . . : 172.19.128.1\n   Mask . . . . : 255.255.240.0\n"
        "   Gateway . . . :\n\n";
    for (const char *header :
         {"Adaptador de Ethernet vEthernet (WSL):", "Adaptador Ethernet vEthernet (WSL):",
          "Scheda Ethernet vEthernet (WSL):", "Адаптер Ethernet vEthernet (WSL):",
          "乙太網路卡 vEthernet (WSL):", "Tunneladapter vEthernet (WSL):"}) {
        const auto adapters = ok(parseIpconfig(std::string(header) + "\n" + body), header);
        ASSERT_EQ(adapters.size(), 1u) << header;
        EXPECT_EQ(adapters[0].name, "vEthernet (WSL)") << header;
        EXPECT_EQ(addresses(adapters[0].ipv4), Strings{"172.19.128.1/20"}) << header;
    }
}

TEST(Ipconfig, Errors)
{
    EXPECT_NE(failure(parseIpconfig(fixture("empty.txt")), "empty").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseIpconfig("  \r\n\r\n"), "blank").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseIpconfig(fixture("garbage.bin")), "garbage").find("No adapter section"),
              std::string::npos);
    EXPECT_NE(failure(parseIpconfig(fixture("net-adapter.json")), "json").find("No adapter section"),
              std::string::npos);

    const std::string cut = failure(parseIpconfig(fixture("ipconfig-truncated.txt")), "truncated");
    EXPECT_NE(cut.find("172.24.112.1"), std::string::npos) << cut;
    EXPECT_NE(cut.find("subnet mask"), std::string::npos) << cut;

    const std::string mask = failure(parseIpconfig(fixture("ipconfig-noncontiguous.txt")), "non-contiguous");
    EXPECT_NE(mask.find("255.255.0.255"), std::string::npos) << mask;
    EXPECT_NE(mask.find("not contiguous"), std::string::npos) << mask;

    const std::string header =
        failure(parseIpconfig("Windows IP Configuration\r\n\r\nEthernet adapter Ethernet:\r\n"
                              "\r\n"),
                "header only");
    EXPECT_NE(header.find("cut off"), std::string::npos) << header;

    const std::string half = failure(
        parseIpconfig("Ethernet adapter Ethernet:\n\n   IPv4 Address. . . : 172.19.\n"), "half address");
    EXPECT_NE(half.find("not an IPv4 address"), std::string::npos) << half;

    const std::string noMask =
        failure(parseIpconfig("Ethernet adapter Ethernet:\n\n   IPv4 Address. . . : 10.0.0.5\n"
                              "   Default Gateway . . . : 10.0.0.1\n"),
                "gateway where the mask is");
    EXPECT_NE(noMask.find("subnet mask"), std::string::npos) << noMask;
}

// ============================================================================ Get-NetAdapter

TEST(NetAdapters, DefaultTableWithCutNames)
{
    const auto adapters = ok(parseNetAdapters(fixture("net-adapter-table.txt")), "table");
    ASSERT_EQ(adapters.size(), 10u);
    const HostAdapter &wsl = adapters[0];
    EXPECT_EQ(wsl.name, "vEthernet (WSL (Hyper-...");
    EXPECT_TRUE(wsl.wsl);
    EXPECT_EQ(wsl.description, "Hyper-V Virtual Ethernet Adapter #2");
    EXPECT_EQ(wsl.ifIndex, 62);
    EXPECT_EQ(wsl.up, true);
    EXPECT_EQ(wsl.mac, "00:15:5d:0a:fd:5a");

    EXPECT_EQ(adapters[1].name, "vEthernet (Default Sw...2");
    EXPECT_EQ(adapters[1].up, false);
    EXPECT_FALSE(adapters[1].wsl);
    EXPECT_EQ(adapters[2].name, "vEthernet (Default S...16");
    EXPECT_EQ(adapters[2].ifIndex, 128);
    EXPECT_EQ(adapters[3].name, "vEthernet (WSL) 5");
    EXPECT_TRUE(adapters[3].wsl);
    EXPECT_EQ(adapters[3].ifIndex, 49);
    EXPECT_EQ(adapters[3].mac, "00:15:5d:41:65:a7");
    if (const auto *a = adapterNamed(adapters, "Ethernet 2")) {
        EXPECT_EQ(a->description, "ASIX AX88179 USB 3.0 to Gigabit Ethe...");
        EXPECT_EQ(a->ifIndex, 42);
        EXPECT_EQ(a->up, true);
    }
    if (const auto *a = adapterNamed(adapters, "Teredo Tunneling Pseud...")) {
        EXPECT_EQ(a->up, false); // Not Present
        EXPECT_TRUE(a->mac.empty());
    }
    if (const auto *a = adapterNamed(adapters, "Local Area Connection* 9")) {
        EXPECT_EQ(a->up, false);
        EXPECT_EQ(a->ifIndex, 50);
        EXPECT_TRUE(a->mac.empty());
    }
}

TEST(NetAdapters, PowerShell7ColouredTableWithEllipsis)
{
    const auto adapters = ok(parseNetAdapters(fixture("net-adapter-table-pwsh7.txt")), "pwsh7");
    ASSERT_EQ(adapters.size(), 4u);
    EXPECT_EQ(adapters[0].name, "vEthernet (WSL (Hyper-V …");
    EXPECT_TRUE(adapters[0].wsl);
    EXPECT_EQ(adapters[0].description, "Hyper-V Virtual Ethernet Adapter #2");
    EXPECT_EQ(adapters[0].ifIndex, 62);
    EXPECT_EQ(adapters[0].mac, "00:15:5d:0a:fd:5a");
    EXPECT_EQ(adapters[1].name, "vEthernet (Default Switc…");
    EXPECT_EQ(adapters[1].ifIndex, 41);
    EXPECT_EQ(adapters[1].up, false);
}

// Korean adapter names take two console cells per character; a table padded by code points also reads.
TEST(NetAdapters, TableWithKoreanNames)
{
    const std::string text = fixture("net-adapter-table-ko.txt");
    for (const bool codePoints : {false, true}) {
        std::string bytes = text;
        if (codePoints) {
            // Padded by code points: one more space per Hangul syllable ("이더넷" 3, "로컬 영역 연결* 9" 6).
            bytes.replace(bytes.find("이더넷") + std::string("이더넷").size(), 0, 3, ' ');
            bytes.replace(bytes.find("연결* 9") + std::string("연결* 9").size(), 0, 6, ' ');
        }
        const auto adapters = ok(parseNetAdapters(bytes), codePoints ? "code points" : "cells");
        ASSERT_EQ(adapters.size(), 4u);
        EXPECT_EQ(adapters[1].name, "이더넷");
        EXPECT_EQ(adapters[1].description, "Realtek PCIe GbE Family Controller");
        EXPECT_EQ(adapters[1].ifIndex, 12);
        EXPECT_EQ(adapters[1].up, false);
        EXPECT_EQ(adapters[1].mac, "e8:6a:64:97:3e:66");
        EXPECT_EQ(adapters[2].name, "로컬 영역 연결* 9");
        EXPECT_EQ(adapters[2].ifIndex, 50);
        EXPECT_EQ(adapters[3].name, "Wi-Fi");
        EXPECT_EQ(adapters[3].mac, "f8:a2:d6:4b:19:c3");
    }
}

TEST(NetAdapters, ConvertToJson)
{
    const auto adapters = ok(parseNetAdapters(fixture("net-adapter.json")), "json");
    ASSERT_EQ(adapters.size(), 5u);
    const HostAdapter &wsl = adapters[0];
    EXPECT_EQ(wsl.name, "vEthernet (WSL (Hyper-V firewall))");
    EXPECT_TRUE(wsl.wsl);
    EXPECT_EQ(wsl.ifIndex, 62);
    EXPECT_EQ(wsl.up, true);
    EXPECT_EQ(wsl.mac, "00:15:5d:0a:fd:5a");
    EXPECT_EQ(wsl.mtu, 1500);
    EXPECT_EQ(adapters[1].name, "vSwitch (WSL (Hyper-V firewall))");
    EXPECT_FALSE(adapters[1].wsl);
    EXPECT_TRUE(adapters[1].mac.empty());
    EXPECT_EQ(adapters[3].name, "Ethernet");
    EXPECT_EQ(adapters[3].up, false);
    EXPECT_EQ(adapters[4].up, false);

    const auto single = ok(parseNetAdapters(fixture("net-adapter-single.json")), "single object");
    ASSERT_EQ(single.size(), 1u);
    EXPECT_EQ(single[0].name, "vEthernet (WSL (Hyper-V firewall))");
    EXPECT_EQ(single[0].description, "Hyper-V Virtual Ethernet Adapter #2");
}

TEST(NetAdapters, Errors)
{
    EXPECT_NE(failure(parseNetAdapters(fixture("empty.txt")), "empty").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseNetAdapters(fixture("garbage.bin")), "garbage").find("Get-NetAdapter"),
              std::string::npos);
    const std::string json = fixture("net-adapter.json");
    const std::string cut = failure(parseNetAdapters(json.substr(0, json.size() / 2)), "cut JSON");
    EXPECT_NE(cut.find("cut off"), std::string::npos) << cut;
    const std::string other = failure(parseNetAdapters(fixture("bindings-article.txt")), "bindings table");
    EXPECT_NE(other.find("ComponentID"), std::string::npos) << other;
    const std::string table = fixture("net-adapter-table.txt");
    const std::size_t row = table.find("Wi-Fi ");
    const std::string cutRow = failure(parseNetAdapters(table.substr(0, row + 60)), "cut row");
    EXPECT_NE(cutRow.find("Wi-Fi"), std::string::npos) << cutRow;
    const std::string badMac = failure(
        parseNetAdapters(R"({"Name": "Wi-Fi", "ifIndex": 28, "Status": "Up", "MacAddress": "74-97-79-9F"})"),
        "mac");
    EXPECT_NE(badMac.find("74-97-79-9F"), std::string::npos) << badMac;
    // Windows prints ifIndex and MtuSize unsigned: a negative one is refused, not kept (fuzz_net_adapters).
    const std::string negativeIndex =
        failure(parseNetAdapters(R"({"Name": "Wi-Fi", "ifIndex": -2, "Status": "Up"})"), "negative ifIndex");
    EXPECT_NE(negativeIndex.find("ifIndex \"-2\""), std::string::npos) << negativeIndex;
    const std::string negativeMtu =
        failure(parseNetAdapters(R"({"Name": "Wi-Fi", "ifIndex": 2, "Status": "Up", "MtuSize": -1500})"),
                "negative MTU");
    EXPECT_NE(negativeMtu.find("MtuSize \"-1500\""), std::string::npos) << negativeMtu;
    EXPECT_NE(
        failure(parseNetAdapters(R"([{"InterfaceDescription": "x", "ifIndex": 3}])"), "no Name").find("Name"),
        std::string::npos);
}

// ============================================================================ Get-NetIPAddress

TEST(NetIpAddress, ListFormGroupsPerAdapter)
{
    const auto adapters = ok(parseNetIpAddress(fixture("net-ip-list.txt")), "list");
    ASSERT_EQ(adapters.size(), 3u);
    expectArticleAdapter(adapters[0]);
    EXPECT_EQ(adapters[1].name, "Wi-Fi");
    EXPECT_EQ(adapters[1].ifIndex, 28);
    EXPECT_EQ(addresses(adapters[1].ipv4), Strings{"192.168.1.173/24"});
    EXPECT_EQ(adapters[2].name, "Loopback Pseudo-Interface 1");
    EXPECT_EQ(addresses(adapters[2].ipv4), Strings{"127.0.0.1/8"});
}

TEST(NetIpAddress, ConvertToJsonWithNumericAndStringFamilies)
{
    const auto adapters = ok(parseNetIpAddress(fixture("net-ip.json")), "json");
    ASSERT_EQ(adapters.size(), 2u);
    expectArticleAdapter(adapters[0]);
    EXPECT_EQ(adapters[1].name, "Wi-Fi");
    EXPECT_EQ(addresses(adapters[1].ipv6), Strings{"2a02:8071:2180:a00:5d4c:1b2e:3f41:77a9/64"});
    EXPECT_EQ(addresses(adapters[1].ipv4), Strings{"192.168.1.173/24"});

    const auto strings = ok(parseNetIpAddress(fixture("net-ip-strings.json")), "string families");
    ASSERT_EQ(strings.size(), 1u);
    expectArticleAdapter(strings[0]);
}

TEST(NetIpAddress, Errors)
{
    EXPECT_NE(failure(parseNetIpAddress(""), "empty").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseNetIpAddress(fixture("garbage.bin")), "garbage").find("Get-NetIPAddress"),
              std::string::npos);
    const std::string mismatch = failure(
        parseNetIpAddress(
            R"({"IPAddress": "172.19.128.1", "InterfaceIndex": 62, "AddressFamily": 23, "PrefixLength": 20})"),
        "family");
    EXPECT_NE(mismatch.find("does not match"), std::string::npos) << mismatch;
    const std::string prefix = failure(
        parseNetIpAddress(
            R"({"IPAddress": "172.19.128.1", "InterfaceIndex": 62, "AddressFamily": 2, "PrefixLength": 40})"),
        "prefix");
    EXPECT_NE(prefix.find("PrefixLength"), std::string::npos) << prefix;
    const std::string index = failure(
        parseNetIpAddress(
            R"({"IPAddress": "172.19.128.1", "InterfaceIndex": -62, "AddressFamily": 2, "PrefixLength": 20})"),
        "negative index");
    EXPECT_NE(index.find("InterfaceIndex \"-62\""), std::string::npos) << index;
    const std::string list = fixture("net-ip-list.txt");
    const std::string cut =
        failure(parseNetIpAddress(list.substr(0, list.find("AddressFamily     : IPv4"))), "cut");
    EXPECT_NE(cut.find("PrefixLength"), std::string::npos) << cut;
}

// ============================================================================ Get-NetAdapterBinding

void expectArticleBindings(const std::vector<AdapterBinding> &bindings)
{
    ASSERT_EQ(bindings.size(), 3u);
    const std::vector<AdapterBinding> expected = {
        {"vSwitch (WSL (Hyper-V firew...", "vms_vsf", "Hyper-V Virtual Switch Extension Filter", true},
        {"vSwitch (WSL (Hyper-V firew...", "ms_wfplwf_vswitch", "Microsoft Windows Filtering Platform",
         false},
        {"vSwitch (WSL (Hyper-V firew...", "vms_vsp", "Hyper-V Virtual Switch Extension Protocol", true},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(bindings[i].adapter, expected[i].adapter);
        EXPECT_EQ(bindings[i].component, expected[i].component);
        EXPECT_EQ(bindings[i].displayName, expected[i].displayName);
        EXPECT_EQ(bindings[i].enabled, expected[i].enabled) << bindings[i].component;
    }
}

TEST(AdapterBindings, ArticleTableExactly)
{
    expectArticleBindings(ok(parseAdapterBindings(fixture("bindings-article.txt")), "article"));
}

TEST(AdapterBindings, ArticleTableRedirectedAsUtf16)
{
    expectArticleBindings(ok(parseAdapterBindings(fixture("bindings-article-utf16.txt")), "utf16"));
}

TEST(AdapterBindings, ConvertToJson)
{
    const auto bindings = ok(parseAdapterBindings(fixture("bindings.json")), "json");
    ASSERT_EQ(bindings.size(), 4u);
    EXPECT_EQ(bindings[0].adapter, "vSwitch (WSL (Hyper-V firewall))");
    EXPECT_EQ(bindings[0].component, "vms_vsf");
    EXPECT_TRUE(bindings[0].enabled);
    EXPECT_EQ(bindings[1].component, "ms_wfplwf_vswitch");
    EXPECT_FALSE(bindings[1].enabled);
    EXPECT_EQ(bindings[2].component, "ms_ndiscap");
    EXPECT_EQ(bindings[2].displayName, "Microsoft NDIS Capture");
    EXPECT_EQ(bindings[3].component, "vms_vsp");
}

TEST(AdapterBindings, Errors)
{
    EXPECT_NE(failure(parseAdapterBindings(fixture("empty.txt")), "empty").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseAdapterBindings(fixture("garbage.bin")), "garbage").find("Get-NetAdapterBinding"),
              std::string::npos);
    const std::string table = fixture("bindings-article.txt");
    const std::string cut = failure(parseAdapterBindings(table.substr(0, table.rfind("vms_vsp"))),
                                    "row cut before its ComponentID");
    EXPECT_NE(cut.find("cut off"), std::string::npos) << cut;
    std::string maybe = table;
    maybe.replace(maybe.rfind("True"), 4, "Vrai");
    const std::string word = failure(parseAdapterBindings(maybe), "Enabled word");
    EXPECT_NE(word.find("Vrai"), std::string::npos) << word;
    const std::string other = failure(parseAdapterBindings(fixture("vmswitch-table.txt")), "vmswitch table");
    EXPECT_NE(other.find("SwitchType"), std::string::npos) << other;
}

// ============================================================================ Get-VMSwitch

TEST(VmSwitch, Table)
{
    const auto switches = ok(parseVmSwitch(fixture("vmswitch-table.txt")), "table");
    ASSERT_EQ(switches.size(), 4u);
    EXPECT_EQ(switches[0].name, "Default Switch");
    EXPECT_EQ(switches[0].type, "Internal");
    EXPECT_EQ(switches[1].name, "WSL (Hyper-V firewall)");
    EXPECT_EQ(switches[1].type, "Internal");
    EXPECT_EQ(switches[2].name, "External");
    EXPECT_EQ(switches[2].type, "External");
    EXPECT_EQ(switches[3].type, "Private");
    EXPECT_TRUE(switches[0].id.empty());
}

TEST(VmSwitch, ConvertToJsonWithNumericTypes)
{
    const auto switches = ok(parseVmSwitch(fixture("vmswitch.json")), "json");
    ASSERT_EQ(switches.size(), 3u);
    EXPECT_EQ(switches[1].name, "WSL (Hyper-V firewall)");
    EXPECT_EQ(switches[1].id, "790e58b4-7939-4434-9358-89ae7ddbe87e");
    EXPECT_EQ(switches[1].type, "Internal");
    EXPECT_EQ(switches[2].type, "External");
    EXPECT_EQ(switches[0].id, "c08cb7b8-9b3c-408e-8e30-5e16a3aeb444");

    const auto strings =
        ok(parseVmSwitch(
               R"({"Name": "WSL", "Id": "b95d0c5e-57d4-412b-b571-18a81a16e005", "SwitchType": "Internal"})"),
           "string type");
    ASSERT_EQ(strings.size(), 1u);
    EXPECT_EQ(strings[0].type, "Internal");
}

TEST(VmSwitch, ListForm)
{
    const auto switches = ok(parseVmSwitch(fixture("vmswitch-list.txt")), "list");
    ASSERT_EQ(switches.size(), 2u);
    EXPECT_EQ(switches[0].name, "nat");
    EXPECT_EQ(switches[0].id, "39f67a28-b6b5-426a-b542-8af84d09d1c9");
    EXPECT_EQ(switches[0].type, "Internal");
    EXPECT_EQ(switches[1].name, "Default Switch");
}

TEST(VmSwitch, Errors)
{
    EXPECT_NE(failure(parseVmSwitch(""), "empty").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseVmSwitch(fixture("garbage.bin")), "garbage").find("Get-VMSwitch"),
              std::string::npos);
    const std::string seven = failure(parseVmSwitch(R"({"Name": "x", "SwitchType": 7})"), "type 7");
    EXPECT_NE(seven.find("SwitchType"), std::string::npos) << seven;
    const std::string json = fixture("vmswitch.json");
    EXPECT_NE(failure(parseVmSwitch(json.substr(0, json.size() - 8)), "cut").find("cut off"),
              std::string::npos);
}

// ============================================================================ hnsdiag list networks

TEST(Hnsdiag, ArticleBlockExactly)
{
    const auto networks = ok(parseHnsdiagNetworks(fixture("hnsdiag-article.txt")), "article");
    ASSERT_EQ(networks.size(), 1u);
    EXPECT_EQ(networks[0].id, "790E58B4-7939-4434-9358-89AE7DDBE87E");
    EXPECT_EQ(networks[0].name, "WSL (Hyper-V firewall)");
    EXPECT_EQ(networks[0].type, "ICS");
    EXPECT_EQ(networks[0].subnet, "172.19.128.0/20");
    EXPECT_EQ(networks[0].gateway, "172.19.128.1");
}

TEST(Hnsdiag, SeveralNetworks)
{
    const auto networks = ok(parseHnsdiagNetworks(fixture("hnsdiag-networks.txt")), "several");
    ASSERT_EQ(networks.size(), 3u);
    EXPECT_EQ(networks[0].name, "Default Switch");
    EXPECT_EQ(networks[0].subnet, "172.19.48.0/20");
    EXPECT_EQ(networks[0].gateway, "172.19.48.1");
    EXPECT_EQ(networks[1].name, "WSL (Hyper-V firewall)");
    EXPECT_EQ(networks[2].name, "nat");
    EXPECT_EQ(networks[2].type, "NAT");
    EXPECT_EQ(networks[2].subnet, "172.28.64.0/20");
}

TEST(Hnsdiag, DetailedJson)
{
    const auto networks = ok(parseHnsdiagNetworks(fixture("hnsdiag-networks-d.json")), "-d");
    ASSERT_EQ(networks.size(), 2u);
    EXPECT_EQ(networks[0].name, "Default Switch");
    EXPECT_EQ(networks[0].id, "C08CB7B8-9B3C-408E-8E30-5E16A3AEB444");
    EXPECT_EQ(networks[0].subnet, "172.19.48.0/20");
    EXPECT_EQ(networks[1].id, "790E58B4-7939-4434-9358-89AE7DDBE87E");
    EXPECT_EQ(networks[1].name, "WSL (Hyper-V firewall)");
    EXPECT_EQ(networks[1].type, "ICS");
    EXPECT_EQ(networks[1].subnet, "172.19.128.0/20");
    EXPECT_EQ(networks[1].gateway, "172.19.128.1");

    // networking.bat's `hnsdiag list all -df`: the endpoint object is not a network.
    const auto all = ok(parseHnsdiagNetworks(fixture("hnsdiag-all-df.txt")), "all -df");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].name, "WSL");
    EXPECT_EQ(all[0].subnet, "172.30.160.0/20");
    EXPECT_EQ(all[0].gateway, "172.30.160.1");

    const std::string v2Json =
        "{\"ID\": \"790E58B4-7939-4434-9358-89AE7DDBE87E\", \"Name\": \"WSL (Hyper-V "
        "firewall)\", \"Type\": \"ICS\", \"Ipams\": [{\"Type\": \"Static\", \"Subnets\": "
        "[{\"IpAddressPrefix\": \"172.19.128.0/20\", \"Routes\": [{\"NextHop\": "
        "\"172.19.128.1\", \"DestinationPrefix\": \"0.0.0.0/0\"}]}]}]}";
    const auto v2 = ok(parseHnsdiagNetworks(v2Json), "schema v2");
    ASSERT_EQ(v2.size(), 1u);
    EXPECT_EQ(v2[0].subnet, "172.19.128.0/20");
    EXPECT_EQ(v2[0].gateway, "172.19.128.1");
}

TEST(Hnsdiag, Errors)
{
    EXPECT_NE(failure(parseHnsdiagNetworks(fixture("empty.txt")), "empty").find("empty"), std::string::npos);
    EXPECT_NE(failure(parseHnsdiagNetworks(fixture("garbage.bin")), "garbage").find("hnsdiag"),
              std::string::npos);
    const std::string cut =
        failure(parseHnsdiagNetworks("Network : 790E58B4-7939-4434-9358-89AE7DDBE87E\n    Nam"),
                "cut after the GUID");
    EXPECT_NE(cut.find("cut off"), std::string::npos) << cut;
    // Cut right after "Name :": no nameless switch (fuzz_hnsdiag_networks).
    const std::string nameless = failure(
        parseHnsdiagNetworks("Network : 790E58B4-7939-4434-9358-89AE7DDBE87E\n    Name             :\n"),
        "cut after Name :");
    EXPECT_NE(nameless.find("cut off"), std::string::npos) << nameless;
    const std::string namelessJson =
        failure(parseHnsdiagNetworks(
                    R"([{"ID": "790E58B4-7939-4434-9358-89AE7DDBE87E", "Name": "", "Type": "ICS"}])"),
                "empty Name in JSON");
    EXPECT_NE(namelessJson.find("empty \"Name\""), std::string::npos) << namelessJson;
    const std::string guid =
        failure(parseHnsdiagNetworks("Network : 790E58B4-7939\n    Name : WSL\n"), "cut GUID");
    EXPECT_NE(guid.find("GUID"), std::string::npos) << guid;
    const std::string subnet =
        failure(parseHnsdiagNetworks(
                    "Network : 790E58B4-7939-4434-9358-89AE7DDBE87E\n    Name : WSL\n    Subnet Address : "
                    "172.19.128.0/2x\n"),
                "bad subnet");
    EXPECT_NE(subnet.find("172.19.128.0/2x"), std::string::npos) << subnet;
    const std::string json = fixture("hnsdiag-networks-d.json");
    EXPECT_NE(failure(parseHnsdiagNetworks(json.substr(0, json.size() - 20)), "cut JSON").find("cut off"),
              std::string::npos);
    EXPECT_NE(failure(parseHnsdiagNetworks(fixture("net-adapter.json")), "other JSON").find("no HNS network"),
              std::string::npos);
}

// ============================================================================ robustness

TEST(HostCaptures, RandomMutationsNeverCrash)
{
    const std::vector<std::string> names = {"ipconfig-article.txt",
                                            "ipconfig-all-en.txt",
                                            "ipconfig-all-de.txt",
                                            "ipconfig-fr-cp850.txt",
                                            "ipconfig-ja-cp932.txt",
                                            "ipconfig-all-ko-cp949.txt",
                                            "ipconfig-all-zh.txt",
                                            "ipconfig-mirrored.txt",
                                            "net-adapter-table.txt",
                                            "net-adapter-table-ko.txt",
                                            "net-adapter-table-pwsh7.txt",
                                            "net-adapter.json",
                                            "net-ip-list.txt",
                                            "net-ip.json",
                                            "bindings-article.txt",
                                            "bindings-article-utf16.txt",
                                            "vmswitch-table.txt",
                                            "vmswitch-list.txt",
                                            "hnsdiag-article.txt",
                                            "hnsdiag-networks-d.json",
                                            "garbage.bin"};
    const std::vector<std::function<bool(const std::string &)>> parsers = {
        [](const std::string &b) { return parseIpconfig(b).index() <= 1; },
        [](const std::string &b) { return parseNetAdapters(b).index() <= 1; },
        [](const std::string &b) { return parseNetIpAddress(b).index() <= 1; },
        [](const std::string &b) { return parseAdapterBindings(b).index() <= 1; },
        [](const std::string &b) { return parseVmSwitch(b).index() <= 1; },
        [](const std::string &b) { return parseHnsdiagNetworks(b).index() <= 1; },
    };
    const char specials[] = {':', '\n', '\r', '{', '}',  '[',    ']',    '"',    '\\',   '-',    '.',
                             ' ', '(',  ')',  '%', '\0', '\xff', '\xfe', '\xe2', '\x80', '\xa6', '\x1b'};
    std::mt19937 rng(20240616);
    for (const std::string &name : names) {
        const std::string base = fixture(name);
        for (int round = 0; round < 120; ++round) {
            std::string bytes = base;
            const int edits = 1 + static_cast<int>(rng() % 6);
            for (int e = 0; e < edits && !bytes.empty(); ++e) {
                const std::size_t at = rng() % bytes.size();
                switch (rng() % 6) {
                case 0:
                    bytes[at] = static_cast<char>(rng() & 0xFF);
                    break;
                case 1:
                    bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                                 specials[rng() % sizeof specials]);
                    break;
                case 2:
                    bytes.erase(at, 1 + rng() % 40);
                    break;
                case 3:
                    bytes.resize(at);
                    break;
                case 4:
                    bytes.insert(at, bytes.substr(rng() % bytes.size(), 1 + rng() % 60));
                    break;
                default:
                    bytes[at] = specials[rng() % sizeof specials];
                    break;
                }
            }
            for (const auto &parse : parsers)
                ASSERT_TRUE(parse(bytes)) << name << " round " << round;
        }
    }
}

TEST(HostCaptures, ErrorsHaveMessages)
{
    for (const std::string &bytes :
         {std::string(), std::string("\xff\xfe"), std::string(4096, '{'), std::string(4096, '['),
          std::string("Network :\n"), std::string(":\n:\n:"), std::string("----\n----\n"),
          std::string("a\n-\n")}) {
        auto check = [&](const auto &result) {
            if (const auto *error = std::get_if<Error>(&result)) {
                EXPECT_FALSE(error->message.empty());
            }
        };
        check(parseIpconfig(bytes));
        check(parseNetAdapters(bytes));
        check(parseNetIpAddress(bytes));
        check(parseAdapterBindings(bytes));
        check(parseVmSwitch(bytes));
        check(parseHnsdiagNetworks(bytes));
    }
}

// A large paste must not take quadratic time: ~1 MB of ipconfig, of tables, of JSON and of hnsdiag text.
TEST(HostCaptures, LargeInputsAreLinear)
{
    const std::string section = "Ethernet adapter vEthernet (WSL) 7:\r\n\r\n"
                                "   Connection-specific DNS Suffix  . :\r\n"
                                "   Link-local IPv6 Address . . . . . : fe80::4817:b6e:4576:c2c3%62\r\n"
                                "   IPv4 Address. . . . . . . . . . . : 172.19.128.1\r\n"
                                "   Subnet Mask . . . . . . . . . . . : 255.255.240.0\r\n"
                                "   Default Gateway . . . . . . . . . :\r\n\r\n";
    std::string ipconfig = "Windows IP Configuration\r\n\r\n";
    while (ipconfig.size() < 1000000)
        ipconfig += section;
    const std::string bindings = fixture("bindings-article.txt");
    const std::string header = bindings.substr(0, bindings.find("vSwitch (WSL (Hyper-V firew..."));
    const std::string rows = bindings.substr(header.size());
    std::string table = header;
    while (table.size() < 1000000)
        table += rows;
    std::string json = "[";
    const std::string object = "{\"Name\": \"vEthernet (WSL)\", \"ifIndex\": 62, \"Status\": \"Up\", "
                               "\"MacAddress\": \"00-15-5D-0A-FD-5A\"}";
    while (json.size() < 1000000)
        json += object + ",";
    json += object + "]";
    std::string hns;
    const std::string block = fixture("hnsdiag-networks.txt");
    while (hns.size() < 1000000)
        hns += block;

    const auto start = std::chrono::steady_clock::now();
    EXPECT_GT(ok(parseIpconfig(ipconfig), "big ipconfig").size(), 1000u);
    EXPECT_GT(ok(parseAdapterBindings(table), "big table").size(), 1000u);
    EXPECT_GT(ok(parseNetAdapters(json), "big JSON").size(), 1000u);
    EXPECT_GT(ok(parseHnsdiagNetworks(hns), "big hnsdiag").size(), 1000u);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // A pathology guard, not a benchmark: about 2.5 s in a Debug build and 6 s under ASan here, while a
    // parser quadratic in its input would take hours on 4 MB. 150 s is over 20 times the slowest build's.
    EXPECT_LT(seconds, 150.0) << "4 MB took " << seconds << " s";
}

} // namespace
