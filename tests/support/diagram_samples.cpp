#include "diagram_samples.h"

namespace wslatlas::test {

Diagram sampleDiagram(const std::string &rankdir)
{
    Diagram d;
    d.title = "Sample <pid namespaces> & more";
    d.rankdir = rankdir;
    d.nodes = {
        {"pid:[1]",
         DiagramTone::Vm,
         "Mariner VM",
         {"pid:[4026531836]", "init · 42 processes"},
         {},
         "The utility VM's root pid namespace",
         "pid:[1]",
         true},
        {"pid:[2]",
         DiagramTone::Wslg,
         "WSLg system distro",
         {"pid:[4026532245]", "12 processes"},
         {{Severity::Info, "Shared by every distro"}},
         "WSLg's own namespace",
         "pid:[2]",
         false},
        {"pid:[3]",
         DiagramTone::Isolation,
         "Isolation",
         {"pid:[4026532771]"},
         {{Severity::Warning, "Seen from one distro only: the parent is inferred"}},
         "A namespace that keeps a distro apart",
         "pid:[3]",
         false},
        {"pid:[4]",
         DiagramTone::Distro,
         "Ubuntu-20.04",
         {"pid:[4026532257]", "sleep 48950 → 4578 → 4419"},
         {},
         "Ubuntu-20.04, running",
         "pid:[4]",
         false},
        {"pid:[5]",
         DiagramTone::Distro,
         "Debian",
         {"pid:[4026532784]"},
         {{Severity::Error, "The collector timed out after 10 s in this namespace"}},
         "",
         "pid:[5]",
         false},
    };
    d.edges = {
        {"e12", "pid:[1]", "pid:[2]", "", false},
        {"e13", "pid:[1]", "pid:[3]", "", false},
        {"e24", "pid:[2]", "pid:[4]", "", false},
        {"e35", "pid:[3]", "pid:[5]", "inferred", true},
    };
    d.clusters = {{"c-wslg", "WSLg side", DiagramTone::Wslg, {"pid:[2]", "pid:[4]"}}};
    d.notes = {
        {Severity::Info, "Seen from Ubuntu-20.04 at 2024-05-01 10:00; 5 of 5 namespaces known."},
        {Severity::Warning, "One parent link is inferred from the NSpid chains (dashed)."},
    };
    return d;
}

Diagram longTextDiagram()
{
    Diagram d;
    const std::string longWord(120, 'x');
    d.nodes = {
        {"pid:[1]",
         DiagramTone::Distro,
         "A distro whose name goes on and on and on, well past anything a box should be asked to hold in one "
         "line",
         {"pid:[4026532257]"},
         {{Severity::Warning,
           "Mounted from /mnt/wsl/" + longWord + "/rootfs, which no other namespace sees"}},
         "the whole name",
         "pid:[1]",
         false},
        {"proc:[1]:1",
         DiagramTone::Process,
         "/usr/bin/python3",
         {"/usr/bin/python3 -m http.server --bind 0.0.0.0 --directory "
          "/home/someone/projects/a/very/deep/folder/"
          "structure/that/keeps/going 8080"},
         {},
         "",
         "pid:[1]",
         false},
        {"pid:[2]", DiagramTone::Unknown, "?", {}, {}, "", "pid:[2]", false},
    };
    d.edges = {
        {"e1", "pid:[1]", "proc:[1]:1",
         "runs, seen through the NSpid chain of the process in both namespaces", false},
        {"e2", "pid:[2]", "pid:[1]", "", true},
    };
    d.notes = {{Severity::Error, "A note with a path that cannot wrap: /" + longWord + longWord}};
    return d;
}

Diagram treeDiagram(int n)
{
    Diagram d;
    d.rankdir = "TB";
    d.nodes.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        DiagramNode node;
        node.id = "pid:[" + std::to_string(4026531836 + i) + "]";
        node.tone = i == 0 ? DiagramTone::Vm : (i % 7 == 0 ? DiagramTone::Isolation : DiagramTone::Distro);
        node.title = i == 0 ? "Mariner VM" : "distro-" + std::to_string(i);
        node.lines = {node.id, std::to_string(3 + i % 40) + " processes"};
        if (i % 25 == 0)
            node.badges.push_back({Severity::Warning, "Parent inferred"});
        node.toolTip = node.title + " " + node.id;
        d.nodes.push_back(std::move(node));
        if (i > 0)
            d.edges.push_back({"e" + std::to_string(i), d.nodes[static_cast<std::size_t>((i - 1) / 4)].id,
                               d.nodes.back().id, "", false});
    }
    return d;
}

} // namespace wslatlas::test
