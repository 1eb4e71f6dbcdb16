#include "infer.h"

#include "evidence.h"
#include "finding.h"
#include "text.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wslatlas {

namespace {

// Namespaces are numbered in the order they are met: the inference works on the numbers, and builds each
// key ("pid:[INODE]", "pid:[?N]") once, for messages and the snapshot. Wherever the order of namespaces
// shows in the result (facts, placeholders, labels) they are taken in key order, as text.
using NsId = int;
constexpr NsId kNoNs = -1;
constexpr int kNoLevel = INT_MIN;

// "ancestor of child at `distance` levels up is `ancestor`", as one vantage saw it.
struct Fact
{
    NsId child = kNoNs;
    int distance = 0;
    NsId ancestor = kNoNs;
    Evidence evidence;
};

// One vantage's processes placed in namespaces, with levels relative to its /proc's top namespace.
struct VantageView
{
    const VantageRun *run = nullptr;
    const VantageObservation *obs = nullptr;
    NsId top = kNoNs;                              // the level-0 namespace
    NsId self = kNoNs;                             // the shell's own namespace
    std::unordered_map<int, std::size_t> byPid;    // /proc pid -> index
    std::vector<NsId> nsOf;                        // per process: its namespace, kNoNs if unplaceable
    std::vector<int> levels;                       // per namespace: its level below top, or kNoLevel
    std::vector<std::vector<std::size_t>> members; // per namespace: process indices
    std::vector<NsId> seen;                        // the namespaces with a level, in key order
    std::vector<std::string> warnings;

    int levelOf(NsId ns) const { return ns < static_cast<NsId>(levels.size()) ? levels[ns] : kNoLevel; }
    // Like map::emplace: an existing level stays. Returns the level the namespace has.
    int addLevel(NsId ns, int level)
    {
        if (ns >= static_cast<NsId>(levels.size()))
            levels.resize(static_cast<std::size_t>(ns) + 1, kNoLevel);
        if (levels[ns] == kNoLevel)
            levels[ns] = level;
        return levels[ns];
    }
    const std::vector<std::size_t> *membersOf(NsId ns) const
    {
        return ns < static_cast<NsId>(members.size()) && !members[ns].empty() ? &members[ns] : nullptr;
    }
};

// Everything known of one namespace.
struct NsInfo
{
    std::string key;
    PidNamespace ns;    // id and inode set from the start; the rest filled in as the inference goes
    bool known = false; // some vantage gave it a level, or it is a placeholder: it goes into the snapshot
    NsId parent = kNoNs;
    std::vector<Evidence> parentEvidence;
    std::uint64_t placeholderOrder = 0;
    std::optional<std::string> initName; // name of its pid 1
};

class Inference
{
public:
    explicit Inference(const std::vector<VantageRun> &runs) : m_runs(runs) {}
    Snapshot run(std::string takenAt);

private:
    NsId nsOfInode(std::uint64_t inode);
    NsId newPlaceholder(Evidence why);
    std::vector<NsId> inKeyOrder(std::vector<NsId> ids) const;
    void buildView(VantageView &view);
    void resolveNamespaces(VantageView &view);
    void collectFacts(const VantageView &view);
    bool setParent(NsId child, NsId parent, const Evidence &evidence);
    void resolveParents();
    bool isAncestorOrSelf(NsId candidate, NsId ns) const;
    void assignRoles();
    void orderNamespaces(Snapshot &snapshot);
    void mergeProcesses(Snapshot &snapshot);
    static void nameContainers(Snapshot &snapshot);
    void buildNetwork(Snapshot &snapshot);
    // Steps of assignRoles and mergeProcesses.
    std::vector<char> landVantages();
    std::vector<std::vector<NsId>> childrenInKeyOrder() const;
    void distrosBelow(NsId ns, const std::vector<std::vector<NsId>> &children,
                      std::vector<std::string> &out) const;
    void nameUnlanded(NsId id, bool wslPlan, const std::vector<std::vector<NsId>> &children);
    std::string nearestDistro(NsId from) const;
    std::vector<std::string> ancestorKeys(NsId ns) const;

