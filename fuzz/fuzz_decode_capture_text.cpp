// decodeCaptureText on any bytes never fails, and keeps its promise: valid UTF-8, LF line ends only, no
// byte order mark. Text that is already clean (and has no NUL that could pass for UTF-16) comes out as
// it went in, and so does the same text written as UTF-16LE or UTF-8 with a BOM (PowerShell's Out-File).
#include "capture_parsers.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>

using namespace wslatlas;

namespace {

// Valid UTF-8 -> UTF-16LE bytes.
std::string toUtf16Le(std::string_view text)
{
    std::string out;
    auto unit = [&](char32_t u) {
        out += static_cast<char>(u & 0xFF);
        out += static_cast<char>(u >> 8);
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += length;
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const std::string text = decodeCaptureText(bytes);
    WSLATLAS_FUZZ_CHECK(fuzz::isValidUtf8(text), "the decoded text is not valid UTF-8");
    WSLATLAS_FUZZ_CHECK(text.find('\r') == std::string::npos, "the decoded text still holds a CR");
    WSLATLAS_FUZZ_CHECK(text.find("\xEF\xBB\xBF") == std::string::npos, "the decoded text holds a BOM");
    if (text.find('\0') == std::string::npos) {
        WSLATLAS_FUZZ_CHECK(decodeCaptureText(text) == text, "decoding clean text changes it");
        WSLATLAS_FUZZ_CHECK(decodeCaptureText("\xEF\xBB\xBF" + text) == text,
                            "UTF-8 with a BOM decodes wrong");
        WSLATLAS_FUZZ_CHECK(decodeCaptureText("\xFF\xFE" + toUtf16Le(text)) == text,
                            "UTF-16LE with a BOM decodes wrong");
    }
    return 0;
}
