#pragma once
#include <string_view>

namespace wslatlas {
// resources/collector.sh, embedded at build time.
std::string_view collectorScript();
} // namespace wslatlas