    const std::vector<VantageRun> &m_runs;
    std::vector<VantageView> m_views;
    std::vector<Fact> m_facts;
    std::vector<NsInfo> m_ns; // indexed by NsId
    std::unordered_map<std::uint64_t, NsId> m_byInode;
    std::size_t m_parentCount = 0;    // namespaces with a parent
    std::vector<NsId> m_order;        // the snapshot's order: parents before children
    std::vector<Finding> m_conflicts; // warnings
    int m_placeholders = 0;
};

std::string describeProcess(const ProcessObservation &p)
{
    return std::to_string(p.pid) + " (" + p.name + ")";
}

// Evidence with its English sentence written from its facts (evidence.h).
Evidence worded(Evidence e)
{
    e.text = englishText(e);
    return e;
}

// A vantage whose /proc belongs to `top` sees `subject`'s processes with NSpid lists `levels` + 1 long.
Evidence levelEvidence(const std::string &vantage, const std::string &top, const std::string &subject,
                       int levels)
{
    Evidence e;
    e.kind = EvidenceKind::VantageLevel;
    e.vantage = vantage;
    e.subject = subject;
    e.ancestor = top;
    e.levels = levels;
    return worded(std::move(e));
}

// Walking PPid from `from` (of `subject`) reached `to`, in `ancestor`, `levels` levels up.
Evidence walkEvidence(const std::string &vantage, const ProcessObservation &from,
                      const ProcessObservation &to, const std::string &subject, const std::string &ancestor,
                      int levels)
{
    Evidence e;
    e.kind = EvidenceKind::PpidWalk;
    e.vantage = vantage;
    e.pid = from.pid;
    e.ppid = to.pid;
    e.process = from.name;
    e.parentProcess = to.name;
    e.subject = subject;
    e.ancestor = ancestor;
    e.levels = levels;
    return worded(std::move(e));
}

NsId Inference::nsOfInode(std::uint64_t inode)
{
    const auto [it, inserted] = m_byInode.try_emplace(inode, static_cast<NsId>(m_ns.size()));
    if (inserted) {
        NsInfo &info = m_ns.emplace_back();
        info.key = pidNsId(inode);
        info.ns.id = info.key;
        info.ns.inode = inode;
    }
    return it->second;
}

NsId Inference::newPlaceholder(Evidence why)
{
    NsInfo &info = m_ns.emplace_back();
    info.key = "pid:[?" + std::to_string(++m_placeholders) + "]";
    info.known = true;
    info.ns.id = info.key;
    info.ns.role = NamespaceRole::Unknown;
    info.ns.name.kind = NameKind::UnseenLevel;
    info.ns.label = englishLabel(info.ns.name);
    info.ns.evidence.push_back(std::move(why));
    info.placeholderOrder = static_cast<std::uint64_t>(m_placeholders);
    return static_cast<NsId>(m_ns.size()) - 1;
}

std::vector<NsId> Inference::inKeyOrder(std::vector<NsId> ids) const
{
    std::sort(ids.begin(), ids.end(), [&](NsId a, NsId b) { return m_ns[a].key < m_ns[b].key; });
    return ids;
}

void Inference::buildView(VantageView &view)
{
    const VantageObservation &obs = *view.obs;
    view.nsOf.assign(obs.processes.size(), kNoNs);
    view.byPid.reserve(obs.processes.size());
    for (std::size_t i = 0; i < obs.processes.size(); ++i)
        view.byPid.emplace(obs.processes[i].pid, i);

    // The top is the namespace that mounted this /proc: the shell's own when it sits at level 0,
    // otherwise that of any level-0 process whose link was readable.
    if (auto it = obs.selfNs.find("pid"); it != obs.selfNs.end()) {
        view.self = nsOfInode(it->second);
        if (obs.selfNspid.size() == 1)
            view.top = view.self;
    }
    if (view.top == kNoNs) {
        for (const ProcessObservation &p : obs.processes) {
            if (p.level() == 0) {
                if (auto it = p.ns.find("pid"); it != p.ns.end()) {
                    view.top = nsOfInode(it->second);
                    break;
                }
            }
        }
    }
    if (view.top == kNoNs) {
        Evidence unreadable;
        unreadable.kind = EvidenceKind::Placeholder;
        unreadable.vantage = view.run->spec.name;
        view.top = newPlaceholder(worded(std::move(unreadable)));
    }
    view.addLevel(view.top, 0);
    if (view.self != kNoNs && !obs.selfNspid.empty())
        view.addLevel(view.self, static_cast<int>(obs.selfNspid.size()) - 1);
    resolveNamespaces(view);

    std::vector<NsId> seen;
    for (NsId ns = 0; ns < static_cast<NsId>(view.levels.size()); ++ns)
        if (view.levels[ns] != kNoLevel)
            seen.push_back(ns);
    view.seen = inKeyOrder(std::move(seen));
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
        NsId ns = kNoNs;
        for (std::size_t i = start;;) {
            if (done[i]) {
                ns = view.nsOf[i];
                break;
            }
            if (visiting[i])
                break; // a PPid loop: leave unplaced
            visiting[i] = 1;
            path.push_back(i);
            const ProcessObservation &p = procs[i];
            if (auto it = p.ns.find("pid"); it != p.ns.end()) {
                ns = nsOfInode(it->second);
                break;
            }
            if (p.level() == 0) {
                ns = view.top;
                break;
            }
            auto parent = view.byPid.find(p.ppid);
            if (parent == view.byPid.end() || procs[parent->second].level() != p.level())
                break;
            i = parent->second;
        }
        for (std::size_t j : path) {
            view.nsOf[j] = ns;
            done[j] = 1;
        }
    }
    view.members.resize(m_ns.size());
    for (std::size_t i = 0; i < procs.size(); ++i) {
        const NsId ns = view.nsOf[i];
        if (ns == kNoNs) {
            ++unplaced;
            continue;
        }
        const int level = view.addLevel(ns, procs[i].level());
        if (level != procs[i].level()) {
            view.warnings.push_back("process " + describeProcess(procs[i]) + " is in " + m_ns[ns].key +
                                    " at NSpid level " + std::to_string(procs[i].level()) +
                                    " but other processes put that namespace at level " +
                                    std::to_string(level) + "; it was left out");
            view.nsOf[i] = kNoNs;
            ++unplaced;
            continue;
        }
        view.members[ns].push_back(i);
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
    const std::string &top = m_ns[view.top].key;
    for (const NsId ns : view.seen) {
        const int level = view.levelOf(ns);
        if (level < 1)
            continue;
        const std::string &key = m_ns[ns].key;
        // Certain by NSpid alone: a namespace `level` levels below the top has the top as that ancestor.
        m_facts.push_back({ns, level, view.top, levelEvidence(vantage, top, key, level)});
        if (level == 1)
            continue;
        // The levels in between: walk PPid from the namespace's init (then other members) to the first
        // ancestor process in another namespace.
        const auto *members = view.membersOf(ns);
        if (!members)
            continue;
        std::vector<std::size_t> candidates = *members;
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
                const NsId qns = view.nsOf[it->second];
                if (qns == kNoNs)
                    break;
                if (qns != ns) {
                    const int d = level - procs[it->second].level();
                    if (d >= 1 && d < best) {
                        best = d;
                        m_facts.push_back(
                            {ns, d, qns,
                             walkEvidence(vantage, procs[i], procs[it->second], key, m_ns[qns].key, d)});
                    }
                    break;
                }
                q = procs[it->second].ppid;
            }
        }
    }
}

