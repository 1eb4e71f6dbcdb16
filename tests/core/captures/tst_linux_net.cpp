// parseIpAddr, parseIfconfig, parseIpRoute and parseResolvConf on the fixtures of
// tests/fixtures/captures/linux (see its README.md) and on small inline inputs, one rule per test; then
// bounded fuzz loops (every prefix, random byte mutations) that only ask for "a value or an error, no crash".
#include "capture_parsers.h"
#include "gtest_fixtures.h"

#include <gtest/gtest.h>

#include <random>

using namespace wslatlas;

namespace {

std::string readFixture(const std::string &name)
{
    return test::expectFixture("captures/linux/" + name);
}

bool contains(const std::string &haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80             ? 1
                                : (c & 0xE0) == 0xC0 ? 2
                                : (c & 0xF0) == 0xE0 ? 3
                                : (c & 0xF8) == 0xF0 ? 4
                                                     : 0;
        if (len == 0 || i + len > s.size())
            return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += len;
    }
    return true;
}

template <typename T> T ok(const Result<T> &r)
{
    if (auto *e = std::get_if<Error>(&r)) {
        ADD_FAILURE() << "unexpected error: " << e->message;
        return {};
    }
    return std::get<T>(r);
}

// The message of an expected error; it must be one non-empty line of valid UTF-8.
template <typename T> std::string error(const Result<T> &r)
{
    if (std::holds_alternative<T>(r)) {
        ADD_FAILURE() << "expected an error";
        return {};
    }
    const std::string &m = std::get<Error>(r).message;
    EXPECT_FALSE(m.empty());
    EXPECT_FALSE(contains(m, "\n")) << m;
    EXPECT_TRUE(validUtf8(m)) << m;
    return m;
}

