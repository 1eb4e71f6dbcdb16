#include "dot_writer.h"

#include <string_view>

namespace wslatlas {

namespace {

// DOT double-quoted string: escape quotes and backslashes; newlines become \n line breaks.
std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
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

std::string_view fillFor(NamespaceRole role)
{
    switch (role) {
    case NamespaceRole::Vm:
    case NamespaceRole::Host:
        return "#dbe7f6";
    case NamespaceRole::Wslg:
        return "#e6dcf5";
    case NamespaceRole::Isolation:
        return "#f3e6cf";
    case NamespaceRole::Distro:
        return "#d8efdc";
    case NamespaceRole::Unknown:
        return "#eeeeee";
    }
    return "#eeeeee";
}

} // namespace

std::string pidTreeToDot(const Snapshot &snapshot)
{
    std::string out = "digraph pid_namespaces {\n"
                      "  graph [rankdir=TB, fontname=\"Helvetica\", label=\"WSL Atlas: pid namespaces" +
                      (snapshot.takenAt.empty() ? std::string() : " (" + snapshot.takenAt + ")") +
                      "\", labelloc=t];\n"
                      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n"
                      "  edge [color=\"#555555\", arrowhead=none];\n";
    for (const PidNamespace &ns : snapshot.pidNamespaces) {
        std::string label = ns.label + "\n" + ns.id + "\n" + std::string(toString(ns.role)) + " \xC2\xB7 " +
                            std::to_string(ns.processCount) +
                            (ns.processCount == 1 ? " process" : " processes");
        out += "  " + quoted(ns.id) + " [label=" + quoted(label) + ", fillcolor=\"" +
               std::string(fillFor(ns.role)) + "\"" +
               (ns.role == NamespaceRole::Unknown ? ", style=\"rounded,dashed,filled\"" : "") + "];\n";
    }
    for (const PidNamespace &ns : snapshot.pidNamespaces)
        if (!ns.parent.empty())
            out += "  " + quoted(ns.parent) + " -> " + quoted(ns.id) + ";\n";
    out += "}\n";
    return out;
}

} // namespace wslatlas
