// Inference across vantages, on observations built by hand from article 003's facts and on shapes
// WSL does not make. The parser is tested elsewhere; here the input is exact.
#include "infer.h"

#include <gtest/gtest.h>

#include <initializer_list>

using namespace wslatlas;

namespace {

constexpr std::uint64_t kVm = 4026531836, kWslg = 4026532245, kUbuntu = 4026532257;
constexpr std::uint64_t kIso1804 = 4026532771, kUbuntu1804 = 4026532784;

ProcessObservation proc(int pid, int ppid, std::initializer_list<int> nspid, const char *name,
                        std::optional<std::uint64_t> pidNs, std::string cmdline = {})
{
    ProcessObservation p;
    p.pid = pid;
    p.ppid = ppid;
    p.nspid = nspid;
    p.name = name;
    p.cmdline = cmdline.empty() ? name : cmdline;
    if (pidNs)
        p.ns["pid"] = *pidNs;
    p.ns["net"] = 4026531840;
    return p;
}

VantageRun vantage(const char *name, VantageRole role, const char *distro, std::uint64_t selfPidNs,
                   std::initializer_list<int> selfNspid, std::vector<ProcessObservation> procs)
{
    VantageRun run;
    run.spec = {name, role, distro, {"sh", "-s"}};
    VantageObservation obs;
    obs.selfNspid = selfNspid;
    obs.selfNs["pid"] = selfPidNs;
    obs.selfNs["net"] = 4026531840;
    obs.processes = std::move(procs);
    run.observation = std::move(obs);
    return run;
}

// The article's debug-shell view: the Mariner VM root.
VantageRun vmVantage()
{
    return vantage("vm", VantageRole::Vm, "", kVm, {1},
                   {
                       proc(1, 0, {1}, "init", kVm),
                       proc(200, 1, {200}, "init", kVm),
                       proc(221, 200, {221, 1}, "init", kWslg),
                       proc(226, 221, {226, 2, 1}, "init", kUbuntu, "/sbin/init"),
                       proc(227, 226, {227, 3, 2}, "init", kUbuntu, "/init"),
                       proc(939, 227, {939, 20, 19}, "login", kUbuntu, "/bin/login -f"),
                       proc(1132, 939, {1132, 21, 20}, "bash", kUbuntu, "-bash"),
                       proc(48950, 1132, {48950, 4578, 4419}, "sleep", kUbuntu, "sleep 680001"),
                       proc(56291, 200, {56291, 1}, "init", kIso1804),
                       proc(56297, 56291, {56297, 2, 1}, "init", kUbuntu1804, "/init"),
                       proc(56336, 56297, {56336, 60, 15}, "bash", kUbuntu1804, "-bash"),
                       proc(56564, 56336, {56564, 87, 32}, "sleep", kUbuntu1804, "sleep 180000"),
                   });
}

VantageRun systemVantage()
{
    return vantage("system:Ubuntu-20.04", VantageRole::System, "Ubuntu-20.04", kWslg, {1},
                   {
                       proc(1, 0, {1}, "init", kWslg),
                       proc(2, 1, {2, 1}, "init", kUbuntu, "/sbin/init"),
                       proc(3, 2, {3, 2}, "init", kUbuntu, "/init"),
                       proc(20, 3, {20, 19}, "login", kUbuntu, "/bin/login -f"),
                       proc(21, 20, {21, 20}, "bash", kUbuntu, "-bash"),
                       proc(4578, 21, {4578, 4419}, "sleep", kUbuntu, "sleep 680001"),
                   });
}

VantageRun ubuntuVantage()
{
    return vantage("Ubuntu-20.04", VantageRole::Distro, "Ubuntu-20.04", kUbuntu, {1},
                   {
                       proc(1, 0, {1}, "init", kUbuntu, "/sbin/init"),
                       proc(2, 1, {2}, "init", kUbuntu, "/init"),
                       proc(19, 2, {19}, "login", kUbuntu, "/bin/login -f"),
                       proc(20, 19, {20}, "bash", kUbuntu, "-bash"),
                       proc(4419, 20, {4419}, "sleep", kUbuntu, "sleep 680001"),
                   });
}

VantageRun ubuntu1804Vantage()
{
    return vantage("Ubuntu-18.04", VantageRole::Distro, "Ubuntu-18.04", kUbuntu1804, {1},
                   {
                       proc(1, 0, {1}, "init", kUbuntu1804, "/init"),
                       proc(15, 1, {15}, "bash", kUbuntu1804, "-bash"),
                       proc(32, 15, {32}, "sleep", kUbuntu1804, "sleep 180000"),
                   });
}

const Process *findProcess(const Snapshot &s, const std::string &cmdline)
{
    for (const Process &p : s.processes)
        if (p.cmdline == cmdline)
            return &p;
    return nullptr;
}

std::vector<std::pair<std::string, int>> chainOf(const Process &p)
{
    std::vector<std::pair<std::string, int>> out;
    for (const ChainLink &c : p.chain)
        out.emplace_back(c.ns, c.pid);
    return out;
}

using Chain = std::vector<std::pair<std::string, int>>;

} // namespace

