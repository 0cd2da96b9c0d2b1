#include <core/client/apiclient.h>
#include <core/server/demoseeder.h>
#include <core/server/serverinstance.h>
#include <core/store/database.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/serverconfigs.h>

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// One answer of the client, waited for.
template <typename T> struct Awaited
{
    std::optional<Result<T>> result;
    ApiClient::Callback<T> callback()
    {
        return [this](Result<T> r) { result.emplace(std::move(r)); };
    }
    bool arrived() const { return result.has_value(); }
};

// What went wrong, for a failure message (QVERIFY2 builds its message whether or not it fails).
template <typename T> QString why(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().code + u": "_s + r.error().text();
}

#define AWAIT(awaited) QTRY_VERIFY_WITH_TIMEOUT((awaited).arrived(), 20000)

// A server with the demo's configuration (agents, campaigns, contacts, sites) on a scratch store.
struct DemoServer
{
    DemoServer(const QString &url, const QTemporaryDir &dir, const Clock *clock = nullptr, qint64 maxBody = 0)
    {
        ServerConfig c = test::localServerConfig(url, dir);
        c.demo = true;
        c.simulatedTimeScale = 0.05;
        if (maxBody > 0)
            c.maxBodyBytes = maxBody;
        c.loginMaxFailuresPerAddress = 4;   // 429 comes soon: each failure is answered later than the last
        server = std::make_unique<ServerInstance>(c, clock);
    }
    QString password(const QString &user) const
    {
        for (const auto &[name, password] : server->demoSummary()->logins)
            if (name == user)
                return password;
        return {};
    }
    std::unique_ptr<ServerInstance> server;
};

