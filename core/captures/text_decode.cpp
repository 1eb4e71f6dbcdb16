// decodeCaptureText: whatever bytes a Windows command left in a file -> UTF-8 with LF line ends.
//
// wsl.exe writes its own messages as UTF-16LE without a BOM (unless WSL_UTF8=1, which the old inbox
// wsl.exe ignores), PowerShell's Out-File adds a BOM, and a Linux command's output passes through
// wsl.exe as raw UTF-8 bytes, so one capture can hold a UTF-16LE message and UTF-8 text. UTF-8 text
// never contains NUL bytes while UTF-16 text of anything wsl.exe prints does (CR LF alone is
// 0D 00 0A 00), so UTF-16 regions are found from where the NUL bytes are.
#include "capture_parsers.h"
#include "text.h"

#include <cstdint>
#include <vector>

namespace wslatlas {

namespace {

void appendCodePoint(std::string &out, char32_t cp)
{
    if (cp == 0xFEFF) // a BOM, wherever a region starts: never content
        return;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

constexpr char32_t kReplacement = 0xFFFD;

// UTF-8 through the one cleaner (text::validUtf8: one U+FFFD per maximal invalid subpart), without BOMs:
// one may start each region, and it is never content.
void decodeUtf8(std::string_view in, std::string &out)
{
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    const std::string clean = text::validUtf8(in);
    const std::string_view rest = clean;
    std::size_t pos = 0;
    for (std::size_t bom = rest.find(kBom); bom != std::string_view::npos; bom = rest.find(kBom, pos)) {
        out.append(rest.substr(pos, bom - pos));
        pos = bom + kBom.size();
    }
    out.append(rest.substr(pos));
}

// UTF-16 decoder. U+0000 is dropped: it only appears when a UTF-16 stream was read as a code page
// and written again as UTF-16 (PowerShell 5.1 redirecting wsl.exe does that), and dropping the
// NULs restores the text. An odd trailing byte and unpaired surrogates become U+FFFD.
void decodeUtf16(std::string_view in, bool littleEndian, std::string &out)
{
    auto unit = [&](std::size_t i) -> char32_t {
        auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
        return littleEndian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    std::size_t i = 0;
    while (i + 1 < in.size()) {
        char32_t u = unit(i);
        i += 2;
        if (u == 0)
            continue;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 < in.size()) {
                char32_t low = unit(i);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    appendCodePoint(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                    i += 2;
                    continue;
                }
            }
            appendCodePoint(out, kReplacement);
            continue;
        }
        if (u >= 0xDC00 && u <= 0xDFFF) {
            appendCodePoint(out, kReplacement);
            continue;
        }
        appendCodePoint(out, u);
    }
    if (i < in.size())
        appendCodePoint(out, kReplacement);
}

// CR LF, CR CR LF (a terminal stream that already had CR LF) and a lone CR all become one LF.
std::string normalizeNewlines(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        if (in[i] != '\r') {
            out += in[i++];
            continue;
        }
        std::size_t j = i;
        while (j < in.size() && in[j] == '\r')
            ++j;
        out += '\n';
        i = (j < in.size() && in[j] == '\n') ? j + 1 : j;
    }
    return out;
}

// Could these bytes be UTF-8 text? (Valid UTF-8 without control characters other than tab and CR.)
bool plausibleUtf8Text(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\r')
                return false;
            ++i;
            continue;
        }
        std::string probe;
        decodeUtf8(s.substr(i, std::min<std::size_t>(4, s.size() - i)), probe);
        if (probe.rfind("\xEF\xBF\xBD", 0) == 0) // starts with U+FFFD: invalid here
            return false;
        i += text::utf8Length(c);
    }
    return true;
}

struct Region
{
    std::size_t begin = 0, end = 0;
    bool littleEndian = true;
};