bool Inference::isAncestorOrSelf(NsId candidate, NsId ns) const
{
    NsId at = ns;
    for (std::size_t guard = 0; guard <= m_parentCount + 1; ++guard) {
        if (at == candidate)
            return true;
        if (m_ns[at].parent == kNoNs)
            return false;
        at = m_ns[at].parent;
    }
    return true; // a loop: treat as related so that no edge closes it further
}

bool Inference::setParent(NsId child, NsId parent, const Evidence &evidence)
{
    if (isAncestorOrSelf(child, parent)) {
        m_conflicts.push_back({Severity::Warning,
                               "ignored: " + evidence.text + " (it would make a cycle)",
                               FindingCode::Other,
                               {}});
        return false;
    }
    NsInfo &info = m_ns[child];
    if (info.parent == kNoNs)
        ++m_parentCount;
    info.parent = parent;
    info.parentEvidence.push_back(evidence);
    return true;
}

// Parents from facts: direct ones first, then facts pushed up through known parents (a vantage that
// lands in a middle level fills it), then placeholders for levels that nobody saw.
void Inference::resolveParents()
{
    for (const Fact &f : m_facts) {
        if (f.distance != 1)
            continue;
        NsInfo &child = m_ns[f.child];
        if (child.parent == kNoNs) {
            setParent(f.child, f.ancestor, f.evidence);
        } else if (child.parent == f.ancestor) {
            if (child.parentEvidence.size() < 4)
                child.parentEvidence.push_back(f.evidence);
        } else {
            const std::string &kept = m_ns[child.parent].key;
            const std::string &other = m_ns[f.ancestor].key;
            m_conflicts.push_back(makeFinding(Severity::Warning, FindingCode::ParentsDisagree,
                                              {{"child", child.key}, {"kept", kept}, {"other", other}}));
        }
    }
    // How far up from a fact's child its known ancestors go: {the last one, levels climbed}.
    auto climb = [&](const Fact &f) {
        NsId at = f.child;
        int k = 0;
        while (k < f.distance && m_ns[at].parent != kNoNs) {
            at = m_ns[at].parent;
            ++k;
        }
        return std::make_pair(at, k);
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (const Fact &f : m_facts) {
            const auto [at, k] = climb(f);
            if (k == f.distance) {
                if (at != f.ancestor) {
                    const std::string levels = std::to_string(f.distance);
                    const std::string &child = m_ns[f.child].key;
                    m_conflicts.push_back(makeFinding(Severity::Warning, FindingCode::AncestorsDisagree,
                                                      {{"levels", levels},
                                                       {"child", child},
                                                       {"first", m_ns[at].key},
                                                       {"second", m_ns[f.ancestor].key}}));
                }
                continue;
            }
            if (f.distance - k == 1) {
                Evidence derived = f.evidence;
                derived.basis = f.evidence.kind;
                derived.kind = EvidenceKind::Derived;
                derived.via = m_ns[at].key;
                derived = worded(std::move(derived));
                changed = setParent(at, f.ancestor, derived) || changed;
            }
        }
    }
    // What is left: namespaces whose nearest known ancestor is two or more levels up.
    std::vector<int> remaining(m_ns.size(), 0); // 0: nothing left above it
    std::vector<const Fact *> nearest(m_ns.size(), nullptr);
    std::vector<NsId> starts;
    for (const Fact &f : m_facts) {
        const auto [at, k] = climb(f);
        const int r = f.distance - k;
        if (r < 2)
            continue;
        if (remaining[at] == 0)
            starts.push_back(at);
        if (remaining[at] == 0 || r < remaining[at]) {
            remaining[at] = r;
            nearest[at] = &f;
        }
    }
    for (const NsId start : inKeyOrder(std::move(starts))) {
        const Fact &f = *nearest[start];
        const int r = remaining[start];
        Evidence unseen = f.evidence; // the fact that shows the level is there
        unseen.basis = f.evidence.kind;
        unseen.kind = EvidenceKind::Placeholder;
        unseen = worded(std::move(unseen));
        Evidence sitsBelow;
        sitsBelow.kind = EvidenceKind::Placeholder;
        sitsBelow.vantage = f.evidence.vantage;
        sitsBelow.subject = m_ns[start].key;
        sitsBelow = worded(std::move(sitsBelow));
        NsId at = start;
        for (int k = 1; k < r; ++k) {
            const NsId placeholder = newPlaceholder(unseen);
            setParent(at, placeholder, sitsBelow);
            at = placeholder;
        }
        setParent(at, f.ancestor, f.evidence);
    }
}

