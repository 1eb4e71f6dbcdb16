#include "tree_text.h"

#include <map>
#include <vector>

namespace wslatlas {

namespace {

constexpr std::size_t kMaxCommandWidth = 100;

std::string processText(const Process &p)
{
    std::string text = p.cmdline.empty() ? "[" + p.name + "]" : p.cmdline;
    if (text.size() > kMaxCommandWidth)
        text = text.substr(0, kMaxCommandWidth - 3) + "...";
    return text;
}

class TreeWriter
{
public:
    TreeWriter(const Snapshot &s, const TreeTextOptions &o) : m_s(s), m_o(o)
    {
        for (const PidNamespace &ns : s.pidNamespaces)
            if (!ns.parent.empty())
                m_children[ns.parent].push_back(&ns);
        for (const Process &p : s.processes)
            m_processes[p.pidNs].push_back(&p);
    }

    std::string write()
    {
        for (const PidNamespace &ns : m_s.pidNamespaces) {
            if (!ns.parent.empty())
                continue;
            writeNamespace(ns, "", "");
            if (!(ns.inode && *ns.inode == kInitialPidNsInode) && ns.role != NamespaceRole::Unknown)
                m_out += "   (parent unknown: no vantage saw above " + ns.id + ")\n";
        }
        for (const VantageReport &v : m_s.vantages)
            if (!v.ok)
                m_out += "vantage " + v.name + " failed: " + v.error + "\n";
        for (const Finding &f : m_s.findings)
            m_out += f.severity + ": " + f.text + "\n";
        return m_out;
    }

private:
    void writeNamespace(const PidNamespace &ns, const std::string &lead, const std::string &indent)
    {
        m_out += lead + ns.id + "  " + ns.label + "  (" + std::string(toString(ns.role));
        m_out += ", " + std::to_string(ns.processCount) + (ns.processCount == 1 ? " process" : " processes");
        m_out += ")\n";
        const auto &kids = m_children[ns.id];
        const std::string bar = kids.empty() ? "   " : "|  ";
        if (m_o.processes) {
            const auto &procs = m_processes[ns.id];
            std::size_t shown = 0;
            for (const Process *p : procs) {
                if (m_o.maxProcesses >= 0 && shown == static_cast<std::size_t>(m_o.maxProcesses)) {
                    m_out += indent + bar + "... " + std::to_string(procs.size() - shown) + " more\n";
                    break;
                }
                ++shown;
                std::string line = indent + bar + std::to_string(p->chain.back().pid);
                line.resize(std::max(line.size() + 1, indent.size() + bar.size() + 8), ' ');
                line += processText(*p);
                if (p->chain.size() > 1) {
                    line += "   NSpid";
                    for (const ChainLink &c : p->chain)
                        line += " " + std::to_string(c.pid);
                }
                m_out += line + "\n";
            }
        }
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const bool last = i + 1 == kids.size();
            writeNamespace(*kids[i], indent + (last ? "`- " : "|- "), indent + (last ? "   " : "|  "));
        }
    }

    const Snapshot &m_s;
    const TreeTextOptions &m_o;
    std::map<std::string, std::vector<const PidNamespace *>> m_children;
    std::map<std::string, std::vector<const Process *>> m_processes;
    std::string m_out;
};

} // namespace

std::string renderPidTree(const Snapshot &snapshot, const TreeTextOptions &options)
{
    return TreeWriter(snapshot, options).write();
}

} // namespace wslatlas
