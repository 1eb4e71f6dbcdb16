// decodeCaptureText: every encoding Windows leaves in a capture file, and the mixes wsl.exe makes.
#include "capture_test_util.h"

#include <random>

using namespace wslatlas;
using wslatlas::testing::wslFixture;

namespace {

std::string utf16le(std::u16string_view s, bool bom = false)
{
    std::string out = bom ? std::string("\xFF\xFE") : std::string();
    for (char16_t u : s) {
        out += static_cast<char>(u & 0xFF);
        out += static_cast<char>(u >> 8);
    }
    return out;
}

std::string utf16be(std::u16string_view s, bool bom = false)
{
    std::string out = bom ? std::string("\xFE\xFF") : std::string();
    for (char16_t u : s) {
        out += static_cast<char>(u >> 8);
        out += static_cast<char>(u & 0xFF);
    }
    return out;
}

const std::string kReplacement = "\xEF\xBF\xBD";

} // namespace

TEST(TextDecode, Utf8WithAndWithoutBom)
{
    EXPECT_EQ(decodeCaptureText("Default Version: 2\n"), "Default Version: 2\n");
    EXPECT_EQ(decodeCaptureText("\xEF\xBB\xBF[wsl2]\r\nmemory=8GB\r\n"), "[wsl2]\nmemory=8GB\n");
    EXPECT_EQ(decodeCaptureText("기본 버전: 2"), "기본 버전: 2");
    EXPECT_EQ(decodeCaptureText(""), "");
}

TEST(TextDecode, LineEndsBecomeLf)
{
    EXPECT_EQ(decodeCaptureText("a\r\nb\rc\nd"), "a\nb\nc\nd");
    // A terminal stream that had CR LF already: CR CR LF is one line end, not two.
    EXPECT_EQ(decodeCaptureText("prompt\r\r\nnext\r\r\n"), "prompt\nnext\n");
    EXPECT_EQ(decodeCaptureText("a\r\n\r\nb"), "a\n\nb");
}

TEST(TextDecode, Utf16WithBom)
{
    EXPECT_EQ(decodeCaptureText(utf16le(u"WSL version: 2.0.9.0\r\n", true)), "WSL version: 2.0.9.0\n");
    EXPECT_EQ(decodeCaptureText(utf16be(u"默认版本：2\r\n", true)), "默认版本：2\n");
    EXPECT_EQ(decodeCaptureText(utf16le(u"", true)), "");
}

TEST(TextDecode, Utf16LeWithoutBomIsDetected)
{
    // wsl.exe's own messages: UTF-16LE, no BOM, CR LF.
    EXPECT_EQ(decodeCaptureText(utf16le(u"Default Distribution: Ubuntu-20.04\r\nDefault Version: 2\r\n")),
              "Default Distribution: Ubuntu-20.04\nDefault Version: 2\n");
    // A message that starts with CJK code units (no NUL byte until the CR LF).
    EXPECT_EQ(decodeCaptureText(utf16le(
                  u"不存在具有所提供名称的分发。\r\nError code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\r\n")),
              "不存在具有所提供名称的分发。\nError code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\n");
    EXPECT_EQ(decodeCaptureText(utf16le(u"기본 배포: Ubuntu\r\n")), "기본 배포: Ubuntu\n");
    EXPECT_EQ(decodeCaptureText(utf16le(u"A")), "A");
}

TEST(TextDecode, Utf16BeWithoutBomWhenTheStreamStartsWithNul)
{
    EXPECT_EQ(decodeCaptureText(utf16be(u"WSL version: 2.0.9.0\r\n")), "WSL version: 2.0.9.0\n");
}

TEST(TextDecode, SurrogatePairsAndBrokenUtf16)
{
    // U+1F427 PENGUIN as a surrogate pair, with and without a BOM.
    EXPECT_EQ(decodeCaptureText(utf16le(u"tux \U0001F427\r\n", true)), "tux \xF0\x9F\x90\xA7\n");
    EXPECT_EQ(decodeCaptureText(utf16le(u"tux \U0001F427 ok\r\n")), "tux \xF0\x9F\x90\xA7 ok\n");
    // A lone high surrogate, a lone low surrogate, and an odd trailing byte.
    std::u16string broken = u"a";
    broken += char16_t(0xD83D);
    broken += u"b";
    broken += char16_t(0xDC27);
    broken += u"c";
    EXPECT_EQ(decodeCaptureText(utf16le(broken, true)), "a" + kReplacement + "b" + kReplacement + "c");
    EXPECT_EQ(decodeCaptureText(utf16le(u"ab", true) + "x"), "ab" + kReplacement);
}

