// parsePlanJson on any bytes (plan files are user input): a plan or an error with a message. A plan it
// accepts, written with planToJson, must parse again to the same plan.
#include "fuzz_check.h"
#include "vantage_plan.h"

#include <cstddef>
#include <cstdint>

using namespace wslatlas;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const Result<VantagePlan> parsed = parsePlanJson(text);
    if (const Error *error = errorOf(parsed)) {
        WSLATLAS_FUZZ_CHECK(!error->message.empty(), "a refused plan without a message");
        return 0;
    }
    const VantagePlan &plan = std::get<VantagePlan>(parsed);
    WSLATLAS_FUZZ_CHECK(!plan.vantages.empty() || !plan.captures.empty(), "an accepted plan is empty");
    for (const VantageSpec &v : plan.vantages)
        WSLATLAS_FUZZ_CHECK(!v.name.empty() && !v.command.empty() && !v.command.front().empty(),
                            "an accepted vantage has no name or no program");
    const std::string written = planToJson(plan);
    const Result<VantagePlan> again = parsePlanJson(written);
    if (const Error *error = errorOf(again)) {
        std::fprintf(stderr, "the written plan does not parse again: %s\n", error->message.c_str());
        WSLATLAS_FUZZ_CHECK(false, "a plan written by planToJson does not parse again");
    }
    WSLATLAS_FUZZ_CHECK(planToJson(std::get<VantagePlan>(again)) == written,
                        "a plan changes when written and parsed again");
    return 0;
}
