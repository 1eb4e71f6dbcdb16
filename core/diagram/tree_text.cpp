#include "tree_text.h"

#include "text.h"

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
    TreeWriter(const SnapshotAnalysis &a, const TreeTextOptions &o) : m_a(a), m_s(a.snapshot()), m_o(o) {}

    std::string write()
    {
        for (int root : m_a.roots()) {
            const PidNamespace &ns = m_s.pidNamespaces[static_cast<std::size_t>(root)];
            writeNamespace(root, "", "");
            if (!(ns.inode && *ns.inode == kInitialPidNsInode) && ns.role != NamespaceRole::Unknown)
                m_out += "   (parent unknown: no vantage saw above " + ns.id + ")\n";
        }
        for (const VantageReport &v : m_s.vantages)
            if (!v.ok)
                m_out += "vantage " + v.name + " failed: " + v.error + "\n";
        for (const Finding &f : m_s.findings)
            m_out += std::string(toString(f.severity)) + ": " + f.text + "\n";
        return m_out;
    }

private:
    void writeNamespace(int index, const std::string &lead, const std::string &indent)
    {
        const PidNamespace &ns = m_s.pidNamespaces[static_cast<std::size_t>(index)];
        const int own = m_a.ownProcesses(index);
        m_out += lead + ns.id + "  " + ns.label + "  (" + std::string(toString(ns.role));
        m_out += ", " + std::to_string(own) + (own == 1 ? " process" : " processes");
        if (m_o.usage && m_a.subtreeUsage(index).measured > 0)
            m_out += ", RSS " + text::byteSize(m_a.ownUsage(index).rssBytes) + " own, " +
                     text::byteSize(m_a.subtreeUsage(index).rssBytes) + " subtree";
        m_out += ")\n";
        const std::vector<int> &kids = m_a.children(index);
        const std::string bar = kids.empty() ? "   " : "|  ";
        if (m_o.processes) {
            const std::vector<int> &procs = m_a.processesOf(index);
            std::size_t shown = 0;
            for (int j : procs) {
                const Process *p = &m_s.processes[static_cast<std::size_t>(j)];
                if (m_o.maxProcesses >= 0 && shown == static_cast<std::size_t>(m_o.maxProcesses)) {
                    m_out += indent + bar + "... " + std::to_string(procs.size() - shown) + " more\n";
                    break;
                }
                ++shown;
                std::string line = indent + bar + std::to_string(innermostPid(*p));
                line.resize(std::max(line.size() + 1, indent.size() + bar.size() + 8), ' ');
                line += processText(*p);
                if (m_o.usage && p->rssBytes)
                    line += "   RSS " + text::byteSize(*p->rssBytes);
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
            writeNamespace(kids[i], indent + (last ? "`- " : "|- "), indent + (last ? "   " : "|  "));
        }
    }

    const SnapshotAnalysis &m_a;
    const Snapshot &m_s;
    const TreeTextOptions &m_o;
    std::string m_out;
};

} // namespace

std::string renderPidTree(const SnapshotAnalysis &analysis, const TreeTextOptions &options)
{
    return TreeWriter(analysis, options).write();
}

} // namespace wslatlas
