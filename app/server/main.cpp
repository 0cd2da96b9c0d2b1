// enlace-server: composition root only. Every subcommand lives in core.
#include <core/store/database.h>

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"enlace-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ENLACE_VERSION));
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.contains(u"--version"_s) || args.value(1) == u"version"_s) {
        out << "enlace-server " << QCoreApplication::applicationVersion() << " (schema " << enlace::Database::latestSchemaVersion() << ")\n";
        return 0;
    }
    out << "usage: enlace-server version\n";
    return 0;
}