// A plan with WSL's vantages is of a WSL machine: its root namespace is the VM's, not a Linux host's.
bool isWslPlan(const std::vector<VantageRun> &runs)
{
    return std::any_of(runs.begin(), runs.end(), [](const VantageRun &r) {
        return r.spec.role == VantageRole::Vm || r.spec.role == VantageRole::System ||
               r.spec.role == VantageRole::Distro;
    });
}

// When vantages of several roles land in one namespace, the lowest rank names it.
int roleRank(NamespaceRole role)
{
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
}

// The role and name a vantage gives the namespace it lands in.
std::pair<NamespaceRole, NamespaceName> landedRole(const VantageView &view)
{
    const VantageSpec &spec = view.run->spec;
    switch (spec.role) {
    case VantageRole::Vm:
        return {NamespaceRole::Vm, {NameKind::MarinerVm, {}, {}, {}}};
    case VantageRole::Host:
        return {NamespaceRole::Host, {NameKind::LinuxHost, view.obs->hostname, {}, {}}};
    case VantageRole::System:
        return {NamespaceRole::Wslg, {NameKind::WslgSystem, spec.distro, {}, {}}};
    case VantageRole::Distro:
        return {NamespaceRole::Distro, {NameKind::Distro, spec.distro, {}, {}}};
    }
    return {NamespaceRole::Unknown, {}};
}