const NetInterface *find(const std::vector<NetInterface> &list, std::string_view name)
{
    for (const auto &i : list) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

std::vector<std::string> names(const std::vector<NetInterface> &list)
{
    std::vector<std::string> out;
    for (const auto &i : list)
        out.push_back(i.name);
    return out;
}

// "172.19.132.144/20 fe80::1/64" -> the addresses of one family, for compact expectations.
std::string addresses(const std::vector<Address> &list)
{
    std::string out;
    for (const auto &a : list)
        out += (out.empty() ? "" : " ") + a.address + "/" + std::to_string(a.prefix);
    return out;
}

std::string describe(const std::vector<NetInterface> &list)
{
    std::string out;
    for (const auto &i : list) {
        out += i.name + " mac=" + i.mac + " mtu=" + (i.mtu ? std::to_string(*i.mtu) : "-") +
               " up=" + (i.up ? (*i.up ? "yes" : "no") : "-") + " v4=[" + addresses(i.ipv4) + "] v6=[" +
               addresses(i.ipv6) + "]\n";
    }
    return out;
}

std::string describe(const std::vector<Route> &list)
{
    std::string out;
    for (const auto &r : list)
        out += r.destination + " via=" + r.gateway + " dev=" + r.dev + " src=" + r.source + "\n";
    return out;
}

// ---- ip addr

TEST(IpAddr, NatModeFullForm)
{
    const auto list = ok(parseIpAddr(readFixture("ip-addr-nat.txt")));
    EXPECT_EQ(describe(list), "lo mac= mtu=65536 up=yes v4=[127.0.0.1/8] v6=[::1/128]\n"
                              "eth0 mac=00:15:5d:73:e1:0e mtu=1500 up=yes v4=[172.19.132.144/20] "
                              "v6=[fe80::215:5dff:fe73:e10e/64]\n");
}

TEST(IpAddr, OneLineFormsGiveTheSameAsTheFullForm)
{
    EXPECT_EQ(describe(ok(parseIpAddr(readFixture("ip-o-link-addr-nat.txt")))),
              describe(ok(parseIpAddr(readFixture("ip-addr-nat.txt")))));
}

TEST(IpAddr, BusyboxGivesTheSameAsIproute2)
{
    EXPECT_EQ(describe(ok(parseIpAddr(readFixture("ip-addr-busybox.txt")))),
              describe(ok(parseIpAddr(readFixture("ip-addr-nat.txt")))));
}

TEST(IpAddr, MirroredMode)
{
    const auto list = ok(parseIpAddr(readFixture("ip-addr-mirrored.txt")));
    EXPECT_EQ(names(list), (std::vector<std::string>{"lo", "eth0", "loopback0", "eth1", "eth2", "eth3"}))
        << "the prompt lines around the output are not interfaces";
    EXPECT_EQ(addresses(find(list, "lo")->ipv4), "127.0.0.1/8 10.255.255.254/32");
    EXPECT_EQ(find(list, "eth0")->up, false);
    EXPECT_TRUE(find(list, "eth0")->ipv4.empty());
    EXPECT_EQ(find(list, "loopback0")->mac, "00:15:5d:a4:19:6b");
    const auto *eth1 = find(list, "eth1");
    EXPECT_EQ(addresses(eth1->ipv4), "192.168.1.57/24");
    EXPECT_EQ(addresses(eth1->ipv6), "2a02:8108:1e40:3c00:b1d4:55e2:9f0a:17c3/64 "
                                     "2a02:8108:1e40:3c00:4d2:e1ff:fe03:8a11/64 fd5e:33a0:91c2::1a4/128 "
                                     "fe80::c9e3:4f1d:7a20:5b8e/64");
    EXPECT_EQ(find(list, "eth3")->mtu, 1400);
}

TEST(IpAddr, BrokenDistroWithOnlyLo)
{
    const auto list = ok(parseIpAddr(readFixture("ip-addr-lo-only.txt")));
    EXPECT_EQ(describe(list), "lo mac= mtu=65536 up=no v4=[] v6=[]\n");
}

TEST(IpAddr, OldKernelTunnelsAndBond)
{
    const auto list = ok(parseIpAddr(readFixture("ip-addr-4.19-bond.txt")));
    EXPECT_EQ(names(list), (std::vector<std::string>{"lo", "bond0", "dummy0", "tunl0", "sit0", "eth0"}));
    EXPECT_EQ(find(list, "bond0")->up, false);
    EXPECT_EQ(find(list, "bond0")->mac, "7a:1c:e0:5b:93:d2");
    EXPECT_EQ(find(list, "tunl0")->mac, "") << "link/ipip is not a MAC address";
    EXPECT_EQ(find(list, "sit0")->mtu, 1480);
    EXPECT_EQ(addresses(find(list, "eth0")->ipv4), "172.24.231.18/20");
}

TEST(IpAddr, PeerNamesAndPeerAddresses)
{
    const auto list = ok(parseIpAddr(readFixture("ip-addr-docker-desktop.txt")));
    EXPECT_EQ(names(list), (std::vector<std::string>{"lo", "eth0", "services1"}));
    EXPECT_EQ(addresses(find(list, "eth0")->ipv4), "192.168.65.3/24");
    EXPECT_EQ(addresses(find(list, "services1")->ipv4), "192.168.65.6/32") << "the prefix is the peer's";
}

TEST(IpAddr, BriefForm)
{
    const auto list = ok(parseIpAddr(readFixture("ip-br-addr.txt")));
    EXPECT_EQ(names(list), (std::vector<std::string>{"lo", "bond0", "dummy0", "tunl0", "sit0", "eth0"}));
    EXPECT_EQ(describe({*find(list, "eth0")}),
              "eth0 mac= mtu=- up=yes v4=[172.24.231.18/20] v6=[fe80::215:5dff:fe2e:86f4/64]\n");
    EXPECT_EQ(find(list, "bond0")->up, std::nullopt) << "DOWN does not say whether the link was set up";

    const auto links = ok(parseIpAddr("lo  UNKNOWN  00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP>\n"
                                      "eth0@if7  UP  02:42:c0:a8:41:03 <BROADCAST,MULTICAST,UP,LOWER_UP>\n"));
    EXPECT_EQ(describe(links), "lo mac= mtu=- up=yes v4=[] v6=[]\n"
                               "eth0 mac=02:42:c0:a8:41:03 mtu=- up=yes v4=[] v6=[]\n");
}

TEST(IpAddr, AddressesAreWrittenAsIpWritesThem)
{
    const auto list = ok(parseIpAddr("2: eth0    inet6 FE80:0:0:0:0215:5DFF:FE73:E10E/64 scope link\n"
                                     "3: sit0@NONE: <NOARP> mtu 1480 qdisc noop state DOWN\n"
                                     "    link/sit 0.0.0.0 brd 0.0.0.0\n"
                                     "    inet6 ::10.255.255.254/96 scope host\n"
                                     "    inet6 ::ffff:10.1.2.3/128 scope host\n"
                                     "    inet6 2001:db8:0:0:1:0:0:1/64 scope global\n"
                                     "    inet6 2001:0:0:1::/64 scope global\n"));
    EXPECT_EQ(addresses(find(list, "eth0")->ipv6), "fe80::215:5dff:fe73:e10e/64");
    EXPECT_EQ(addresses(find(list, "sit0")->ipv6),
              "::10.255.255.254/96 ::ffff:10.1.2.3/128 2001:db8::1:0:0:1/64 2001:0:0:1::/64");
}

TEST(IpAddr, AliasLabelsAndAltnamesStayWithTheirInterface)
{
    const auto list = ok(parseIpAddr("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP\n"
                                     "    link/ether 00:15:5d:73:e1:0e brd ff:ff:ff:ff:ff:ff\n"
                                     "    altname enx00155d73e10e\n"
                                     "    inet 172.19.132.144/20 brd 172.19.143.255 scope global eth0\n"
                                     "    inet 172.19.132.145/20 scope global secondary eth0:1\n"));
    EXPECT_EQ(describe(list), "eth0 mac=00:15:5d:73:e1:0e mtu=1500 up=yes "
                              "v4=[172.19.132.144/20 172.19.132.145/20] v6=[]\n");
}

TEST(IpAddr, Errors)
{
    EXPECT_TRUE(contains(error(parseIpAddr("")), "empty"));
    EXPECT_TRUE(contains(error(parseIpAddr(" \n\t\r\n")), "empty"));
    EXPECT_TRUE(contains(error(parseIpAddr("-bash: ip: command not found\n")), "not installed"));
    EXPECT_TRUE(contains(error(parseIpAddr(readFixture("article-ifconfig.txt"))), "kind ifconfig"));
    EXPECT_TRUE(contains(error(parseIpAddr("Device \"eth9\" does not exist.\n")), "Device \\\"eth9\\\""));

    const auto cut = error(parseIpAddr(readFixture("ip-addr-truncated.txt")));
    EXPECT_TRUE(contains(cut, "Line 7")) << cut;
    EXPECT_TRUE(contains(cut, "cut off")) << cut;
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <BROADCAST,MULTIC")), "FLAGS"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0:")), "Line 1"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <UP> mtu 1500\n    inet 256.1.1.1/24\n")), "Line 2"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <UP> mtu 1500\n    inet 10.1.1.1/33\n")), "Line 2"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <UP> mtu 1500\n    inet fe80::1/64\n")), "IPv6"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <UP> mtu 1500\n    inet6 :::1/64\n")), "Line 2"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <UP> mtu 1500\n    link/ether 00:15:5d:73\n")), "MAC"));
    EXPECT_TRUE(contains(error(parseIpAddr("2: eth0: <UP> mtu\n")), "mtu"));
    // A brief-form row whose first word names no interface (":o", "@NONE") is not a brief row: no interface
    // called "" (fuzz_ip_addr).
    EXPECT_TRUE(contains(error(parseIpAddr(":o        DOWN\n"
                                           "eth0             UP             172.24.231.18/20\n")),
                         "No interface line"));
}

