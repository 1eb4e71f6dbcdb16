#include "diagram.h"

namespace wslatlas {

namespace {

struct TonePair
{
    ToneColors light;
    ToneColors dark;
};

// Muted fills with a darker stroke of the same hue in light mode; deep fills with a bright stroke in dark
// mode. Text keeps at least 7:1 contrast on its fill in both.
constexpr std::array<TonePair, kDiagramToneCount> kTones = {{
    {{"#dbe7f7", "#2f5d9a", "#10233d"}, {"#1d3557", "#7fa7e0", "#eaf1fb"}}, // vm
    {{"#e3e7ec", "#56606b", "#1b1f24"}, {"#2c3138", "#a2acb8", "#eef1f4"}}, // host
    {{"#efe2f6", "#7a3f99", "#2a1136"}, {"#3b2148", "#c79ae0", "#f6eefb"}}, // wslg
    {{"#fbe9d6", "#a45a14", "#3a1f05"}, {"#4a2f14", "#e7a968", "#fbf1e6"}}, // isolation
    {{"#dcf1e1", "#2d7a43", "#0f2a17"}, {"#1c3d26", "#78c890", "#ecf8ef"}}, // distro
    {{"#d7f0ef", "#1f7470", "#0b2928"}, {"#163a39", "#6cc4bf", "#e7f7f6"}}, // container
    {{"#eeeeee", "#7a7a7a", "#222222"}, {"#333333", "#a8a8a8", "#f0f0f0"}}, // unknown
    {{"#ffffff", "#8a94a0", "#1b1f24"}, {"#22262b", "#7d8792", "#e6e9ec"}}, // process
    {{"#dfeef6", "#2b6f8f", "#0d2733"}, {"#163241", "#72b8d8", "#eaf5fa"}}, // windows
    {{"#f6efd0", "#8a6d0b", "#2e2504"}, {"#3d3412", "#d9bd5a", "#faf5e1"}}, // switch
    {{"#dcf1e1", "#2d7a43", "#0f2a17"}, {"#1c3d26", "#78c890", "#ecf8ef"}}, // netns
    {{"#ffffff", "#5f8f6c", "#12261a"}, {"#1f2a22", "#86b894", "#e8f3eb"}}, // interface
    {{"#e9e4f7", "#54489a", "#1c1738"}, {"#2a2550", "#a79ee6", "#f1effb"}}, // mirrored
    {{"#fafafa", "#b0b0b0", "#333333"}, {"#2a2a2a", "#6a6a6a", "#dddddd"}}, // note
}};

constexpr std::array<TonePair, 3> kBadges = {{
    {{"#e4f0fb", "#2f6fb0", "#0e2a45"}, {"#173049", "#6fa8e0", "#e8f2fc"}}, // info
    {{"#fff1d1", "#b07800", "#3d2a00"}, {"#4a3608", "#f0c050", "#fff6de"}}, // warning
    {{"#fde0dd", "#b3261e", "#410e0b"}, {"#5c1a16", "#f28b82", "#fdecea"}}, // error
}};

constexpr std::array<std::string_view, kDiagramToneCount> kToneNames = {
    "vm",      "host",    "wslg",   "isolation", "distro",    "container", "unknown",
    "process", "windows", "switch", "netns",     "interface", "mirrored",  "note",
};

} // namespace

ToneColors toneColors(DiagramTone tone, bool dark)
{
    const TonePair &pair = kTones[static_cast<std::size_t>(tone)];
    return dark ? pair.dark : pair.light;
}

ToneColors badgeColors(Severity severity, bool dark)
{
    const TonePair &pair = kBadges[static_cast<std::size_t>(severity)];
    return dark ? pair.dark : pair.light;
}

std::string_view toString(DiagramTone tone)
{
    return kToneNames[static_cast<std::size_t>(tone)];
}

DiagramTone toneForRole(NamespaceRole role)
{
    switch (role) {
    case NamespaceRole::Vm:
        return DiagramTone::Vm;
    case NamespaceRole::Host:
        return DiagramTone::Host;
    case NamespaceRole::Wslg:
        return DiagramTone::Wslg;
    case NamespaceRole::Isolation:
        return DiagramTone::Isolation;
    case NamespaceRole::Distro:
        return DiagramTone::Distro;
    case NamespaceRole::Container:
        return DiagramTone::Container;
    case NamespaceRole::Unknown:
        break;
    }
    return DiagramTone::Unknown;
}

} // namespace wslatlas
