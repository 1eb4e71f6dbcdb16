// diagramToDot: the DOT export of a diagram. Hostile texts (quotes, markup, backslashes, newlines, Korean,
// bytes that are not UTF-8) must come out escaped, and the real dot program must accept the file and draw
// every node with its title.
#include "diagram_dot.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

using namespace wslatlas;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// A diagram with one node of each kind of trouble, a cluster, badges, notes and a dashed edge.
Diagram hostileDiagram()
{
    Diagram d;
    d.title = "Pid \"namespaces\" <of> WSL & co";
    d.rankdir = "LR";
    DiagramNode quote;
    quote.id = "pid:[\"quoted\"]";
    quote.tone = DiagramTone::Vm;
    quote.title = "Say \"hi\"";
    quote.lines = {"4026531836", "two\nlines"};
    quote.emphasised = true;
    DiagramNode markup;
    markup.id = "proc:<b>:1";
    markup.tone = DiagramTone::Process;
    markup.title = "<b>not bold</b> & 'single'";
    markup.lines = {"a > b < c"};
    markup.badges = {{Severity::Warning, "watch <this>"}, {Severity::Error, "broken & bad"}};
    DiagramNode backslash;
    backslash.id = "adapter:C:\\path\\";
    backslash.tone = DiagramTone::Windows;
    backslash.title = "back\\slash \\N \\n end\\";
    backslash.badges = {{Severity::Info, "fyi"}};
    DiagramNode korean;
    korean.id = "net:[4026531840]/이더넷";
    korean.tone = DiagramTone::Interface;
    korean.title = "한국어 네임스페이스";
    korean.lines = {"\xff\xfe not UTF-8 \xc3"};
    DiagramNode other;
    other.id = "switch:WSL (Hyper-V firewall)";
    other.tone = DiagramTone::Switch;
    other.title = "WSL (Hyper-V firewall)";
    d.nodes = {quote, markup, backslash, korean, other};
    d.clusters = {
        {"cluster:windows", "Windows \"host\" <1>", DiagramTone::Windows, {backslash.id, other.id}}};
    d.edges = {{"e1", quote.id, markup.id, "label \"x\" <y>", false},
               {"e2", backslash.id, other.id, "", true},
               {"e3", other.id, korean.id, "serves", false}};
    d.notes = {{Severity::Warning, "a note & <more>"}, {Severity::Info, "second note"}};
    return d;
}

// Graphviz writes SVG text with XML entities (and &#45; for '-'): decode them to compare with our texts.
std::string unescapeXml(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const std::size_t end = text.find(';', i);
        const std::string entity = text.substr(i + 1, end - i - 1);
        unsigned long code = 0;
        if (entity == "amp")
            code = '&';
        else if (entity == "lt")
            code = '<';
        else if (entity == "gt")
            code = '>';
        else if (entity == "quot")
            code = '"';
        else if (entity == "apos")
            code = '\'';
        else if (!entity.empty() && entity[0] == '#')
            code = entity.size() > 1 && entity[1] == 'x' ? std::stoul(entity.substr(2), nullptr, 16)
                                                         : std::stoul(entity.substr(1));
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        i = end;
    }
    return out;
}

struct DotRun
{
    int status = -1;
    std::string svg;
    std::string errors;
};

DotRun runDot(const std::string &dotText, const std::string &name)
{
    const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "wslatlas_diagram_dot";
    std::filesystem::create_directories(dir);
    const std::filesystem::path in = dir / (name + ".dot");
    const std::filesystem::path out = dir / (name + ".svg");
    const std::filesystem::path err = dir / (name + ".err");
    std::ofstream(in, std::ios::binary) << dotText;
    const std::string command =
        "dot -Tsvg '" + in.string() + "' -o '" + out.string() + "' 2> '" + err.string() + "'";
    DotRun run;
    run.status = std::system(command.c_str());
    run.svg = test::readFile(out);
    run.errors = test::readFile(err);
    return run;
}

bool haveDot()
{
    return std::system("dot -V > /dev/null 2>&1") == 0;
}

} // namespace