// ---- ifconfig

TEST(Ifconfig, TheArticle)
{
    const auto list = ok(parseIfconfig(readFixture("article-ifconfig.txt")));
    EXPECT_EQ(describe(list),
              "eth0 mac= mtu=1500 up=yes v4=[172.19.132.144/20] v6=[fe80::215:5dff:fe73:e10e/64]\n"
              "lo mac= mtu=65536 up=yes v4=[127.0.0.1/8] v6=[]\n");
}

TEST(Ifconfig, Busybox)
{
    const auto list = ok(parseIfconfig(readFixture("ifconfig-busybox.txt")));
    EXPECT_EQ(describe(list), "eth0 mac=00:15:5d:73:e1:0e mtu=1500 up=yes v4=[172.19.132.144/20] "
                              "v6=[fe80::215:5dff:fe73:e10e/64]\n"
                              "lo mac= mtu=65536 up=yes v4=[127.0.0.1/8] v6=[::1/128]\n");
}

TEST(Ifconfig, NetToolsAllInterfacesOnAnOldKernel)
{
    const auto list = ok(parseIfconfig(readFixture("ifconfig-a-nettools-4.19.txt")));
    EXPECT_EQ(names(list), (std::vector<std::string>{"bond0", "dummy0", "eth0", "lo", "sit0", "tunl0"}));
    EXPECT_EQ(describe({*find(list, "eth0")}),
              "eth0 mac=00:15:5d:2e:86:f4 mtu=1500 up=yes v4=[172.24.231.18/20] "
              "v6=[fe80::215:5dff:fe2e:86f4/64]\n");
    EXPECT_EQ(describe({*find(list, "sit0")}), "sit0 mac= mtu=1480 up=no v4=[] v6=[]\n");
    EXPECT_EQ(find(list, "bond0")->mac, "7a:1c:e0:5b:93:d2");
}