// Each vantage's own namespace takes the vantage's name, role and distro. Returns which were landed in.
std::vector<char> Inference::landVantages()
{
    std::vector<char> landed(m_ns.size(), 0);
    for (const VantageView &view : m_views) {
        if (view.self == kNoNs || !m_ns[view.self].known)
            continue;
        PidNamespace &ns = m_ns[view.self].ns;
        const VantageSpec &spec = view.run->spec;
        auto [role, name] = landedRole(view);
        ns.vantages.push_back(spec.name);
        if (role == NamespaceRole::Distro &&
            std::find(ns.distros.begin(), ns.distros.end(), spec.distro) == ns.distros.end())
            ns.distros.push_back(spec.distro);
        if (!landed[view.self] || roleRank(role) < roleRank(ns.role)) {
            ns.role = role;
            ns.name = std::move(name);
            ns.label = englishLabel(ns.name);
        }
        landed[view.self] = 1;
    }
    return landed;
}

// Children in key order: that is the order of the distros in an isolation's label.
std::vector<std::vector<NsId>> Inference::childrenInKeyOrder() const
{
    std::vector<NsId> all(m_ns.size());
    for (NsId ns = 0; ns < static_cast<NsId>(m_ns.size()); ++ns)
        all[static_cast<std::size_t>(ns)] = ns;
    std::vector<std::vector<NsId>> children(m_ns.size());
    for (const NsId child : inKeyOrder(std::move(all)))
        if (m_ns[child].parent != kNoNs)
            children[m_ns[child].parent].push_back(child);
    return children;
}

// The distros below ns, each the first distro on its branch.
void Inference::distrosBelow(NsId ns, const std::vector<std::vector<NsId>> &children,
                             std::vector<std::string> &out) const
{
    for (const NsId c : children[ns]) {
        const PidNamespace &below = m_ns[c].ns;
        if (below.role == NamespaceRole::Distro)
            out.insert(out.end(), below.distros.begin(), below.distros.end());
        else
            distrosBelow(c, children, out);
    }
}

// Names a namespace no vantage landed in: the root, an isolation, or a nested or unvisited one.
void Inference::nameUnlanded(NsId id, bool wslPlan, const std::vector<std::vector<NsId>> &children)
{
    NsInfo &info = m_ns[id];
    PidNamespace &ns = info.ns;
    if (*ns.inode == kInitialPidNsInode) {
        ns.role = wslPlan ? NamespaceRole::Vm : NamespaceRole::Host;
        ns.name.kind = wslPlan ? NameKind::MarinerVm : NameKind::LinuxHost;
        ns.label = englishLabel(ns.name);
        return;
    }
    // Name what we can: the distros it isolates, or the distro it is nested in and its init
    // (a container's entry point says more than its inode).
    // An isolation is a level between the root and a distro; anything else nobody landed in is
    // unknown (a distro left out of the plan, a container), however much we see of it.
    ns.role = NamespaceRole::Unknown;
    ns.name.init = info.initName.value_or(std::string());
    // The distro it is nested in: the nearest one above it.
    const std::string distro = info.parent == kNoNs ? std::string() : nearestDistro(info.parent);
    if (!distro.empty()) {
        ns.name.kind = NameKind::NestedIn;
        ns.name.subject = distro;
    } else {
        std::vector<std::string> below;
        distrosBelow(id, children, below);
        if (below.empty()) {
            ns.name.kind = wslPlan ? NameKind::NotVisited : NameKind::NestedNamespace;
        } else {
            ns.role = NamespaceRole::Isolation;
            ns.name = {NameKind::Isolation, {}, std::move(below), {}};
        }
    }
    ns.label = englishLabel(ns.name);
}

