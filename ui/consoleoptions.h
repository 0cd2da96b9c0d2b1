#pragma once

#include <core/model/result.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

class QIODevice;

namespace enlace {

// The console's command line:
//   enlace [--server URL] [--user NAME] [--password-stdin] [--lang es|en|pt_BR] [--demo]
//          [tel:NUMBER | callto:NUMBER]
// --demo: the embedded server's address (ServerConfig's default listen address) and the demo
// agent's login (DemoSeeder); an explicit --server, --user or --password-stdin still wins.
// A tel:/callto: URI (what the desktop passes when a phone link is opened) becomes dialNumber.
struct ConsoleOptions
{
    Q_DECLARE_TR_FUNCTIONS(enlace::ConsoleOptions)

public:
    QUrl server;   // empty: not given
    QString user;
    QString password;   // with --password-stdin (or --demo) only; never logged
    bool passwordGiven = false;
    QString language;   // "es", "en" or "pt_BR"; empty: the desktop's
    bool demo = false;
    QString dialNumber;   // digits, '+' first when international, '*' and '#' kept; empty: none
    bool helpRequested = false;
    bool versionRequested = false;

    // arguments: as QCoreApplication::arguments() (the first is the program). standardInput is
    // read (one line, its newline stripped) only with --password-stdin.
    // Invalid: the message names the bad argument (translated).
    static Result<ConsoleOptions> parse(const QStringList &arguments, QIODevice *standardInput = nullptr);
    static QString helpText();

    // "tel:+54-9-11-5555-0000;phone-context=ar", "callto://%2B5491155550000" → "+5491155550000".
    static Result<QString> dialNumberFromUri(const QString &uri);
    static bool isDialUri(const QString &argument);

    static QStringList supportedLanguages();
    static QUrl demoServer();
    static QString demoUser();
    static QString demoPassword();
};

}   // namespace enlace
