#pragma once
// Small pieces the diagram builders (pid_diagram, network_diagram) share.
#include "diagram.h"
#include "finding_text.h"
#include "network.h"
#include "text.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace wslatlas::diagram_support {

inline DiagramBadge badgeOf(const Finding &finding)
{
    return {finding.severity, FindingText::text(finding).toStdString()};
}

inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

using text::joined;

// At most `limit` characters, the last one an ellipsis when cut; never splits a surrogate pair.
inline QString shortened(const QString &text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    qsizetype keep = limit - 1;
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + QChar(0x2026);
}

} // namespace wslatlas::diagram_support
