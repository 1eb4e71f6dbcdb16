// The desktop program at scale, on the offscreen platform: opening a 10,000-process snapshot file to a
// painted window, one keystroke in the tree's find box, each model and the charts taking the snapshot, the
// details panel showing a selection, and the pid diagram built from the snapshot (before layout). Google
// Benchmark; times are wall-clock per iteration.
//
//   bench_gui [--processes=10000] [google benchmark flags...]
#include "charts_view.h"
#include "collector_output.h"
#include "details_panel.h"
#include "infer.h"
#include "main_window.h"
#include "model_support.h"
#include "namespace_tree_model.h"
#include "pid_diagram.h"
#include "process_table_model.h"
#include "snapshot_json.h"
#include "synthetic.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <variant>
#include <vector>

using namespace wslatlas;

namespace {

int g_processes = 10000;

// A synthetic WSL-like snapshot (bench/synthetic.h) written as a file, once.
const QString &snapshotFile()
{
    static QTemporaryDir dir;
    static QString path;
    if (!path.isEmpty())
        return path;
    bench::SyntheticOptions options;
    options.processes = g_processes;
    const bench::SyntheticWorld world = bench::generateSynthetic(options);
    std::vector<VantageRun> runs;
    for (const bench::SyntheticVantage &vantage : world.vantages) {
        VantageRun run;
        run.spec = vantage.spec;
        auto result = parseCollectorOutput(vantage.output);
        if (auto *observation = std::get_if<VantageObservation>(&result))
            run.observation = std::move(*observation);
        runs.push_back(std::move(run));
    }
    const Snapshot snapshot = inferSnapshot(runs, "2026-01-01T00:00:00Z");
    path = dir.filePath(QStringLiteral("synthetic.json"));
    if (const std::optional<Error> error = saveSnapshotFile(path.toStdString(), snapshot))
        std::fprintf(stderr, "bench_gui: %s\n", error->message.c_str());
    return path;
}

// The synthetic snapshot read back, or nullptr with the benchmark skipped and why.
std::shared_ptr<Snapshot> loadBenchSnapshot(benchmark::State &state)
{
    Result<Snapshot> loaded = loadSnapshotFile(snapshotFile().toStdString());
    if (const Error *error = errorOf(loaded)) {
        state.SkipWithError(error->message.c_str());
        return nullptr;
    }
    return std::make_shared<Snapshot>(std::get<Snapshot>(std::move(loaded)));
}

// openFile() reads and analyses on a pool thread: the time until the window shows the file counts.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFile(path);
    return opened.wait(600000) && opened.at(0).at(1).toBool();
}

// Read the file, build every model and both diagrams, lay out, and paint the whole window once.
void OpenToPaintedWindow(benchmark::State &state)
{
    const QString path = snapshotFile();
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    for (auto _ : state) {
        if (!openAndWait(window, path)) {
            state.SkipWithError("the synthetic snapshot did not open");
            break;
        }
        window.repaint(); // synchronous: the frame is painted when this returns
        QCoreApplication::processEvents();
    }
    state.counters["processes"] = static_cast<double>(window.snapshot()->processes.size());
    state.counters["namespaces"] = static_cast<double>(window.snapshot()->pidNamespaces.size());
}

// One character typed into the find box with a filter already in place: refilter, reopen, repaint the tree.
void FilterKeystroke(benchmark::State &state)
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    openAndWait(window, snapshotFile());
    QCoreApplication::processEvents();
    QLineEdit *find = window.findEdit();
    find->setText(QStringLiteral("slee"));
    bool longer = true;
    for (auto _ : state) {
        find->setText(longer ? QStringLiteral("sleep") : QStringLiteral("slee"));
        longer = !longer;
        window.repaint();
        QCoreApplication::processEvents();
    }
}

// The snapshot handed to one view on its own: the namespace tree model (Arg 0), the process table model
// (Arg 1), the charts with their rings (Arg 2). The tests check what they show; this is how fast.
void SetSnapshot(benchmark::State &state)
{
    const std::shared_ptr<Snapshot> snapshot = loadBenchSnapshot(state);
    if (!snapshot)
        return;
    const std::shared_ptr<const Snapshot> shown = snapshot;
    const std::shared_ptr<const Snapshot> empty = std::make_shared<const Snapshot>();
    NamespaceTreeModel tree;
    ProcessTableModel table;
    ChartsView charts;
    charts.resize(900, 600);
    charts.show();
    // Each iteration takes the whole snapshot; going back to an empty one is not timed.
    auto measure = [&state, &shown, &empty](auto &view) {
        for (auto _ : state) {
            view.setAnalysis(analyze(shown));
            state.PauseTiming();
            view.setAnalysis(analyze(empty));
            state.ResumeTiming();
        }
    };
    if (state.range(0) == 0)
        measure(tree);
    else if (state.range(0) == 1)
        measure(table);
    else
        measure(charts);
}

// The details panel switching between a namespace and a process of the big snapshot (a click in any view):
// the page for the item is built from lookups made once in setSnapshot, so this should not grow with the
// snapshot.
void ShowDetails(benchmark::State &state)
{
    const std::shared_ptr<Snapshot> snapshot = loadBenchSnapshot(state);
    if (!snapshot)
        return;
    DetailsPanel panel;
    panel.resize(360, 800);
    panel.show();
    panel.setAnalysis(analyze(snapshot));
    const QString items[] = {QString::fromStdString(snapshot->pidNamespaces.front().id),
                             processItemId(snapshot->processes.back())};
    std::size_t next = 0;
    for (auto _ : state) {
        panel.showItem(items[next++ % 2]);
        QCoreApplication::processEvents(); // the old page's deletion is part of the cost
    }
}

// pidDiagram on the big snapshot: plain (Arg 0), and with its busiest namespace's processes drawn (Arg 1).
void PidDiagram(benchmark::State &state)
{
    const std::shared_ptr<Snapshot> loaded = loadBenchSnapshot(state);
    if (!loaded)
        return;
    const Snapshot &snapshot = *loaded;
    PidDiagramOptions options;
    if (state.range(0) == 1)
        options.expandNamespace = snapshot.processes.front().pidNs;
    const auto shared = std::make_shared<const Snapshot>(std::move(snapshot));
    std::size_t nodes = 0;
    for (auto _ : state) {
        // The analysis is built in the loop: before it existed, pidDiagram derived the same itself.
        const Diagram diagram = pidDiagram(SnapshotAnalysis(shared), options);
        nodes = diagram.nodes.size();
        benchmark::DoNotOptimize(nodes);
    }
    state.counters["nodes"] = static_cast<double>(nodes);
}

} // namespace

BENCHMARK(OpenToPaintedWindow)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(FilterKeystroke)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(SetSnapshot)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(ShowDetails)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(PidDiagram)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    std::vector<char *> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--processes=", 12) == 0)
            g_processes = std::atoi(argv[i] + 12);
        else
            rest.push_back(argv[i]);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // no settings of the user's are read or written
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    int count = static_cast<int>(rest.size());
    benchmark::Initialize(&count, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
