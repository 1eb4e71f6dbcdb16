#include "finding_text.h"

#include "finding.h"
#include "model_support.h"

#include <array>
#include <cstring>

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

// `pattern` with %1…%9 replaced by the values of `names`, in one pass (a value holding "%1" stays as it is);
// empty when a value is missing.
QString filled(const QString &pattern, const std::vector<std::string_view> &names,
               const FindingParams &params)
{
    QString out;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        const bool placeholder =
            c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1) >= u'1' && pattern.at(i + 1) <= u'9';
        if (!placeholder) {
            out += c;
            continue;
        }
        const auto index = static_cast<std::size_t>(pattern.at(++i).unicode() - u'1');
        if (index >= names.size())
            return {};
        const auto it = params.find(std::string(names[index]));
        if (it == params.end())
            return {};
        out += toQString(it->second);
    }
    return out;
}

} // namespace

QString FindingText::text(const Finding &finding)
{
    const FindingPattern p = findingPattern(finding.code, finding.params);
    if (p.pattern.empty())
        return toQString(finding.text);
    const std::string english(p.pattern);
    const QString out =
        filled(QCoreApplication::translate("Finding", english.c_str()), p.params, finding.params);
    // A file whose parameters do not fit the code (hand-edited, or older): its own sentence.
    return out.isEmpty() ? toQString(finding.text) : out;
}

bool FindingText::offered(std::string_view pattern)
{
    for (const char *marked : kPatterns)
        if (pattern == marked)
            return true;
    return false;
}

} // namespace wslatlas
