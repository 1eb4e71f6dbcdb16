#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace wslatlas {

void installTranslations(QCoreApplication &app)
{
    // Installed first, asked last: any language without its own file still gets English plurals.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/wslatlas_en.qm")))
        QCoreApplication::installTranslator(english);
    const QLocale locale;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("wslatlas"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

} // namespace wslatlas
