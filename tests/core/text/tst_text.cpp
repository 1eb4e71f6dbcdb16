// The text module's decided behaviours: which whitespace trim() drops, number parsing, UTF-8 cleaning,
// quoting for messages.
#include "text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace wslatlas;

TEST(Text, TrimDropsAsciiWhitespaceOnly)
{
    EXPECT_EQ(text::trim(" \t\r\n\v\fa b\f\v\n\r\t "), "a b");
    EXPECT_EQ(text::trim("   "), "");
    EXPECT_EQ(text::trim(""), "");
    EXPECT_EQ(text::trimLeft("  a  "), "a  ");
    EXPECT_EQ(text::trimRight("  a  "), "  a");
    // A process named "a<NBSP>" keeps its NBSP (U+00A0), and U+3000 is content too.
    EXPECT_EQ(text::trim("a\xC2\xA0 "), "a\xC2\xA0");
    EXPECT_EQ(text::trim("\xC2\xA0"
                         "a"),
              "\xC2\xA0"
              "a");
    EXPECT_EQ(text::trim("\xE3\x80\x80x"), "\xE3\x80\x80x");
}

TEST(Text, TrimPaddingAlsoDropsWindowsPadding)
{
    // Localized ipconfig and wsl.exe pad with NBSP and U+3000; only the Windows parsers use this.
    EXPECT_EQ(text::trimPadding("\xC2\xA0 \xE3\x80\x80Ubuntu \xC2\xA0\t"), "Ubuntu");
    EXPECT_EQ(text::trimPadding("\xC2\xA0\xC2\xA0"), "");
    EXPECT_EQ(text::trimPaddingLeft("\xC2\xA0x\xC2\xA0"), "x\xC2\xA0");
    EXPECT_EQ(text::trimPaddingRight("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x");
    // A lone 0xC2 or 0xA0 byte is not a space.
    EXPECT_EQ(text::trimPadding("\xA0x\xC2"), "\xA0x\xC2");
}

TEST(Text, SplitLinesAndWords)
{
    using V = std::vector<std::string_view>;
    EXPECT_EQ(text::splitLines("a\r\nb\n\nc"), (V{"a", "b", "", "c"}));
    EXPECT_EQ(text::splitLines("a\n"), (V{"a"})); // a final LF is not an extra line
    EXPECT_EQ(text::splitLines(""), V{});
    EXPECT_EQ(text::splitLines("\n"), (V{""}));
    EXPECT_EQ(text::splitWords("  eth0\tUP \r\n 1500 "), (V{"eth0", "UP", "1500"}));
    EXPECT_EQ(text::splitWords(" \t "), V{});
    // NBSP does not separate words.
    EXPECT_EQ(text::splitWords("a\xC2\xA0"
                               "b c"),
              (V{"a\xC2\xA0"
                 "b",
                 "c"}));
    std::size_t at = 0;
    EXPECT_EQ(text::nextWord("1 NONCE", at), "1");
    EXPECT_EQ(text::nextWord("1 NONCE", at), "NONCE");
    EXPECT_EQ(text::nextWord("1 NONCE", at), "");
}

TEST(Text, WholeNumbers)
{
    EXPECT_EQ(text::parseWhole<int>("1500"), 1500);
    EXPECT_EQ(text::parseWhole<int>("0"), 0);
    EXPECT_EQ(text::parseWhole<int>("007"), 7);
    EXPECT_EQ(text::parseWhole<std::uint32_t>("FFFFF000", 16), 0xFFFFF000u);
    EXPECT_EQ(text::parseWhole<std::uint32_t>("fffff000", 16), 0xFFFFF000u);
    // Signs, space, garbage and the empty string are refused.
    EXPECT_FALSE(text::parseWhole<int>("-1"));
    EXPECT_FALSE(text::parseWhole<int>("+1"));
    EXPECT_FALSE(text::parseWhole<int>("-0"));
    EXPECT_FALSE(text::parseWhole<int>(" 1"));
    EXPECT_FALSE(text::parseWhole<int>("1 "));
    EXPECT_FALSE(text::parseWhole<int>("12a"));
    EXPECT_FALSE(text::parseWhole<int>("1.5"));
    EXPECT_FALSE(text::parseWhole<int>(""));
    EXPECT_FALSE(text::parseWhole<std::uint32_t>("0x10", 16));
    // Overflow is refused, not wrapped or clamped.
    EXPECT_EQ(text::parseWhole<int>("2147483647"), std::numeric_limits<int>::max());
    EXPECT_FALSE(text::parseWhole<int>("2147483648"));
    EXPECT_FALSE(text::parseWhole<std::uint8_t>("256"));
    EXPECT_FALSE(text::parseWhole<std::uint64_t>("18446744073709551616"));
    EXPECT_FALSE(text::parseWhole<std::uint32_t>("100000000", 16));
}

TEST(Text, Joined)
{
    EXPECT_EQ(text::joined({}), "");
    EXPECT_EQ(text::joined({"a"}), "a");
    EXPECT_EQ(text::joined({"a", "b", "c"}), "a, b, c");
    EXPECT_EQ(text::joined({"a", "b"}, "\n"), "a\nb");
    // An empty item keeps its place (one of the old copies dropped the separator before it).
    EXPECT_EQ(text::joined({"", "b"}), ", b");
}

TEST(Text, CaseHelpers)
{
    EXPECT_TRUE(text::iequals("Ethernet", "eTHERNET"));
    EXPECT_FALSE(text::iequals("Ethernet", "Ethernet0"));
    EXPECT_TRUE(text::istartsWith("Media disconnected", "MEDIA"));
    EXPECT_EQ(text::ifind("Ethernet adapter eth0", "ADAPTER"), 9u);
    EXPECT_TRUE(text::icontains("abc", ""));
    EXPECT_EQ(text::toLower("FE80::1%Eth"), "fe80::1%eth");
}

TEST(Text, ValidUtf8ReplacesEachMaximalInvalidSubpart)
{
    const std::string r = "\xEF\xBF\xBD";
    EXPECT_EQ(text::validUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
    EXPECT_EQ(text::validUtf8("a\xFF\xFE"
                              "b"),
              "a" + r + r + "b");
    EXPECT_EQ(text::validUtf8("ok\xE2\x82"), "ok" + r); // cut short: one U+FFFD
    EXPECT_EQ(text::validUtf8("\xE2\x82"
                              "A"),
              r + "A");                                                         // cut short, then ASCII
    EXPECT_EQ(text::validUtf8("\xC0\xAF"), r + r);                              // overlong: byte by byte
    EXPECT_EQ(text::validUtf8("\xED\xA0\x80"), r + r + r);                      // a UTF-16 surrogate
    EXPECT_EQ(text::validUtf8("\xF4\x90\x80\x80"), r + r + r + r);              // past U+10FFFF
    EXPECT_EQ(text::validUtf8("\x80"), r);                                      // a lone continuation
    EXPECT_EQ(text::validUtf8(std::string("a\0b", 3)), std::string("a\0b", 3)); // NUL is valid UTF-8
    EXPECT_TRUE(text::isValidUtf8("caf\xC3\xA9"));
    EXPECT_FALSE(text::isValidUtf8("ok\xE2\x82"));
    EXPECT_FALSE(text::isValidUtf8("\xC0\xAF"));
}

TEST(Text, QuotedForMessages)
{
    EXPECT_EQ(text::quoted("  eth0  "), "\"eth0\"");
    EXPECT_EQ(text::quoted(""), "\"\"");
    EXPECT_EQ(text::quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
    EXPECT_EQ(text::quoted("C:\\Users\\me"), "\"C:\\Users\\me\""); // backslashes as pasted
    EXPECT_EQ(text::quoted("a\x01\x7F"
                           "b"),
              "\"a\\x01\\x7fb\"");
    EXPECT_EQ(text::quoted("\xFF"
                           "x"),
              "\"\\xffx\""); // not UTF-8: shown as bytes
    EXPECT_EQ(text::quoted("\xED\xA0\x80"), "\"\\xed\\xa0\\x80\"");
    EXPECT_EQ(text::quoted("Verbindungsspezifisches DNS-Suffix \xC3\xBC"),
              "\"Verbindungsspezifisches DNS-Suffix \xC3\xBC\""); // valid UTF-8 as it is
    EXPECT_EQ(text::quoted(std::string(100, 'x'), 10), "\"" + std::string(10, 'x') + "...\"");
    // The cut never splits a character.
    EXPECT_EQ(text::quoted("xxxxxxxxx\xC3\xA9\xC3\xA9", 10), "\"xxxxxxxxx\xC3\xA9...\"");
    EXPECT_TRUE(text::isValidUtf8(text::quoted("\xE2\x82\xFF"
                                               "abc\xC3")));
}

TEST(Text, ByteSizeInBinaryUnits)
{
    EXPECT_EQ(text::byteSize(0), "0 B");
    EXPECT_EQ(text::byteSize(1023), "1023 B");
    EXPECT_EQ(text::byteSize(1024), "1.0 KiB");
    EXPECT_EQ(text::byteSize(314572800), "300.0 MiB");
    EXPECT_EQ(text::byteSize(25275973632ULL), "23.5 GiB");
    EXPECT_EQ(text::byteSize(std::numeric_limits<std::uint64_t>::max()), "16.0 EiB");
}