TEST(Infer, SeedTreeFromThreeVantages)
{
    const Snapshot s = inferSnapshot({vmVantage(), systemVantage(), ubuntuVantage(), ubuntu1804Vantage()},
                                     "2026-11-21T05:00:00Z");
    ASSERT_EQ(s.pidNamespaces.size(), 5u);
    const PidNamespace *vm = s.findNamespace(pidNsId(kVm));
    const PidNamespace *wslg = s.findNamespace(pidNsId(kWslg));
    const PidNamespace *ubuntu = s.findNamespace(pidNsId(kUbuntu));
    const PidNamespace *iso = s.findNamespace(pidNsId(kIso1804));
    const PidNamespace *u1804 = s.findNamespace(pidNsId(kUbuntu1804));
    ASSERT_TRUE(vm && wslg && ubuntu && iso && u1804);

    EXPECT_EQ(vm->parent, "");
    EXPECT_EQ(wslg->parent, pidNsId(kVm));
    EXPECT_EQ(ubuntu->parent, pidNsId(kWslg));
    EXPECT_EQ(iso->parent, pidNsId(kVm));
    EXPECT_EQ(u1804->parent, pidNsId(kIso1804));

    EXPECT_EQ(vm->role, NamespaceRole::Vm);
    EXPECT_EQ(vm->label, "Mariner VM");
    EXPECT_EQ(wslg->role, NamespaceRole::Wslg);
    EXPECT_EQ(wslg->label, "WSLg system (Ubuntu-20.04)");
    EXPECT_EQ(ubuntu->role, NamespaceRole::Distro);
    EXPECT_EQ(ubuntu->distros, std::vector<std::string>{"Ubuntu-20.04"});
    EXPECT_EQ(iso->role, NamespaceRole::Isolation);
    EXPECT_EQ(iso->label, "Isolation (Ubuntu-18.04)");
    EXPECT_EQ(u1804->role, NamespaceRole::Distro);
    // The facts the labels are written from, for views in other languages.
    EXPECT_EQ(vm->name, (NamespaceName{NameKind::MarinerVm, "", {}, ""}));
    EXPECT_EQ(wslg->name, (NamespaceName{NameKind::WslgSystem, "Ubuntu-20.04", {}, ""}));
    EXPECT_EQ(iso->name, (NamespaceName{NameKind::Isolation, "", {"Ubuntu-18.04"}, ""}));
    EXPECT_EQ(u1804->name, (NamespaceName{NameKind::Distro, "Ubuntu-18.04", {}, ""}));

    EXPECT_EQ(vm->depth, 0);
    EXPECT_EQ(wslg->depth, 1);
    EXPECT_EQ(ubuntu->depth, 2);
    // Parents come before children.
    EXPECT_EQ(s.pidNamespaces.front().id, pidNsId(kVm));

    const Process *sleep = findProcess(s, "sleep 680001");
    ASSERT_NE(sleep, nullptr);
    EXPECT_EQ(chainOf(*sleep),
              (Chain{{pidNsId(kVm), 48950}, {pidNsId(kWslg), 4578}, {pidNsId(kUbuntu), 4419}}));
    EXPECT_EQ(sleep->distro, "Ubuntu-20.04");
    EXPECT_EQ(sleep->seenBy.size(), 3u);
    EXPECT_EQ(sleep->ppid, 1132);
    const Process *sleep1804 = findProcess(s, "sleep 180000");
    ASSERT_NE(sleep1804, nullptr);
    EXPECT_EQ(chainOf(*sleep1804),
              (Chain{{pidNsId(kVm), 56564}, {pidNsId(kIso1804), 87}, {pidNsId(kUbuntu1804), 32}}));

    // One record per process whatever the number of vantages that saw it.
    int sleeps = 0;
    for (const Process &p : s.processes)
        sleeps += p.name == "sleep";
    EXPECT_EQ(sleeps, 2);
    EXPECT_EQ(ubuntu->processCount, 5); // 226, 227, 939, 1132 and the sleep, each once

    // The evidence names the ppid walk of the article: 226's parent 221 is in 4026532245.
    bool walked = false;
    for (const Evidence &e : ubuntu->evidence)
        walked |= e.kind == EvidenceKind::PpidWalk && e.vantage == "vm" && e.pid == 226 && e.ppid == 221;
    EXPECT_TRUE(walked);
    EXPECT_FALSE(s.partial());
    EXPECT_TRUE(s.findings.empty());
}

