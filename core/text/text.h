#pragma once
// The one set of text helpers for core and the programs: trimming, splitting, whole numbers, joining,
// UTF-8 cleaning and quoting for messages. Input is bytes in a std::string_view; nothing here throws on
// any bytes, and nothing depends on the C locale (std::isspace would).
//
// Whitespace, decided once:
//   - trim() and splitWords() use ASCII whitespace only: space, \t, \n, \v, \f, \r. A NO-BREAK SPACE
//     (U+00A0) is content: a process may be named "a\u00a0b " and keeps its NBSP.
//   - trimPadding() also drops NBSP and IDEOGRAPHIC SPACE (U+3000) at the ends: localized Windows tools
//     (ipconfig, wsl.exe, PowerShell) pad their columns and values with them. Only the Windows capture
//     parsers use it.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

namespace wslatlas::text {

// ---- characters (ASCII, whatever the locale)

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ---- whitespace

constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trimLeft(std::string_view s);
std::string_view trimRight(std::string_view s);
std::string_view trim(std::string_view s); // ASCII whitespace only; NBSP is kept

// Byte length of an NBSP (U+00A0) or ideographic space (U+3000) at the start / end of s, else 0.
std::size_t unicodeSpaceAt(std::string_view s);
std::size_t unicodeSpaceBefore(std::string_view s);

// trim() plus NBSP and U+3000: for localized Windows output only (see above).
std::string_view trimPaddingLeft(std::string_view s);
std::string_view trimPaddingRight(std::string_view s);
std::string_view trimPadding(std::string_view s);

// ---- splitting

// Lines of LF-separated text. Trailing CRs are dropped from each line (CRLF text reads like LF text), and a
// final LF does not make an extra empty line: "a\r\nb\n" -> {"a", "b"}; "" -> {}.
std::vector<std::string_view> splitLines(std::string_view text);

// Words separated by runs of ASCII whitespace; no empty words.
std::vector<std::string_view> splitWords(std::string_view s);

// The word that starts at or after `at` (skipping ASCII whitespace); `at` moves past it. Empty at the end.
std::string_view nextWord(std::string_view s, std::size_t &at);

// ---- whole numbers

// The whole of s as a number in `base` (10 or 16; no "0x"), nothing else: no sign (neither '+' nor '-'),
// no surrounding space, no trailing garbage, and nothing when the value does not fit T.
template <typename T> std::optional<T> parseWhole(std::string_view s, int base = 10)
{
    static_assert(std::is_integral_v<T>);
    if (s.empty() || s.front() == '-' || s.front() == '+')
        return std::nullopt;
    T value{};
    const char *end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, value, base);
    if (ec != std::errc{} || ptr != end)
        return std::nullopt;
    return value;
}

// ---- joining, case

// "a, b, c" (or with another separator); every item, empty ones too, gets its separator.
std::string joined(const std::vector<std::string> &items, std::string_view separator = ", ");

constexpr char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string toLower(std::string_view s); // ASCII letters only
bool iequals(std::string_view a, std::string_view b);
bool istartsWith(std::string_view s, std::string_view prefix);
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);
bool icontains(std::string_view haystack, std::string_view needle);

// ---- UTF-8

// Byte length announced by a UTF-8 lead byte (1 for ASCII and for anything that cannot lead).
std::size_t utf8Length(unsigned char lead);

// s with each invalid UTF-8 sequence replaced by U+FFFD, one per maximal invalid subpart as Unicode
// recommends (so a sequence cut short, "\xe2\x82", is one U+FFFD; overlongs, surrogates and values past
// U+10FFFF are invalid, byte by byte). Valid text comes back unchanged.
std::string validUtf8(std::string_view s);
bool isValidUtf8(std::string_view s);

// ---- messages

// s for an error message, in double quotes: trimmed (ASCII whitespace), '"' escaped as \" (a backslash is
// left alone, so that Windows paths read as they were pasted), control bytes and bytes that are not UTF-8 as
// \xNN, other characters as they are; cut at a character boundary once maxBytes bytes are written, the cut
// marked with "...". Binary noise stays short and a message stays valid UTF-8 whatever the input was.
std::string quoted(std::string_view s, std::size_t maxBytes = 60);

// `pattern` with %1…%9 replaced by `values`, in one pass (a value holding "%1" is not filled again); empty
// when the pattern names a value that is not there. The sentences of findings and evidence use it.
std::string filled(std::string_view pattern, const std::vector<std::string> &values);

// 314572800 -> "300.0 MiB", 512 -> "512 B": binary units with one decimal, for the CLI (ui uses QLocale's).
std::string byteSize(std::uint64_t bytes);

} // namespace wslatlas::text
