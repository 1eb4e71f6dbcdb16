#include "diagram_dot.h"

#include "text.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wslatlas {

namespace {

constexpr std::string_view kFont = "DejaVu Sans";

// Snapshot texts come from /proc and from Windows tools: bytes that are not UTF-8 would make dot warn and
// fall back to Latin-1 for the whole file, so they become U+FFFD (text::validUtf8). Control characters
// other than newline become spaces (XML, and so SVG, forbids most of them).
std::string dotText(std::string_view text)
{
    std::string out = text::validUtf8(text);
    for (char &c : out)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n')
            c = ' ';
    return out;
}

// A DOT double-quoted string. DOT's only escape there is \" ; a backslash is doubled so that one before a
// quote or at the end cannot swallow the closing quote (dot keeps the pair, so the mapping stays one to one).
std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : dotText(text)) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// Text inside an HTML-like label. Graphviz decodes entities and then expands escapes such as \N (the node's
// name) in it, so a backslash is written as \\ (which it turns back into one); a newline becomes a break.
std::string html(std::string_view text)
{
    std::string out;
    for (char c : dotText(text)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "<br/>";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// ⓘ (U+24D8) would read best, but common fonts (DejaVu Sans among them) lack it: ℹ (U+2139) they have.
std::string_view badgeIcon(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "\xE2\x84\xB9"; // ℹ
    case Severity::Warning:
        return "\xE2\x9A\xA0"; // ⚠
    case Severity::Error:
        return "\xE2\x9C\x96"; // ✖
    }
    return "\xE2\x84\xB9";
}

std::size_t codePoints(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// Findings are whole sentences: broken at spaces into lines of at most `width` characters (a longer word
// keeps its own line), so that a badge does not stretch its node across the page.
std::vector<std::string> wrapped(std::string_view text, std::size_t width = 48)
{
    std::vector<std::string> lines(1);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        std::string &line = lines.back();
        if (!line.empty() && codePoints(line) + 1 + codePoints(word) > width)
            lines.emplace_back(word);
        else
            line += (line.empty() ? "" : " ") + std::string(word);
        start = end + 1;
    }
    return lines;
}

// A badge as label lines: the icon in the severity's colour, the sentence in the surrounding colour.
std::string badgeLines(const DiagramBadge &badge, bool dark, std::string_view lineBreak)
{
    std::string out = "<font color=\"" + std::string(badgeColors(badge.severity, dark).stroke) + "\">" +
                      std::string(badgeIcon(badge.severity)) + "</font>";
    const std::vector<std::string> lines = wrapped(badge.text);
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += (i == 0 ? " " : std::string(lineBreak)) + html(lines[i]);
    return out;
}

std::string nodeLabel(const DiagramNode &node, bool dark)
{
    std::string label = "<<b>" + html(node.title) + "</b>";
    for (const std::string &line : node.lines)
        label += "<br/>" + html(line);
    for (const DiagramBadge &badge : node.badges)
        label += "<br/>" + badgeLines(badge, dark, "<br/>");
    return label + ">";
}

std::string nodeStatement(const DiagramNode &node, bool dark, std::string_view indent)
{
    const ToneColors colors = toneColors(node.tone, dark);
    return std::string(indent) + quoted(node.id) + " [label=" + nodeLabel(node, dark) + ", fillcolor=\"" +
           std::string(colors.fill) + "\", color=\"" + std::string(colors.stroke) + "\", fontcolor=\"" +
           std::string(colors.text) + "\", class=\"" + std::string(toString(node.tone)) + "\"" +
           (node.emphasised ? ", penwidth=2.5" : "") + "];\n";
}

} // namespace

std::string diagramToDot(const Diagram &diagram, bool dark)
{
    const std::string_view background = dark ? "#1e1f22" : "#ffffff";
    const std::string_view edgeColor = dark ? "#9aa3ad" : "#5b6470";
    const std::string_view labelColor = dark ? "#e6e9ec" : "#1b1f24";
    const std::string rankdir = diagram.rankdir == "LR" || diagram.rankdir == "RL" || diagram.rankdir == "BT"
                                    ? diagram.rankdir
                                    : std::string("TB");
    const std::string font = quoted(kFont);

    std::string out = "digraph wslatlas {\n";
    out += "  graph [rankdir=" + rankdir + ", fontname=" + font + ", fontsize=12, fontcolor=\"" +
           std::string(labelColor) + "\", bgcolor=\"" + std::string(background) +
           "\", charset=\"UTF-8\", nodesep=0.3, ranksep=0.5";
    if (!diagram.title.empty() || !diagram.notes.empty()) {
        // The title, then the notes, left aligned at the top: a legend that needs no extra node.
        std::string label = "<";
        if (!diagram.title.empty())
            label += "<b>" + html(diagram.title) + "</b><br align=\"left\"/>";
        for (const DiagramBadge &note : diagram.notes)
            label += badgeLines(note, dark, "<br align=\"left\"/>") + "<br align=\"left\"/>";
        out += ", label=" + label + ">, labelloc=t, labeljust=l";
    }
    out += "];\n";
    out += "  node [shape=box, style=\"rounded,filled\", fontname=" + font +
           ", fontsize=10, margin=\"0.12,0.06\", penwidth=1];\n";
    out += "  edge [fontname=" + font + ", fontsize=9, color=\"" + std::string(edgeColor) +
           "\", fontcolor=\"" + std::string(labelColor) + "\"" +
           (diagram.arrowheads ? "" : ", arrowhead=none") + "];\n";

    // A node is written inside its cluster (the first one that names it), the others at the top level.
    std::unordered_map<std::string_view, const DiagramNode *> byId;
    for (const DiagramNode &node : diagram.nodes)
        byId.emplace(node.id, &node);
    std::unordered_set<std::string_view> placed;
    for (std::size_t c = 0; c < diagram.clusters.size(); ++c) {
        const DiagramCluster &cluster = diagram.clusters[c];
        std::string members;
        for (const std::string &id : cluster.nodes) {
            const auto node = byId.find(id);
            if (node != byId.end() && placed.insert(id).second)
                members += nodeStatement(*node->second, dark, "    ");
        }
        if (members.empty())
            continue;
        const ToneColors colors = toneColors(cluster.tone, dark);
        // The cluster's fill at 40 % opacity, so that its nodes (often of the same tone) stand out.
        out += "  subgraph cluster_" + std::to_string(c) + " {\n";
        out += "    graph [label=<<b>" + html(cluster.title) +
               "</b>>, labeljust=l, style=\"rounded,filled\", fillcolor=\"" + std::string(colors.fill) +
               "66\", color=\"" + std::string(colors.stroke) + "\", fontcolor=\"" + std::string(colors.text) +
               "\", fontsize=11, class=\"" + std::string(toString(cluster.tone)) + "\"];\n";
        out += members;
        out += "  }\n";
    }
    for (const DiagramNode &node : diagram.nodes)
        if (!placed.count(node.id))
            out += nodeStatement(node, dark, "  ");

    for (const DiagramEdge &edge : diagram.edges) {
        out += "  " + quoted(edge.from) + " -> " + quoted(edge.to);
        std::string attributes;
        if (!edge.label.empty())
            attributes += "label=<" + html(edge.label) + ">";
        if (edge.dashed)
            attributes += std::string(attributes.empty() ? "" : ", ") + "style=dashed";
        out += attributes.empty() ? ";\n" : " [" + attributes + "];\n";
    }
    out += "}\n";
    return out;
}

} // namespace wslatlas
