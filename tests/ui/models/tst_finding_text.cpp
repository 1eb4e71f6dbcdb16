// Findings are stored as a code and parameters; the English sentence comes from core and the shown one
// from ui. These hold the two together: every pattern core writes is offered to translators, the English
// words in the program are core's words exactly, a Korean translator changes them, and a finding that does
// not fit its code falls back to its own text.
#include "evidence.h"
#include "finding.h"
#include "finding_text.h"
#include "model_support.h"

#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <set>

using namespace wslatlas;

namespace {

constexpr int kLastCode = static_cast<int>(FindingCode::GuiAppsOff);

// Every parameter any code reads, with a value that names it, so a swapped %1/%2 shows.
FindingParams allParams()
{
    FindingParams params;
    for (const char *name : {"distros", "net",    "distro",  "vantage",  "capture", "child",  "kept",
                             "other",   "levels", "first",   "second",   "message", "code",   "interface",
                             "address", "cidr",   "gateway", "registry", "switch",  "subnet", "adapter"})
        params[name] = std::string("<") + name + ">";
    return params;
}

// Each code with all parameters, and the two codes whose sentence changes when one is empty, without it.
std::vector<Finding> everyFinding()
{
    std::vector<Finding> out;
    for (int c = 1; c <= kLastCode; ++c)
        out.push_back(makeFinding(Severity::Info, static_cast<FindingCode>(c), allParams()));
    FindingParams noGateway = allParams();
    noGateway["gateway"] = "";
    out.push_back(makeFinding(Severity::Info, FindingCode::InsideNat, noGateway));
    FindingParams noDistros = allParams();
    noDistros["distros"] = "";
    out.push_back(makeFinding(Severity::Error, FindingCode::OnlyLoopback, noDistros));
    return out;
}

// Evidence of every kind and shape, with the facts inference stores.
std::vector<Evidence> everyEvidence()
{
    Evidence level;
    level.kind = EvidenceKind::VantageLevel;
    level.vantage = "vm";
    level.subject = "pid:[4026532257]";
    level.ancestor = "pid:[4026531836]";
    level.levels = 2;
    Evidence oneLevel = level;
    oneLevel.levels = 1;
    Evidence walk = level;
    walk.kind = EvidenceKind::PpidWalk;
    walk.pid = 226;
    walk.ppid = 221;
    walk.process = "init";
    walk.parentProcess = "init";
    walk.ancestor = "pid:[4026532245]";
    Evidence oneWalk = walk;
    oneWalk.levels = 1;
    Evidence derived = walk;
    derived.kind = EvidenceKind::Derived;
    derived.basis = EvidenceKind::PpidWalk;
    derived.via = "pid:[4026532300]";
    Evidence unseen = level;
    unseen.kind = EvidenceKind::Placeholder;
    unseen.basis = EvidenceKind::VantageLevel;
    Evidence below;
    below.kind = EvidenceKind::Placeholder;
    below.vantage = "vm";
    below.subject = "pid:[4026532257]";
    Evidence unreadable;
    unreadable.kind = EvidenceKind::Placeholder;
    unreadable.vantage = "Ubuntü";
    Evidence root;
    root.kind = EvidenceKind::InitialNamespace;
    Evidence none;
    none.kind = EvidenceKind::NoVantageAbove;
    none.subject = "pid:[4026532245]";
    std::vector<Evidence> out{level, oneLevel, walk, oneWalk, derived, unseen, below, unreadable, root, none};
    for (Evidence &e : out)
        e.text = englishText(e);
    return out;
}

} // namespace

class TestFindingText : public QObject
{
    Q_OBJECT

private slots:
    void everyPatternIsOfferedToTranslators()
    {
        for (const Finding &f : everyFinding()) {
            const FindingPattern p = findingPattern(f.code, f.params);
            QVERIFY2(!p.pattern.empty(), toString(f.code).data());
            QVERIFY2(FindingText::offered(p.pattern), std::string(p.pattern).c_str());
        }
        QVERIFY(!FindingText::offered("a sentence nobody wrote"));
    }

