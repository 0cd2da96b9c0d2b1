// enlace-server: composition root only. Every command lives in core (ServerCommands).
#include <core/api/servercommands.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"enlace-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ENLACE_VERSION));
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return enlace::ServerCommands::run(QCoreApplication::arguments(), in, out, err);
}