void Inference::assignRoles()
{
    const bool wslPlan = isWslPlan(m_runs);
    const std::vector<char> landed = landVantages();
    const std::vector<std::vector<NsId>> children = childrenInKeyOrder();
    for (NsId id = 0; id < static_cast<NsId>(m_ns.size()); ++id) {
        const NsInfo &info = m_ns[id];
        if (info.known && !landed[id] && info.ns.inode)
            nameUnlanded(id, wslPlan, children);
    }
}

void Inference::orderNamespaces(Snapshot &snapshot)
{
    std::vector<std::vector<NsId>> children(m_ns.size());
    std::vector<NsId> roots;
    auto sortKey = [&](NsId id) {
        const NsInfo &info = m_ns[id];
        // Placeholders after real inodes, in creation order.
        return info.ns.inode ? std::make_pair(0, *info.ns.inode) : std::make_pair(1, info.placeholderOrder);
    };
    for (NsId id = 0; id < static_cast<NsId>(m_ns.size()); ++id) {
        if (!m_ns[id].known)
            continue;
        if (m_ns[id].parent == kNoNs)
            roots.push_back(id);
        else
            children[m_ns[id].parent].push_back(id);
    }
    auto bySortKey = [&](NsId a, NsId b) { return sortKey(a) < sortKey(b); };
    std::sort(roots.begin(), roots.end(), bySortKey);
    for (auto &list : children)
        std::sort(list.begin(), list.end(), bySortKey);

    std::vector<std::pair<NsId, int>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) {
        const PidNamespace &ns = m_ns[*it].ns;
        stack.emplace_back(*it, ns.inode && *ns.inode == kInitialPidNsInode ? 0 : -1);
    }
    while (!stack.empty()) {
        auto [id, depth] = stack.back();
        stack.pop_back();
        const NsInfo &info = m_ns[id];
        PidNamespace ns = info.ns;
        ns.depth = depth;
        if (info.parent != kNoNs) {
            ns.parent = m_ns[info.parent].key;
            ns.evidence.insert(ns.evidence.end(), info.parentEvidence.begin(), info.parentEvidence.end());
        } else if (ns.inode && *ns.inode == kInitialPidNsInode) {
            Evidence root;
            root.kind = EvidenceKind::InitialNamespace;
            ns.evidence.push_back(worded(std::move(root)));
        } else if (ns.inode) {
            Evidence above;
            above.kind = EvidenceKind::NoVantageAbove;
            above.subject = info.key;
            ns.evidence.push_back(worded(std::move(above)));
        }
        snapshot.pidNamespaces.push_back(std::move(ns));
        m_order.push_back(id);
        const auto &list = children[id];
        for (auto it = list.rbegin(); it != list.rend(); ++it)
            stack.emplace_back(*it, depth < 0 ? -1 : depth + 1);
    }
}

// The first distro at or above from (the guard stops at a parent loop, which setParent prevents).
std::string Inference::nearestDistro(NsId from) const
{
    NsId at = from;
    for (std::size_t guard = 0; guard <= m_parentCount && at != kNoNs; ++guard) {
        const PidNamespace &ns = m_ns[at].ns;
        if (ns.role == NamespaceRole::Distro && !ns.distros.empty())
            return ns.distros.front();
        at = m_ns[at].parent;
    }
    return {};
}

