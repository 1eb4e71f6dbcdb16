// Article 003 reproduced: its three vantages (plus Ubuntu-18.04), written as collector outputs, parsed
// by the real parser and merged by the real inference, must give exactly the article's tree.
#include "collector_output.h"
#include "gtest_fixtures.h"
#include "infer.h"
#include "snapshot_json.h"
#include "test_files.h"

#include <gtest/gtest.h>

using namespace wslatlas;

namespace {

std::string fixture(const std::string &name)
{
    return test::readFixture("seed003/" + name);
}

VantageRun parsed(const char *file, const char *name, VantageRole role, const char *distro)
{
    VantageRun run;
    run.spec = {name, role, distro, {"sh", "-s"}};
    auto result = parseCollectorOutput(fixture(file));
    if (auto *error = std::get_if<Error>(&result))
        ADD_FAILURE() << file << ": " << error->message;
    else
        run.observation = std::get<VantageObservation>(result);
    return run;
}

std::vector<std::pair<std::string, int>> chainOf(const Snapshot &s, const std::string &cmdline)
{
    std::vector<std::pair<std::string, int>> out;
    for (const Process &p : s.processes)
        if (p.cmdline == cmdline)
            for (const ChainLink &c : p.chain)
                out.emplace_back(c.ns, c.pid);
    return out;
}

using Chain = std::vector<std::pair<std::string, int>>;

} // namespace

TEST(Seed003, TheArticlesTree)
{
    const Snapshot s = inferSnapshot(
        {parsed("vm.txt", "vm", VantageRole::Vm, ""),
         parsed("system-ubuntu2004.txt", "system:Ubuntu-20.04", VantageRole::System, "Ubuntu-20.04"),
         parsed("ubuntu2004.txt", "Ubuntu-20.04", VantageRole::Distro, "Ubuntu-20.04"),
         parsed("ubuntu1804.txt", "Ubuntu-18.04", VantageRole::Distro, "Ubuntu-18.04")},
        "2024-10-17T05:40:00Z");
    std::map<std::string, std::pair<std::string, NamespaceRole>> tree;
    for (const PidNamespace &ns : s.pidNamespaces)
        tree[ns.id] = {ns.parent, ns.role};
    const std::map<std::string, std::pair<std::string, NamespaceRole>> expected{
        {"pid:[4026531836]", {"", NamespaceRole::Vm}},
        {"pid:[4026532245]", {"pid:[4026531836]", NamespaceRole::Wslg}},
        {"pid:[4026532257]", {"pid:[4026532245]", NamespaceRole::Distro}},
        {"pid:[4026532771]", {"pid:[4026531836]", NamespaceRole::Isolation}},
        {"pid:[4026532784]", {"pid:[4026532771]", NamespaceRole::Distro}},
    };
    ASSERT_EQ(tree, expected);
    EXPECT_EQ(s.findNamespace("pid:[4026532245]")->label, "WSLg system (Ubuntu-20.04)");
    EXPECT_EQ(s.findNamespace("pid:[4026532771]")->label, "Isolation (Ubuntu-18.04)");
    EXPECT_EQ(chainOf(s, "sleep 680001"),
              (Chain{{"pid:[4026531836]", 48950}, {"pid:[4026532245]", 4578}, {"pid:[4026532257]", 4419}}));
    EXPECT_EQ(chainOf(s, "sleep 180000"),
              (Chain{{"pid:[4026531836]", 56564}, {"pid:[4026532771]", 87}, {"pid:[4026532784]", 32}}));
    // The article's walk: 226 (/sbin/init of 4026532257) has PPid 221 in 4026532245; 56297 has 56291.
    auto walkedFrom = [&](const char *id, int pid, int ppid) {
        for (const Evidence &e : s.findNamespace(id)->evidence)
            if (e.kind == EvidenceKind::PpidWalk && e.vantage == "vm" && e.pid == pid && e.ppid == ppid)
                return true;
        return false;
    };
    EXPECT_TRUE(walkedFrom("pid:[4026532257]", 226, 221));
    EXPECT_TRUE(walkedFrom("pid:[4026532784]", 56297, 56291));
    // The collector's own shell is not a process of the snapshot.
    for (const Process &p : s.processes)
        EXPECT_NE(p.cmdline, "sh -s") << p.pidNs;
    // All distros share the VM's network namespace (article 000).
    ASSERT_EQ(s.network.namespaces.size(), 1u);
    EXPECT_EQ(s.network.namespaces[0].distros, (std::vector<std::string>{"Ubuntu-20.04", "Ubuntu-18.04"}));
    EXPECT_FALSE(s.partial());
    EXPECT_TRUE(s.findings.empty());

    // And the snapshot survives its own file format.
    Snapshot loaded;
    std::string error;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(snapshotToJson(s)), loaded));
    EXPECT_EQ(loaded.pidNamespaces.size(), 5u);
}

TEST(Seed003, WithoutTheDebugShell)
{
    // No administrator: the VM root is not seen, so the top levels' parents are unknown, not guessed.
    const Snapshot s = inferSnapshot(
        {parsed("system-ubuntu2004.txt", "system:Ubuntu-20.04", VantageRole::System, "Ubuntu-20.04"),
         parsed("ubuntu2004.txt", "Ubuntu-20.04", VantageRole::Distro, "Ubuntu-20.04"),
         parsed("ubuntu1804.txt", "Ubuntu-18.04", VantageRole::Distro, "Ubuntu-18.04")},
        "");
    ASSERT_EQ(s.pidNamespaces.size(), 3u);
    ASSERT_TRUE(s.findNamespace("pid:[4026532257]") && s.findNamespace("pid:[4026532245]") &&
                s.findNamespace("pid:[4026532784]"));
    EXPECT_EQ(s.findNamespace("pid:[4026532257]")->parent, "pid:[4026532245]");
    EXPECT_EQ(s.findNamespace("pid:[4026532245]")->parent, "");
    EXPECT_EQ(s.findNamespace("pid:[4026532784]")->parent, "");
    EXPECT_EQ(s.findNamespace("pid:[4026531836]"), nullptr);
    EXPECT_EQ(chainOf(s, "sleep 680001"), (Chain{{"pid:[4026532245]", 4578}, {"pid:[4026532257]", 4419}}));
    EXPECT_EQ(chainOf(s, "sleep 180000"), (Chain{{"pid:[4026532784]", 32}}));
}
