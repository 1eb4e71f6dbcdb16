// The snapshot analysis every view reads: the forest (cycles and unknown parents broken), levels, counts
// counted from the processes (never the file's process_count), and items found by their keys.
#include "analysis.h"

#include <gtest/gtest.h>

using namespace wslatlas;

namespace {

PidNamespace ns(const std::string &id, const std::string &parent, int depth = -1, int storedCount = 0)
{
    PidNamespace n;
    n.id = id;
    n.parent = parent;
    n.depth = depth;
    n.processCount = storedCount;
    return n;
}

Process process(const std::string &name, const std::vector<ChainLink> &chain, const std::string &distro = {})
{
    Process p;
    p.name = name;
    p.chain = chain;
    p.pidNs = chain.empty() ? std::string() : chain.back().ns;
    p.distro = distro;
    return p;
}

// vm ─ wslg ─ ubuntu, vm ─ alpine; a nested namespace below ubuntu at depth 3.
std::shared_ptr<const Snapshot> tree()
{
    auto s = std::make_shared<Snapshot>();
    s->pidNamespaces = {ns("pid:[1]", "", 0, 50), ns("pid:[2]", "pid:[1]", 1), ns("pid:[3]", "pid:[2]", 2),
                        ns("pid:[4]", "pid:[1]", 1), ns("pid:[5]", "pid:[3]")};
    s->pidNamespaces[2].distros = {"Ubuntu"};
    s->processes = {process("init", {{"pid:[1]", 1}}),
                    process("sleep", {{"pid:[1]", 40}, {"pid:[2]", 7}, {"pid:[3]", 3}}),
                    process("bash", {{"pid:[1]", 41}, {"pid:[2]", 8}, {"pid:[3]", 4}}),
                    process("ash", {{"pid:[1]", 50}, {"pid:[4]", 1}}, "Alpine"),
                    process("inner", {{"pid:[1]", 60}, {"pid:[2]", 9}, {"pid:[3]", 5}, {"pid:[5]", 1}}),
                    process("ghost", {{"pid:[1]", 70}, {"pid:[9]", 1}})};
    return s;
}

} // namespace

TEST(Analysis, CountsComeFromTheProcessesNotTheStoredCount)
{
    const SnapshotAnalysis a(tree());
    EXPECT_EQ(a.ownProcesses(0), 1); // the file says 50
    EXPECT_EQ(a.subtreeProcesses(0), 5);
    EXPECT_EQ(a.ownProcesses(2), 2);
    EXPECT_EQ(a.subtreeProcesses(2), 3);
    EXPECT_EQ(a.subtreeProcesses(1), 3);
    EXPECT_EQ(a.descendants(0), 4);
    EXPECT_EQ(a.descendants(2), 1);
    EXPECT_EQ(a.unplacedProcesses(), std::vector<int>{5}); // ghost's pid:[9] is not listed
    EXPECT_EQ(a.namespaceOf(5), -1);
    EXPECT_EQ(a.processesOf(2), (std::vector<int>{1, 2}));
}

TEST(Analysis, ForestAndLevels)
{
    const SnapshotAnalysis a(tree());
    EXPECT_EQ(a.roots(), std::vector<int>{0});
    EXPECT_EQ(a.children(0), (std::vector<int>{1, 3}));
    EXPECT_EQ(a.topDown(), (std::vector<int>{0, 1, 3, 2, 4}));
    EXPECT_EQ(a.level(4), 3); // no depth in the file: one below its parent
    EXPECT_EQ(a.pathTo(4), (std::vector<int>{0, 1, 2, 4}));
    const auto links = a.resolve(a.snapshot().processes[5]);
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[1].ns, -1);
    EXPECT_EQ(links[1].level, 1); // unlisted: one below the previous link
}

TEST(Analysis, ACycleAndAnUnknownParentStillGiveAForest)
{
    auto s = std::make_shared<Snapshot>();
    s->pidNamespaces = {ns("pid:[1]", "pid:[2]"), ns("pid:[2]", "pid:[1]"), ns("pid:[3]", "pid:[77]"),
                        ns("pid:[4]", "pid:[4]", 40)}; // its own parent, and a depth past the kernel's 32
    s->processes = {process("a", {{"pid:[1]", 1}}), process("b", {{"pid:[2]", 1}})};
    const SnapshotAnalysis a(s);
    ASSERT_EQ(a.topDown().size(), 4u); // every namespace exactly once
    int roots = 0;
    for (int n = 0; n < a.namespaceCount(); ++n)
        roots += a.parent(n) < 0;
    EXPECT_EQ(roots, 3);
    EXPECT_EQ(a.parent(3), -1);
    EXPECT_EQ(a.level(3), 0);
    EXPECT_EQ(a.subtreeProcesses(a.roots().front()) + a.subtreeProcesses(2) + a.subtreeProcesses(3), 2);
}

