#include "text.h"

#include <algorithm>
#include <cstdio>

namespace wslatlas::text {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// Length of the valid UTF-8 sequence at s[i], or 0 with `bad` set to the length of the maximal invalid
// subpart there (at least 1). The ranges are those of Unicode's table 3-7, so overlongs and surrogates fail
// on their second byte.
std::size_t validSequenceAt(std::string_view s, std::size_t i, std::size_t &bad)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return 1;
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        bad = 1;
        return 0;
    }
    std::size_t j = 1;
    for (; j <= need && i + j < s.size(); ++j) {
        const auto cc = static_cast<unsigned char>(s[i + j]);
        if (cc < (j == 1 ? lo : 0x80) || cc > (j == 1 ? hi : 0xBF))
            break;
    }
    if (j <= need) {
        bad = j; // the lead and the continuations that were still valid
        return 0;
    }
    return need + 1;
}

} // namespace

std::string_view trimLeft(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    return s;
}

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string_view trim(std::string_view s)
{
    return trimRight(trimLeft(s));
}

std::size_t unicodeSpaceAt(std::string_view s)
{
    if (s.starts_with("\xC2\xA0"))
        return 2;
    if (s.starts_with("\xE3\x80\x80"))
        return 3;
    return 0;
}

std::size_t unicodeSpaceBefore(std::string_view s)
{
    if (s.ends_with("\xC2\xA0"))
        return 2;
    if (s.ends_with("\xE3\x80\x80"))
        return 3;
    return 0;
}

std::string_view trimPaddingLeft(std::string_view s)
{
    for (;;) {
        s = trimLeft(s);
        const std::size_t n = unicodeSpaceAt(s);
        if (n == 0)
            return s;
        s.remove_prefix(n);
    }
}

std::string_view trimPaddingRight(std::string_view s)
{
    for (;;) {
        s = trimRight(s);
        const std::size_t n = unicodeSpaceBefore(s);
        if (n == 0)
            return s;
        s.remove_suffix(n);
    }
}

std::string_view trimPadding(std::string_view s)
{
    return trimPaddingRight(trimPaddingLeft(s));
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

std::vector<std::string_view> splitWords(std::string_view s)
{
    std::vector<std::string_view> words;
    std::size_t at = 0;
    for (std::string_view word = nextWord(s, at); !word.empty(); word = nextWord(s, at))
        words.push_back(word);
    return words;
}

std::string_view nextWord(std::string_view s, std::size_t &at)
{
    while (at < s.size() && isSpace(s[at]))
        ++at;
    const std::size_t start = std::min(at, s.size());
    while (at < s.size() && !isSpace(s[at]))
        ++at;
    return s.substr(start, at - start);
}

std::string joined(const std::vector<std::string> &items, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += separator;
        out += items[i];
    }
    return out;
}

std::string toLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = asciiLower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

bool istartsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from)
{
    if (needle.empty())
        return from <= haystack.size() ? from : std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i)
        if (iequals(haystack.substr(i, needle.size()), needle))
            return i;
    return std::string_view::npos;
}

bool icontains(std::string_view haystack, std::string_view needle)
{
    return ifind(haystack, needle) != std::string_view::npos;
}

std::size_t utf8Length(unsigned char lead)
{
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    return 1;
}

std::string validUtf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t bad = 0;
        if (const std::size_t n = validSequenceAt(s, i, bad)) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out += kReplacement;
            i += bad;
        }
    }
    return out;
}

bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    std::size_t bad = 0;
    while (i < s.size()) {
        const std::size_t n = validSequenceAt(s, i, bad);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string quoted(std::string_view s, std::size_t maxBytes)
{
    static constexpr char hex[] = "0123456789abcdef";
    s = trim(s);
    std::string out = "\"";
    std::size_t i = 0;
    while (i < s.size() && out.size() - 1 < maxBytes) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t bad = 0;
        const std::size_t n = validSequenceAt(s, i, bad);
        if (c == '"') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (n == 0 || c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out.append(s.substr(i, n));
            i += n;
            continue;
        }
        ++i; // one byte at a time for escapes, so each byte of a bad sequence shows
    }
    if (i < s.size())
        out += "...";
    return out + "\"";
}

std::string filled(std::string_view pattern, const std::vector<std::string> &values)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        const bool placeholder =
            c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9';
        if (!placeholder) {
            out += c;
            continue;
        }
        const auto index = static_cast<std::size_t>(pattern[++i] - '1');
        if (index >= values.size())
            return {};
        out += values[index];
    }
    return out;
}

std::string byteSize(std::uint64_t bytes)
{
    constexpr const char *kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(kUnits)) {
        value /= 1024;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %s", value, kUnits[unit]);
    return buf;
}

} // namespace wslatlas::text
