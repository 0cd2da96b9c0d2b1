#include <core/api/authenticator.h>
#include <core/api/eventchannel.h>
#include <core/api/tokenstore.h>
#include <core/calls/eventlog.h>
#include <core/http/apirouter.h>
#include <core/http/httpserver.h>
#include <core/identity/agentrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/messagecatalog.h>
#include <core/model/user.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// HttpServer + EventChannel + EventLog on one store, like the real server.
struct ChannelServer
{
    ChannelServer(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog &catalog)
        : log(db, clock)
        , auth(db, clock, &catalog)
        , tokens(db, clock)
        , channel(
              &log, [this](const QString &t) { return auth.callerForToken(t); }, &catalog)
        , server(&router, &catalog)
    {
        server.addWebSocketPath(u"/api/v1/events"_s, channel.webSocketServer());
        server.addWebSocketPath(u"/channels/agent-console"_s, channel.webSocketServer());
        router.setCatalog(&catalog);
        router.setCallerResolver([this](const ApiRequest &r) { return auth.resolve(r); });
        auth.setEventLog(&log);
        auth.registerRoutes(router);   // POST /api/v1/logout
        log.start(60'000);
        ok = server.listen(QHostAddress::LocalHost, 0).ok();
    }
    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(server.port()).arg(pathAndQuery));
    }
    QUrl http(const QString &path) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(server.port()).arg(path)); }

    EventLog log;
    Authenticator auth;
    TokenStore tokens;
    EventChannel channel;
    ApiRouter router;
    HttpServer server;
    bool ok = false;
};

// A console: collects the JSON messages it receives.
struct Console
{
    Console()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closeCode = int(socket.closeCode()); });
    }
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages)
            if (m.contains(u"id"_s))
                out.append(m);
        return out;
    }
    QList<qint64> eventIds() const
    {
        QList<qint64> out;
        for (const QJsonObject &m : events())
            out.append(m.value(u"id"_s).toInteger());
        return out;
    }
    bool ready() const
    {
        for (const QJsonObject &m : messages)
            if (m.value(u"type"_s).toString() == u"ready"_s)
                return true;
        return false;
    }
    // Authenticated by the upgrade request's Authorization header (tokens never go in the URL).
    void open(const QUrl &url, const QString &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        socket.open(request);
    }
    QWebSocket socket;
    QList<QJsonObject> messages;
    int closeCode = -1;
};

struct AgentLogin
{
    qint64 agentId = 0;
    QString token;
};

AgentLogin makeAgent(const std::shared_ptr<Database> &db, TokenStore &tokens, const QString &username)
{
    AgentRepository agents(db, PasswordHasher(1000));
    auto agent = agents.createAgentUser(username, u"pw"_s, u"A"_s, u"B"_s, username.right(4));
    if (!agent.ok())
        return {};
    auto issued = tokens.issue(agent->userId, 3'600'000);
    return { agent->id, issued.ok() ? issued->token : QString() };
}

}   // namespace

class TestEventChannel final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;