TEST(Ifconfig, AgreesWithIpAddr)
{
    // The same machine through both tools (ip addr lists lo first; the addresses are what matters).
    auto fromIfconfig = ok(parseIfconfig(readFixture("ifconfig-busybox.txt")));
    auto fromIp = ok(parseIpAddr(readFixture("ip-addr-nat.txt")));
    ASSERT_EQ(fromIfconfig.size(), 2u);
    std::swap(fromIfconfig[0], fromIfconfig[1]);
    EXPECT_EQ(describe(fromIfconfig), describe(fromIp));
}

TEST(Ifconfig, DownInterfacesInBusybox)
{
    const auto list =
        ok(parseIfconfig("dummy0    Link encap:Ethernet  HWaddr 4E:8F:02:C6:AA:31  \n"
                         "          BROADCAST NOARP  MTU:1500  Metric:1\n"
                         "tunl0     Link encap:UNSPEC  HWaddr 00-00-00-00-00-00-00-00-00-00-00-00-"
                         "00-00-00-00  \n"
                         "          NOARP  MTU:1480  Metric:1\n"));
    EXPECT_EQ(describe(list), "dummy0 mac=4e:8f:02:c6:aa:31 mtu=1500 up=no v4=[] v6=[]\n"
                              "tunl0 mac= mtu=1480 up=no v4=[] v6=[]\n");
}

TEST(Ifconfig, AliasesHexMasksAndZones)
{
    const auto list =
        ok(parseIfconfig("eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                         "        inet 172.19.132.144  netmask 255.255.240.0  broadcast 172.19.143.255\n"
                         "\n"
                         "eth0:1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                         "        inet 10.9.0.1  netmask 255.255.255.0  broadcast 10.9.0.255\n"
                         "\n"
                         "en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500\n"
                         "\tether a4:83:e7:1:2:3\n"
                         "\tinet6 fe80::1c2d:aa7f:1e3:44%en0 prefixlen 64 secured scopeid 0x4\n"
                         "\tinet 192.168.1.20 netmask 0xffffff00 broadcast 192.168.1.255\n"));
    EXPECT_EQ(describe(list), "eth0 mac= mtu=1500 up=yes v4=[172.19.132.144/20 10.9.0.1/24] v6=[]\n"
                              "en0 mac=a4:83:e7:01:02:03 mtu=1500 up=yes v4=[192.168.1.20/24] "
                              "v6=[fe80::1c2d:aa7f:1e3:44/64]\n");
}

