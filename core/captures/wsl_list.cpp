// parseWslList: `wsl.exe -l -v`. WSL prints it with wprintf("%s %-Ns%-16s%s"): a one-character
// default marker ('*' or ' '), a space, the name padded to the longest name + 4, the state padded to
// 16, the version. Headers and states are English in WSL's current source but the parser must not
// depend on words, so columns come from where the header's fields start; when a row does not fit
// those columns (text pasted from a terminal that re-flowed it), it is read by words instead: names
// cannot contain spaces, the version is the last word and the state is what lies between.
#include "capture_parsers.h"
#include "text_util.h"

namespace wslatlas {

namespace {

using namespace text;
using namespace textutil;

struct Columns
{
    std::size_t name = 0, state = 0, version = 0; // code point columns
};

bool isNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
}

bool looksLikeName(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!isNameChar(c) && static_cast<unsigned char>(c) < 0x80)
            return false;
    return true;
}

std::optional<int> parseVersion(std::string_view s)
{
    auto v = parseInteger(s);
    if (!v || *v < 1 || *v > 9 || trimPadding(s).find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    return static_cast<int>(*v);
}

// Header fields are separated by runs of two or more spaces (a localized field may hold one space).
std::optional<Columns> headerColumns(std::string_view line)
{
    auto offsets = codePointOffsets(line);
    std::vector<std::size_t> starts;
    std::size_t cp = 0, spaces = 2;
    for (; cp + 1 < offsets.size(); ++cp) {
        std::string_view ch = line.substr(offsets[cp], offsets[cp + 1] - offsets[cp]);
        bool space = ch == " " || ch == "\t" || unicodeSpaceAt(ch);
        if (!space && spaces >= 2)
            starts.push_back(cp);
        spaces = space ? spaces + 1 : 0;
    }
    if (starts.size() != 3)
        return std::nullopt;
    return Columns{starts[0], starts[1], starts[2]};
}

// The text between code point columns [from, to) of a line (to may lie past its end).
std::string_view columnText(std::string_view line, const std::vector<std::size_t> &offsets, std::size_t from,
                            std::size_t to)
{
    std::size_t count = offsets.size() - 1;
    if (from >= count)
        return {};
    std::size_t a = offsets[from], b = offsets[std::min(to, count)];
    return line.substr(a, b - a);
}

std::optional<Distro> rowByColumns(std::string_view line, const Columns &c)
{
    auto offsets = codePointOffsets(line);
    std::string_view marker = trimPadding(columnText(line, offsets, 0, c.name));
    std::string_view nameCell = columnText(line, offsets, c.name, c.state);
    std::string_view stateCell = columnText(line, offsets, c.state, c.version);
    std::string_view versionCell = columnText(line, offsets, c.version, offsets.size());
    // A cell must end in padding, or the columns do not fit this row.
    if (!(marker.empty() || marker == "*") || nameCell.empty() || !isSpace(nameCell.back()) ||
        stateCell.empty() || !isSpace(stateCell.back()))
        return std::nullopt;
    auto version = parseVersion(versionCell);
    std::string_view name = trimPadding(nameCell), state = trimPadding(stateCell);
    if (!version || !looksLikeName(name) || state.empty() || name.find(' ') != std::string_view::npos)
        return std::nullopt;
    return Distro{std::string(name), std::string(state), *version, marker == "*", {}, {}, {}};
}

std::optional<Distro> rowByWords(std::string_view line)
{
    std::string_view rest = trimPadding(line);
    bool isDefault = false;
    if (rest.substr(0, 1) == "*") {
        isDefault = true;
        rest = trimPaddingLeft(rest.substr(1));
    }
    auto words = splitWords(rest);
    if (words.size() < 3 || !looksLikeName(words.front()))
        return std::nullopt;
    auto version = parseVersion(words.back());
    if (!version)
        return std::nullopt;
    std::size_t stateBegin = static_cast<std::size_t>(words[1].data() - rest.data());
    std::size_t stateEnd = static_cast<std::size_t>(words.back().data() - rest.data());
    std::string_view state = trimPadding(rest.substr(stateBegin, stateEnd - stateBegin));
    return Distro{std::string(words.front()), std::string(state), *version, isDefault, {}, {}, {}};
}

std::optional<Distro> parseRow(std::string_view line, const std::optional<Columns> &columns)
{
    if (columns)
        if (auto d = rowByColumns(line, *columns))
            return d;
    return rowByWords(line);
}

bool isEnglishHeader(std::string_view line)
{
    auto words = splitWords(line);
    return words.size() == 3 && words[0] == "NAME" && words[1] == "STATE" && words[2] == "VERSION";
}

// Column titles: the English ones (however spaced), or three fields apart by padding, the last not a
// number, and no "label: value" line.
bool looksLikeHeader(std::string_view line)
{
    if (isEnglishHeader(line))
        return true;
    auto words = splitWords(line);
    if (words.size() < 3 || parseInteger(words.back()) || words.front() == "*")
        return false;
    if (line.find(':') != std::string_view::npos || line.find("\xEF\xBC\x9A") != std::string_view::npos)
        return false;
    return headerColumns(line).has_value();
}

// "no installed distributions": the modern message carries the locked 'wsl.exe --list --online'
// and the old inbox one the Store link; both are untranslated in every language.
bool isNoDistrosMessage(std::string_view text)
{
    return icontains(text, "has no installed distributions") || icontains(text, "aka.ms/wslstore") ||
           (icontains(text, "--list --online") && icontains(text, "--install"));
}

} // namespace

