// snapshotFromJson on any bytes: a snapshot or an error with a message. A snapshot it accepts is
// normalised by loading (defaults for missing fields): saving it and loading that again must give the
// same text, or an opened file would change each time it is saved.
#include "fuzz_check.h"
#include "snapshot_json.h"

#include <cstddef>
#include <cstdint>

using namespace wslatlas;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    Snapshot first;
    std::string error;
    if (!snapshotFromJson(text, first, error)) {
        WSLATLAS_FUZZ_CHECK(!error.empty(), "a refused snapshot without a message");
        return 0;
    }
    const std::string saved = snapshotToJson(first);
    Snapshot second;
    if (!snapshotFromJson(saved, second, error)) {
        std::fprintf(stderr, "the saved snapshot does not load again: %s\n", error.c_str());
        WSLATLAS_FUZZ_CHECK(false, "a loaded snapshot, saved, does not load again");
    }
    WSLATLAS_FUZZ_CHECK(snapshotToJson(second) == saved,
                        "a loaded snapshot changes when saved and loaded again");
    return 0;
}