TEST(DiagramDot, EscapesHostileTexts)
{
    const std::string dot = diagramToDot(hostileDiagram());
    // Node names: quoted, with \" for quotes and doubled backslashes (never a backslash before the end
    // quote).
    EXPECT_TRUE(contains(dot, "\"pid:[\\\"quoted\\\"]\" [label="));
    EXPECT_TRUE(contains(dot, "\"adapter:C:\\\\path\\\\\" [label="));
    EXPECT_TRUE(contains(dot, "\"net:[4026531840]/이더넷\" [label="));
    // Labels: HTML-like, title bold, markup escaped, newline as a break, backslashes doubled for Graphviz.
    EXPECT_TRUE(contains(dot, "label=<<b>Say &quot;hi&quot;</b><br/>4026531836<br/>two<br/>lines>"));
    EXPECT_TRUE(
        contains(dot, "<b>&lt;b&gt;not bold&lt;/b&gt; &amp; &#39;single&#39;</b><br/>a &gt; b &lt; c"));
    EXPECT_FALSE(contains(dot, "<b>not bold"));
    EXPECT_TRUE(contains(dot, "<b>back\\\\slash \\\\N \\\\n end\\\\</b>"));
    EXPECT_TRUE(contains(dot, "<b>한국어 네임스페이스</b>"));
    // Bytes that are not UTF-8 become U+FFFD, valid ones pass through.
    EXPECT_TRUE(contains(dot, "<br/>\xEF\xBF\xBD\xEF\xBF\xBD not UTF-8 \xEF\xBF\xBD>"));
    EXPECT_FALSE(contains(dot, "\xff"));
    // Badges: an icon per severity, then the escaped sentence.
    EXPECT_TRUE(contains(dot, "\xE2\x9A\xA0</font> watch &lt;this&gt;"));
    EXPECT_TRUE(contains(dot, "\xE2\x9C\x96</font> broken &amp; bad"));
    EXPECT_TRUE(contains(dot, "\xE2\x84\xB9</font> fyi")); // ℹ: fonts have it, unlike ⓘ
    // Edges: quoted ends, escaped HTML label, dashed style.
    EXPECT_TRUE(
        contains(dot, "\"pid:[\\\"quoted\\\"]\" -> \"proc:<b>:1\" [label=<label &quot;x&quot; &lt;y&gt;>];"));
    EXPECT_TRUE(
        contains(dot, "\"adapter:C:\\\\path\\\\\" -> \"switch:WSL (Hyper-V firewall)\" [style=dashed];"));
    // Title and notes in the graph label.
    EXPECT_TRUE(contains(dot, "<b>Pid &quot;namespaces&quot; &lt;of&gt; WSL &amp; co</b>"));
    EXPECT_TRUE(contains(dot, "a note &amp; &lt;more&gt;"));
}

TEST(DiagramDot, WrapsLongBadgesAtSpaces)
{
    Diagram d;
    DiagramNode node;
    node.id = "net:[1]/eth0";
    node.title = "eth0";
    node.badges = {{Severity::Error, "eth0 (Ubuntu-20.04) got the subnet's broadcast address 172.19.143.255 "
                                     "(172.19.128.0/20): it cannot talk to the host; restart WSL"}};
    d.nodes = {node};
    d.notes = {{Severity::Info, "Ubuntu-18.04, Ubuntu-20.04 share the network namespace net:[4026531840] "
                                "(one eth0, one address)"}};
    const std::string dot = diagramToDot(d);
    // Lines of at most 48 characters, broken at spaces.
    EXPECT_TRUE(contains(dot,
                         "</font> eth0 (Ubuntu-20.04) got the subnet&#39;s broadcast<br/>address "
                         "172.19.143.255 (172.19.128.0/20): it<br/>cannot talk to the host; restart WSL>"));
    // Notes stay left aligned in the graph label.
    EXPECT_TRUE(contains(dot, "</font> Ubuntu-18.04, Ubuntu-20.04 share the network<br align=\"left\"/>"
                              "namespace net:[4026531840] (one eth0, one<br align=\"left\"/>address)<br "
                              "align=\"left\"/>>"));
    // A word longer than a line keeps a line of its own.
    d.notes = {{Severity::Warning, "short " + std::string(60, 'x') + " end"}};
    EXPECT_TRUE(contains(diagramToDot(d), "</font> short<br align=\"left\"/>" + std::string(60, 'x') +
                                              "<br align=\"left\"/>end<br align=\"left\"/>>"));
}

