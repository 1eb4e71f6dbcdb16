#pragma once
// The words of a finding and of a namespace's evidence in the user's language, written from the facts
// core stored (code and parameters). The English text of the snapshot is the fallback: for a code this
// version has no words for, and for files written before the facts were stored.
#include "snapshot.h"

#include <QCoreApplication>
#include <QString>

#include <string_view>

namespace wslatlas {

class FindingText
{
    Q_DECLARE_TR_FUNCTIONS(Finding)

public:
    static QString text(const Finding &finding);
    // True when the English pattern is marked for translation (a test holds core's patterns to it).
    static bool offered(std::string_view pattern);
};

class EvidenceText
{
    Q_DECLARE_TR_FUNCTIONS(Evidence)

public:
    // The sentences of a namespace's evidence (core/model/evidence.h), translated.
    static QString text(const Evidence &evidence);
    static bool offered(std::string_view pattern);
};

} // namespace wslatlas