TEST(Ifconfig, NonContiguousMaskIsRefused)
{
    const auto m = error(parseIfconfig(readFixture("ifconfig-noncontiguous.txt")));
    EXPECT_TRUE(contains(m, "255.0.255.0")) << m;
    EXPECT_TRUE(contains(m, "not contiguous")) << m;
    EXPECT_TRUE(contains(m, "eth0")) << m;
    EXPECT_TRUE(
        contains(error(parseIfconfig("eth0      Link encap:Ethernet  HWaddr 00:15:5D:73:E1:0E\n"
                                     "          inet addr:10.0.0.2  Bcast:10.0.0.255  Mask:255.255.0.255\n")),
                 "not contiguous"));
}

TEST(Ifconfig, Errors)
{
    EXPECT_TRUE(contains(error(parseIfconfig("")), "ifconfig -a"));
    EXPECT_TRUE(contains(error(parseIfconfig("sh: 1: ifconfig: not found\n")), "not installed"));
    EXPECT_TRUE(contains(error(parseIfconfig("Command 'ifconfig' not found, but can be installed with:\n\n"
                                             "sudo apt install net-tools\n")),
                         "not installed"));
    EXPECT_TRUE(contains(error(parseIfconfig(readFixture("ip-addr-nat.txt"))), "kind ip-addr"));
    EXPECT_TRUE(contains(error(parseIfconfig("hello\nworld\n")), "hello"));
    const auto cut = error(parseIfconfig(readFixture("ifconfig-truncated.txt")));
    EXPECT_TRUE(contains(cut, "Line 3")) << cut;
    EXPECT_TRUE(contains(error(parseIfconfig("eth0: flags=4163<UP,BROAD")), "FLAGS"));
    EXPECT_TRUE(contains(
        error(parseIfconfig("eth0: flags=4163<UP>  mtu 1500\n        inet 172.19.132.144\n")), "netmask"));
    EXPECT_TRUE(contains(
        error(parseIfconfig("eth0      Link encap:Ethernet\n          inet addr:172.19.1\n")), "Line 2"));
    // A classic header whose first word is only an alias (":1") names no interface: refused as the net-tools
    // form is, not read as an interface called "" (fuzz_ifconfig).
    EXPECT_TRUE(
        contains(error(parseIfconfig(":1        Link encap:Ethernet  HWaddr 00:15:5D:73:E1:0E\n"
                                     "          inet addr:10.0.0.2  Bcast:10.0.0.255  Mask:255.255.255.0\n")),
                 "has no interface name"));
}

// ---- ip route

TEST(IpRoute, TheArticle)
{
    EXPECT_EQ(describe(ok(parseIpRoute(readFixture("article-ip-route.txt")))),
              "default via=172.19.128.1 dev=eth0 src=\n"
              "172.19.128.0/20 via= dev=eth0 src=172.19.132.144\n");
}

TEST(IpRoute, NatWithIpv6)
{
    EXPECT_EQ(describe(ok(parseIpRoute(readFixture("ip-route-nat.txt")))),
              "default via=172.19.128.1 dev=eth0 src=\n"
              "172.19.128.0/20 via= dev=eth0 src=172.19.132.144\n"
              "fe80::/64 via= dev=eth0 src=\n");
}

TEST(IpRoute, MirroredHostRoutesAndMetrics)
{
    const auto routes = ok(parseIpRoute(readFixture("ip-route-mirrored.txt")));
    ASSERT_EQ(routes.size(), 12u) << describe(routes);
    EXPECT_EQ(routes[0].gateway, "192.168.1.1");
    EXPECT_EQ(routes[0].dev, "eth1");
    EXPECT_EQ(routes[2].destination, "172.25.64.1/32");
    EXPECT_EQ(routes[8].destination, "fd5e:33a0:91c2::1a4/128");
    EXPECT_EQ(routes[11].destination, "default");
    EXPECT_EQ(routes[11].gateway, "fe80::3a10:d5ff:fe4b:1c70");
}

