#pragma once
// Diagrams built by hand for the scene, view and export tests (independent of the snapshot builders).
#include "diagram.h"

#include <string>

namespace wslatlas::test {

// Three levels: VM → WSLg, Isolation → a distro under each, the WSLg side in a cluster; tones, badges of
// every severity, one emphasised node, a dashed labelled edge, two notes. Ids: "pid:[1]" (VM), "pid:[2]"
// (WSLg), "pid:[3]" (Isolation), "pid:[4]" (distro under WSLg), "pid:[5]" (distro under Isolation); edges
// "e12", "e13", "e24", "e35" (dashed, labelled); cluster "c-wslg" holds 2 and 4.
Diagram sampleDiagram(const std::string &rankdir = "TB");

// Texts that do not fit: a very long title and command line, a badge with a long unbroken path, a long
// edge label, a process node; ids "pid:[1]", "proc:[1]:1", "pid:[2]".
Diagram longTextDiagram();

// n namespace-like nodes, each with a title and two lines, in a tree of fan-out 4 (n - 1 edges).
Diagram treeDiagram(int n);

} // namespace wslatlas::test