TEST(DiagramDot, WritesTonesClustersAndGraphAttributes)
{
    const Diagram d = hostileDiagram();
    const std::string light = diagramToDot(d);
    const std::string dark = diagramToDot(d, true);
    EXPECT_EQ(light.rfind("digraph wslatlas {\n", 0), 0u);
    EXPECT_TRUE(contains(light, "rankdir=LR"));
    EXPECT_TRUE(contains(light, "fontname=\"DejaVu Sans\""));
    EXPECT_TRUE(contains(light, "bgcolor=\"#ffffff\""));
    EXPECT_TRUE(contains(dark, "bgcolor=\"#1e1f22\""));
    EXPECT_TRUE(contains(light, "shape=box, style=\"rounded,filled\""));
    for (const DiagramNode &node : d.nodes) {
        for (bool isDark : {false, true}) {
            const ToneColors c = toneColors(node.tone, isDark);
            EXPECT_TRUE(contains(isDark ? dark : light, "fillcolor=\"" + std::string(c.fill) +
                                                            "\", color=\"" + std::string(c.stroke) +
                                                            "\", fontcolor=\"" + std::string(c.text) + "\""))
                << node.id;
        }
    }
    EXPECT_TRUE(contains(light, "class=\"process\""));
    EXPECT_TRUE(contains(light, "penwidth=2.5")); // the emphasised node
    // The cluster holds its two nodes, declared inside it; the others stay outside.
    const std::size_t open = light.find("subgraph cluster_0 {");
    ASSERT_NE(open, std::string::npos);
    const std::size_t close = light.find("\n  }\n", open);
    const std::string cluster = light.substr(open, close - open);
    EXPECT_TRUE(contains(cluster, "label=<<b>Windows &quot;host&quot; &lt;1&gt;</b>>"));
    EXPECT_TRUE(contains(cluster, "fillcolor=\"" + std::string(toneColors(DiagramTone::Windows, false).fill) +
                                      "66\""));
    EXPECT_TRUE(contains(cluster, "\"switch:WSL (Hyper-V firewall)\" [label="));
    EXPECT_TRUE(contains(cluster, "\"adapter:C:\\\\path\\\\\" [label="));
    EXPECT_FALSE(contains(cluster, "\"proc:<b>:1\" [label="));
    EXPECT_TRUE(contains(light, "\"proc:<b>:1\" [label="));
    // Every node is declared exactly once.
    const std::string declared = "\" [label=<<b>";
    std::size_t count = 0;
    for (std::size_t at = light.find(declared); at != std::string::npos; at = light.find(declared, at + 1))
        ++count;
    EXPECT_EQ(count, d.nodes.size());

    Diagram plain = d;
    plain.arrowheads = false;
    plain.rankdir = "sideways"; // not a Graphviz rankdir: falls back to TB rather than writing junk
    const std::string noArrows = diagramToDot(plain);
    EXPECT_TRUE(contains(noArrows, "arrowhead=none"));
    EXPECT_TRUE(contains(noArrows, "rankdir=TB"));
    EXPECT_FALSE(contains(light, "arrowhead=none"));
}

TEST(DiagramDot, DotAcceptsItAndDrawsEveryTitle)
{
    if (!haveDot())
        GTEST_SKIP() << "Graphviz's dot program is not installed";
    const Diagram d = hostileDiagram();
    for (bool dark : {false, true}) {
        const DotRun run = runDot(diagramToDot(d, dark), dark ? "hostile-dark" : "hostile");
        ASSERT_EQ(run.status, 0) << run.errors;
        EXPECT_EQ(run.errors, "") << "dot complained";
        ASSERT_TRUE(contains(run.svg, "</svg>"));
        const std::string text = unescapeXml(run.svg);
        for (const DiagramNode &node : d.nodes) {
            EXPECT_TRUE(contains(text, ">" + node.title + "</text>")) << node.title;
            EXPECT_TRUE(contains(text, "<title>" + node.id + "</title>") ||
                        contains(text, "<title>adapter:C:\\\\path\\\\</title>"))
                << node.id;
        }
        // The backslash title survives Graphviz's escape expansion (\N is not replaced by the node name).
        EXPECT_TRUE(contains(text, ">back\\slash \\N \\n end\\</text>"));
        EXPECT_TRUE(contains(text, "watch <this>"));
        EXPECT_TRUE(contains(text, "label \"x\" <y>"));
        EXPECT_TRUE(contains(text, "<title>cluster_0</title>"));
        EXPECT_TRUE(contains(text, ">Windows \"host\" <1></text>"));
        // Three edges, one of them dashed.
        const std::regex edge("<g id=\"edge[0-9]+\" class=\"edge\">");
        EXPECT_EQ(
            std::distance(std::sregex_iterator(run.svg.begin(), run.svg.end(), edge), std::sregex_iterator()),
            3);
        EXPECT_TRUE(contains(run.svg, "stroke-dasharray"));
    }
}

TEST(DiagramDot, EmptyDiagramIsValidDot)
{
    const std::string dot = diagramToDot(Diagram{});
    EXPECT_FALSE(contains(dot, "label=<"));
    if (!haveDot())
        GTEST_SKIP() << "Graphviz's dot program is not installed";
    const DotRun run = runDot(dot, "empty");
    EXPECT_EQ(run.status, 0) << run.errors;
}
