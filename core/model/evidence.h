#pragma once
// Why a namespace has the parent it has, in words: the sentences an Evidence's facts make, as patterns with
// %1…%9 and their values, so that the English text (written here) and the translated one (ui) come from
// the same facts. A test holds ui's marked patterns to these.
#include "snapshot.h"

#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

struct Sentence
{
    std::string_view pattern;
    std::vector<std::string> values;
};

// The sentences of `evidence`, in order; empty when a fact the sentences need is missing (a file written
// before the facts were stored: its own text is what people see).
std::vector<Sentence> evidenceSentences(const Evidence &evidence);

// The sentences in English, joined by a space; empty as evidenceSentences is.
std::string englishText(const Evidence &evidence);

} // namespace wslatlas