private Q_SLOTS:
    void tokenInHeader_receivesLiveEventsOfItsAgentOnly_data() { test::addBackendRows(); }
    void tokenInHeader_receivesLiveEventsOfItsAgentOnly()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        const AgentLogin bob = makeAgent(scratch.db(), s.tokens, u"bob1002"_s);
        QVERIFY(!ana.token.isEmpty() && !bob.token.isEmpty());
        // Older events are not replayed to a console that does not ask for them.
        QVERIFY(s.log.append(ana.agentId, u"call.ended"_s, {}).ok());

        Console console;
        console.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_VERIFY(console.ready());
        QCOMPARE(console.messages.first().value(u"agent_id"_s).toInteger(), ana.agentId);
        QCOMPARE(s.channel.sessionsForAgent(ana.agentId), 1);

        auto mine = s.log.append(ana.agentId, u"call.offered"_s, QJsonObject { { u"call_id"_s, u"c-1"_s } });
        QVERIFY(s.log.append(bob.agentId, u"call.offered"_s, QJsonObject { { u"call_id"_s, u"c-2"_s } }).ok());
        QVERIFY(mine.ok());
        QTRY_COMPARE(console.events().size(), 1);
        const QJsonObject e = console.events().first();
        QCOMPARE(e.value(u"id"_s).toInteger(), mine.value());
        QCOMPARE(e.value(u"type"_s).toString(), u"call.offered"_s);
        QCOMPARE(e.value(u"data"_s).toObject().value(u"call_id"_s).toString(), u"c-1"_s);
        // Bob's event is not sent to Ana: a later event of hers comes right after her first.
        auto later = s.log.append(ana.agentId, u"call.ended"_s, QJsonObject { { u"call_id"_s, u"c-1"_s } });
        QVERIFY(later.ok());
        QTRY_COMPARE(console.events().size(), 2);
        QCOMPARE(console.eventIds(), (QList<qint64> { mine.value(), later.value() }));
    }

    void reconnectWithLastId_replaysWhatWasMissed_data() { test::addBackendRows(); }
    void reconnectWithLastId_replaysWhatWasMissed()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);

        qint64 lastSeen = 0;
        {
            Console first;
            first.open(s.url(u"/channels/agent-console"_s), ana.token);
            QTRY_VERIFY(first.ready());
            QVERIFY(s.log.append(ana.agentId, u"call.offered"_s, {}).ok());
            QTRY_COMPARE(first.events().size(), 1);
            lastSeen = first.eventIds().last();
            first.socket.close();
            QTRY_COMPARE(s.channel.sessionCount(), 0);
        }
        // While the console is away.
        auto connected = s.log.append(ana.agentId, u"call.connected"_s, QJsonObject { { u"call_id"_s, u"c-1"_s } });
        auto ended = s.log.append(ana.agentId, u"call.ended"_s, QJsonObject { { u"call_id"_s, u"c-1"_s } });
        QVERIFY(connected.ok() && ended.ok());

        Console second;
        second.open(s.url(u"/api/v1/events?last_event_id=%1"_s.arg(lastSeen)), ana.token);
        QTRY_COMPARE(second.events().size(), 2);
        QCOMPARE(second.eventIds(), (QList<qint64> { connected.value(), ended.value() }));
        QCOMPARE(second.events().at(0).value(u"type"_s).toString(), u"call.connected"_s);
        // Then live, without duplicates.
        auto live = s.log.append(ana.agentId, u"contact_saved"_s,
                                 QJsonObject { { u"id"_s, u"c-1"_s }, { u"contact_id"_s, 5 } });
        QTRY_COMPARE(second.events().size(), 3);
        QCOMPARE(second.eventIds().last(), live.value());

        // A resume message replays from any id.
        second.socket.sendTextMessage(u"{\"type\":\"resume\",\"last_event_id\":%1}"_s.arg(connected.value()));
        QTRY_COMPARE(second.events().size(), 5);
        QCOMPARE(second.eventIds().mid(3), (QList<qint64> { ended.value(), live.value() }));
    }

    void tokenInFirstMessageOrHeader_isAccepted()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        auto before = s.log.append(ana.agentId, u"call.offered"_s, {});

        Console byMessage;
        byMessage.socket.open(s.url(u"/api/v1/events"_s));
        QTRY_COMPARE(byMessage.socket.state(), QAbstractSocket::ConnectedState);
        byMessage.socket.sendTextMessage(u"{\"type\":\"auth\",\"token\":\"%1\",\"last_event_id\":0}"_s.arg(ana.token));
        QTRY_VERIFY(byMessage.ready());
        QTRY_COMPARE(byMessage.eventIds(), QList<qint64> { before.value() });

        Console byHeader;
        QNetworkRequest request(s.url(u"/api/v1/events"_s));
        request.setRawHeader("Authorization", "Bearer " + ana.token.toLatin1());
        byHeader.socket.open(request);
        QTRY_VERIFY(byHeader.ready());

        byHeader.socket.sendTextMessage(u"{\"type\":\"ping\"}"_s);
        QTRY_VERIFY(byHeader.messages.last().value(u"type"_s).toString() == u"pong"_s);
    }

    // A token in the URL ends up in proxies' access logs: refused, even a valid one, with a message
    // that says how to authenticate instead, in the console's language.
    void tokenInUrl_isRefusedWith4401_andTheMessageSaysHow_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("english") << u"/api/v1/events?token=%1"_s << QByteArray("en") << u"Authorization header"_s;
        QTest::newRow("spanish, other path, with last id") << u"/channels/agent-console?last_event_id=0&token=%1"_s
                                                           << QByteArray("es") << u"encabezado Authorization"_s;
        QTest::newRow("brazilian portuguese")
            << u"/api/v1/events?token=%1"_s << QByteArray("pt-BR") << u"cabeçalho Authorization"_s;
    }
    void tokenInUrl_isRefusedWith4401_andTheMessageSaysHow()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, language);
        QFETCH(QString, expected);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        QVERIFY(s.log.append(ana.agentId, u"call.offered"_s, {}).ok());
        Console console;
        QNetworkRequest request(s.url(path.arg(ana.token)));
        request.setRawHeader("Accept-Language", language);
        console.socket.open(request);
        QTRY_COMPARE(console.closeCode, 4401);
        QCOMPARE(console.messages.size(), 1);
        QCOMPARE(console.messages.first().value(u"type"_s).toString(), u"error"_s);
        const QString message = console.messages.first().value(u"message"_s).toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(!message.contains(ana.token));
        QVERIFY(!console.ready());
        QTRY_COMPARE(s.channel.sessionCount(), 0);
        QCOMPARE(s.channel.sessionsForAgent(ana.agentId), 0);
    }

    // Before authentication a message of more than 4 KiB closes the connection with 1009 (one of
    // 200 MB once took the server from 22 MB to 225 MB); an agent's console may send up to 64 KiB.
    void oversizedMessages_closeWith1009_data() { test::addBackendRows(); }
    void oversizedMessages_closeWith1009()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        Console anonymous;
        anonymous.socket.open(s.url(u"/api/v1/events"_s));
        QTRY_COMPARE(anonymous.socket.state(), QAbstractSocket::ConnectedState);
        anonymous.socket.sendTextMessage(QString(5000, u'x'));
        QTRY_COMPARE(anonymous.closeCode, 1009);
        QTRY_COMPARE(s.channel.sessionCount(), 0);

        Console big;
        big.socket.open(s.url(u"/api/v1/events"_s));
        QTRY_COMPARE(big.socket.state(), QAbstractSocket::ConnectedState);
        big.socket.sendTextMessage(u"{\"type\":\"auth\",\"token\":\""_s + QString(200000, u'a') + u"\"}"_s);
        QTRY_COMPARE(big.closeCode, 1009);

        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        Console console;
        console.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_VERIFY(console.ready());
        console.socket.sendTextMessage(u"{\"type\":\"ping\",\"pad\":\""_s + QString(20000, u'p') + u"\"}"_s);
        QTRY_VERIFY(console.messages.last().value(u"type"_s).toString() == u"pong"_s);
        console.socket.sendTextMessage(QString(70 * 1024, u'y'));
        QTRY_COMPARE(console.closeCode, 1009);

        Console binary;
        binary.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_VERIFY(binary.ready());
        binary.socket.sendBinaryMessage(QByteArray(16, '\0'));
        QTRY_COMPARE(binary.closeCode, 1003);
    }

    void badCredentials_closeWith4401_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("unknown token") << u"nope"_s;
        QTest::newRow("no token, other message") << QString();
    }
    void badCredentials_closeWith4401()
    {
        QFETCH(QString, token);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        Console console;
        if (!token.isEmpty())
            console.open(s.url(u"/api/v1/events"_s), token);
        else
            console.socket.open(s.url(u"/api/v1/events"_s));
        if (token.isEmpty()) {
            QTRY_COMPARE(console.socket.state(), QAbstractSocket::ConnectedState);
            console.socket.sendTextMessage(u"{\"type\":\"resume\",\"last_event_id\":0}"_s);
        }
        QTRY_COMPARE(console.closeCode, 4401);
        QCOMPARE(console.messages.first().value(u"type"_s).toString(), u"error"_s);
        QVERIFY(!console.ready());
    }

    void expiredToken_isRefused()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        clock.advance(3'600'000);
        Console console;
        console.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_COMPARE(console.closeCode, 4401);
    }

    void silentConnection_isClosedAfterTheAuthTimeout()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        s.channel.setAuthTimeoutMs(100);
        Console console;
        console.socket.open(s.url(u"/api/v1/events"_s));
        QTRY_COMPARE(console.closeCode, 4401);
    }

    void nonAgentUser_isRefusedWith4403()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        User u;
        u.username = u"sup"_s;
        u.role = Role::Supervisor;
        auto id = users.create(u, u"pw"_s);
        QVERIFY(id.ok());
        auto issued = s.tokens.issue(id.value(), 60'000);
        Console console;
        console.open(s.url(u"/api/v1/events"_s), issued->token);
        QTRY_COMPARE(console.closeCode, 4403);
    }

    // The probe: after logout (or deactivation) the console's session went on receiving events.
    // A logout on one instance closes, on every instance, the sessions opened with that token
    // (4401, after an error message); the same agent's session with another token stays, and the
    // internal announcement never reaches a console.
    void logout_closesTheTokensSessionsOnEveryInstance_data() { test::addBackendRows(); }
    void logout_closesTheTokensSessionsOnEveryInstance()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ChannelServer one(scratch.db(), clock, m_catalog);
        auto otherDb = Database::open(scratch.url());
        QVERIFY(otherDb.ok());
        ChannelServer two(otherDb.value(), clock, m_catalog);
        QVERIFY(one.ok && two.ok);
        one.log.start(50);
        two.log.start(50);
        const AgentLogin ana = makeAgent(scratch.db(), one.tokens, u"ana1001"_s);
        auto anaAgent = AgentRepository(scratch.db()).find(ana.agentId);
        QVERIFY(anaAgent.ok());
        const auto second = one.tokens.issue(anaAgent->userId, 3'600'000);
        QVERIFY(second.ok());
        Console onOne, onTwo, otherToken;
        onOne.socket.open(one.url(u"/api/v1/events"_s));
        onTwo.socket.open(two.url(u"/api/v1/events"_s));
        otherToken.socket.open(two.url(u"/api/v1/events"_s));
        QTRY_VERIFY(onOne.socket.state() == QAbstractSocket::ConnectedState
                    && onTwo.socket.state() == QAbstractSocket::ConnectedState
                    && otherToken.socket.state() == QAbstractSocket::ConnectedState);
        const auto auth = [](Console &c, const QString &token) {
            c.socket.sendTextMessage(
                QString::fromUtf8(QJsonDocument(QJsonObject { { u"type"_s, u"auth"_s }, { u"token"_s, token } })
                                      .toJson(QJsonDocument::Compact)));
        };
        auth(onOne, ana.token);
        auth(onTwo, ana.token);
        auth(otherToken, second->token);
        QTRY_VERIFY(onOne.ready() && onTwo.ready() && otherToken.ready());

        QNetworkAccessManager nam;
        QNetworkRequest logout(one.http(u"/api/v1/logout"_s));
        logout.setRawHeader("Authorization", "Bearer " + ana.token.toLatin1());
        logout.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = nam.post(logout, QByteArray("{}"));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        QTRY_COMPARE(onOne.closeCode, 4401);
        QTRY_COMPARE(onTwo.closeCode, 4401);   // the other instance, told through the store
        QVERIFY(onTwo.messages.last().value(u"type"_s).toString() == u"error"_s);
        // The session with the agent's other token stays and keeps receiving events.
        auto id = one.log.append(ana.agentId, u"contact_saved"_s, QJsonObject { { u"contact_id"_s, 7 } });
        QVERIFY(id.ok());
        QTRY_COMPARE(otherToken.eventIds(), QList<qint64> { id.value() });
        QCOMPARE(otherToken.closeCode, -1);
        for (const Console *c : { &onOne, &onTwo, &otherToken })
            for (const QJsonObject &m : c->messages)
                QVERIFY(m.value(u"type"_s).toString() != QLatin1StringView(EventLog::SessionRevoked));
    }

    // What no announcement covers (a token that expired while its console was connected, rows
    // removed by hand) is caught at the next ping; an unreachable store closes nothing.
    void expiredWhileConnected_isClosedAtTheNextPing()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        s.channel.setPingIntervalMs(100);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        Console console;
        console.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_VERIFY(console.ready());
        // Pings answered: still open after three rounds (each checks the last one's pong). A ping
        // of the console's own comes back after any close the server sent before its pong.
        auto *pingTimer = s.channel.findChild<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(pingTimer && pingTimer->isActive() && pingTimer->interval() == 100);
        QSignalSpy pingRounds(pingTimer, &QTimer::timeout);
        QTRY_VERIFY(pingRounds.count() >= 3);
        QSignalSpy pong(&console.socket, &QWebSocket::pong);
        console.socket.ping();
        QTRY_VERIFY(pong.count() == 1 || console.closeCode != -1);
        QCOMPARE(console.closeCode, -1);
        clock.advance(3'600'000);
        QTRY_COMPARE(console.closeCode, 4401);
    }

    // At most 1024 connections wait for their token at once: the next is closed with 4503 (try
    // again later) and the refusals are logged once, not once each; a connection that
    // authenticates leaves the waiting room and makes space.
    void unauthenticatedConnections_areBoundedAt1024()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        s.channel.setAuthTimeoutMs(120'000);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        std::vector<std::unique_ptr<Console>> waiting;
        // In steps of 32, so the listen backlog never overflows (the kernel would then delay
        // the handshakes by its SYN retries).
        for (int i = 0; i < 1024; ++i) {
            waiting.push_back(std::make_unique<Console>());
            waiting.back()->socket.open(s.url(u"/api/v1/events"_s));
            if (i % 32 == 31)
                QTRY_VERIFY_WITH_TIMEOUT(s.channel.sessionCount() == i + 1, 30'000);
        }
        QCOMPARE(s.channel.sessionCount(), 1024);
        int warnings = 0;
        static int *counter = nullptr;
        counter = &warnings;
        const QtMessageHandler previous
            = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &) {
                  if (type == QtWarningMsg)
                      ++*counter;
              });
        std::vector<std::unique_ptr<Console>> refused;
        for (int i = 0; i < 5; ++i) {
            refused.push_back(std::make_unique<Console>());
            refused.back()->socket.open(s.url(u"/api/v1/events"_s));
        }
        for (const auto &c : refused)
            QTRY_COMPARE(c->closeCode, 4503);
        qInstallMessageHandler(previous);
        QCOMPARE(warnings, 1);
        for (const auto &c : waiting)
            QCOMPARE(c->closeCode, -1);

        waiting.front()->socket.sendTextMessage(u"{\"type\":\"auth\",\"token\":\"%1\"}"_s.arg(ana.token));
        QTRY_VERIFY(waiting.front()->ready());
        Console next;
        next.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_VERIFY(next.ready());
    }

    void otherInstancesEvents_reachTheConsole_data() { test::addBackendRows(); }
    void otherInstancesEvents_reachTheConsole()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ChannelServer s(scratch.db(), clock, m_catalog);
        QVERIFY(s.ok);
        s.log.start(50);
        const AgentLogin ana = makeAgent(scratch.db(), s.tokens, u"ana1001"_s);
        Console console;
        console.open(s.url(u"/api/v1/events"_s), ana.token);
        QTRY_VERIFY(console.ready());
        auto otherDb = Database::open(scratch.url());
        QVERIFY(otherDb.ok());
        EventLog otherInstance(otherDb.value(), clock);
        auto id = otherInstance.append(ana.agentId, u"external_site_interaction"_s,
                                       QJsonObject { { u"delivered"_s, true }, { u"error_msg"_s, QJsonValue::Null } });
        QVERIFY(id.ok());
        QTRY_COMPARE(console.eventIds(), QList<qint64> { id.value() });
        QVERIFY(console.events().first().value(u"data"_s).toObject().value(u"error_msg"_s).isNull());
    }
};

QTEST_GUILESS_MAIN(TestEventChannel)
#include "tst_eventchannel.moc"
