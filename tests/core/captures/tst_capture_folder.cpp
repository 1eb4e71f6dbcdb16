#include "capture_folder.h"
#include "test_files.h"

#include <gtest/gtest.h>

using namespace wslatlas;

namespace {
std::string seed(const std::string &name)
{
    return test::readFixture("seed003/" + name);
}
} // namespace

TEST(CaptureFolder, NamesMapToVantagesAndKinds)
{
    std::vector<FolderFile> files{
        {"vantage-vm.txt", seed("vm.txt")},
        {"vantage-system-Ubuntu-20.04.txt", seed("system-ubuntu2004.txt")},
        {"vantage-Ubuntu-20.04.txt", seed("ubuntu2004.txt")},
        {"resolv-conf.txt", "nameserver 172.19.128.1\n"},
        {"ip-route.eth0.txt", "default via 172.19.128.1 dev eth0 proto kernel\n"},
        {"notes.md", "# my notes"},
        {"netstat.txt", "whatever"},
        {"vantage-broken.txt", "garbage"},
    };
    std::vector<std::string> ignored;
    const Collection c = collectionFromFolder(files, ignored);
    ASSERT_EQ(c.runs.size(), 4u);
    // Sorted by file name.
    EXPECT_EQ(c.runs[0].spec.name, "Ubuntu-20.04");
    EXPECT_EQ(c.runs[0].spec.role, VantageRole::Distro);
    EXPECT_EQ(c.runs[1].spec.name, "broken");
    EXPECT_FALSE(c.runs[1].observation);
    EXPECT_NE(c.runs[1].error.find("vantage-broken.txt: "), std::string::npos) << c.runs[1].error;
    EXPECT_EQ(c.runs[2].spec.name, "system:Ubuntu-20.04");
    EXPECT_EQ(c.runs[2].spec.role, VantageRole::System);
    EXPECT_EQ(c.runs[2].spec.distro, "Ubuntu-20.04");
    EXPECT_EQ(c.runs[3].spec.role, VantageRole::Vm);
    ASSERT_EQ(c.captures.size(), 2u);
    EXPECT_EQ(c.captures[0].status.kind, "ip-route");
    EXPECT_EQ(c.captures[1].status.kind, "resolv-conf");
    ASSERT_EQ(ignored.size(), 2u);
    EXPECT_NE(ignored[0].find("netstat.txt"), std::string::npos);
    EXPECT_NE(ignored[1].find("notes.md"), std::string::npos);

    const Snapshot s = snapshotFrom(c, "");
    EXPECT_TRUE(s.partial());
    ASSERT_NE(s.findNamespace("pid:[4026532257]"), nullptr);
    EXPECT_EQ(s.findNamespace("pid:[4026532257]")->parent, "pid:[4026532245]");
}