TEST(Infer, WithoutTheVmVantageTopsHaveNoParent)
{
    const Snapshot s = inferSnapshot({systemVantage(), ubuntuVantage(), ubuntu1804Vantage()}, "");
    const PidNamespace *wslg = s.findNamespace(pidNsId(kWslg));
    const PidNamespace *ubuntu = s.findNamespace(pidNsId(kUbuntu));
    const PidNamespace *u1804 = s.findNamespace(pidNsId(kUbuntu1804));
    ASSERT_TRUE(wslg && ubuntu && u1804);
    EXPECT_EQ(ubuntu->parent, pidNsId(kWslg)); // the WSLg subtree stays intact
    EXPECT_EQ(wslg->parent, "");               // never guessed
    EXPECT_EQ(u1804->parent, "");
    EXPECT_EQ(s.findNamespace(pidNsId(kVm)), nullptr);
    EXPECT_EQ(s.findNamespace(pidNsId(kIso1804)), nullptr);
    EXPECT_EQ(wslg->depth, -1);
    ASSERT_FALSE(wslg->evidence.empty());
    EXPECT_EQ(wslg->evidence.front().kind, EvidenceKind::NoVantageAbove);
    const Process *sleep = findProcess(s, "sleep 680001");
    ASSERT_NE(sleep, nullptr);
    EXPECT_EQ(chainOf(*sleep), (Chain{{pidNsId(kWslg), 4578}, {pidNsId(kUbuntu), 4419}}));
}

TEST(Infer, OnlyTheVmVantageStillFindsEveryLevel)
{
    const Snapshot s = inferSnapshot({vmVantage()}, "");
    const PidNamespace *wslg = s.findNamespace(pidNsId(kWslg));
    ASSERT_NE(wslg, nullptr);
    // No vantage landed below the VM: every level is found, but what each is stays unknown (calling
    // it WSLg needs the system vantage; a distro, the distro vantage).
    EXPECT_EQ(wslg->role, NamespaceRole::Unknown);
    EXPECT_EQ(wslg->label, "Not visited (init: init)");
    EXPECT_EQ(wslg->name, (NamespaceName{NameKind::NotVisited, "", {}, "init"}));
    EXPECT_EQ(s.findNamespace(pidNsId(kUbuntu))->parent, pidNsId(kWslg));
    EXPECT_EQ(s.findNamespace(pidNsId(kUbuntu))->role, NamespaceRole::Unknown);
    EXPECT_TRUE(s.findNamespace(pidNsId(kWslg))->inode.has_value());
    // With the Ubuntu vantage added, the level above it becomes an isolation.
    const Snapshot more = inferSnapshot({vmVantage(), ubuntuVantage()}, "");
    EXPECT_EQ(more.findNamespace(pidNsId(kWslg))->role, NamespaceRole::Isolation);
    EXPECT_EQ(more.findNamespace(pidNsId(kWslg))->label, "Isolation (Ubuntu-20.04)");
    EXPECT_EQ(more.findNamespace(pidNsId(kIso1804))->role, NamespaceRole::Unknown);
}

