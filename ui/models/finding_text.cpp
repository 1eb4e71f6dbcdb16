#include "finding_text.h"

#include "evidence.h"
#include "finding.h"
#include "model_support.h"
#include "text.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace wslatlas {

namespace {

// Every sentence core writes (core/model/finding.cpp), marked here so that lupdate offers it to the
// translators; tst_finding_text fails when core has one this list lacks.
constexpr std::array kPatterns{
    QT_TRANSLATE_NOOP("Finding", "%1 share the network namespace %2 (one eth0, one address)"),
    QT_TRANSLATE_NOOP("Finding", "%1 has a network namespace of its own (%2)"),
    QT_TRANSLATE_NOOP(
        "Finding", "vantage %1: GUI applications are off for %2 (.wslconfig or its /etc/wsl.conf), so it has "
                   "no WSLg system distro to look at"),
    QT_TRANSLATE_NOOP("Finding", "vantage %1: %2 is a WSL 1 distro: it has no namespaces in the VM"),
    QT_TRANSLATE_NOOP("Finding", "vantage %1: %2 holds data only (no shell to run the collector in, like "
                                 "docker-desktop-data)"),
    QT_TRANSLATE_NOOP("Finding",
                      "vantage %1: the administrator prompt was declined, so the VM root is left out"),
    QT_TRANSLATE_NOOP(
        "Finding", "vantage %1: the administrator who approved the prompt is another user (over-the-shoulder "
                   "elevation): that account has no WSL distros and its own debug shell, so the VM root is "
                   "left out; run WSL Atlas as administrator from your own account instead"),
    QT_TRANSLATE_NOOP("Finding",
                      "capture %1: Get-VMSwitch is not available on this edition of Windows (no Hyper-V "
                      "PowerShell module), so the virtual switches come from hnsdiag only"),
    QT_TRANSLATE_NOOP("Finding", "vantages disagree on the parent of %1: %2 or %3 (kept %2)"),
    QT_TRANSLATE_NOOP("Finding", "vantages disagree on the ancestor %1 levels above %2: %3 or %4"),
    QT_TRANSLATE_NOOP("Finding", "%1 (%2)"),
    QT_TRANSLATE_NOOP(
        "Finding", "%1 %2 is outside the NAT network %3: the VM and the host's WSL adapter are on different "
                   "networks"),
    QT_TRANSLATE_NOOP(
        "Finding", "%1 got the subnet's broadcast address %2 (%3): it cannot talk to the host; restart WSL "
                   "(wsl --shutdown)"),
    QT_TRANSLATE_NOOP("Finding",
                      "%1 got the subnet's network address %2 (%3): it cannot talk to the host; restart WSL "
                      "(wsl --shutdown)"),
    QT_TRANSLATE_NOOP("Finding", "%1 %2 is inside the NAT network %3"),
    QT_TRANSLATE_NOOP("Finding", "%1 %2 is inside the NAT network %3 served by %4"),
    QT_TRANSLATE_NOOP(
        "Finding", "mirrored mode: there is no vEthernet (WSL) adapter, by design; the VM shares the host's "
                   "adapters"),
    QT_TRANSLATE_NOOP(
        "Finding", "NAT mode, but no vEthernet (WSL) adapter among the host's adapters; it exists only while "
                   "the WSL VM runs (start a distro and capture again)"),
    QT_TRANSLATE_NOOP("Finding", "the registry's NatNetwork %1 differs from switch %2's subnet %3"),
    QT_TRANSLATE_NOOP("Finding", "%1 has %2, not the registry's NatGatewayIpAddress %3"),
    QT_TRANSLATE_NOOP("Finding",
                      "only a loopback interface in %1: networking did not start; check `wsl --status` and "
                      "restart WSL"),
    QT_TRANSLATE_NOOP(
        "Finding", "only a loopback interface in %1 (%2): networking did not start; check `wsl --status` and "
                   "restart WSL"),
    QT_TRANSLATE_NOOP("Finding",
                      "guiApplications=false in .wslconfig: no WSLg system distros, and `wsl --system` fails "
                      "with WSL_E_GUI_APPLICATIONS_DISABLED")};

constexpr std::array kEvidencePatterns{
    QT_TRANSLATE_NOOP(
        "Evidence",
        "Vantage %1's /proc belongs to %2, and the processes of %3 have NSpid lists of length %4: "
        "%3 is %5 level below it."),
    QT_TRANSLATE_NOOP(
        "Evidence",
        "Vantage %1's /proc belongs to %2, and the processes of %3 have NSpid lists of length %4: "
        "%3 is %5 levels below it."),
    QT_TRANSLATE_NOOP("Evidence",
                      "In vantage %1, process %2 of %3 descends from process %4 in %5, %6 level up."),
    QT_TRANSLATE_NOOP("Evidence",
                      "In vantage %1, process %2 of %3 descends from process %4 in %5, %6 levels up."),
    QT_TRANSLATE_NOOP("Evidence", "No vantage saw this level."),
    QT_TRANSLATE_NOOP("Evidence", "Add a vantage that lands in the levels between to name it."),
    QT_TRANSLATE_NOOP("Evidence", "%1 sits below a level no vantage saw."),
    QT_TRANSLATE_NOOP("Evidence",
                      "The pid namespace that owns vantage %1's /proc: none of its links were readable."),
    QT_TRANSLATE_NOOP("Evidence", "Since %1's ancestors up to %2 are known, %3 is the parent of %2."),
    QT_TRANSLATE_NOOP("Evidence",
                      "Inode 4026531836 is the kernel's initial pid namespace: it has no parent."),
    QT_TRANSLATE_NOOP(
        "Evidence",
        "No vantage saw above %1 (it is not the kernel's initial pid namespace), so its parent is "
        "unknown. Include the VM root vantage (wsl --debug-shell, as administrator) to see it.")};

// The translation of an English pattern (marked above), filled with `values` as core fills the English.
QString translated(const char *context, std::string_view pattern, const std::vector<std::string> &values)
{
    const std::string english(pattern);
    return toQString(
        text::filled(QCoreApplication::translate(context, english.c_str()).toStdString(), values));
}

template <std::size_t N> bool marked(const std::array<const char *, N> &patterns, std::string_view pattern)
{
    return std::any_of(patterns.begin(), patterns.end(), [&](const char *p) { return pattern == p; });
}

} // namespace

QString FindingText::text(const Finding &finding)
{
    const FindingPattern p = findingPattern(finding.code, finding.params);
    const auto values = patternValues(p, finding.params);
    // Parameters that do not fit the code (an older or edited file), or no pattern: the stored sentence.
    const QString out = p.pattern.empty() || !values ? QString() : translated("Finding", p.pattern, *values);
    return out.isEmpty() ? toQString(finding.text) : out;
}

bool FindingText::offered(std::string_view pattern)
{
    return marked(kPatterns, pattern);
}

QString EvidenceText::text(const Evidence &evidence)
{
    QStringList sentences;
    for (const Sentence &s : evidenceSentences(evidence))
        sentences.push_back(translated("Evidence", s.pattern, s.values));
    const QString out = sentences.join(u' ');
    return out.isEmpty() || sentences.contains(QString()) ? toQString(evidence.text) : out;
}

bool EvidenceText::offered(std::string_view pattern)
{
    return marked(kEvidencePatterns, pattern);
}

} // namespace wslatlas
