#include "address.h"
#include "gtest_fixtures.h"

#include <gtest/gtest.h>

using namespace wslatlas;

TEST(Ipv4, TheArticlesSubnet)
{
    const auto cidr = parseIpv4Cidr("172.19.128.0/20");
    ASSERT_TRUE(cidr);
    const Subnet s = computeSubnet(*cidr);
    EXPECT_EQ(s.cidr, "172.19.128.0/20");
    EXPECT_EQ(s.network, "172.19.128.0");
    EXPECT_EQ(s.broadcast, "172.19.143.255");
    EXPECT_EQ(s.firstHost, "172.19.128.1");
    EXPECT_EQ(s.lastHost, "172.19.143.254");
    EXPECT_EQ(s.addresses, 4096u);
    EXPECT_TRUE(subnetContains(*cidr, *parseIpv4("172.19.132.144")));
    EXPECT_FALSE(subnetContains(*cidr, *parseIpv4("172.19.144.1")));
    // A host address with its prefix names the same subnet.
    EXPECT_EQ(computeSubnet(*parseIpv4Cidr("172.19.132.144/20")).network, "172.19.128.0");
}

TEST(Ipv4, MasksAndPrefixes)
{
    EXPECT_EQ(maskToPrefix("255.255.240.0"), Result<int>(20));
    EXPECT_EQ(maskToPrefix("255.0.0.0"), Result<int>(8));
    EXPECT_EQ(maskToPrefix("0.0.0.0"), Result<int>(0));
    EXPECT_EQ(maskToPrefix("255.255.255.255"), Result<int>(32));
    std::string error;
    EXPECT_TRUE(test::failsWith(maskToPrefix("255.0.255.0"), error));
    EXPECT_NE(error.find("not contiguous"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(maskToPrefix("255.255.300.0"), error));
    EXPECT_NE(error.find("not an IPv4 subnet mask"), std::string::npos) << error;
    EXPECT_EQ(formatIpv4(prefixToMask(20)), "255.255.240.0");
    EXPECT_EQ(prefixToMask(0), 0u);
}

TEST(Ipv4, EdgesAndRefusals)
{
    EXPECT_FALSE(parseIpv4("1.2.3"));
    EXPECT_FALSE(parseIpv4("1.2.3.4.5"));
    EXPECT_FALSE(parseIpv4("1.2.3.4 "));
    EXPECT_FALSE(parseIpv4("01234.1.1.1"));
    EXPECT_FALSE(parseIpv4(""));
    EXPECT_FALSE(parseIpv4Cidr("10.0.0.0/33"));
    EXPECT_FALSE(parseIpv4Cidr("10.0.0.0/"));
    EXPECT_FALSE(parseIpv4Cidr("10.0.0.0"));
    const Subnet p2p = computeSubnet(*parseIpv4Cidr("10.0.0.0/31"));
    EXPECT_EQ(p2p.firstHost, "10.0.0.0");
    EXPECT_EQ(p2p.lastHost, "10.0.0.1");
    EXPECT_EQ(computeSubnet(*parseIpv4Cidr("0.0.0.0/0")).addresses, 4294967296ull);
}

// Leading zeros: refused. inet_aton reads "010" as octal 8, inet_pton refuses it; no tool we read prints
// it. (The old core/ipv4.cpp accepted it, linux_net.cpp refused it.)
TEST(Ipv4, LeadingZerosAreRefused)
{
    EXPECT_FALSE(parseIpv4("010.1.1.1"));
    EXPECT_FALSE(parseIpv4("10.01.1.1"));
    EXPECT_FALSE(parseIpv4("10.1.1.00"));
    EXPECT_FALSE(parseIpv4Cidr("010.0.0.0/8"));
    EXPECT_EQ(parseIpv4("10.0.0.0"), 0x0A000000u); // a lone 0 is a part, not a leading zero
    EXPECT_EQ(parseIpv4("0.0.0.0"), 0u);
    EXPECT_EQ(parseIpv4("255.255.255.255"), 0xFFFFFFFFu);
    EXPECT_FALSE(parseIpv4("256.1.1.1"));
    EXPECT_FALSE(parseIpv4("+1.2.3.4"));
    EXPECT_FALSE(parseIpv4("-1.2.3.4"));
    EXPECT_FALSE(parseIpv4(" 1.2.3.4"));
    EXPECT_FALSE(parseIpv4("1..3.4"));
    EXPECT_EQ(formatIpv4(0xAC138001u), "172.19.128.1");
}

TEST(Ipv4, PrefixLengths)
{
    EXPECT_EQ(parsePrefixLength("0", 32), 0);
    EXPECT_EQ(parsePrefixLength("32", 32), 32);
    EXPECT_EQ(parsePrefixLength("128", 128), 128);
    EXPECT_FALSE(parsePrefixLength("33", 32));
    EXPECT_FALSE(parsePrefixLength("020", 32));
    EXPECT_FALSE(parsePrefixLength("-0", 32));
    EXPECT_FALSE(parsePrefixLength("+8", 32));
    EXPECT_FALSE(parsePrefixLength("", 32));
    EXPECT_FALSE(parseIpv4Cidr("10.0.0.0/-0"));
    EXPECT_FALSE(parseIpv4Cidr("10.0.0.0/08"));
    EXPECT_EQ(prefixOfMask(0xFFFFF000u), 20);
    EXPECT_FALSE(prefixOfMask(0xFF00FF00u));
}

TEST(Ipv6, ParseAndFormat)
{
    for (const char *ok : {"::", "::1", "fe80::215:5dff:fe73:e10e", "1:2:3:4:5:6:7:8", "::ffff:10.0.0.1",
                           "1:2:3:4:5:6:7::", "FE80::1", "1::2:3"})
        EXPECT_TRUE(isIpv6Literal(ok)) << ok;
    for (const char *bad :
         {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "1:2:3:4:5:6:7", ":1::", "1::2:", "12345::1",
          "fe80::1%eth0", "fe80::/64", "::ffff:010.0.0.1", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "g::1"})
        EXPECT_FALSE(isIpv6Literal(bad)) << bad;
    // As inet_ntop prints them: lower case, the first longest zero run as "::", IPv4 tails dotted.
    EXPECT_EQ(formatIpv6(*parseIpv6("FE80:0:0:0:0215:5DFF:FE73:E10E")), "fe80::215:5dff:fe73:e10e");
    EXPECT_EQ(formatIpv6(*parseIpv6("1:0:0:2:0:0:0:3")), "1:0:0:2::3");
    EXPECT_EQ(formatIpv6(*parseIpv6("1:0:0:2:0:0:3:4")), "1::2:0:0:3:4");
    EXPECT_EQ(formatIpv6(*parseIpv6("1:0:2:3:4:5:6:7")), "1:0:2:3:4:5:6:7"); // one zero group stays
    EXPECT_EQ(formatIpv6(*parseIpv6("0:0:0:0:0:0:0:0")), "::");
    EXPECT_EQ(formatIpv6(*parseIpv6("::ffff:a00:1")), "::ffff:10.0.0.1");
    EXPECT_EQ(formatIpv6(*parseIpv6("::10.255.255.254")), "::10.255.255.254");
    EXPECT_EQ(formatIpv6(*parseIpv6("1::")), "1::");
}

// MAC forms: Linux's colons and Windows' dashes, either case, one-digit groups as macOS prints them;
// nothing else. (The two old copies both accepted mixed separators; only linux_net.cpp took one digit.)
TEST(Mac, AcceptedForms)
{
    EXPECT_EQ(normalizeMac("00:15:5d:73:e1:0e"), "00:15:5d:73:e1:0e");
    EXPECT_EQ(normalizeMac("00:15:5D:73:E1:0E"), "00:15:5d:73:e1:0e");
    EXPECT_EQ(normalizeMac("00-15-5D-73-E1-0E"), "00:15:5d:73:e1:0e");
    EXPECT_EQ(normalizeMac("aa-bb-cc-dd-ee-ff"), "aa:bb:cc:dd:ee:ff");
    EXPECT_EQ(normalizeMac("a4:83:e7:1:2:3"), "a4:83:e7:01:02:03");
    for (const char *bad :
         {"00:15:5d-73:e1:0e", "000:15:5d:73:e1:e", "00:15::73:e1:0e", "00155D73E10E", "0015.5d73.e10e",
          "00:15:5d:73:e1", "00:15:5d:73:e1:0e:ff", "00-00-00-00-00-00-00-E0", "00:15:5d:73:e1:0g",
          " 00:15:5d:73:e1:0e", "00:15:5d:73:e1:0e ", ""})
        EXPECT_FALSE(normalizeMac(bad)) << bad;
}
