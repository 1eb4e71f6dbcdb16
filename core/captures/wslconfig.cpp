// parseWslConfig: %USERPROFILE%\.wslconfig read the way WSL reads it (src/shared/configfile in WSL's
// source), so that what we show is what WSL uses:
// - "[section]": a letter then letters/digits, then only spaces or a '#' comment;
// - "key = value": the key a letter then letters/digits, case-insensitive; "section.key" is its name;
// - the value runs to the end of the line or an unquoted '#'; '"' toggles quoting and is dropped;
//   \\ \" \n \t \b are escapes, a backslash at the end of a line continues it, any other escape or an
//   unclosed quote makes WSL skip the whole line; trailing spaces outside quotes are trimmed;
// - '#' starts a comment. ';' is not a comment character for WSL: a line starting with ';' is an
//   invalid key line WSL skips (same effect), but "key=value ; text" keeps "; text" in the value;
// - a key given twice keeps its first value (WSL warns and ignores the later one).
#include "capture_parsers.h"
#include "text_util.h"

#include <map>

namespace wslatlas {

namespace {

using namespace text;
using namespace textutil;

bool isAlpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool isAlnum(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9');
}
bool isHSpace(char c)
{
    return c == ' ' || c == '\t';
}

enum class LineKind
{
    Blank,
    Comment,
    Section,
    KeyValue,
    Invalid
};

struct ParsedLine
{
    LineKind kind = LineKind::Invalid;
    std::string section; // for Section
    std::string key, value;
};

std::size_t skipSpaces(std::string_view line, std::size_t i)
{
    while (i < line.size() && isHSpace(line[i]))
        ++i;
    return i;
}

// "[name]" with only spaces or a comment after it; line[i] is the '['.
ParsedLine parseSectionLine(std::string_view line, std::size_t i)
{
    ParsedLine out;
    ++i;
    std::size_t start = i;
    if (i >= line.size() || !isAlpha(line[i]))
        return out;
    while (i < line.size() && isAlnum(line[i]))
        ++i;
    if (i >= line.size() || line[i] != ']')
        return out;
    out.section = toLower(line.substr(start, i - start));
    i = skipSpaces(line, i + 1);
    if (i < line.size() && line[i] != '#')
        return out;
    out.kind = LineKind::Section;
    return out;
}

// What the escape "\e" stands for; nothing for an escape WSL refuses ("Invalid escaped character").
std::optional<char> unescaped(char e)
{
    switch (e) {
    case '\\':
    case '"':
        return e;
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'b':
        return '\b';
    default:
        return std::nullopt;
    }
}

// The value of a key line from line[i] on, continued on the next lines (n moves along) after a backslash at
// a line's end. False when WSL would skip the line: a bad escape, an unclosed quote, a continuation at the
// end of the file.
bool readValue(std::string_view line, std::size_t i, const std::vector<std::string_view> &lines,
               std::size_t &n, std::string &value)
{
    bool inQuote = false;
    std::size_t keep = 0; // value length without trailing unquoted spaces
    while (i < line.size()) {
        char c = line[i++];
        if (c == '"') {
            inQuote = !inQuote;
        } else if (c == '\\') {
            if (i >= line.size()) { // a backslash at the end continues the value on the next line
                if (n + 1 >= lines.size())
                    return false;
                line = lines[++n];
                i = 0;
                continue;
            }
            auto e = unescaped(line[i++]);
            if (!e)
                return false;
            value += *e;
        } else if (c == '#' && !inQuote) {
            break;
        } else {
            value += c;
        }
        if (!isHSpace(c))
            keep = value.size();
    }
    if (inQuote)
        return false; // WSL: "Expected '\"'"
    value.resize(keep);
    return true;
}

// One logical line: lines[n], and the lines after it that a backslash continues (n moves to the last).
ParsedLine parseLine(std::string_view line, const std::vector<std::string_view> &lines, std::size_t &n)
{
    ParsedLine out;
    std::size_t i = skipSpaces(line, 0);
    if (i == line.size()) {
        out.kind = LineKind::Blank;
        return out;
    }
    if (line[i] == '#') {
        out.kind = LineKind::Comment;
        return out;
    }
    if (line[i] == '[')
        return parseSectionLine(line, i);
    if (!isAlpha(line[i]))
        return out;
    std::size_t keyStart = i;
    while (i < line.size() && isAlnum(line[i]))
        ++i;
    out.key = toLower(line.substr(keyStart, i - keyStart));
    i = skipSpaces(line, i);
    if (i >= line.size() || line[i] != '=')
        return out;
    i = skipSpaces(line, i + 1);
    if (readValue(line, i, lines, n, out.value))
        out.kind = LineKind::KeyValue;
    return out;
}

std::optional<bool> parseBool(std::string_view v)
{
    if (iequals(v, "true") || v == "1")
        return true;
    if (iequals(v, "false") || v == "0")
        return false;
    return std::nullopt;
}

} // namespace

Result<WslConfig> parseWslConfig(std::string_view bytes)
{
    const std::string text = decodeCaptureText(bytes);
    if (isBlank(text))
        return Error{"the input is empty: paste the contents of %USERPROFILE%\\.wslconfig (no .wslconfig at "
                     "all means WSL's defaults: NAT networking, GUI applications on)"};

    WslConfig config;
    const auto lines = splitLines(text);
    std::string section;
    std::size_t valid = 0, invalid = 0;
    std::string firstInvalid;
    std::map<std::string, std::size_t> setOnLine;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::size_t first = n;
        ParsedLine p = parseLine(lines[n], lines, n);
        switch (p.kind) {
        case LineKind::Blank:
        case LineKind::Comment:
            break;
        case LineKind::Section:
            section = p.section;
            ++valid;
            break;
        case LineKind::KeyValue: {
            ++valid;
            std::string name = section.empty() ? p.key : section + "." + p.key;
            if (config.settings.emplace(name, p.value).second) // the first one stays, as in WSL
                setOnLine.emplace(name, first);
            break;
        }
        case LineKind::Invalid:
            ++invalid;
            if (firstInvalid.empty())
                firstInvalid = "line " + std::to_string(first + 1) + " " + quoted(lines[first]);
            break;
        }
    }
    if (valid == 0)
        return Error{"this is not a .wslconfig (no [section] or key=value line; " + firstInvalid + ")"};
    if (invalid > valid)
        return Error{"this does not read as a .wslconfig: most lines are neither [section] nor key=value (" +
                     firstInvalid + ")"};

    // WSL reads wsl2.networkingMode and the older experimental.networkingMode as one setting and keeps
    // the first one in the file, so [experimental] counts when [wsl2] does not set it, and when both
    // do, whichever section comes first in the file wins. Same for guiApplications (wsl2 only).
    std::size_t bestLine = std::string::npos;
    for (const char *name : {"wsl2.networkingmode", "experimental.networkingmode"}) {
        auto it = config.settings.find(name);
        if (it != config.settings.end() && setOnLine[name] < bestLine) {
            bestLine = setOnLine[name];
            config.networkingMode = toLower(it->second);
        }
    }
    if (auto it = config.settings.find("wsl2.guiapplications"); it != config.settings.end())
        config.guiApplications = parseBool(it->second); // an invalid value: WSL keeps its default
    return config;
}

} // namespace wslatlas
