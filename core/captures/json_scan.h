#pragma once
// JSON values embedded in pasted text (PowerShell's ConvertTo-Json, hnsdiag -d): each value starts with
// '{' or '[' as the first non-blank character of a line; text around them (prompts, banners) is skipped.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wslatlas::capturejson {

struct JsonScan
{
    std::vector<nlohmann::json> values;
    std::string error; // set when a value is cut off, too deep or not JSON
};

JsonScan scanJson(std::string_view text);

} // namespace wslatlas::capturejson
