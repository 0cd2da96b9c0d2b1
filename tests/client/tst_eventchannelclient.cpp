#include <core/api/tokenstore.h>
#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/client/apiclient.h>
#include <core/client/eventchannelclient.h>
#include <core/model/clock.h>
#include <core/server/serverinstance.h>
#include <core/sites/deliveryoutcome.h>
#include <core/telephony/pbx.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/seed.h>
#include <tests/support/server/serverconfigs.h>
#include <tests/support/testdata.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;
using Reason = EventChannelClient::OfflineReason;

namespace {

const QStringList kColumns { u"telefono"_s, u"nombre"_s };

EventChannelClient::Options fastOptions()
{
    EventChannelClient::Options o;
    o.timeoutMs = 3000;
    o.pingIntervalMs = 1000;
    o.reconnectMinMs = 20;
    o.reconnectMaxMs = 200;
    return o;
}

struct Agent
{
    qint64 userId = 0;
    qint64 agentId = 0;
    QString extension;
    QString token;
};

Agent makeAgent(const std::shared_ptr<Database> &db, const QString &username, const QString &extension)
{
    SystemClock clock;
    TokenStore tokens(db, clock);
    const test::SeededAgent seeded = test::seedAgent(*db, username, extension);
    auto issued = tokens.issue(seeded.userId, 3'600'000);
    return { seeded.userId, seeded.agentId, extension, issued.ok() ? issued->token : QString() };
}

QList<qint64> idsOf(const QSignalSpy &spy)
{
    QList<qint64> ids;
    for (const QList<QVariant> &args : spy)
        ids.append(args.at(0).value<wire::AgentEvent>().id);
    return ids;
}

// A peer that speaks the channel's protocol as a test scripts it: it records what each connection
// asked for and lets the test answer.
struct ScriptedChannel
{
    ScriptedChannel()
    {
        QObject::connect(&server, &QWebSocketServer::newConnection, &server, [this] {
            while (QWebSocket *socket = server.nextPendingConnection()) {
                socket->setParent(&server);
                sockets.append(socket);
                urls.append(socket->requestUrl());
                authorizations.append(socket->request().rawHeader("Authorization"));
                QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [this, socket](const QString &text) {
                    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                    received.append(message);
                    if (onMessage)
                        onMessage(socket, message);
                });
            }
        });
        listening = server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl baseUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort())); }
    static void send(QWebSocket *socket, const QJsonObject &message)
    {
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    static void sendEvent(QWebSocket *socket, qint64 id)
    {
        send(socket,
             wire::AgentEvent { id, QString::fromLatin1(wire::AgentEvent::ContactSaved),
                                wire::ContactSaved { u"c-%1"_s.arg(id), id }.toJson() }
                 .toJson());
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : received)
            if (m.value(u"type"_s).toString() == type)
                out.append(m);
        return out;
    }

    QWebSocketServer server { u"scripted"_s, QWebSocketServer::NonSecureMode };
    QList<QWebSocket *> sockets;
    QList<QUrl> urls;
    QList<QByteArray> authorizations;
    QList<QJsonObject> received;
    std::function<void(QWebSocket *, const QJsonObject &)> onMessage;
    bool listening = false;
};

}   // namespace

class TestEventChannelClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void channelUrl_comesFromTheServersBaseUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("channel");
        QTest::newRow("http") << u"http://10.0.0.5:8080"_s << u"ws://10.0.0.5:8080/api/v1/events"_s;
        QTest::newRow("https, default port") << u"https://enlace.example"_s << u"wss://enlace.example/api/v1/events"_s;
        QTest::newRow("behind a path prefix")
            << u"https://example.org/enlace/"_s << u"wss://example.org/enlace/api/v1/events"_s;
        QTest::newRow("ws kept") << u"ws://127.0.0.1:9000"_s << u"ws://127.0.0.1:9000/api/v1/events"_s;
        QTest::newRow("query and credentials dropped")
            << u"http://u:p@host:1/?token=x"_s << u"ws://host:1/api/v1/events"_s;
    }
    void channelUrl_comesFromTheServersBaseUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, channel);
        EventChannelClient client { QUrl(base) };
        QCOMPARE(client.channelUrl().toString(), channel);
    }

    // The whole path: CallFlow writes each event on a real server, the client decodes it into its
    // wire type.
    void events_arriveDecodedIntoTheirTypes_data() { test::addBackendRows(); }
    void events_arriveDecodedIntoTheirTypes()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ServerInstance server(test::localServerConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        const auto &db = server.database();
        const Agent ana = makeAgent(db, u"ana"_s, u"1001"_s);
        const qint64 site = test::seedSite(*db, u"CRM"_s, u"https://crm.example/llamada"_s, SiteTrigger::Agent,
                                           SiteMethod::Post, SiteFormat::Json, SiteTarget::Embedded);
        const qint64 contactDb = test::seedContactDatabase(*db, u"Clientes"_s, kColumns);
        const qint64 contact
            = test::seedContact(*db, contactDb, kColumns, { { u"telefono"_s, u"+5411"_s }, { u"nombre"_s, u"Zoë"_s } });
        const qint64 campaign
            = test::seedCampaign(*db, u"Ventas"_s, CampaignType::Manual, site, contactDb, { ana.agentId });
        test::seedCrmParameter(*db, campaign, 1, u"call"_s, u"call_id"_s, CrmParameterType::Call);
        // A second campaign whose site the console opens after a disposition.
        const qint64 dispositionSite
            = test::seedSite(*db, u"CRM2"_s, u"https://crm.example/calificacion"_s, SiteTrigger::Disposition,
                             SiteMethod::Get, std::nullopt, SiteTarget::NewWindow);
        const qint64 other
            = test::seedCampaign(*db, u"Encuesta"_s, CampaignType::Manual, dispositionSite, contactDb, { ana.agentId });
        const qint64 option = test::seedDispositionOption(*db, other, u"Venta"_s, true);
        const qint64 disposition = test::seedDisposition(*db, other, contact, option, ana.agentId, u"call-9"_s);

        EventChannelClient client(server.baseUrl());
        client.setOptions(fastOptions());
        QSignalSpy ready(&client, &EventChannelClient::ready);
        QSignalSpy all(&client, &EventChannelClient::eventReceived);
        QSignalSpy offered(&client, &EventChannelClient::callOffered);
        QSignalSpy connected(&client, &EventChannelClient::callConnected);
        QSignalSpy ended(&client, &EventChannelClient::callEnded);
        QSignalSpy saved(&client, &EventChannelClient::contactSaved);
        QSignalSpy outcome(&client, &EventChannelClient::externalSiteInteraction);
        QSignalSpy dispositionSpy(&client, &EventChannelClient::dispositionInteraction);
        QSignalSpy malformed(&client, &EventChannelClient::malformedEvent);
        client.open(ana.token);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().first().toLongLong(), ana.agentId);
        QCOMPARE(client.state(), EventChannelClient::State::Ready);

        PbxCallEvent call;
        call.callId = u"call-1"_s;
        call.agentExtension = ana.extension;
        call.campaignId = campaign;
        call.contactId = contact;
        call.phone = u"+5411"_s;
        call.dialplanData = { { u"OMLCRMX"_s, u"x"_s } };
        server.calls()->handleCallOffered(call);
        server.calls()->handleCallConnected(call);
        server.calls()->handleCallEnded(call);
        QVERIFY(server.calls()->contactSaved(call.callId, contact).ok());
        DeliveryOutcome delivery;
        delivery.key = u"k-1"_s;
        delivery.agentId = ana.agentId;
        delivery.siteId = site;
        delivery.callId = call.callId;
        delivery.httpStatus = 503;
        delivery.attempts = 3;
        server.calls()->handleDeliveryFinished(delivery);
        auto fired = server.calls()->fireDispositionInteraction(disposition);
        QVERIFY2(fired.ok(), qPrintable(fired.ok() ? QString() : fired.error().text()));

        QTRY_COMPARE_WITH_TIMEOUT(all.size(), 6, 10000);
        QCOMPARE(malformed.size(), 0);
        const QList<qint64> ids = idsOf(all);
        for (qsizetype i = 1; i < ids.size(); ++i)
            QVERIFY(ids.at(i) > ids.at(i - 1));
        QCOMPARE(client.lastEventId(), std::optional<qint64>(ids.last()));

        QCOMPARE(offered.size(), 1);
        const auto offeredCall = offered.first().first().value<wire::CallEvent>();
        QCOMPARE(offeredCall.callId, u"call-1"_s);
        QCOMPARE(offeredCall.agentId, std::optional<qint64>(ana.agentId));
        QCOMPARE(offeredCall.campaignName, u"Ventas"_s);
        QCOMPARE(offeredCall.campaignType, std::optional<CampaignType>(CampaignType::Manual));
        QCOMPARE(offeredCall.contact.value(u"nombre"_s), u"Zoë"_s);
        QCOMPARE(offeredCall.dialplan.value(u"OMLCRMX"_s), u"x"_s);

        QCOMPARE(connected.size(), 1);
        const auto connectedCall = connected.first().first().value<wire::CallConnected>();
        QVERIFY(connectedCall.interaction);
        QCOMPARE(connectedCall.interaction->interaction.siteId, site);
        QVERIFY(connectedCall.interaction->request);
        QCOMPARE(connectedCall.interaction->request->method, u"POST"_s);
        QCOMPARE(connectedCall.interaction->request->contentType, u"application/json"_s);
        QVERIFY(connectedCall.interaction->request->body.contains(u"call-1"_s));

        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<wire::CallEnded>().state, CallState::Ended);
        QCOMPARE(ended.first().first().value<wire::CallEnded>().call.callId, u"call-1"_s);

        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().value<wire::ContactSaved>(), (wire::ContactSaved { u"call-1"_s, contact }));

        QCOMPARE(outcome.size(), 1);
        const auto site503 = outcome.first().first().value<wire::ExternalSiteInteraction>();
        QVERIFY(!site503.delivered);
        QCOMPARE(site503.status, std::optional<int>(503));
        QCOMPARE(site503.errorMessage, std::optional<QString>(u"HTTP 503"_s));
        QCOMPARE(site503.key, u"k-1"_s);

        QCOMPARE(dispositionSpy.size(), 1);
        const auto d = dispositionSpy.first().first().value<wire::DispositionInteraction>();
        QCOMPARE(d.dispositionId, disposition);
        QCOMPARE(d.callId, u"call-9"_s);
        QCOMPARE(d.interaction.interaction.trigger, SiteTrigger::Disposition);
        QVERIFY(d.interaction.request);
        QCOMPARE(d.interaction.request->method, u"GET"_s);
    }

    // The server goes away mid-stream and another instance takes its place on the same store and
    // port; what was appended meanwhile arrives, nothing twice, in order.
    void serverRestart_deliversEveryEventExactlyOnceInOrder_data() { test::addBackendRows(); }
    void serverRestart_deliversEveryEventExactlyOnceInOrder()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        auto first = std::make_unique<ServerInstance>(test::localServerConfig(scratch.url(), dir));
        QVERIFY(first->start().ok());
        const quint16 port = first->port();
        const QUrl base = first->baseUrl();
        const Agent ana = makeAgent(scratch.db(), u"ana"_s, u"1001"_s);
        const Agent bob = makeAgent(scratch.db(), u"bob"_s, u"1002"_s);

        EventChannelClient client(base);
        client.setOptions(fastOptions());
        QSignalSpy ready(&client, &EventChannelClient::ready);
        QSignalSpy offline(&client, &EventChannelClient::offline);
        QSignalSpy all(&client, &EventChannelClient::eventReceived);
        QSignalSpy saved(&client, &EventChannelClient::contactSaved);
        client.open(ana.token);
        QVERIFY(ready.wait(5000));

        QList<qint64> expected;
        const auto append = [&](EventLog &log, qint64 agentId, int n) {
            for (int i = 0; i < n; ++i) {
                auto id = log.append(agentId, QString::fromLatin1(EventLog::ContactSaved),
                                     wire::ContactSaved { u"c-%1"_s.arg(expected.size()), expected.size() }.toJson());
                QVERIFY(id.ok());
                if (agentId == ana.agentId)
                    expected.append(id.value());
            }
        };
        append(*first->events(), ana.agentId, 3);
        append(*first->events(), bob.agentId, 1);
        QTRY_COMPARE_WITH_TIMEOUT(idsOf(all), expected, 10000);

        first->stop();
        first.reset();
        QVERIFY(offline.wait(5000));
        QCOMPARE(offline.first().first().value<Reason>(), Reason::ServerClosed);
        // While no server runs: written by another process on the same store.
        {
            SystemClock clock;
            EventLog writer(scratch.db(), clock);
            append(writer, ana.agentId, 4);
            append(writer, bob.agentId, 2);
        }
        ServerConfig again = test::localServerConfig(scratch.url(), dir);
        again.listenPort = port;
        ServerInstance second(again);
        QVERIFY(second.start().ok());
        QCOMPARE(second.port(), port);
        QVERIFY(ready.size() == 2 || ready.wait(10000));
        append(*second.events(), ana.agentId, 2);
        QTRY_COMPARE_WITH_TIMEOUT(idsOf(all), expected, 10000);
        QCOMPARE(saved.size(), expected.size());
        QCOMPARE(client.lastEventId(), std::optional<qint64>(expected.last()));
        QCOMPARE(client.state(), EventChannelClient::State::Ready);
    }

    // A logout ends the session: the client says so once and does not knock again.
    void revokedToken_emitsSessionExpired_andStopsReconnecting_data()
    {
        test::addBackendColumn();
        QTest::addColumn<bool>("logout");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::newRow(qPrintable(b + u" logout while connected"_s)) << b << true;
            QTest::newRow(qPrintable(b + u" unknown token"_s)) << b << false;
        }
    }
    void revokedToken_emitsSessionExpired_andStopsReconnecting()
    {
        QFETCH(QString, backend);
        QFETCH(bool, logout);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ServerInstance server(test::localServerConfig(scratch.url(), dir));
        QVERIFY(server.start().ok());
        const Agent ana = makeAgent(server.database(), u"ana"_s, u"1001"_s);

        EventChannelClient client(server.baseUrl());
        client.setOptions(fastOptions());
        QSignalSpy ready(&client, &EventChannelClient::ready);
        QSignalSpy connecting(&client, &EventChannelClient::connecting);
        QSignalSpy offline(&client, &EventChannelClient::offline);
        QSignalSpy expired(&client, &EventChannelClient::sessionExpired);
        client.open(logout ? ana.token : u"not-a-token"_s);
        if (logout) {
            QVERIFY(ready.wait(5000));
            QNetworkAccessManager nam;
            ApiClient api(&nam, server.baseUrl());
            api.setToken(ana.token);
            std::optional<Result<void>> loggedOut;
            api.logout([&](Result<void> r) { loggedOut.emplace(std::move(r)); });
            QTRY_VERIFY_WITH_TIMEOUT(loggedOut.has_value(), 20000);
            QVERIFY(loggedOut->ok());   // 200
        }
        QVERIFY(expired.size() == 1 || expired.wait(5000));
        QCOMPARE(offline.size(), 1);
        QCOMPARE(offline.first().first().value<Reason>(), Reason::SessionExpired);
        QVERIFY(!offline.first().at(1).toString().isEmpty());   // the server's message
        QCOMPARE(client.state(), EventChannelClient::State::Closed);
        const int attempts = int(connecting.size());
        QVERIFY(!connecting.wait(500));   // 25 times the longest backoff of these options
        QCOMPARE(connecting.size(), attempts);
        QCOMPARE(expired.size(), 1);
    }

    // A peer that takes the TCP connection and never answers the handshake.
    void silentServer_goesOfflineByTimeout_thenKeepsTrying()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                accepted.append(s);   // owned by the server; read nothing, write nothing
        });
        EventChannelClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())));
        EventChannelClient::Options options = fastOptions();
        options.timeoutMs = 300;
        client.setOptions(options);
        QSignalSpy offline(&client, &EventChannelClient::offline);
        QSignalSpy ready(&client, &EventChannelClient::ready);
        client.open(u"t"_s);
        QVERIFY(offline.wait(5000));
        QCOMPARE(offline.first().first().value<Reason>(), Reason::Timeout);
        QCOMPARE(client.state(), EventChannelClient::State::Offline);
        QTRY_VERIFY_WITH_TIMEOUT(accepted.size() >= 3, 10000);   // it comes back, again and again
        QTRY_VERIFY(offline.size() >= 2);
        for (const QList<QVariant> &args : offline)
            QCOMPARE(args.first().value<Reason>(), Reason::Timeout);
        QVERIFY(client.reconnectAttempts() >= 3);
        QCOMPARE(ready.size(), 0);
    }

    void connectionRefused_isANetworkError_andRetried()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        EventChannelClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        client.setOptions(fastOptions());
        QSignalSpy offline(&client, &EventChannelClient::offline);
        client.open(u"t"_s);
        QTRY_VERIFY_WITH_TIMEOUT(offline.size() >= 2, 10000);
        QCOMPARE(offline.first().first().value<Reason>(), Reason::NetworkError);
        QVERIFY(client.state() == EventChannelClient::State::Offline
                || client.state() == EventChannelClient::State::Connecting);
    }

    // A channel that stops answering after it was ready (a frozen server, a dead proxy) is found
    // by the client's ping.
    void serverSilentAfterReady_isOfflineAtThePingTimeout()
    {
        ScriptedChannel peer;
        QVERIFY(peer.listening);
        peer.onMessage = [](QWebSocket *socket, const QJsonObject &m) {
            if (m.value(u"type"_s).toString() == u"auth"_s)
                ScriptedChannel::send(socket,
                                      { { u"type"_s, u"ready"_s }, { u"agent_id"_s, 1 }, { u"last_event_id"_s, 0 } });
            // pings go unanswered
        };
        EventChannelClient client(peer.baseUrl());
        EventChannelClient::Options options = fastOptions();
        options.pingIntervalMs = 50;
        options.timeoutMs = 200;
        client.setOptions(options);
        QSignalSpy ready(&client, &EventChannelClient::ready);
        QSignalSpy offline(&client, &EventChannelClient::offline);
        client.open(u"t"_s);
        QVERIFY(ready.wait(5000));
        QVERIFY(offline.wait(5000));
        QCOMPARE(offline.first().first().value<Reason>(), Reason::Timeout);
        QVERIFY(!peer.ofType(u"ping"_s).isEmpty());
        QTRY_VERIFY(ready.size() >= 2);   // and it connects again
    }

    // The token goes only in the first message, with the last id delivered; a server that sends
    // events again (a replay, an older id) does not make the client deliver them twice.
    void tokenOnlyInTheFirstMessage_andReplaysAreDeliveredOnce()
    {
        ScriptedChannel peer;
        QVERIFY(peer.listening);
        int connection = 0;
        peer.onMessage = [&](QWebSocket *socket, const QJsonObject &m) {
            if (m.value(u"type"_s).toString() != u"auth"_s)
                return;
            ++connection;
            ScriptedChannel::send(socket,
                                  { { u"type"_s, u"ready"_s },
                                    { u"agent_id"_s, 1 },
                                    { u"last_event_id"_s, m.value(u"last_event_id"_s).toInteger() } });
            if (connection == 1) {
                for (qint64 id : { 11, 12, 13 })
                    ScriptedChannel::sendEvent(socket, id);
                ScriptedChannel::sendEvent(socket, 12);   // sent twice
                socket->close(QWebSocketProtocol::CloseCodeGoingAway);
            } else {
                // The replacement replays from further back than asked.
                for (qint64 id : { 10, 11, 12, 13, 14 })
                    ScriptedChannel::sendEvent(socket, id);
            }
        };
        EventChannelClient client(peer.baseUrl());
        client.setOptions(fastOptions());
        QSignalSpy all(&client, &EventChannelClient::eventReceived);
        QSignalSpy saved(&client, &EventChannelClient::contactSaved);
        client.open(u"secret-token"_s, 10);
        QTRY_COMPARE_WITH_TIMEOUT(idsOf(all), (QList<qint64> { 11, 12, 13, 14 }), 10000);
        QCOMPARE(saved.size(), 4);
        QCOMPARE(connection, 2);

        const QList<QJsonObject> auths = peer.ofType(u"auth"_s);
        QCOMPARE(auths.size(), 2);
        QCOMPARE(auths.at(0).value(u"token"_s).toString(), u"secret-token"_s);
        QCOMPARE(auths.at(0).value(u"last_event_id"_s).toInteger(), 10);
        QCOMPARE(auths.at(1).value(u"last_event_id"_s).toInteger(), 13);   // the highest it had
        QCOMPARE(peer.received.first().value(u"type"_s).toString(), u"auth"_s);
        for (const QUrl &url : std::as_const(peer.urls)) {
            QCOMPARE(url.path(), u"/api/v1/events"_s);
            QVERIFY2(!url.hasQuery(), qPrintable(url.toString()));
            QVERIFY(!url.toString().contains(u"secret-token"_s));
        }
        for (const QByteArray &authorization : std::as_const(peer.authorizations))
            QVERIFY(authorization.isEmpty());
    }

    void closeCodes_decideBetweenReconnectingAndStopping_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("reason");
        QTest::addColumn<bool>("reconnects");
        QTest::newRow("4503 try again later") << 4503 << int(Reason::ServerClosed) << true;
        QTest::newRow("1013 try again later") << 1013 << int(Reason::ServerClosed) << true;
        QTest::newRow("1001 going away") << 1001 << int(Reason::ServerClosed) << true;
        QTest::newRow("1011 server error") << 1011 << int(Reason::ServerClosed) << true;
        QTest::newRow("4401 session expired") << 4401 << int(Reason::SessionExpired) << false;
        QTest::newRow("4403 not an agent") << 4403 << int(Reason::NotAnAgent) << false;
    }
    void closeCodes_decideBetweenReconnectingAndStopping()
    {
        QFETCH(int, code);
        QFETCH(int, reason);
        QFETCH(bool, reconnects);
        ScriptedChannel peer;
        QVERIFY(peer.listening);
        peer.onMessage = [&](QWebSocket *socket, const QJsonObject &m) {
            if (m.value(u"type"_s).toString() == u"auth"_s && peer.ofType(u"auth"_s).size() == 1)
                socket->close(QWebSocketProtocol::CloseCode(code), u"scripted"_s);
            else if (m.value(u"type"_s).toString() == u"auth"_s)
                ScriptedChannel::send(socket,
                                      { { u"type"_s, u"ready"_s }, { u"agent_id"_s, 1 }, { u"last_event_id"_s, 0 } });
        };
        EventChannelClient client(peer.baseUrl());
        client.setOptions(fastOptions());
        QSignalSpy offline(&client, &EventChannelClient::offline);
        QSignalSpy ready(&client, &EventChannelClient::ready);
        QSignalSpy expired(&client, &EventChannelClient::sessionExpired);
        QSignalSpy notAnAgent(&client, &EventChannelClient::notAnAgent);
        client.open(u"t"_s);
        QVERIFY(offline.wait(5000));
        QCOMPARE(int(offline.first().first().value<Reason>()), reason);
        QCOMPARE(expired.size(), code == 4401 ? 1 : 0);
        QCOMPARE(notAnAgent.size(), code == 4403 ? 1 : 0);
        if (reconnects) {
            QVERIFY(ready.wait(5000));
        } else {
            QVERIFY(!ready.wait(500));
            QCOMPARE(peer.ofType(u"auth"_s).size(), 1);
            QCOMPARE(client.state(), EventChannelClient::State::Closed);
        }
    }

    // A server with a self-signed certificate: refused and reported, unless the console was given
    // that certificate to trust.
    void selfSignedTls_isRefusedAndReported_unlessTrusted_data() { test::addBackendRows(); }
    void selfSignedTls_isRefusedAndReported_unlessTrusted()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ServerConfig config = test::localServerConfig(scratch.url(), dir);
        // CN=localhost, SAN DNS:localhost, IP:127.0.0.1.
        config.tlsCertificate = test::testDataPath(u"ami/tls/test-asterisk.pem"_s);
        config.tlsKey = test::testDataPath(u"ami/tls/test-asterisk.key"_s);
        ServerInstance server(config);
        QVERIFY(server.start().ok());
        QCOMPARE(server.baseUrl().scheme(), u"https"_s);
        const Agent ana = makeAgent(server.database(), u"ana"_s, u"1001"_s);

        // Asking not to verify is not how a console trusts a server: it still verifies.
        QSslConfiguration noVerify = QSslConfiguration::defaultConfiguration();
        noVerify.setPeerVerifyMode(QSslSocket::VerifyNone);
        EventChannelClient untrusting(server.baseUrl(), noVerify);
        QCOMPARE(untrusting.channelUrl().scheme(), u"wss"_s);
        untrusting.setOptions(fastOptions());
        QSignalSpy tlsErrors(&untrusting, &EventChannelClient::tlsErrors);
        QSignalSpy offline(&untrusting, &EventChannelClient::offline);
        QSignalSpy notReady(&untrusting, &EventChannelClient::ready);
        untrusting.open(ana.token);
        QVERIFY(tlsErrors.wait(5000));
        const auto errors = tlsErrors.first().first().value<QList<QSslError>>();
        QVERIFY(!errors.isEmpty());
        bool selfSigned = false;
        for (const QSslError &e : errors)
            selfSigned = selfSigned || e.error() == QSslError::SelfSignedCertificate;
        QVERIFY2(selfSigned, qPrintable(errors.first().errorString()));
        QVERIFY(offline.size() >= 1 || offline.wait(5000));
        QCOMPARE(offline.first().first().value<Reason>(), Reason::TlsError);
        QCOMPARE(notReady.size(), 0);
        untrusting.close();

        QFile pem(config.tlsCertificate);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.addCaCertificates(QSslCertificate::fromData(pem.readAll(), QSsl::Pem));
        EventChannelClient trusting(server.baseUrl(), trust);
        trusting.setOptions(fastOptions());
        QSignalSpy trustedErrors(&trusting, &EventChannelClient::tlsErrors);
        QSignalSpy ready(&trusting, &EventChannelClient::ready);
        trusting.open(ana.token);
        QVERIFY(ready.wait(5000));
        QCOMPARE(trustedErrors.size(), 0);
        QCOMPARE(notReady.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventChannelClient)
#include "tst_eventchannelclient.moc"
