// kernel_truth: the independent judge of the kernel tests. It reads a snapshot written by wslatlas-cli and
// checks it against what the kernel itself says: /proc read from this (the machine's) pid namespace, the
// namespace links of live processes, and NS_GET_PARENT on pid namespace file descriptors. It shares no code
// with core on purpose: a bug in the inference must not be able to hide itself here.
//
//   kernel_truth census ROOT_PID... [--with-zombies]
//       Prints "PID STARTTIME NAME" for every live process whose pid namespace is the one of a ROOT_PID or
//       below it, zombies excepted. Taken before a snapshot: the processes that every vantage above them
//       must report.
//   kernel_truth verify --snapshot SNAP.json --plan PLAN.json [--census FILE] [--label TEXT]
//                       [--expect-failed NAME]... [--expect-ns PID=ROLE]...
//       Prints every mismatch between the snapshot and the kernel; exit 0 when there is none, 1 when there
//       are some, 2 on bad usage or unreadable input.
//   kernel_truth mutate IN.json OUT.json KIND ARGS...
//       Plants one error in a snapshot, so that the test can show that `verify` catches it: reparent NS_PID
//       PARENT_PID, orphan NS_PID, role NS_PID ROLE, placeholder NS_PID..., chain-pid PID, chain-truncate
//       PID, ppid PID, drop-process PID, net-move DISTRO NET_PID (PIDs as the machine's namespace numbers
//       them; NS_PID stands for that process's pid namespace).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <linux/nsfs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using Inode = std::uint64_t;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------------------
// What the kernel says

struct KernelProcess
{
    int pid = 0;
    Inode pidNs = 0;
    Inode netNs = 0;
    std::vector<int> nspid; // outermost (this namespace) first
    int ppid = 0;           // in this namespace's terms
    std::string name;       // /proc/PID/comm
    std::uint64_t startTicks = 0;
    char state = '?'; // R, S, D, Z, ...
};

std::optional<std::string> readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::optional<Inode> nsInode(int pid, const char *type)
{
    struct stat st
    {};
    const std::string path = "/proc/" + std::to_string(pid) + "/ns/" + type;
    if (::stat(path.c_str(), &st) != 0) { // stat, not lstat: the namespace itself
        return std::nullopt;
    }
    return static_cast<Inode>(st.st_ino);
}

// Fields 3 (state) and 22 (start time in clock ticks) of /proc/PID/stat.
std::optional<std::pair<char, std::uint64_t>> stateAndStartOf(int pid)
{
    const auto stat = readFile("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) {
        return std::nullopt;
    }
    const auto close = stat->rfind(')'); // COMM may hold spaces and parentheses
    if (close == std::string::npos) {
        return std::nullopt;
    }
    std::istringstream fields(stat->substr(close + 1));
    std::string field;
    char state = '?';
    for (int i = 3; i <= 22; ++i) {
        if (!(fields >> field)) {
            return std::nullopt;
        }
        if (i == 3) {
            state = field.front();
        }
    }
    try {
        return std::make_pair(state, static_cast<std::uint64_t>(std::stoull(field)));
    } catch (...) {
        return std::nullopt;
    }
}

std::optional<KernelProcess> readProcess(int pid)
{
    KernelProcess p;
    p.pid = pid;
    const auto pidNs = nsInode(pid, "pid");
    const auto netNs = nsInode(pid, "net");
    const auto status = readFile("/proc/" + std::to_string(pid) + "/status");
    const auto comm = readFile("/proc/" + std::to_string(pid) + "/comm");
    const auto start = stateAndStartOf(pid);
    if (!pidNs || !status || !comm || !start) {
        return std::nullopt; // exited while we looked, or a kernel thread without links
    }
    p.pidNs = *pidNs;
    p.netNs = netNs.value_or(0);
    p.name = *comm;
    while (!p.name.empty() && p.name.back() == '\n') {
        p.name.pop_back();
    }
    p.state = start->first;
    p.startTicks = start->second;
    std::istringstream lines(*status);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("PPid:", 0) == 0) {
            p.ppid = std::atoi(line.c_str() + 5);
        } else if (line.rfind("NSpid:", 0) == 0) {
            std::istringstream values(line.substr(6));
            int v = 0;
            while (values >> v) {
                p.nspid.push_back(v);
            }
        }
    }
    if (p.nspid.empty()) {
        return std::nullopt;
    }
    return p;
}

class Kernel
{
public:
    Kernel() = default;
    Kernel(const Kernel &) = delete;
    Kernel &operator=(const Kernel &) = delete;
    ~Kernel()
    {
        for (const auto &[inode, fd] : nsFds_) {
            ::close(fd);
        }
    }

