#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace enlace {

// Holds one QTranslator per shipped language (loaded from the :/i18n/ resources), without
// installing any of them globally, so one server can answer each request in its own language.
class MessageCatalog final
{
public:
    MessageCatalog();
    ~MessageCatalog();
    MessageCatalog(const MessageCatalog &) = delete;
    MessageCatalog &operator=(const MessageCatalog &) = delete;

    // "es", "en", "pt_BR"; English is the source language and always available.
    QStringList languages() const;
    // Picks the best shipped language for an Accept-Language header; falls back to fallback.
    QString negotiate(const QString &acceptLanguage, const QString &fallback = QStringLiteral("es")) const;
    QString translate(const QString &language, const char *context, const char *source) const;
    // The language of a command-line program: explicitLanguage when given, else ENLACE_LANGUAGE,
    // else the locale of the environment (LC_ALL, LC_MESSAGES, LANG), among the shipped ones;
    // English otherwise.
    QString commandLineLanguage(const QString &explicitLanguage = {}) const;

private:
    QHash<QString, std::shared_ptr<QTranslator>> m_translators;
};

// Qt's own words on a command line ("Usage:", "Options:", QCommandLineParser's errors) in the
// command's language, from Qt's qtbase_<language>.qm (Debian: qt6-translations-l10n), while it
// lives; English when Qt ships no such file. It installs a translator application-wide, so it is
// for one-shot commands, not for the server, whose requests each have a language of their own.
class QtCommandLineTranslation final
{
public:
    explicit QtCommandLineTranslation(const QString &language);
    ~QtCommandLineTranslation();
    QtCommandLineTranslation(const QtCommandLineTranslation &) = delete;
    QtCommandLineTranslation &operator=(const QtCommandLineTranslation &) = delete;
    bool isInstalled() const { return m_installed; }

private:
    std::unique_ptr<QTranslator> m_translator;
    bool m_installed = false;
};

}   // namespace enlace
