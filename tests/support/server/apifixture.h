#pragma once

#include <core/api/apiservices.h>
#include <core/http/apirouter.h>
#include <core/model/agent.h>
#include <core/model/enums.h>
#include <core/telephony/pbx.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/world.h>

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QStringList>

#include <memory>

namespace enlace {
class CallFlow;
class EventLog;
class HttpServer;
class MessageCatalog;
class ReferenceCache;
class SecretBox;
}   // namespace enlace

namespace enlace::test {

// A PBX that records what it is asked to dial and answers asynchronously, like a real one:
// success with a call id, or the failure set with failNextWith().
class RecordingPbx final : public Pbx
{
public:
    explicit RecordingPbx(QObject *parent = nullptr)
        : Pbx(parent)
    { }
    void originate(const OriginateRequest &request, OriginateDone done) override;
    void hangup(const QString &) override { }
    bool isConnected() const override { return true; }

    void failNextWith(const QString &reason) { m_failure = reason; }
    const QList<OriginateRequest> &originated() const { return m_originated; }

private:
    QList<OriginateRequest> m_originated;
    QString m_failure;
};

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    bool isJson() const { return !QJsonDocument::fromJson(body).isNull(); }
};

// The real HTTP server of the API started in-process on a random port over a scratch database
// (SQLite or PostgreSQL), with the routes of the endpoint files, the real CallFlow and EventLog
// over a RecordingPbx (no SiteDelivery), and a FakeClock.
// Tests seed data through the repositories and speak HTTP with QNetworkAccessManager.
// Only tst_callroutes still uses it: it checks what the PBX was asked to dial and makes the PBX
// fail, and a ServerInstance builds its own PBX from its configuration. Every other API test runs
// the real server (ApiServer).
class ApiFixture final
{
public:
    explicit ApiFixture(const QString &backend);
    ~ApiFixture();
    ApiFixture(const ApiFixture &) = delete;
    ApiFixture &operator=(const ApiFixture &) = delete;

    bool skipped() const { return m_scratch.skipped(); }
    QString error() const { return m_error; }
    bool ok() const { return m_error.isEmpty() && !skipped(); }

    const std::shared_ptr<Database> &db() const { return m_scratch.db(); }
    ApiServices &services() { return m_services; }
    ApiRouter &router() { return m_router; }
    RecordingPbx &pbx() { return *m_pbx; }
    EventLog &events() { return *m_events; }
    FakeClock &clock() { return m_clock; }
    quint16 port() const;

    // Credentials: a bearer token for a user, an integration key for a system.
    QString tokenFor(qint64 userId);
    QString integrationKeyFor(qint64 systemId);
    // The credential stops working, as a logged-out token or a rotated key does.
    void revoke(const QString &credential) { m_credentials.remove(credential); }

    HttpReply send(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                   const QString &token = {});
    HttpReply sendRaw(const QByteArray &method, const QString &path, const QByteArray &body,
                      const QByteArray &contentType, const QString &token = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // Seeding, through the repositories (world.h).
    qint64 addUser(const QString &username, Role role) { return test::addUser(db(), m_clock, username, role); }
    Agent addAgent(const QString &username, const QString &extension)
    {
        return test::addAgent(db(), m_clock, username, extension);
    }
    qint64 addSystem(const QString &name, const QList<QPair<qint64, QString>> &agentExternalIds = {})
    {
        return test::addSystem(db(), name, agentExternalIds);
    }
    qint64 addContactDatabase(const QString &name, const QStringList &columns, const QStringList &phoneColumns,
                              const QString &externalIdColumn = {})
    {
        return test::addContactDatabase(db(), m_clock, name, columns, phoneColumns, externalIdColumn);
    }
    qint64 addContact(qint64 databaseId, const QHash<QString, QString> &values)
    {
        return test::addContact(db(), m_clock, databaseId, values);
    }
    using CampaignSeed = test::CampaignSeed;
    qint64 addCampaign(const CampaignSeed &seed) { return test::addCampaign(db(), seed); }
    qint64 addOption(qint64 campaignId, const QString &name, bool hidden = false)
    {
        return test::addOption(db(), campaignId, name, hidden);
    }
    qint64 count(const QString &table) const { return test::count(db(), table); }

    using World = test::World;
    World seedWorld() { return test::seedWorld(db(), m_clock); }

private:
    Result<std::optional<Caller>> resolve(const ApiRequest &request) const;

    ScratchDatabase m_scratch;
    FakeClock m_clock;
    std::unique_ptr<MessageCatalog> m_catalog;
    std::unique_ptr<RecordingPbx> m_pbx;
    std::unique_ptr<SecretBox> m_secrets;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<CallFlow> m_calls;
    std::unique_ptr<ReferenceCache> m_reference;
    ApiServices m_services;
    ApiRouter m_router;
    std::unique_ptr<HttpServer> m_server;
    QNetworkAccessManager m_network;
    QHash<QString, Caller> m_credentials;
    int m_tokenCounter = 0;
    QString m_error;
};

}   // namespace enlace::test

// Builds the fixture or skips (PostgreSQL not configured) / fails the test.
#define ENLACE_API_FIXTURE(fixture, backend)                                                                           \
    ::enlace::test::ApiFixture fixture(backend);                                                                       \
    if (fixture.skipped())                                                                                             \
        QSKIP("PostgreSQL not configured (set ENLACE_TEST_PG_URL)");                                                   \
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()))
