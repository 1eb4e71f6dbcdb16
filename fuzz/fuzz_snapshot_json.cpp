// snapshotFromJson on any bytes: a snapshot or an error with a message. A snapshot it accepts is
// normalised by loading (defaults for missing fields): saving it and loading that again must give the
// same text, or an opened file would change each time it is saved. And a string or a whole number the
// file holds comes out the same wherever the saved file has one in its place: what the loader cannot
// hold as written must be refused, not wrapped around or cut.
#include "fuzz_check.h"
#include "snapshot_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace wslatlas;

namespace {

using nlohmann::json;

// "pid:[007]" -> "pid:[7]": a namespace link's inode is a number, and a number may be written with leading
// zeros (the kernel never does; the saved file never does).
std::string withoutLeadingZeros(std::string link)
{
    const auto open = link.rfind(":[");
    if (open == std::string::npos || link.back() != ']')
        return link;
    const auto first = open + 2;
    auto digits = first;
    while (digits + 2 < link.size() && link[digits] == '0')
        ++digits;
    return link.erase(first, digits - first);
}

// Walks both documents along the paths they share; the saved one mirrors the loaded one's layout. `key` is
// the member the values sit under.
void checkValuesKept(const json &read, const json &written, const std::string &key = {})
{
    if (read.is_object() && written.is_object()) {
        for (const auto &[member, value] : read.items())
            if (written.contains(member))
                checkValuesKept(value, written.at(member), member);
    } else if (read.is_array() && written.is_array()) {
        for (std::size_t i = 0; i < std::min(read.size(), written.size()); ++i)
            checkValuesKept(read.at(i), written.at(i), key);
    } else if (read.is_string() && written.is_string()) {
        if (withoutLeadingZeros(read.get<std::string>()) == written.get<std::string>())
            return;
        // An evidence kind or container engine this version does not know is kept as Unknown and saved as
        // "unknown", by design (kinds.h); the only kinds read leniently (an unknown link kind or role is
        // refused).
        if ((key == "kind" || key == "engine") && written.get<std::string>() == "unknown")
            return;
        if (read != written)
            std::fprintf(stderr, "read %s, saved %s\n", read.dump().c_str(), written.dump().c_str());
        WSLATLAS_FUZZ_CHECK(read == written, "a string changed between the file and the saved snapshot");
    } else if (key == "cpu_seconds" && read.is_number()) {
        // The one number that need not be whole: 12 is saved as 12.0, the same value.
        WSLATLAS_FUZZ_CHECK(written.is_number() && read.get<double>() == written.get<double>(),
                            "cpu_seconds changed between the file and the saved snapshot");
    } else if (read.is_number_integer() && written.is_number()) {
        // As text: nlohmann's == takes -1 and 18446744073709551615 for equal.
        const std::string before = read.dump(), after = written.dump();
        if (before != after)
            std::fprintf(stderr, "read %s, saved %s\n", before.c_str(), after.c_str());
        WSLATLAS_FUZZ_CHECK(before == after,
                            "a whole number changed between the file and the saved snapshot");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const Result<Snapshot> first = snapshotFromJson(text);
    if (const Error *error = errorOf(first)) {
        WSLATLAS_FUZZ_CHECK(!error->message.empty(), "a refused snapshot without a message");
        return 0;
    }
    const std::string saved = snapshotToJson(std::get<Snapshot>(first));
    const Result<Snapshot> second = snapshotFromJson(saved);
    if (const Error *error = errorOf(second)) {
        std::fprintf(stderr, "the saved snapshot does not load again: %s\n", error->message.c_str());
        WSLATLAS_FUZZ_CHECK(false, "a loaded snapshot, saved, does not load again");
    }
    WSLATLAS_FUZZ_CHECK(snapshotToJson(std::get<Snapshot>(second)) == saved,
                        "a loaded snapshot changes when saved and loaded again");
    // snapshotFromJson accepted the text, so it parses (duplicate keys: both keep the last).
    checkValuesKept(json::parse(text), json::parse(saved));
    return 0;
}