// The keys of ns and its ancestors, ns first.
std::vector<std::string> Inference::ancestorKeys(NsId ns) const
{
    std::vector<std::string> keys;
    for (NsId at = ns; at != kNoNs;) {
        keys.push_back(m_ns[at].key);
        at = m_ns[at].parent;
        if (keys.size() > m_parentCount + 1)
            break;
    }
    return keys;
}

// One vantage's sighting of a process, with the position of its namespace in the snapshot.
struct Sighting
{
    std::size_t position;
    NsId ns;
    int pid; // innermost
    const VantageView *view;
    std::size_t index;

    const ProcessObservation &process() const { return view->obs->processes[index]; }
};

// Every placed sighting, ordered like the snapshot: by namespace position, then innermost pid. Sightings
// of one process (same namespace and innermost pid) stay in vantage order, so the first vantage to see it
// comes first in seen_by.
std::vector<Sighting> sightingsInOrder(const std::vector<VantageView> &views,
                                       const std::vector<std::size_t> &position)
{
    std::vector<Sighting> sightings;
    std::size_t total = 0;
    for (const VantageView &view : views)
        total += view.nsOf.size();
    sightings.reserve(total);
    for (const VantageView &view : views) {
        const auto &procs = view.obs->processes;
        for (std::size_t i = 0; i < procs.size(); ++i) {
            if (view.nsOf[i] != kNoNs)
                sightings.push_back(
                    {position[view.nsOf[i]], view.nsOf[i], procs[i].innermostPid(), &view, i});
        }
    }
    std::stable_sort(sightings.begin(), sightings.end(), [](const Sighting &a, const Sighting &b) {
        if (a.position != b.position)
            return a.position < b.position;
        return a.ns != b.ns ? a.ns < b.ns : a.pid < b.pid;
    });
    return sightings;
}

// One process from all its sightings: the one with the longest NSpid (seen from highest up) tells most.
// ancestors are the keys of its namespace and those above, its namespace first.
Process mergeSightings(const Sighting *first, const Sighting *last, const std::string &distro,
                       const std::vector<std::string> &ancestors)
{
    const Sighting *best = first;
    std::vector<std::string> seenBy;
    for (const Sighting *other = first; other != last; ++other) {
        seenBy.push_back(other->view->run->spec.name);
        if (other->process().nspid.size() > best->process().nspid.size())
            best = other;
    }
    const ProcessObservation &p = best->process();
    Process out;
    out.name = p.name;
    out.cmdline = p.cmdline;
    out.pidNs = ancestors.front();
    out.ppid = p.ppid;
    out.uid = p.uid;
    out.startTicks = p.startTicks;
    const VantageObservation &units = *best->view->obs;
    if (p.rssPages && units.pageSize)
        out.rssBytes = *p.rssPages * *units.pageSize;
    if (p.utimeTicks && p.stimeTicks && units.clockTicksPerSecond)
        out.cpuSeconds = static_cast<double>(*p.utimeTicks + *p.stimeTicks) /
                         static_cast<double>(*units.clockTicksPerSecond);
    out.container = p.container;
    out.ns = p.ns;
    out.seenBy = std::move(seenBy);
    out.distro = distro;
    const std::size_t links = std::min(p.nspid.size(), ancestors.size());
    out.chain.reserve(links);
    for (std::size_t k = links; k-- > 0;)
        out.chain.push_back({ancestors[k], p.nspid[p.nspid.size() - 1 - k]});
    return out;
}

