#include "infer.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace wslatlas {

namespace {

// "ancestor of child at `distance` levels up is `ancestor`", as one vantage saw it.
struct Fact
{
    std::string child;
    int distance = 0;
    std::string ancestor;
    Evidence evidence;
};

// One vantage's processes placed in namespaces, with levels relative to its /proc's top namespace.
struct VantageView
{
    const VantageRun *run = nullptr;
    const VantageObservation *obs = nullptr;
    std::string top;                                         // key of the level-0 namespace
    std::string self;                                        // key of the shell's own namespace
    std::unordered_map<int, std::size_t> byPid;              // /proc pid -> index
    std::vector<std::string> nsOf;                           // per process: namespace key, "" if unplaceable
    std::map<std::string, int> levelOf;                      // namespace key -> level below top
    std::map<std::string, std::vector<std::size_t>> members; // namespace key -> process indices
    std::vector<std::string> warnings;
};

class Inference
{
public:
    explicit Inference(const std::vector<VantageRun> &runs) : m_runs(runs) {}
    Snapshot run(std::string takenAt);

private:
    std::string newPlaceholder(Evidence why);
    void buildView(VantageView &view);
    void resolveNamespaces(VantageView &view);
    void collectFacts(const VantageView &view);
    void resolveParents();
    bool isAncestorOrSelf(const std::string &candidate, const std::string &ns) const;
    void assignRoles();
    void orderNamespaces(Snapshot &snapshot);
    void mergeProcesses(Snapshot &snapshot);
    void buildNetwork(Snapshot &snapshot);

