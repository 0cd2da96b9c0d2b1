#pragma once

#include <core/server/serverconfig.h>

#include <QString>

class QTemporaryDir;

namespace enlace::test {

// A server for a test: the store at databaseUrl, listening on 127.0.0.1 at a port the system picks,
// its secret key in dir, the event log polled every 100 ms. Tests change what they check.
ServerConfig localServerConfig(const QString &databaseUrl, const QTemporaryDir &dir);

}   // namespace enlace::test
