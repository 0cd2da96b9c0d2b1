#pragma once

#include <core/http/apirequest.h>
#include <core/model/ratelimit.h>
#include <core/model/result.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QWebSocket;
class QWebSocketServer;
class QTimer;

namespace enlace {

class EventLog;
class MessageCatalog;

// The agent event channel: one WebSocket per console, authenticated by the agent's API token.
//   connect  ws[s]://host/api/v1/events[?last_event_id=N]   (also /channels/agent-console), then
//            the first message {"type":"auth","token":"T","last_event_id":N}, or the upgrade
//            request with `Authorization: Bearer T`. Never a token in the URL (it ends up in proxy
//            logs): `?token=` is refused with an error message and 4401.
//   server   {"type":"ready","agent_id":A,"last_event_id":N}, then every event as
//            {"id":N,"type":"call.connected","data":{...}}, oldest first
//   client   {"type":"resume","last_event_id":N} replays what came after N;
//            {"type":"ping"} -> {"type":"pong"}
// Without last_event_id the console receives only events newer than its connection.
// Errors: {"type":"error","message":...}; bad credentials close with code 4401, a user that is not
// an agent with 4403. The server pings every interval and drops a console that stops answering.
// A session whose token is revoked (logout), expires or whose user is deactivated is closed with
// 4401 after an error message: at once on every instance (an EventLog::SessionRevoked event), and
// in any case at the next ping, when each session's token is checked again.
// Messages are bounded (4 KiB before authentication, 64 KiB after; more closes with 1009); binary
// messages close with 1003; past 1024 connections waiting for authentication a new one gets 4503 (try again later:
// Qt 6.4's QWebSocket turns 1013 into 1002, so a code of the private range).
class EventChannel final : public QObject
{
    Q_OBJECT

public:
    using TokenResolver = std::function<Result<Caller>(const QString &token)>;

    EventChannel(EventLog *log, TokenResolver resolver, const MessageCatalog *catalog, QObject *parent = nullptr);
    ~EventChannel() override;

    // Give this to HttpServer::addWebSocketPath.
    QWebSocketServer *webSocketServer() const { return m_server; }
    void setPingIntervalMs(int ms);
    void setAuthTimeoutMs(int ms) { m_authTimeoutMs = ms; }

    int sessionCount() const { return int(m_sessions.size()); }
    int sessionsForAgent(qint64 agentId) const;
    void closeAll();

Q_SIGNALS:
    void sessionOpened(qint64 agentId);
    void sessionClosed(qint64 agentId);

private:
    struct Session
    {
        qint64 agentId = 0;
        bool authenticated = false;
        qint64 floor = 0;   // the console has everything up to here
        qint64 maxSent = 0;
        QSet<qint64> sent;   // ids above floor already sent
        bool awaitingPong = false;
        QString language = QStringLiteral("es");
        QString token;   // in memory only: checked again when credentials are revoked
    };

    void handleNewConnection();
    void handleMessage(QWebSocket *socket, const QString &text);
    void authenticate(QWebSocket *socket, const QString &token, std::optional<qint64> lastEventId);
    void deliver(QWebSocket *socket);
    void deliverToAgent(qint64 agentId);
    void sendError(QWebSocket *socket, const QString &message);
    void pingAll();
    // The session's token again: false (and the session closed with 4401) when it was revoked,
    // expired or its user deactivated. A store that cannot answer closes nothing.
    bool stillAuthorized(QWebSocket *socket);

    EventLog *m_log;
    TokenResolver m_resolver;
    const MessageCatalog *m_catalog;
    QWebSocketServer *m_server;
    QTimer *m_pingTimer;
    int unauthenticatedSessions() const;

    // A console sends {"type":"auth"...}, ping and resume: a few hundred bytes.
    static constexpr quint64 kMaxMessageBeforeAuth = 4 * 1024;
    static constexpr quint64 kMaxMessage = 64 * 1024;
    // Connections still waiting for their token (each closed after m_authTimeoutMs); more: 4503.
    static constexpr int kMaxUnauthenticated = 1024;
    int m_authTimeoutMs = 10'000;
    RateLimit m_refusalLog;   // refusals (4503) are logged at most every 10 s
    QHash<QWebSocket *, Session> m_sessions;
};

}   // namespace enlace
