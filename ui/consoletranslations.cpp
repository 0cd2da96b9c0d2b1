#include <ui/consoletranslations.h>

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace enlace {

QString installConsoleTranslations(QCoreApplication &app, const QString &language)
{
    const QDir ours(u":/i18n"_s);
    if (language.isEmpty() || language == u"en"_s) {
        // English is the source; its file only has the plural forms ("1 attempt", "2 attempts").
        auto *plurals = new QTranslator(&app);
        if (plurals->load(ours.filePath(u"enlace_ui_en.qm"_s)))
            QCoreApplication::installTranslator(plurals);
        else
            delete plurals;
        return u"en"_s;
    }
    for (const QString &file : ours.entryList({ u"enlace_*_%1.qm"_s.arg(language) }, QDir::Files)) {
        auto *translator = new QTranslator(&app);
        if (translator->load(ours.filePath(file)))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

}   // namespace enlace