QString makeCertificate(const QTemporaryDir &dir)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return {};
    QProcess p;
    p.start(openssl,
            { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s),
              u"-out"_s, dir.filePath(u"cert.pem"_s), u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
              u"subjectAltName=IP:127.0.0.1"_s });
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return dir.filePath(u"cert.pem"_s);
}

}   // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentSession_placesACall_readsOptions_qualifies_data() { test::addBackendRows(); }
    void agentSession_placesACall_readsOptions_qualifies()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        QNetworkAccessManager nam;
        ApiClient client(&nam, demo.server->baseUrl());
        client.setLanguage(u"en"_s);

        Awaited<LoginAnswer> login;
        client.login(u"agente1"_s, demo.password(u"agente1"_s), login.callback());
        AWAIT(login);
        QVERIFY2(login.result->ok(), qPrintable(why(*login.result)));
        QVERIFY(client.hasToken());
        QCOMPARE(client.token(), login.result->value().token);
        QVERIFY(login.result->value().agentId.has_value());
        QCOMPARE(login.result->value().firstName, u"Valeria"_s);
        QVERIFY(login.result->value().expiresInSeconds > 0);
        const qint64 agentId = *login.result->value().agentId;
        const qint64 campaignId = demo.server->demoSummary()->campaignIds.first();

        Awaited<QList<DispositionChoice>> options;
        client.dispositionOptions(QString::number(campaignId), options.callback());
        AWAIT(options);
        QVERIFY2(options.result->ok(), qPrintable(why(*options.result)));
        QVERIFY(!options.result->value().isEmpty());
        const DispositionChoice option = options.result->value().first();
        QVERIFY(option.id > 0);
        QVERIFY(!option.name.isEmpty());

        Awaited<QJsonObject> contacts;
        client.searchContacts(campaignId, {}, 0, 5, contacts.callback());
        AWAIT(contacts);
        QVERIFY2(contacts.result->ok(), qPrintable(why(*contacts.result)));
        const QJsonArray rows = contacts.result->value().value(u"data"_s).toArray();
        QVERIFY2(!rows.isEmpty(), QJsonDocument(contacts.result->value()).toJson().constData());

        Awaited<void> call;
        client.makeCall({ QString::number(campaignId), QString::number(agentId), u"1155550000"_s, {}, {} },
                        call.callback());
        AWAIT(call);
        QVERIFY2(call.result->ok(), qPrintable(why(*call.result)));

        // The contact's id as the contacts route gives it.
        const QJsonValue first = rows.first();
        const qint64 contactId = first.isObject() ? first.toObject().value(u"id"_s).toVariant().toLongLong()
                                                  : first.toArray().first().toVariant().toLongLong();
        QVERIFY(contactId > 0);
        Awaited<QJsonObject> disposed;
        client.dispose({ option.id, {}, contactId, u"from the client"_s }, disposed.callback());
        AWAIT(disposed);
        QVERIFY2(disposed.result->ok(), qPrintable(why(*disposed.result)));
        const qint64 dispositionId = disposed.result->value().value(u"id"_s).toVariant().toLongLong();
        QVERIFY(dispositionId > 0);

        Awaited<QJsonArray> listed;
        client.dispositions(listed.callback());
        AWAIT(listed);
        QVERIFY2(listed.result->ok(), qPrintable(why(*listed.result)));
        bool found = false;
        for (const QJsonValue v : listed.result->value())
            found = found || v.toObject().value(u"id"_s).toVariant().toLongLong() == dispositionId;
        QVERIFY(found);

        Awaited<void> out;
        client.logout(out.callback());
        AWAIT(out);
        QVERIFY(out.result->ok());
        QVERIFY(!client.hasToken());
    }

    void agentCalls_listTheCallInProgressWithItsRequest_data() { test::addBackendRows(); }
    void agentCalls_listTheCallInProgressWithItsRequest()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        QNetworkAccessManager nam;
        ApiClient client(&nam, demo.server->baseUrl());
        Awaited<LoginAnswer> login;
        client.login(u"agente1"_s, demo.password(u"agente1"_s), login.callback());
        AWAIT(login);
        QVERIFY2(login.result->ok(), qPrintable(why(*login.result)));
        const qint64 agentId = *login.result->value().agentId;
        // The first demo campaign opens its CRM automatically (an agent-side site: the console loads it).
        const qint64 campaignId = demo.server->demoSummary()->campaignIds.first();

        Awaited<QJsonObject> contacts;
        client.searchContacts(campaignId, {}, 0, 1, contacts.callback());
        AWAIT(contacts);
        QVERIFY2(contacts.result->ok(), qPrintable(why(*contacts.result)));
        const QJsonValue first = contacts.result->value().value(u"data"_s).toArray().first();
        const qint64 contactId = first.isObject() ? first.toObject().value(u"id"_s).toVariant().toLongLong()
                                                  : first.toArray().first().toVariant().toLongLong();
        QVERIFY(contactId > 0);

        Awaited<void> placed;
        client.makeCall(
            { QString::number(campaignId), QString::number(agentId), u"1155550123"_s, QString::number(contactId), {} },
            placed.callback());
        AWAIT(placed);
        QVERIFY2(placed.result->ok(), qPrintable(why(*placed.result)));

        // Read the list until the call is seen connected (and then, later, ended).
        std::optional<wire::AgentCall> connected;
        std::optional<wire::AgentCall> ended;
        qint64 position = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                Awaited<AgentCalls> calls;
                client.agentCalls(calls.callback());
                if (!QTest::qWaitFor([&] { return calls.arrived(); }, 5000) || !calls.result->ok())
                    return false;
                position = calls.result->value().lastEventId;
                for (const wire::AgentCall &c : calls.result->value().calls) {
                    if (c.connected.call.phone != u"1155550123"_s)
                        continue;
                    if (c.state == CallState::Connected)
                        connected = c;
                    if (c.state == CallState::Ended || c.state == CallState::Failed)
                        ended = c;
                }
                return connected.has_value() && ended.has_value();
            }(),
            30000);
        QVERIFY(position > 0);
        {
            Awaited<AgentCalls> again;
            client.agentCalls(again.callback());
            AWAIT(again);
            QVERIFY2(again.result->ok(), qPrintable(why(*again.result)));
            bool works = false;
            for (const AgentCalls::Campaign &c : again.result->value().campaigns)
                works = works || (c.id == campaignId && !c.name.isEmpty());
            QVERIFY2(works,
                     qPrintable(QString::number(again.result->value().campaigns.size()) + u" campaigns, agent "_s
                                + QString::number(agentId)));
        }
        QCOMPARE(connected->connected.call.campaignId, std::optional<qint64>(campaignId));
        QCOMPARE(connected->connected.call.agentId, std::optional<qint64>(agentId));
        QVERIFY(connected->offeredAt.isValid());
        QVERIFY(connected->connectedAt.isValid());
        QVERIFY(!connected->endedAt.isValid());
        QVERIFY2(connected->connected.interaction.has_value(),
                 qPrintable(connected->connected.interactionError.value_or(QString())));
        QCOMPARE(connected->connected.interaction->interaction.trigger, SiteTrigger::Automatic);
        QVERIFY(connected->connected.interaction->request.has_value());
        QVERIFY(connected->connected.interaction->request->url.contains(connected->connected.call.callId));
        QVERIFY(!connected->disposition.has_value());
        QCOMPARE(connected->connected.call.contactId, std::optional<qint64>(contactId));
        QVERIFY(!connected->connected.call.contact.isEmpty());
        // An ended call carries no interaction: nothing is left to open.
        QVERIFY(ended->endedAt.isValid());
        QVERIFY(!ended->connected.interaction.has_value());
        QCOMPARE(ended->connected.call.callId, connected->connected.call.callId);

        // Qualified, the call lists its disposition.
        Awaited<QList<DispositionChoice>> options;
        client.dispositionOptions(QString::number(campaignId), options.callback());
        AWAIT(options);
        QVERIFY2(options.result->ok(), qPrintable(why(*options.result)));
        const qint64 optionId = options.result->value().first().id;
        Awaited<QJsonObject> disposed;
        client.dispose({ optionId, ended->connected.call.callId, ended->connected.call.contactId, u"listed"_s },
                       disposed.callback());
        AWAIT(disposed);
        QVERIFY2(disposed.result->ok(), qPrintable(why(*disposed.result)));
        Awaited<AgentCalls> after;
        client.agentCalls(after.callback());
        AWAIT(after);
        QVERIFY2(after.result->ok(), qPrintable(why(*after.result)));
        bool listed = false;
        for (const wire::AgentCall &c : after.result->value().calls)
            if (c.connected.call.callId == ended->connected.call.callId) {
                QVERIFY(c.disposition.has_value());
                QCOMPARE(c.disposition->optionId, optionId);
                QCOMPARE(c.disposition->comments, u"listed"_s);
                listed = true;
            }
        QVERIFY(listed);

        // An administrator is not an agent: the route is refused.
        ApiClient admin(&nam, demo.server->baseUrl());
        Awaited<LoginAnswer> adminLogin;
        admin.login(u"admin"_s, demo.password(u"admin"_s), adminLogin.callback());
        AWAIT(adminLogin);
        if (adminLogin.result->ok()) {
            Awaited<AgentCalls> refused;
            admin.agentCalls(refused.callback());
            AWAIT(refused);
            QVERIFY(!refused.result->ok());
            QCOMPARE(refused.result->error().kind, Error::Kind::Forbidden);
        }
    }

    void errors_carryTheServersEnvelope_data() { test::addBackendRows(); }
    void errors_carryTheServersEnvelope()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir, nullptr, 64 * 1024);
        QVERIFY(demo.server->start().ok());
        QNetworkAccessManager nam;
        ApiClient client(&nam, demo.server->baseUrl());
        client.setLanguage(u"en"_s);

        // A wrong password: Unauthenticated, with the server's words.
        Awaited<LoginAnswer> wrong;
        client.login(u"agente1"_s, u"not-it"_s, wrong.callback());
        AWAIT(wrong);
        QVERIFY(!wrong.result->ok());
        QCOMPARE(wrong.result->error().kind, Error::Kind::Unauthenticated);
        QCOMPARE(wrong.result->error().code, u"api.bad_credentials"_s);
        QVERIFY2(wrong.result->error().text().contains(u"Invalid Credentials"_s), qPrintable(why(*wrong.result)));

        Awaited<LoginAnswer> agent;
        client.login(u"agente1"_s, demo.password(u"agente1"_s), agent.callback());
        AWAIT(agent);
        QVERIFY(agent.result->ok());

        // 400 with field errors: named per field.
        Awaited<void> badCall;
        client.makeCall({ u"999999"_s, QString::number(*agent.result->value().agentId), u"1155550000"_s, {}, {} },
                        badCall.callback());
        AWAIT(badCall);
        QVERIFY(!badCall.result->ok());
        QCOMPARE(badCall.result->error().kind, Error::Kind::Invalid);
        QVERIFY2(badCall.result->error().fields.has(u"idCampaign"_s),
                 qPrintable(badCall.result->error().fields.fields().join(u',')));
        QVERIFY(!badCall.result->error().fields.messages(u"idCampaign"_s).first().isEmpty());

        // 403: an agent on the admin API.
        Awaited<QJsonArray> forbidden;
        client.list(AdminResource::ExternalSites, forbidden.callback());
        AWAIT(forbidden);
        QVERIFY(!forbidden.result->ok());
        QCOMPARE(forbidden.result->error().kind, Error::Kind::Forbidden);
        QVERIFY(!forbidden.result->error().text().isEmpty());

        // 413: a body over the server's limit.
        Awaited<QJsonValue> large;
        client.send("POST", u"/api/v1/disposition/"_s, QJsonObject { { u"comments"_s, QString(100 * 1024, u'x') } },
                    large.callback());
        AWAIT(large);
        QVERIFY(!large.result->ok());
        QCOMPARE(large.result->error().code, u"http.413"_s);
        QCOMPARE(large.result->error().kind, Error::Kind::Invalid);

        // The administrator: 404, and 400 with row errors.
        ApiClient admin(&nam, demo.server->baseUrl());
        admin.setLanguage(u"en"_s);
        Awaited<LoginAnswer> adminLogin;
        admin.login(u"admin"_s, demo.password(u"admin"_s), adminLogin.callback());
        AWAIT(adminLogin);
        QVERIFY(adminLogin.result->ok());
        Awaited<QJsonObject> missing;
        admin.get(AdminResource::ExternalSites, 999999, missing.callback());
        AWAIT(missing);
        QVERIFY(!missing.result->ok());
        QCOMPARE(missing.result->error().kind, Error::Kind::NotFound);

        Awaited<QJsonObject> rows;
        admin.create(AdminResource::ExternalSystems,
                     QJsonObject { { u"nombre"_s, u"Row errors"_s },
                                   { u"agentes"_s,
                                     QJsonArray { QJsonObject { { u"agente"_s, 999999 },
                                                                { u"id_externo_agente"_s, u"x"_s } } } } },
                     rows.callback());
        AWAIT(rows);
        QVERIFY(!rows.result->ok());
        QCOMPARE(rows.result->error().kind, Error::Kind::Invalid);
        QVERIFY2(!rows.result->error().fields.isEmpty(), qPrintable(why(*rows.result)));
        bool rowNamed = false;
        for (const QString &field : rows.result->error().fields.fields())
            rowNamed = rowNamed || field.startsWith(u"agentes"_s);
        QVERIFY2(rowNamed, qPrintable(rows.result->error().fields.fields().join(u',')));

        // 401 on a call made with a token the server does not know: sessionExpired too.
        ApiClient stale(&nam, demo.server->baseUrl());
        stale.setToken(u"0123456789abcdef"_s);
        QSignalSpy expired(&stale, &ApiClient::sessionExpired);
        Awaited<QJsonArray> refused;
        stale.dispositions(refused.callback());
        AWAIT(refused);
        QVERIFY(!refused.result->ok());
        QCOMPARE(refused.result->error().kind, Error::Kind::Unauthenticated);
        QCOMPARE(expired.count(), 1);

        // 503: the store takes no writes.
        const bool sqlite = backend == u"sqlite"_s;
        QVERIFY(demo.server->database()
                    ->execStatic(sqlite ? u"PRAGMA query_only = ON"_s : u"SET default_transaction_read_only = on"_s)
                    .ok());
        Awaited<LoginAnswer> readOnly;
        admin.login(u"admin"_s, demo.password(u"admin"_s), readOnly.callback());
        AWAIT(readOnly);
        QVERIFY(!readOnly.result->ok());
        QCOMPARE(readOnly.result->error().kind, Error::Kind::Unavailable);
        QCOMPARE(readOnly.result->error().code, u"http.503"_s);
        QVERIFY2(readOnly.result->error().text().contains(u"read-only"_s), qPrintable(why(*readOnly.result)));
        QVERIFY(demo.server->database()
                    ->execStatic(sqlite ? u"PRAGMA query_only = OFF"_s : u"SET default_transaction_read_only = off"_s)
                    .ok());

        // 429: wrong passwords from one address are throttled (after 4 here).
        std::optional<Error> throttled;
        for (int i = 0; i < 30 && !throttled; ++i) {
            Awaited<LoginAnswer> guess;
            client.login(u"supervisor"_s, u"guess"_s + QString::number(i), guess.callback());
            AWAIT(guess);
            if (!guess.result->ok() && guess.result->error().code == u"http.429"_s)
                throttled = guess.result->error();
        }
        QVERIFY(throttled.has_value());
        QCOMPARE(throttled->kind, Error::Kind::Unavailable);
        QVERIFY(throttled->detail.startsWith(u"Retry-After: "_s));
    }

    void adminResources_listGetCreateUpdate_data() { test::addBackendRows(); }
    void adminResources_listGetCreateUpdate()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        QNetworkAccessManager nam;
        ApiClient admin(&nam, demo.server->baseUrl());
        Awaited<LoginAnswer> login;
        admin.login(u"admin"_s, demo.password(u"admin"_s), login.callback());
        AWAIT(login);
        QVERIFY(login.result->ok());
        QVERIFY(!login.result->value().agentId.has_value());

        for (AdminResource resource :
             { AdminResource::ExternalSites, AdminResource::SiteAuthentications, AdminResource::ExternalSystems,
               AdminResource::Campaigns, AdminResource::ContactDatabases, AdminResource::Users }) {
            Awaited<QJsonArray> all;
            admin.list(resource, all.callback());
            AWAIT(all);
            QVERIFY2(all.result->ok(), qPrintable(ApiClient::resourcePath(resource) + u": "_s + why(*all.result)));
            QVERIFY2(!all.result->value().isEmpty(), qPrintable(ApiClient::resourcePath(resource)));
            const qint64 id = all.result->value().first().toObject().value(u"id"_s).toVariant().toLongLong();
            QVERIFY2(id > 0, qPrintable(ApiClient::resourcePath(resource)));
            Awaited<QJsonObject> one;
            admin.get(resource, id, one.callback());
            AWAIT(one);
            QVERIFY2(one.result->ok(), qPrintable(ApiClient::resourcePath(resource) + u": "_s + why(*one.result)));
            QCOMPARE(one.result->value().value(u"id"_s).toVariant().toLongLong(), id);
        }

        Awaited<QJsonObject> created;
        admin.create(AdminResource::ExternalSystems,
                     QJsonObject { { u"nombre"_s, u"Client CRM"_s }, { u"agentes"_s, QJsonArray() } },
                     created.callback());
        AWAIT(created);
        QVERIFY2(created.result->ok(), qPrintable(why(*created.result)));
        Awaited<QJsonArray> systems;
        admin.list(AdminResource::ExternalSystems, systems.callback());
        AWAIT(systems);
        QVERIFY(systems.result->ok());
        qint64 systemId = 0;
        for (const QJsonValue v : systems.result->value())
            if (v.toObject().value(u"nombre"_s).toString() == u"Client CRM"_s)
                systemId = v.toObject().value(u"id"_s).toVariant().toLongLong();
        QVERIFY(systemId > 0);
        Awaited<QJsonObject> renamed;
        admin.update(AdminResource::ExternalSystems, systemId,
                     QJsonObject { { u"nombre"_s, u"Client CRM 2"_s }, { u"agentes"_s, QJsonArray() } },
                     renamed.callback());
        AWAIT(renamed);
        QVERIFY2(renamed.result->ok(), qPrintable(why(*renamed.result)));
        Awaited<QJsonObject> reread;
        admin.get(AdminResource::ExternalSystems, systemId, reread.callback());
        AWAIT(reread);
        QVERIFY(reread.result->ok());
        QCOMPARE(reread.result->value().value(u"nombre"_s).toString(), u"Client CRM 2"_s);

        Awaited<QString> key;
        admin.newIntegrationKey(systemId, key.callback());
        AWAIT(key);
        QVERIFY2(key.result->ok(), qPrintable(why(*key.result)));
        QVERIFY(key.result->value().size() >= 32);

        Awaited<QJsonArray> warnings;
        admin.configWarnings(warnings.callback());
        AWAIT(warnings);
        QVERIFY2(warnings.result->ok(), qPrintable(why(*warnings.result)));
    }

    void deliveryViews_previewSendTestCallsDeliveriesResend_data() { test::addBackendRows(); }
    void deliveryViews_previewSendTestCallsDeliveriesResend()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        QNetworkAccessManager nam;
        ApiClient admin(&nam, demo.server->baseUrl());
        admin.setLanguage(u"en"_s);
        Awaited<LoginAnswer> login;
        admin.login(u"admin"_s, demo.password(u"admin"_s), login.callback());
        AWAIT(login);
        QVERIFY(login.result->ok());
        Awaited<QJsonArray> campaigns;
        admin.list(AdminResource::Campaigns, campaigns.callback());
        AWAIT(campaigns);
        QVERIFY(campaigns.result->ok());
        qint64 campaignId = 0;
        for (const QJsonValue c : campaigns.result->value())
            if (!campaignId && c[u"sitio_externo"_s].isDouble())
                campaignId = c[u"id"_s].toInteger();
        QVERIFY(campaignId > 0);

        RequestPreviewOrder order;
        order.campaignId = campaignId;
        order.sample = QJsonObject { { u"phone"_s, u"+54 9 <&>"_s }, { u"datetime"_s, u"2026-03-01T10:20:30Z"_s } };
        Awaited<RequestPreview> preview;
        admin.previewRequest(order, preview.callback());
        AWAIT(preview);
        QVERIFY2(preview.result->ok(), qPrintable(why(*preview.result)));
        const RequestPreview &p = preview.result->value();
        QVERIFY(p.sample);
        QVERIFY(p.request.method == u"GET"_s || p.request.method == u"POST"_s);
        QVERIFY(p.request.url.startsWith(u"http"_s));
        QVERIFY(p.preview.startsWith(p.request.method + u' '));
        QCOMPARE(p.request.bodySize, p.request.body.size());
        QVERIFY(p.preview.toUtf8().endsWith(p.request.body));

        Awaited<TestSendAnswer> sent;
        admin.sendTestRequest(order, sent.callback());
        AWAIT(sent);
        QVERIFY2(sent.result->ok(), qPrintable(why(*sent.result)));
        const TestSendAnswer &t = sent.result->value();
        QVERIFY2(t.received.has_value(), qPrintable(t.errorCode + u": "_s + t.error));
        QCOMPARE(t.sent.url, p.request.url);
        QCOMPARE(t.sent.body, p.request.body.left(4096));
        QVERIFY(!t.idempotencyKey.isEmpty());

        // An unsaved site with errors: the fields, as the create route names them.
        RequestPreviewOrder bad = order;
        bad.site = QJsonObject { { u"nombre"_s, u"x"_s }, { u"url"_s, u"not a url"_s } };
        Awaited<RequestPreview> refused;
        admin.previewRequest(bad, refused.callback());
        AWAIT(refused);
        QVERIFY(!refused.result->ok());
        QCOMPARE(refused.result->error().kind, Error::Kind::Invalid);
        bool urlNamed = false;
        for (const auto &e : refused.result->error().fields.entries())
            urlNamed |= e.field == u"url"_s;
        QVERIFY(urlNamed);

        Awaited<QList<CampaignCall>> calls;
        admin.campaignCalls(campaignId, 5, calls.callback());
        AWAIT(calls);
        QVERIFY2(calls.result->ok(), qPrintable(why(*calls.result)));
        QVERIFY(calls.result->value().size() <= 5);

        DeliveryQuery query;
        query.length = 3;
        query.from = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        query.state = u"pending"_s;
        Awaited<DeliveryList> listed;
        admin.deliveries(query, listed.callback());
        AWAIT(listed);
        QVERIFY2(listed.result->ok(), qPrintable(why(*listed.result)));
        QCOMPARE(listed.result->value().length, 3);
        QVERIFY(listed.result->value().deliveries.size() <= 3);
        query.state = u"lost"_s;
        Awaited<DeliveryList> badQuery;
        admin.deliveries(query, badQuery.callback());
        AWAIT(badQuery);
        QVERIFY(!badQuery.result->ok());
        QCOMPARE(badQuery.result->error().kind, Error::Kind::Invalid);

        Awaited<QList<ResendResult>> resent;
        admin.resendDeliveries({ u"no-such-key"_s }, resent.callback());
        AWAIT(resent);
        QVERIFY2(resent.result->ok(), qPrintable(why(*resent.result)));
        QCOMPARE(resent.result->value().size(), 1);
        QVERIFY(!resent.result->value().first().accepted);
        QCOMPARE(resent.result->value().first().reason, u"Delivery not found."_s);

        // An agent may not.
        ApiClient agent(&nam, demo.server->baseUrl());
        Awaited<LoginAnswer> agentLogin;
        agent.login(u"agente1"_s, demo.password(u"agente1"_s), agentLogin.callback());
        AWAIT(agentLogin);
        QVERIFY(agentLogin.result->ok());
        Awaited<DeliveryList> forbidden;
        agent.deliveries({}, forbidden.callback());
        AWAIT(forbidden);
        QVERIFY(!forbidden.result->ok());
        QCOMPARE(forbidden.result->error().kind, Error::Kind::Forbidden);
    }

    void expiredToken_isUnauthenticated_andSignalled()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        test::FakeClock clock;
        DemoServer demo(scratch.url(), dir, &clock);
        QVERIFY(demo.server->start().ok());
        QNetworkAccessManager nam;
        ApiClient client(&nam, demo.server->baseUrl());
        Awaited<LoginAnswer> login;
        client.login(u"agente1"_s, demo.password(u"agente1"_s), login.callback());
        AWAIT(login);
        QVERIFY(login.result->ok());
        clock.advance(qint64(login.result->value().expiresInSeconds * 1000) + 1000);
        QSignalSpy expired(&client, &ApiClient::sessionExpired);
        Awaited<QJsonArray> after;
        client.dispositions(after.callback());
        AWAIT(after);
        QVERIFY(!after.result->ok());
        QCOMPARE(after.result->error().kind, Error::Kind::Unauthenticated);
        QCOMPARE(expired.count(), 1);
    }

    void silentServer_timesOut()
    {
        QTcpServer silent;   // accepts, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QNetworkAccessManager nam;
        ApiClient client(&nam, QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())));
        client.setTimeoutMs(300);
        Awaited<LoginAnswer> login;
        client.login(u"a"_s, u"b"_s, login.callback());
        AWAIT(login);
        QVERIFY(!login.result->ok());
        QCOMPARE(login.result->error().kind, Error::Kind::Unavailable);
        QCOMPARE(login.result->error().code, u"network.timeout"_s);
        QVERIFY(!login.result->error().text().isEmpty());
    }

    void closedPort_isUnreachable()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QNetworkAccessManager nam;
        ApiClient client(&nam, QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        Awaited<QJsonArray> answer;
        client.dispositions(answer.callback());
        AWAIT(answer);
        QVERIFY(!answer.result->ok());
        QCOMPARE(answer.result->error().code, u"network.unreachable"_s);
        QCOMPARE(answer.result->error().kind, Error::Kind::Unavailable);
    }

    void selfSignedCertificate_isRefused_unlessTrusted()
    {
        QTemporaryDir dir;
        const QString cert = makeCertificate(dir);
        if (cert.isEmpty())
            QSKIP("openssl command not available to make a test certificate");
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        ServerConfig c = test::localServerConfig(scratch.url(), dir);
        c.demo = true;
        c.tlsCertificate = cert;
        c.tlsKey = dir.filePath(u"key.pem"_s);
        ServerInstance server(c);
        QVERIFY(server.start().ok());
        QString password;
        for (const auto &[name, pass] : server.demoSummary()->logins)
            if (name == u"agente1"_s)
                password = pass;
        QUrl url(u"https://127.0.0.1"_s);
        url.setPort(server.port());

        QNetworkAccessManager nam;
        ApiClient refused(&nam, url);
        QSignalSpy tls(&refused, &ApiClient::tlsErrors);
        Awaited<LoginAnswer> first;
        refused.login(u"agente1"_s, password, first.callback());
        AWAIT(first);
        QVERIFY(!first.result->ok());
        QCOMPARE(first.result->error().code, u"network.tls"_s);
        QVERIFY(!first.result->error().detail.isEmpty());
        QCOMPARE(tls.count(), 1);
        QVERIFY(!refused.hasToken());

        ApiClient trusting(&nam, url);   // the same network: what it tried before is not reused
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        trusting.setSslConfiguration(ssl);
        Awaited<LoginAnswer> second;
        trusting.login(u"agente1"_s, password, second.callback());
        AWAIT(second);
        QVERIFY2(second.result->ok(), qPrintable(why(*second.result)));
    }

    void destroyedClient_neverCallsBack()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QNetworkAccessManager nam;
        bool called = false;
        {
            ApiClient client(&nam, QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())));
            client.dispositions([&called](Result<QJsonArray>) { called = true; });
            QTRY_VERIFY(silent.hasPendingConnections() || silent.waitForNewConnection(50));
        }
        // What was pending had a turn of the event loop to call back.
        bool turned = false;
        QTimer::singleShot(0, this, [&turned] { turned = true; });
        QTRY_VERIFY(turned);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
