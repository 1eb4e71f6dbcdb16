#include "capture_folder.h"

#include "collector_output.h"

#include <algorithm>
#include <variant>

namespace wslatlas {

namespace {

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

VantageSpec vantageForFile(const std::string &stem)
{
    // stem is what follows "vantage-": "vm", "host", "system-Ubuntu-20.04" or a distro name.
    VantageSpec spec;
    spec.command = {"(imported)"};
    if (stem == "vm") {
        spec.name = "vm";
        spec.role = VantageRole::Vm;
    } else if (stem == "host") {
        spec.name = "host";
        spec.role = VantageRole::Host;
    } else if (stem.rfind("system-", 0) == 0 && stem.size() > 7) {
        spec.distro = stem.substr(7);
        spec.name = "system:" + spec.distro;
        spec.role = VantageRole::System;
    } else {
        spec.distro = stem;
        spec.name = stem;
        spec.role = VantageRole::Distro;
    }
    return spec;
}

} // namespace

Collection collectionFromFolder(const std::vector<FolderFile> &input, std::vector<std::string> &ignored)
{
    std::vector<const FolderFile *> files;
    files.reserve(input.size());
    for (const FolderFile &f : input)
        files.push_back(&f);
    // Sorted by name so that the snapshot does not depend on the order the folder was listed in.
    std::sort(files.begin(), files.end(),
              [](const FolderFile *a, const FolderFile *b) { return a->name < b->name; });
    Collection out;
    for (const FolderFile *f : files) {
        if (!endsWith(f->name, ".txt")) {
            ignored.push_back(f->name + ": not a .txt file");
            continue;
        }
        const std::string stem = f->name.substr(0, f->name.size() - 4);
        if (stem.rfind("vantage-", 0) == 0 && stem.size() > 8) {
            VantageRun run;
            run.spec = vantageForFile(stem.substr(8));
            auto parsed = parseCollectorOutput(f->bytes);
            if (auto *error = std::get_if<Error>(&parsed))
                run.error = f->name + ": " + error->message;
            else
                run.observation = std::move(std::get<VantageObservation>(parsed));
            out.runs.push_back(std::move(run));
            continue;
        }
        const std::string kind = stem.substr(0, stem.find('.'));
        if (!isCaptureKind(kind)) {
            ignored.push_back(f->name + ": \"" + kind + "\" is not a capture kind");
            continue;
        }
        ParsedCapture capture = parseCapture(kind, f->bytes);
        if (!capture.status.ok)
            capture.status.error = f->name + ": " + capture.status.error;
        out.captures.push_back(std::move(capture));
    }
    return out;
}

} // namespace wslatlas