    void scan()
    {
        for (const auto &entry : std::filesystem::directory_iterator("/proc")) {
            const std::string name = entry.path().filename().string();
            if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) {
                continue;
            }
            const int pid = std::stoi(name);
            auto p = readProcess(pid);
            if (!p) {
                continue;
            }
            byNsPid_[{p->pidNs, p->nspid.back()}] = pid;
            if (!nsFds_.count(p->pidNs)) {
                // Keep a handle on every pid namespace: its ancestry stays readable even if this process
                // exits.
                const std::string path = "/proc/" + name + "/ns/pid";
                const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
                struct stat st
                {};
                if (fd >= 0 && ::fstat(fd, &st) == 0 && static_cast<Inode>(st.st_ino) == p->pidNs) {
                    nsFds_[p->pidNs] = fd;
                } else if (fd >= 0) {
                    ::close(fd);
                }
            }
            procs_[pid] = std::move(*p);
        }
    }

    const KernelProcess *byPid(int pid) const
    {
        const auto it = procs_.find(pid);
        return it == procs_.end() ? nullptr : &it->second;
    }

    const KernelProcess *find(Inode ns, int innermostPid) const
    {
        const auto it = byNsPid_.find({ns, innermostPid});
        return it == byNsPid_.end() ? nullptr : byPid(it->second);
    }

    bool alive(Inode ns) const { return nsFds_.count(ns) != 0; }

    // [ns, parent, grandparent, ...] up to the top this process may see (NS_GET_PARENT fails with EPERM
    // above our own pid namespace). Empty when no live process is in ns.
    const std::vector<Inode> &ancestors(Inode ns)
    {
        static const std::vector<Inode> none;
        if (const auto it = ancestors_.find(ns); it != ancestors_.end()) {
            return it->second;
        }
        const auto fdIt = nsFds_.find(ns);
        if (fdIt == nsFds_.end()) {
            return none;
        }
        std::vector<Inode> chain{ns};
        int fd = ::dup(fdIt->second);
        while (fd >= 0 && chain.size() < 64) {
            const int parent = ::ioctl(fd, NS_GET_PARENT);
            ::close(fd);
            fd = -1;
            if (parent < 0) {
                break; // EPERM: the top of what we may see
            }
            struct stat st
            {};
            if (::fstat(parent, &st) != 0) {
                ::close(parent);
                break;
            }
            chain.push_back(static_cast<Inode>(st.st_ino));
            fd = parent;
        }
        return ancestors_[ns] = std::move(chain);
    }

    bool isAncestorOrSelf(Inode ancestor, Inode ns)
    {
        for (const Inode a : ancestors(ns)) {
            if (a == ancestor) {
                return true;
            }
        }
        return false;
    }

    const std::map<int, KernelProcess> &processes() const { return procs_; }

private:
    std::map<int, KernelProcess> procs_;
    std::map<std::pair<Inode, int>, int> byNsPid_;
    std::map<Inode, int> nsFds_;
    std::map<Inode, std::vector<Inode>> ancestors_;
};

// ---------------------------------------------------------------------------------------------------------
// Reporting

class Report
{
public:
    explicit Report(std::string label) : label_(std::move(label)) {}

    void mismatch(const std::string &text)
    {
        ++mismatches_;
        std::cout << "MISMATCH [" << label_ << "]: " << text << '\n';
    }
    void note(const std::string &text) { std::cout << "note [" << label_ << "]: " << text << '\n'; }
    void check() { ++checks_; }
    int mismatches() const { return mismatches_; }
    int checks() const { return checks_; }
    const std::string &label() const { return label_; }

private:
    std::string label_;
    int mismatches_ = 0;
    int checks_ = 0;
};

std::string pidId(Inode inode)
{
    return "pid:[" + std::to_string(inode) + "]";
}

std::string netId(Inode inode)
{
    return "net:[" + std::to_string(inode) + "]";
}