void Inference::mergeProcesses(Snapshot &snapshot)
{
    std::vector<std::size_t> position(m_ns.size(), m_order.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        position[m_order[i]] = i;
    const std::vector<Sighting> sightings = sightingsInOrder(m_views, position);

    std::vector<int> counts(m_order.size(), 0);
    NsId group = kNoNs;
    std::string groupDistro;
    std::vector<std::string> ancestors; // the own namespace first, then up
    for (std::size_t s = 0; s < sightings.size();) {
        const Sighting &first = sightings[s];
        if (first.ns != group) {
            // A new namespace: its distro (the nearest at or above it) and its ancestors, once.
            group = first.ns;
            groupDistro = nearestDistro(group);
            ancestors = ancestorKeys(group);
        }
        std::size_t next = s;
        while (next < sightings.size() && sightings[next].ns == first.ns && sightings[next].pid == first.pid)
            ++next;
        snapshot.processes.push_back(mergeSightings(&first, sightings.data() + next, groupDistro, ancestors));
        if (first.position < counts.size())
            ++counts[first.position];
        s = next;
    }
    for (std::size_t i = 0; i < snapshot.pidNamespaces.size(); ++i)
        snapshot.pidNamespaces[i].processCount = counts[i];
}

// A namespace nobody landed in whose processes all run in one container is that container: lxkns names
// them too, and "Nested in docker-desktop (init: sh)" says less than "Docker container 3f4e5a6b7c8d".
void Inference::nameContainers(Snapshot &snapshot)
{
    std::map<std::string, std::optional<ContainerRef>> only; // namespace -> its one container, or nothing
    for (const Process &p : snapshot.processes) {
        auto [it, first] = only.try_emplace(p.pidNs, p.container);
        if (!first && it->second != p.container)
            it->second.reset();
    }
    for (PidNamespace &ns : snapshot.pidNamespaces) {
        const auto it = only.find(ns.id);
        if (ns.role != NamespaceRole::Unknown || it == only.end() || !it->second)
            continue;
        ns.role = NamespaceRole::Container;
        const std::string nestedIn = ns.name.kind == NameKind::NestedIn ? ns.name.subject : std::string();
        ns.name = {NameKind::Container, nestedIn, {}, ns.name.init, it->second};
        ns.label = englishLabel(ns.name);
    }
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
        if (net.distros.size() > 1)
            snapshot.network.findings.push_back(
                makeFinding(Severity::Info, FindingCode::NetNsShared,
                            {{"distros", text::joined(net.distros)}, {"net", net.id}}));
        if (net.distros.size() == 1 && snapshot.network.namespaces.size() > 1)
            snapshot.network.findings.push_back(makeFinding(
                Severity::Info, FindingCode::NetNsOwn, {{"distro", net.distros.front()}, {"net", net.id}}));
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
        for (const NsId ns : view.seen)
            m_ns[ns].known = true;
        collectFacts(view);
        for (const NsId ns : view.seen) {
            NsInfo &info = m_ns[ns];
            if (const auto *members = view.membersOf(ns); members && !info.initName) {
                for (std::size_t i : *members) {
                    if (view.obs->processes[i].innermostPid() == 1) {
                        info.initName = view.obs->processes[i].name;
                        break;
                    }
                }
            }
        }
    }
    resolveParents();
    assignRoles();
    orderNamespaces(snapshot);
    mergeProcesses(snapshot);
    nameContainers(snapshot);
    buildNetwork(snapshot);

    for (const VantageRun &r : m_runs) {
        if (!r.observation && !r.note.empty()) {
            const std::string distro = r.spec.distro.empty() ? r.spec.name : r.spec.distro;
            Finding note =
                makeFinding(Severity::Info, r.noteCode, {{"vantage", r.spec.name}, {"distro", distro}});
            if (note.text.empty()) // a note without a code of its own: its words as they came
                note = {Severity::Info, "vantage " + r.spec.name + ": " + r.note, FindingCode::Other, {}};
            snapshot.findings.push_back(std::move(note));
            continue;
        }
        VantageReport report;
        report.name = r.spec.name;
        report.role = r.spec.role;
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
            report.memory = obs.memory;
            report.warnings.insert(report.warnings.end(), obs.warnings.begin(), obs.warnings.end());
            for (const VantageView &view : m_views)
                if (view.run == &r)
                    report.warnings.insert(report.warnings.end(), view.warnings.begin(), view.warnings.end());
        }
        snapshot.vantages.push_back(std::move(report));
    }
    snapshot.findings.insert(snapshot.findings.end(), m_conflicts.begin(), m_conflicts.end());
    return snapshot;
}

} // namespace

Snapshot inferSnapshot(const std::vector<VantageRun> &runs, std::string takenAt)
{
    return Inference(runs).run(std::move(takenAt));
}

} // namespace wslatlas
