#include "serverconfigs.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace enlace::test {

ServerConfig localServerConfig(const QString &databaseUrl, const QTemporaryDir &dir)
{
    ServerConfig c;
    c.databaseUrl = databaseUrl;
    c.listenHost = u"127.0.0.1"_s;
    c.listenPort = 0;
    c.secretKeyFile = dir.filePath(u"secret.key"_s);
    c.eventPollMs = 100;
    return c;
}

}   // namespace enlace::test