    const std::vector<VantageRun> &m_runs;
    std::vector<VantageView> m_views;
    std::vector<Fact> m_facts;
    std::map<std::string, PidNamespace> m_ns; // every namespace key seen, with what we know of it
    std::map<std::string, std::string> m_parent;
    std::map<std::string, std::vector<Evidence>> m_parentEvidence;
    std::map<std::string, std::uint64_t> m_placeholderOrder;
    std::map<std::string, std::string> m_initName; // namespace key -> name of its pid 1
    std::vector<std::string> m_conflicts;
    int m_placeholders = 0;
};

std::string describeProcess(const ProcessObservation &p)
{
    return std::to_string(p.pid) + " (" + p.name + ")";
}

std::string Inference::newPlaceholder(Evidence why)
{
    const std::string id = "pid:[?" + std::to_string(++m_placeholders) + "]";
    PidNamespace ns;
    ns.id = id;
    ns.role = NamespaceRole::Unknown;
    ns.label = "Unseen level";
    ns.evidence.push_back(std::move(why));
    m_ns.emplace(id, std::move(ns));
    m_placeholderOrder[id] = static_cast<std::uint64_t>(m_placeholders);
    return id;
}

void Inference::buildView(VantageView &view)
{
    const VantageObservation &obs = *view.obs;
    view.nsOf.assign(obs.processes.size(), {});
    for (std::size_t i = 0; i < obs.processes.size(); ++i)
        view.byPid.emplace(obs.processes[i].pid, i);

    // The top is the namespace that mounted this /proc: the shell's own when it sits at level 0,
    // otherwise that of any level-0 process whose link was readable.
    if (auto it = obs.selfNs.find("pid"); it != obs.selfNs.end()) {
        view.self = pidNsId(it->second);
        if (obs.selfNspid.size() == 1)
            view.top = view.self;
    }
    if (view.top.empty()) {
        for (const ProcessObservation &p : obs.processes) {
            if (p.level() == 0) {
                if (auto it = p.ns.find("pid"); it != p.ns.end()) {
                    view.top = pidNsId(it->second);
                    break;
                }
            }
        }
    }
    if (view.top.empty()) {
        view.top = newPlaceholder({"placeholder", view.run->spec.name, 0, 0,
                                   "The pid namespace that owns vantage " + view.run->spec.name +
                                       "'s /proc: none of its links were readable."});
    }
    view.levelOf[view.top] = 0;
    if (!view.self.empty() && !obs.selfNspid.empty())
        view.levelOf.emplace(view.self, static_cast<int>(obs.selfNspid.size()) - 1);
    resolveNamespaces(view);
}

// A process's namespace: its readable link; else the top for level 0; else that of a parent at the
// same NSpid length (a child shares its parent's namespace unless it is deeper).
void Inference::resolveNamespaces(VantageView &view)
{
    const auto &procs = view.obs->processes;
    std::vector<char> done(procs.size(), 0), visiting(procs.size(), 0);
    std::vector<std::size_t> path;
    int unplaced = 0;
    for (std::size_t start = 0; start < procs.size(); ++start) {
        path.clear();
        std::string key;
        for (std::size_t i = start;;) {
            if (done[i]) {
                key = view.nsOf[i];
                break;
            }
            if (visiting[i])
                break; // a PPid loop: leave unplaced
            visiting[i] = 1;
            path.push_back(i);
            const ProcessObservation &p = procs[i];
            if (auto it = p.ns.find("pid"); it != p.ns.end()) {
                key = pidNsId(it->second);
                break;
            }
            if (p.level() == 0) {
                key = view.top;
                break;
            }
            auto parent = view.byPid.find(p.ppid);
            if (parent == view.byPid.end() || procs[parent->second].level() != p.level())
                break;
            i = parent->second;
        }
        for (std::size_t j : path) {
            view.nsOf[j] = key;
            done[j] = 1;
        }
    }
    for (std::size_t i = 0; i < procs.size(); ++i) {
        const std::string &key = view.nsOf[i];
        if (key.empty()) {
            ++unplaced;
            continue;
        }
        auto [it, inserted] = view.levelOf.emplace(key, procs[i].level());
        if (!inserted && it->second != procs[i].level()) {
            view.warnings.push_back("process " + describeProcess(procs[i]) + " is in " + key +
                                    " at NSpid level " + std::to_string(procs[i].level()) +
                                    " but other processes put that namespace at level " +
                                    std::to_string(it->second) + "; it was left out");
            view.nsOf[i].clear();
            ++unplaced;
            continue;
        }
        view.members[key].push_back(i);
    }
    if (unplaced > 0) {
        view.warnings.push_back(
            std::to_string(unplaced) +
            " processes could not be placed in a pid namespace (their links were not readable); "
            "run the vantage as root to see them");
    }
}

void Inference::collectFacts(const VantageView &view)
{
    const auto &procs = view.obs->processes;
    const std::string &vantage = view.run->spec.name;
    for (const auto &[key, level] : view.levelOf) {
        if (level < 1)
            continue;
        // Certain by NSpid alone: a namespace `level` levels below the top has the top as that ancestor.
        m_facts.push_back(
            {key,
             level,
             view.top,
             {"vantage-level", vantage, 0, 0,
              "Vantage " + vantage + "'s /proc belongs to " + view.top + ", and the processes of " + key +
                  " have NSpid lists of length " + std::to_string(level + 1) + ": " + key + " is " +
                  std::to_string(level) + (level == 1 ? " level" : " levels") + " below it."}});
        if (level == 1)
            continue;
        // The levels in between: walk PPid from the namespace's init (then other members) to the first
        // ancestor process in another namespace.
        auto members = view.members.find(key);
        if (members == view.members.end())
            continue;
        std::vector<std::size_t> candidates = members->second;
        std::stable_partition(candidates.begin(), candidates.end(),
                              [&](std::size_t i) { return procs[i].innermostPid() == 1; });
        int best = level;
        std::size_t tries = 0;
        for (std::size_t i : candidates) {
            if (best == 1 || ++tries > 8)
                break;
            int q = procs[i].ppid;
            for (std::size_t steps = 0; q != 0 && steps < procs.size(); ++steps) {
                auto it = view.byPid.find(q);
                if (it == view.byPid.end())
                    break;
                const std::string &qns = view.nsOf[it->second];
                if (qns.empty())
                    break;
                if (qns != key) {
                    const int d = level - procs[it->second].level();
                    if (d >= 1 && d < best) {
                        best = d;
                        m_facts.push_back(
                            {key,
                             d,
                             qns,
                             {"ppid-walk", vantage, procs[i].pid, q,
                              "In vantage " + vantage + ", process " + describeProcess(procs[i]) + " of " +
                                  key + " descends from process " + describeProcess(procs[it->second]) +
                                  " in " + qns + ", " + std::to_string(d) + (d == 1 ? " level" : " levels") +
                                  " up."}});
                    }
                    break;
                }
                q = procs[it->second].ppid;
            }
        }
    }
}

bool Inference::isAncestorOrSelf(const std::string &candidate, const std::string &ns) const
{
    std::string at = ns;
    for (std::size_t guard = 0; guard <= m_parent.size() + 1; ++guard) {
        if (at == candidate)
            return true;
        auto it = m_parent.find(at);
        if (it == m_parent.end())
            return false;
        at = it->second;
    }
    return true; // a loop: treat as related so that no edge closes it further
}

// Parents from facts: direct ones first, then facts pushed up through known parents (a vantage that
// lands in a middle level fills it), then placeholders for levels that nobody saw.
void Inference::resolveParents()
{
    auto setParent = [&](const std::string &child, const std::string &parent, const Evidence &evidence) {
        if (isAncestorOrSelf(child, parent)) {
            m_conflicts.push_back("ignored: " + evidence.text + " (it would make a cycle)");
            return false;
        }
        m_parent[child] = parent;
        m_parentEvidence[child].push_back(evidence);
        return true;
    };
    for (const Fact &f : m_facts) {
        if (f.distance != 1)
            continue;
        auto it = m_parent.find(f.child);
        if (it == m_parent.end()) {
            setParent(f.child, f.ancestor, f.evidence);
        } else if (it->second == f.ancestor) {
            if (m_parentEvidence[f.child].size() < 4)
                m_parentEvidence[f.child].push_back(f.evidence);
        } else {
            m_conflicts.push_back("vantages disagree on the parent of " + f.child + ": " + it->second +
                                  " or " + f.ancestor + " (kept " + it->second + ")");
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (const Fact &f : m_facts) {
            std::string at = f.child;
            int k = 0;
            while (k < f.distance) {
                auto it = m_parent.find(at);
                if (it == m_parent.end())
                    break;
                at = it->second;
                ++k;
            }
            if (k == f.distance) {
                if (at != f.ancestor) {
                    m_conflicts.push_back("vantages disagree on the ancestor " + std::to_string(f.distance) +
                                          " levels above " + f.child + ": " + at + " or " + f.ancestor);
                }
                continue;
            }
            if (f.distance - k == 1) {
                Evidence derived = f.evidence;
                derived.kind = "derived";
                derived.text = f.evidence.text + " Since " + f.child + "'s ancestors up to " + at +
                               " are known, " + f.ancestor + " is the parent of " + at + ".";
                changed = setParent(at, f.ancestor, derived) || changed;
            }
        }
    }
    // What is left: namespaces whose nearest known ancestor is two or more levels up.
    std::map<std::string, const Fact *> nearest;
    std::map<std::string, int> remaining;
    for (const Fact &f : m_facts) {
        std::string at = f.child;
        int k = 0;
        while (k < f.distance && m_parent.count(at)) {
            at = m_parent.at(at);
            ++k;
        }
        const int r = f.distance - k;
        if (r < 2)
            continue;
        auto it = remaining.find(at);
        if (it == remaining.end() || r < it->second) {
            remaining[at] = r;
            nearest[at] = &f;
        }
    }
    for (const auto &[start, r] : remaining) {
        const Fact &f = *nearest.at(start);
        std::string below = start;
        for (int k = 1; k < r; ++k) {
            const std::string placeholder =
                newPlaceholder({"placeholder", f.evidence.vantage, 0, 0,
                                "No vantage saw this level. " + f.evidence.text +
                                    " Add a vantage that lands in the levels between to name it."});
            setParent(
                below, placeholder,
                {"placeholder", f.evidence.vantage, 0, 0, start + " sits below a level no vantage saw."});
            below = placeholder;
        }
        setParent(below, f.ancestor, f.evidence);
    }
}

void Inference::assignRoles()
{
    const bool wslPlan = std::any_of(m_runs.begin(), m_runs.end(), [](const VantageRun &r) {
        return r.spec.role == VantageRole::Vm || r.spec.role == VantageRole::System ||
               r.spec.role == VantageRole::Distro;
    });
    auto rank = [](NamespaceRole role) {
        switch (role) {
        case NamespaceRole::Vm:
            return 0;
        case NamespaceRole::Host:
            return 1;
        case NamespaceRole::Wslg:
            return 2;
        case NamespaceRole::Distro:
            return 3;
        default:
            return 9;
        }
    };
    std::set<std::string> landed;
    for (const VantageView &view : m_views) {
        if (view.self.empty() || !m_ns.count(view.self))
            continue;
        PidNamespace &ns = m_ns[view.self];
        const VantageSpec &spec = view.run->spec;
        NamespaceRole role = NamespaceRole::Unknown;
        std::string label;
        switch (spec.role) {
        case VantageRole::Vm:
            role = NamespaceRole::Vm;
            label = "Mariner VM";
            break;
        case VantageRole::Host:
            role = NamespaceRole::Host;
            label = view.obs->hostname.empty() ? "Linux host" : "Linux host (" + view.obs->hostname + ")";
            break;
        case VantageRole::System:
            role = NamespaceRole::Wslg;
            label = "WSLg system (" + spec.distro + ")";
            break;
        case VantageRole::Distro:
            role = NamespaceRole::Distro;
            label = spec.distro;
            break;
        }
        ns.vantages.push_back(spec.name);
        if (role == NamespaceRole::Distro &&
            std::find(ns.distros.begin(), ns.distros.end(), spec.distro) == ns.distros.end())
            ns.distros.push_back(spec.distro);
        if (!landed.count(view.self) || rank(role) < rank(ns.role)) {
            ns.role = role;
            ns.label = label;
        }
        landed.insert(view.self);
    }
    // The nearest distro at or above a namespace, for labels below it.
    auto distroAbove = [&](const std::string &key) -> std::string {
        std::string at = key;
        for (std::size_t guard = 0; guard <= m_parent.size(); ++guard) {
            auto it = m_parent.find(at);
            if (it == m_parent.end())
                return {};
            at = it->second;
            const PidNamespace &ns = m_ns.at(at);
            if (ns.role == NamespaceRole::Distro && !ns.distros.empty())
                return ns.distros.front();
        }
        return {};
    };
    std::map<std::string, std::vector<std::string>> children;
    for (const auto &[child, parent] : m_parent)
        children[parent].push_back(child);
    std::function<void(const std::string &, std::vector<std::string> &)> distrosBelow =
        [&](const std::string &key, std::vector<std::string> &out) {
            for (const std::string &c : children[key]) {
                const PidNamespace &ns = m_ns.at(c);
                if (ns.role == NamespaceRole::Distro)
                    out.insert(out.end(), ns.distros.begin(), ns.distros.end());
                else
                    distrosBelow(c, out);
            }
        };
    for (auto &[key, ns] : m_ns) {
        if (landed.count(key) || !ns.inode)
            continue;
        if (*ns.inode == kInitialPidNsInode) {
            ns.role = wslPlan ? NamespaceRole::Vm : NamespaceRole::Host;
            ns.label = wslPlan ? "Mariner VM" : "Linux host";
            continue;
        }
        // Name what we can: the distros it isolates, or the distro it is nested in and its init
        // (a container's entry point says more than its inode).
        const auto init = m_initName.find(key);
        const std::string initText =
            init == m_initName.end() ? std::string() : " (init: " + init->second + ")";
        // An isolation is a level between the root and a distro; anything else nobody landed in is
        // unknown (a distro left out of the plan, a container), however much we see of it.
        ns.role = NamespaceRole::Unknown;
        if (const std::string distro = distroAbove(key); !distro.empty()) {
            ns.label = "Nested in " + distro + initText;
        } else {
            std::vector<std::string> below;
            distrosBelow(key, below);
            if (below.empty()) {
                ns.label = (wslPlan ? "Not visited" : "Nested namespace") + initText;
            } else {
                ns.role = NamespaceRole::Isolation;
                ns.label = "Isolation (";
                for (std::size_t i = 0; i < below.size(); ++i)
                    ns.label += (i ? ", " : "") + below[i];
                ns.label += ")";
            }
        }
    }
}

void Inference::orderNamespaces(Snapshot &snapshot)
{
    std::map<std::string, std::vector<std::string>> children;
    std::vector<std::string> roots;
    auto sortKey = [&](const std::string &id) {
        const PidNamespace &ns = m_ns.at(id);
        // Placeholders after real inodes, in creation order.
        return ns.inode ? std::make_pair(0, *ns.inode) : std::make_pair(1, m_placeholderOrder[id]);
    };
    for (const auto &[key, ns] : m_ns) {
        auto it = m_parent.find(key);
        if (it == m_parent.end())
            roots.push_back(key);
        else
            children[it->second].push_back(key);
    }
    auto bySortKey = [&](const std::string &a, const std::string &b) { return sortKey(a) < sortKey(b); };
    std::sort(roots.begin(), roots.end(), bySortKey);
    for (auto &[k, list] : children)
        std::sort(list.begin(), list.end(), bySortKey);

    std::vector<std::pair<std::string, int>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) {
        const PidNamespace &ns = m_ns.at(*it);
        stack.emplace_back(*it, ns.inode && *ns.inode == kInitialPidNsInode ? 0 : -1);
    }
    while (!stack.empty()) {
        auto [key, depth] = stack.back();
        stack.pop_back();
        PidNamespace ns = m_ns.at(key);
        ns.depth = depth;
        if (auto p = m_parent.find(key); p != m_parent.end()) {
            ns.parent = p->second;
            auto &ev = m_parentEvidence[key];
            ns.evidence.insert(ns.evidence.end(), ev.begin(), ev.end());
        } else if (ns.inode && *ns.inode == kInitialPidNsInode) {
            ns.evidence.push_back(
                {"initial-namespace",
                 {},
                 0,
                 0,
                 "Inode 4026531836 is the kernel's initial pid namespace: it has no parent."});
        } else if (ns.inode) {
            ns.evidence.push_back(
                {"no-vantage-above",
                 {},
                 0,
                 0,
                 "No vantage saw above " + key +
                     " (it is not the kernel's initial pid namespace), so its parent is unknown. "
                     "Include the VM root vantage (wsl --debug-shell, as administrator) to see it."});
        }
        snapshot.pidNamespaces.push_back(std::move(ns));
        const auto &list = children[key];
        for (auto it = list.rbegin(); it != list.rend(); ++it)
            stack.emplace_back(*it, depth < 0 ? -1 : depth + 1);
    }
}

void Inference::mergeProcesses(Snapshot &snapshot)
{
    struct Seen
    {
        const VantageView *view;
        std::size_t index;
        std::vector<std::string> seenBy;
    };
    std::map<std::pair<std::string, int>, Seen> merged;
    for (const VantageView &view : m_views) {
        const auto &procs = view.obs->processes;
        for (std::size_t i = 0; i < procs.size(); ++i) {
            if (view.nsOf[i].empty())
                continue;
            auto [it, inserted] =
                merged.try_emplace({view.nsOf[i], procs[i].innermostPid()}, Seen{&view, i, {}});
            it->second.seenBy.push_back(view.run->spec.name);
            if (!inserted &&
                procs[i].nspid.size() > it->second.view->obs->processes[it->second.index].nspid.size()) {
                it->second.view = &view;
                it->second.index = i;
            }
        }
    }
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < snapshot.pidNamespaces.size(); ++i)
        order[snapshot.pidNamespaces[i].id] = i;
    std::map<std::string, int> counts;
    std::map<std::string, std::string> distroOf;
    auto distroFor = [&](const std::string &key) {
        if (auto it = distroOf.find(key); it != distroOf.end())
            return it->second;
        std::string at = key, found;
        for (std::size_t guard = 0; guard <= m_parent.size() && !at.empty(); ++guard) {
            const PidNamespace &ns = m_ns.at(at);
            if (ns.role == NamespaceRole::Distro && !ns.distros.empty()) {
                found = ns.distros.front();
                break;
            }
            auto p = m_parent.find(at);
            at = p == m_parent.end() ? std::string() : p->second;
        }
        return distroOf[key] = found;
    };