// "pid:[4026532245]" -> 4026532245; nullopt for placeholders ("pid:[?1]") and anything else.
std::optional<Inode> inodeOfId(const std::string &id, const std::string &type)
{
    const std::string prefix = type + ":[";
    if (id.rfind(prefix, 0) != 0 || id.size() < prefix.size() + 2 || id.back() != ']') {
        return std::nullopt;
    }
    const std::string digits = id.substr(prefix.size(), id.size() - prefix.size() - 1);
    if (digits.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    try {
        return std::stoull(digits);
    } catch (...) {
        return std::nullopt;
    }
}

bool isPlaceholder(const std::string &id)
{
    return id.rfind("pid:[?", 0) == 0;
}

std::string str(const json &object, const char *key)
{
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::string chainText(const json &chain)
{
    std::string text;
    for (const auto &link : chain) {
        text += (text.empty() ? "" : " ") + str(link, "ns") + "=" +
                (link.contains("pid") ? link["pid"].dump() : std::string("?"));
    }
    return "[" + text + "]";
}

std::string nspidText(const std::vector<int> &nspid)
{
    std::string text;
    for (const int v : nspid) {
        text += (text.empty() ? "" : " ") + std::to_string(v);
    }
    return text;
}

// ---------------------------------------------------------------------------------------------------------
// The verification

struct Vantage
{
    std::string name;
    std::string role; // vm, system, distro, host
    std::string distro;
    int targetPid = 0; // the process whose namespaces the command enters
    bool expectFailed = false;
    bool ok = false; // as the snapshot reports it
    Inode pidNs = 0; // kernel: where it landed
    Inode netNs = 0;
};

struct Options
{
    std::string snapshot;
    std::string plan;
    std::string census;
    std::string label = "snapshot";
    std::set<std::string> expectFailed;
    std::vector<std::pair<int, std::string>> expectNs;
};

int targetPidOf(const json &command)
{
    if (!command.is_array()) {
        return 0;
    }
    for (std::size_t i = 0; i < command.size(); ++i) {
        if (!command[i].is_string()) {
            continue;
        }
        const std::string arg = command[i].get<std::string>();
        std::string value;
        if ((arg == "-t" || arg == "--target") && i + 1 < command.size() && command[i + 1].is_string()) {
            value = command[i + 1].get<std::string>();
        } else if (arg.rfind("--target=", 0) == 0) {
            value = arg.substr(9);
        }
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
            return std::stoi(value);
        }
    }
    return ::getpid(); // a plain `sh -s` lands where we are
}

std::string expectedRoleForVantage(const std::string &role)
{
    if (role == "vm") {
        return "vm";
    }
    if (role == "system") {
        return "wslg";
    }
    if (role == "distro") {
        return "distro";
    }
    if (role == "host") {
        return "host";
    }
    return {};
}

class Verifier
{
public:
    Verifier(Kernel &kernel, Report &report, const json &snapshot) : k_(kernel), r_(report), snap_(snapshot)
    {}

    bool loadPlan(const json &plan, const Options &options)
    {
        if (!plan.is_object() || !plan.contains("vantages") || !plan["vantages"].is_array()) {
            std::cerr << "kernel_truth: the plan has no \"vantages\" array\n";
            return false;
        }
        for (const auto &v : plan["vantages"]) {
            Vantage vantage;
            vantage.name = str(v, "name");
            vantage.role = str(v, "role");
            vantage.distro = str(v, "distro");
            vantage.expectFailed = options.expectFailed.count(vantage.name) != 0;
            if (!vantage.expectFailed) {
                vantage.targetPid = targetPidOf(v.value("command", json::array()));
                const auto pidNs = nsInode(vantage.targetPid, "pid");
                const auto netNs = nsInode(vantage.targetPid, "net");
                if (!pidNs || !netNs) {
                    std::cerr << "kernel_truth: vantage " << vantage.name << ": process " << vantage.targetPid
                              << " is gone; cannot judge\n";
                    return false;
                }
                vantage.pidNs = *pidNs;
                vantage.netNs = *netNs;
            }
            vantages_.push_back(vantage);
        }
        return true;
    }

    void run(const Options &options, const std::vector<std::pair<int, std::uint64_t>> &census)
    {
        checkSchema();
        checkVantages();
        indexNamespaces();
        checkNamespaces();
        checkExpectedNamespaces(options.expectNs);
        checkProcesses(census);
        checkNetwork();
        std::cout << "kernel_truth [" << r_.label() << "]: " << r_.checks() << " checks, "
                  << namespaces_.size() << " pid namespaces, " << processesChecked_
                  << " processes checked against /proc (" << processesGone_ << " exited since), "
                  << censusChecked_ << " long-lived processes accounted for, " << r_.mismatches()
                  << " mismatches\n";
    }

private:
    // The vantages that worked and landed in a namespace: they define what could be seen.
    std::vector<const Vantage *> landed() const
    {
        std::vector<const Vantage *> out;
        for (const auto &v : vantages_) {
            if (v.ok && v.pidNs != 0) {
                out.push_back(&v);
            }
        }
        return out;
    }

    // The outermost working vantage whose namespace is anc[from] or above (anc: a kernel ancestor list).
    const Vantage *outermostSeer(const std::vector<Inode> &anc, std::size_t from) const
    {
        const Vantage *best = nullptr;
        std::size_t bestLevel = 0;
        for (const Vantage *v : landed()) {
            for (std::size_t i = from; i < anc.size(); ++i) {
                if (anc[i] == v->pidNs && (!best || i > bestLevel)) {
                    best = v;
                    bestLevel = i;
                }
            }
        }
        return best;
    }

    void checkSchema()
    {
        r_.check();
        if (str(snap_, "schema") != "wslatlas.snapshot/1") {
            r_.mismatch("schema is \"" + str(snap_, "schema") + "\", expected \"wslatlas.snapshot/1\"");
        }
    }

    void checkVantages()
    {
        std::map<std::string, const json *> byName;
        if (snap_.contains("vantages") && snap_["vantages"].is_array()) {
            for (const auto &v : snap_["vantages"]) {
                byName[str(v, "name")] = &v;
            }
        }
        for (auto &v : vantages_) {
            r_.check();
            const auto it = byName.find(v.name);
            if (it == byName.end()) {
                r_.mismatch("vantage \"" + v.name + "\" of the plan is missing from the snapshot");
                continue;
            }
            const json &s = *it->second;
            v.ok = s.value("ok", false);
            const std::string error = str(s, "error");
            if (v.expectFailed) {
                if (v.ok) {
                    r_.mismatch("vantage \"" + v.name + "\" should have failed but has ok: true");
                } else if (error.empty()) {
                    r_.mismatch("vantage \"" + v.name + "\" failed without an error text");
                } else {
                    r_.note("vantage \"" + v.name + "\" failed as expected: " + error);
                }
                continue;
            }
            if (!v.ok) {
                r_.mismatch("vantage \"" + v.name +
                            "\" failed: " + (error.empty() ? "(no error text)" : error));
                continue;
            }
            if (str(s, "role") != v.role) {
                r_.mismatch("vantage \"" + v.name + "\" has role \"" + str(s, "role") +
                            "\", the plan says \"" + v.role + "\"");
            }
            const std::string pidNs = str(s, "pid_ns");
            if (pidNs != pidId(v.pidNs)) {
                r_.mismatch("vantage \"" + v.name + "\" reports pid_ns \"" + pidNs + "\"; the kernel says " +
                            "its command lands in " + pidId(v.pidNs) + " (process " +
                            std::to_string(v.targetPid) + ")");
            }
            const std::string netNs = str(s, "net_ns");
            if (!netNs.empty() && netNs != netId(v.netNs)) {
                r_.mismatch("vantage \"" + v.name + "\" reports net_ns \"" + netNs + "\"; the kernel says " +
                            netId(v.netNs));
            }
        }
    }

    void indexNamespaces()
    {
        if (!snap_.contains("pid_namespaces") || !snap_["pid_namespaces"].is_array()) {
            r_.mismatch("the snapshot has no \"pid_namespaces\" array");
            return;
        }
        for (const auto &ns : snap_["pid_namespaces"]) {
            const std::string id = str(ns, "id");
            r_.check();
            if (id.empty()) {
                r_.mismatch("a pid namespace without an id: " + ns.dump());
                continue;
            }
            if (!namespaces_.emplace(id, &ns).second) {
                r_.mismatch("pid namespace " + id + " is listed twice");
            }
        }
        // Parents come before their children (snapshot.h), so that a reader can build the tree in one pass.
        std::set<std::string> before;
        for (const auto &ns : snap_["pid_namespaces"]) {
            const std::string parent = str(ns, "parent");
            r_.check();
            if (!parent.empty() && namespaces_.count(parent) && !before.count(parent)) {
                r_.mismatch("pid namespace " + str(ns, "id") + " comes before its parent " + parent);
            }
            before.insert(str(ns, "id"));
        }
    }

    std::string parentOf(const std::string &id) const
    {
        const auto it = namespaces_.find(id);
        return it == namespaces_.end() ? std::string{} : str(*it->second, "parent");
    }

    std::string expectedRole(Inode ns)
    {
        std::set<std::string> fromVantages;
        for (const Vantage *v : landed()) {
            if (v->pidNs == ns) {
                fromVantages.insert(expectedRoleForVantage(v->role));
            }
        }
        if (fromVantages.size() == 1) {
            return *fromVantages.begin();
        }
        if (fromVantages.size() > 1) {
            return {}; // two kinds of vantage in one namespace: no single right answer
        }
        // No vantage landed here: between the VM and a distro it is an isolation level.
        const std::vector<Inode> &anc = k_.ancestors(ns);
        bool belowVm = false;
        for (const Vantage *v : landed()) {
            for (std::size_t i = 1; i < anc.size(); ++i) {
                belowVm = belowVm || (v->role == "vm" && anc[i] == v->pidNs);
            }
        }
        if (!belowVm) {
            return {};
        }
        for (const Vantage *v : landed()) {
            if ((v->role == "distro" || v->role == "system") && v->pidNs != ns &&
                k_.isAncestorOrSelf(ns, v->pidNs)) {
                return "isolation";
            }
        }
        return {};
    }

    void checkNamespaces()
    {
        std::map<std::string, std::set<Inode>> placeholderStandsFor;
        std::map<std::string, std::set<std::string>> placeholderChildren;
        for (const auto &[id, nsPtr] : namespaces_) {
            const json &ns = *nsPtr;
            const std::string parent = str(ns, "parent");
            r_.check();
            if (!parent.empty() && !namespaces_.count(parent)) {
                r_.mismatch(id + " has parent " + parent + ", which the snapshot does not list");
            }
            if (isPlaceholder(id)) {
                continue; // judged through the namespaces below it
            }
            const auto inode = inodeOfId(id, "pid");
            if (!inode || !ns.contains("inode") || !ns["inode"].is_number_unsigned() ||
                ns["inode"].get<Inode>() != *inode) {
                r_.mismatch(id + ": id and inode disagree (" + ns.dump() + ")");
                continue;
            }
            const std::vector<Inode> &anc = k_.ancestors(*inode);
            if (anc.empty()) {
                r_.mismatch(id + ": no live process is in this namespace, so the kernel cannot confirm it");
                continue;
            }

            // Walk the snapshot's parents up from here, level by level, against the kernel's ancestors.
            std::string cur = id;
            for (std::size_t level = 1; level < 64; ++level) {
                const std::string p = parentOf(cur);
                const Inode truth = level < anc.size() ? anc[level] : 0; // 0: above our own namespace
                const Vantage *seer = truth ? outermostSeer(anc, level) : nullptr;
                r_.check();
                if (p.empty()) {
                    if (seer) {
                        r_.mismatch(cur + " has no parent in the snapshot, but the kernel's " + pidId(truth) +
                                    " (parent of " + cur + ") was in view of vantage \"" + seer->name + "\"");
                    }
                    break;
                }
                if (isPlaceholder(p)) {
                    if (!truth) {
                        r_.mismatch(cur + " has placeholder parent " + p +
                                    " but the kernel says there is no level above it");
                    } else if (seer) {
                        r_.mismatch(cur + " has placeholder parent " + p + " for the kernel's " +
                                    pidId(truth) + ", which vantage \"" + seer->name + "\" saw");
                    }
                    if (truth) {
                        placeholderStandsFor[p].insert(truth);
                    }
                    placeholderChildren[p].insert(cur);
                    cur = p;
                    continue;
                }
                const auto pInode = inodeOfId(p, "pid");
                if (!pInode || *pInode != truth) {
                    r_.mismatch((cur == id ? id : cur + " (above " + id + ")") + " has parent " + p +
                                "; the kernel says " + (truth ? pidId(truth) : std::string("none visible")) +
                                (level > 1 ? " (ancestor " + std::to_string(level) + " levels up)" : ""));
                }
                break;
            }

            r_.check();
            const std::string role = str(ns, "role");
            const std::string expected = expectedRole(*inode);
            if (!expected.empty() && role != expected) {
                r_.mismatch(id + " has role \"" + role + "\", expected \"" + expected + "\"");
            } else if (expected.empty()) {
                r_.note(id + " has role \"" + role + "\" (not judged)");
            }
        }
        for (const auto &[placeholder, truths] : placeholderStandsFor) {
            r_.check();
            std::string children;
            for (const auto &c : placeholderChildren[placeholder]) {
                children += (children.empty() ? "" : ", ") + c;
            }
            if (truths.size() > 1) {
                r_.mismatch("placeholder " + placeholder + " joins " + children +
                            ", whose parents differ in the kernel: a guessed parent");
            } else if (placeholderChildren[placeholder].size() > 1) {
                r_.note("placeholder " + placeholder + " is shared by " + children +
                        " (right in the kernel; make sure the data showed it)");
            }
        }
    }

    void checkExpectedNamespaces(const std::vector<std::pair<int, std::string>> &expectations)
    {
        for (const auto &[pid, role] : expectations) {
            r_.check();
            const auto inode = nsInode(pid, "pid");
            if (!inode) {
                r_.mismatch("--expect-ns: process " + std::to_string(pid) + " is gone");
                continue;
            }
            const auto it = namespaces_.find(pidId(*inode));
            if (it == namespaces_.end()) {
                r_.mismatch(pidId(*inode) + " (namespace of process " + std::to_string(pid) +
                            ") is missing from the snapshot; expected role \"" + role + "\"");
            } else if (str(*it->second, "role") != role) {
                r_.mismatch(pidId(*inode) + " (namespace of process " + std::to_string(pid) +
                            ") has role \"" + str(*it->second, "role") + "\", expected \"" + role + "\"");
            }
        }
    }

    void checkProcesses(const std::vector<std::pair<int, std::uint64_t>> &census)
    {
        if (!snap_.contains("processes") || !snap_["processes"].is_array()) {
            r_.mismatch("the snapshot has no \"processes\" array");
            return;
        }
        std::set<int> censusPids;
        for (const auto &[pid, start] : census) {
            const KernelProcess *kp = k_.byPid(pid);
            if (kp && kp->startTicks == start) {
                censusPids.insert(pid);
            }
        }
        std::set<std::pair<Inode, int>> reported;
        for (const auto &p : snap_["processes"]) {
            r_.check();
            const std::string own = str(p, "pid_ns");
            const json chain = p.value("chain", json::array());
            const std::string what = "process \"" + str(p, "cmdline") + "\" " + chainText(chain);
            const auto ownInode = inodeOfId(own, "pid");
            if (!ownInode) {
                r_.mismatch(what + ": its own pid_ns \"" + own + "\" is not a known namespace");
                continue;
            }
            if (!namespaces_.count(own)) {
                r_.mismatch(what + ": its pid_ns " + own + " is not in pid_namespaces");
            }
            if (!chain.is_array() || chain.empty() || !chain.back().contains("pid") ||
                !chain.back()["pid"].is_number_integer()) {
                r_.mismatch(what + ": no usable chain");
                continue;
            }
            if (str(chain.back(), "ns") != own) {
                r_.mismatch(what + ": the chain does not end in its own namespace " + own);
            }
            const int innermost = chain.back()["pid"].get<int>();
            if (!reported.insert({*ownInode, innermost}).second) {
                r_.mismatch(what + ": reported twice");
            }
            const KernelProcess *kp = k_.find(*ownInode, innermost);
            if (!kp) {
                ++processesGone_; // a collector of another vantage, or the like: it has exited since
                continue;
            }
            if (p.contains("name") && str(p, "name") != kp->name) {
                r_.note(what + " is now \"" + kp->name + "\" (pid reused?); not judged");
                ++processesGone_;
                continue;
            }
            ++processesChecked_;
            const std::vector<Inode> &anc = k_.ancestors(*ownInode);
            const std::string kernelText =
                " (kernel: process " + std::to_string(kp->pid) + " NSpid " + nspidText(kp->nspid) + ")";
            if (chain.size() > kp->nspid.size() || chain.size() > anc.size()) {
                r_.mismatch(what + ": the chain is longer than the kernel's" + kernelText);
                continue;
            }
            const std::size_t offset = kp->nspid.size() - chain.size();
            for (std::size_t i = 0; i < chain.size(); ++i) {
                const json &link = chain[i];
                const int pid = link.value("pid", 0);
                if (pid != kp->nspid[offset + i]) {
                    r_.mismatch(what + ": chain pid " + std::to_string(pid) + " at position " +
                                std::to_string(i) + " differs from NSpid" + kernelText);
                }
                const Inode level = anc[chain.size() - 1 - i];
                if (str(link, "ns") != pidId(level)) {
                    r_.mismatch(what + ": chain namespace " + str(link, "ns") + " at position " +
                                std::to_string(i) + "; the kernel says " + pidId(level) + kernelText);
                } else if (!namespaces_.count(pidId(level))) {
                    r_.mismatch(what + ": chain namespace " + pidId(level) + " is not in pid_namespaces");
                }
            }
            // ppid is in the outermost chain namespace's terms, 0 when the parent is not visible there.
            // Judged for long-lived processes only: a transient one may have been re-parented since.
            if (censusPids.count(kp->pid) && p.contains("ppid") && p["ppid"].is_number_integer()) {
                const KernelProcess *parent = k_.byPid(kp->ppid);
                const Inode top = anc[chain.size() - 1];
                int expected = 0;
                if (parent && k_.isAncestorOrSelf(top, parent->pidNs)) {
                    const std::size_t topDepth = anc.size() - chain.size(); // top's depth below our namespace
                    if (topDepth < parent->nspid.size()) {
                        expected = parent->nspid[topDepth];
                    }
                }
                if (p["ppid"].get<int>() != expected) {
                    r_.mismatch(what + ": ppid " + p["ppid"].dump() + ", expected " +
                                std::to_string(expected) + " in " + pidId(top) + "'s terms (kernel: parent " +
                                std::to_string(kp->ppid) + ")");
                }
            }
            // The chain starts at the outermost namespace that a vantage saw the process from.
            const Vantage *top = outermostSeer(anc, 0);
            std::size_t topLevel = 0;
            for (std::size_t i = 0; top && i < anc.size(); ++i) {
                if (anc[i] == top->pidNs) {
                    topLevel = i;
                }
            }
            bool chainStartsAtVantage = false;
            for (const Vantage *v : landed()) {
                chainStartsAtVantage = chainStartsAtVantage || str(chain.front(), "ns") == pidId(v->pidNs);
            }
            if (!chainStartsAtVantage) {
                r_.mismatch(what + ": the chain starts at " + str(chain.front(), "ns") +
                            ", where no vantage landed");
            } else if (censusPids.count(kp->pid) && top && chain.size() != topLevel + 1) {
                r_.mismatch(what + ": the chain has " + std::to_string(chain.size()) +
                            " levels, but vantage \"" + top->name + "\" saw it from " + pidId(top->pidNs) +
                            ", " + std::to_string(topLevel + 1) + " levels" + kernelText);
            }
        }

        // Every long-lived process that a working vantage could see is reported; no other one is.
        for (const int pid : censusPids) {
            const KernelProcess *kp = k_.byPid(pid);
            r_.check();
            ++censusChecked_;
            const Vantage *seer = outermostSeer(k_.ancestors(kp->pidNs), 0);
            const bool inSnapshot = reported.count({kp->pidNs, kp->nspid.back()}) != 0;
            const std::string what = "process " + std::to_string(pid) + " (" + kp->name + ", " +
                                     pidId(kp->pidNs) + ", NSpid " + nspidText(kp->nspid) + ")";
            if (seer && !inSnapshot) {
                r_.mismatch(what + " is missing, though vantage \"" + seer->name + "\" could see it");
            } else if (!seer && inSnapshot) {
                r_.mismatch(what + " is reported, though no working vantage could see it");
            }
        }
        if (!census.empty() && censusPids.empty()) {
            r_.mismatch("none of the census processes is alive: nothing was judged");
        }
    }

    void checkNetwork()
    {
        const json network = snap_.value("network", json::object());
        const json namespaces = network.value("namespaces", json::array());
        std::map<Inode, std::set<std::string>> listed;
        for (const auto &ns : namespaces) {
            r_.check();
            const std::string id = str(ns, "id");
            const auto inode = inodeOfId(id, "net");
            if (!inode) {
                r_.mismatch("network namespace with id \"" + id + "\"");
                continue;
            }
            for (const auto &d : ns.value("distros", json::array())) {
                if (d.is_string()) {
                    listed[*inode].insert(d.get<std::string>());
                }
            }
        }
        // Each distro is listed under the network namespace the kernel puts it in, and only there.
        for (const Vantage *v : landed()) {
            if (v->role != "distro" || v->distro.empty()) {
                continue;
            }
            r_.check();
            if (!listed[v->netNs].count(v->distro)) {
                r_.mismatch("distro \"" + v->distro + "\" is not listed under its network namespace " +
                            netId(v->netNs) + " (network.namespaces)");
            }
        }
        for (const auto &[inode, distros] : listed) {
            for (const auto &name : distros) {
                r_.check();
                bool there = false;
                for (const Vantage *v : landed()) {
                    there = there || (v->distro == name && v->netNs == inode &&
                                      (v->role == "distro" || v->role == "system"));
                }
                if (!there) {
                    r_.mismatch("network namespace " + netId(inode) + " lists distro \"" + name +
                                "\", which the kernel puts elsewhere");
                }
            }
        }
    }

    Kernel &k_;
    Report &r_;
    const json &snap_;
    std::vector<Vantage> vantages_;
    std::map<std::string, const json *> namespaces_;
    int processesChecked_ = 0;
    int processesGone_ = 0;
    int censusChecked_ = 0;
};

int usage(const std::string &why)
{
    std::cerr << "kernel_truth: " << why << "\n"
              << "usage: kernel_truth census ROOT_PID... [--with-zombies]\n"
              << "       kernel_truth verify --snapshot SNAP.json --plan PLAN.json [--census FILE] "
                 "[--label TEXT] [--expect-failed NAME]... [--expect-ns PID=ROLE]...\n"
              << "       kernel_truth mutate IN.json OUT.json KIND ARGS...   (the judge's own test)\n";
    return 2;
}

bool parsePid(const std::string &text, int &pid)
{
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    pid = std::stoi(text);
    return pid > 0;
}

int census(const std::vector<std::string> &args)
{
    if (args.empty()) {
        return usage("census needs at least one ROOT_PID");
    }
    // --with-zombies lists them too (the test uses it to see what a run left behind).
    std::vector<Inode> roots;
    bool withZombies = false;
    for (const auto &arg : args) {
        if (arg == "--with-zombies") {
            withZombies = true;
            continue;
        }
        int pid = 0;
        const auto inode = parsePid(arg, pid) ? nsInode(pid, "pid") : std::nullopt;
        if (!inode) {
            return usage("no process " + arg);
        }
        roots.push_back(*inode);
    }
    Kernel kernel;
    kernel.scan();
    for (const auto &[pid, p] : kernel.processes()) {
        if (p.state == 'Z' && !withZombies) {
            continue; // a zombie may be reaped at any moment: not a process every vantage must report
        }
        for (const Inode root : roots) {
            if (kernel.isAncestorOrSelf(root, p.pidNs)) {
                std::cout << pid << ' ' << p.startTicks << ' ' << p.name << '\n';
                break;
            }
        }
    }
    return 0;
}

std::optional<json> readJson(const std::string &path)
{
    const auto text = readFile(path);
    if (!text) {
        std::cerr << "kernel_truth: cannot read " << path << '\n';
        return std::nullopt;
    }
    try {
        return json::parse(*text);
    } catch (const json::exception &e) {
        std::cerr << "kernel_truth: " << path << " is not JSON: " << e.what() << '\n';
        return std::nullopt;
    }
}

// ---------------------------------------------------------------------------------------------------------
// Mutations: the judge's own test. Each one plants a single error in a good snapshot; `verify` must catch it.

std::optional<Inode> pidNsOfPid(const std::string &text)
{
    int pid = 0;
    return parsePid(text, pid) ? nsInode(pid, "pid") : std::nullopt;
}

json *findNamespace(json &snapshot, Inode inode)
{
    for (auto &ns : snapshot["pid_namespaces"]) {
        if (str(ns, "id") == pidId(inode)) {
            return &ns;
        }
    }
    return nullptr;
}

// The snapshot's entry for the process that is PID in this (the machine's) namespace.
json::iterator findProcess(json &snapshot, const std::string &pidText)
{
    int pid = 0;
    auto &processes = snapshot["processes"];
    const auto p = parsePid(pidText, pid) ? readProcess(pid) : std::nullopt;
    if (!p) {
        return processes.end();
    }
    for (auto it = processes.begin(); it != processes.end(); ++it) {
        const json &chain = (*it)["chain"];
        if (str(*it, "pid_ns") == pidId(p->pidNs) && !chain.empty() &&
            chain.back().value("pid", 0) == p->nspid.back()) {
            return it;
        }
    }
    return processes.end();
}

int mutate(const std::vector<std::string> &args)
{
    if (args.size() < 3) {
        return usage("mutate needs IN OUT KIND [ARGS]");
    }
    auto snapshot = readJson(args[0]);
    if (!snapshot) {
        return 2;
    }
    const std::string &kind = args[2];
    const std::vector<std::string> rest(args.begin() + 3, args.end());
    auto namespaceOf = [&](const std::string &pidText) -> json * {
        const auto inode = pidNsOfPid(pidText);
        return inode ? findNamespace(*snapshot, *inode) : nullptr;
    };
    bool done = false;
    if (kind == "reparent" && rest.size() == 2) { // NS_PID NEW_PARENT_PID
        json *ns = namespaceOf(rest[0]);
        const auto parent = pidNsOfPid(rest[1]);
        if (ns && parent) {
            (*ns)["parent"] = pidId(*parent);
            done = true;
        }
    } else if (kind == "orphan" && rest.size() == 1) { // NS_PID
        if (json *ns = namespaceOf(rest[0])) {
            (*ns)["parent"] = nullptr;
            done = true;
        }
    } else if (kind == "role" && rest.size() == 2) { // NS_PID ROLE
        if (json *ns = namespaceOf(rest[0])) {
            (*ns)["role"] = rest[1];
            done = true;
        }
    } else if (kind == "placeholder" && !rest.empty()) {  // NS_PID...: one shared placeholder parent
        auto &namespaces = (*snapshot)["pid_namespaces"]; // first: parents come before children
        namespaces.insert(
            namespaces.begin(),
            json::object(
                {{"id", "pid:[?77]"}, {"inode", nullptr}, {"parent", nullptr}, {"role", "unknown"}}));
        done = true;
        for (const auto &pidText : rest) {
            json *ns = namespaceOf(pidText);
            done = done && ns;
            if (ns) {
                (*ns)["parent"] = "pid:[?77]";
            }
        }
    } else if ((kind == "chain-pid" || kind == "chain-truncate" || kind == "drop-process" ||
                kind == "ppid") &&
               rest.size() == 1) {
        const auto it = findProcess(*snapshot, rest[0]);
        if (it != (*snapshot)["processes"].end()) {
            json &chain = (*it)["chain"];
            if (kind == "chain-pid") {
                chain.front()["pid"] = chain.front().value("pid", 0) + 1000;
            } else if (kind == "chain-truncate" && chain.size() > 1) {
                chain.erase(chain.begin());
            } else if (kind == "ppid") {
                (*it)["ppid"] = (*it).value("ppid", 0) + 1000;
            } else if (kind == "drop-process") {
                (*snapshot)["processes"].erase(it);
            }
            done = kind != "chain-truncate" || !chain.empty();
        }
    } else if (kind == "net-move" &&
               rest.size() == 2) { // DISTRO NET_PID: list DISTRO under NET_PID's namespace
        int pid = 0;
        const auto net = parsePid(rest[1], pid) ? nsInode(pid, "net") : std::nullopt;
        if (net) {
            json &namespaces = (*snapshot)["network"]["namespaces"];
            bool placed = false;
            for (auto &ns : namespaces) {
                json kept = json::array();
                for (const auto &d : ns.value("distros", json::array())) {
                    if (d != rest[0]) {
                        kept.push_back(d);
                    }
                }
                if (str(ns, "id") == netId(*net)) {
                    kept.push_back(rest[0]);
                    placed = true;
                }
                ns["distros"] = kept;
            }
            if (!placed) {
                namespaces.push_back({{"id", netId(*net)}, {"inode", *net}, {"distros", {rest[0]}}});
            }
            done = true;
        }
    } else {
        return usage("unknown mutation " + kind + " or wrong arguments");
    }
    if (!done) {
        std::cerr << "kernel_truth: mutation " << kind << ": its target is not in the snapshot\n";
        return 2;
    }
    std::ofstream out(args[1]);
    out << snapshot->dump(1) << '\n';
    return out ? 0 : 2;
}

int verify(const std::vector<std::string> &args)
{
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (i + 1 >= args.size()) {
            return usage("missing value after " + arg);
        }
        const std::string &value = args[++i];
        if (arg == "--snapshot") {
            options.snapshot = value;
        } else if (arg == "--plan") {
            options.plan = value;
        } else if (arg == "--census") {
            options.census = value;
        } else if (arg == "--label") {
            options.label = value;
        } else if (arg == "--expect-failed") {
            options.expectFailed.insert(value);
        } else if (arg == "--expect-ns") {
            const auto eq = value.find('=');
            int pid = 0;
            if (eq == std::string::npos || !parsePid(value.substr(0, eq), pid)) {
                return usage("--expect-ns takes PID=ROLE");
            }
            options.expectNs.emplace_back(pid, value.substr(eq + 1));
        } else {
            return usage("unknown option " + arg);
        }
    }
    if (options.snapshot.empty() || options.plan.empty()) {
        return usage("verify needs --snapshot and --plan");
    }
    const auto snapshot = readJson(options.snapshot);
    const auto plan = readJson(options.plan);
    if (!snapshot || !plan) {
        return 2;
    }
    std::vector<std::pair<int, std::uint64_t>> censusList;
    if (!options.census.empty()) {
        std::ifstream in(options.census);
        if (!in) {
            std::cerr << "kernel_truth: cannot read " << options.census << '\n';
            return 2;
        }
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            int pid = 0;
            std::uint64_t start = 0;
            if (fields >> pid >> start) {
                censusList.emplace_back(pid, start);
            }
        }
    }

    Kernel kernel;
    kernel.scan();
    Report report(options.label);
    Verifier verifier(kernel, report, *snapshot);
    if (!verifier.loadPlan(*plan, options)) {
        return 2;
    }
    verifier.run(options, censusList);
    return report.mismatches() == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        return usage("no command");
    }
    const std::string command = args.front();
    args.erase(args.begin());
    try {
        if (command == "census") {
            return census(args);
        }
        if (command == "verify") {
            return verify(args);
        }
        if (command == "mutate") {
            return mutate(args);
        }
    } catch (const std::exception &e) {
        std::cerr << "kernel_truth: " << e.what() << '\n';
        return 2;
    }
    return usage("unknown command " + command);
}
