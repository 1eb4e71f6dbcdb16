#pragma once
// Small text helpers shared by the capture parsers. Input is what decodeCaptureText() returns: UTF-8
// with LF line ends. Everything here is header-only, allocation-light and never throws on any bytes.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas::textutil {

inline bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Length of a Unicode space (NBSP U+00A0, ideographic space U+3000) at the start of s, else 0.
// Localized Windows output pads with both.
inline std::size_t unicodeSpaceAt(std::string_view s)
{
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0)
        return 2;
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE3 &&
        static_cast<unsigned char>(s[1]) == 0x80 && static_cast<unsigned char>(s[2]) == 0x80)
        return 3;
    return 0;
}

inline std::size_t unicodeSpaceBefore(std::string_view s)
{
    if (s.size() >= 2 && unicodeSpaceAt(s.substr(s.size() - 2)) == 2)
        return 2;
    if (s.size() >= 3 && unicodeSpaceAt(s.substr(s.size() - 3)) == 3)
        return 3;
    return 0;
}

inline std::string_view trimLeft(std::string_view s)
{
    for (;;) {
        if (!s.empty() && isAsciiSpace(s.front()))
            s.remove_prefix(1);
        else if (std::size_t n = unicodeSpaceAt(s))
            s.remove_prefix(n);
        else
            return s;
    }
}

inline std::string_view trimRight(std::string_view s)
{
    for (;;) {
        if (!s.empty() && isAsciiSpace(s.back()))
            s.remove_suffix(1);
        else if (std::size_t n = unicodeSpaceBefore(s))
            s.remove_suffix(n);
        else
            return s;
    }
}

inline std::string_view trim(std::string_view s)
{
    return trimRight(trimLeft(s));
}

inline bool isBlank(std::string_view s)
{
    return trim(s).empty();
}

// Lines of LF-separated text; a final LF does not make an extra empty line.
inline std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Words separated by ASCII whitespace.
inline std::vector<std::string_view> splitWords(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isAsciiSpace(s[i]))
            ++i;
        std::size_t start = i;
        while (i < s.size() && !isAsciiSpace(s[i]))
            ++i;
        if (i > start)
            out.push_back(s.substr(start, i - start));
    }
    return out;
}

inline char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// "00-15-5D-05-99-01" (Windows) or "00:15:5d:..." -> "00:15:5d:05:99:01"; nothing unless exactly six groups
// (DUIDs and tunnel addresses are longer).
inline std::optional<std::string> normalizeMac(std::string_view v)
{
    v = trim(v);
    if (v.size() != 17)
        return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (i % 3 == 2) {
            if (c != '-' && c != ':')
                return std::nullopt;
            out += ':';
        } else {
            const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex)
                return std::nullopt;
            out += asciiLower(c);
        }
    }
    return out;
}

inline std::string toLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = asciiLower(c);
    return out;
}

inline bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

inline bool istartsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

inline std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0)
{
    if (needle.empty())
        return from <= haystack.size() ? from : std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i)
        if (iequals(haystack.substr(i, needle.size()), needle))
            return i;
    return std::string_view::npos;
}

inline bool icontains(std::string_view haystack, std::string_view needle)
{
    return ifind(haystack, needle) != std::string_view::npos;
}

// A whole decimal (or 0x-prefixed hex) integer, nothing else.
inline std::optional<long long> parseInteger(std::string_view s)
{
    s = trim(s);
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s.remove_prefix(2);
    }
    if (s.empty())
        return std::nullopt;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return value;
}

// Byte length of the UTF-8 sequence starting with lead byte c (1 for anything invalid).
inline std::size_t utf8Length(unsigned char c)
{
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    if (c >= 0xE0)
        return c <= 0xEF ? 3 : 1;
    if (c >= 0xC2)
        return 2;
    return 1;
}

// Byte offsets of each code point of s, plus s.size() at the end: column i starts at result[i].
// Windows pads columns by UTF-16 code units, which are code points for everything wsl.exe prints.
inline std::vector<std::size_t> codePointOffsets(std::string_view s)
{
    std::vector<std::size_t> out;
    std::size_t i = 0;
    while (i < s.size()) {
        out.push_back(i);
        i += std::min(utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
    }
    out.push_back(s.size());
    return out;
}

// A line quoted for an error message: control bytes as \xNN, cut after max bytes (at a code point).
inline std::string quoteLine(std::string_view line, std::size_t max = 60)
{
    line = trim(line);
    std::string out;
    std::size_t i = 0;
    while (i < line.size() && out.size() < max) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 || c == 0x7F) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
            continue;
        }
        std::size_t n = std::min(utf8Length(c), line.size() - i);
        out.append(line.substr(i, n));
        i += n;
    }
    if (i < line.size())
        out += "…";
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
            (i + 1 == line.size() || isAsciiSpace(line[i + 1]) || unicodeSpaceAt(line.substr(i + 1))))
            colonLength = 1;
        else if (line.substr(i, 3) == "\xEF\xBC\x9A") // U+FF1A FULLWIDTH COLON
            colonLength = 3;
        if (colonLength == 0)
            continue;
        std::string_view label = trim(line.substr(0, i));
        if (label.empty())
            return std::nullopt;
        return std::pair{label, trim(line.substr(i + colonLength))};
    }
    return std::nullopt;
}

// A shell prompt the user pasted along with the output: "C:\\temp> wsl --system", "PS C:\\Users\\me> ...".
inline bool isPromptLine(std::string_view line)
{
    line = trimLeft(line);
    if (istartsWith(line, "PS "))
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
        hits += icontains(text, option) ? 1 : 0;
    return hits >= 3;
}

// The first non-blank line, for "the input starts with ..." messages.
inline std::string_view firstNonBlankLine(std::string_view text)
{
    for (std::string_view line : splitLines(text))
        if (!isBlank(line))
            return line;
    return {};
}

} // namespace wslatlas::textutil
