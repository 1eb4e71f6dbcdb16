#include "address.h"

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
    std::string error;
    EXPECT_EQ(maskToPrefix("255.255.240.0", error), 20);
    EXPECT_EQ(maskToPrefix("255.0.0.0", error), 8);
    EXPECT_EQ(maskToPrefix("0.0.0.0", error), 0);
    EXPECT_EQ(maskToPrefix("255.255.255.255", error), 32);
    EXPECT_FALSE(maskToPrefix("255.0.255.0", error));
    EXPECT_NE(error.find("not contiguous"), std::string::npos) << error;
    EXPECT_FALSE(maskToPrefix("255.255.300.0", error));
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