TEST(Infer, UnseenLevelBecomesAPlaceholderUntilAVantageFillsIt)
{
    // The article's first diagram: from the VM the sleep shows three NSpid levels, but the middle
    // namespace's processes cannot be read (their links are unreadable and init's parent is gone).
    VantageRun vm = vantage("vm", VantageRole::Vm, "", kVm, {1},
                            {
                                proc(1, 0, {1}, "init", kVm),
                                proc(48950, 0, {48950, 4578, 4419}, "sleep", kUbuntu, "sleep 680001"),
                            });
    Snapshot s = inferSnapshot({vm, ubuntuVantage()}, "");
    const PidNamespace *ubuntu = s.findNamespace(pidNsId(kUbuntu));
    ASSERT_NE(ubuntu, nullptr);
    ASSERT_EQ(ubuntu->parent.rfind("pid:[?", 0), 0u) << ubuntu->parent;
    const PidNamespace *placeholder = s.findNamespace(ubuntu->parent);
    ASSERT_NE(placeholder, nullptr);
    EXPECT_EQ(placeholder->role, NamespaceRole::Unknown);
    EXPECT_FALSE(placeholder->inode.has_value());
    EXPECT_EQ(placeholder->parent, pidNsId(kVm));
    const Process *sleep = findProcess(s, "sleep 680001");
    ASSERT_NE(sleep, nullptr);
    EXPECT_EQ(chainOf(*sleep),
              (Chain{{pidNsId(kVm), 48950}, {ubuntu->parent, 4578}, {pidNsId(kUbuntu), 4419}}));

    // The system vantage lands in the middle level: the placeholder is filled.
    s = inferSnapshot({vm, systemVantage(), ubuntuVantage()}, "");
    EXPECT_EQ(s.findNamespace(pidNsId(kUbuntu))->parent, pidNsId(kWslg));
    EXPECT_EQ(s.findNamespace(pidNsId(kWslg))->parent, pidNsId(kVm));
    for (const PidNamespace &ns : s.pidNamespaces)
        EXPECT_TRUE(ns.inode.has_value()) << ns.id;
    EXPECT_EQ(s.findNamespace(pidNsId(kWslg))->role, NamespaceRole::Wslg);
}

