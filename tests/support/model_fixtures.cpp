#include "model_fixtures.h"

#include "capture_folder.h"
#include "collect.h"
#include "test_files.h"

#include <algorithm>
#include <filesystem>

namespace wslatlas::test {

Snapshot importFixtureFolder(const std::string &relative, const std::string &takenAt)
{
    std::vector<std::filesystem::path> paths;
    for (const auto &entry : std::filesystem::directory_iterator(fixturesDir() / relative))
        if (entry.is_regular_file())
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<FolderFile> files;
    for (const auto &path : paths)
        files.push_back({path.filename().string(), readFile(path)});
    std::vector<std::string> ignored;
    return snapshotFrom(collectionFromFolder(files, ignored), takenAt);
}

std::shared_ptr<const Snapshot> seedSnapshot()
{
    return std::make_shared<const Snapshot>(importFixtureFolder("captures/import-article"));
}

std::shared_ptr<const Snapshot> syntheticSnapshot(int processes)
{
    auto s = std::make_shared<Snapshot>();
    std::uint64_t nextInode = 4026532000;
    std::vector<std::vector<std::size_t>> paths; // visible ancestors of each namespace, itself last
    auto add = [&](std::ptrdiff_t parent, NamespaceRole role, const std::string &label, int depth,
                   bool placeholder = false) {
        PidNamespace ns;
        if (placeholder) {
            ns.id = "pid:[?1]";
        } else {
            ns.inode = parent < 0 && depth == 0 ? kInitialPidNsInode : nextInode++;
            ns.id = pidNsId(*ns.inode);
        }
        ns.parent = parent < 0 ? "" : s->pidNamespaces[static_cast<std::size_t>(parent)].id;
        ns.role = role;
        ns.label = label;
        ns.depth = depth;
        std::vector<std::size_t> path =
            parent < 0 ? std::vector<std::size_t>{} : paths[static_cast<std::size_t>(parent)];
        if (!placeholder)
            path.push_back(s->pidNamespaces.size());
        paths.push_back(std::move(path));
        s->pidNamespaces.push_back(std::move(ns));
        return static_cast<std::ptrdiff_t>(s->pidNamespaces.size() - 1);
    };

    const std::ptrdiff_t root = add(-1, NamespaceRole::Vm, "Mariner VM", 0);
    for (int g = 0; g < 65; ++g) {
        const std::string distro = "distro-" + std::to_string(g);
        const bool wslg = g % 2 == 0;
        const std::ptrdiff_t first = add(root, wslg ? NamespaceRole::Wslg : NamespaceRole::Isolation,
                                         (wslg ? "WSLg system (" : "Isolation (") + distro + ")", 1);
        const std::ptrdiff_t own = add(first, NamespaceRole::Distro, distro, 2);
        s->pidNamespaces.back().distros = {distro};
        add(own, NamespaceRole::Unknown, "Nested in " + distro, 3);
    }
    // Nobody saw above "orphan": a placeholder root, depths unknown.
    const std::ptrdiff_t unseen = add(-1, NamespaceRole::Unknown, "Unseen level", -1, true);
    const std::ptrdiff_t orphan = add(unseen, NamespaceRole::Distro, "orphan", -1);
    add(orphan, NamespaceRole::Unknown, "Nested in orphan", -1);

    std::vector<std::size_t> homes; // namespaces that hold processes: all but the placeholder
    for (std::size_t i = 0; i < s->pidNamespaces.size(); ++i)
        if (s->pidNamespaces[i].inode)
            homes.push_back(i);
    std::vector<int> nextPid(s->pidNamespaces.size(), 1);
    s->processes.reserve(static_cast<std::size_t>(processes));
    for (int i = 0; i < processes; ++i) {
        const std::size_t home = homes[static_cast<std::size_t>(i) % homes.size()];
        Process p;
        p.name = "worker" + std::to_string(i);
        p.cmdline = "/usr/bin/worker --job " + std::to_string(i) + " --queue synthetic";
        p.pidNs = s->pidNamespaces[home].id;
        for (std::size_t ns : paths[home]) {
            p.chain.push_back({s->pidNamespaces[ns].id, nextPid[ns]++});
            if (s->pidNamespaces[ns].role == NamespaceRole::Distro)
                p.distro = s->pidNamespaces[ns].label;
        }
        ++s->pidNamespaces[home].processCount;
        s->processes.push_back(std::move(p));
    }
    return s;
}

} // namespace wslatlas::test