// UTF-16 regions of a stream without a BOM. NULs closer than kGap bytes belong to one region; a
// region counts as UTF-16 when its NULs sit at one parity (the high byte of ASCII code units).
std::vector<Region> findUtf16Regions(std::string_view b)
{
    constexpr std::size_t kGap = 512; // a long CJK line has no NUL until its CR LF
    std::vector<Region> regions;
    std::vector<std::size_t> nuls;
    for (std::size_t i = 0; i < b.size(); ++i)
        if (b[i] == '\0')
            nuls.push_back(i);
    std::size_t k = 0;
    std::size_t previousEnd = 0;
    while (k < nuls.size()) {
        std::size_t first = k;
        while (k + 1 < nuls.size() && nuls[k + 1] - nuls[k] <= kGap)
            ++k;
        std::size_t last = k++;
        std::size_t count = last - first + 1;
        std::size_t odd = 0;
        for (std::size_t n = first; n <= last; ++n)
            odd += nuls[n] % 2;
        std::size_t parity = odd * 2 >= count ? 1 : 0;
        std::size_t share = parity ? odd : count - odd;
        // A stray NUL or two (a Linux tool printing \0) is not UTF-16.
        if (share * 10 < count * 8 || (count < 2 && b.size() != 2))
            continue;
        // Big-endian only when the stream itself starts with 00 xx: Windows never writes it otherwise.
        bool littleEndian = !(first == 0 && nuls[first] == 0 && parity == 0 && b.size() > 1 && b[1] != '\0');
        std::size_t firstAligned = nuls[first];
        for (std::size_t n = first; n <= last; ++n)
            if (nuls[n] % 2 == parity) {
                firstAligned = nuls[n];
                break;
            }
        std::size_t lastAligned = nuls[last];
        for (std::size_t n = last + 1; n-- > first;)
            if (nuls[n] % 2 == parity) {
                lastAligned = nuls[n];
                break;
            }
        Region r;
        r.littleEndian = littleEndian;
        // In LE the NUL is the second byte of its code unit, in BE the first.
        r.begin = littleEndian ? (firstAligned == 0 ? 0 : firstAligned - 1) : firstAligned;
        r.end = littleEndian ? lastAligned + 1 : std::min(lastAligned + 2, b.size());
        r.begin = std::max(r.begin, previousEnd);
        // The region may start with code units that have no NUL (a CJK message): reach back to just
        // after the UTF-8 text's last LF, or to the start of the stream, keeping the alignment, but
        // only over bytes that cannot be UTF-8 text (a prompt printed without a newline can).
        std::size_t from = r.begin;
        for (std::size_t q = r.begin; q-- > previousEnd;) {
            if (b[q] == '\n' && (r.begin - q - 1) % 2 == 0) {
                from = q + 1;
                break;
            }
        }
        if (from == r.begin && previousEnd == 0 && r.begin % 2 == 0)
            from = 0;
        if (from < r.begin && !plausibleUtf8Text(b.substr(from, r.begin - from)))
            r.begin = from;
        if (r.end <= r.begin)
            continue;
        regions.push_back(r);
        previousEnd = r.end;
    }
    return regions;
}

} // namespace

std::string decodeCaptureText(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    auto startsWith = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
    if (startsWith("\xEF\xBB\xBF")) {
        decodeUtf8(bytes.substr(3), out);
    } else if (startsWith("\xFF\xFE")) {
        decodeUtf16(bytes.substr(2), true, out);
    } else if (startsWith("\xFE\xFF")) {
        decodeUtf16(bytes.substr(2), false, out);
    } else {
        std::size_t pos = 0;
        for (const Region &r : findUtf16Regions(bytes)) {
            decodeUtf8(bytes.substr(pos, r.begin - pos), out);
            decodeUtf16(bytes.substr(r.begin, r.end - r.begin), r.littleEndian, out);
            pos = r.end;
        }
        decodeUtf8(bytes.substr(pos), out);
    }
    return normalizeNewlines(out);
}

} // namespace wslatlas
