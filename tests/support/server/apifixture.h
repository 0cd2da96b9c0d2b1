#pragma once

#include <core/api/apiservices.h>
#include <core/http/apirouter.h>
#include <core/model/agent.h>
#include <core/model/enums.h>
#include <core/telephony/pbx.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

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

    // Seeding, through the repositories.
    qint64 addUser(const QString &username, Role role);
    Agent addAgent(const QString &username, const QString &extension);
    qint64 addSystem(const QString &name, const QList<QPair<qint64, QString>> &agentExternalIds = {});
    qint64 addContactDatabase(const QString &name, const QStringList &columns, const QStringList &phoneColumns,
                              const QString &externalIdColumn = {});
    qint64 addContact(qint64 databaseId, const QHash<QString, QString> &values);
    struct CampaignSeed
    {
        QString name;
        CampaignType type = CampaignType::Manual;
        CampaignState state = CampaignState::Active;
        std::optional<qint64> systemId;
        QString externalId;
        std::optional<qint64> databaseId;
        QList<qint64> agentIds;
        QList<qint64> supervisorUserIds;
    };
    qint64 addCampaign(const CampaignSeed &seed);
    qint64 addOption(qint64 campaignId, const QString &name, bool hidden = false);
    qint64 count(const QString &table) const;

    // One configuration most tests share:
    //   agents ana (1001), beto (1002), carla (1003, in no campaign); users sup (supervisor of
    //   campaign), sup2 (supervisor elsewhere), admin;
    //   system S1: ana "A-ANA", beto "A-BETO", carla "A-CARLA"; system S2: carla "X-CARLA", ana "A-ANA";
    //   database db1 (telefono, nombre, id_ext; ext column id_ext): contacts c1 "EXT-1", c2 "EXT-2";
    //   database db2 (telefono): contact c3;
    //   campaign camp (active, S1, external "C-1", db1, queue ana+beto, supervisor sup);
    //   campaign inactive (inactive, S1, external "C-OFF", db1, queue ana);
    //   campaign other (active, no system, db2, queue ana);
    //   options of camp: Venta (visible), Baja (hidden); of other: Otra.
    struct World
    {
        Agent ana, beto, carla;
        qint64 sup = 0, sup2 = 0, admin = 0;
        qint64 s1 = 0, s2 = 0;
        qint64 db1 = 0, db2 = 0;
        qint64 c1 = 0, c2 = 0, c3 = 0;
        qint64 camp = 0, inactive = 0, other = 0;
        qint64 venta = 0, baja = 0, otra = 0;
        // Replaces {ana}, {camp}, {c1}, ... with the ids above (for data-driven rows).
        QString substitute(QString text) const;
        QJsonObject body(const QString &jsonTemplate) const;
    };
    World seedWorld();

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
