#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace enlace {

// The enlace-server command line. main() only builds a QCoreApplication and calls run().
//   enlace-server [serve] [options]      run the server (default)
//   enlace-server create-user ...        create an admin, supervisor or agent
//   enlace-server import-contacts ...    import a CSV contact database
//   enlace-server version                this build's version and schema version
//   enlace-server schema-version ...     the database's schema version
//   enlace-server help [command]
// Exit codes: 0 ok, 1 usage, 2 rejected input (validation), 3 store or start-up failure.
class ServerCommands final
{
public:
    enum ExitCode : int { Ok = 0, Usage = 1, Rejected = 2, Failure = 3 };

    // arguments: as QCoreApplication::arguments() (the first is the program).
    static int run(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err);

    static int serve(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static int createUser(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err);
    static int version(QTextStream &out);
    static int schemaVersion(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static QString usage();

    // Structured logs on stderr: "<UTC time> level=<level> category=<category> <message>".
    // level: debug | info | warning | error.
    static void installLogging(const QString &level);
};

}   // namespace enlace
