// Peak memory of parse and infer for one size of the synthetic world (bench/synthetic.h).
//
//   bench_memory PROCESSES [NAMESPACES]
//
// A child process generates the four collector outputs and sends them through a pipe, so that the
// generator's own allocations never count here: this process holds only the inputs before parsing. Prints
// one line of key=value pairs; ru_maxrss (getrusage, KiB) is the high-water mark after each step.
#include "collector_output.h"
#include "infer.h"
#include "synthetic.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

using namespace wslatlas;

namespace {

long maxRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

long currentRssKiB()
{
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

bool writeAll(int fd, const void *data, std::size_t size)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = write(fd, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool readAll(int fd, void *data, std::size_t size)
{
    char *p = static_cast<char *>(data);
    while (size > 0) {
        const ssize_t n = read(fd, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Wire format per vantage: u32 index into the spec list, u64 length, bytes. The specs are cheap to rebuild
// from a tiny world of the same shape, so only the outputs travel.
struct Input
{
    std::vector<VantageSpec> specs;
    std::vector<std::string> outputs;
};

Input generateInChild(const bench::SyntheticOptions &options)
{
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(1);
    }
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        std::exit(1);
    }
    if (child == 0) {
        close(fds[0]);
        const bench::SyntheticWorld world = bench::generateSynthetic(options);
        bool ok = true;
        const auto count = static_cast<std::uint32_t>(world.vantages.size());
        ok = ok && writeAll(fds[1], &count, sizeof count);
        for (const bench::SyntheticVantage &v : world.vantages) {
            const auto size = static_cast<std::uint64_t>(v.output.size());
            ok = ok && writeAll(fds[1], &size, sizeof size) &&
                 writeAll(fds[1], v.output.data(), v.output.size());
        }
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    Input input;
    std::uint32_t count = 0;
    bool ok = readAll(fds[0], &count, sizeof count);
    for (std::uint32_t i = 0; ok && i < count; ++i) {
        std::uint64_t size = 0;
        ok = readAll(fds[0], &size, sizeof size);
        std::string text(ok ? size : 0, '\0');
        ok = ok && readAll(fds[0], text.data(), text.size());
        input.outputs.push_back(std::move(text));
    }
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "bench_memory: the generator failed\n");
        std::exit(1);
    }
    // The same shape with few processes gives the same vantage specs.
    bench::SyntheticOptions small = options;
    small.processes = options.namespaces + 1;
    for (const bench::SyntheticVantage &v : bench::generateSynthetic(small).vantages)
        input.specs.push_back(v.spec);
    return input;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: bench_memory PROCESSES [NAMESPACES]\n");
        return 2;
    }
    bench::SyntheticOptions options;
    options.processes = std::atoi(argv[1]);
    if (argc == 3)
        options.namespaces = std::atoi(argv[2]);
    if (options.processes <= options.namespaces) {
        std::fprintf(stderr, "bench_memory: PROCESSES must exceed NAMESPACES (%d)\n", options.namespaces);
        return 2;
    }

    const long start = maxRssKiB();
    Input input = generateInChild(options);
    std::size_t bytes = 0;
    for (const std::string &s : input.outputs)
        bytes += s.size();
    const long afterInput = maxRssKiB();

    std::vector<VantageRun> runs;
    for (std::size_t i = 0; i < input.outputs.size(); ++i) {
        VantageRun run;
        run.spec = input.specs.at(i);
        auto result = parseCollectorOutput(input.outputs[i]);
        if (auto *obs = std::get_if<VantageObservation>(&result)) {
            run.observation = std::move(*obs);
        } else {
            std::fprintf(stderr, "bench_memory: %s: %s\n", run.spec.name.c_str(),
                         std::get<Error>(result).message.c_str());
            return 1;
        }
        runs.push_back(std::move(run));
    }
    const long afterParse = maxRssKiB();
    const long retainedParse = currentRssKiB();

    const Snapshot snapshot = inferSnapshot(runs, "2026-11-21T05:00:00Z");
    const long afterInfer = maxRssKiB();
    const long retainedInfer = currentRssKiB();

    std::printf("processes=%d namespaces=%d snapshot_processes=%zu snapshot_namespaces=%zu input_bytes=%zu "
                "maxrss_start_kib=%ld maxrss_input_kib=%ld maxrss_parse_kib=%ld maxrss_infer_kib=%ld "
                "rss_after_parse_kib=%ld rss_after_infer_kib=%ld parse_peak_delta_kib=%ld "
                "infer_peak_delta_kib=%ld total_delta_kib=%ld\n",
                options.processes, options.namespaces, snapshot.processes.size(),
                snapshot.pidNamespaces.size(), bytes, start, afterInput, afterParse, afterInfer,
                retainedParse, retainedInfer, afterParse - afterInput, afterInfer - afterParse,
                afterInfer - afterInput);
    return 0;
}
