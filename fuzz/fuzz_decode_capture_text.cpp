// decodeCaptureText on any bytes never fails, and keeps its promise: valid UTF-8, LF line ends only, no
// byte order mark. Text that is already clean (and has no NUL that could pass for UTF-16) comes out as
// it went in.
#include "capture_parsers.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>

using namespace wslatlas;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const std::string text = decodeCaptureText(bytes);
    WSLATLAS_FUZZ_CHECK(fuzz::isValidUtf8(text), "the decoded text is not valid UTF-8");
    WSLATLAS_FUZZ_CHECK(text.find('\r') == std::string::npos, "the decoded text still holds a CR");
    WSLATLAS_FUZZ_CHECK(text.find("\xEF\xBB\xBF") == std::string::npos, "the decoded text holds a BOM");
    if (text.find('\0') == std::string::npos)
        WSLATLAS_FUZZ_CHECK(decodeCaptureText(text) == text, "decoding clean text changes it");
    return 0;
}