Result<std::vector<Distro>> parseWslList(std::string_view bytes)
{
    const std::string text = decodeCaptureText(bytes);
    if (isBlank(text))
        return Error{"the input is empty: paste what `wsl.exe -l -v` printed"};

    auto failure = parseWslError(bytes);
    if (auto *error = std::get_if<WslError>(&failure)) {
        if (error->token == "WSL_E_DEFAULT_DISTRO_NOT_FOUND")
            return std::vector<Distro>{}; // wsl -l -v with nothing installed fails with this code
        return Error{"`wsl.exe -l -v` failed with " + error->code + ": " + error->message};
    }

    const auto lines = splitLines(text);
    for (std::size_t h = 0; h < lines.size(); ++h) {
        if (!looksLikeHeader(lines[h]))
            continue;
        const auto columns = headerColumns(lines[h]);
        std::vector<Distro> distros;
        std::size_t n = h + 1;
        for (; n < lines.size(); ++n) {
            if (isBlank(lines[n]))
                continue;
            auto row = parseRow(lines[n], columns);
            if (!row)
                break;
            distros.push_back(std::move(*row));
        }
        if (distros.empty()) {
            if (isEnglishHeader(lines[h]))
                return Error{"the NAME/STATE/VERSION header of `wsl.exe -l -v` is there but no distribution "
                             "rows follow: the output looks cut off"};
            continue;
        }
        // Whatever follows the table must not be the start of a row that was cut off.
        std::size_t lastText = n;
        for (std::size_t k = n; k < lines.size(); ++k)
            if (!isBlank(lines[k]))
                lastText = k;
        if (n < lines.size() && lastText == n) {
            auto words = splitWords(
                trimPaddingLeft(lines[n]).substr(trimPaddingLeft(lines[n]).substr(0, 1) == "*" ? 1 : 0));
            if (!words.empty() && words.size() < 3 && looksLikeName(words.front()))
                return Error{"the `wsl.exe -l -v` output stops in the middle of a row: " + quoted(lines[n])};
        }
        return distros;
    }

    if (isNoDistrosMessage(text))
        return std::vector<Distro>{};
    if (looksLikeWslUsage(text))
        return Error{"this wsl.exe printed its help instead of a list: it does not know `-l -v` (the WSL 1 "
                     "era wsl.exe of Windows 10 before build 18917); update Windows or install WSL from the "
                     "Microsoft Store"};
    return Error{"this is not the output of `wsl.exe -l -v` (no NAME/STATE/VERSION table); the input starts "
                 "with " +
                 quoted(firstNonBlankLine(text))};
}

} // namespace wslatlas
