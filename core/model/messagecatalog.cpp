#include <core/model/messagecatalog.h>

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace enlace {

MessageCatalog::MessageCatalog()
{
    // Every part of Enlace ships its own .qm per language: enlace_<part>_<lang>.qm.
    const QDir dir(u":/i18n"_s);
    const QStringList files = dir.entryList({ u"*.qm"_s }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        // enlace_core_<part>_<lang>.qm, where lang is "es" or "pt_BR" style.
        const QString base = file.chopped(3);
        const QStringList pieces = base.split(u'_');
        if (pieces.size() < 2)
            continue;
        const QString last = pieces.constLast();
        const QString language = (last.size() == 2 && last.at(0).isUpper() && pieces.size() >= 3)
            ? pieces.at(pieces.size() - 2) + u'_' + last
            : last;
        auto translator = std::make_shared<QTranslator>();
        if (!translator->load(dir.filePath(file)))
            continue;
        // Several files per language: keep them chained under one key.
        QString key = language;
        int n = 0;
        while (m_translators.contains(key))
            key = language + u'#' + QString::number(++n);
        m_translators.insert(key, translator);
    }
}

MessageCatalog::~MessageCatalog() = default;

QStringList MessageCatalog::languages() const
{
    QStringList out { u"en"_s };
    for (auto it = m_translators.cbegin(); it != m_translators.cend(); ++it) {
        const QString lang = it.key().section(u'#', 0, 0);
        if (!out.contains(lang))
            out.append(lang);
    }
    return out;
}

QString MessageCatalog::negotiate(const QString &acceptLanguage, const QString &fallback) const
{
    const QStringList shipped = languages();
    struct Candidate
    {
        QString tag;
        double q;
    };
    QList<Candidate> candidates;
    for (const QString &part : acceptLanguage.split(u',', Qt::SkipEmptyParts)) {
        const QStringList pieces = part.trimmed().split(u';');
        double q = 1.0;
        for (qsizetype i = 1; i < pieces.size(); ++i) {
            const QString p = pieces.at(i).trimmed();
            if (p.startsWith(u"q="_s))
                q = p.mid(2).toDouble();
        }
        candidates.append({ pieces.first().trimmed().replace(u'-', u'_'), q });
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.q > b.q; });
    for (const Candidate &c : candidates) {
        if (c.q <= 0)
            continue;
        for (const QString &s : shipped)
            if (s.compare(c.tag, Qt::CaseInsensitive) == 0)
                return s;
        const QString primary = c.tag.section(u'_', 0, 0);
        for (const QString &s : shipped)
            if (s.section(u'_', 0, 0).compare(primary, Qt::CaseInsensitive) == 0)
                return s;
    }
    return fallback;
}

QString MessageCatalog::commandLineLanguage(const QString &explicitLanguage) const
{
    QString wanted = explicitLanguage;
    for (const char *name : { "ENLACE_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" })
        if (wanted.isEmpty())
            wanted = qEnvironmentVariable(name);
    const QString tag = wanted.section(u'.', 0, 0).section(u'@', 0, 0);   // es_AR.UTF-8@euro -> es_AR
    return negotiate(tag + u","_s + tag.section(u'_', 0, 0), u"en"_s);
}

QString MessageCatalog::translate(const QString &language, const char *context, const char *source) const
{
    if (!source)
        return {};
    if (!language.isEmpty() && language != u"en"_s) {
        QString key = language;
        int n = 0;
        while (true) {
            const auto it = m_translators.constFind(key);
            if (it == m_translators.cend())
                break;
            const QString t = (*it)->translate(context, source);
            if (!t.isEmpty())
                return t;
            key = language + u'#' + QString::number(++n);
        }
    }
    return QString::fromUtf8(source);
}

QtCommandLineTranslation::QtCommandLineTranslation(const QString &language)
{
    if (language.isEmpty() || language == u"en"_s || !QCoreApplication::instance())
        return;
    m_translator = std::make_unique<QTranslator>();
    if (m_translator->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_installed = QCoreApplication::installTranslator(m_translator.get());
}

QtCommandLineTranslation::~QtCommandLineTranslation()
{
    if (m_installed && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_translator.get());
}

}   // namespace enlace
