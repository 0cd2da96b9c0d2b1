#pragma once

#include <core/requests/agentevents.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

class QWebSocket;

namespace enlace {

// The console's end of the agent event channel (EventChannel on the server):
// - connects to ws(s)://<server>/api/v1/events and authenticates with its first message
//   {"type":"auth","token":...,"last_event_id":N}: the token is never put in the URL;
// - decodes every event into its wire type and emits it once: it keeps the highest event id it
//   delivered, resumes from it on every reconnect and drops what the server sends again;
// - reconnects after a drop with exponential backoff and full jitter (a random wait in
//   [0, min(max, min * 2^(n-1))] before attempt n), so consoles do not return all at once;
// - pings the server and treats one that does not answer in time (or never completes the
//   handshake) as offline;
// - stops at close code 4401 (sessionExpired: log in again) and 4403 (not an agent); every other
//   drop (1006, 1001 server going away, 4503/1013 try again later) reconnects;
// - verifies the server's certificate against the QSslConfiguration it is given and never
//   ignores a TLS error: to trust a self-signed server add its certificate to that
//   configuration's CA certificates. TLS errors are reported (tlsErrors) at each attempt.
class EventChannelClient final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int timeoutMs = 10'000;   // to open (handshake and auth) and for a ping's answer
        int pingIntervalMs = 20'000;   // under the server's 30 s, so a proxy never sees it idle
        int reconnectMinMs = 500;   // the backoff ceiling of the first retry
        int reconnectMaxMs = 30'000;   // and of every later one
    };

    enum class State { Closed, Connecting, Ready, Offline };
    Q_ENUM(State)
    enum class OfflineReason {
        ServerClosed,   // the server closed the channel or the connection dropped: reconnecting
        NetworkError,   // no connection (refused, unreachable, DNS): reconnecting
        Timeout,   // no handshake, no ready or no pong in time: reconnecting
        TlsError,   // the server's certificate was refused (see tlsErrors): reconnecting
        SessionExpired,   // 4401: the token is no longer valid; stopped
        NotAnAgent,   // 4403; stopped
    };
    Q_ENUM(OfflineReason)

    // serverBaseUrl: http(s)://host[:port][/prefix] (ws/wss also accepted). tls: the configuration
    // (trusted CAs, client certificate) for a wss channel; peers are always verified.
    explicit EventChannelClient(const QUrl &serverBaseUrl,
                                const QSslConfiguration &tls = QSslConfiguration::defaultConfiguration(),
                                QObject *parent = nullptr);
    ~EventChannelClient() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }
    // Accept-Language of the connection: the server's error messages come in this language.
    void setLanguage(const QString &language) { m_language = language; }
    QUrl channelUrl() const { return m_url; }

    // Connects (again) with this token. lastEventId: the highest event id the console already
    // has (from an earlier run). Without it the client resumes where it left off (after a
    // sessionExpired, with the new token) or, the first time, receives only newer events.
    void open(const QString &token, std::optional<qint64> lastEventId = std::nullopt);
    // Disconnects and stops reconnecting; no signal.
    void close();

    State state() const { return m_state; }
    // The highest event id delivered (or the server's position when it became ready); persist it
    // to resume after a restart of the console.
    std::optional<qint64> lastEventId() const { return m_lastEventId; }
    qint64 agentId() const { return m_agentId; }
    // Connection attempts since the channel was last ready.
    int reconnectAttempts() const { return m_attempt; }

Q_SIGNALS:
    void connecting();
    void ready(qint64 agentId);
    void offline(enlace::EventChannelClient::OfflineReason reason, const QString &detail);
    void sessionExpired();
    void notAnAgent();
    void tlsErrors(const QList<QSslError> &errors);

    // Every event, once, in the order received; then the typed signal of its type.
    void eventReceived(const enlace::wire::AgentEvent &event);
    void callOffered(const enlace::wire::CallEvent &call);
    void callConnected(const enlace::wire::CallConnected &event);
    void callEnded(const enlace::wire::CallEnded &event);
    void externalSiteInteraction(const enlace::wire::ExternalSiteInteraction &event);
    void dispositionInteraction(const enlace::wire::DispositionInteraction &event);
    void contactSaved(const enlace::wire::ContactSaved &event);
    // An event of a known type whose data did not decode; detail names the field.
    void malformedEvent(const enlace::wire::AgentEvent &event, const QString &detail);

private:
    void connectNow();
    void handleConnected(QWebSocket *socket);
    void handleMessage(QWebSocket *socket, const QString &text);
    void handleDisconnected(QWebSocket *socket);
    void handleEvent(const wire::AgentEvent &event);
    void sendPing();
    // Ends the current connection; stop: no reconnect.
    void drop(OfflineReason reason, const QString &detail, bool stop = false);
    void scheduleReconnect();
    void releaseSocket();
    template <typename T, typename Signal> void emitDecoded(const wire::AgentEvent &event, Signal signal);

    // Ids delivered above m_floor are remembered so a replay is not delivered again; past this
    // many the floor rises (ids are global: a console sees a fraction of them).
    static constexpr qint64 kDedupWindow = 10'000;

    QUrl m_url;
    QSslConfiguration m_tls;
    Options m_options;
    QString m_language;
    QString m_token;   // in memory only; sent in the auth message, never logged
    State m_state = State::Closed;
    QPointer<QWebSocket> m_socket;
    bool m_handshakeDone = false;
    bool m_tlsRefused = false;
    QString m_serverError;   // the last {"type":"error"} message of this connection
    QTimer m_openTimer;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    QTimer m_reconnectTimer;
    int m_attempt = 0;
    qint64 m_agentId = 0;
    std::optional<qint64> m_lastEventId;
    qint64 m_floor = 0;   // every id up to here counts as delivered
    QSet<qint64> m_delivered;   // delivered ids above m_floor
};

}   // namespace enlace
