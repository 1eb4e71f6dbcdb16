#pragma once
// Parses what resources/collector.sh prints (docs/collector-format.md) into a VantageObservation.
#include "observation.h"
#include "result.h"

#include <string>
#include <string_view>
#include <variant>

namespace wslatlas {

// The marker that ends the collector's output; runners stop reading once a line holds it.
inline constexpr std::string_view kCollectorEndMarker = "@@WSLATLAS-END";

// Pure: text in, observation or error out. Tolerates CRLF, terminal prompts and echo before the
// begin marker, and invalid UTF-8 (replaced). Never throws on any input. nonce: this run's (the value
// of wa_nonce the runner fed the script); when given, only the block whose begin and end markers carry
// it is read and blocks of other runs are dropped with a warning. Empty (saved files): the last begin
// marker before the first end marker counts.
Result<VantageObservation> parseCollectorOutput(std::string_view raw, std::string_view nonce = {});

} // namespace wslatlas