    // merged is sorted by (namespace key, innermost pid): per namespace group, look the namespace up once
    // (order, distro, ancestors), and bucket by the namespace's position instead of sorting Process objects.
    std::vector<std::vector<Process>> buckets(snapshot.pidNamespaces.size() + 1);
    const std::string *groupKey = nullptr;
    std::size_t bucket = 0;
    std::string groupDistro;
    std::vector<std::string> ancestors; // the own namespace first, then up
    for (auto &[key, seen] : merged) {
        if (!groupKey || *groupKey != key.first) {
            groupKey = &key.first;
            auto o = order.find(key.first);
            bucket = o == order.end() ? snapshot.pidNamespaces.size() : o->second;
            groupDistro = distroFor(key.first);
            ancestors.clear();
            for (std::string at = key.first; !at.empty();) {
                ancestors.push_back(at);
                auto parent = m_parent.find(at);
                at = parent == m_parent.end() ? std::string() : parent->second;
                if (ancestors.size() > m_parent.size() + 1)
                    break;
            }
        }
        const ProcessObservation &p = seen.view->obs->processes[seen.index];
        Process out;
        out.name = p.name;
        out.cmdline = p.cmdline;
        out.pidNs = key.first;
        out.ppid = p.ppid;
        out.uid = p.uid;
        out.startTicks = p.startTicks;
        out.ns = p.ns;
        out.seenBy = std::move(seen.seenBy);
        out.distro = groupDistro;
        const std::size_t links = std::min(p.nspid.size(), ancestors.size());
        out.chain.reserve(links);
        for (std::size_t k = links; k-- > 0;)
            out.chain.push_back({ancestors[k], p.nspid[p.nspid.size() - 1 - k]});
        buckets[bucket].push_back(std::move(out));
    }
    snapshot.processes.reserve(merged.size());
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        if (b < snapshot.pidNamespaces.size())
            counts[snapshot.pidNamespaces[b].id] = static_cast<int>(buckets[b].size());
        for (Process &p : buckets[b])
            snapshot.processes.push_back(std::move(p));
    }
    for (PidNamespace &ns : snapshot.pidNamespaces)
        ns.processCount = counts[ns.id];
}