TEST(IpRoute, TypesMultipathAndOddKeywords)
{
    const auto routes = ok(parseIpRoute(readFixture("ip-route-table-all.txt")));
    EXPECT_EQ(describe(routes), "default via=172.19.128.1 dev=eth0 src=\n"
                                "10.66.0.0/16 via=172.19.128.1 dev=eth0 src=\n"
                                "10.66.0.0/16 via=172.19.128.2 dev=eth0 src=\n"
                                "172.19.128.0/20 via= dev=eth0 src=172.19.132.144\n"
                                "10.99.0.0/16 via= dev= src=\n"
                                "10.98.0.0/16 via= dev= src=\n"
                                "10.97.0.0/16 via= dev= src=\n"
                                "10.96.0.0/16 via= dev= src=\n"
                                "127.0.0.0/8 via= dev=lo src=127.0.0.1\n"
                                "127.0.0.1/32 via= dev=lo src=127.0.0.1\n"
                                "127.255.255.255/32 via= dev=lo src=127.0.0.1\n"
                                "172.19.132.144/32 via= dev=eth0 src=172.19.132.144\n"
                                "172.19.143.255/32 via= dev=eth0 src=172.19.132.144\n"
                                "172.20.0.0/16 via=172.19.128.1 dev=eth0 src=\n"
                                "fe80::/64 via= dev=eth0 src=\n"
                                "2001:db8:dead::/48 via= dev=lo src=\n"
                                "default via=fe80::1 dev=eth0 src=\n"
                                "default via=fe80::2 dev=eth0 src=\n"
                                "::1/128 via= dev=lo src=\n"
                                "fe80::/128 via= dev=eth0 src=\n"
                                "fe80::215:5dff:fe73:e10e/128 via= dev=eth0 src=\n"
                                "ff00::/8 via= dev=eth0 src=\n");
}

TEST(IpRoute, BusyboxAndUtf16)
{
    EXPECT_EQ(describe(ok(parseIpRoute(readFixture("ip-route-busybox.txt")))),
              describe(ok(parseIpRoute(readFixture("ip-route-nat.txt")))));
    EXPECT_EQ(describe(ok(parseIpRoute(readFixture("ip-route-utf16le-crlf.txt")))),
              describe(ok(parseIpRoute(readFixture("ip-route-nat.txt")))));
}

TEST(IpRoute, GatewaysOfOtherFamiliesAndNormalisation)
{
    EXPECT_EQ(describe(ok(parseIpRoute("default via inet6 FE80::1 dev eth0 proto static\n"
                                       "10.0.0.0/8 via 172.19.128.1 dev eth0@if3\n"))),
              "default via=fe80::1 dev=eth0 src=\n10.0.0.0/8 via=172.19.128.1 dev=eth0 src=\n");
}

TEST(IpRoute, Errors)
{
    EXPECT_TRUE(contains(error(parseIpRoute("")), "empty"));
    EXPECT_TRUE(contains(error(parseIpRoute("bash: ip: command not found\n")), "not installed"));
    EXPECT_TRUE(contains(error(parseIpRoute(readFixture("ip-addr-nat.txt"))), "kind ip-addr"));
    EXPECT_TRUE(contains(error(parseIpRoute("RTNETLINK answers: Operation not permitted\n")), "RTNETLINK"));
    const auto cut = error(parseIpRoute(readFixture("ip-route-truncated.txt")));
    EXPECT_TRUE(contains(cut, "Line 2")) << cut;
    EXPECT_TRUE(contains(cut, "source")) << cut;
    EXPECT_TRUE(contains(error(parseIpRoute("default via 172.19.128.1 dev eth0\n172.19.12")), "Line 2"));
    EXPECT_TRUE(contains(error(parseIpRoute("default via 172.19.128.1 dev")), "ends after \"dev\""));
    EXPECT_TRUE(contains(error(parseIpRoute("default via 172.19.128 dev eth0")), "gateway"));
    EXPECT_TRUE(contains(error(parseIpRoute("10.0.0.0/40 dev eth0")), "destination"));
    // "dev @if3" keeps a suffix and no name: no route on an interface called "".
    EXPECT_TRUE(contains(error(parseIpRoute("default via 172.19.128.1 dev @if3\n")), "no interface name"));
}

// ---- resolv.conf

TEST(ResolvConf, Generated)
{
    EXPECT_EQ(ok(parseResolvConf(readFixture("resolv-conf-wsl.txt"))),
              (std::vector<std::string>{"172.19.128.1"}));
    EXPECT_EQ(ok(parseResolvConf(readFixture("resolv-conf-mirrored.txt"))),
              (std::vector<std::string>{"10.255.255.254"}));
}

