#include <core/client/eventchannelclient.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEventClient, "enlace.client.events", QtInfoMsg)

namespace enlace {

namespace {

constexpr int kCloseUnauthorized = 4401;
constexpr int kCloseForbidden = 4403;

QUrl channelUrlOf(const QUrl &base)
{
    QUrl url;
    const QString scheme = base.scheme().toLower();
    url.setScheme(scheme == u"https"_s || scheme == u"wss"_s ? u"wss"_s : u"ws"_s);
    url.setHost(base.host());
    url.setPort(base.port());
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/v1/events"_s);
    return url;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

}   // namespace

EventChannelClient::EventChannelClient(const QUrl &serverBaseUrl, const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_url(channelUrlOf(serverBaseUrl))
    , m_tls(tls)
{
    // Trust is what the configuration's CA certificates say, never "do not verify".
    m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_openTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this,
            [this] { drop(OfflineReason::Timeout, u"no answer from the server in %1 ms"_s.arg(m_options.timeoutMs)); });
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        drop(OfflineReason::Timeout, u"the server did not answer a ping in %1 ms"_s.arg(m_options.timeoutMs));
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &EventChannelClient::sendPing);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &EventChannelClient::connectNow);
}

EventChannelClient::~EventChannelClient()
{
    close();
}

void EventChannelClient::open(const QString &token, std::optional<qint64> lastEventId)
{
    close();
    m_token = token;
    if (lastEventId) {
        m_lastEventId = *lastEventId;
        m_floor = *lastEventId;
        m_delivered.clear();
    }
    m_attempt = 0;
    connectNow();
}

void EventChannelClient::close()
{
    m_openTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_reconnectTimer.stop();
    releaseSocket();
    m_state = State::Closed;
}

void EventChannelClient::releaseSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    if (m_handshakeDone)
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    else
        socket->abort();
    socket->deleteLater();
}

void EventChannelClient::connectNow()
{
    releaseSocket();
    ++m_attempt;
    m_handshakeDone = false;
    m_tlsRefused = false;
    m_serverError.clear();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    if (m_url.scheme() == u"wss"_s)
        socket->setSslConfiguration(m_tls);
    connect(socket, &QWebSocket::connected, this, [this, socket] { handleConnected(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { handleMessage(socket, text); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { handleDisconnected(socket); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this, socket] {
        // A connection that never opened ends here (there may be no disconnected()); one that
        // was open ends in handleDisconnected(), which has the close code.
        QTimer::singleShot(0, this, [this, socket] {
            if (socket == m_socket && socket->state() == QAbstractSocket::UnconnectedState)
                handleDisconnected(socket);
        });
    });
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (socket != m_socket)
            return;
        // Not ignored: the handshake fails and the attempt ends as TlsError.
        m_tlsRefused = true;
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        qCWarning(lcEventClient).noquote()
            << u"event channel: certificate refused url=%1 errors=%2"_s.arg(m_url.toString(), texts.join(u"; "_s));
        Q_EMIT tlsErrors(errors);
    });

    m_state = State::Connecting;
    Q_EMIT connecting();
    QNetworkRequest request(m_url);
    if (!m_language.isEmpty())
        request.setRawHeader("Accept-Language", m_language.toLatin1());
    m_openTimer.start(m_options.timeoutMs);
    socket->open(request);
}

void EventChannelClient::handleConnected(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    m_handshakeDone = true;
    QJsonObject auth { { u"type"_s, u"auth"_s }, { u"token"_s, m_token } };
    if (m_lastEventId)
        auth.insert(u"last_event_id"_s, *m_lastEventId);
    socket->sendTextMessage(compact(auth));
}

void EventChannelClient::handleMessage(QWebSocket *socket, const QString &text)
{
    if (socket != m_socket)
        return;
    m_pongTimer.stop();   // the server answers: whatever it sent counts as a pong
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.contains(u"id"_s)) {
        auto event = wire::AgentEvent::fromJson(message);
        if (!event.ok()) {
            qCWarning(lcEventClient).noquote()
                << u"event channel: undecodable message field=%1"_s.arg(event.error().detail);
            return;
        }
        handleEvent(event.value());
        return;
    }
    const QString type = message.value(u"type"_s).toString();
    if (type == u"ready"_s) {
        m_openTimer.stop();
        m_agentId = message.value(u"agent_id"_s).toInteger();
        const qint64 position = message.value(u"last_event_id"_s).toInteger();
        if (!m_lastEventId) {
            // Live from here: the server's position is where a reconnect resumes.
            m_lastEventId = position;
            m_floor = position;
        }
        m_attempt = 0;
        m_serverError.clear();
        m_state = State::Ready;
        m_pingTimer.start(m_options.pingIntervalMs);
        qCInfo(lcEventClient).noquote() << u"event channel ready agent=%1 resume_from=%2"_s.arg(m_agentId).arg(
            *m_lastEventId);
        Q_EMIT ready(m_agentId);
    } else if (type == u"error"_s) {
        m_serverError = message.value(u"message"_s).toString();
    }
}

