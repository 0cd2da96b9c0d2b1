#pragma once

#include <core/server/serverinstance.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/rawhttpclient.h>

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace enlace::test {

// The real server (ServerInstance, on port 0, localServerConfig) over a scratch store (SQLite or
// PostgreSQL) with a FakeClock, for the API's route tests. Rows are seeded into database() (world.h);
// credentials are real ones, written where the server keeps them (a token in the token store, an
// integration key rotated on the external system); requests go as bytes (RawHttpClient), so a
// test reads the status, the headers and the body the server sent.
class ApiServer final
{
public:
    explicit ApiServer(const QString &backend);
    ~ApiServer();
    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    bool skipped() const { return m_scratch.skipped(); }
    QString error() const { return m_error; }
    bool ok() const { return m_error.isEmpty() && !skipped(); }

    ServerInstance &server() { return *m_server; }
    const std::shared_ptr<Database> &database() const { return m_server->database(); }
    FakeClock &clock() { return m_clock; }

    // A bearer token of the user (TokenStore, the server's lifetime); an integration key of the system.
    QString tokenFor(qint64 userId);
    QString integrationKeyFor(qint64 systemId);

    // body: an object or an array is sent as JSON; anything else sends no body. In English unless
    // headers ask for another language.
    RawHttpResponse send(const QByteArray &method, const QString &pathAndQuery, const QJsonValue &body = {},
                         const QString &token = {});
    RawHttpResponse sendRaw(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                            const QByteArray &contentType, const QString &token = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    ScratchDatabase m_scratch;
    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<ServerInstance> m_server;
    QString m_error;
};

}   // namespace enlace::test

// Starts the server or skips (PostgreSQL not configured) / fails the test.
#define ENLACE_API_SERVER(api, backend)                                                                                \
    ::enlace::test::ApiServer api(backend);                                                                            \
    if (api.skipped())                                                                                                 \
        QSKIP("PostgreSQL not configured (set ENLACE_TEST_PG_URL)");                                                   \
    QVERIFY2(api.ok(), qPrintable(api.error()))
