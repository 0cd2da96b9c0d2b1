#include <core/calls/eventlog.h>
#include <core/client/apiclient.h>
#include <core/server/democrm.h>
#include <core/server/demoseeder.h>
#include <core/server/serverinstance.h>
#include <core/store/database.h>
#include <core/telephony/simulatedpbx.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/rawhttpclient.h>
#include <tests/support/server/serverconfigs.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;
using enlace::test::RawHttpClient;
using enlace::test::RawHttpResponse;

namespace {

// One request to the server's HTTP as bytes (the demo CRM's routes, statuses and headers).
RawHttpResponse http(const ServerInstance &server, const QByteArray &method, const QByteArray &target,
                     const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    return RawHttpClient::exchange(server.port(), RawHttpClient::request(method, target, body, headers));
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// One answer of the real ApiClient, waited for.
template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> answer;
    call([&](Result<T> r) { answer.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
        return Error { Error::Kind::Unavailable, u"test.timeout"_s, Message::fromText(u"no answer"_s), {}, {} };
    return std::move(*answer);
}

ServerConfig demoConfig(const QString &url, const QTemporaryDir &dir)
{
    ServerConfig c = test::localServerConfig(url, dir);
    c.demo = true;
    c.simulatedTimeScale = 0.05;   // rings for 150 ms, talks for 2.25 s
    return c;
}

qint64 count(const Database &db, const QString &sql, const QVariantList &values = {})
{
    auto v = db.scalar(sql, values);
    return v.ok() ? v->toLongLong() : -1;
}

QHash<QString, QString> fields(const QJsonObject &received)
{
    QHash<QString, QString> out;
    for (const QJsonValue f : received.value(u"fields"_s).toArray())
        out.insert(f.toObject().value(u"name"_s).toString(), f.toObject().value(u"value"_s).toString());
    return out;
}

}   // namespace

class TestDemoCrm final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demo_seedsACompleteDataSetOnce_data() { test::addBackendRows(); }
    void demo_seedsACompleteDataSetOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        const Database &db = *scratch.db();
        {
            ServerInstance server(demoConfig(scratch.url(), dir));
            auto started = server.start();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
            QVERIFY(server.demoSummary()->seededNow);
            QCOMPARE(server.demoSummary()->contacts, 1000);
            QVERIFY(!server.demoSummary()->integrationKey.isEmpty());
            QVERIFY(server.demoSummary()->describe(server.baseUrl().toString()).join(u'\n').contains(u"/demo/crm"_s));
        }
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM users WHERE role = 1"_s), 1);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM users WHERE role = 3"_s), 1);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM agents"_s), 4);
        QCOMPARE(
            count(
                db,
                u"SELECT COUNT(*) FROM agent_external_ids e JOIN external_systems s ON s.id = e.system_id WHERE s.name = 'Demo CRM'"_s),
            4);
        QCOMPARE(count(db, u"SELECT COUNT(DISTINCT external_id) FROM contacts WHERE external_id IS NOT NULL"_s), 1000);
        QCOMPARE(
            count(
                db,
                u"SELECT COUNT(*) FROM campaigns WHERE external_id IS NOT NULL AND external_system_id IS NOT NULL AND site_id IS NOT NULL"_s),
            4);
        QCOMPARE(count(db, u"SELECT COUNT(DISTINCT type) FROM campaigns"_s), 4);
        // A site per trigger (1-4) and, for POST, per format.
        QCOMPARE(count(db, u"SELECT COUNT(DISTINCT trigger_type) FROM external_sites"_s), 4);
        QCOMPARE(count(db, u"SELECT COUNT(DISTINCT format) FROM external_sites WHERE method = 2"_s), 4);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM external_sites WHERE authentication_id IS NOT NULL"_s), 1);
        QCOMPARE(count(db, u"SELECT COUNT(DISTINCT type) FROM crm_parameters"_s), 6);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM disposition_options WHERE hidden = 1"_s), 4);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM disposition_options WHERE crm_interaction = 1"_s), 4);
        const qint64 contacts = count(db, u"SELECT COUNT(*) FROM contacts"_s);

        // Idempotent: a second start writes nothing.
        ServerInstance again(demoConfig(scratch.url(), dir));
        QVERIFY(again.start().ok());
        QVERIFY(!again.demoSummary()->seededNow);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM contacts"_s), contacts);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM users"_s), 6);
        QCOMPARE(again.demoSummary()->inbound.size(), 1);
        QCOMPARE(again.demoSummary()->inbound.first().agents.size(), 4);
    }

    void hook_recordsAnyFormatAndThePageEscapesIt_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("format");
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded")
                              << QByteArray("name=%3Cb%3EZo%C3%AB%3C%2Fb%3E&n=1+2") << u"form"_s;
        QTest::newRow("json") << QByteArray("application/json") << QByteArray("{\"name\":\"<b>Zoë</b>\",\"n\":\"1 2\"}")
                              << u"json"_s;
        QTest::newRow("text") << QByteArray("text/plain; charset=utf-8") << QByteArray("name=<b>Zoë</b>\r\nn=1 2\r\n")
                              << u"text"_s;
        QTest::newRow("multipart")
            << QByteArray("multipart/form-data; boundary=XyZ")
            << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n<b>Zoë</b>\r\n"
                          "--XyZ\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n1 2\r\n--XyZ--\r\n")
            << u"multipart"_s;
    }
    void hook_recordsAnyFormatAndThePageEscapesIt()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, format);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        ServerInstance server(demoConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        RawHttpResponse hook
            = http(server, "POST", "/demo/crm/hook/test/call-1?source=%3Cscript%3Ex%3C%2Fscript%3E", body,
                   { { "Content-Type", contentType },
                     { "Authorization", "Bearer secret-token-123" },
                     { "X-Enlace-Integration-Key", "integration-secret" } });
        QCOMPARE(hook.status, 200);
        QCOMPARE(hook.json().value(u"status"_s).toString(), u"OK"_s);

        RawHttpResponse requests = http(server, "GET", "/demo/crm/requests");
        const QJsonObject received = requests.json().value(u"received"_s).toArray().first().toObject();
        QCOMPARE(received.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(received.value(u"path"_s).toString(), u"/demo/crm/hook/test/call-1"_s);
        QCOMPARE(received.value(u"format"_s).toString(), format);
        QCOMPARE(fields(received).value(u"name"_s), u"<b>Zoë</b>"_s);
        QCOMPARE(fields(received).value(u"n"_s), u"1 2"_s);

        RawHttpResponse page = http(server, "GET", "/demo/crm");
        QCOMPARE(page.status, 200);
        QVERIFY(page.headers.value("content-type").startsWith("text/html"));
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(u"http-equiv=\"refresh\""_s));
        QVERIFY(html.contains(u"/demo/crm/hook/test/call-1"_s));
        QVERIFY(html.contains(u"&lt;b&gt;Zoë&lt;/b&gt;"_s));
        QVERIFY(html.contains(u"&lt;script&gt;"_s));
        QVERIFY(!html.contains(u"<b>Zoë</b>"_s));
        QVERIFY(!html.contains(u"<script>"_s));
        QVERIFY(!html.contains(u"secret-token-123"_s));
        QVERIFY(!html.contains(u"integration-secret"_s));
        QVERIFY(html.contains(u"Bearer ••••••"_s));

        // A browser gets a page for its own request.
        RawHttpResponse browser
            = http(server, "GET", "/demo/crm/hook/agent-get/call-2?cliente=Ana", {}, { { "Accept", "text/html" } });
        QVERIFY(browser.headers.value("content-type").startsWith("text/html"));
        QVERIFY(browser.body.contains("cliente"));
    }

    void composition_servesEveryApiRoute()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        ServerInstance server(demoConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        const ApiRouter &router = server.router();
        QVERIFY(router.hasRoute("POST", u"/api/v1/login"_s));
        QVERIFY(router.hasRoute("POST", u"/api/v1/makeCall/"_s));
        QVERIFY(router.hasRoute("GET", u"/api/v1/campaign/1/dispositionOptions/"_s));
        QVERIFY(router.hasRoute("POST", u"/api/v1/disposition/"_s));
        QVERIFY(router.hasRoute("GET", u"/api/v1/openapi.json"_s));
        QVERIFY(router.hasRoute("GET", u"/api/v1/health"_s));
        QVERIFY(router.hasRoute("GET", u"/demo/crm"_s));
        QCOMPARE(http(server, "GET", "/api/v1/openapi.json").status, 200);
        QCOMPARE(http(server, "GET", "/api/v1/nothing").status, 404);
    }

    void ringBuffer_keepsTheNewestRequests()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        SystemClock clock;
        DemoCrm crm(scratch.db(), clock, u"pw"_s);
        crm.setCapacity(3);
        for (int i = 0; i < 5; ++i) {
            ApiRequest r;
            r.method = "GET";
            r.path = u"/demo/crm/hook/%1"_s.arg(i);
            crm.record(r);
        }
        QCOMPARE(int(crm.received().size()), 3);
        QCOMPARE(crm.received().front().path, u"/demo/crm/hook/4"_s);
        QCOMPARE(crm.received().back().path, u"/demo/crm/hook/2"_s);
    }

    void tokenEndpoint_servesTheDemoAuthentication()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        ServerInstance server(demoConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        const QList<QPair<QByteArray, QByteArray>> jsonType { { "Content-Type", "application/json" } };
        RawHttpResponse ok
            = http(server, "POST", "/demo/crm/token",
                   json({ { u"username"_s, u"demo"_s }, { u"password"_s, QString::fromLatin1(DemoSeeder::Password) } }),
                   jsonType);
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json().value(u"token"_s).toString().startsWith(u"demo-"_s));
        QCOMPARE(ok.json().value(u"expires_in"_s).toInt(), 3600);
        QCOMPARE(http(server, "POST", "/demo/crm/token",
                      json({ { u"username"_s, u"demo"_s }, { u"password"_s, u"no"_s } }), jsonType)
                     .status,
                 401);
    }

    // The whole path of a call through the running server: REST login and makeCall, the agent's
    // WebSocket, the simulated PBX, the server-side delivery to the demo CRM (with its token) and
    // the outcome back on the WebSocket.
    void endToEnd_serverTriggerCall_isDeliveredAndReportedOnTheChannel_data() { test::addBackendRows(); }
    void endToEnd_serverTriggerCall_isDeliveredAndReportedOnTheChannel()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ServerInstance server(demoConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        auto *pbx = qobject_cast<SimulatedPbx *>(server.pbx());
        QVERIFY(pbx);
        for (const auto &in : server.demoSummary()->inbound)
            pbx->removeInboundCampaign(in.campaignId);

        QNetworkAccessManager nam;
        ApiClient api(&nam, server.baseUrl());
        const auto login = await<LoginAnswer>(
            [&](auto done) { api.login(u"agente2"_s, QString::fromLatin1(DemoSeeder::Password), done); });
        QVERIFY2(login.ok(), qPrintable(login.ok() ? QString() : login.error().text()));
        const QString token = login->token;
        QVERIFY(login->agentId.has_value());
        const qint64 agentId = *login->agentId;

        QWebSocket ws;
        QList<QJsonObject> messages;
        connect(&ws, &QWebSocket::textMessageReceived, this,
                [&](const QString &t) { messages.append(QJsonDocument::fromJson(t.toUtf8()).object()); });
        QUrl wsUrl = server.baseUrl();
        wsUrl.setScheme(u"ws"_s);
        wsUrl.setPath(u"/api/v1/events"_s);
        QNetworkRequest wsRequest(wsUrl);   // the token never goes in the URL
        wsRequest.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        ws.open(wsRequest);
        QTRY_VERIFY(!messages.isEmpty() && messages.first().value(u"type"_s).toString() == u"ready"_s);

        // The CRM addresses everything with its own external ids.
        const qint64 systemId = server.demoSummary()->systemId;
        CallOrder order;
        order.externalSystemId = QString::number(systemId);
        order.campaign = u"CAMP-SRV"_s;
        order.agent = u"crm-agent-2"_s;
        order.contact = u"CLI-0042"_s;
        order.phone = u"+541155500042"_s;
        const auto call = await<void>([&](auto done) { api.makeCall(order, done); });   // 200, status OK
        QVERIFY2(call.ok(), qPrintable(call.ok() ? QString() : call.error().text()));

        const auto ofType = [&](const QString &type) {
            for (const QJsonObject &m : messages)
                if (m.value(u"type"_s).toString() == type)
                    return m;
            return QJsonObject();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!ofType(u"external_site_interaction"_s).isEmpty(), 15000);
        const QJsonObject offered = ofType(u"call.offered"_s).value(u"data"_s).toObject();
        const QJsonObject connected = ofType(u"call.connected"_s).value(u"data"_s).toObject();
        const QJsonObject outcome = ofType(u"external_site_interaction"_s).value(u"data"_s).toObject();
        const QString callId = offered.value(u"call_id"_s).toString();
        QVERIFY(!callId.isEmpty());
        QCOMPARE(connected.value(u"call_id"_s).toString(), callId);
        QCOMPARE(connected.value(u"agent_id"_s).toInteger(), agentId);
        QCOMPARE(connected.value(u"contact"_s).toObject().value(u"id_cliente"_s).toString(), u"CLI-0042"_s);
        const QJsonObject interaction = connected.value(u"interaction"_s).toObject();
        QCOMPARE(interaction.value(u"trigger"_s).toInt(), 3);
        QVERIFY(interaction.value(u"url"_s).toString().endsWith(u"/demo/crm/hook/server-post-json/"_s + callId));
        QCOMPARE(outcome.value(u"delivered"_s).toBool(), true);
        QVERIFY(outcome.value(u"error_msg"_s).isNull());
        QCOMPARE(outcome.value(u"key"_s).toString(), interaction.value(u"delivery_key"_s).toString());
        // Event ids increase along the channel.
        qint64 last = 0;
        for (const QJsonObject &m : messages) {
            if (!m.contains(u"id"_s))
                continue;
            QVERIFY(m.value(u"id"_s).toInteger() > last);
            last = m.value(u"id"_s).toInteger();
        }

        // The demo CRM got the JSON body with the token, and lists the delivery.
        const DemoCrm::Received *received = nullptr;
        for (const auto &r : server.demoCrm()->received())
            if (r.path.endsWith(callId))
                received = &r;
        QVERIFY(received);
        QCOMPARE(received->format, u"json"_s);
        bool hasBearer = false;
        for (const auto &[k, v] : received->headers)
            hasBearer = hasBearer || (k == u"authorization"_s && v.startsWith(u"Bearer"_s));
        QVERIFY(hasBearer);
        QHash<QString, QString> values;
        for (const auto &[k, v] : received->fields)
            values.insert(k, v);
        QCOMPARE(values.value(u"call_id"_s), callId);
        QCOMPARE(values.value(u"customer_id"_s), u"CLI-0042"_s);
        QCOMPARE(values.value(u"agent_id"_s), QString::number(agentId));
        QCOMPARE(values.value(u"campaign_type"_s), u"Preview"_s);
        const QString page = QString::fromUtf8(http(server, "GET", "/demo/crm").body);
        QVERIFY(page.contains(callId));
        QVERIFY(page.contains(u"delivered"_s));

        // The call ends; the console is told.
        QTRY_VERIFY_WITH_TIMEOUT(!ofType(u"call.ended"_s).isEmpty(), 15000);
        QCOMPARE(ofType(u"call.ended"_s).value(u"data"_s).toObject().value(u"call_id"_s).toString(), callId);
    }

    void endToEnd_inboundCall_carriesTheAutomaticInteraction()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        ServerInstance server(demoConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        auto *pbx = qobject_cast<SimulatedPbx *>(server.pbx());
        const qint64 inbound = server.demoSummary()->inbound.first().campaignId;
        pbx->removeInboundCampaign(inbound);
        const auto &in = server.demoSummary()->inbound.first();
        pbx->addInboundCampaign(inbound, in.agents, in.contacts, 0.0001);
        QVERIFY(pbx->injectInboundCall(inbound));
        QTRY_VERIFY_WITH_TIMEOUT(
            count(*scratch.db(), u"SELECT COUNT(*) FROM agent_events WHERE type = 'call.connected'"_s) == 1, 10000);
        auto q = scratch.db()->exec(u"SELECT agent_id FROM agent_events WHERE type = 'call.connected'"_s);
        QVERIFY(q.ok() && q->next());
        const AgentEvent e = server.events()->since(q->value(0).toLongLong(), 0).value().at(1);
        QCOMPARE(e.type, u"call.connected"_s);
        const QJsonObject interaction = e.data.value(u"interaction"_s).toObject();
        QCOMPARE(interaction.value(u"trigger"_s).toInt(), 2);
        QCOMPARE(interaction.value(u"target"_s).toInt(), 1);
        QCOMPARE(interaction.value(u"method"_s).toString(), u"GET"_s);
        const QString callId = e.data.value(u"call_id"_s).toString();
        QVERIFY(interaction.value(u"url"_s).toString().endsWith(u"/demo/crm/hook/automatic-get/"_s + callId));
        const QUrl request(interaction.value(u"request"_s).toObject().value(u"url"_s).toString());
        QCOMPARE(QUrlQuery(request).queryItemValue(u"origin"_s), u"simulated-inbound"_s);
        QCOMPARE(QUrlQuery(request).queryItemValue(u"call_id"_s), callId);
    }
};

QTEST_GUILESS_MAIN(TestDemoCrm)
#include "tst_democrm.moc"
