// The synthetic world the benchmarks run on must be what the parser and the inference accept: every output
// parses, each vantage keeps exactly the processes it should see, and the merged snapshot has the whole tree
// (all namespaces under the initial one, no placeholders, every process once with its full chain).
#include "collector_output.h"
#include "infer.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <variant>

using namespace wslatlas;

namespace {

bench::SyntheticOptions smallOptions()
{
    bench::SyntheticOptions options;
    options.processes = 2000;
    options.namespaces = 200;
    options.seed = 7;
    return options;
}

TEST(Synthetic, IsDeterministic)
{
    const auto a = bench::generateSynthetic(smallOptions());
    const auto b = bench::generateSynthetic(smallOptions());
    ASSERT_EQ(a.vantages.size(), 4u);
    for (std::size_t i = 0; i < a.vantages.size(); ++i)
        EXPECT_EQ(a.vantages[i].output, b.vantages[i].output) << a.vantages[i].spec.name;
}

TEST(Synthetic, ParsesAndInfersToTheWholeTree)
{
    const auto options = smallOptions();
    const auto world = bench::generateSynthetic(options);
    ASSERT_EQ(world.vantages.size(), 4u);
    EXPECT_GE(world.maxDepth, 3);
    std::vector<VantageRun> runs;
    for (const bench::SyntheticVantage &v : world.vantages) {
        auto result = parseCollectorOutput(v.output);
        const auto *error = std::get_if<Error>(&result);
        ASSERT_EQ(error, nullptr) << v.spec.name << ": " << error->message;
        auto &obs = std::get<VantageObservation>(result);
        EXPECT_EQ(static_cast<int>(obs.processes.size()), v.visibleProcesses) << v.spec.name;
        EXPECT_EQ(obs.selfNs.at("pid"), v.pidNsInode) << v.spec.name;
        EXPECT_EQ(obs.selfNspid.size(), 1u) << v.spec.name << ": the vantage's /proc is its own namespace's";
        EXPECT_TRUE(obs.warnings.empty()) << v.spec.name << ": " << obs.warnings.front();
        for (const ProcessObservation &p : obs.processes)
            ASSERT_EQ(p.ns.count("pid"), 1u) << v.spec.name << " pid " << p.pid;
        VantageRun run;
        run.spec = v.spec;
        run.observation = std::move(obs);
        runs.push_back(std::move(run));
    }
    EXPECT_EQ(world.vantages[0].visibleProcesses, options.processes);
    for (std::size_t i = 1; i < world.vantages.size(); ++i) {
        EXPECT_LT(world.vantages[i].visibleProcesses, options.processes);
        EXPECT_GT(world.vantages[i].visibleProcesses, 0);
    }

    const Snapshot snapshot = inferSnapshot(runs, "2026-11-21T05:00:00Z");
    ASSERT_EQ(static_cast<int>(snapshot.pidNamespaces.size()), options.namespaces);
    EXPECT_EQ(static_cast<int>(snapshot.processes.size()), options.processes);
    EXPECT_TRUE(snapshot.findings.empty()) << snapshot.findings.front().text;
    int roots = 0;
    std::map<std::string, int> depth;
    for (const PidNamespace &ns : snapshot.pidNamespaces) {
        EXPECT_TRUE(ns.inode.has_value()) << ns.id << " is a placeholder";
        EXPECT_GE(ns.depth, 0) << ns.id;
        depth[ns.id] = ns.depth;
        if (ns.parent.empty()) {
            ++roots;
            EXPECT_EQ(ns.id, "pid:[4026531836]");
            EXPECT_EQ(ns.role, NamespaceRole::Vm);
        }
    }
    EXPECT_EQ(roots, 1);
    EXPECT_EQ(snapshot.findNamespace(pidNsId(world.vantages[1].pidNsInode))->role, NamespaceRole::Wslg);
    EXPECT_EQ(snapshot.findNamespace(pidNsId(world.vantages[2].pidNsInode))->role, NamespaceRole::Distro);
    EXPECT_EQ(snapshot.findNamespace(pidNsId(world.vantages[3].pidNsInode))->role, NamespaceRole::Distro);

    std::set<std::pair<std::string, int>> identities;
    for (const Process &p : snapshot.processes) {
        ASSERT_FALSE(p.chain.empty());
        EXPECT_EQ(p.chain.front().ns, "pid:[4026531836]") << p.name;
        EXPECT_EQ(static_cast<int>(p.chain.size()), depth.at(p.pidNs) + 1) << p.name;
        EXPECT_TRUE(identities.insert({p.pidNs, p.chain.back().pid}).second) << "twice: " << p.pidNs;
    }
}

} // namespace
