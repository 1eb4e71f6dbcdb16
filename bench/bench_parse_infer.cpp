// Parse, infer and parse+infer on synthetic WSL-like collector outputs (bench/synthetic.h): 4 vantages over
// 200 pid namespaces, at 1,000 / 10,000 / 100,000 processes by default; JsonWrite and JsonRead save and load
// the inferred snapshot (bytes_per_second counts the JSON text).
//
//   bench_parse_infer [--sizes=1000,10000] [--namespaces=200] [google benchmark flags...]
//
// items_per_second counts the VM's distinct processes (each is also seen by up to three other vantages);
// bytes_per_second and input_bytes are the four outputs together.
#include "collector_output.h"
#include "infer.h"
#include "snapshot_json.h"
#include "synthetic.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <variant>
#include <vector>

using namespace wslatlas;

namespace {

struct Prepared
{
    int processes = 0;
    int namespaces = 0;
    bench::SyntheticWorld world;
    std::vector<VantageRun> runs; // parsed once, for the infer-only benchmark
    std::string error;            // the first parse error, if any
    Snapshot snapshot;            // inferred once, for the JSON benchmarks
    std::string json;             // its text
};

// One size at a time: the benchmarks are registered size by size, so each world is built once.
Prepared &prepared(int processes, int namespaces)
{
    static std::unique_ptr<Prepared> cache;
    if (cache && cache->processes == processes && cache->namespaces == namespaces)
        return *cache;
    cache.reset();
    auto p = std::make_unique<Prepared>();
    p->processes = processes;
    p->namespaces = namespaces;
    bench::SyntheticOptions options;
    options.processes = processes;
    options.namespaces = namespaces;
    p->world = bench::generateSynthetic(options);
    for (const bench::SyntheticVantage &v : p->world.vantages) {
        VantageRun run;
        run.spec = v.spec;
        auto result = parseCollectorOutput(v.output);
        if (auto *obs = std::get_if<VantageObservation>(&result))
            run.observation = std::move(*obs);
        else if (p->error.empty())
            p->error = v.spec.name + ": " + std::get<Error>(result).message;
        p->runs.push_back(std::move(run));
    }
    p->snapshot = inferSnapshot(p->runs, "2026-11-21T05:00:00Z");
    p->json = snapshotToJson(p->snapshot);
    cache = std::move(p);
    return *cache;
}

void setCounters(benchmark::State &state, const Prepared &p)
{
    const auto bytes = static_cast<std::int64_t>(p.world.totalBytes());
    state.SetItemsProcessed(state.iterations() * p.processes);
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = static_cast<double>(bytes);
    state.counters["namespaces"] = p.namespaces;
}

std::vector<VantageRun> parseAll(const Prepared &p)
{
    std::vector<VantageRun> runs;
    runs.reserve(p.world.vantages.size());
    for (const bench::SyntheticVantage &v : p.world.vantages) {
        VantageRun run;
        run.spec = v.spec;
        auto result = parseCollectorOutput(v.output);
        if (auto *obs = std::get_if<VantageObservation>(&result))
            run.observation = std::move(*obs);
        runs.push_back(std::move(run));
    }
    return runs;
}

void benchParse(benchmark::State &state, int processes, int namespaces)
{
    const Prepared &p = prepared(processes, namespaces);
    if (!p.error.empty()) {
        state.SkipWithError(p.error.c_str());
        return;
    }
    for (auto _ : state) {
        for (const bench::SyntheticVantage &v : p.world.vantages) {
            auto result = parseCollectorOutput(v.output);
            benchmark::DoNotOptimize(result);
        }
    }
    setCounters(state, p);
}

void benchInfer(benchmark::State &state, int processes, int namespaces)
{
    const Prepared &p = prepared(processes, namespaces);
    if (!p.error.empty()) {
        state.SkipWithError(p.error.c_str());
        return;
    }
    for (auto _ : state) {
        Snapshot snapshot = inferSnapshot(p.runs, "2026-11-21T05:00:00Z");
        benchmark::DoNotOptimize(snapshot);
    }
    setCounters(state, p);
}

void benchParseInfer(benchmark::State &state, int processes, int namespaces)
{
    const Prepared &p = prepared(processes, namespaces);
    if (!p.error.empty()) {
        state.SkipWithError(p.error.c_str());
        return;
    }
    for (auto _ : state) {
        std::vector<VantageRun> runs = parseAll(p);
        Snapshot snapshot = inferSnapshot(runs, "2026-11-21T05:00:00Z");
        benchmark::DoNotOptimize(snapshot);
    }
    setCounters(state, p);
}

void setJsonCounters(benchmark::State &state, const Prepared &p)
{
    state.SetItemsProcessed(state.iterations() * p.processes);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(p.json.size()));
    state.counters["json_bytes"] = static_cast<double>(p.json.size());
}

void benchJsonWrite(benchmark::State &state, int processes, int namespaces)
{
    const Prepared &p = prepared(processes, namespaces);
    for (auto _ : state) {
        std::string text = snapshotToJson(p.snapshot);
        benchmark::DoNotOptimize(text);
    }
    setJsonCounters(state, p);
}

void benchJsonRead(benchmark::State &state, int processes, int namespaces)
{
    const Prepared &p = prepared(processes, namespaces);
    for (auto _ : state) {
        Result<Snapshot> snapshot = snapshotFromJson(p.json);
        if (const Error *error = errorOf(snapshot)) {
            state.SkipWithError(error->message.c_str());
            return;
        }
        benchmark::DoNotOptimize(snapshot);
    }
    setJsonCounters(state, p);
}

std::vector<int> parseList(const char *text)
{
    std::vector<int> out;
    for (const char *at = text; *at;) {
        char *end = nullptr;
        const long v = std::strtol(at, &end, 10);
        if (end == at || v <= 0) {
            std::fprintf(stderr, "bench_parse_infer: bad number list \"%s\"\n", text);
            std::exit(2);
        }
        out.push_back(static_cast<int>(v));
        at = *end == ',' ? end + 1 : end;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> sizes = {1000, 10000, 100000};
    int namespaces = 200;
    // Our own flags first; the rest goes to Google Benchmark.
    std::vector<char *> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--sizes=", 8) == 0)
            sizes = parseList(argv[i] + 8);
        else if (std::strncmp(argv[i], "--namespaces=", 13) == 0)
            namespaces = parseList(argv[i] + 13).front();
        else
            rest.push_back(argv[i]);
    }
    for (int n : sizes) {
        // (std::string(...).append: GCC 12 -O3 warns falsely on "literal" + std::string&&, PR 105651)
        const std::string suffix = std::string("/").append(std::to_string(n));
        benchmark::RegisterBenchmark(("parse" + suffix).c_str(), benchParse, n, namespaces)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("infer" + suffix).c_str(), benchInfer, n, namespaces)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("parse_infer" + suffix).c_str(), benchParseInfer, n, namespaces)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("JsonWrite" + suffix).c_str(), benchJsonWrite, n, namespaces)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("JsonRead" + suffix).c_str(), benchJsonRead, n, namespaces)
            ->Unit(benchmark::kMillisecond);
    }
    int count = static_cast<int>(rest.size());
    benchmark::Initialize(&count, rest.data());
    if (benchmark::ReportUnrecognizedArguments(count, rest.data()))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