void EventChannelClient::handleEvent(const wire::AgentEvent &event)
{
    if (event.id <= m_floor || m_delivered.contains(event.id))
        return;   // delivered already (a replay)
    m_delivered.insert(event.id);
    m_lastEventId = std::max(m_lastEventId.value_or(0), event.id);
    if (m_delivered.size() > kDedupWindow) {
        m_floor = std::max(m_floor, *m_lastEventId - kDedupWindow);
        for (auto it = m_delivered.begin(); it != m_delivered.end();) {
            if (*it <= m_floor)
                it = m_delivered.erase(it);
            else
                ++it;
        }
    }
    Q_EMIT eventReceived(event);
    if (event.type == QLatin1StringView(wire::AgentEvent::CallOffered))
        emitDecoded<wire::CallEvent>(event, &EventChannelClient::callOffered);
    else if (event.type == QLatin1StringView(wire::AgentEvent::CallConnected))
        emitDecoded<wire::CallConnected>(event, &EventChannelClient::callConnected);
    else if (event.type == QLatin1StringView(wire::AgentEvent::CallEnded))
        emitDecoded<wire::CallEnded>(event, &EventChannelClient::callEnded);
    else if (event.type == QLatin1StringView(wire::AgentEvent::ExternalSiteInteraction))
        emitDecoded<wire::ExternalSiteInteraction>(event, &EventChannelClient::externalSiteInteraction);
    else if (event.type == QLatin1StringView(wire::AgentEvent::DispositionInteraction))
        emitDecoded<wire::DispositionInteraction>(event, &EventChannelClient::dispositionInteraction);
    else if (event.type == QLatin1StringView(wire::AgentEvent::ContactSaved))
        emitDecoded<wire::ContactSaved>(event, &EventChannelClient::contactSaved);
}

template <typename T, typename Signal>
void EventChannelClient::emitDecoded(const wire::AgentEvent &event, Signal signal)
{
    auto decoded = T::fromJson(event.data);
    if (!decoded.ok()) {
        qCWarning(lcEventClient).noquote() << u"event channel: malformed event id=%1 type=%2 field=%3"_s.arg(
            QString::number(event.id), event.type, decoded.error().detail);
        Q_EMIT malformedEvent(event, decoded.error().detail);
        return;
    }
    Q_EMIT(this->*signal)(decoded.value());
}

void EventChannelClient::sendPing()
{
    if (!m_socket || m_state != State::Ready)
        return;
    m_socket->sendTextMessage(u"{\"type\":\"ping\"}"_s);
    if (!m_pongTimer.isActive())
        m_pongTimer.start(m_options.timeoutMs);
}

void EventChannelClient::handleDisconnected(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    const int code = int(socket->closeCode());
    const QString detail = !m_serverError.isEmpty() ? m_serverError
        : m_handshakeDone                           ? u"closed code=%1 %2"_s.arg(code).arg(socket->closeReason())
                                                    : socket->errorString();
    if (m_tlsRefused)
        drop(OfflineReason::TlsError, detail);
    else if (m_handshakeDone && code == kCloseUnauthorized)
        drop(OfflineReason::SessionExpired, detail, true);
    else if (m_handshakeDone && code == kCloseForbidden)
        drop(OfflineReason::NotAnAgent, detail, true);
    else if (m_handshakeDone)
        drop(OfflineReason::ServerClosed, detail);
    else
        drop(OfflineReason::NetworkError, detail);
}

void EventChannelClient::drop(OfflineReason reason, const QString &detail, bool stop)
{
    m_openTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    // A timeout: the server may never close; end the connection here (abort, no close handshake).
    m_handshakeDone = m_handshakeDone && reason != OfflineReason::Timeout;
    releaseSocket();
    qCInfo(lcEventClient).noquote() << u"event channel offline reason=%1 detail=%2"_s.arg(
        QString::fromLatin1(QMetaEnum::fromType<OfflineReason>().valueToKey(int(reason))), detail);
    if (stop) {
        m_state = State::Closed;
        m_token.clear();
    } else {
        m_state = State::Offline;
        scheduleReconnect();
    }
    Q_EMIT offline(reason, detail);
    if (reason == OfflineReason::SessionExpired)
        Q_EMIT sessionExpired();
    else if (reason == OfflineReason::NotAnAgent)
        Q_EMIT notAnAgent();
}

void EventChannelClient::scheduleReconnect()
{
    // Full jitter: a uniform wait in [0, ceiling], the ceiling doubling with each failed attempt.
    const double ceiling = std::min<double>(m_options.reconnectMaxMs,
                                            m_options.reconnectMinMs * std::pow(2.0, std::max(0, m_attempt - 1)));
    const int delay = int(QRandomGenerator::global()->bounded(std::max(1.0, ceiling + 1)));
    m_reconnectTimer.start(delay);
}

}   // namespace enlace
