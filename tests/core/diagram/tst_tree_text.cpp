#include "model_fixtures.h"
#include "snapshot_json.h"
#include "tree_text.h"

#include <gtest/gtest.h>

using namespace wslatlas;

namespace {

// The article's tree, as a snapshot would hold it.
Snapshot seedSnapshot()
{
    Snapshot s;
    auto ns = [](std::string id, std::string parent, NamespaceRole role, std::string label, int count) {
        PidNamespace n;
        n.id = std::move(id);
        n.parent = std::move(parent);
        n.role = role;
        n.label = std::move(label);
        n.processCount = count;
        return n;
    };
    s.pidNamespaces = {
        ns("pid:[4026531836]", "", NamespaceRole::Vm, "Mariner VM", 1),
        ns("pid:[4026532245]", "pid:[4026531836]", NamespaceRole::Wslg, "WSLg system (Ubuntu-20.04)", 0),
        ns("pid:[4026532257]", "pid:[4026532245]", NamespaceRole::Distro, "Ubuntu-20.04", 1),
        ns("pid:[4026532771]", "pid:[4026531836]", NamespaceRole::Isolation, "Isolation (Ubuntu-18.04)", 0)};
    s.pidNamespaces[0].inode = kInitialPidNsInode;
    Process init;
    init.name = "init";
    init.pidNs = "pid:[4026531836]";
    init.chain = {{"pid:[4026531836]", 1}};
    Process sleep;
    sleep.name = "sleep";
    sleep.cmdline = "sleep 680001";
    sleep.pidNs = "pid:[4026532257]";
    sleep.chain = {{"pid:[4026531836]", 48950}, {"pid:[4026532245]", 4578}, {"pid:[4026532257]", 4419}};
    s.processes = {init, sleep};
    VantageReport vm;
    vm.name = "vm";
    vm.role = VantageRole::Vm;
    vm.ok = true;
    VantageReport kali;
    kali.name = kali.distro = "kali";
    kali.role = VantageRole::Distro;
    kali.error = "did not finish within 30 s";
    s.vantages = {vm, kali};
    return s;
}

} // namespace

TEST(TreeText, DrawsTheSeedShape)
{
    const std::string text = renderPidTree(test::analysisOf(seedSnapshot()));
    const std::string expected = "pid:[4026531836]  Mariner VM  (vm, 1 process)\n"
                                 "|  1       [init]\n"
                                 "|- pid:[4026532245]  WSLg system (Ubuntu-20.04)  (wslg, 0 processes)\n"
                                 "|  `- pid:[4026532257]  Ubuntu-20.04  (distro, 1 process)\n"
                                 "|        4419    sleep 680001   NSpid 48950 4578 4419\n"
                                 "`- pid:[4026532771]  Isolation (Ubuntu-18.04)  (isolation, 0 processes)\n"
                                 "vantage kali failed: did not finish within 30 s\n";
    EXPECT_EQ(text, expected);
}

TEST(TreeText, OptionsHideOrLimitProcesses)
{
    TreeTextOptions hide;
    hide.processes = false;
    EXPECT_EQ(renderPidTree(test::analysisOf(seedSnapshot()), hide).find("sleep"), std::string::npos);
    Snapshot s = seedSnapshot();
    for (int i = 0; i < 5; ++i) {
        Process p;
        p.name = "worker";
        p.pidNs = "pid:[4026531836]";
        p.chain = {{"pid:[4026531836]", 100 + i}};
        s.processes.push_back(p);
    }
    TreeTextOptions limit;
    limit.maxProcesses = 2;
    EXPECT_NE(renderPidTree(test::analysisOf(s), limit).find("... 4 more"), std::string::npos);
}

TEST(TreeText, UnknownParentIsSaid)
{
    Snapshot s = seedSnapshot();
    s.pidNamespaces.erase(s.pidNamespaces.begin());
    s.pidNamespaces[0].parent.clear();
    s.pidNamespaces.pop_back();
    const std::string text = renderPidTree(test::analysisOf(s));
    EXPECT_NE(text.find("(parent unknown: no vantage saw above pid:[4026532245])"), std::string::npos)
        << text;
}

TEST(TreeText, UsageOnRequest)
{
    Snapshot s = seedSnapshot();
    s.processes.at(0).rssBytes = 3 * 1024 * 1024;
    s.processes.at(1).rssBytes = 300 * 1024 * 1024;
    const std::string plain = renderPidTree(test::analysisOf(s));
    EXPECT_EQ(plain.find("RSS"), std::string::npos); // only when asked
    TreeTextOptions usage;
    usage.usage = true;
    const std::string text = renderPidTree(test::analysisOf(s), usage);
    EXPECT_NE(text.find("(vm, 1 process, RSS 3.0 MiB own, 303.0 MiB subtree)"), std::string::npos) << text;
    EXPECT_NE(text.find("sleep 680001   RSS 300.0 MiB   NSpid"), std::string::npos) << text;
    // A namespace with nothing measured below it says nothing rather than "0 B".
    EXPECT_NE(text.find("(isolation, 0 processes)\n"), std::string::npos) << text;
}
