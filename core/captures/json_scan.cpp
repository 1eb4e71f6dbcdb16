#include "json_scan.h"

#include <algorithm>

namespace wslatlas::capturejson {

namespace {

using nlohmann::json;

constexpr int kMaxJsonDepth = 64;

std::size_t lineNumberAt(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(
                   std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

bool startsJsonLine(std::string_view text, std::size_t i)
{
    // '{' or '[' as the first non-blank character of its line, followed by JSON-looking text.
    std::size_t b = i;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t'))
        --b;
    if (b > 0 && text[b - 1] != '\n')
        return false;
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
        ++j;
    return j == text.size() || text[j] == '\n' || text[j] == '"' || text[j] == '{' || text[j] == '[' ||
           text[j] == ']' || text[j] == '}';
}

} // namespace

JsonScan scanJson(std::string_view text)
{
    JsonScan scan;
    std::size_t i = 0;
    while (i < text.size()) {
        if ((text[i] != '{' && text[i] != '[') || !startsJsonLine(text, i)) {
            ++i;
            continue;
        }
        int depth = 0;
        bool inString = false;
        bool escape = false;
        std::size_t j = i;
        for (; j < text.size(); ++j) {
            const char c = text[j];
            if (inString) {
                if (escape)
                    escape = false;
                else if (c == '\\')
                    escape = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > kMaxJsonDepth) {
                    scan.error = "the JSON starting on line " + std::to_string(lineNumberAt(text, i)) +
                                 " is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
                    return scan;
                }
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    break;
            }
        }
        if (j >= text.size()) {
            scan.error = "the JSON starting on line " + std::to_string(lineNumberAt(text, i)) +
                         " ends before its closing bracket (the output seems cut off)";
            return scan;
        }
        json value = json::parse(text.substr(i, j + 1 - i), nullptr, false);
        if (value.is_discarded()) {
            scan.error =
                "the text starting on line " + std::to_string(lineNumberAt(text, i)) + " is not valid JSON";
            return scan;
        }
        scan.values.push_back(std::move(value));
        i = j + 1;
    }
    return scan;
}

} // namespace wslatlas::capturejson
