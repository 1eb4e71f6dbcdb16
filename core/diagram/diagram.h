#pragma once
// A diagram before layout: what the Namespaces and Network views draw, in plain terms. The ui builds one
// from a snapshot (its texts go through tr()), measures it, lays it out with layout::layoutGraph and draws
// it; export writes the same diagram as DOT (diagramToDot), so the GUI, the PNG/SVG and the DOT all show
// one picture. Ids are the snapshot's, so that a node can be found from a selection elsewhere.
#include "snapshot.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

// How a node or cluster looks: one tone per kind of thing, each with a light and a dark colour set.
enum class DiagramTone
{
    Vm, // pid namespaces, by role
    Host,
    Wslg,
    Isolation,
    Distro,
    Container,
    Unknown,
    Process,   // a process drawn as a node
    Windows,   // the Windows host and its adapters
    Switch,    // Hyper-V virtual switch / HNS network
    NetNs,     // a network namespace of the VM
    Interface, // an interface inside a network namespace
    Mirrored,  // mirrored networking: the host's adapters seen by the VM as they are
    Note,      // free text (a legend, "no data")
};
inline constexpr int kDiagramToneCount = 14;

struct DiagramBadge
{
    Severity severity = Severity::Info;
    std::string text; // one sentence
};

struct DiagramNode
{
    // The snapshot's id: "pid:[INODE]" for a pid namespace, "proc:<ns id>:<innermost pid>" for a process
    // (the models' IdRole), "adapter:NAME", "switch:NAME", "net:[INODE]", "net:[INODE]/IFNAME".
    std::string id;
    DiagramTone tone = DiagramTone::Unknown;
    std::string title;              // first line, drawn bold
    std::vector<std::string> lines; // further lines, drawn normal, in order
    std::vector<DiagramBadge> badges;
    std::string toolTip;     // may be empty
    std::string namespaceId; // the pid namespace the node is or lives in ("pid:[…]"); empty for network parts
    bool emphasised = false; // drawn with a heavier outline (e.g. the namespace whose processes are shown)
};

struct DiagramEdge
{
    std::string id; // unique
    std::string from;
    std::string to;
    std::string label;   // may be empty
    bool dashed = false; // a relation that is inferred or logical rather than a parent link
};

// A box around nodes, with a title above them. A node belongs to at most one cluster.
struct DiagramCluster
{
    std::string id;
    std::string title;
    DiagramTone tone = DiagramTone::Note;
    std::vector<std::string> nodes;
};

struct Diagram
{
    std::string title; // for export metadata and DOT's label; may be empty
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
    std::vector<DiagramCluster> clusters;
    std::vector<DiagramBadge> notes; // findings about the whole picture, drawn as a legend
    std::string rankdir = "TB";      // as layout::GraphSpec
    bool arrowheads = true;
};

// Colours as "#rrggbb".
struct ToneColors
{
    std::string_view fill;
    std::string_view stroke;
    std::string_view text;
};

// The palette both the scene and the DOT export use. dark: colours legible on a dark window background.
ToneColors toneColors(DiagramTone tone, bool dark);
ToneColors badgeColors(Severity severity, bool dark);
std::string_view toString(DiagramTone tone); // "vm", "wslg", ..., "note": DOT class names and test output
// A pid namespace's tone: the one of its role.
DiagramTone toneForRole(NamespaceRole role);

} // namespace wslatlas
