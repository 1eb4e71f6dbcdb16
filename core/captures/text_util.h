#pragma once
// Helpers shared by the Windows capture parsers only (wsl.exe, the registry, .wslconfig, ipconfig,
// PowerShell): the general text helpers are in text.h. Input is what decodeCaptureText() returns: UTF-8 with
// LF line ends. These parsers trim with text::trimPadding(), since localized Windows output pads with NBSP
// and U+3000. Header-only, never throws on any bytes.
#include "text.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas::textutil {

// Blank for these parsers: nothing but ASCII whitespace, NBSP and U+3000.
inline bool isBlank(std::string_view s)
{
    return text::trimPadding(s).empty();
}

// A registry or wsl.exe number: decimal, or hex with "0x" as reg.exe prints DWORDs; padding around it is
// ignored, a sign is not (no value we read is negative).
inline std::optional<long long> parseInteger(std::string_view s)
{
    s = text::trimPadding(s);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        return text::parseWhole<long long>(s.substr(2), 16);
    return text::parseWhole<long long>(s);
}

// Byte offsets of each code point of s, plus s.size() at the end: column i starts at result[i].
// Windows pads columns by UTF-16 code units, which are code points for everything wsl.exe prints.
inline std::vector<std::size_t> codePointOffsets(std::string_view s)
{
    std::vector<std::size_t> out;
    std::size_t i = 0;
    while (i < s.size()) {
        out.push_back(i);
        i += std::min(text::utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
    }
    out.push_back(s.size());
    return out;
}

// "label: value" as wsl.exe prints it in any language: split at the first ':' that is followed by a
// space or ends the line (so "C:\Users" and "https://" do not split), or at a full-width '：'.
// Returns trimmed label and value; nullopt when the line has no such colon or an empty label.
inline std::optional<std::pair<std::string_view, std::string_view>> splitLabel(std::string_view line)
{
    for (std::size_t i = 0; i < line.size(); ++i) {
        std::size_t colonLength = 0;
        if (line[i] == ':' &&
            (i + 1 == line.size() || text::isSpace(line[i + 1]) || text::unicodeSpaceAt(line.substr(i + 1))))
            colonLength = 1;
        else if (line.substr(i, 3) == "\xEF\xBC\x9A") // U+FF1A FULLWIDTH COLON
            colonLength = 3;
        if (colonLength == 0)
            continue;
        std::string_view label = text::trimPadding(line.substr(0, i));
        if (label.empty())
            return std::nullopt;
        return std::pair{label, text::trimPadding(line.substr(i + colonLength))};
    }
    return std::nullopt;
}

// A shell prompt the user pasted along with the output: "C:\\temp> wsl --system", "PS C:\\Users\\me> ...".
inline bool isPromptLine(std::string_view line)
{
    line = text::trimPaddingLeft(line);
    if (text::istartsWith(line, "PS "))
        line.remove_prefix(3);
    return line.size() >= 3 && ((line[0] >= 'A' && line[0] <= 'Z') || (line[0] >= 'a' && line[0] <= 'z')) &&
           line[1] == ':' && line[2] == '\\' && line.find('>') != std::string_view::npos;
}

// wsl.exe's help text (what an old wsl.exe prints for an option it does not know): its option names
// are never translated.
inline bool looksLikeWslUsage(std::string_view text)
{
    int hits = 0;
    for (std::string_view option : {"--exec", "--distribution", "--user", "--help", "--export", "--import"})
        hits += text::icontains(text, option) ? 1 : 0;
    return hits >= 3;
}

// The first non-blank line, for "the input starts with ..." messages.
inline std::string_view firstNonBlankLine(std::string_view text)
{
    for (std::string_view line : text::splitLines(text))
        if (!isBlank(line))
            return line;
    return {};
}

} // namespace wslatlas::textutil