TEST(ResolvConf, HandWritten)
{
    EXPECT_EQ(ok(parseResolvConf(readFixture("resolv-conf-custom.txt"))),
              (std::vector<std::string>{"1.1.1.1", "2606:4700:4700::1111", "fe80::1%eth0"}));
}

TEST(ResolvConf, OnlyCommentsMeansNoNameserver)
{
    // WSL 1's old generated file before the first write: a valid file with no server.
    EXPECT_TRUE(ok(parseResolvConf("# This file was automatically generated by WSL. To stop automatic "
                                   "generation of this file, remove this line.\n"))
                    .empty());
}

TEST(ResolvConf, Errors)
{
    EXPECT_TRUE(contains(error(parseResolvConf("")), "empty"));
    EXPECT_TRUE(contains(error(parseResolvConf("cat: /etc/resolv.conf: No such file or directory\n")),
                         "does not exist"));
    EXPECT_TRUE(contains(error(parseResolvConf(readFixture("ip-route-nat.txt"))), "No resolv.conf line"));
    EXPECT_TRUE(contains(error(parseResolvConf("nameserver 172.19.12")), "Line 1"));
    EXPECT_TRUE(contains(error(parseResolvConf("# x\nnameserver\n")), "Line 2"));
    EXPECT_TRUE(contains(error(parseResolvConf("nameserver 10.0.0.1%eth0\n")), "Line 1"));
}

// ---- robustness

const char *const kFixtures[] = {
    "article-ifconfig.txt",   "article-ip-route.txt",      "ip-addr-nat.txt",
    "ip-o-link-addr-nat.txt", "ip-addr-mirrored.txt",      "ip-addr-4.19-bond.txt",
    "ip-br-addr.txt",         "ifconfig-busybox.txt",      "ifconfig-a-nettools-4.19.txt",
    "ip-route-table-all.txt", "ip-route-utf16le-crlf.txt", "resolv-conf-custom.txt"};

void runAll(std::string_view input)
{
    // Any outcome is fine; an error must still be a usable message.
    auto check = [](const auto &r) {
        if (auto *e = std::get_if<Error>(&r)) {
            ASSERT_FALSE(e->message.empty());
            ASSERT_TRUE(validUtf8(e->message)) << e->message;
        }
    };
    check(parseIpAddr(input));
    check(parseIfconfig(input));
    check(parseIpRoute(input));
    check(parseResolvConf(input));
}

TEST(LinuxNetFuzz, PrefixesOfEveryFixture)
{
    for (const char *name : kFixtures) {
        const std::string data = readFixture(name);
        const std::size_t stride = 1 + data.size() / 400; // about 400 cuts per file, every byte of small ones
        for (std::size_t n = 0; n <= data.size(); n += stride)
            runAll(std::string_view(data).substr(0, n));
    }
}

TEST(LinuxNetFuzz, RandomMutations)
{
    std::mt19937 rng(20261121);
    const char alphabet[] = "0123456789abcdef:./<>@%\\ \t\n\r\x00\xff\xc3\xa9-#;";
    for (const char *name : kFixtures) {
        const std::string data = readFixture(name);
        for (int round = 0; round < 150; ++round) {
            std::string m = data;
            const int edits = 1 + static_cast<int>(rng() % 8);
            for (int e = 0; e < edits && !m.empty(); ++e) {
                const std::size_t at = rng() % m.size();
                switch (rng() % 3) {
                case 0:
                    m[at] = alphabet[rng() % (sizeof alphabet - 1)];
                    break;
                case 1:
                    m.erase(at, 1 + rng() % 6);
                    break;
                default:
                    m.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]);
                }
            }
            runAll(m);
        }
    }
    std::string binary(4096, '\0');
    for (auto &c : binary)
        c = static_cast<char>(rng());
    runAll(binary);
    EXPECT_TRUE(std::holds_alternative<Error>(parseIpAddr(binary)));
    EXPECT_TRUE(std::holds_alternative<Error>(parseIpRoute(binary)));
}

} // namespace
