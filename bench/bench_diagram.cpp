// DiagramScene::setDiagram (measure, Graphviz layout, items) and DiagramExport::renderImage at 1x, on
// namespace-like trees of 30, 100 and 300 nodes (fan-out 4, left to right, a title and two lines per node, a
// badge on every 25th). Runs on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
//
//   bench_diagram [google benchmark flags...]
#include "diagram.h"
#include "diagram_export.h"
#include "diagram_scene.h"

#include <QApplication>

#include <benchmark/benchmark.h>

#include <string>

using namespace wslatlas;

namespace {

Diagram tree(int n)
{
    Diagram d;
    d.rankdir = "LR"; // top to bottom, 300 nodes of fan-out 4 are wider than a QImage can be (32767)
    for (int i = 0; i < n; ++i) {
        DiagramNode node;
        node.id = "pid:[" + std::to_string(4026531836LL + i) + "]";
        node.tone = i == 0 ? DiagramTone::Vm : (i % 7 == 0 ? DiagramTone::Isolation : DiagramTone::Distro);
        node.title = i == 0 ? "Mariner VM" : "distro-" + std::to_string(i);
        node.lines = {node.id, std::to_string(3 + i % 40) + " processes"};
        if (i % 25 == 0)
            node.badges.push_back({Severity::Warning, "Parent inferred"});
        d.nodes.push_back(std::move(node));
        if (i > 0)
            d.edges.push_back({"e" + std::to_string(i), d.nodes[static_cast<std::size_t>((i - 1) / 4)].id,
                               d.nodes.back().id, "", false});
    }
    return d;
}

void setDiagram(benchmark::State &state)
{
    const Diagram diagram = tree(static_cast<int>(state.range(0)));
    DiagramScene scene;
    for (auto _ : state) {
        if (!scene.setDiagram(diagram)) {
            state.SkipWithError("layout failed");
            break;
        }
        benchmark::DoNotOptimize(scene.nodeIds().size());
    }
    state.counters["nodes"] = static_cast<double>(diagram.nodes.size());
}
BENCHMARK(setDiagram)->Arg(30)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

void renderImage(benchmark::State &state)
{
    DiagramScene scene;
    if (!scene.setDiagram(tree(static_cast<int>(state.range(0))))) {
        state.SkipWithError("layout failed");
        return;
    }
    QSize size;
    for (auto _ : state) {
        const QImage image = DiagramExport::renderImage(scene, 1.0);
        size = image.size();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["width"] = size.width();
    state.counters["height"] = size.height();
}
BENCHMARK(renderImage)->Arg(30)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
