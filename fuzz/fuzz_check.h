#pragma once
// What the fuzz targets share: a check that stops the run with a message (libFuzzer and the replay both
// report an abort as a failure, with the input that caused it), and the invariants every parser promises.
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Not assert(): it must hold in every build type, NDEBUG or not.
#define WSLATLAS_FUZZ_CHECK(condition, what)                                                                 \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s (%s)\n", __FILE__, __LINE__, what,            \
                         #condition);                                                                        \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace wslatlas::fuzz {

// Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF): what the parsers promise for every
// string they return, since they decode their input first and replace what is invalid.
inline bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (b < 0x80) {
            ++i;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0)
                low = 0xA0;
            else if (b == 0xED)
                high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0)
                low = 0x90;
            else if (b == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (s.size() - i < length)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF))
                return false;
        }
        i += length;
    }
    return true;
}

// The parsers' last resorts, a catch (...) meant for allocation failure, word for word (a message that
// merely contains the words may quote the input). A fuzz input is far too small to exhaust memory
// (libFuzzer's -malloc_limit_mb stops a runaway allocation first), so one of these means an exception from
// a bug, hidden behind a misleading message. Keep in step with core/captures/*.cpp and collector_output.cpp.
inline bool isLastResortError(std::string_view message)
{
    static constexpr std::string_view kMessages[] = {
        "The collector's output could not be read; run the vantage again.",
        "The input could not be read (out of memory?); paste a shorter excerpt.",
        "The ipconfig output could not be read (out of memory?); paste a shorter excerpt.",
        "The hnsdiag output could not be read (out of memory?); paste a shorter excerpt.",
        "The Get-NetAdapter output could not be read (out of memory?); paste a shorter excerpt.",
        "The Get-NetIPAddress output could not be read (out of memory?); paste a shorter excerpt.",
        "The Get-NetAdapterBinding output could not be read (out of memory?); paste a shorter excerpt.",
        "The Get-VMSwitch output could not be read (out of memory?); paste a shorter excerpt.",
    };
    for (std::string_view m : kMessages)
        if (message == m)
            return true;
    return false;
}

} // namespace wslatlas::fuzz
