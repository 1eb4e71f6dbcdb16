#include "evidence.h"

#include "text.h"

namespace wslatlas {

namespace {

std::string processText(int pid, const std::string &name)
{
    return name.empty() ? std::to_string(pid) : std::to_string(pid) + " (" + name + ")";
}

// The fact a parent rests on: a vantage's levels or a PPid walk. Empty when a fact it needs is missing.
std::vector<Sentence> factSentences(EvidenceKind kind, const Evidence &e)
{
    if (e.subject.empty() || e.ancestor.empty() || e.levels < 1 || e.vantage.empty())
        return {};
    const std::string levels = std::to_string(e.levels);
    if (kind == EvidenceKind::VantageLevel) {
        const std::string length = std::to_string(e.levels + 1);
        if (e.levels == 1)
            return {
                {"Vantage %1's /proc belongs to %2, and the processes of %3 have NSpid lists of length %4: "
                 "%3 is %5 level below it.",
                 {e.vantage, e.ancestor, e.subject, length, levels}}};
        return {
            {"Vantage %1's /proc belongs to %2, and the processes of %3 have NSpid lists of length %4: %3 "
             "is %5 levels below it.",
             {e.vantage, e.ancestor, e.subject, length, levels}}};
    }
    if (kind == EvidenceKind::PpidWalk && e.pid > 0 && e.ppid > 0) {
        std::vector<std::string> values{e.vantage,  processText(e.pid, e.process),
                                        e.subject,  processText(e.ppid, e.parentProcess),
                                        e.ancestor, levels};
        if (e.levels == 1)
            return {{"In vantage %1, process %2 of %3 descends from process %4 in %5, %6 level up.",
                     std::move(values)}};
        return {{"In vantage %1, process %2 of %3 descends from process %4 in %5, %6 levels up.",
                 std::move(values)}};
    }
    return {};
}

std::vector<Sentence> placeholderSentences(const Evidence &e)
{
    if (e.basis != EvidenceKind::Unknown) { // a level nobody saw, above the fact that shows it is there
        std::vector<Sentence> out = factSentences(e.basis, e);
        if (out.empty())
            return {};
        out.insert(out.begin(), Sentence{"No vantage saw this level.", {}});
        out.push_back({"Add a vantage that lands in the levels between to name it.", {}});
        return out;
    }
    if (!e.subject.empty()) // the edge from a namespace to the unseen level above it
        return {{"%1 sits below a level no vantage saw.", {e.subject}}};
    if (!e.vantage.empty()) // the namespace of a vantage whose own links were unreadable
        return {{"The pid namespace that owns vantage %1's /proc: none of its links were readable.",
                 {e.vantage}}};
    return {};
}

} // namespace

std::vector<Sentence> evidenceSentences(const Evidence &e)
{
    switch (e.kind) {
    case EvidenceKind::VantageLevel:
    case EvidenceKind::PpidWalk:
        return factSentences(e.kind, e);
    case EvidenceKind::Derived: {
        std::vector<Sentence> out = factSentences(e.basis, e);
        if (out.empty() || e.via.empty())
            return {};
        out.push_back({"Since %1's ancestors up to %2 are known, %3 is the parent of %2.",
                       {e.subject, e.via, e.ancestor}});
        return out;
    }
    case EvidenceKind::InitialNamespace:
        return {{"Inode 4026531836 is the kernel's initial pid namespace: it has no parent.", {}}};
    case EvidenceKind::NoVantageAbove:
        if (e.subject.empty())
            return {};
        return {{"No vantage saw above %1 (it is not the kernel's initial pid namespace), so its parent is "
                 "unknown. Include the VM root vantage (wsl --debug-shell, as administrator) to see it.",
                 {e.subject}}};
    case EvidenceKind::Placeholder:
        return placeholderSentences(e);
    case EvidenceKind::Unknown:
        break;
    }
    return {};
}

std::string englishText(const Evidence &evidence)
{
    std::string out;
    for (const Sentence &s : evidenceSentences(evidence)) {
        const std::string text = text::filled(s.pattern, s.values);
        if (text.empty())
            return {};
        out += (out.empty() ? "" : " ") + text;
    }
    return out;
}

} // namespace wslatlas
