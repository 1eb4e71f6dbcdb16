// parseWslStatus (`wsl.exe --status`) and parseWslVersion (`wsl.exe --version`). Both print
// "label: value" lines whose labels are translated (French puts a space before the colon, some
// translations use the full-width '：'), so values are found by position and by their shape, and
// the labels only help where they hold untranslated product names (WSLg, MSRDC, Direct3D, ...).
#include "capture_parsers.h"
#include "text_util.h"

#include <array>

namespace wslatlas {

namespace {

using namespace text;
using namespace textutil;

struct LabelLine
{
    std::string_view label, value;
    std::size_t line = 0;
};

std::vector<LabelLine> labelLines(const std::vector<std::string_view> &lines)
{
    std::vector<LabelLine> out;
    for (std::size_t n = 0; n < lines.size(); ++n)
        if (auto lv = splitLabel(lines[n]))
            out.push_back({lv->first, lv->second, n});
    return out;
}

// "2.0.9.0", "5.15.133.1-1", "10.0.25131.1002-220531-1700.rs-onecore-base2-hyp": starts with
// digits and a dot.
bool looksLikeVersion(std::string_view v)
{
    v = trimPadding(v);
    std::size_t i = 0;
    while (i < v.size() && text::isDigit(v[i]))
        ++i;
    return i > 0 && i < v.size() && v[i] == '.' && v.find(' ') == std::string_view::npos;
}

std::optional<Error> failureOf(std::string_view bytes, std::string_view command)
{
    auto failure = parseWslError(bytes);
    if (auto *error = std::get_if<WslError>(&failure))
        return Error{"`" + std::string(command) + "` failed with " + error->code + ": " + error->message};
    return std::nullopt;
}

// The lines of `wsl.exe --version`, in the order WSL prints them (MessagePackageVersions), which is the
// same in every language.
enum VersionField
{
    Wsl,
    Kernel,
    Wslg,
    Msrdc,
    Direct3d,
    DxCore,
    Windows,
    FieldCount
};

using VersionValues = std::array<std::optional<std::string>, FieldCount>;

// Product names stay untranslated in the labels; only "Kernel" is translated.
std::optional<VersionField> fieldOfLabel(std::string_view label)
{
    if (label.find("WSLg") != std::string_view::npos)
        return Wslg;
    if (label.find("MSRDC") != std::string_view::npos)
        return Msrdc;
    if (label.find("Direct3D") != std::string_view::npos)
        return Direct3d;
    if (label.find("DXCore") != std::string_view::npos)
        return DxCore;
    if (label.find("Windows") != std::string_view::npos)
        return Windows;
    if (label.find("WSL") != std::string_view::npos)
        return Wsl;
    if (icontains(label, "kernel"))
        return Kernel;
    return std::nullopt;
}

// Each version line's field: by its label's product name, else by elimination or by position.
VersionValues placeVersions(const std::vector<LabelLine> &labelled)
{
    VersionValues values;
    std::vector<const LabelLine *> unplaced;
    for (const LabelLine &l : labelled) {
        if (!looksLikeVersion(l.value))
            continue;
        auto field = fieldOfLabel(l.label);
        if (field && !values[*field])
            values[*field] = std::string(l.value);
        else if (!field)
            unplaced.push_back(&l);
    }
    // A translated "Kernel" label: the version line that named no product, in the kernel's place.
    if (!values[Kernel] && unplaced.size() == 1)
        values[Kernel] = std::string(unplaced.front()->value);
    // Labels that named nothing at all: the seven lines in their fixed order.
    std::vector<const LabelLine *> versionLines;
    for (const LabelLine &l : labelled)
        if (looksLikeVersion(l.value))
            versionLines.push_back(&l);
    if (versionLines.size() == FieldCount)
        for (std::size_t f = 0; f < FieldCount; ++f)
            if (!values[f])
                values[f] = std::string(versionLines[f]->value);
    return values;
}

} // namespace

Result<WslStatus> parseWslStatus(std::string_view bytes)
{
    const std::string text = decodeCaptureText(bytes);
    if (isBlank(text))
        return Error{"the input is empty: paste what `wsl.exe --status` printed"};
    if (auto failure = failureOf(bytes, "wsl.exe --status"))
        return *failure;

    const auto lines = splitLines(text);
    const auto labelled = labelLines(lines);
    WslStatus status;
    for (const LabelLine &l : labelled)
        status.fields.emplace(std::string(l.label), std::string(l.value));

    // WSL prints "Default Distribution: X" (left out when there is no default: no distros, or the
    // 2.4.4 regression) and then "Default Version: N" as the first lines, in every language.
    // Only a pasted prompt may come before them.
    std::size_t firstText = 0;
    while (firstText < lines.size() && (isBlank(lines[firstText]) || isPromptLine(lines[firstText])))
        ++firstText;
    std::vector<const LabelLine *> head;
    for (const LabelLine &l : labelled) {
        if (l.line != firstText + head.size() || head.size() == 2)
            break;
        head.push_back(&l);
    }
    auto isVersionValue = [](std::string_view v) { return v == "1" || v == "2"; };
    if (!head.empty() && isVersionValue(head[0]->value)) {
        status.defaultVersion = head[0]->value[0] - '0';
    } else if (head.size() == 2 && isVersionValue(head[1]->value)) {
        status.defaultDistro = std::string(head[0]->value);
        status.defaultVersion = head[1]->value[0] - '0';
    }
    if (status.defaultVersion != 0)
        return status;

    if (labelled.size() >= 5 && looksLikeVersion(labelled[0].value))
        return Error{"this looks like the output of `wsl.exe --version`, not `wsl.exe --status`"};
    if (looksLikeWslUsage(text))
        return Error{"this wsl.exe printed its help instead of a status: it does not know `--status` (an "
                     "old inbox wsl.exe); update Windows or install WSL from the Microsoft Store"};
    return Error{"this is not the output of `wsl.exe --status` (no `Default Version: 1|2` line at the "
                 "top); the input starts with " +
                 quoted(firstNonBlankLine(text))};
}

Result<WslVersion> parseWslVersion(std::string_view bytes)
{
    const std::string text = decodeCaptureText(bytes);
    if (isBlank(text))
        return Error{"the input is empty: paste what `wsl.exe --version` printed"};
    if (auto failure = failureOf(bytes, "wsl.exe --version"))
        return *failure;

    const auto lines = splitLines(text);
    std::vector<LabelLine> labelled;
    for (const LabelLine &l : labelLines(lines))
        if (!icontains(l.label, "MSBuild")) // a debug build's extra lines
            labelled.push_back(l);

    const VersionValues values = placeVersions(labelled);
    if (!values[Wsl] || (!values[Kernel] && !values[Windows])) {
        if (looksLikeWslUsage(text))
            return Error{"this wsl.exe printed its help instead of versions: it is the inbox wsl.exe of "
                         "Windows, which has no `--version`; install WSL from the Microsoft Store (`wsl "
                         "--update`) to get it"};
        return Error{"this is not the output of `wsl.exe --version` (no `WSL version: X.Y.Z` line); the "
                     "input starts with " +
                     quoted(firstNonBlankLine(text))};
    }
    WslVersion version;
    version.wsl = *values[Wsl];
    version.kernel = values[Kernel].value_or("");
    version.wslg = values[Wslg].value_or("");
    version.msrdc = values[Msrdc].value_or("");
    version.direct3d = values[Direct3d].value_or("");
    version.dxcore = values[DxCore].value_or("");
    version.windows = values[Windows].value_or("");
    return version;
}

} // namespace wslatlas