    void englishIsCoresWords()
    {
        for (const Finding &f : everyFinding()) {
            QVERIFY2(!f.text.empty(), toString(f.code).data());
            QVERIFY2(f.text.find('%') == std::string::npos, f.text.c_str()); // every placeholder filled
            QCOMPARE(FindingText::text(f), toQString(f.text));
        }
        const Finding inside = makeFinding(Severity::Info, FindingCode::InsideNat,
                                           {{"interface", "eth0"},
                                            {"address", "172.19.132.144"},
                                            {"cidr", "172.19.128.0/20"},
                                            {"gateway", "172.19.128.1"}});
        QCOMPARE(inside.text,
                 std::string(
                     "eth0 172.19.132.144 is inside the NAT network 172.19.128.0/20 served by 172.19.128.1"));
    }

    void koreanIsWrittenFromTheFacts()
    {
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/wslatlas_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        std::vector<QString> shown;
        const std::vector<Finding> findings = everyFinding();
        for (const Finding &f : findings)
            shown.push_back(FindingText::text(f));
        QCoreApplication::removeTranslator(&korean);
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const Finding &f = findings[i];
            // Translated, not the English (a pattern of placeholders only, "%1 (%2)", reads the same).
            const std::string_view pattern = findingPattern(f.code, f.params).pattern;
            if (std::any_of(pattern.begin(), pattern.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                QVERIFY2(shown[i] != toQString(f.text), f.text.c_str());
            // Every parameter the English sentence shows, the Korean one shows too.
            for (const std::string_view name : findingPattern(f.code, f.params).params)
                QVERIFY2(shown[i].contains(toQString(f.params.at(std::string(name)))),
                         qPrintable(shown[i] + QStringLiteral(" lacks ") + QString::fromUtf8(name.data())));
        }
    }

    void evidenceIsWrittenFromItsFacts()
    {
        std::set<std::string_view> patterns;
        for (const Evidence &e : everyEvidence()) {
            QVERIFY2(!e.text.empty(), toString(e.kind).data());
            QVERIFY2(e.text.find('%') == std::string::npos, e.text.c_str());
            QCOMPARE(EvidenceText::text(e), toQString(e.text)); // English: core's words exactly
            for (const Sentence &sentence : evidenceSentences(e)) {
                QVERIFY2(EvidenceText::offered(sentence.pattern), std::string(sentence.pattern).c_str());
                patterns.insert(sentence.pattern);
            }
        }
        QCOMPARE(patterns.size(), std::size_t(11)); // every sentence evidence.cpp has
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/wslatlas_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        std::vector<QString> shown;
        for (const Evidence &e : everyEvidence())
            shown.push_back(EvidenceText::text(e));
        QCoreApplication::removeTranslator(&korean);
        const std::vector<Evidence> evidence = everyEvidence();
        for (std::size_t i = 0; i < evidence.size(); ++i) {
            QVERIFY2(shown[i] != toQString(evidence[i].text), evidence[i].text.c_str());
            for (const std::string &fact : {evidence[i].subject, evidence[i].ancestor, evidence[i].via})
                if (!fact.empty() && evidence[i].text.find(fact) != std::string::npos)
                    QVERIFY2(shown[i].contains(toQString(fact)), qPrintable(shown[i]));
        }
        // A file written before the facts were stored keeps its own sentence.
        Evidence old;
        old.kind = EvidenceKind::PpidWalk;
        old.vantage = "vm";
        old.pid = 226;
        old.ppid = 221;
        old.text = "In vantage vm, process 226 (init) descends from …";
        QCOMPARE(EvidenceText::text(old), toQString(old.text));
    }

    void aFindingThatDoesNotFitItsCodeShowsItsOwnText()
    {
        Finding f =
            makeFinding(Severity::Warning, FindingCode::GatewayDiffers,
                        {{"adapter", "vEthernet (WSL)"}, {"address", "172.19.128.1"}, {"gateway", "x"}});
        f.params.erase("gateway");
        f.text = "written by an older version";
        QCOMPARE(FindingText::text(f), QStringLiteral("written by an older version"));
        Finding other{Severity::Info, "a note in its own words", FindingCode::Other, {}};
        QCOMPARE(FindingText::text(other), QStringLiteral("a note in its own words"));
        // A value holding a placeholder is not filled again.
        const Finding odd =
            makeFinding(Severity::Info, FindingCode::NetNsOwn, {{"distro", "%2"}, {"net", "n"}});
        QCOMPARE(FindingText::text(odd), QStringLiteral("%2 has a network namespace of its own (n)"));
    }
};

QTEST_GUILESS_MAIN(TestFindingText)
#include "tst_finding_text.moc"
