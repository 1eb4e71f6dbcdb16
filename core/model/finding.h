#pragma once
// Findings as facts: a code and its parameters. The English sentence is written from them here, once (the
// CLI prints it and the file keeps it for its readers); ui writes the same sentence in the user's language
// from the same pattern (ui/models/finding_text.cpp), and a test holds the two to the same words.
#include "network.h"

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {

using FindingParams = std::map<std::string, std::string>;

// The sentence of a code: a pattern with %1…%9 and the parameter names that fill them, in order.
struct FindingPattern
{
    std::string_view pattern;
    std::vector<std::string_view> params;
};

// The pattern for `code` given its parameters (two codes read differently when an optional parameter is
// empty); an empty pattern for FindingCode::Other.
FindingPattern findingPattern(FindingCode code, const FindingParams &params);

// The values that fill the pattern's %1…, in order; empty when a parameter it names is missing.
std::optional<std::vector<std::string>> patternValues(const FindingPattern &pattern,
                                                      const FindingParams &params);

// The English sentence; empty when a parameter the pattern needs is missing.
std::string englishText(FindingCode code, const FindingParams &params);

Finding makeFinding(Severity severity, FindingCode code, FindingParams params);

} // namespace wslatlas