void Inference::buildNetwork(Snapshot &snapshot)
{
    std::map<std::uint64_t, NetNamespace> byInode;
    std::vector<std::uint64_t> order;
    for (const VantageView &view : m_views) {
        auto it = view.obs->selfNs.find("net");
        if (it == view.obs->selfNs.end())
            continue;
        auto [entry, inserted] = byInode.try_emplace(it->second);
        NetNamespace &net = entry->second;
        if (inserted) {
            order.push_back(it->second);
            net.id = netNsId(it->second);
            net.inode = it->second;
        }
        const VantageSpec &spec = view.run->spec;
        net.vantages.push_back(spec.name);
        if (spec.role == VantageRole::Distro &&
            std::find(net.distros.begin(), net.distros.end(), spec.distro) == net.distros.end())
            net.distros.push_back(spec.distro);
        const VantageObservation &obs = *view.obs;
        if (net.interfaces.empty()) {
            net.interfaces = obs.interfaces;
            net.routes = obs.routes;
        }
        // resolv.conf lives in each distro's mount namespace; the distro's own view is the one users see.
        if (net.nameservers.empty() || spec.role == VantageRole::Distro)
            if (!obs.nameservers.empty())
                net.nameservers = obs.nameservers;
        if (snapshot.network.mode.empty() && !obs.networkingMode.empty())
            snapshot.network.mode = obs.networkingMode;
    }
    for (std::uint64_t inode : order)
        snapshot.network.namespaces.push_back(std::move(byInode[inode]));
    for (const NetNamespace &net : snapshot.network.namespaces) {
        if (net.distros.size() > 1) {
            std::string names;
            for (std::size_t i = 0; i < net.distros.size(); ++i)
                names += (i ? ", " : "") + net.distros[i];
            snapshot.network.findings.push_back(
                {"info", names + " share the network namespace " + net.id + " (one eth0, one address)"});
        }
        if (net.distros.size() == 1 && snapshot.network.namespaces.size() > 1)
            snapshot.network.findings.push_back(
                {"info", net.distros.front() + " has a network namespace of its own (" + net.id + ")"});
    }
}

