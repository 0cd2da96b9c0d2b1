#include <ui/consoletranslations.h>

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace enlace {

QString installConsoleTranslations(QCoreApplication &app, const QString &language)
{
    if (language.isEmpty() || language == u"en"_s)
        return u"en"_s;
    const QDir ours(u":/i18n"_s);
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