TEST(Infer, UnreadableLinksArePlacedBySameLevelParent)
{
    VantageRun vm = vmVantage();
    // A non-root reader cannot read other users' links: 227 and 939 lose theirs.
    for (ProcessObservation &p : vm.observation->processes)
        if (p.pid == 227 || p.pid == 939)
            p.ns.erase("pid");
    // And one process whose parent is invisible: nothing can place it.
    vm.observation->processes.push_back(proc(70000, 69999, {70000, 5, 4}, "orphan", std::nullopt));
    const Snapshot s = inferSnapshot({vm}, "");
    const Process *login = findProcess(s, "/bin/login -f");
    ASSERT_NE(login, nullptr);
    EXPECT_EQ(login->pidNs, pidNsId(kUbuntu));
    EXPECT_EQ(findProcess(s, "orphan"), nullptr);
    ASSERT_EQ(s.vantages.size(), 1u);
    bool warned = false;
    for (const std::string &w : s.vantages[0].warnings)
        warned |= w.find("1 processes could not be placed") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(Infer, ShapesWslDoesNotMake)
{
    // Two distros under one first level, and a chain four levels deep; vantages only at the top
    // and the bottom: the middle levels are isolations found by the ppid walk.
    constexpr std::uint64_t r = 4026533000, a = 4026533001, b = 4026533002, c = 4026533003, d = 4026533004,
                            x = 4026533005;
    VantageRun top = vantage("root", VantageRole::Vm, "", r, {1},
                             {
                                 proc(1, 0, {1}, "init", r),
                                 proc(10, 1, {10, 1}, "a-init", a),
                                 proc(11, 10, {11, 2, 1}, "b-init", b),
                                 proc(12, 11, {12, 3, 2, 1}, "c-init", c),
                                 proc(13, 12, {13, 4, 3, 2, 1}, "d-init", d),
                                 proc(14, 10, {14, 5, 1}, "x-init", x),
                             });
    constexpr std::uint64_t container = 4026533006;
    VantageRun deep = vantage("deep", VantageRole::Distro, "Deep", d, {1},
                              {proc(1, 0, {1}, "d-init", d), proc(2, 1, {2, 1}, "containerd", container)});
    VantageRun sibling =
        vantage("sib", VantageRole::Distro, "Sibling", x, {1}, {proc(1, 0, {1}, "x-init", x)});
    const Snapshot s = inferSnapshot({top, deep, sibling}, "");
    EXPECT_EQ(s.findNamespace(pidNsId(a))->parent, pidNsId(r));
    EXPECT_EQ(s.findNamespace(pidNsId(b))->parent, pidNsId(a));
    EXPECT_EQ(s.findNamespace(pidNsId(c))->parent, pidNsId(b));
    EXPECT_EQ(s.findNamespace(pidNsId(d))->parent, pidNsId(c));
    EXPECT_EQ(s.findNamespace(pidNsId(x))->parent, pidNsId(a));
    EXPECT_EQ(s.findNamespace(pidNsId(a))->label, "Isolation (Deep, Sibling)");
    EXPECT_EQ(s.findNamespace(pidNsId(d))->role, NamespaceRole::Distro);
    // A container inside a distro: found, named by its init, role unknown.
    EXPECT_EQ(s.findNamespace(pidNsId(container))->parent, pidNsId(d));
    EXPECT_EQ(s.findNamespace(pidNsId(container))->role, NamespaceRole::Unknown);
    EXPECT_EQ(s.findNamespace(pidNsId(container))->label, "Nested in Deep (init: containerd)");
    EXPECT_EQ(s.findNamespace(pidNsId(container))->name,
              (NamespaceName{NameKind::NestedIn, "Deep", {}, "containerd"}));
    // The root here is not the kernel's initial namespace: its parent and depth stay unknown.
    EXPECT_EQ(s.findNamespace(pidNsId(r))->parent, "");
    EXPECT_EQ(s.findNamespace(pidNsId(d))->depth, -1);
}

TEST(Infer, ProcsMountedByAnOuterNamespace)
{
    // nsenter -p without -m: the shell sits one level below the /proc it reads.
    constexpr std::uint64_t outer = kVm, inner = 4026533100;
    VantageRun v = vantage("inner", VantageRole::Distro, "Inner", inner, {40, 1},
                           {
                               proc(1, 0, {1}, "init", outer),
                               proc(30, 1, {30}, "unshare", outer),
                               proc(31, 30, {31, 1}, "sleep", inner, "sleep 5"),
                           });
    const Snapshot s = inferSnapshot({v}, "");
    EXPECT_EQ(s.findNamespace(pidNsId(inner))->parent, pidNsId(outer));
    EXPECT_EQ(s.findNamespace(pidNsId(inner))->role, NamespaceRole::Distro);
    EXPECT_EQ(s.findNamespace(pidNsId(outer))->depth, 0);
    EXPECT_EQ(s.findNamespace(pidNsId(outer))->role, NamespaceRole::Vm); // a WSL-shaped plan
}

TEST(Infer, FailedVantagesAreReportedAndTheRestKept)
{
    VantageRun failed;
    failed.spec = {"broken", VantageRole::Vm, "", {"/nonexistent"}};
    failed.error = "could not be started";
    const Snapshot s = inferSnapshot({failed, ubuntuVantage()}, "");
    ASSERT_EQ(s.vantages.size(), 2u);
    EXPECT_FALSE(s.vantages[0].ok);
    EXPECT_EQ(s.vantages[0].error, "could not be started");
    EXPECT_TRUE(s.vantages[1].ok);
    EXPECT_TRUE(s.partial());
    EXPECT_EQ(s.pidNamespaces.size(), 1u);
    EXPECT_EQ(s.processes.size(), 5u);
}

TEST(Infer, ContradictingVantagesAreReportedNotMerged)
{
    // Two vantages disagree (an inode reused between their reads): keep one, say so.
    VantageRun one = vantage(
        "one", VantageRole::Vm, "", kVm, {1},
        {proc(1, 0, {1}, "init", kVm), proc(5, 1, {5, 1}, "i", kWslg), proc(6, 5, {6, 2, 1}, "d", kUbuntu)});
    VantageRun two = vantage("two", VantageRole::Host, "", kIso1804, {1},
                             {proc(1, 0, {1}, "init", kIso1804), proc(6, 1, {6, 1}, "d", kUbuntu)});
    const Snapshot s = inferSnapshot({one, two}, "");
    EXPECT_EQ(s.findNamespace(pidNsId(kUbuntu))->parent, pidNsId(kWslg));
    ASSERT_FALSE(s.findings.empty());
    EXPECT_NE(s.findings.front().text.find("disagree"), std::string::npos);
}

TEST(Infer, NetworkNamespacesGroupDistros)
{
    VantageRun a = ubuntuVantage();
    VantageRun b = ubuntu1804Vantage();
    VantageRun docker = vantage("docker-desktop", VantageRole::Distro, "docker-desktop", 4026533200, {1},
                                {proc(1, 0, {1}, "init", 4026533200)});
    docker.observation->selfNs["net"] = 4026533300;
    a.observation->interfaces.push_back(
        {"eth0", "00:15:5d:73:e1:0e", 1500, true, {{"172.19.132.144", 20}}, {}});
    a.observation->routes.push_back({"default", "172.19.128.1", "eth0", ""});
    const Snapshot s = inferSnapshot({a, b, docker}, "");
    ASSERT_EQ(s.network.namespaces.size(), 2u);
    EXPECT_EQ(s.network.namespaces[0].distros, (std::vector<std::string>{"Ubuntu-20.04", "Ubuntu-18.04"}));
    EXPECT_EQ(s.network.namespaces[0].interfaces.at(0).ipv4.at(0).address, "172.19.132.144");
    EXPECT_EQ(s.network.namespaces[1].distros, std::vector<std::string>{"docker-desktop"});
    EXPECT_EQ(s.network.namespaces[1].id, "net:[4026533300]");
}

// Issue 13: a namespace nobody landed in whose processes all run in one container is that container, named
// by engine and short id; the stat line's ticks and pages become seconds and bytes in the vantage's units.
TEST(Infer, ContainersAndResourceUse)
{
    constexpr std::uint64_t kNested = 4026532900;
    const ContainerRef web{ContainerEngine::Docker, std::string(64, 'a')};
    std::vector<ProcessObservation> procs = {
        proc(1, 0, {1}, "init", kUbuntu, "/sbin/init"),
        proc(50, 1, {50, 1}, "nginx", kNested, "nginx: master"),
        proc(51, 50, {51, 2}, "nginx", kNested, "nginx: worker"),
    };
    for (ProcessObservation &p : procs) {
        p.rssPages = 256;
        p.utimeTicks = 150;
        p.stimeTicks = 50;
    }
    procs[1].container = web;
    procs[2].container = web;
    VantageRun run = vantage("Ubuntu-20.04", VantageRole::Distro, "Ubuntu-20.04", kUbuntu, {1}, procs);
    run.observation->pageSize = 4096;
    run.observation->clockTicksPerSecond = 100;
    run.observation->memory = MemoryInfo{8u << 30, 1u << 30, 5u << 30, 3u << 30, 0, 0};
    const Snapshot s = inferSnapshot({run}, "2026-12-03T00:00:00Z");
    EXPECT_EQ(s.vantages.at(0).memory, run.observation->memory); // the vantage reports its meminfo

    const PidNamespace *nested = nullptr;
    for (const PidNamespace &ns : s.pidNamespaces)
        if (ns.inode == kNested)
            nested = &ns;
    ASSERT_NE(nested, nullptr);
    EXPECT_EQ(nested->role, NamespaceRole::Container);
    EXPECT_EQ(nested->name.container, web);
    EXPECT_EQ(nested->name.subject, "Ubuntu-20.04"); // still known to be nested in the distro
    EXPECT_EQ(nested->label, "Docker container aaaaaaaaaaaa (init: nginx)");

    const Process *worker = findProcess(s, "nginx: worker");
    ASSERT_NE(worker, nullptr);
    EXPECT_EQ(worker->rssBytes, std::optional<std::uint64_t>(256 * 4096));
    EXPECT_EQ(worker->cpuSeconds, std::optional<double>(2.0));
    EXPECT_EQ(worker->container, web);

    // One process outside the container (docker exec from elsewhere would not do this; a mixed namespace
    // is not a container), or no units: no role, and no guessed bytes or seconds.
    procs[2].container.reset();
    VantageRun mixed = vantage("Ubuntu-20.04", VantageRole::Distro, "Ubuntu-20.04", kUbuntu, {1}, procs);
    const Snapshot m = inferSnapshot({mixed}, "2026-12-03T00:00:00Z");
    for (const PidNamespace &ns : m.pidNamespaces)
        EXPECT_NE(ns.role, NamespaceRole::Container) << ns.id;
    const Process *unitless = findProcess(m, "nginx: worker");
    ASSERT_NE(unitless, nullptr);
    EXPECT_FALSE(unitless->rssBytes);
    EXPECT_FALSE(unitless->cpuSeconds);
}