Snapshot Inference::run(std::string takenAt)
{
    Snapshot snapshot;
    snapshot.takenAt = std::move(takenAt);
    m_views.reserve(m_runs.size());
    for (const VantageRun &r : m_runs) {
        if (!r.observation)
            continue;
        VantageView view;
        view.run = &r;
        view.obs = &*r.observation;
        m_views.push_back(std::move(view));
    }
    for (VantageView &view : m_views)
        buildView(view);
    for (const VantageView &view : m_views) {
        for (const auto &[key, level] : view.levelOf) {
            PidNamespace &ns = m_ns[key];
            if (ns.id.empty()) {
                ns.id = key;
                if (key.find('?') == std::string::npos)
                    ns.inode = std::stoull(key.substr(5, key.size() - 6));
            }
        }
        collectFacts(view);
        for (const auto &[key, members] : view.members)
            for (std::size_t i : members)
                if (view.obs->processes[i].innermostPid() == 1)
                    m_initName.emplace(key, view.obs->processes[i].name);
    }
    resolveParents();
    assignRoles();
    orderNamespaces(snapshot);
    mergeProcesses(snapshot);
    buildNetwork(snapshot);

    for (const VantageRun &r : m_runs) {
        VantageReport report;
        report.name = r.spec.name;
        report.role = std::string(toString(r.spec.role));
        report.distro = r.spec.distro;
        report.ok = r.observation.has_value();
        report.error = r.error;
        report.warnings = r.warnings;
        if (r.observation) {
            const VantageObservation &obs = *r.observation;
            if (auto it = obs.selfNs.find("pid"); it != obs.selfNs.end())
                report.pidNs = pidNsId(it->second);
            if (auto it = obs.selfNs.find("net"); it != obs.selfNs.end())
                report.netNs = netNsId(it->second);
            report.kernel = obs.kernel;
            report.hostname = obs.hostname;
            if (auto it = obs.osRelease.find("PRETTY_NAME"); it != obs.osRelease.end())
                report.os = it->second;
            report.processCount = static_cast<int>(obs.processes.size());
            report.warnings.insert(report.warnings.end(), obs.warnings.begin(), obs.warnings.end());
            for (const VantageView &view : m_views)
                if (view.run == &r)
                    report.warnings.insert(report.warnings.end(), view.warnings.begin(), view.warnings.end());
        }
        snapshot.vantages.push_back(std::move(report));
    }
    for (const std::string &c : m_conflicts)
        snapshot.findings.push_back({"warning", c});
    return snapshot;
}

} // namespace

Snapshot inferSnapshot(const std::vector<VantageRun> &runs, std::string takenAt)
{
    return Inference(runs).run(std::move(takenAt));
}

} // namespace wslatlas
