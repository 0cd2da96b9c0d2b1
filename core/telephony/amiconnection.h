#pragma once

#include <core/model/result.h>
#include <core/telephony/amimessage.h>
#include <core/telephony/amiparser.h>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>

class QTcpSocket;

namespace enlace {

// One Asterisk Manager Interface session over TCP (or TLS): banner, Login (plain or MD5
// challenge), events on, Ping keep-alive, responses matched to actions by ActionID (events may
// arrive in between), event lists gathered until their "...Complete" event, and reconnection
// with exponential backoff when the link drops. A rejected login is final: it is reported once
// and never retried, so a wrong password cannot turn into a reconnect loop.
class AmiConnection final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 5038;
        bool tls = false;
        bool verifyPeer = true;
        QString caFile;   // PEM certificates to trust besides the system's (a private CA)
        QString username;
        QString secret;   // never logged, never put in an error
        bool md5Challenge = false;   // Login with Challenge/Key instead of the plain Secret
        int pingIntervalMs = 20000;   // <= 0: no keep-alive
        int responseTimeoutMs = 10000;
        int reconnectMinMs = 1000;
        int reconnectMaxMs = 30000;
    };

    enum class State { Disconnected, Connecting, LoggingIn, Ready, Failed };
    Q_ENUM(State)

    // The response to an action, and for list actions (CoreShowChannels...) the events of the list.
    struct Reply
    {
        AmiMessage response;
        QList<AmiMessage> events;
        bool success() const;   // "Response: Success" (or Follows/Goodbye)
        QByteArray message() const { return response.value("Message"); }
    };
    using ReplyHandler = std::function<void(Result<Reply>)>;

    explicit AmiConnection(Options options, QObject *parent = nullptr);
    ~AmiConnection() override;

    void open();   // connect (again); no effect while connecting or connected
    void close();   // disconnect and stop reconnecting

    // Sends an action once logged in. An ActionID is added (and returned) unless the message
    // already has one. The handler runs exactly once, always from the event loop: with the
    // reply, or an error if the link is down, drops, or Asterisk does not answer in time.
    QByteArray send(AmiMessage action, ReplyHandler handler = {});

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QByteArray bannerVersion() const { return m_banner; }
    int reconnectAttempts() const { return m_attempt; }
    bool isReconnectScheduled() const { return m_reconnectTimer.isActive(); }
    const Options &options() const { return m_options; }

Q_SIGNALS:
    void ready();   // logged in with events on, after every (re)connect
    void disconnected(const QString &reason);   // the link went down; a reconnect is scheduled
    void loginFailed(const QString &reason);   // credentials refused: final, no reconnect
    void eventReceived(const enlace::AmiMessage &event);
    void stateChanged(enlace::AmiConnection::State state);

private:
    struct Pending
    {
        ReplyHandler handler;
        qint64 deadline = 0;
        bool listStarted = false;
        Reply reply;
        bool internal = false;   // login steps and pings: not subject to Ready
    };

    void setState(State state);
    void connectSocket();
    void handleConnected();
    void handleReadyRead();
    void handleSocketGone(const QString &reason);
    void handleMessage(const AmiMessage &message);
    void handleBanner();
    void login(const QByteArray &challenge);
    void enableEvents();
    QByteArray write(AmiMessage action, ReplyHandler handler, bool internal);
    void failAll(const Error &error);
    void checkTimeouts();
    void sendPing();
    void scheduleReconnect();

    Options m_options;
    State m_state = State::Disconnected;
    QPointer<QTcpSocket> m_socket;
    AmiParser m_parser;
    QByteArray m_banner;
    bool m_wantOpen = false;
    int m_attempt = 0;
    quint64 m_nextId = 0;
    std::map<QByteArray, Pending> m_pending;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QTimer m_timeoutTimer;
    QElapsedTimer m_monotonic;
    qint64 m_stageDeadline = 0;
};

}   // namespace enlace