TEST(Analysis, ItemsByKeyRoundTrip)
{
    const SnapshotAnalysis a(tree());
    EXPECT_EQ(a.find("pid:[3]"), ItemId::ns(2));
    EXPECT_EQ(a.find("proc:pid:[3]:4"), ItemId::process(2));
    EXPECT_EQ(a.key(ItemId::process(2)), "proc:pid:[3]:4");
    EXPECT_EQ(a.key(ItemId::ns(4)), "pid:[5]");
    for (const char *unknown : {"pid:[8]", "proc:pid:[3]:99", "proc:", "", "proc:pid:[3]:x"})
        EXPECT_FALSE(a.find(unknown).valid()) << unknown;
    EXPECT_EQ(a.key(ItemId{}), "");
    EXPECT_EQ(a.key(ItemId::process(99)), "");
}

TEST(Analysis, ProcessesPerDistro)
{
    const SnapshotAnalysis a(tree());
    // ash names its distro; sleep and bash count for the one their namespace is listed for.
    EXPECT_EQ(a.processesPerDistro(), (std::map<std::string, int>{{"Alpine", 1}, {"Ubuntu", 2}}));
}

TEST(Analysis, RepeatedIdsKeepTheFirst)
{
    auto s = std::make_shared<Snapshot>();
    s->pidNamespaces = {ns("pid:[1]", ""), ns("pid:[1]", "")};
    s->processes = {process("x", {{"pid:[1]", 5}}), process("y", {{"pid:[1]", 5}})};
    const SnapshotAnalysis a(s);
    EXPECT_EQ(a.find("pid:[1]"), ItemId::ns(0));
    EXPECT_EQ(a.find("proc:pid:[1]:5"), ItemId::process(0));
    EXPECT_EQ(a.ownProcesses(0), 2);
    EXPECT_EQ(a.ownProcesses(1), 0);
}

TEST(Analysis, NothingLoaded)
{
    EXPECT_EQ(analyze(nullptr), nullptr);
    const SnapshotAnalysis empty(std::make_shared<const Snapshot>());
    EXPECT_EQ(empty.namespaceCount(), 0);
    EXPECT_TRUE(empty.roots().empty());
    EXPECT_FALSE(empty.find("pid:[1]").valid());
}

TEST(Analysis, UsageAddsUpOwnAndSubtree)
{
    auto s = std::make_shared<Snapshot>(*tree());
    const std::uint64_t mib = 1 << 20;
    for (std::size_t j = 0; j < s->processes.size(); ++j) {
        s->processes[j].rssBytes = (j + 1) * mib; // init 1, sleep 2, bash 3, ash 4, inner 5, ghost 6
        s->processes[j].cpuSeconds = 0.5 * static_cast<double>(j + 1);
    }
    s->processes[3].rssBytes.reset(); // ash did not report: not counted, not zero
    s->vantages.resize(2);
    s->vantages[1].memory = MemoryInfo{100 * mib, 10 * mib, 60 * mib, 30 * mib, 0, 0};
    const SnapshotAnalysis a(s);
    EXPECT_EQ(a.ownUsage(2).rssBytes, 5 * mib); // sleep + bash
    EXPECT_EQ(a.ownUsage(2).measured, 2);
    EXPECT_EQ(a.subtreeUsage(2).rssBytes, 10 * mib); // and inner below
    EXPECT_DOUBLE_EQ(a.subtreeUsage(2).cpuSeconds, 5.0);
    EXPECT_EQ(a.subtreeUsage(0).rssBytes, 11 * mib); // the unplaced ghost is in no namespace
    EXPECT_EQ(a.subtreeUsage(3).measured, 0);
    ASSERT_TRUE(a.memory());
    EXPECT_EQ(a.memory()->totalBytes, 100 * mib); // the first vantage that read it
    EXPECT_FALSE(SnapshotAnalysis(tree()).memory());
}

TEST(Analysis, AContainersShimIsTheProcessOutsideThatNamesItsId)
{
    auto s = std::make_shared<Snapshot>(*tree());
    const std::string id(64, 'c');
    s->pidNamespaces[4].name = {
        NameKind::Container, "Ubuntu", {}, "nginx", ContainerRef{ContainerEngine::Docker, id}};
    s->processes[4].cmdline = "nginx -g daemon off; # shim " + id; // inside: not its shim
    s->processes[2].cmdline =
        "/usr/bin/containerd-shim-runc-v2 -namespace moby -id " + id + " -address /run/x";
    const SnapshotAnalysis a(s);
    EXPECT_EQ(a.containerShim(4), 2);
    EXPECT_EQ(a.containerShim(2), -1); // not a container
}