TEST(TextDecode, InvalidUtf8BecomesReplacementCharacters)
{
    EXPECT_EQ(decodeCaptureText("a\xC3(b"), "a" + kReplacement + "(b");
    EXPECT_EQ(decodeCaptureText("\xC0\xAF"), kReplacement + kReplacement);                    // overlong
    EXPECT_EQ(decodeCaptureText("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement); // surrogate
    EXPECT_EQ(decodeCaptureText("end\xE2\x82"), "end" + kReplacement);                        // cut sequence
    EXPECT_EQ(decodeCaptureText("\xF4\x90\x80\x80"),
              kReplacement + kReplacement + kReplacement + kReplacement);
    EXPECT_EQ(decodeCaptureText("\xFF\x41"), kReplacement + "A");
}

TEST(TextDecode, Utf16MessageThenUtf8Output)
{
    EXPECT_EQ(
        decodeCaptureText(wslFixture("mixed-warning-then-linux.txt")),
        "wsl: Detected localhost proxy configuration, but not mirrored into WSL. WSL in NAT mode does not "
        "support localhost proxies.\nLinux version 5.15.153.1-microsoft-standard-WSL2 — ünïcödé\n");
}

TEST(TextDecode, Utf8OutputThenUtf16Message)
{
    EXPECT_EQ(
        decodeCaptureText(wslFixture("error-mixed.txt")),
        "collector: begin\nuname: 5.15.153.1-microsoft-standard-WSL2\n"
        "The Windows Subsystem for Linux instance has terminated.\nError code: Wsl/Service/E_UNEXPECTED\n");
    // A prompt without a newline stays UTF-8; a CJK-led message after a newline is found whole.
    EXPECT_EQ(decodeCaptureText("prompt$ " + utf16le(u"wsl: x\r\n")), "prompt$ wsl: x\n");
    EXPECT_EQ(decodeCaptureText("ok\n" + utf16le(u"不存在具有所提供名称的分发。\r\nError code: X/Y\r\n")),
              "ok\n不存在具有所提供名称的分发。\nError code: X/Y\n");
}

TEST(TextDecode, StrayNulsInUtf8AreNotUtf16)
{
    // /proc/PID/cmdline printed by a Linux command: NUL separators at no fixed parity.
    const std::string cmdline("sleep\0"
                              "680001\0"
                              "x\0",
                              15);
    EXPECT_EQ(decodeCaptureText(cmdline), cmdline);
    const std::string one("a long line of UTF-8 text with one stray\0NUL in it\n", 51);
    EXPECT_EQ(decodeCaptureText(one), one);
}

TEST(TextDecode, PowerShellRedirectMangling)
{
    // PowerShell 5.1 read wsl's UTF-16LE as a code page and wrote it back as UTF-16LE: every other
    // code unit is U+0000. Dropping them restores the table.
    const std::string text = decodeCaptureText(wslFixture("list-powershell-mangled.txt"));
    EXPECT_EQ(text.find('\0'), std::string::npos);
    EXPECT_NE(text.find("* Ubuntu-20.04"), std::string::npos) << text;
    EXPECT_NE(text.find("  NAME"), std::string::npos) << text;
}

TEST(TextDecode, NeverCrashesOnRandomBytes)
{
    std::mt19937 rng(12345);
    for (int round = 0; round < 2000; ++round) {
        std::string bytes(rng() % 64, '\0');
        for (char &c : bytes)
            c = static_cast<char>(rng() % 4 == 0 ? 0 : rng() & 0xFF);
        std::string out = decodeCaptureText(bytes);
        // The output is valid UTF-8 without CR: decoding it again (as UTF-8: no NULs) changes nothing.
        EXPECT_EQ(out.find('\r'), std::string::npos);
        std::erase(out, '\0');
        EXPECT_EQ(decodeCaptureText(out), out) << "not valid UTF-8 in round " << round;
    }
}
